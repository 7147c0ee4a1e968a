"""Character n-gram TF-IDF vectors and cosine, in plain Python.

Character n-grams over accent-stripped words survive typos ("bồi sung"/"bổ sung", "chuyên
giao"/"chuyển giao"), tone placement and word-order changes better than whole words do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain

from ..text.fold import fold_ascii

NGRAM_SIZES = (3, 4)
Vector = dict[str, float]


@lru_cache(maxsize=65536)
def _token_grams(token: str) -> tuple[str, ...]:
    padded = f"_{fold_ascii(token)}_"
    return tuple(padded[i : i + n] for n in NGRAM_SIZES for i in range(max(1, len(padded) - n + 1)))


def char_ngrams(tokens: Iterable[str]) -> Counter[str]:
    # a plan repeats its words: each is cut once, and all are counted in one pass
    return Counter(chain.from_iterable(map(_token_grams, tokens)))


class TfidfSpace:
    """IDF fitted on every text of one comparison (both sides), so a word common to all tasks
    ("tín dụng chính sách xã hội") weighs little."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        counts = [char_ngrams(doc) for doc in documents]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(counts)
        self.idf = {g: math.log((1 + n) / (1 + d)) + 1.0 for g, d in df.items()}
        self._default_idf = math.log(1 + n) + 1.0

    def vector(self, tokens: Sequence[str]) -> Vector:
        grams = char_ngrams(tokens)
        vec = {g: (1.0 + math.log(c)) * self.idf.get(g, self._default_idf) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {g: v / norm for g, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(g, 0.0) for g, v in a.items())
