"""A parsed document's items at the grain of its obligations.

A national programme lists its tasks as dash items under numbered groups ("1. Hoàn thiện thể chế" /
"- Xây dựng Luật …" / "- Sửa đổi Nghị định …"). The parser keeps such a group as one body task (its
text holds the dash items), which is right for a plan's evidence but too coarse for a reference: each
dash item is an obligation a province may carry or drop. Here a body task whose own words are a
heading, or end with a colon, is replaced by its dash items, each with the group as its group.
Lettered items a) … u) are body tasks already; appendix task-table rows are items as they are.
"""

from __future__ import annotations

from ..extract.actors import lead_units, support_units
from ..extract.deadlines import find_deadline
from ..extract.targets import find_targets
from ..model.plan import Plan
from ..model.reference import ReferenceGroup, ReferenceItem
from ..model.sections import Section
from ..model.tasks import Task
from ..text.fold import fold

_HEADING_CHARS = 120  # a group heading is short and does not end like a sentence
# "… theo hướng:", "… để:": the dash items say what one task aims at, they are not tasks of their own
_PURPOSE_ENDINGS = ("để:", "nhằm:", "theo hướng:", "với mục tiêu:", "gồm:", "bao gồm:")


def _is_group_heading(title: str) -> bool:
    t = title.strip()
    if fold(t).endswith(_PURPOSE_ENDINGS):
        return False
    return t.endswith(":") or (len(t) < _HEADING_CHARS and not t.endswith((".", ";")))


def _task_item(task: Task) -> ReferenceItem:
    return ReferenceItem(
        id=task.id,
        group=task.group,
        text=task.text,
        targets=list(task.targets),
        deadline=task.deadline,
        lead_units=list(task.lead_units),
        support_units=list(task.support_units),
        span=task.span,
    )


def _dash_item(dash: Section, parent: Task) -> ReferenceItem:
    text = dash.text or dash.title
    own_lead = lead_units(text)
    return ReferenceItem(
        id=dash.id,
        group=parent.id,
        text=text,
        targets=find_targets(text),
        deadline=find_deadline(text),
        # a dash item naming nobody is done by whoever its group heading names
        lead_units=own_lead or list(parent.lead_units),
        support_units=support_units(text) if own_lead else list(parent.support_units),
        span=dash.span,
    )


def task_items(plan: Plan) -> tuple[list[ReferenceItem], list[ReferenceGroup]]:
    """Items and the groups they introduce: table rows as they are; body tasks split into their dash
    items when the task's own words only head them."""
    sections = {s.id: s for s in plan.sections}
    dashes: dict[str, list[Section]] = {}
    for s in plan.sections:
        if s.kind == "dash" and s.parent:
            dashes.setdefault(s.parent, []).append(s)
    items: list[ReferenceItem] = []
    groups: list[ReferenceGroup] = []
    for task in plan.tasks:
        section = sections.get(task.section or "")
        children = dashes.get(task.section or "", [])
        if (
            task.origin != "body"
            or section is None
            or len(children) < 2
            or not _is_group_heading(section.title)
        ):
            items.append(_task_item(task))
            continue
        groups.append(ReferenceGroup(id=task.id, title=section.title.rstrip(" :")))
        items.extend(_dash_item(d, task) for d in children)
    return items, groups


def titled_groups(
    plan: Plan, items: list[ReferenceItem], known: list[ReferenceGroup]
) -> list[ReferenceGroup]:
    """Groups the items name that the plan declared nowhere, titled by their section heading."""
    have = {g.id for g in known}
    titles = {s.id: s.title for s in plan.sections}
    out: list[ReferenceGroup] = []
    for item in items:
        if item.group and item.group not in have and item.group in titles:
            have.add(item.group)
            out.append(ReferenceGroup(id=item.group, title=titles[item.group].rstrip(" :")))
    return out
