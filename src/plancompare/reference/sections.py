"""Body sections that stand in for tasks when a plan has no task table.

A summary plan (no appendix table) states its tasks as a few lettered paragraphs under "Nhiệm vụ và
giải pháp", and its objectives and targets as paragraphs under "Mục tiêu" in the same part. Those
objective paragraphs carry content the reference lists as tasks, so they count as evidence.
"""

from __future__ import annotations

from ..model.plan import Plan
from ..model.sections import Section

_MIN_CHARS = 25  # shorter leaves are headings ("Mục tiêu"), not statements


def _top(section_id: str) -> str:
    """The top-level part: "II" of "II.1.a"; inside an attached document, "PL.II" of "PL.II.1"."""
    parts = section_id.split(".")
    return ".".join(parts[:2]) if parts[0].startswith("PL") and len(parts) > 1 else parts[0]


def body_evidence_sections(plan: Plan) -> list[Section]:
    """Leaf sections in the same top-level part as the plan's body tasks, not already tasks.
    Empty when the plan has a task table: its rows are the evidence then."""
    if any(t.origin == "table" for t in plan.tasks):
        return []
    return _leaf_sections(plan)


def fallback_sections(plan: Plan) -> list[Section]:
    """For a plan with a task table: the body sections no task stands for, as second-tier evidence."""
    if not any(t.origin == "table" for t in plan.tasks):
        return []
    # a body paragraph a row is linked to may state more than the row (Nghệ An II.1 holds two
    # outline items, its row 1.1 one), so linked sections stay in
    return _leaf_sections(plan, keep_task_sections=True)


def _leaf_sections(plan: Plan, keep_task_sections: bool = False) -> list[Section]:
    task_sections = {t.section for t in plan.tasks if t.section} | {t.id for t in plan.tasks}
    parents = {s.parent for s in plan.sections if s.parent}
    parts = {_top(s) for s in task_sections}
    out = []
    for s in plan.sections:
        if s.id in parents or s.kind == "appendix" or (s.id in task_sections and not keep_task_sections):
            continue
        if parts and _top(s.id) not in parts:
            continue
        if len((s.text or s.title).strip()) < _MIN_CHARS:
            continue
        out.append(s)
    return out
