"""Pairwise similarity of reference items and plan units.

score = W_TFIDF * tfidf cosine + W_TOKEN_SET * token-set ratio + W_GROUP * group affinity

- tfidf cosine (char n-grams): robust to typos, tone marks, word swaps.
- token-set ratio (rapidfuzz) over distinctive content words: high when one text is a shortened or
  extended copy of the other (summary tasks, merged tasks). Words present in most texts are left out
  so the shared boilerplate does not make every pair look alike; a ratio resting on fewer than
  MIN_SHARED words is scaled down.
- group affinity: how much the plan unit's group as a whole aligns with the reference item's group.
  It follows content, not numbers, so it survives renumbered or reordered groups, and it breaks ties
  between near-identical sentences in different groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    import numpy as np

import itertools

from .matrix import TokenSetMatrix, indexed_products, indexed_row, round4, second_largest
from .tfidf import TfidfSpace, Vector, cosine
from .units import Unit
from .vocabulary import content_words

W_TFIDF = 0.55
W_TOKEN_SET = 0.35
W_GROUP = 0.10
COMMON_SHARE = 0.5  # a word in more than this share of all texts is boilerplate for the token set
MIN_SHARED = 6  # syllables: about three Vietnamese words


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    tfidf: float
    token_set: float
    group_affinity: float


class ScoreRow(Sequence[PairScore]):
    """The scores of one reference item against every plan unit, column by column; a `PairScore` is
    made only when asked for (a 1,000 × 1,000 diff need not build a million objects)."""

    __slots__ = ("affinity", "score", "tfidf", "token_set")

    def __init__(
        self, score: list[float], tfidf: list[float], token_set: list[float], affinity: list[float]
    ) -> None:
        self.score, self.tfidf, self.token_set, self.affinity = score, tfidf, token_set, affinity

    @classmethod
    def of(cls, pairs: Sequence[PairScore]) -> ScoreRow:
        return cls(
            [p.score for p in pairs], [p.tfidf for p in pairs], [p.token_set for p in pairs],
            [p.group_affinity for p in pairs],
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.score)

    @overload
    def __getitem__(self, j: int) -> PairScore: ...
    @overload
    def __getitem__(self, j: slice) -> ScoreRow: ...
    def __getitem__(self, j: int | slice) -> PairScore | ScoreRow:
        if isinstance(j, slice):
            return ScoreRow(self.score[j], self.tfidf[j], self.token_set[j], self.affinity[j])
        return PairScore(self.score[j], self.tfidf[j], self.token_set[j], self.affinity[j])


class Scorer:
    def __init__(self, texts: Sequence[str]) -> None:
        docs = [content_words(t) for t in texts]
        self.space = TfidfSpace(docs)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        limit = COMMON_SHARE * max(1, len(docs))
        self.common = frozenset(w for w, c in df.items() if c > limit)
        self._vectors: dict[str, Vector] = {}
        self._distinctive: dict[str, frozenset[str]] = {}
        self._gram_columns: dict[Hashable, int] = {}
        self._rows: dict[str, tuple[Any, Any]] = {}

    def vector(self, text: str) -> Vector:
        if text not in self._vectors:
            self._vectors[text] = self.space.vector(content_words(text))
        return self._vectors[text]

    def distinctive(self, text: str) -> frozenset[str]:
        found = self._distinctive.get(text)
        if found is None:
            found = frozenset(w for w in content_words(text) if w not in self.common)
            self._distinctive[text] = found
        return found

    def token_set(self, a: str, b: str) -> float:
        from rapidfuzz import fuzz

        wa, wb = self.distinctive(a), self.distinctive(b)
        shared = wa & wb
        if not shared:
            return 0.0
        ratio = fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) / 100.0
        return float(ratio) * min(1.0, len(shared) / MIN_SHARED)

    def lexical(self, a: str, b: str) -> tuple[float, float]:
        return cosine(self.vector(a), self.vector(b)), self.token_set(a, b)

    def _row(self, text: str) -> tuple[Any, Any]:
        """The text's TF-IDF vector as numbered columns, made once per text."""
        row = self._rows.get(text)
        if row is None:
            row = self._rows[text] = indexed_row(self.vector(text).items(), self._gram_columns)
        return row

    def cosine_matrix(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        rows_left, rows_right = [self._row(t) for t in left], [self._row(t) for t in right]
        return indexed_products(rows_left, rows_right, len(self._gram_columns))

    def token_sets(self, left: Sequence[str], right: Sequence[str]) -> TokenSetMatrix:
        return TokenSetMatrix([self.distinctive(t) for t in left], [self.distinctive(t) for t in right])

    def flat(self, cosines: np.ndarray, ratios: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """W_TFIDF * cosine + W_TOKEN_SET * token_set for whole matrices (`token_set` per pair)."""
        import numpy as np

        token_set = np.where(shared > 0, (ratios / 100.0) * np.minimum(1.0, shared / MIN_SHARED), 0.0)
        return W_TFIDF * cosines + W_TOKEN_SET * token_set

    def combine(self, tfidf: float, token_set: float, affinity: float) -> PairScore:
        score = W_TFIDF * tfidf + W_TOKEN_SET * token_set + W_GROUP * affinity
        return PairScore(round(min(1.0, score), 4), round(tfidf, 4), round(token_set, 4), round(affinity, 4))


def _column_argmax(rows: list[list[float]]) -> list[int]:
    """numpy's `argmax(axis=0)` for lists: the first row holding each column's largest value."""
    best: list[int] = []
    for j in range(len(rows[0]) if rows else 0):
        column = [row[j] for row in rows]
        best.append(column.index(max(column)))
    return best


def group_affinity(
    lexical: np.ndarray | list[list[float]], refs: Sequence[Unit], plan: Sequence[Unit]
) -> dict[tuple[str | None, str | None], float]:
    """Share of a plan group's units whose best lexical match lies in each reference group."""
    votes: dict[str | None, Counter[str | None]] = {}
    if len(refs):
        # argmax keeps the first of equal values: the earliest reference item, as before
        best_rows = lexical.argmax(axis=0).tolist() if hasattr(lexical, "argmax") else _column_argmax(lexical)
        for unit, best in zip(plan, best_rows, strict=True):
            votes.setdefault(unit.group, Counter())[refs[best].group] += 1
    out: dict[tuple[str | None, str | None], float] = {}
    for pgroup, counter in votes.items():
        total = sum(counter.values())
        for rgroup, n in counter.items():
            out[(pgroup, rgroup)] = n / total
    return out


def _affinity_weights(
    affinity: dict[tuple[str | None, str | None], float], refs: Sequence[Unit], plan: Sequence[Unit]
) -> np.ndarray:
    """The group affinity of every pair, as a matrix: a table over the few groups, then indexed."""
    import numpy as np

    ref_groups = list(dict.fromkeys(r.group for r in refs))
    plan_groups = list(dict.fromkeys(u.group for u in plan))
    table = np.array([[affinity.get((pg, rg), 0.0) for pg in plan_groups] for rg in ref_groups])
    rows = np.array([ref_groups.index(r.group) for r in refs])
    cols = np.array([plan_groups.index(u.group) for u in plan])
    return np.asarray(table[rows][:, cols])


EPS = 1e-3  # slack for rounding scores to 4 decimals when bounds are compared


def score_matrix(
    scorer: Scorer,
    refs: Sequence[Unit],
    plan: Sequence[Unit],
    blocks: Sequence[int] = (),
    window: float = 0.0,
) -> list[ScoreRow]:
    """Scores of every (reference item, plan unit) pair, as `lexical` and `combine` give them.

    Token-set ratios are computed exactly only where a decision can depend on them: each column's
    best pairs (group affinity, and the two best scores), pairs within `window` of their column's
    best, each row's two best within each block of columns (`blocks`: where the decision's tiers
    start). Elsewhere a lower bound stands (`TokenSetBounds`): such a pair scores below every value
    a decision compares it with, so links and findings are those of the exact matrix.
    """
    import numpy as np

    if not refs or not plan:
        return [ScoreRow([], [], [], []) for _ in refs]
    left, right = [r.match_text for r in refs], [u.match_text for u in plan]
    cosines = scorer.cosine_matrix(left, right)
    ratios = scorer.token_sets(left, right)
    shared = ratios.bounds.shared

    def extremes() -> tuple[np.ndarray, np.ndarray]:
        return scorer.flat(cosines, ratios.ratio, shared), scorer.flat(cosines, ratios.upper(EPS), shared)

    low, high = extremes()
    ratios.settle(high >= low.max(axis=0) - EPS)  # group affinity follows each column's best
    low, high = extremes()
    affinity = group_affinity(low, refs, plan)
    weights = _affinity_weights(affinity, refs, plan)
    low, high = low + W_GROUP * weights, high + W_GROUP * weights
    need = (high >= second_largest(low, 0) - EPS) | (high >= low.max(axis=0) - window - EPS)
    edges = [0, *blocks, len(plan)]
    for start, end in itertools.pairwise(edges):
        if end > start:
            need[:, start:end] |= high[:, start:end] >= second_largest(low[:, start:end], 1)[:, None] - EPS
    ratios.settle(need)
    token_sets = np.where(shared > 0, (ratios.ratio / 100.0) * np.minimum(1.0, shared / MIN_SHARED), 0.0)
    scores = np.minimum(1.0, W_TFIDF * cosines + W_TOKEN_SET * token_sets + W_GROUP * weights)
    return [
        ScoreRow(*rows)
        for rows in zip(round4(scores), round4(cosines), round4(token_sets), round4(weights), strict=True)
    ]


def score_matrix_pairwise(
    scorer: Scorer,
    refs: Sequence[Unit],
    plan: Sequence[Unit],
    blocks: Sequence[int] = (),
    window: float = 0.0,
) -> list[ScoreRow]:
    """The definition `score_matrix` computes faster: every pair scored on its own, exactly. Kept
    for the tests and the benchmark, which check the fast path against it."""
    lexical = [[scorer.lexical(r.match_text, u.match_text) for u in plan] for r in refs]
    flat = [[W_TFIDF * c + W_TOKEN_SET * t for c, t in row] for row in lexical]  # no numpy: see decide
    affinity = group_affinity(flat, refs, plan) if len(plan) else {}
    return [
        ScoreRow.of(
            [
                scorer.combine(c, t, affinity.get((u.group, r.group), 0.0))
                for u, (c, t) in zip(plan, row, strict=True)
            ]
        )
        for r, row in zip(refs, lexical, strict=True)
    ]
