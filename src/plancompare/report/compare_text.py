"""`--format text`: a rich terminal table, coloured by kind, with a coverage bar and its explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import Lang, number, t
from ..model.comparison import Comparison, Finding
from . import compare_common as common

if TYPE_CHECKING:
    from rich.console import Console

CLOSEST_CHARS = 240  # the closest plan text is shown in full in md/html; the terminal gets its start


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _details(c: Comparison, f: Finding, lang: Lang) -> str:
    from rich.markup import escape

    lines = [escape(x) for x in common.finding_details(c, f, lang)]
    heading = common.closest_heading(f, lang)
    if heading and f.evidence.closest_plan_text:
        lines.append(
            f"{escape(heading)}: [italic]{escape(_clip(f.evidence.closest_plan_text, CLOSEST_CHARS))}[/italic]"
        )
    lines += [f"[dim]{escape(x)}[/dim]" for x in common.reference_facts(f, lang)]
    if f.evidence.shared_words:
        words = escape(", ".join(f.evidence.shared_words[:12]))
        lines.append(f"[dim]{escape(t('evidence.shared', lang))}: {words}[/dim]")
    return "\n".join(lines)


def render_comparison(c: Comparison, console: Console, lang: Lang = Lang.VI) -> None:
    from rich.markup import escape
    from rich.table import Table

    s = c.summary
    console.print(
        f"[bold]{escape(t('report.reference', lang))}:[/bold] {escape(common.document_label(c, 'reference'))}"
    )
    prov = common.provenance(c, lang)
    if prov:
        console.print(f"  [italic]{escape(prov)}[/italic]")
    console.print(
        f"[bold]{escape(t('report.plan', lang))}:[/bold] {escape(common.document_label(c, 'plan'))}"
    )
    console.print(
        f"[bold]{escape(t('report.coverage', lang))}:[/bold] {common.coverage_bar(s.coverage)} "
        f"{escape(common.coverage_line(c, lang))}"
    )
    for line in common.coverage_explanation(c, lang):
        console.print(f"  [dim]{escape(line)}[/dim]")
    table = Table(title=t("report.findings", lang), show_lines=True, expand=True)
    # fixed narrow columns (ids and numbers never break inside); the details take the rest
    table.add_column(t("col.kind", lang), overflow="fold", width=13)
    table.add_column(t("col.ref_short", lang), overflow="fold", width=6)
    table.add_column(t("col.plan_short", lang), overflow="fold", width=9)
    table.add_column(t("col.score_short", lang), justify="right", no_wrap=True)
    table.add_column(t("col.where", lang), overflow="fold", width=14)
    table.add_column(t("col.details", lang), overflow="fold", ratio=1)
    for f in c.findings:
        colour = common.kind_colour(str(f.kind))
        table.add_row(
            f"[{colour}]{escape(common.kind_label(str(f.kind), lang))}[/{colour}]",
            escape(f.reference_id or "—"),
            escape("\n".join(f.plan_ids) or "—"),  # one id a line: ids never break inside
            number(f.score, lang, 2),
            escape(common.location(f, lang)),
            _details(c, f, lang),
        )
    console.print(table)
    groups = Table(title=t("report.groups", lang), expand=True)
    groups.add_column(t("col.group", lang), no_wrap=True)
    groups.add_column(t("col.form", lang), overflow="fold", width=12)
    for key in ("kind.covered", "kind.partial", "kind.divergent", "kind.missing"):
        groups.add_column(t(key, lang), justify="right", overflow="fold", width=9)
    groups.add_column(t("col.group_units", lang), overflow="fold", width=12)
    groups.add_column(t("col.title", lang), overflow="fold", ratio=1)
    for g in c.groups:
        groups.add_row(
            escape(g.group), escape(common.group_form(g.form, lang)), str(g.covered), str(g.partial),
            str(g.divergent), str(g.missing), escape("\n".join(g.plan_ids) or "—"),
            escape(g.title or t("report.unnamed", lang)),
        )  # fmt: skip
    console.print(groups)
    if c.warnings:
        console.print(f"[bold yellow]{escape(t('report.warnings', lang))}[/bold yellow]")
    for w in c.warnings:
        console.print(f"[yellow]•[/yellow] {escape(common.warning_sentence(w, lang))}")
