"""A small comparison (two provincial plans) is scored pair by pair, without numpy, and gives the
byte-identical result the matrix path gives (align/decide.py PAIRWISE_UP_TO)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import plancompare
from conftest import ROOT
from plancompare.align import decide
from plancompare.diff import groups
from plancompare.serialize import to_json

AN_GIANG = ROOT / "corpora" / "plans" / "an-giang-KH-UBND-2025.txt"
NGHE_AN = ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md"


@pytest.mark.parametrize(("reference", "plan"), [(None, NGHE_AN), (None, AN_GIANG), (AN_GIANG, NGHE_AN)])
def test_pairwise_and_matrix_paths_agree(monkeypatch: pytest.MonkeyPatch, reference, plan) -> None:  # type: ignore[no-untyped-def]
    small = to_json(plancompare.compare(reference, plan))
    monkeypatch.setattr(decide, "PAIRWISE_UP_TO", 0)
    monkeypatch.setattr(groups, "PAIRWISE_UP_TO", 0)
    assert to_json(plancompare.compare(reference, plan)) == small


def test_small_diff_loads_no_numpy() -> None:
    code = (
        "import sys, plancompare; plancompare.compare(None, sys.argv[1]);"
        " print(sorted(m for m in ('numpy', 'scipy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(NGHE_AN)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
