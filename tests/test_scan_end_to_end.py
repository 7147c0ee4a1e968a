"""A 200-dpi, slightly skewed, noisy scan of the Nghệ An plan (tests/data/fixtures/, rebuilt by
scripts/make_fixtures.py) parses to the gold tasks: lead units and deadlines, task by task."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, load_gold
from goldcompare import f
from plancompare import ParseOptions, parse

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def test_scan_yields_the_gold_tasks() -> None:
    plan = parse(ROOT / "tests/data/fixtures/scan-nghe-an.pdf", options=ParseOptions(jobs=2))
    gold = load_gold("nghe-an-686-KH-UBND-2025.json")["tasks"]
    right = []
    for want in gold:
        task = next((t for t in plan.tasks if f(t.text).startswith(f(want["starts_with"]))), None)
        if task is None:
            continue
        leads_ok = sorted(f(u.text) for u in task.lead_units) == sorted(map(f, want["lead_units"]))
        deadline_ok = task.deadline.kind.value == want["deadline"]["kind"]
        if leads_ok and deadline_ok:
            right.append(want["id"])
    assert len(right) >= 23, sorted(set(t["id"] for t in gold) - set(right))
    assert len(plan.tasks) == 24
    assert {w.code for w in plan.warnings} >= {"ocr_used"}
