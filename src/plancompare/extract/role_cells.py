"""A unit cell that says who leads and who supports: a combined column ("Đơn vị thực hiện": "Chủ trì:
Sở Y tế; phối hợp: Sở Tài chính"), a lead cell written as a clause ("Sở Nội vụ chủ trì, phối hợp với
các trường cao đẳng") or with markers ("Sở Tài chính (chủ trì), Sở Nội vụ"). Split into lead and
support units; a cell that names no role is a plain list of units, as before."""

from __future__ import annotations

import regex

from ..model.units import UnitRef
from ..text import rx
from .actors import lead_units, support_units
from .units import unit_refs

# "Chủ trì:", "- Cơ quan chủ trì:", "Đơn vị phối hợp :" at the start of the cell, a line or a clause
_LABEL = rx.compile(
    r"(?:^|(?<=[;.\n])|(?<=[;.]\s))\s*[-–•+]?\s*(?:(?:cơ\s+quan|đơn\s+vị)\s+)?(?P<role>chủ\s+trì|phối\s+hợp)"
    r"(?:\s+thực\s+hiện)?\s*:\s*",
    regex.IGNORECASE,
)
_MARK = rx.compile(r"\(\s*(?P<role>chủ\s+trì|phối\s+hợp)\s*\)", regex.IGNORECASE)
_CLAUSES = rx.compile(r"[^;.]+")
_CLAUSE_LEAD = rx.compile(r"\s(?:chủ\s+trì|là\s+cơ\s+quan\s+chủ\s+trì|làm\s+đầu\s+mối)(?!\p{L})")


def _role(word: str) -> str:
    return "lead" if word.lower().startswith("chủ") else "support"


def _labelled(cell: str) -> dict[str, str] | None:
    marks = list(_LABEL.finditer(cell))
    if not marks:
        return None
    out: dict[str, str] = {"lead": "", "support": "", "rest": cell[: marks[0].start()]}
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        text = cell[m.end() : nxt.start() if nxt else len(cell)].strip(" ;.,\n")
        role = _role(m.group("role"))
        out[role] = f"{out[role]}; {text}" if out[role] else text
    return out


def _marked(cell: str) -> dict[str, str] | None:
    """ "Sở Tài chính (chủ trì), Sở Nội vụ, UBND các xã": the marked units lead, the others support."""
    marks = list(_MARK.finditer(cell))
    if not marks or all(_role(m.group("role")) == "support" for m in marks):
        return None
    out: dict[str, str] = {"lead": "", "support": "", "rest": ""}
    start = 0
    for m in marks:
        role = _role(m.group("role"))
        text = cell[start : m.start()].strip(" ;,.\n")
        out[role] = f"{out[role]}; {text}" if out[role] else text
        start = m.end()
    tail = cell[start:].strip(" ;,.\n")
    if tail:
        out["support"] = f"{out['support']}; {tail}" if out["support"] else tail
    return out


def split_role_cell(lead_cell: str, support_cell: str = "") -> tuple[list[UnitRef], list[UnitRef]]:
    """Lead and support units of a row from its lead cell (and its own support cell, if any)."""
    parts = _labelled(lead_cell) or _marked(lead_cell)
    if parts is not None:
        lead = parts["lead"] or parts["rest"]
        support = "; ".join(x for x in (parts["support"], support_cell) if x.strip())
        return unit_refs(lead), unit_refs(support)
    if _CLAUSE_LEAD.search(f" {lead_cell}"):
        lead_refs = lead_units(lead_cell)
        if lead_refs:
            return lead_refs, _dedupe(lead_refs, _clause_support(lead_cell) + unit_refs(support_cell))
    return unit_refs(lead_cell), unit_refs(support_cell)


def _clause_support(cell: str) -> list[UnitRef]:
    """Who else the clauses name: "phối hợp với …", and the subjects of the later clauses
    ("…; Các sở, ngành, UBND cấp xã thực hiện công bố …") — they take part without leading."""
    found = support_units(cell)
    for clause in _CLAUSES.findall(cell)[1:]:
        found += lead_units(clause)
    return found


def _dedupe(lead: list[UnitRef], support: list[UnitRef]) -> list[UnitRef]:
    seen = {u.text for u in lead}
    out = []
    for u in support:
        if u.text not in seen:
            seen.add(u.text)
            out.append(u)
    return out
