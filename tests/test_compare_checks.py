"""`check` against the bundled outline and `diff` between the two corpora plans, values asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancompare.diff import compare
from plancompare.model.comparison import Comparison, Finding
from plancompare.reference import load_reference
from plancompare.serialize import to_json

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


def _by_ref(c: Comparison) -> dict[str, Finding]:
    return {f.reference_id: f for f in c.findings if f.reference_id is not None}


@pytest.fixture(scope="module")
def an_giang_check() -> Comparison:
    return compare(None, AN_GIANG)


@pytest.fixture(scope="module")
def nghe_an_check() -> Comparison:
    return compare(None, NGHE_AN)


def test_outline_reference_has_24_requirements_and_provenance() -> None:
    ref = load_reference(None)
    assert [i.id for i in ref.items][:3] == ["1.1", "1.2", "1.3"]
    assert len(ref.items) == 24
    assert ref.source.format.value == "outline"
    assert ref.provenance == "reconstructed outline; not the official text"
    assert ref.metadata.number == "1560/QĐ-TTg"


def test_an_giang_groups_in_summary_form(an_giang_check: Comparison) -> None:
    forms = {g.group: g.form for g in an_giang_check.groups}
    assert all(forms[g] == "summary" for g in ("1", "3", "4", "5"))
    assert "II.2.c" in next(g for g in an_giang_check.groups if g.group == "4").plan_ids


def test_an_giang_missing_items(an_giang_check: Comparison) -> None:
    found = _by_ref(an_giang_check)
    for item in ("2.3", "5.3", "5.4"):
        assert found[item].kind.value == "missing"
        assert found[item].plan_ids == []


def test_an_giang_targets_matched_with_evidence(an_giang_check: Comparison) -> None:
    f = _by_ref(an_giang_check)["4.1"]
    assert f.kind.value == "covered"
    assert "II.1.d" in f.plan_ids
    assert f.divergences == []
    assert f.matched_targets == [
        "15-20% (annual) = 15-20% (annual) «từ 15-20%»",
        ">= 15% (by 2030) = >= 15% (by 2030) «tối thiểu 15%»",
    ]
    assert "tăng" in f.evidence.shared_words and "trưởng" in f.evidence.shared_words
    assert f.evidence.plan_span is not None and f.evidence.plan_span.line_start == 108


def test_an_giang_warnings(an_giang_check: Comparison) -> None:
    codes = {w.code for w in an_giang_check.warnings}
    assert {"appendix_absent", "number_missing", "date_missing", "reference_reconstructed"} <= codes


def test_nghe_an_all_covered_or_divergent(nghe_an_check: Comparison) -> None:
    found = _by_ref(nghe_an_check)
    assert len(found) == 24
    assert {f.kind.value for f in found.values()} <= {"covered", "divergent"}
    target = found["4.1"].divergences[0]
    assert (target.aspect.value, target.direction.value) == ("target", "different")
    assert target.reference.startswith(">= 15%") and "chiếm 15%" in target.plan
    # the merged outline item 5.4 is spread over the plan's rows 5.4 and 5.5
    assert set(found["5.4"].plan_ids) == {"5.4", "5.5"}
    assert nghe_an_check.summary.coverage == 1.0


@pytest.mark.parametrize(
    ("ref_path", "plan_path", "direction"), [(NGHE_AN, AN_GIANG, "earlier"), (AN_GIANG, NGHE_AN, "later")]
)
def test_diff_between_plans_reports_date_and_target(ref_path: Path, plan_path: Path, direction: str) -> None:
    c = compare(ref_path, plan_path)
    divs = [(f.reference_id, d) for f in c.findings for d in f.divergences]
    deadlines = [d for _, d in divs if d.aspect.value == "deadline" and d.direction.value == direction]
    assert any("01/10" in d.reference + d.plan and "30/9" in d.reference + d.plan for d in deadlines)
    targets = [d for _, d in divs if d.aspect.value == "target" and d.direction.value == "different"]
    assert any(
        "chiếm 15%" in d.reference + d.plan and "tối thiểu 15%" in d.reference + d.plan for d in targets
    )


def test_json_is_deterministic_and_follows_contract(an_giang_check: Comparison) -> None:
    first = to_json(compare(None, AN_GIANG))
    assert first == to_json(compare(None, AN_GIANG))
    data = json.loads(first)
    assert set(data) >= {"schema_version", "reference", "plan", "summary", "findings", "warnings"}
    assert set(data["summary"]) >= {
        "reference_items",
        "covered",
        "partial",
        "missing",
        "divergent",
        "added",
        "coverage",
    }
    refs = [f["reference_id"] for f in data["findings"] if f["kind"] != "added"]
    assert sorted(refs) == sorted(i.id for i in load_reference(None).items)
    for f in data["findings"]:
        assert set(f) >= {"kind", "reference_id", "plan_ids", "score", "divergences", "evidence"}
        assert 0.0 <= f["score"] <= 1.0
        if f["kind"] == "divergent":
            assert f["divergences"]
        if f["kind"] == "missing":
            assert f["plan_ids"] == []


def test_a_plan_for_another_document_is_flagged() -> None:
    from conftest import ROOT
    from plancompare import compare

    unrelated = compare(None, ROOT / "corpora/real/QD-1074-QD-BXD-29-6-2026.pdf")
    assert "reference_not_cited" in {w.code for w in unrelated.warnings}
    related = compare(None, ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt")
    assert "reference_not_cited" not in {w.code for w in related.warnings}
