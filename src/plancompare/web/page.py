"""The page: one HTML document, one stylesheet, one script, all served by the app itself (no CDN, no
web font), with every label from the message catalogue (`web.*`, `kind.*`) in both languages; the
script switches between them without a reload. Vietnamese first."""

from __future__ import annotations

import html
import json

from ..i18n import Lang, t
from ..model.comparison import FindingKind

LABELS = (
    "title", "intro", "files", "folder", "accepted", "reference", "ref_outline", "ref_document", "ref_plan",
    "reference_file", "submit", "jobs", "queued", "running", "done", "failed", "progress", "elapsed",
    "reading", "report", "coverage_table", "heatmap", "downloads", "col_plan", "col_coverage",
    "col_error", "switch", "summary_csv", "matrix_csv", "coverage_json", "coverage_xlsx",
    "heatmap_png", "plan_json", "plan_csv", "plan_md", "sending", "upload_failed", "reference_used",
    "open_report",
)  # fmt: skip
ACCEPT = ".pdf,.docx,.html,.htm,.txt,.md,.markdown,.json,.zip"
REFERENCE_ACCEPT = ".pdf,.docx,.html,.htm,.txt,.md,.markdown,.json,.yaml,.yml"


def labels(lang: Lang) -> dict[str, str]:
    texts = {name: t(f"web.{name}", lang) for name in LABELS}
    texts.update({f"kind.{k.value}": t(f"kind.{k.value}", lang) for k in FindingKind})
    return texts


def _label(name: str) -> str:
    """A label in Vietnamese, marked so the script can switch it to English."""
    return f'<span data-label="{name}">{html.escape(t(f"web.{name}", Lang.VI))}</span>'


def _reference_choice(value: str, label: str, checked: bool = False) -> str:
    mark = " checked" if checked else ""
    return f'<label><input type="radio" name="reference" value="{value}"{mark}> {_label(label)}</label>'


def render_page() -> str:
    catalogue = json.dumps({lang.value: labels(lang) for lang in Lang}, ensure_ascii=False, sort_keys=True)
    catalogue = catalogue.replace("</", "<\\/")
    choices = "".join(
        (
            _reference_choice("outline", "ref_outline", checked=True),
            _reference_choice("document", "ref_document"),
            _reference_choice("plan", "ref_plan"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{html.escape(t("web.title", Lang.VI))}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="assets/app.css"></head>
<body>
<header><h1>{_label("title")}</h1>
<button type="button" id="lang-switch">{_label("switch")}</button>
<p class="intro">{_label("intro")}</p></header>
<main>
<form id="upload">
<fieldset><legend>{_label("files")}</legend>
<input type="file" id="files" name="files" multiple accept="{ACCEPT}">
<label class="folder">{_label("folder")} <input type="file" id="folder" webkitdirectory multiple></label>
<p class="hint">{_label("accepted")}</p></fieldset>
<fieldset><legend>{_label("reference")}</legend>{choices}
<p><label>{_label("reference_file")} <input type="file" id="reference-file" accept="{REFERENCE_ACCEPT}"></label></p>
</fieldset>
<button type="submit" id="submit">{_label("submit")}</button>
<p id="upload-error" class="error" role="alert"></p>
</form>
<h2>{_label("jobs")}</h2>
<div id="jobs"></div>
</main>
<script id="labels" type="application/json">{catalogue}</script>
<script src="assets/app.js"></script>
</body></html>
"""


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#fff;border-bottom:1px solid #ddd;padding:12px 20px;position:relative}
h1{font-size:21px;margin:0 0 4px}h2{font-size:17px}
#lang-switch{position:absolute;right:20px;top:14px}
main{padding:10px 20px;max-width:1200px}
fieldset{border:1px solid #ddd;background:#fff;margin:0 0 10px;border-radius:4px}
.hint,.intro{color:#555;margin:4px 0}.folder{margin-left:16px}
.error{color:#b00020;font-weight:600}
.job{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 12px;margin:10px 0}
.job h3{font-size:15px;margin:0 0 4px}.job progress{width:320px}
.job[data-status=done]{border-left:6px solid #1b7f3b}.job[data-status=failed]{border-left:6px solid #b00020}
.job[data-status=running],.job[data-status=queued]{border-left:6px solid #b58900}
table.coverage{border-collapse:collapse;margin:6px 0}
table.coverage td,table.coverage th{border:1px solid #ddd;padding:3px 8px;text-align:left}
td.num{text-align:right}.downloads a{margin-right:12px}
iframe.report{width:100%;height:720px;border:1px solid #ccc;background:#fff}
img.heatmap{max-width:100%;border:1px solid #ddd}
"""

SCRIPT = """
(function(){
  'use strict';
  var LABELS = JSON.parse(document.getElementById('labels').textContent);
  var lang = 'vi';
  var token = new URLSearchParams(location.search).get('token') || '';
  var jobs = {};
  var PLAN_SUFFIX = /\\.(pdf|docx|html?|txt|md|markdown|json|zip)$/i;

  function L(name){ return LABELS[lang][name] || name; }
  function url(path, extra){
    var q = new URLSearchParams(extra || {});
    if (token) q.set('token', token);
    var s = q.toString();
    return path + (s ? '?' + s : '');
  }
  function el(tag, attrs, text){
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function(k){ e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function percent(x){ return x === null || x === undefined ? '' : (Math.round(x * 1000) / 10).toLocaleString(lang) + '%'; }
  function relabel(){
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-label]').forEach(function(e){ e.textContent = L(e.dataset.label); });
    Object.keys(jobs).forEach(function(id){ draw(jobs[id]); });
  }
  document.getElementById('lang-switch').addEventListener('click', function(){
    lang = lang === 'vi' ? 'en' : 'vi';
    relabel();
  });

  function links(box, items){
    var p = el('p', {'class': 'downloads'});
    p.appendChild(el('strong', {}, L('downloads') + ': '));
    items.forEach(function(it){ p.appendChild(el('a', {href: it[0], download: ''}, it[1])); });
    box.appendChild(p);
  }
  function planLinks(box, view, index){
    var base = 'api/jobs/' + view.id + '/plan/' + index + '/';
    links(box, [[url(base + 'json'), L('plan_json')], [url(base + 'csv', {lang: lang}), L('plan_csv')],
                [url(base + 'md', {lang: lang}), L('plan_md')]]);
  }
  function table(view){
    var kinds = ['covered', 'partial', 'divergent', 'missing', 'added'];
    var t = el('table', {'class': 'coverage'});
    var head = el('tr');
    [L('col_plan'), L('col_coverage')].concat(kinds.map(function(k){ return L('kind.' + k); }))
      .concat([L('col_error')]).forEach(function(h){ head.appendChild(el('th', {}, h)); });
    t.appendChild(head);
    view.plans.slice().sort(function(a, b){ return a.index - b.index; }).forEach(function(p){
      var tr = el('tr', {'data-plan': p.name});
      var name = el('td');
      if (!p.error) {
        name.appendChild(el('a', {href: url('api/jobs/' + view.id + '/report/' + p.index, {lang: lang}), target: '_blank'}, p.name));
      } else { name.textContent = p.name; }
      tr.appendChild(name);
      tr.appendChild(el('td', {'class': 'num coverage-value'}, percent(p.row.coverage)));
      kinds.forEach(function(k){ tr.appendChild(el('td', {'class': 'num'}, p.error ? '' : String(p.row.counts[k] || 0))); });
      tr.appendChild(el('td', {'class': 'error'}, p.error || ''));
      t.appendChild(tr);
    });
    return t;
  }
  function result(box, view){
    var files = view.files;
    var names = {'summary.csv': 'summary_csv', 'matrix.csv': 'matrix_csv', 'coverage.json': 'coverage_json',
                 'coverage.xlsx': 'coverage_xlsx', 'heatmap.png': 'heatmap_png'};
    box.appendChild(el('p', {'class': 'reference-used'}, L('reference_used') + ': ' + view.reference));
    box.appendChild(el('h4', {}, L('coverage_table')));
    box.appendChild(table(view));
    links(box, files.filter(function(f){ return names[f]; }).map(function(f){ return [url('api/jobs/' + view.id + '/files/' + f), L(names[f])]; }));
    if (files.indexOf('heatmap.png') >= 0 && view.plans.length > 1) {
      box.appendChild(el('h4', {}, L('heatmap')));
      box.appendChild(el('img', {'class': 'heatmap', alt: L('heatmap'), src: url('api/jobs/' + view.id + '/files/heatmap.png')}));
    }
    var ok = view.plans.filter(function(p){ return !p.error; });
    if (view.plans.length === 1 && ok.length === 1) {
      planLinks(box, view, 0);
      box.appendChild(el('h4', {}, L('report')));
      box.appendChild(el('iframe', {'class': 'report', title: L('report'), src: url('api/jobs/' + view.id + '/report/0', {lang: lang})}));
    }
  }
  function draw(view){
    var box = document.querySelector('.job[data-job-id="' + view.id + '"]');
    if (!box) { box = el('div', {'class': 'job', 'data-job-id': view.id}); document.getElementById('jobs').prepend(box); }
    box.dataset.status = view.status;
    box.innerHTML = '';
    var names = view.plans.map(function(p){ return p.name; }).join(', ');
    box.appendChild(el('h3', {}, L(view.status) + (names ? ' — ' + names : '')));
    var line = el('p', {'class': 'status'});
    line.appendChild(el('progress', {max: String(Math.max(view.total, 1)), value: String(view.done)}));
    var text = ' ' + L('progress').replace('{done}', view.done).replace('{total}', view.total)
      + ' · ' + L('elapsed').replace('{seconds}', Math.round(view.elapsed_s));
    if (view.current) text += ' · ' + L('reading') + ' ' + view.current;
    line.appendChild(document.createTextNode(text));
    box.appendChild(line);
    if (view.error) box.appendChild(el('p', {'class': 'error job-error', role: 'alert'}, view.error));
    if (view.status === 'done') result(box, view);
  }
  function poll(id){
    fetch(url('api/jobs/' + id)).then(function(r){ return r.json(); }).then(function(view){
      if (view.error && !view.id) { return; }
      jobs[id] = view; draw(view);
      if (view.status === 'queued' || view.status === 'running') setTimeout(function(){ poll(id); }, 500);
    });
  }
  document.getElementById('upload').addEventListener('submit', function(ev){
    ev.preventDefault();
    var error = document.getElementById('upload-error');
    error.textContent = '';
    var data = new FormData();
    Array.prototype.forEach.call(document.getElementById('files').files, function(f){ data.append('files', f, f.name); });
    Array.prototype.forEach.call(document.getElementById('folder').files, function(f){
      if (PLAN_SUFFIX.test(f.name)) data.append('files', f, f.name);
    });
    var choice = document.querySelector('input[name=reference]:checked').value;
    data.append('reference', choice);
    var ref = document.getElementById('reference-file').files[0];
    if (choice !== 'outline' && ref) data.append('reference_file', ref, ref.name);
    error.textContent = L('sending');
    fetch(url('api/jobs'), {method: 'POST', body: data}).then(function(r){
      return r.json().then(function(body){ return {ok: r.ok, body: body}; });
    }).then(function(res){
      error.textContent = '';
      if (!res.ok) { error.textContent = res.body.error || L('upload_failed'); return; }
      jobs[res.body.id] = res.body; draw(res.body); poll(res.body.id);
      document.getElementById('upload').reset();
    }).catch(function(){ error.textContent = L('upload_failed'); });
  });
})();
"""
