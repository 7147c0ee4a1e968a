"""Structural warnings of a comparison: the plan's parse warnings carried through with their codes,
the reference's with a "reference:" prefix, and what the comparison itself had to assume."""

from __future__ import annotations

from ..model import warning_codes as codes
from ..model.plan import Plan
from ..model.reference import Reference
from ..model.warnings import ParseWarning

REFERENCE_RECONSTRUCTED = "reference_reconstructed"
BODY_TEXT_EVIDENCE = "body_text_evidence"
REFERENCE_NOT_CITED = "reference_not_cited"


def _cited(reference: Reference, plan: Plan) -> bool | None:
    """Does the plan cite the reference, or a document the reference itself implements (QĐ 1560
    implements 39-CT/TW)? None when the reference has no number to look for."""
    wanted = {n for n in (reference.metadata.number, *reference.metadata.cites) if n}
    if not wanted:
        return None
    return bool(wanted & set(plan.metadata.cites))


def comparison_warnings(reference: Reference, plan: Plan, body_evidence: bool) -> list[ParseWarning]:
    out = list(plan.warnings)
    have = {w.code for w in out}

    def add(code: str, message: str) -> None:
        if code not in have:
            have.add(code)
            out.append(ParseWarning(code=code, message=message))

    meta = plan.metadata
    if meta.appendix.referenced and not meta.appendix.present:
        add(codes.APPENDIX_ABSENT, "the plan refers to an appendix (Phụ lục) that is not in the document")
    if meta.number is None:
        add(codes.NUMBER_MISSING, "the plan has no document number")
    if meta.date is None:
        add(codes.DATE_MISSING, "the plan has no issue date")
    if not plan.tasks:
        add(codes.TASKS_NOT_FOUND, "no tasks were found in the plan; only body text could be compared")
    if body_evidence:
        add(
            BODY_TEXT_EVIDENCE,
            "the plan has no task table: its body sections (objectives, summary tasks) were used as evidence",
        )
    if _cited(reference, plan) is False:
        add(
            REFERENCE_NOT_CITED,
            f"the plan cites neither {reference.metadata.number} nor what it implements: "
            "it may implement another document, so low coverage is expected",
        )
    if reference.provenance:
        add(REFERENCE_RECONSTRUCTED, f"reference: {reference.provenance}")
    for w in reference.warnings:
        out.append(ParseWarning(code=w.code, message=f"reference: {w.message}", page=w.page))
    return out
