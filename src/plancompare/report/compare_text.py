"""`--format text`: a rich terminal table, coloured by kind, with a coverage bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.comparison import Comparison
from .compare_common import (
    KIND_COLOUR,
    coverage_bar,
    document_label,
    finding_detail,
    location,
    not_applicable_text,
)

if TYPE_CHECKING:
    from rich.console import Console


def render_comparison(c: Comparison, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    s = c.summary
    console.print(f"[bold]Reference[/bold] {escape(document_label(c, 'reference'))}")
    if c.reference.provenance:
        console.print(f"  [italic]{escape(c.reference.provenance)}[/italic]")
    console.print(f"[bold]Plan[/bold]      {escape(document_label(c, 'plan'))}")
    console.print(
        f"[bold]Coverage[/bold]  {coverage_bar(s.coverage)} {s.coverage:.0%}  "
        f"[green]covered {s.covered}[/green] · [yellow]partial {s.partial}[/yellow] · "
        f"[magenta]divergent {s.divergent}[/magenta] · [red]missing {s.missing}[/red] · "
        f"[cyan]added {s.added}[/cyan]{not_applicable_text(c, ' · ')} of {s.reference_items} reference items"
    )
    table = Table(title="Findings", show_lines=False)
    for col in ("kind", "ref", "plan", "score", "where", "details / shared words"):
        table.add_column(col, overflow="fold")
    for f in c.findings:
        colour = KIND_COLOUR[f.kind]
        detail = escape(finding_detail(f))
        if f.evidence.shared_words:
            words = escape(", ".join(f.evidence.shared_words[:12]))
            detail = f"{detail}\n[dim]shared: {words}[/dim]" if detail else f"[dim]shared: {words}[/dim]"
        table.add_row(
            f"[{colour}]{f.kind.value}[/{colour}]",
            escape(f.reference_id or "—"),
            escape(", ".join(f.plan_ids) or "—"),
            f"{f.score:.2f}",
            location(f),
            detail,
        )
    console.print(table)
    groups = Table(title="Groups")
    for col in (
        "group",
        "form",
        "covered",
        "partial",
        "divergent",
        "missing",
        "plan units about it",
        "title",
    ):
        groups.add_column(col, overflow="fold")
    for g in c.groups:
        groups.add_row(
            g.group, g.form, str(g.covered), str(g.partial), str(g.divergent), str(g.missing),
            escape(", ".join(g.plan_ids) or "—"), escape(g.title),
        )  # fmt: skip
    console.print(groups)
    for w in c.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(w.code)}: {escape(w.message)}")
