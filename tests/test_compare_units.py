"""Pure pieces of the comparison: target and deadline directions, units across levels, vocabulary."""

from __future__ import annotations

from plancompare.align.vocabulary import content_words, neutral_text
from plancompare.diff.deadlines import deadline_divergence
from plancompare.diff.targets import target_divergences
from plancompare.diff.units import unit_divergence
from plancompare.model.comparison import Aspect
from plancompare.model.deadlines import Deadline, DeadlineKind
from plancompare.model.targets import Comparator, Target
from plancompare.model.units import UnitRef


def _t(cmp: str, value: float, value_max: float | None = None, by_year: int | None = None) -> Target:
    return Target(
        text="", comparator=Comparator(cmp), value=value, value_max=value_max, unit="%", by_year=by_year
    )


def test_target_directions() -> None:
    assert target_divergences([_t("range", 15, 20)], [_t("range", 10, 15)])[0].direction.value == "weaker"
    assert (
        target_divergences([_t(">=", 15, by_year=2030)], [_t("=", 15, by_year=2030)])[0].direction.value
        == "different"
    )
    assert target_divergences([_t("<", 1)], [_t("<", 2)])[0].direction.value == "weaker"
    assert target_divergences([_t("<", 1)], [_t("<", 0.5)])[0].direction.value == "stronger"
    assert target_divergences([_t("range", 15, 20)], [_t("range", 15, 20)]) == []
    missing = target_divergences([_t("<", 1)], [])
    assert (missing[0].plan, missing[0].direction.value) == ("(not stated)", "weaker")


def test_deadline_directions() -> None:
    annual = DeadlineKind.ANNUAL
    ref = Deadline(text="trước ngày 01/10", kind=annual, day_month="01/10", before=True, recurs="annual")
    plan = Deadline(text="trước ngày 30/9", kind=annual, day_month="30/09", before=True, recurs="annual")
    assert deadline_divergence(ref, [plan]).direction.value == "earlier"  # type: ignore[union-attr]
    assert deadline_divergence(plan, [ref]).direction.value == "later"  # type: ignore[union-attr]
    date = Deadline(kind=DeadlineKind.DATE, date="2025-08-31")
    assert (
        deadline_divergence(date, [Deadline(kind=DeadlineKind.DATE, date="2025-10-31")]).direction.value
        == "later"
    )  # type: ignore[union-attr]
    assert deadline_divergence(ref, [Deadline()]) is None  # plan states none


def test_units_compared_across_levels() -> None:
    central = [UnitRef(text="Bộ Tài chính"), UnitRef(text="Ngân hàng Chính sách xã hội")]
    province = [UnitRef(text="Sở Tài chính"), UnitRef(text="Chi nhánh Ngân hàng Chính sách xã hội tỉnh")]
    assert unit_divergence(Aspect.LEAD_UNIT, central, province) is None
    other = unit_divergence(Aspect.LEAD_UNIT, central, [UnitRef(text="Sở Y tế")])
    assert other is not None and other.direction.value == "different"
    assert unit_divergence(Aspect.LEAD_UNIT, [], province) is None


def test_local_wording_is_neutralized() -> None:
    national = "Các bộ, ngành phối hợp với Ngân hàng Chính sách xã hội trong cả nước"
    local = "Các sở, ban, ngành cấp tỉnh phối hợp với NHCSXH trên địa bàn tỉnh"
    assert content_words(national) == content_words(local)
    assert "hoà" not in neutral_text("hoà nhập") and "hòa" in neutral_text("hoà nhập")
