"""The message catalogue: complete in both languages, every key the code asks for exists, and the
sentences a report builds from it read as intended."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from plancompare.i18n import Lang, Message, catalogue, lang_from_args, number, parse_lang, t, t_or
from plancompare.model import warning_codes
from plancompare.model.common import Span
from plancompare.model.comparison import Aspect, Direction, Divergence, FindingKind
from plancompare.model.deadlines import DeadlineKind
from plancompare.model.targets import Comparator, Target
from plancompare.model.warnings import ParseWarning
from plancompare.report.compare_common import (
    describe_target,
    divergence_sentence,
    span_location,
    warning_sentence,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "plancompare"
_LITERAL_KEY = regex.compile(r"""\bt(?:_or)?\(\s*["']([a-z_][\w.-]*)["']""")


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    messages = catalogue().messages
    assert len(messages) > 150
    for key, message in messages.items():
        assert message.vi.strip() and message.en.strip(), key
    with pytest.raises(ValueError, match="placeholders differ"):
        Message(vi="Kế hoạch {plan}", en="Plan {plan_id}")


def test_every_literal_key_in_the_code_is_in_the_catalogue() -> None:
    used = {
        m.group(1) for f in SRC.rglob("*.py") for m in _LITERAL_KEY.finditer(f.read_text(encoding="utf-8"))
    }
    assert {"report.title", "error.below_threshold", "cli.opt.help"} <= used
    missing = sorted(k for k in used if k not in catalogue().messages)
    assert missing == []


def test_dynamic_keys_cover_every_code_the_model_knows() -> None:
    messages = catalogue().messages
    for kind in [*FindingKind, "not_applicable"]:
        assert f"kind.{kind}" in messages and f"kind_help.{kind}" in messages
    codes = [v for k, v in vars(warning_codes).items() if k.isupper()]
    codes += ["body_text_evidence", "reference_not_cited", "reference_reconstructed"]
    assert [c for c in codes if f"warning.{c}" not in messages] == []
    for kind in DeadlineKind:
        assert f"deadline.{kind.value}" in messages
    for confidence in ("verified", "probable", "seed-only"):
        assert f"confidence.{confidence}" in messages
    for form in ("detailed", "summary", "missing"):
        assert f"form.{form}" in messages


def test_finding_kinds_read_as_a_ministry_reviewer_writes() -> None:
    labels = [t(f"kind.{k}", Lang.VI) for k in ("covered", "partial", "missing", "divergent", "added")]
    assert labels == [
        "Đã cụ thể hóa",
        "Cụ thể hóa một phần",
        "Chưa có",
        "Có khác biệt",
        "Bổ sung của địa phương",
    ]
    assert t("kind.not_applicable", Lang.VI) == "Không áp dụng"
    assert t_or("kind.some_new_kind", "some_new_kind", Lang.VI) == "some_new_kind"


def test_language_from_flag_then_environment_then_vietnamese() -> None:
    assert lang_from_args(["check", "x.pdf", "--lang", "en"], {}) is Lang.EN
    assert lang_from_args(["--lang=en", "check"], {"PLANCOMPARE_LANG": "vi"}) is Lang.EN
    assert lang_from_args(["check"], {"PLANCOMPARE_LANG": "en_US.UTF-8"}) is Lang.EN
    assert lang_from_args(["check"], {}) is Lang.VI
    assert parse_lang("fr") is None


def test_numbers_use_the_decimal_comma_in_vietnamese() -> None:
    assert number(0.4375, Lang.VI, 2) == "0,44"
    assert number(16508.5, Lang.VI, 1) == "16.508,5"
    assert number(0.4375, Lang.EN, 2) == "0.44"


def _target(comparator: Comparator, value: float, **kw: object) -> Target:
    return Target(text=kw.pop("text", ""), comparator=comparator, value=value, unit="%", **kw)  # type: ignore[arg-type]


def test_targets_in_words() -> None:
    assert describe_target(_target(Comparator.GE, 15, by_year=2030), Lang.VI) == "tối thiểu 15% đến năm 2030"
    assert describe_target(_target(Comparator.RANGE, 15, value_max=20, period="annual"), Lang.VI) == (
        "từ 15% đến 20% hằng năm"
    )
    assert describe_target(_target(Comparator.LT, 1.5), Lang.VI) == "dưới 1,5%"
    assert describe_target(_target(Comparator.GE, 15, by_year=2030), Lang.EN) == "at least 15% by 2030"


def _divergence(
    aspect: Aspect, direction: Direction, reference: str = "", plan: str = "", **targets: Target
) -> Divergence:
    return Divergence(aspect=aspect, reference=reference, plan=plan, direction=direction, **targets)


def test_divergences_read_as_sentences() -> None:
    ref = _target(Comparator.GE, 15, by_year=2030, text="tối thiểu 15%")
    plan = _target(Comparator.EQ, 10, by_year=2030, text="đạt 10%")
    weaker = _divergence(Aspect.TARGET, Direction.WEAKER, reference_target=ref, plan_target=plan)
    assert divergence_sentence(weaker, Lang.VI) == (
        "Chỉ tiêu thấp hơn: kế hoạch ghi 10% đến năm 2030 («đạt 10%»), "
        "văn bản tham chiếu yêu cầu tối thiểu 15% đến năm 2030 («tối thiểu 15%»)"
    )
    unstated = _divergence(Aspect.TARGET, Direction.WEAKER, plan="(not stated)", reference_target=ref)
    assert divergence_sentence(unstated, Lang.VI).startswith(
        "Kế hoạch chưa nêu chỉ tiêu: văn bản tham chiếu yêu cầu"
    )
    later = Divergence(aspect=Aspect.DEADLINE, reference="30/9", plan="30/10", direction=Direction.LATER)
    assert divergence_sentence(later, Lang.VI) == (
        "Thời hạn muộn hơn: kế hoạch ghi «30/10», văn bản tham chiếu ghi «30/9»"
    )
    lead = Divergence(
        aspect=Aspect.LEAD_UNIT, reference="Sở Tài chính", plan="Sở Nội vụ", direction=Direction.DIFFERENT
    )
    assert divergence_sentence(lead, Lang.VI).startswith("Đơn vị chủ trì khác: kế hoạch giao «Sở Nội vụ»")
    assert divergence_sentence(lead, Lang.EN).startswith("Different lead unit: the plan assigns «Sở Nội vụ»")


def test_a_span_over_a_page_break_names_both_pages() -> None:
    span = Span(page=13, page_end=14, line_start=22, line_end=11)
    assert span_location(span, Lang.VI) == "tr. 13 dòng 22 – tr. 14 dòng 11"
    assert span_location(span, Lang.EN) == "p. 13 l. 22 – p. 14 l. 11"
    assert span_location(Span(page=3, line_start=5, line_end=9), Lang.VI) == "tr. 3, dòng 5-9"
    assert span_location(Span(line_start=171, line_end=171), Lang.VI) == "dòng 171"


def test_warnings_are_sentences_and_keep_their_details() -> None:
    assert warning_sentence(
        ParseWarning(code="number_missing", message="the plan has no number"), Lang.VI
    ) == ("Văn bản không có số, ký hiệu.")
    ocr = ParseWarning(code="ocr_low_confidence", message="OCR confidence is low (61%)", page=4)
    assert warning_sentence(ocr, Lang.VI) == (
        "Chất lượng nhận dạng chữ thấp; cần kiểm tra lại nội dung trang này. "
        "Chi tiết: OCR confidence is low (61%) (trang 4)"
    )
    side = ParseWarning(code="date_missing", message="reference: the plan has no issue date")
    assert warning_sentence(side, Lang.VI) == "Văn bản tham chiếu: Văn bản không ghi ngày ban hành."
    unknown = ParseWarning(code="brand_new_code", message="something new happened")
    assert warning_sentence(unknown, Lang.EN) == "Something new happened"


def test_parsed_catalogue_is_cached_by_content(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The flattened TOML is kept as JSON in the cache folder, keyed by the text's hash: a second
    read uses it, an edited catalogue gets its own entry, an unwritable cache is not an error."""
    from plancompare.i18n import _parsed

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = '[kind.covered]\nvi = "Đã cụ thể hóa"\nen = "Covered"\n'
    assert _parsed(text) == {"kind.covered": {"vi": "Đã cụ thể hóa", "en": "Covered"}}
    assert len(list((tmp_path / "plancompare").glob("messages-*.json"))) == 1
    assert _parsed(text) == {"kind.covered": {"vi": "Đã cụ thể hóa", "en": "Covered"}}
    edited = text.replace("Covered", "Carried")
    assert _parsed(edited)["kind.covered"]["en"] == "Carried"
    assert len(list((tmp_path / "plancompare").glob("messages-*.json"))) == 2
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    assert _parsed(text)["kind.covered"]["vi"] == "Đã cụ thể hóa"
