"""Turn the score matrix into links: a threshold AND a margin over the runner-up, never a bare argmax.

A pair (reference item r, plan unit u) is linked when its score reaches PARTIAL and
  - u is r's best unit and leads r's runner-up unit by MARGIN, or r is also u's best item
    (mutual best); units that match another item better by more than MERGE_WINDOW are not
    candidates (a deleted task must not pull in its neighbour), or
  - r is u's best item, leading u's runner-up item by MARGIN (u belongs to r even when r has a
    better unit: the item is spread over several units), or
  - the pair reaches COVERED and is within MERGE_WINDOW of u's best (u merges several items).
An extra unit of an item must score within SPREAD_WINDOW of the item's best unit.
When r's best pair reaches PARTIAL but none of these holds, r is ambiguous: its two best units
are recorded; the finding is partial when the best reaches COVERED, else missing.

Evidence comes in two tiers. Tier 1: the plan's tasks (and, in a plan without a task table, its
body sections). Tier 2, only for items left without a link: body sections the tasks do not already
stand for (a plan may state in its body a task its table leaves out); they must reach COVERED.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .scores import Scorer, ScoreRow, score_matrix, score_matrix_pairwise
from .units import Unit

COVERED = 0.55
PARTIAL = 0.32
MARGIN = 0.05
MERGE_WINDOW = 0.12
SPREAD_WINDOW = 0.25
PAIRWISE_UP_TO = 1_500  # pairs


@dataclass(slots=True)
class Alignment:
    refs: list[Unit]
    plan: list[Unit]
    scores: list[ScoreRow]
    scorer: Scorer
    primary: int = 0  # plan[:primary] are tier-1 units, the rest fallback body sections
    links: dict[int, list[int]] = field(default_factory=dict)  # ref index -> plan indexes, best first
    ambiguous: dict[int, list[int]] = field(default_factory=dict)

    def best(self, i: int) -> int | None:
        row = self.scores[i].score
        if not row:
            return None
        return min(range(len(row)), key=lambda j: (-row[j], self.plan[j].id))

    def linked_plan(self) -> set[int]:
        return {j for js in self.links.values() for j in js}


def _ranked(values: Sequence[float], by_id: list[int]) -> list[int]:
    """Indexes by score descending, ties by id (determinism): `by_id` is the indexes in id order,
    and a stable sort keeps that order among equal scores."""
    return sorted(by_id, key=values.__getitem__, reverse=True)


def _id_order(units: Sequence[Unit]) -> list[int]:
    return sorted(range(len(units)), key=lambda k: units[k].id)


def _decide(
    scores: list[ScoreRow],
    refs: Sequence[Unit],
    plan: Sequence[Unit],
    only: set[int],
    floor: float = PARTIAL,
) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
    values = [row.score for row in scores]
    plan_order, ref_order = _id_order(plan), _id_order(refs)
    by_ref = {i: _ranked(values[i], plan_order) for i in only}
    by_unit = [_ranked(column, ref_order) for column in zip(*values, strict=True)] if values else []
    links: dict[int, set[int]] = {}
    for j, order in enumerate(by_unit):
        s1 = values[order[0]][j]
        s2 = values[order[1]][j] if len(order) > 1 else 0.0
        for rank, i in enumerate(order):
            s = values[i][j]
            if s < floor:
                break  # the order is descending: no later item reaches the floor either
            if i not in only:
                continue
            if (rank == 0 and s1 - s2 >= MARGIN) or (s >= COVERED and s1 - s <= MERGE_WINDOW):
                links.setdefault(i, set()).add(j)
    unit_best = [values[order[0]][j] for j, order in enumerate(by_unit)]
    ambiguous: dict[int, list[int]] = {}
    for i, ranked in by_ref.items():
        # a unit that matches another item clearly better is that item's, not a candidate here
        row = values[i]
        order = [j for j in ranked if row[j] >= unit_best[j] - MERGE_WINDOW]
        if not order:
            continue
        best = order[0]
        s1 = row[best]
        if s1 < floor:
            continue
        # the margin is over every other unit, claimed ones included: a candidate that only
        # stands out because better units were excluded is not distinguishable
        runner_up = next((j for j in ranked if j != best), None)
        s2 = row[runner_up] if runner_up is not None else 0.0
        if s1 - s2 >= MARGIN or by_unit[best][0] == i:
            links.setdefault(i, set()).add(best)
        elif i not in links and runner_up is not None:
            ambiguous[i] = [best, runner_up]
    return links, ambiguous


def align(
    refs: Sequence[Unit], plan: Sequence[Unit], fallback: Sequence[Unit] = (), scorer: Scorer | None = None
) -> Alignment:
    """Link reference items to plan units; `fallback` units are tried for items left unlinked."""
    scorer = scorer or Scorer([u.match_text for u in (*refs, *plan, *fallback)])
    units = [*plan, *fallback]
    # a small comparison (two provincial plans) is scored pair by pair: the same numbers (the
    # definition the matrix path is tested against), without importing numpy (~55 ms of start-up)
    small = len(refs) * len(units) <= PAIRWISE_UP_TO
    matrix = score_matrix_pairwise if small else score_matrix
    scores = matrix(scorer, refs, units, blocks=[len(plan)], window=MERGE_WINDOW)
    result = Alignment(list(refs), units, scores, scorer, primary=len(plan))
    if not refs or not units:
        return result
    tier1 = [row[: len(plan)] for row in scores]
    links, ambiguous = _decide(tier1, refs, plan, set(range(len(refs))))
    left = {i for i in range(len(refs)) if i not in links}
    if fallback and left:
        tier2 = [row[len(plan) :] for row in scores]
        # body text is context, not a task: it counts only when it states the item clearly
        more, more_ambiguous = _decide(tier2, refs, fallback, left, floor=COVERED)
        for i, found in more.items():
            links[i] = {j + len(plan) for j in found}
            ambiguous.pop(i, None)
        for i, pair in more_ambiguous.items():
            ambiguous.setdefault(i, [j + len(plan) for j in pair])
    for i, js in links.items():
        ranked = sorted(js, key=lambda j: (-scores[i][j].score, units[j].id))
        top = scores[i][ranked[0]].score
        # a weak extra unit next to a near-perfect one is not part of a spread item
        result.links[i] = [j for j in ranked if scores[i][j].score >= top - SPREAD_WINDOW]
    result.ambiguous = ambiguous
    return result
