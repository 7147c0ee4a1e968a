"""Addressees for the items of a parsed reference, using its Tổ chức thực hiện section as the default."""

from __future__ import annotations

from ..model.plan import Plan
from ..model.reference import ReferenceItem
from ..text.fold import fold_ascii
from .addressee import classify_addressee, default_addressee, is_national

_ORGANISATION_WORDS = ("to chuc thuc hien", "trach nhiem thuc hien")


def organisation_text(plan: Plan) -> str:
    """The text of the reference's "Tổ chức thực hiện" section(s), subsections included."""
    heads = [s.id for s in plan.sections if any(w in fold_ascii(s.title)[:60] for w in _ORGANISATION_WORDS)]
    return "\n".join(
        s.text or s.title for s in plan.sections if any(s.id == h or s.id.startswith(h + ".") for h in heads)
    )


def with_addressees(plan: Plan, items: list[ReferenceItem]) -> list[ReferenceItem]:
    """Each item with its addressee; unchanged (unspecified) unless the reference is national."""
    if not is_national(plan.metadata):
        return items
    default = default_addressee(organisation_text(plan))
    out = []
    for item in items:
        reading = classify_addressee(item.text, item.lead_units, default)
        out.append(
            item.model_copy(
                update={
                    "addressee": reading.addressee,
                    "localities": list(reading.localities),
                    "addressee_basis": reading.basis,
                }
            )
        )
    return out
