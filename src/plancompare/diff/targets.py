"""Target divergences: value, comparator and year, with a direction.

Direction follows the target's polarity: for a ceiling ("dưới 1%" nợ quá hạn) a lower value is
stronger; for everything else (shares, rates to reach) a higher value is stronger. A comparator
change at the same value ("tối thiểu 15%" -> "chiếm 15%") has no clear direction: "different".
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.comparison import Aspect, Direction, Divergence
from ..model.targets import Comparator, Target
from ..reference.describe import describe_target
from ..text.fold import fold, words

NOT_STATED = "(not stated)"
_CEILINGS = {Comparator.LT, Comparator.LE}


def _bounds(t: Target) -> tuple[float, float]:
    if t.comparator is Comparator.RANGE and t.value_max is not None:
        return (t.value, t.value_max)
    return (t.value, t.value)


def show(t: Target) -> str:
    described = describe_target(t)
    text = " ".join(t.text.split())
    return described if not text or fold(text) == fold(described) else f"{described} «{text}»"


def _pair_score(a: Target, b: Target) -> float:
    score = 3.0 * (a.unit == b.unit)
    score += 2.0 * (a.by_year == b.by_year) + 2.0 * (a.period == b.period)
    score += 2.0 * ((a.comparator is Comparator.RANGE) == (b.comparator is Comparator.RANGE))
    score += 1.0 * (_bounds(a) == _bounds(b))
    wa, wb = set(words(a.metric or "")), set(words(b.metric or ""))
    if wa and wb:
        score += len(wa & wb) / len(wa | wb)
    return score


def _direction(ref: Target, plan: Target) -> Direction | None:
    rb, pb = _bounds(ref), _bounds(plan)
    if rb == pb:
        if ref.comparator != plan.comparator:
            return Direction.DIFFERENT
        if ref.by_year and plan.by_year and ref.by_year != plan.by_year:
            return Direction.WEAKER if plan.by_year > ref.by_year else Direction.STRONGER
        return None
    moves = {(p > r) - (p < r) for r, p in zip(rb, pb, strict=True)} - {0}
    if len(moves) != 1:
        return Direction.DIFFERENT
    higher = moves.pop() > 0
    if ref.comparator in _CEILINGS:
        higher = not higher
    return Direction.STRONGER if higher else Direction.WEAKER


def target_divergences(ref_targets: Sequence[Target], plan_targets: Sequence[Target]) -> list[Divergence]:
    return compare_targets(ref_targets, plan_targets)[0]


def compare_targets(
    ref_targets: Sequence[Target], plan_targets: Sequence[Target]
) -> tuple[list[Divergence], list[str]]:
    """Pair each reference target with the most alike plan target (unit, year, period, kind, metric),
    each plan target used once, and report what differs. A reference target with no plan
    counterpart is a weaker plan. Targets only the plan states are not divergences."""
    out: list[Divergence] = []
    matched: list[str] = []
    free = list(plan_targets)
    for ref in ref_targets:
        candidates = [t for t in free if t.unit == ref.unit]
        if not candidates:
            out.append(
                Divergence(
                    aspect=Aspect.TARGET,
                    reference=show(ref),
                    plan=NOT_STATED,
                    direction=Direction.WEAKER,
                    reference_target=ref,
                )
            )
            continue
        best = max(candidates, key=lambda t: (_pair_score(ref, t), -free.index(t)))
        free.remove(best)
        direction = _direction(ref, best)
        if direction is not None:
            out.append(
                Divergence(
                    aspect=Aspect.TARGET,
                    reference=show(ref),
                    plan=show(best),
                    direction=direction,
                    reference_target=ref,
                    plan_target=best,
                )
            )
        else:
            matched.append(f"{show(ref)} = {show(best)}")
    return out, matched
