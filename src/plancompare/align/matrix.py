"""Lexical scores of every (reference, plan) pair at once.

The per-pair functions in `scores.py` define the scores; this module computes the same numbers for
whole matrices: TF-IDF cosines as one sparse product, shared distinctive words as a product of
word-incidence matrices, token-set ratios with rapidfuzz `process.cdist` in C. A 500 × 500 diff
takes a fraction of a second instead of seconds of Python loops. numpy and scipy are imported here
only, so parsing never loads them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


# Below this many cells the two matrices are built dense with numpy: importing scipy.sparse costs
# ~90 ms, more than a whole small diff (two provincial plans); above it the sparse product wins.
DENSE_CELLS = 4_000_000


def _dense(rows: Sequence[tuple[Any, Any]], width: int) -> Any:
    import numpy as np

    out = np.zeros((len(rows), max(1, width)))
    for k, (indices, values) in enumerate(rows):
        np.add.at(out[k], indices, values)
    return out


def sparse_products(
    left: Sequence[Iterable[tuple[Hashable, float]]], right: Sequence[Iterable[tuple[Hashable, float]]]
) -> np.ndarray:
    """Dense (len(left), len(right)) matrix of dot products of sparse rows given as (key, value)."""
    columns: dict[Hashable, int] = {}
    lrows = [indexed_row(row, columns) for row in left]
    rrows = [indexed_row(row, columns) for row in right]
    return indexed_products(lrows, rrows, len(columns))


def indexed_row(row: Iterable[tuple[Hashable, float]], columns: dict[Hashable, int]) -> tuple[Any, Any]:
    """(column numbers, values) of one sparse row; new keys get the next column number."""
    import numpy as np

    pairs = list(row)
    indices = np.fromiter(
        (columns.setdefault(k, len(columns)) for k, _ in pairs), dtype=np.int64, count=len(pairs)
    )
    return indices, np.fromiter((v for _, v in pairs), dtype=np.float64, count=len(pairs))


def indexed_products(
    left: Sequence[tuple[Any, Any]], right: Sequence[tuple[Any, Any]], width: int
) -> np.ndarray:
    """Dense matrix of dot products of rows given as (column numbers, values), `width` columns."""
    import numpy as np

    if (len(left) + len(right)) * max(1, width) <= DENSE_CELLS:
        dense: np.ndarray = _dense(left, width) @ _dense(right, width).T
        return dense
    from scipy.sparse import csr_matrix

    def matrix(rows: Sequence[tuple[Any, Any]]) -> Any:
        indptr = np.cumsum([0, *(len(i) for i, _ in rows)])
        indices = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
        return csr_matrix((data, indices, indptr), shape=(len(rows), max(1, width)))

    product: np.ndarray = (matrix(left) @ matrix(right).T).toarray()
    return product


def second_largest(values: np.ndarray, axis: int) -> np.ndarray:
    """Second largest value along `axis` (-inf when there is only one)."""
    import numpy as np

    if values.shape[axis] < 2:
        return np.full(values.shape[1 - axis], -np.inf)
    second: np.ndarray = np.partition(values, -2, axis=axis).take(-2, axis=axis)
    return second


def round4(values: np.ndarray) -> list[list[float]]:
    """Python's `round(x, 4)` of every element (numpy's rounding differs on near-ties, which are
    redone with Python's own)."""
    import numpy as np

    scaled = values * 1e4
    out = np.round(values, 4)
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    rows: list[list[float]] = out.tolist()
    for i, j in zip(*np.nonzero(near_tie), strict=True):
        rows[i][j] = round(float(values[i, j]), 4)
    return rows


class TokenSetBounds:
    """Bounds of rapidfuzz `token_set_ratio` (0..100) for every pair of word sets, from sizes alone.

    token_set_ratio(a, b) is 100 when one set holds the other, else the best of three ratios: the
    shared words against each side (known from lengths) and the two sides' own words against each
    other (an edit distance, at least their length difference). So the first two give a lower
    bound and the length difference an upper one; the exact value is needed only for pairs whose
    bounds leave a decision open (see `scores.score_matrix`).
    """

    def __init__(self, left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> None:
        import numpy as np

        def incidence(sets: Sequence[frozenset[str]], weight: Callable[[str], float]) -> list[Any]:
            return [[(w, weight(w)) for w in ws] for ws in sets]

        self.shared = sparse_products(incidence(left, lambda w: 1.0), incidence(right, lambda w: 1.0))
        shared_chars = sparse_products(
            incidence(left, lambda w: float(len(w))), incidence(right, lambda w: 1.0)
        )
        count_a = np.array([len(ws) for ws in left], dtype=np.float64)[:, None]
        count_b = np.array([len(ws) for ws in right], dtype=np.float64)[None, :]
        chars_a = np.array([sum(map(len, ws)) for ws in left], dtype=np.float64)[:, None]
        chars_b = np.array([sum(map(len, ws)) for ws in right], dtype=np.float64)[None, :]

        def joined(chars: np.ndarray, count: np.ndarray) -> np.ndarray:
            return np.where(count > 0, chars + count - 1, 0.0)

        n_ab, n_ba = count_a - self.shared, count_b - self.shared
        sect = joined(shared_chars, self.shared)
        ab = joined(chars_a - shared_chars, n_ab)
        ba = joined(chars_b - shared_chars, n_ba)
        sect_ab, sect_ba = sect + 1 + ab, sect + 1 + ba
        with np.errstate(divide="ignore", invalid="ignore"):
            r_ab = 100 - 100 * (1 + ab) / (sect + sect_ab)
            r_ba = 100 - 100 * (1 + ba) / (sect + sect_ba)
            r_diff = 100 - 100 * np.abs(ab - ba) / (sect_ab + sect_ba)
        self.subset = (self.shared > 0) & ((n_ab == 0) | (n_ba == 0))
        self.lower = np.where(self.subset, 100.0, np.maximum(r_ab, r_ba))
        self.upper = np.where(self.subset, 100.0, np.maximum(self.lower, r_diff))
        # pairs whose value is known without rapidfuzz: nothing shared (score 0) or a subset (100)
        self.known = (self.shared == 0) | self.subset


class TokenSetMatrix:
    """Token-set ratios (0..100) of every pair of word sets, computed exactly on demand: `settle`
    asks rapidfuzz for the pairs a decision needs, the others keep their lower bound."""

    def __init__(self, left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> None:
        import numpy as np

        self.bounds = TokenSetBounds(left, right)
        self.ratio = np.where(self.bounds.subset, 100.0, np.maximum(self.bounds.lower, 0.0))
        self.ratio[self.bounds.shared == 0] = 0.0
        self.exact = self.bounds.known.copy()
        self._left = [" ".join(sorted(ws)) for ws in left]
        self._right = [" ".join(sorted(ws)) for ws in right]

    def settle(self, need: np.ndarray) -> None:
        import numpy as np
        from rapidfuzz import fuzz

        for i, j in zip(*np.nonzero(need & ~self.exact), strict=True):
            self.ratio[i, j] = fuzz.token_set_ratio(self._left[i], self._right[j])
        self.exact |= need

    def settle_all(self) -> None:
        import numpy as np

        self.settle(np.ones_like(self.exact))

    def upper(self, slack: float) -> np.ndarray:
        import numpy as np

        return np.where(self.exact, self.ratio, self.bounds.upper + slack)
