"""A small comparison (two provincial plans) is scored pair by pair, without numpy, and gives the
byte-identical result the matrix path gives (align/decide.py PAIRWISE_UP_TO)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_a_warm_run_loads_neither_rich_nor_the_data_parsers_and_says_the_same(tmp_path: Path) -> None:
    """The text report needs no rich; with the user cache warm, neither PyYAML nor tomllib is loaded
    and no pattern is parsed again — and the report is the same as the cold run's, byte for byte."""
    code = (
        "import sys\nfrom plancompare.cli import main\ntry:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "from plancompare.text import rx\n"
        "print(sorted(m for m in ('rich', 'yaml', 'tomllib', 'numpy') if m in sys.modules), rx._state['new'],"
        " file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(NGHE_AN)], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    modules, compiled = runs[0].stderr.rsplit(" ", 1)
    assert modules == "['tomllib', 'yaml']" and int(compiled) > 100  # the cold run parses, fills the cache
    assert runs[1].stderr.strip() == "[] 0"
    assert runs[0].stdout == runs[1].stdout and "Mức độ bao phủ:" in runs[1].stdout
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "plancompare").iterdir()) == [
        "messages", "outline", "patterns", "units",
    ]  # fmt: skip
