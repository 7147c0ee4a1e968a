"""`compare(reference, plan) -> Comparison`: the whole comparison, pure and deterministic."""

from __future__ import annotations

from pathlib import Path

from ..align.decide import COVERED, MARGIN, PARTIAL, align
from ..align.units import fallback_units, plan_units, reference_units
from ..model.comparison import Comparison, DocumentHeader, FindingKind, Summary, Thresholds
from ..model.plan import Plan
from ..model.reference import Reference
from ..reference.load import load_reference
from .findings import added_findings, reference_finding, with_reference_facts
from .groups import group_coverage, groups_of
from .warnings import comparison_warnings

PARTIAL_WEIGHT = 0.5  # a partial item counts as half carried in `coverage`


def _plan(plan: Plan | str | Path) -> Plan:
    if isinstance(plan, Plan):
        return plan
    from ..api import parse

    return parse(plan)


def summarize(kinds: list[FindingKind], items: int) -> Summary:
    n = {k: kinds.count(k) for k in FindingKind}
    carried = n[FindingKind.COVERED] + n[FindingKind.DIVERGENT] + PARTIAL_WEIGHT * n[FindingKind.PARTIAL]
    return Summary(
        reference_items=items,
        covered=n[FindingKind.COVERED],
        partial=n[FindingKind.PARTIAL],
        missing=n[FindingKind.MISSING],
        divergent=n[FindingKind.DIVERGENT],
        added=n[FindingKind.ADDED],
        coverage=round(carried / items, 4) if items else 0.0,
    )


def compare(reference: Reference | Plan | str | Path | None, plan: Plan | str | Path) -> Comparison:
    """Compare `plan` with `reference` (None: the bundled QĐ 1560 outline). Paths are parsed."""
    ref = load_reference(reference)
    parsed = _plan(plan)
    refs = reference_units(ref)
    units = plan_units(parsed)
    alignment = align(refs, units, fallback_units(parsed))
    findings = [with_reference_facts(reference_finding(alignment, i), item) for i, item in enumerate(ref.items)]
    findings += added_findings(alignment)
    groups = group_coverage(alignment, groups_of(refs, ref.groups), findings)
    body_evidence = any(u.kind == "section" for u in units)
    return Comparison(
        reference=DocumentHeader(source=ref.source, metadata=ref.metadata, provenance=ref.provenance),
        plan=DocumentHeader(source=parsed.source, metadata=parsed.metadata),
        summary=summarize([f.kind for f in findings], len(refs)),
        findings=findings,
        groups=groups,
        warnings=comparison_warnings(ref, parsed, body_evidence),
        thresholds=Thresholds(covered=COVERED, partial=PARTIAL, margin=MARGIN),
    )
