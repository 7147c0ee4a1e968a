"""Indicator appendices (Phụ lục: danh mục các chỉ tiêu): each row is a target to check.

A national programme states its targets in an appendix table "TT | Chỉ tiêu | Đơn vị | Kết quả (Mục
tiêu) | Cơ quan chủ trì theo dõi", grouped by horizon ("Đến năm 2030"). The parser keeps the rows of
such a table, which is no task table, in `unclassified` with their cells joined by " | "; they are
read back here. On the reference side each row with a number becomes an item whose target is that
number; on the plan side the rows of the plan's own indicator table are evidence units, so the
comparison's target check (`diff/targets.py`) pairs the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model.common import Span
from ..model.plan import Plan
from ..model.reference import ReferenceGroup, ReferenceItem
from ..model.targets import Comparator, Target
from ..model.units import UnitRef
from ..text import rx
from ..text.fold import fold_ascii
from ..text.numbers import NUMBER_PATTERN, parse_vn_number

INDICATOR_GROUP = "CT"  # group id of indicator items; ids "CT.8", "CT.11.2"
CELL_SEPARATOR = " | "
_STT = rx.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?$")
_VALUE = rx.compile(rf"(?P<cmp>≥|≤|>=|<=|>|<|tối thiểu|tối đa|trên|dưới)?\s*(?P<v>{NUMBER_PATTERN})")
_CMP = {
    "≥": Comparator.GE, ">=": Comparator.GE, "tối thiểu": Comparator.GE, ">": Comparator.GT,
    "trên": Comparator.GT, "≤": Comparator.LE, "<=": Comparator.LE, "tối đa": Comparator.LE,
    "<": Comparator.LT, "dưới": Comparator.LT,
}  # fmt: skip
_YEAR = rx.compile(r"(?:đến|tới|năm)\s+(?:năm\s+)?(\d{4})", regex.IGNORECASE)
# header words of each column, accent-free
_COLUMNS = {
    "name": ("chi tieu", "ten chi tieu", "noi dung"),
    "unit": ("don vi tinh", "don vi", "dvt"),
    "value": ("ket qua", "muc tieu", "gia tri", "chi tieu den", "ke hoach"),
    "lead": ("chu tri",),
}


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    number: str
    name: str
    target: Target
    lead_units: tuple[UnitRef, ...]
    span: Span


def _columns(cells: list[str]) -> dict[str, int] | None:
    """Column roles from a header row; None unless it has an indicator name and a value column."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = fold_ascii(cell).strip("* ")
        for role, words in _COLUMNS.items():
            if role not in found and any(key.startswith(w) or (role == "lead" and w in key) for w in words):
                found[role] = i
                break
    return found if {"name", "value"} <= found.keys() else None


def _target(name: str, value: str, unit: str, by_year: int | None) -> Target | None:
    m = _VALUE.search(value)
    if m is None:
        return None
    unit = unit.strip()
    said = f"{value.strip()}{unit}" if unit.startswith("%") else f"{value.strip()} {unit}"
    return Target(
        text=" ".join(f"{name}: {said}".split()),
        metric=name,
        comparator=_CMP.get(m.group("cmp") or "", Comparator.EQ),
        value=parse_vn_number(m.group("v")),
        unit=("%" if unit.startswith("%") else unit) or None,
        by_year=by_year,
    )


def indicator_rows(plan: Plan) -> list[IndicatorRow]:
    """Rows of every indicator table kept in `plan.unclassified`, in order."""
    from ..extract.units import unit_refs

    out: list[IndicatorRow] = []
    columns: dict[str, int] | None = None
    by_year: int | None = None
    for block in plan.unclassified:
        cells = [c.strip() for c in block.text.split(CELL_SEPARATOR)]
        if len(cells) < 2:
            columns = None if not block.text.strip() else columns
            continue
        header = _columns(cells)
        if header is not None:  # "Mục tiêu đến năm 2030" in the header sets the horizon
            year = _YEAR.search(" ".join(cells))
            columns, by_year = header, int(year.group(1)) if year else None
            continue
        if columns is None:
            continue
        number = cells[0].strip("*. ")
        if not _STT.match(number):  # a group row: "**I** | **Đến năm 2030**"
            year = _YEAR.search(" ".join(cells))
            by_year = int(year.group(1)) if year else by_year
            continue

        def cell(role: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
            i = columns.get(role)
            return cells[i] if i is not None and i < len(cells) else ""

        target = _target(cell("name"), cell("value"), cell("unit"), by_year)
        if target is None or not cell("name"):
            continue
        lead = tuple(unit_refs(cell("lead"))) if cell("lead") else ()
        out.append(
            IndicatorRow(number=number, name=cell("name"), target=target, lead_units=lead, span=block.span)
        )
    return out


def indicator_ids(rows: list[IndicatorRow]) -> list[str]:
    """'CT.8'; numbering restarted in a later horizon group gets a prime ('CT.1'')."""
    used: set[str] = set()
    out = []
    for row in rows:
        ident = f"{INDICATOR_GROUP}.{row.number}"
        while ident in used:
            ident += "'"
        used.add(ident)
        out.append(ident)
    return out


def indicator_items(plan: Plan) -> list[ReferenceItem]:
    """Reference items, one per indicator row with a number: its name as text, its target."""
    rows = indicator_rows(plan)
    return [
        ReferenceItem(
            id=ident,
            group=INDICATOR_GROUP,
            text=row.name,
            targets=[row.target],
            lead_units=list(row.lead_units),
            span=row.span,
        )
        for ident, row in zip(indicator_ids(rows), rows, strict=True)
    ]


def indicator_group() -> ReferenceGroup:
    return ReferenceGroup(id=INDICATOR_GROUP, title="Chỉ tiêu (Phụ lục)")
