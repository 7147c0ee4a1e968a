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
from collections.abc import Sequence
from dataclasses import dataclass

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

    def vector(self, text: str) -> Vector:
        if text not in self._vectors:
            self._vectors[text] = self.space.vector(content_words(text))
        return self._vectors[text]

    def distinctive(self, text: str) -> set[str]:
        return {w for w in content_words(text) if w not in self.common}

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

    def combine(self, tfidf: float, token_set: float, affinity: float) -> PairScore:
        score = W_TFIDF * tfidf + W_TOKEN_SET * token_set + W_GROUP * affinity
        return PairScore(round(min(1.0, score), 4), round(tfidf, 4), round(token_set, 4), round(affinity, 4))


def group_affinity(
    lexical: list[list[float]], refs: Sequence[Unit], plan: Sequence[Unit]
) -> dict[tuple[str | None, str | None], float]:
    """Share of a plan group's units whose best lexical match lies in each reference group."""
    votes: dict[str | None, Counter[str | None]] = {}
    for j, unit in enumerate(plan):
        column = [lexical[i][j] for i in range(len(refs))]
        if not column:
            continue
        best = max(range(len(refs)), key=lambda i: (column[i], -i))
        votes.setdefault(unit.group, Counter())[refs[best].group] += 1
    out: dict[tuple[str | None, str | None], float] = {}
    for pgroup, counter in votes.items():
        total = sum(counter.values())
        for rgroup, n in counter.items():
            out[(pgroup, rgroup)] = n / total
    return out


def score_matrix(scorer: Scorer, refs: Sequence[Unit], plan: Sequence[Unit]) -> list[list[PairScore]]:
    lex = [[scorer.lexical(r.match_text, u.match_text) for u in plan] for r in refs]
    flat = [[W_TFIDF * c + W_TOKEN_SET * t for c, t in row] for row in lex]
    affinity = group_affinity(flat, refs, plan)
    return [
        [
            scorer.combine(c, t, affinity.get((u.group, r.group), 0.0))
            for u, (c, t) in zip(plan, row, strict=True)
        ]
        for r, row in zip(refs, lex, strict=True)
    ]
