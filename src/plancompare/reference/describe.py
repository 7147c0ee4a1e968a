"""Short human-readable forms of targets, deadlines and units, for divergences and reports."""

from __future__ import annotations

from ..model.deadlines import Deadline
from ..model.targets import Comparator, Target
from ..model.units import UnitRef

_SYMBOL = {
    Comparator.LT: "<",
    Comparator.LE: "<=",
    Comparator.EQ: "=",
    Comparator.GE: ">=",
    Comparator.GT: ">",
}


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def describe_target(t: Target) -> str:
    unit = t.unit or ""
    if t.comparator is Comparator.RANGE and t.value_max is not None:
        core = f"{_num(t.value)}-{_num(t.value_max)}{unit}"
    else:
        core = f"{_SYMBOL.get(t.comparator, '=')} {_num(t.value)}{unit}"
    extras = []
    if t.period:
        extras.append(t.period)
    if t.by_year:
        extras.append(f"by {t.by_year}")
    return core + (f" ({', '.join(extras)})" if extras else "")


def describe_deadline(d: Deadline) -> str:
    if d.text:
        return " ".join(d.text.split())
    parts = [d.kind.value]
    if d.date:
        parts.append(d.date)
    if d.day_month:
        parts.append(("before " if d.before else "") + d.day_month)
    return " ".join(parts)


def describe_units(units: list[UnitRef]) -> str:
    return "; ".join(u.canonical or u.text for u in units)
