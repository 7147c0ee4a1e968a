"""`--format md`: a Markdown report, in the reader's language."""

from __future__ import annotations

from ..i18n import Lang, number, t, t_or
from ..model.comparison import Comparison, Finding
from . import compare_common as common


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _details(c: Comparison, f: Finding, lang: Lang) -> str:
    parts = [_cell(x) for x in common.finding_details(c, f, lang)]
    heading = common.closest_heading(f, lang)
    if heading and f.evidence.closest_plan_text:
        parts.append(f"{_cell(heading)}: _{_cell(f.evidence.closest_plan_text)}_")
    parts += [_cell(x) for x in common.reference_facts(f, lang)]
    return "<br>".join(parts)


def _legend(c: Comparison, lang: Lang) -> list[str]:
    out = [f"**{t('report.legend', lang)}:**", ""]
    helps = [(common.kind_label(k, lang), t_or(f"kind_help.{k}", "", lang)) for k in common.kinds_present(c)]
    out += [f"- **{label}**: {help_text}" for label, help_text in helps if help_text]
    if any(f.evidence.reference_confidence for f in c.findings):
        out.append(f"- {t('report.legend_confidence', lang)}")
    return out


def render_comparison_md(c: Comparison, lang: Lang = Lang.VI) -> str:
    s = c.summary
    out = [
        f"# {t('report.title', lang)}",
        "",
        f"- **{t('report.reference', lang)}:** {_cell(common.document_label(c, 'reference'))}",
    ]
    prov = common.provenance(c, lang)
    if prov:
        out.append(f"  _{prov}_")
    out += [
        f"- **{t('report.plan', lang)}:** {_cell(common.document_label(c, 'plan'))}",
        f"- **{t('report.coverage', lang)}:** `{common.coverage_bar(s.coverage, 20)}` {common.coverage_line(c, lang)}",
    ]
    out += [f"  {line}" for line in common.coverage_explanation(c, lang)]
    out += ["", *_legend(c, lang), "", f"## {t('report.findings', lang)}", ""]
    columns = (
        "col.kind",
        "col.reference_id",
        "col.plan_ids",
        "col.score",
        "col.where",
        "col.details",
        "col.shared_words",
    )
    out.append("| " + " | ".join(t(k, lang) for k in columns) + " |")
    out.append("|" + "---|" * len(columns))
    for f in c.findings:
        out.append(
            f"| {_cell(common.kind_label(str(f.kind), lang))} | {f.reference_id or '—'} | {', '.join(f.plan_ids) or '—'} | "
            f"{number(f.score, lang, 2)} | {_cell(common.location(f, lang))} | {_details(c, f, lang)} | "
            f"{_cell(', '.join(f.evidence.shared_words[:12]))} |"
        )
    group_header = common.group_header(lang)
    out += ["", f"## {t('report.groups', lang)}", ""]
    out.append("| " + " | ".join(group_header) + " |")
    out.append("|" + "---|" * len(group_header))
    for g in c.groups:
        out.append(
            f"| {g.group} | {common.group_form(g.form, lang)} | {g.covered} | {g.partial} | {g.divergent} | {g.missing} | "
            f"{', '.join(g.plan_ids) or '—'} | {_cell(g.title)} |"
        )
    if c.warnings:
        out += ["", f"## {t('report.warnings', lang)}", ""]
        out += [f"- {_cell(common.warning_sentence(w, lang))}" for w in c.warnings]
    return "\n".join(out) + "\n"
