"""Every target and deadline the document states, with the section or task it is stated in."""

from __future__ import annotations

from ..model.deadlines import DeadlineKind, DeadlineMention
from ..model.targets import TargetMention
from ..model.tasks import Task
from ..structure.sections import SectionNode
from .deadlines import find_deadlines
from .targets import find_targets, year_in


def _heading_year(node: SectionNode) -> int | None:
    """The year a heading sets for what is under it ("1. Mục tiêu đến hết năm 2026")."""
    n: SectionNode | None = node.parent
    while n is not None:
        year = year_in(n.title[:200])
        if year is not None:
            return year
        n = n.parent
    return None


def _own_text(node: SectionNode) -> str:
    """A section's own words: its title and unmarked paragraphs, not its sub-items'."""
    return "\n".join([node.title, *(p.text for p in node.paragraphs[1:] if p.marker is None)])


def mentions(
    nodes: list[SectionNode], tasks: list[Task]
) -> tuple[list[TargetMention], list[DeadlineMention]]:
    targets: list[TargetMention] = []
    deadlines: list[DeadlineMention] = []
    for node in nodes:
        own = _own_text(node)
        found = find_targets(own)
        inherited = _heading_year(node) if any(t.by_year is None for t in found) else None
        targets.extend(
            TargetMention(**t.model_dump(exclude={"by_year"}), by_year=t.by_year or inherited, where=node.id)
            for t in found
        )
        deadlines.extend(
            DeadlineMention(**d.model_dump(), where=node.id)
            for d in find_deadlines(own)
            if d.kind is not DeadlineKind.UNSPECIFIED
        )
    for task in tasks:
        if task.origin == "table":  # body tasks are sections, already counted above
            targets.extend(TargetMention(**t.model_dump(), where=task.id) for t in task.targets)
    return targets, deadlines
