"""`--format html`: one self-contained file (inline CSS and JS, no network), side-by-side evidence
with the differing words highlighted, filters by kind and group, links to the plan's page/lines."""

from __future__ import annotations

import html
from pathlib import Path

import regex

from ..align.vocabulary import STOP_WORDS, neutral_text
from ..model.comparison import Comparison, Finding
from ..text.fold import fold, words
from .compare_common import KIND_ORDER, divergence_text, document_label, location

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}%]*")
_COLOURS = {
    "covered": "#1b7f3b",
    "partial": "#b58900",
    "missing": "#c0392b",
    "divergent": "#8e44ad",
    "added": "#16808c",
    "not_applicable": "#7f8c8d",
}
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


def _vocabulary(text: str) -> set[str]:
    return set(words(neutral_text(text))) | set(words(fold(text)))


def highlight(text: str, other: str | None) -> str:
    """Escape `text`; mark words the other side lacks (<mark class=only>) and words both share."""
    if not other:
        return html.escape(text)
    vocab = _vocabulary(other)
    out, last = [], 0
    for m in _TOKEN.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        word = m.group(0)
        key = fold(word)
        if key in STOP_WORDS or key.isdigit():
            out.append(html.escape(word))
        elif key in vocab or set(words(neutral_text(word))) <= vocab:
            out.append(f'<span class="shared">{html.escape(word)}</span>')
        else:
            out.append(f'<mark class="only">{html.escape(word)}</mark>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _source_link(c: Comparison, f: Finding) -> str:
    span = f.evidence.plan_span
    if span is None:
        return ""
    path = Path(c.plan.source.path)
    uri = path.resolve().as_uri() if path.exists() else c.plan.source.path
    anchor = f"#page={span.page}" if span.page else f"#L{span.line_start}"
    return f' <a class="loc" href="{html.escape(uri + anchor)}">{html.escape(location(f))}</a>'


def _finding(c: Comparison, f: Finding, index: int) -> str:
    kind = f.kind.value
    title = f"{html.escape(f.reference_id or '(added)')} {'↔ ' + html.escape(', '.join(f.plan_ids)) if f.plan_ids else ''}"
    parts = [
        f'<section class="finding" id="f{index}" data-kind="{kind}" data-group="{html.escape(f.group or "")}" '
        f'style="border-left-color:{_COLOURS[kind]}">',
        f'<h2><span class="badge" style="background:{_COLOURS[kind]}">{kind}</span>{title} '
        f"<small>score {f.score:.2f}</small>{_source_link(c, f)}</h2>",
    ]
    parts += [f'<p class="div">{html.escape(divergence_text(d))}</p>' for d in f.divergences]
    if f.note:
        parts.append(f'<p class="note">{html.escape(f.note)}</p>')
    ref, plan = f.evidence.reference_text, f.evidence.plan_text
    parts.append('<div class="cols">')
    parts.append(f"<div><h3>reference</h3>{highlight(ref, plan) if ref else '—'}</div>")
    parts.append(f"<div><h3>plan</h3>{highlight(plan, ref) if plan else '—'}</div>")
    parts.append("</div></section>")
    return "\n".join(parts)


def render_comparison_html(c: Comparison) -> str:
    s = c.summary
    groups = sorted({f.group for f in c.findings if f.group}, key=natural_key)
    kind_boxes = "".join(
        f'<label><input type="checkbox" data-kind="{k.value}" checked> {k.value}</label>' for k in KIND_ORDER
    )
    group_options = "".join(f'<option value="{html.escape(g)}">{html.escape(g)}</option>' for g in groups)
    prov = f'<p class="meta prov">{html.escape(c.reference.provenance)}</p>' if c.reference.provenance else ""
    group_rows = "".join(
        f"<tr><td>{html.escape(g.group)}</td><td>{g.form}</td><td>{g.covered}</td><td>{g.partial}</td>"
        f"<td>{g.divergent}</td><td>{g.missing}</td><td>{html.escape(', '.join(g.plan_ids))}</td>"
        f"<td>{html.escape(g.title)}</td></tr>"
        for g in c.groups
    )
    warnings = "".join(
        f"<li><code>{html.escape(w.code)}</code> {html.escape(w.message)}</li>" for w in c.warnings
    )
    findings = "\n".join(_finding(c, f, i) for i, f in enumerate(c.findings))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>plancompare: {html.escape(document_label(c, "plan"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><header><h1>Plan comparison</h1>
<p class="meta"><b>Reference:</b> {html.escape(document_label(c, "reference"))}</p>{prov}
<p class="meta"><b>Plan:</b> {html.escape(document_label(c, "plan"))}</p>
<p class="meta"><b>Coverage:</b> <span class="bar"><span style="width:{s.coverage * 100:.1f}%"></span></span> {s.coverage:.0%}</p>
<p class="counts"><span style="color:{_COLOURS["covered"]}">covered {s.covered}</span><span style="color:{_COLOURS["partial"]}">partial {s.partial}</span><span style="color:{_COLOURS["divergent"]}">divergent {s.divergent}</span><span style="color:{_COLOURS["missing"]}">missing {s.missing}</span><span style="color:{_COLOURS["added"]}">added {s.added}</span> of {s.reference_items} reference items</p>
</header>
<div id="filters">{kind_boxes} <label>group <select id="group"><option value="">all</option>{group_options}</select></label> showing <span id="shown">{len(c.findings)}</span></div>
<main>{findings}
<h2>Groups</h2><table><tr><th>group</th><th>form</th><th>covered</th><th>partial</th><th>divergent</th><th>missing</th><th>plan units</th><th>title</th></tr>{group_rows}</table>
<h2>Warnings</h2><ul>{warnings or "<li>none</li>"}</ul>
<p class="note">Highlighted: <mark class="only">words the other side lacks</mark>, <span class="shared">words both share</span>.</p>
</main><script>{_SCRIPT}</script></body></html>
"""
