"""Items a plan is not expected to carry: a national item addressed to central bodies only, or to
named provinces other than the plan's. Such an item, when the plan does not carry it, is reported as
`not_applicable` instead of `missing` (unless the user asks to include them); an item the plan does
carry keeps its finding, since a province may well take a central task on."""

from __future__ import annotations

from ..glossary import load_glossary
from ..model.comparison import Finding, FindingKind
from ..model.metadata import DocumentMeta
from ..model.reference import Addressee, ReferenceItem


def plan_province(meta: DocumentMeta) -> str | None:
    """The province a plan belongs to, from its place line or its issuer's name."""
    glossary = load_glossary()
    for text in (meta.place, meta.issuer):
        if text and (province := glossary.find_province(text)):
            return province
    return None


def not_for_plan(item: ReferenceItem, province: str | None) -> str | None:
    """Why `item` is not the plan's to carry, or None when it is (or nobody can tell)."""
    if item.addressee is Addressee.CENTRAL:
        return f"addressed to central bodies ({item.addressee_basis or 'its text'})"
    if item.addressee is Addressee.NAMED_LOCALITIES and province and province not in item.localities:
        return f"addressed to {', '.join(item.localities)}, not {province}"
    return None


def mark_applicability(
    findings: list[Finding], items: list[ReferenceItem], meta: DocumentMeta, include: bool
) -> list[Finding]:
    """The findings of `items` (same order) with their addressee, missing ones turned not_applicable."""
    province = plan_province(meta)
    out = []
    for finding, item in zip(findings, items, strict=True):
        update: dict[str, object] = {"addressee": item.addressee}
        reason = not_for_plan(item, province)
        if reason and finding.kind is FindingKind.MISSING and not include:
            closest = f"; {finding.note}" if finding.note else ""
            update |= {"kind": FindingKind.NOT_APPLICABLE, "note": f"not applicable: {reason}{closest}"}
        out.append(finding.model_copy(update=update))
    return out
