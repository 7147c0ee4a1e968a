"""Lead and support unit divergences, compared across levels.

A national task led by "Bộ Tài chính" is carried faithfully by a provincial task led by "Sở Tài
chính": the glossary's counterparts make a level change alone no divergence. Units are compared
only when both sides state them (an outline states none).

A national item led by "Ủy ban nhân dân các tỉnh, thành phố" (or "các địa phương") leaves it to each
province which of its bodies leads: any provincial unit carries it, so only a central unit on the
plan side diverges from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..glossary import clean_unit_key, load_glossary
from ..model.comparison import Aspect, Direction, Divergence
from ..model.units import UnitRef
from ..reference.describe import describe_units


def _key(u: UnitRef) -> str:
    if u.unit_id:
        return u.unit_id
    entry = load_glossary().lookup(u.canonical or u.text)
    return entry.id if entry else clean_unit_key(u.text)


# the provinces as a whole, as a national document addresses them
_EVERY_PROVINCE = "ubnd_cac_tinh"


def _is_central(key: str) -> bool:
    entry = load_glossary().entries.get(key)
    return entry is not None and entry.level == "central" and key != _EVERY_PROVINCE


def _same(a: str, b: str) -> bool:
    if _EVERY_PROVINCE in (a, b):
        other = b if a == _EVERY_PROVINCE else a
        return other == _EVERY_PROVINCE or not _is_central(other)
    return load_glossary().same_role(a, b)


def _matched(a: str, others: set[str]) -> bool:
    return any(_same(a, b) for b in others)


def unit_divergence(aspect: Aspect, ref: Sequence[UnitRef], plan: Sequence[UnitRef]) -> Divergence | None:
    if not ref or not plan:
        return None
    rk, pk = {_key(u) for u in ref}, {_key(u) for u in plan}
    if all(_matched(a, pk) for a in rk) and all(_matched(b, rk) for b in pk):
        return None
    return Divergence(
        aspect=aspect,
        reference=describe_units(list(ref)),
        plan=describe_units(list(plan)),
        direction=Direction.DIFFERENT,
    )


def unit_divergences(
    ref_lead: Sequence[UnitRef],
    ref_support: Sequence[UnitRef],
    plan_lead: Sequence[UnitRef],
    plan_support: Sequence[UnitRef],
) -> list[Divergence]:
    out = [
        unit_divergence(Aspect.LEAD_UNIT, ref_lead, plan_lead),
        unit_divergence(Aspect.SUPPORT_UNIT, ref_support, plan_support),
    ]
    return [d for d in out if d is not None]


def dedupe(units: Sequence[UnitRef]) -> list[UnitRef]:
    seen: set[str] = set()
    out = []
    for u in units:
        k = _key(u)
        if k not in seen:
            seen.add(k)
            out.append(u)
    return out
