"""`compare(reference, plan) -> Comparison`: the whole comparison, pure and deterministic."""

from __future__ import annotations

from pathlib import Path

from ..align.decide import COVERED, MARGIN, PARTIAL, align
from ..align.units import fallback_units, plan_units, reference_units
from ..model.comparison import (
    Comparison,
    ComparisonOptions,
    DocumentHeader,
    FindingKind,
    Summary,
    Thresholds,
)
from ..model.plan import Plan
from ..model.reference import Reference
from ..reference.load import load_reference
from .applicability import mark_applicability
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
    applicable = items - n[FindingKind.NOT_APPLICABLE]
    return Summary(
        reference_items=items,
        covered=n[FindingKind.COVERED],
        partial=n[FindingKind.PARTIAL],
        missing=n[FindingKind.MISSING],
        divergent=n[FindingKind.DIVERGENT],
        added=n[FindingKind.ADDED],
        coverage=round(carried / applicable, 4) if applicable else 0.0,
        not_applicable=n[FindingKind.NOT_APPLICABLE],
    )


def compare(
    reference: Reference | Plan | str | Path | None,
    plan: Plan | str | Path,
    *,
    include_not_applicable: bool = False,
) -> Comparison:
    """Compare `plan` with `reference` (None: the bundled QĐ 1560 outline). Paths are parsed.
    Reference items addressed to central bodies (or to other named provinces) that the plan does not
    carry are `not_applicable`; `include_not_applicable=True` reports them as missing instead."""
    ref = load_reference(reference)
    parsed = _plan(plan)
    refs = reference_units(ref)
    units = plan_units(parsed)
    alignment = align(refs, units, fallback_units(parsed))
    findings = [
        with_reference_facts(reference_finding(alignment, i), item) for i, item in enumerate(ref.items)
    ]
    findings = mark_applicability(findings, ref.items, parsed.metadata, include_not_applicable)
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
        options=ComparisonOptions(include_not_applicable=include_not_applicable),
    )
