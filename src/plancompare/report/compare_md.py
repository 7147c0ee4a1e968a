"""`--format md`: a Markdown report."""

from __future__ import annotations

from ..model.comparison import Comparison
from .compare_common import coverage_bar, document_label, finding_detail, location, not_applicable_text


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_comparison_md(c: Comparison) -> str:
    s = c.summary
    out = [
        "# Plan comparison",
        "",
        f"- **Reference:** {_cell(document_label(c, 'reference'))}",
    ]
    if c.reference.provenance:
        out.append(f"- **Provenance:** {c.reference.provenance}")
    out += [
        f"- **Plan:** {_cell(document_label(c, 'plan'))}",
        f"- **Coverage:** `{coverage_bar(s.coverage, 20)}` {s.coverage:.0%} — covered {s.covered}, "
        f"partial {s.partial}, divergent {s.divergent}, missing {s.missing}, added {s.added}"
        f"{not_applicable_text(c)} "
        f"(of {s.reference_items} reference items)",
        "",
        "## Findings",
        "",
        "| kind | reference | plan | score | where | details | shared words |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in c.findings:
        out.append(
            f"| {f.kind.value} | {f.reference_id or '—'} | {', '.join(f.plan_ids) or '—'} | {f.score:.2f} | "
            f"{location(f)} | {_cell(finding_detail(f))} | {_cell(', '.join(f.evidence.shared_words[:12]))} |"
        )
    out += [
        "",
        "## Groups",
        "",
        "| group | form | covered | partial | divergent | missing | plan units | title |",
    ]
    out.append("|---|---|---|---|---|---|---|---|")
    for g in c.groups:
        out.append(
            f"| {g.group} | {g.form} | {g.covered} | {g.partial} | {g.divergent} | {g.missing} | "
            f"{', '.join(g.plan_ids) or '—'} | {_cell(g.title)} |"
        )
    if c.warnings:
        out += ["", "## Warnings", ""]
        out += [f"- `{w.code}`: {_cell(w.message)}" for w in c.warnings]
    return "\n".join(out) + "\n"
