"""Link appendix-table tasks to the body sections they restate, by wording: each task group to the
body heading it repeats, then each task to the most similar item under that heading."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..model.tasks import Task, TaskGroup
from ..structure.sections import SectionNode
from ..text.fold import fold

MIN_SCORE = 60.0


def _score(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(fold(a[:400]), fold(b[:400])))


def _best(text: str, candidates: list[SectionNode]) -> SectionNode | None:
    scored = sorted(((_score(text, c.text), c.id, c) for c in candidates), key=lambda x: (-x[0], x[1]))
    if scored and scored[0][0] >= MIN_SCORE:
        return scored[0][2]
    return None


def link_tasks_to_sections(tasks: list[Task], groups: list[TaskGroup], roots: list[SectionNode]) -> None:
    every = [n for r in roots for n in r.walk()]
    headings = [n for n in every if n.children or n.level <= 2]
    group_node: dict[str, SectionNode] = {}
    for g in groups:
        node = _best(g.title, headings)
        if node is not None:
            g.section = node.id
            group_node[g.number] = node
    for task in tasks:
        scope = group_node.get(task.group or "")
        pool = scope.walk() if scope is not None else every
        # tasks restate items, so prefer the innermost sections; a heading without items is its own item
        candidates = [n for n in pool if not n.children] or pool
        node = _best(task.text, candidates)
        if node is not None:
            task.section = node.id
