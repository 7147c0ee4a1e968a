"""`--format html`: one self-contained file (inline CSS and JS, no network), in the reader's language:
the legend first, then side-by-side evidence with shared and differing terms highlighted, filters
by kind and group, and links to the plan's page/lines relative to the report (or none)."""

from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import quote

import regex

from ..i18n import Lang, number, t, t_or
from ..model.comparison import Comparison, Finding
from . import compare_common as common
from .highlight import highlight

_COLOURS = {
    "covered": "#1b7f3b",
    "partial": "#b58900",
    "missing": "#c0392b",
    "divergent": "#8e44ad",
    "added": "#16808c",
    "not_applicable": "#7f8c8d",
}
OTHER_COLOUR = "#666666"
_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#fff;border-bottom:1px solid #ddd;padding:12px 20px}
h1{font-size:20px;margin:0 0 6px}
.meta{margin:2px 0;color:#444}.prov{color:#a04000;font-style:italic}
.bar{height:14px;background:#eee;border-radius:7px;overflow:hidden;width:360px;display:inline-block;vertical-align:middle}
.bar span{display:block;height:100%;background:#1b7f3b}
.counts span{margin-right:12px}
#filters{padding:8px 20px;background:#f0f0f0;border-bottom:1px solid #ddd;position:sticky;top:0}
#filters label{margin-right:10px}
main{padding:10px 20px}
.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;margin:10px 0;padding:8px 12px}
.finding h2{font-size:15px;margin:0 0 4px}
.badge{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;margin-right:6px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.cols div{background:#fbfbfb;border:1px solid #eee;padding:6px 8px;border-radius:3px}
.cols h3{font-size:12px;margin:0 0 4px;color:#666;text-transform:uppercase}
mark.only{background:#ffe08a}
.shared{background:#d9f2df}
.div{color:#8e44ad;margin:2px 0}.note{color:#666;font-style:italic}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
.hidden{display:none}
#legend{background:#fffdf5;border-bottom:1px solid #e6dcb8;padding:8px 20px}
#legend h2{font-size:14px;margin:0 0 4px}#legend ul{margin:0;padding-left:18px}
.facts{color:#555;font-size:13px;margin:4px 0 0}.closest{background:#fff6f4;border:1px dashed #c0392b}
.explain{color:#555;margin:2px 0;font-size:13px}
"""
_SCRIPT = """
(function(){
  function apply(){
    var kinds={};
    document.querySelectorAll('#filters input[data-kind]').forEach(function(b){kinds[b.dataset.kind]=b.checked;});
    var group=document.getElementById('group').value;
    var shown=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=kinds[f.dataset.kind]&&(group===''||f.dataset.group===group);
      f.classList.toggle('hidden',!ok); if(ok){shown++;}
    });
    document.getElementById('shown').textContent=String(shown);
  }
  document.querySelectorAll('#filters input,#filters select').forEach(function(e){e.addEventListener('change',apply);});
  apply();
})();
"""


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """ "2" before "10", numbers before letters."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in regex.split(r"[.\s]+", text))


def _colour(kind: str) -> str:
    return _COLOURS.get(kind, OTHER_COLOUR)


def plan_href(c: Comparison, link_base: Path, page: int | None, line: int) -> str:
    """The plan file relative to the folder the report is written to, so a report sent together
    with the plan still opens it; `#page=N` for paged sources, `#L<line>` otherwise."""
    path = Path(c.plan.source.path)
    try:
        relative = os.path.relpath(path.resolve(), link_base.resolve())
    except ValueError:  # another drive (Windows): keep the path as given
        relative = str(path)
    anchor = f"#page={page}" if page else f"#L{line}"
    return quote(Path(relative).as_posix()) + anchor


def _source_link(c: Comparison, f: Finding, lang: Lang, link_base: Path | None) -> str:
    span = f.evidence.plan_span
    if span is None:
        return ""
    where = html.escape(common.location(f, lang))
    if link_base is None:
        return f' <span class="loc">{where}</span>'
    href = html.escape(plan_href(c, link_base, span.page, span.line_start))
    return f' <a class="loc" href="{href}">{where}</a>'


def _facts(f: Finding, lang: Lang) -> str:
    return "".join(f'<p class="facts">{html.escape(x)}</p>' for x in common.reference_facts(f, lang))


def _plan_column(f: Finding, lang: Lang) -> str:
    ref, plan = f.evidence.reference_text, f.evidence.plan_text
    if plan:
        return f"<div><h3>{html.escape(t('evidence.plan', lang))}</h3>{highlight(plan, ref)}</div>"
    heading = common.closest_heading(f, lang)
    closest = f.evidence.closest_plan_text
    if heading and closest:
        return f'<div class="closest"><h3>{html.escape(heading)}</h3>{highlight(closest, ref)}</div>'
    return f"<div><h3>{html.escape(t('evidence.plan', lang))}</h3>—</div>"


def _finding(c: Comparison, f: Finding, index: int, lang: Lang, link_base: Path | None) -> str:
    kind = str(f.kind)
    ids = html.escape(", ".join(f.plan_ids))
    title = f"{html.escape(f.reference_id or '')}{' ↔ ' + ids if f.plan_ids else ''}"
    parts = [
        f'<section class="finding" id="f{index}" data-kind="{html.escape(kind)}" '
        f'data-group="{html.escape(f.group or "")}" style="border-left-color:{_colour(kind)}">',
        f'<h2><span class="badge" style="background:{_colour(kind)}">{html.escape(common.kind_label(kind, lang))}</span>'
        f"{title} <small>{html.escape(t('report.score', lang))} {number(f.score, lang, 2)}</small>"
        f"{_source_link(c, f, lang, link_base)}</h2>",
    ]
    parts += [f'<p class="div">{html.escape(x)}</p>' for x in common.finding_details(c, f, lang)]
    ref, plan = f.evidence.reference_text, f.evidence.plan_text
    parts.append('<div class="cols">')
    ref_html = highlight(ref, plan or f.evidence.closest_plan_text) if ref else "—"
    parts.append(
        f"<div><h3>{html.escape(t('evidence.reference', lang))}</h3>{ref_html}{_facts(f, lang)}</div>"
    )
    parts.append(_plan_column(f, lang))
    parts.append("</div></section>")
    return "\n".join(parts)


def _legend(c: Comparison, lang: Lang) -> str:
    items = []
    for k in common.kinds_present(c):
        help_text = t_or(f"kind_help.{k}", "", lang)
        if help_text:
            items.append(
                f'<li><span class="badge" style="background:{_colour(k)}">{html.escape(common.kind_label(k, lang))}</span>'
                f"{html.escape(help_text)}</li>"
            )
    items.append(
        f'<li><mark class="only">{html.escape(t("report.legend_only", lang))}</mark>, '
        f'<span class="shared">{html.escape(t("report.legend_shared", lang))}</span></li>'
    )
    if any(f.evidence.reference_confidence for f in c.findings):
        items.append(f"<li>{html.escape(t('report.legend_confidence', lang))}</li>")
    return f'<section id="legend"><h2>{html.escape(t("report.legend", lang))}</h2><ul>{"".join(items)}</ul></section>'


def _groups(c: Comparison, lang: Lang) -> str:
    head = "".join(f"<th>{html.escape(x)}</th>" for x in common.group_header(lang))
    rows = "".join(
        f"<tr><td>{html.escape(g.group)}</td><td>{html.escape(common.group_form(g.form, lang))}</td><td>{g.covered}</td>"
        f"<td>{g.partial}</td><td>{g.divergent}</td><td>{g.missing}</td><td>{html.escape(', '.join(g.plan_ids))}</td>"
        f"<td>{html.escape(g.title)}</td></tr>"
        for g in c.groups
    )
    return f"<h2>{html.escape(t('report.groups', lang))}</h2><table><tr>{head}</tr>{rows}</table>"


def render_comparison_html(c: Comparison, lang: Lang = Lang.VI, link_base: Path | None = Path()) -> str:
    """`link_base`: the folder the report is written to (links are relative to it); None: no links."""
    s = c.summary
    groups = sorted({f.group for f in c.findings if f.group}, key=natural_key)
    kind_boxes = "".join(
        f'<label><input type="checkbox" data-kind="{html.escape(k)}" checked> {html.escape(common.kind_label(k, lang))}</label>'
        for k in common.kinds_present(c)
    )
    group_options = "".join(f'<option value="{html.escape(g)}">{html.escape(g)}</option>' for g in groups)
    prov_text = common.provenance(c, lang)
    prov = f'<p class="meta prov">{html.escape(prov_text)}</p>' if prov_text else ""
    explain = "".join(
        f'<p class="explain">{html.escape(x)}</p>' for x in common.coverage_explanation(c, lang)
    )
    warnings = "".join(f"<li>{html.escape(common.warning_sentence(w, lang))}</li>" for w in c.warnings)
    findings = "\n".join(_finding(c, f, i, lang, link_base) for i, f in enumerate(c.findings))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>plancompare: {html.escape(common.document_label(c, "plan"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><header><h1>{html.escape(t("report.title", lang))}</h1>
<p class="meta"><b>{html.escape(t("report.reference", lang))}:</b> {html.escape(common.document_label(c, "reference"))}</p>{prov}
<p class="meta"><b>{html.escape(t("report.plan", lang))}:</b> {html.escape(common.document_label(c, "plan"))}</p>
<p class="meta"><b>{html.escape(t("report.coverage", lang))}:</b> <span class="bar"><span style="width:{s.coverage * 100:.1f}%"></span></span> {html.escape(common.coverage_line(c, lang))}</p>
{explain}</header>
{_legend(c, lang)}
<div id="filters">{kind_boxes} <label>{html.escape(t("report.filter_group", lang))} <select id="group"><option value="">{html.escape(t("report.filter_all", lang))}</option>{group_options}</select></label> {html.escape(t("report.showing", lang))} <span id="shown">{len(c.findings)}</span></div>
<main>{findings}
{_groups(c, lang)}
<h2>{html.escape(t("report.warnings", lang))}</h2><ul>{warnings or "<li>" + html.escape(t("report.none", lang)) + "</li>"}</ul>
</main><script>{_SCRIPT}</script></body></html>
"""
