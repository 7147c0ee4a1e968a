"""Notebook helpers: DataFrames of a plan, its units, a comparison and a batch; the short repr and
the HTML view; a clear error naming the extra when pandas is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import plancompare
from plancompare.batch import compare_many
from plancompare.errors import MissingDependency, PlanCompareError
from plancompare.frames import matrix_frame, summary_frame

pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


@pytest.fixture(scope="module")
def plan() -> plancompare.Plan:
    return plancompare.parse(NGHE_AN)


def test_plan_frame_flattens_units_deadlines_targets(plan: plancompare.Plan) -> None:
    df = plan.to_dataframe()
    assert len(df) == len(plan.tasks) == 24
    row = df.set_index("id").loc["4.1"]
    assert row["lead_unit_list"] == ["Sở Tài chính", "Ủy ban nhân dân các xã, phường, đặc khu"]
    assert row["lead_units"] == "Sở Tài chính; Ủy ban nhân dân các xã, phường, đặc khu"
    assert "15%" in row["targets"] and row["group"] == "4"
    assert df.set_index("id").loc["1.2", "deadline_date"] == "2025-08-31"
    assert all(isinstance(v, str) or v is None for v in df["deadline_kind"])


def test_units_frame_one_row_per_task_and_unit(plan: plancompare.Plan) -> None:
    df = plan.units_frame()
    expected = sum(len(t.lead_units) + len(t.support_units) for t in plan.tasks)
    assert len(df) == expected
    assert set(df["role"]) == {"lead", "support"}
    first = df[(df.task_id == "1.1") & (df.role == "lead")]
    assert next(iter(first["canonical"])) == "Các sở, ban, ngành cấp tỉnh"


def test_comparison_frame_one_row_per_finding(plan: plancompare.Plan) -> None:
    c = plancompare.compare(None, plan)
    df = c.to_dataframe()
    assert len(df) == len(c.findings)
    divergent = df[df.kind == "divergent"].set_index("reference_id")
    assert "→" in divergent.loc["4.1", "target"] and divergent.loc["4.1", "lead_unit"] is None
    assert {"deadline", "lead_unit", "support_unit", "target"} <= set(df.columns)


def test_batch_frames() -> None:
    results = list(compare_many(None, [NGHE_AN, AN_GIANG, ROOT / "nope.md"]))
    summary = summary_frame(results)
    assert list(summary["coverage"]) == [1.0, 0.4375, None] or summary["coverage"].isna().iloc[2]
    assert summary.loc[2, "error_class"] == "InputNotFound"
    ids = [i.id for i in plancompare.load_reference(None).items]
    matrix = matrix_frame(results, ids)
    assert matrix.shape == (3, 26) and matrix.loc[0, "4.1"] == "divergent"


def test_repr_and_html(plan: plancompare.Plan) -> None:
    assert repr(plan) == "<Plan 'Kế hoạch 686/KH-UBND': 24 tasks, 45 sections, 1 warnings>"
    c = plancompare.compare(None, plan)
    assert repr(c).startswith("<Comparison ") and "coverage 100% of 24 items" in repr(c)
    page = c._repr_html_()
    findings = page.split("<br>")[1]  # after the counts: first findings, what differs first
    assert "độ bao phủ <b>100%</b>" in page and findings.index(">divergent<") < findings.index(">covered<")
    assert "686/KH-UBND" in plan._repr_html_() and "Sở Tài chính" in plan._repr_html_()


def test_missing_pandas_names_the_extra(plan: plancompare.Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency, match=r"plancompare\[notebook\]") as caught:
        plan.to_dataframe()
    assert isinstance(caught.value, PlanCompareError)
