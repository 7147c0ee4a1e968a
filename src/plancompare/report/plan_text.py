"""`plancompare parse --format text`: a readable summary of a parsed plan, in the reader's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import Lang, t, t_or
from ..model.plan import Plan
from ..model.units import UnitRef
from .compare_common import target_with_metric, warning_sentence

if TYPE_CHECKING:
    from rich.console import Console


def _units(units: list[UnitRef]) -> str:
    return "; ".join(u.text for u in units) or "—"


def _yes_no(value: bool, lang: Lang) -> str:
    return t("plan.yes" if value else "plan.no", lang)


def _metadata_rows(plan: Plan, lang: Lang) -> list[tuple[str, str]]:
    m = plan.metadata
    pages = t("plan.pages", lang, pages=plan.source.pages) if plan.source.pages else "—"
    appendix = t(
        "plan.appendix_state",
        lang,
        present=_yes_no(m.appendix.present, lang),
        referenced=_yes_no(m.appendix.referenced, lang),
    )
    return [
        (t("plan.type", lang), f"{m.doc_type_name or '—'} ({m.doc_type or '—'})"),
        (t("plan.number", lang), m.number or t("plan.number_missing", lang)),
        (t("plan.issuer", lang), m.issuer or "—"),
        (t("plan.place_date", lang), f"{m.place or '—'}, {m.date or '—'}"),
        (t("plan.title", lang), m.title or "—"),
        (
            t("plan.signed", lang),
            f"{m.signing_capacity or ''} {m.signer_title or ''} {m.signer or '—'}".strip(),
        ),
        (t("plan.cites", lang), ", ".join(m.cites) or "—"),
        (t("plan.recipients", lang), str(len(m.recipients))),
        (t("plan.appendix", lang), appendix),
        (t("plan.source", lang), f"{plan.source.path} ({plan.source.format.value}, {pages})"),
    ]


def render_plan(plan: Plan, console: Console, lang: Lang = Lang.VI) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.tree import Tree

    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for k, v in _metadata_rows(plan, lang):
        meta.add_row(escape(k), escape(v))
    console.print(meta)

    tree = Tree(f"[bold]{escape(t('plan.sections', lang))}")
    nodes: dict[str, Tree] = {}
    for s in plan.sections:
        if s.kind in ("dash", "plus"):
            continue
        parent = nodes.get(s.parent or "", tree)
        nodes[s.id] = parent.add(f"[cyan]{escape(s.id)}[/] {escape(s.title[:90])}")
    console.print(tree)

    table = Table(title=t("plan.tasks", lang, count=len(plan.tasks)), show_lines=False, expand=True)
    table.add_column("id", no_wrap=True)
    for key in ("plan.col_task", "plan.col_lead", "plan.col_support", "plan.col_deadline"):
        table.add_column(t(key, lang), overflow="fold")
    for task in plan.tasks:
        kind = t_or(f"deadline.{task.deadline.kind.value}", task.deadline.kind.value, lang)
        table.add_row(
            escape(task.id),
            escape(task.text[:120]),
            escape(_units(task.lead_units)),
            escape(_units(task.support_units)),
            escape(f"{kind}: {task.deadline.text or ''}"),
        )
    console.print(table)
    if plan.targets:
        console.print(f"[bold]{escape(t('plan.targets', lang))}")
        for tg in plan.targets:
            console.print(
                f"  {escape(tg.where or '—')}: {escape(tg.text)}  ({escape(target_with_metric(tg, lang))})"
            )
    if plan.warnings:
        console.print(f"[bold yellow]{escape(t('report.warnings', lang))}")
        for w in plan.warnings:
            console.print(f"  [yellow]•[/] {escape(warning_sentence(w, lang))}")
