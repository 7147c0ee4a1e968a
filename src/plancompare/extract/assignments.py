"""Tasks of a công văn that assigns work: "1. Giao Sở Nông nghiệp và Môi trường: - …; - …" /
"2. Sở Y tế: …". Each numbered item opens with its addressee and a colon; what follows the colon, or
each dash item under it, is one task whose lead unit is that addressee. This lets a công văn stand on
the plan side of a comparison like a plan with a task table.

An item without such an addressee keeps the general reading (`tasks.py`): its sentence's subject.
"""

from __future__ import annotations

import regex

from ..model.labels import TaskOrigin
from ..model.tasks import Task
from ..model.units import UnitRef
from ..structure.paragraphs import span_of
from ..structure.sections import SectionNode
from ..text import rx
from .actors import heading_units, support_units
from .deadlines import find_deadline
from .targets import find_targets

# "Giao Sở X:", "Đề nghị Sở X:", "Sở X:" — the addressee is the text before the first colon
_ADDRESSEE = rx.compile(r"^(?P<head>[^:]{3,200}?)\s*:\s*(?P<rest>.*)$", regex.DOTALL)


def addressee_of(title: str) -> tuple[list[UnitRef], str] | None:
    """('Giao Sở Y tế: Đưa …') -> ([Sở Y tế], 'Đưa …'); None when the words before the colon name no unit."""
    m = _ADDRESSEE.match(title.strip())
    if m is None:
        return None
    units = heading_units(m.group("head"))
    return (units, m.group("rest").strip()) if units else None


def inherited_lead(item: SectionNode) -> list[UnitRef]:
    """The lead units an item's parent heading names ("1. Bộ Y tế:" over "a) Chủ trì …"), or []."""
    parent = item.parent
    if parent is None:
        return []
    found = addressee_of(parent.own_text)
    if found is not None and not found[1]:
        return found[0]
    return heading_units(parent.own_text) if parent.own_text.rstrip().endswith(":") else []


def item_task(node: SectionNode, text: str, lead: list[UnitRef], group: str | None) -> Task:
    """A body task from one section item: its text, the given lead units, and what the text states
    (support units, deadline, targets). Shared with `tasks._body_task`."""
    return Task(
        id=node.id,
        number=node.number,
        group=group,
        section=node.id,
        text=text,
        lead_units=lead,
        support_units=support_units(text),
        deadline=find_deadline(text),
        targets=find_targets(text),
        origin=TaskOrigin.BODY,
        span=span_of(node.paragraphs),
    )


def assignment_tasks(item: SectionNode) -> list[Task] | None:
    """The tasks an addressed item assigns: one per child item (dash, letter) when it has children,
    else the text after the colon; None when the item is not addressed."""
    found = addressee_of(item.own_text)
    if found is None:
        return None
    lead, rest = found
    if item.children:
        return [item_task(child, child.text, lead, item.id) for child in item.children if child.text.strip()]
    text = "\n".join([rest, *(p.text for p in item.paragraphs[1:])]).strip()
    return [item_task(item, text, lead, item.parent.id if item.parent else None)] if text else []
