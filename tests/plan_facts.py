"""What two parses of one document (a DOCX and its conversion, a page and its copy) must share:
each task's id, text, units and deadline, and the header's metadata. Shared by the tests that compare
a converter's output with the document it came from."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from plancompare import parse
from plancompare.model.plan import Plan

META_FIELDS = ("number", "date", "place", "issuer", "title")


@cache
def parsed(path: Path) -> Plan:
    return parse(path)


def task_facts(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (
            t.id,
            " ".join(t.text.split()),
            [u.canonical or u.text for u in t.lead_units],
            [u.canonical or u.text for u in t.support_units],
            t.deadline.kind,
            t.deadline.date,
            t.deadline.day_month,
        )
        for t in plan.tasks
    ]


def meta_facts(plan: Plan, *extra: str) -> dict[str, object]:
    return {name: getattr(plan.metadata, name) for name in (*META_FIELDS, *extra)}
