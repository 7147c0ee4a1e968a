"""`--format text`: the findings as a box table, kinds coloured on a terminal, with a coverage bar and
its explanation; the groups after them."""

from __future__ import annotations

from ..i18n import Lang, number, t
from ..model.comparison import Comparison, Finding
from . import compare_common as common
from .terminal import Cell, Column, Line, Terminal, clip

CLOSEST_CHARS = 240  # the closest plan text is shown in full in md/html; the terminal gets its start


def _details(c: Comparison, f: Finding, lang: Lang) -> list[Line]:
    lines = [Line(x) for x in common.finding_details(c, f, lang)]
    heading = common.closest_heading(f, lang)
    if heading and f.evidence.closest_plan_text:
        lines.append(Line(f"{heading}: {clip(f.evidence.closest_plan_text, CLOSEST_CHARS)}", "italic"))
    lines += [Line(x, "dim") for x in common.reference_facts(f, lang)]
    if f.evidence.shared_words:
        lines.append(Line(f"{t('evidence.shared', lang)}: {', '.join(f.evidence.shared_words[:12])}", "dim"))
    return lines


def _finding_row(c: Comparison, f: Finding, lang: Lang) -> list[Cell]:
    kind = str(f.kind)
    return [
        [Line(common.kind_label(kind, lang), common.kind_colour(kind))],
        f.reference_id or "—",
        "\n".join(f.plan_ids) or "—",  # one id a line: ids never break inside
        number(f.score, lang, 2),
        common.location(f, lang),
        _details(c, f, lang),
    ]


def _findings(c: Comparison, lang: Lang, out: Terminal) -> None:
    # fixed narrow columns (ids and numbers never break inside); the details take the rest
    columns = [
        Column(t("col.kind", lang), 13),
        Column(t("col.ref_short", lang), 6),
        Column(t("col.plan_short", lang), 9),
        Column(t("col.score_short", lang), align_right=True),
        Column(t("col.where", lang), 14),
        Column(t("col.details", lang), flexible=True),
    ]
    out.table(columns, [_finding_row(c, f, lang) for f in c.findings], title=t("report.findings", lang))


def _groups(c: Comparison, lang: Lang, out: Terminal) -> None:
    columns = [Column(t("col.group", lang)), Column(t("col.form", lang), 12)]
    for key in ("kind.covered", "kind.partial", "kind.divergent", "kind.missing"):
        columns.append(Column(t(key, lang), 9, align_right=True))
    columns += [Column(t("col.group_units", lang), 12), Column(t("col.title", lang), flexible=True)]
    rows: list[list[Cell]] = [
        [
            g.group,
            common.group_form(g.form, lang),
            str(g.covered),
            str(g.partial),
            str(g.divergent),
            str(g.missing),
            "\n".join(g.plan_ids) or "—",
            g.title or t("report.unnamed", lang),
        ]
        for g in c.groups
    ]
    out.table(columns, rows, title=t("report.groups", lang), row_lines=False)


def render_comparison(c: Comparison, out: Terminal, lang: Lang = Lang.VI) -> None:
    s = c.summary
    out.paragraph(common.document_label(c, "reference"), lead=t("report.reference", lang) + ":")
    prov = common.provenance(c, lang)
    if prov:
        out.paragraph(prov, "italic", indent=2)
    out.paragraph(common.document_label(c, "plan"), lead=t("report.plan", lang) + ":")
    out.paragraph(
        f"{common.coverage_bar(s.coverage)} {common.coverage_line(c, lang)}",
        lead=t("report.coverage", lang) + ":",
    )
    for line in common.coverage_explanation(c, lang):
        out.paragraph(line, "dim", indent=2, hanging=2)
    _findings(c, lang, out)
    _groups(c, lang, out)
    if c.warnings:
        out.paragraph(t("report.warnings", lang), "bold yellow")
    for w in c.warnings:
        out.paragraph(common.warning_sentence(w, lang), lead="•", lead_style="yellow")
