"""A handful of mutations of the Nghệ An plan, checked one by one (the full suite and its precision
and recall: benchmarks/bench_mutations.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from plancompare.api import parse
from plancompare.diff import compare
from plancompare.model.reference import Reference
from plancompare.reference import reference_from_plan
from plancompare.serialize import to_data

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from mutations import Mutation, build, reported  # noqa: E402

PLAN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
CHECKED = [
    "delete-3.3",
    "target-range-lower",
    "deadline-report-earlier",
    "lead-unit-4.4",
    "renumber-group-5",
    "reorder-groups-3-4",
    "paraphrase",
    "added-local-task",
]


@pytest.fixture(scope="module")
def reference() -> Reference:
    return reference_from_plan(parse(PLAN))


@pytest.fixture(scope="module")
def suite() -> dict[str, Mutation]:
    return {m.name: m for m in build(PLAN.read_text(encoding="utf-8"))}


def test_unmutated_plan_reports_nothing(reference: Reference) -> None:
    c = compare(reference, parse(PLAN))
    assert reported(to_data(c)["findings"]) == frozenset()
    assert c.summary.covered == len(reference.items)


@pytest.mark.parametrize("name", CHECKED)
def test_mutation_reported_exactly(name: str, reference: Reference, suite: dict[str, Mutation]) -> None:
    mutation = suite[name]
    plan = parse(mutation.text.encode("utf-8"), name=f"{name}.md")
    assert reported(to_data(compare(reference, plan))["findings"]) == mutation.expected


def test_directions(reference: Reference, suite: dict[str, Mutation]) -> None:
    def divergence(name: str, ref_id: str) -> tuple[str, str]:
        plan = parse(suite[name].text.encode("utf-8"), name=f"{name}.md")
        f = next(f for f in compare(reference, plan).findings if f.reference_id == ref_id)
        return f.divergences[0].aspect.value, f.divergences[0].direction.value

    assert divergence("target-range-lower", "4.1") == ("target", "weaker")
    assert divergence("target-share-higher", "4.1") == ("target", "stronger")
    assert divergence("deadline-date-later", "1.2") == ("deadline", "later")
    assert divergence("deadline-report-earlier", "6") == ("deadline", "earlier")
    assert divergence("deadline-kind", "4.4") == ("deadline", "different")
