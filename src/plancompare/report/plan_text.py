"""`plancompare parse --format text`: a readable summary of a parsed plan, in the reader's language."""

from __future__ import annotations

from ..i18n import Lang, t, t_or
from ..model.plan import Plan
from ..model.units import UnitRef
from .compare_common import target_with_metric, warning_sentence
from .terminal import Column, Terminal, clip

TASK_CHARS = 200  # a task's text is shown in full in the JSON; the terminal gets its start


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


def _section_lines(plan: Plan, width: int) -> list[str]:
    """The section tree, one section a line, indented by depth (list items are left out)."""
    depth: dict[str, int] = {}
    lines = []
    for s in plan.sections:
        if s.kind in ("dash", "plus"):
            continue
        depth[s.id] = depth.get(s.parent or "", -1) + 1
        pad = "  " * depth[s.id]
        lines.append(pad + clip(f"{s.id} {s.title}", width - len(pad)))
    return lines


def render_plan(plan: Plan, out: Terminal, lang: Lang = Lang.VI) -> None:
    out.definitions(_metadata_rows(plan, lang))
    out.paragraph(t("plan.sections", lang), "bold")
    for line in _section_lines(plan, out.width):
        out.file.write(line + "\n")
    columns = [Column("id"), *(Column(t(key, lang), flexible=True) for key in ("plan.col_task",))]
    columns += [Column(t(key, lang), 22) for key in ("plan.col_lead", "plan.col_support")]
    columns.append(Column(t("plan.col_deadline", lang), 18))
    rows_out = []
    for task in plan.tasks:
        kind = t_or(f"deadline.{task.deadline.kind.value}", task.deadline.kind.value, lang)
        rows_out.append(
            [task.id, clip(task.text, TASK_CHARS), _units(task.lead_units), _units(task.support_units),
             f"{kind}: {task.deadline.text or ''}"]
        )  # fmt: skip
    out.table(columns, rows_out, title=t("plan.tasks", lang, count=len(plan.tasks)), row_lines=False)
    if plan.targets:
        out.paragraph(t("plan.targets", lang), "bold")
        for tg in plan.targets:
            out.paragraph(f"{tg.where or '—'}: {tg.text}  ({target_with_metric(tg, lang)})", indent=2)
    if plan.warnings:
        out.paragraph(t("report.warnings", lang), "bold yellow")
        for w in plan.warnings:
            out.paragraph(warning_sentence(w, lang), indent=2, lead="•", lead_style="yellow")
