"""The all-pairs scoring gives the findings of the pair-by-pair definition: token-set bounds hold,
and comparisons computed with the exhaustive matrix are identical, key for key."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import plancompare
from plancompare.align import decide, scores
from plancompare.align.matrix import TokenSetBounds, round4
from plancompare.diff import groups
from plancompare.serialize import to_json

ROOT = Path(__file__).resolve().parents[1]
WIDE = ROOT.parent / "shared/corpora/wide"
WORDS = [
    "vốn",
    "vay",
    "hộ",
    "nghèo",
    "tín",
    "dụng",
    "xã",
    "phường",
    "tỉnh",
    "giám",
    "sát",
    "kiểm",
    "tra",
    "chuyển",
    "đổi",
    "số",
    "nguồn",
    "lực",
    "đào",
    "tạo",
    "nghề",
]


def test_token_set_bounds_hold() -> None:
    rng = random.Random(7)
    sets = [frozenset(rng.sample(WORDS, rng.randint(1, 10))) for _ in range(40)]
    bounds = TokenSetBounds(sets, sets)
    for i, a in enumerate(sets):
        for j, b in enumerate(sets):
            exact = fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))) if a & b else 0.0
            assert bounds.lower[i, j] - 1e-9 <= exact <= bounds.upper[i, j] + 1e-9
            if bounds.known[i, j]:
                assert exact in (0.0, 100.0)


def test_round4_is_pythons_round() -> None:
    import numpy as np

    values = np.array([[0.12345, 0.28675, 0.99995, 1 / 3, 0.00005, 0.5555500000000001]])
    assert round4(values) == [[round(float(v), 4) for v in values[0]]]


def _exhaustive_profiles(a: decide.Alignment, profiles: list[str], texts: list[str]) -> list[list[float]]:
    return [[a.scorer.combine(*a.scorer.lexical(p, t), 0.0).score for t in texts] for p in profiles]


PAIRS = [
    (WIDE / "national-nq03-NQ-CP-2025-ctr-hanh-dong-nq57.md", WIDE / "hanoi-kh310-UBND-2025-5g-iot.md"),
    (ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md", ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"),
    (None, ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"),
]


@pytest.mark.parametrize(
    ("reference", "plan"), PAIRS, ids=["nq03-hanoi", "nghe-an-an-giang", "outline-an-giang"]
)
def test_bounded_matrix_gives_the_exhaustive_comparison(
    reference: Path | None, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not plan.exists() or (reference is not None and not reference.exists()):
        pytest.skip("shared corpus not available")
    ref = plancompare.load_reference(plancompare.parse(reference) if reference else None)
    parsed = plancompare.parse(plan)
    fast = to_json(plancompare.compare(ref, parsed))
    monkeypatch.setattr(decide, "score_matrix", scores.score_matrix_pairwise)
    monkeypatch.setattr(groups, "_profile_scores", _exhaustive_profiles)
    assert to_json(plancompare.compare(ref, parsed)) == fast
