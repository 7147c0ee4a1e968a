"""Deadline divergences: dates and recurring day/month compared; earlier or later.

Only informative deadlines are compared (a date, a recurring day, a period, "thường xuyên",
"hằng năm"); "theo kế hoạch" and unstated deadlines say nothing to compare.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.comparison import Aspect, Direction, Divergence
from ..model.deadlines import Deadline, DeadlineKind
from ..reference.describe import describe_deadline

_INFORMATIVE = {DeadlineKind.DATE, DeadlineKind.ANNUAL, DeadlineKind.PERIOD, DeadlineKind.CONTINUOUS}


def informative(d: Deadline) -> bool:
    return d.kind in _INFORMATIVE


def _key(d: Deadline) -> tuple[object, ...]:
    return (d.kind, d.date, d.day_month, d.year_from, d.year_to)


def _month_day(d: Deadline) -> tuple[int, int] | None:
    if d.day_month:
        day, month = d.day_month.split("/")
        return (int(month), int(day))
    if d.date:
        _, month, day = d.date.split("-")
        return (int(month), int(day))
    return None


def _order(a: object, b: object) -> Direction | None:
    if a == b:
        return None
    return Direction.EARLIER if a < b else Direction.LATER  # type: ignore[operator]


def _direction(ref: Deadline, plan: Deadline) -> Direction | None:
    if ref.date and plan.date:
        return _order(plan.date, ref.date)
    if ref.day_month or plan.day_month:
        r, p = _month_day(ref), _month_day(plan)
        if r is None or p is None:
            # "hằng năm" against "hằng năm, trước 01/10": less precise, not contradictory
            return None if ref.kind == plan.kind else Direction.DIFFERENT
        return _order(p, r)
    if ref.kind != plan.kind:
        return Direction.DIFFERENT
    if (ref.year_from, ref.year_to) != (plan.year_from, plan.year_to):
        return _order((plan.year_to or 0, plan.year_from or 0), (ref.year_to or 0, ref.year_from or 0))
    return None


def deadline_divergence(ref: Deadline, plan_deadlines: Sequence[Deadline]) -> Divergence | None:
    """Compare with the best-linked plan unit that states a deadline; none when the plan states the
    reference's deadline anywhere among the linked units, or states none."""
    stated = [d for d in plan_deadlines if informative(d)]
    if not informative(ref) or not stated:
        return None
    if any(_key(d) == _key(ref) for d in stated):
        return None
    plan = stated[0]
    direction = _direction(ref, plan)
    if direction is None:
        return None
    return Divergence(
        aspect=Aspect.DEADLINE,
        reference=describe_deadline(ref),
        plan=describe_deadline(plan),
        direction=direction,
    )
