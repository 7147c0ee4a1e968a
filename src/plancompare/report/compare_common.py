"""Pieces shared by the comparison reports: labels, colours, one-line divergence text."""

from __future__ import annotations

from ..model.comparison import Comparison, Divergence, Finding, FindingKind

KIND_ORDER = [
    FindingKind.MISSING,
    FindingKind.DIVERGENT,
    FindingKind.PARTIAL,
    FindingKind.COVERED,
    FindingKind.ADDED,
    FindingKind.NOT_APPLICABLE,
]
KIND_COLOUR = {
    FindingKind.COVERED: "green",
    FindingKind.PARTIAL: "yellow",
    FindingKind.MISSING: "red",
    FindingKind.DIVERGENT: "magenta",
    FindingKind.ADDED: "cyan",
    FindingKind.NOT_APPLICABLE: "bright_black",
}
ARROW = "→"


def divergence_text(d: Divergence) -> str:
    return f"{d.aspect.value}: {d.reference} {ARROW} {d.plan} ({d.direction.value})"


def finding_detail(f: Finding) -> str:
    parts = [divergence_text(d) for d in f.divergences]
    if f.note:
        parts.append(f.note)
    return "; ".join(parts)


def document_label(c: Comparison, side: str) -> str:
    header = c.reference if side == "reference" else c.plan
    m = header.metadata
    name = " ".join(x for x in (m.doc_type_name, m.number) if x) or header.source.path
    issuer = f" — {m.issuer}" if m.issuer else ""
    return f"{name}{issuer} [{header.source.path}]"


def coverage_bar(coverage: float, width: int = 30) -> str:
    filled = round(coverage * width)
    return "█" * filled + "░" * (width - filled)


def location(f: Finding) -> str:
    span = f.evidence.plan_span
    if span is None:
        return ""
    lines = f"{span.line_start}" if span.line_start == span.line_end else f"{span.line_start}-{span.line_end}"
    return f"p.{span.page} l.{lines}" if span.page else f"l.{lines}"


def not_applicable_text(c: Comparison, separator: str = ", ") -> str:
    """The summary line's ", not_applicable N" when the reference has items addressed to others."""
    n = c.summary.not_applicable
    return f"{separator}not_applicable {n}" if n else ""
