"""`plancompare parse --format text`: a readable summary of a parsed plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.plan import Plan
from ..model.units import UnitRef

if TYPE_CHECKING:
    from rich.console import Console


def _units(units: list[UnitRef]) -> str:
    return "; ".join(u.text for u in units) or "—"


def render_plan(plan: Plan, console: Console) -> None:
    from rich.table import Table
    from rich.tree import Tree

    m = plan.metadata
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    rows = [
        ("Type", f"{m.doc_type_name or '—'} ({m.doc_type or '—'})"),
        ("Number", m.number or "— (missing)"),
        ("Issuer", m.issuer or "—"),
        ("Place, date", f"{m.place or '—'}, {m.date or '—'}"),
        ("Title", m.title or "—"),
        ("Signed", f"{m.signing_capacity or ''} {m.signer_title or ''} {m.signer or '—'}".strip()),
        ("Cites", ", ".join(m.cites) or "—"),
        ("Recipients", str(len(m.recipients))),
        ("Appendix", f"present={m.appendix.present} referenced={m.appendix.referenced}"),
        ("Source", f"{plan.source.path} ({plan.source.format.value}, {plan.source.pages or '—'} pages)"),
    ]
    for k, v in rows:
        meta.add_row(k, v)
    console.print(meta)

    tree = Tree("[bold]Sections")
    nodes: dict[str, Tree] = {}
    for s in plan.sections:
        if s.kind in ("dash", "plus"):
            continue
        parent = nodes.get(s.parent or "", tree)
        nodes[s.id] = parent.add(f"[cyan]{s.id}[/] {s.title[:90]}")
    console.print(tree)

    table = Table(title=f"Tasks ({len(plan.tasks)})", show_lines=False, expand=True)
    for col in ("id", "task", "lead", "support", "deadline"):
        table.add_column(col, overflow="fold")
    for t in plan.tasks:
        table.add_row(
            t.id,
            t.text[:120],
            _units(t.lead_units),
            _units(t.support_units),
            f"{t.deadline.kind.value}: {t.deadline.text or ''}",
        )
    console.print(table)
    if plan.targets:
        console.print("[bold]Targets")
        for tg in plan.targets:
            console.print(
                f"  {tg.where}: {tg.text}  ({tg.comparator.value} {tg.value:g}"
                f"{'' if tg.value_max is None else f'-{tg.value_max:g}'}{tg.unit or ''}"
                f"{f', by {tg.by_year}' if tg.by_year else ''}{', annual' if tg.period else ''})"
            )
    if plan.warnings:
        console.print("[bold yellow]Warnings")
        for w in plan.warnings:
            page = f" (page {w.page})" if w.page else ""
            console.print(f"  [yellow]{w.code}[/]{page}: {w.message}")
