"""pandas DataFrames for notebooks: a plan's tasks and units, a comparison's findings, a batch's
summary and matrix. Nested values (units, deadlines, targets, spans, divergences) are flattened
into plain columns; lists are kept beside their joined text for filtering. pandas comes with the
`notebook` extra and is imported only when a frame is asked for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import MissingDependency
from .model.comparison import Aspect, Comparison
from .model.plan import Plan
from .model.units import UnitRef

if TYPE_CHECKING:
    from .batch.model import PlanResult, PlanRow

UNIT_SEPARATOR = "; "


def require_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependency.extra("DataFrames", "notebook", "pandas") from exc
    return pandas


def _joined(units: Sequence[UnitRef]) -> str:
    return UNIT_SEPARATOR.join(u.canonical or u.text for u in units)


def plan_frame(plan: Plan) -> Any:
    """One row per task: number, group, text, units (joined and as lists), deadline, targets, place."""
    pd = require_pandas()
    rows = [
        {
            "id": t.id,
            "number": t.number,
            "group": t.group,
            "section": t.section,
            "text": t.text,
            "lead_units": _joined(t.lead_units),
            "lead_unit_list": [u.canonical or u.text for u in t.lead_units],
            "support_units": _joined(t.support_units),
            "support_unit_list": [u.canonical or u.text for u in t.support_units],
            "product": t.product,
            "deadline_kind": t.deadline.kind.value,
            "deadline_text": t.deadline.text,
            "deadline_date": t.deadline.date,
            "targets": UNIT_SEPARATOR.join(x.text for x in t.targets),
            "page": t.span.page,
            "line": t.span.line_start,
        }
        for t in plan.tasks
    ]
    return pd.DataFrame(rows, columns=_columns(rows, PLAN_COLUMNS))


PLAN_COLUMNS = [
    "id", "number", "group", "section", "text", "lead_units", "lead_unit_list", "support_units",
    "support_unit_list", "product", "deadline_kind", "deadline_text", "deadline_date", "targets", "page", "line",
]  # fmt: skip


def _columns(rows: list[dict[str, Any]], default: list[str]) -> list[str]:
    return list(rows[0]) if rows else default


def units_frame(plan: Plan) -> Any:
    """One row per task × unit: the unit as written, its canonical name, its role (lead/support)."""
    pd = require_pandas()
    rows = [
        {
            "task_id": t.id,
            "task_number": t.number,
            "group": t.group,
            "role": role,
            "text": u.text,
            "canonical": u.canonical,
            "level": u.level,
        }
        for t in plan.tasks
        for role, units in (("lead", t.lead_units), ("support", t.support_units))
        for u in units
    ]
    return pd.DataFrame(
        rows, columns=["task_id", "task_number", "group", "role", "text", "canonical", "level"]
    )


def comparison_frame(comparison: Comparison) -> Any:
    """One row per finding; each divergence aspect in its own column ("reference → plan (direction)")."""
    pd = require_pandas()
    rows = []
    for f in comparison.findings:
        span = f.evidence.plan_span
        row: dict[str, Any] = {
            "kind": f.kind.value,
            "reference_id": f.reference_id,
            "group": f.group,
            "plan_ids": " ".join(f.plan_ids),
            "plan_id_list": list(f.plan_ids),
            "score": f.score,
            "divergences": len(f.divergences),
        }
        for aspect in Aspect:
            found = [d for d in f.divergences if d.aspect is aspect]
            row[aspect.value] = (
                UNIT_SEPARATOR.join(f"{d.reference} → {d.plan} ({d.direction.value})" for d in found) or None
            )
        row |= {
            "note": f.note,
            "reference_text": f.evidence.reference_text,
            "plan_text": f.evidence.plan_text,
            "page": span.page if span else None,
            "line": span.line_start if span else None,
        }
        rows.append(row)
    return pd.DataFrame(rows)


def _rows(results: Iterable[PlanResult | PlanRow]) -> list[PlanRow]:
    from .batch.model import PlanResult, plan_row

    return [plan_row(r) if isinstance(r, PlanResult) else r for r in results]


def summary_frame(results: Iterable[PlanResult | PlanRow]) -> Any:
    """One row per plan of a batch (`compare_many` results or saved rows): summary and counts."""
    from .batch.tables import summary_columns, summary_row

    pd = require_pandas()
    return pd.DataFrame([summary_row(r) for r in _rows(results)], columns=summary_columns())


def matrix_frame(results: Iterable[PlanResult | PlanRow], item_ids: Sequence[str]) -> Any:
    """Plans × reference items, each cell the kind of the item's finding (None for a failed plan)."""
    from .batch.tables import matrix_columns, matrix_row

    pd = require_pandas()
    rows = _rows(results)
    return pd.DataFrame([matrix_row(r, item_ids) for r in rows], columns=matrix_columns(item_ids))
