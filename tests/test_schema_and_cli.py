"""The published schema is current, JSON output is deterministic, and the CLI behaves."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT
from plancompare.model import Plan

NGHE_AN = ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "plancompare", *args], capture_output=True, text=True, env=env
    )


def test_published_schemas_are_current() -> None:
    from plancompare.model.comparison import Comparison
    from plancompare.model.reference import Reference

    for name, model in (("plan", Plan), ("comparison", Comparison), ("reference", Reference)):
        published = json.loads((ROOT / "docs" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert published == model.model_json_schema(), f"{name}: run python scripts/gen_schema.py"


def test_parse_json_is_byte_identical_across_runs_and_round_trips() -> None:
    a, b = run("parse", str(NGHE_AN)), run("parse", str(NGHE_AN))
    assert a.returncode == 0 and a.stdout == b.stdout
    data = json.loads(a.stdout)
    assert data["schema_version"] == "1" and data["source"]["format"] == "markdown"
    assert Plan.model_validate(data).model_dump(mode="json") == data


def test_saved_plan_json_parses_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan.json"
    assert run("parse", str(NGHE_AN), "-o", str(out)).returncode == 0
    again = run("parse", str(out))
    assert again.returncode == 0
    data = json.loads(again.stdout)
    assert data["source"]["format"] == "plan-json" and len(data["tasks"]) == 24


def test_text_summary() -> None:
    r = run("parse", str(NGHE_AN), "--format", "text")
    assert r.returncode == 0
    assert "686/KH-UBND" in r.stdout and "Bùi Thanh An" in r.stdout and "Nhiệm vụ (24)" in r.stdout


def test_missing_file_is_one_line_exit_2() -> None:
    r = run("parse", "no/such/file.pdf")
    assert r.returncode == 2
    # a Vietnamese sentence first, then the reader's detail
    assert r.stderr.strip() == "plancompare: Không tìm thấy tệp: no/such/file.pdf: no such file"
    assert "Traceback" not in r.stderr


def test_help_is_cheap() -> None:
    code = "import sys, plancompare.cli; print(sorted(m for m in ('spacy','pdfplumber','pypdfium2','docx','pyvi','rapidfuzz') if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip() == "[]"
