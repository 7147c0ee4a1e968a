"""The HTML index of a batch: one line per plan (coverage, counts per kind, warnings, error) with a
link to the plan's own report, and links to the tables, workbook and heatmap. Self-contained."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..model.reference import Reference
from .heatmap import ordered_rows
from .labels import DEFAULT_COLOUR, KIND_COLOURS, kind_label, kinds
from .model import PlanRow

STYLE = """body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}td.n{text-align:right}tr.err td{background:#fdecea}
.bar{display:inline-block;height:10px;background:#2e7d32}"""


def _cell(value: object, numeric: bool = False) -> str:
    text = "" if value is None else html.escape(str(value))
    return f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>"


def _row(r: PlanRow) -> str:
    name = html.escape(r.path)
    link = f'<a href="{html.escape(r.report)}">{name}</a>' if r.report else name
    if r.error is not None:
        detail = f"{html.escape(r.error.error_class)}: {html.escape(r.error.message)}"
        return f'<tr class="err"><td>{link}</td><td colspan="{len(kinds()) + 3}">{detail}</td></tr>'
    coverage = r.coverage or 0.0
    bar = f'<span class="bar" style="width:{round(coverage * 80)}px"></span> {coverage:.0%}'
    counts = "".join(_cell(r.counts.get(k, 0), numeric=True) for k in kinds())
    meta = " ".join(x for x in (r.number, r.issuer, r.date) if x)
    return f"<tr><td>{link}</td>{_cell(meta)}<td>{bar}</td>{counts}{_cell(' '.join(r.warnings))}</tr>"


def render_index(reference: Reference, rows: Sequence[PlanRow], files: Sequence[str]) -> str:
    meta = reference.metadata
    ref_name = " ".join(x for x in (meta.doc_type_name, meta.number) if x) or reference.source.path
    failed = sum(r.error is not None for r in rows)
    heads = "".join(
        f'<th style="border-bottom:3px solid {KIND_COLOURS.get(k.value, DEFAULT_COLOUR)}" title="{k.value}">'
        f"{html.escape(kind_label(k.value))}</th>"
        for k in kinds()
    )
    links = " · ".join(f'<a href="{html.escape(f)}">{html.escape(f)}</a>' for f in files)
    body = "\n".join(_row(r) for r in ordered_rows(rows))
    heatmap = (
        '<p><img src="heatmap.png" alt="heatmap" style="max-width:100%"></p>'
        if "heatmap.png" in files
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Độ bao phủ — {html.escape(ref_name)}</title>
<style>{STYLE}</style></head><body>
<h1>Độ bao phủ so với {html.escape(ref_name)}</h1>
<p>{len(rows)} kế hoạch, {failed} tệp lỗi. Tệp: {links}</p>
{heatmap}
<table><thead><tr><th>Kế hoạch</th><th>Số, cơ quan, ngày</th><th>Bao phủ</th>{heads}<th>Cảnh báo</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
"""
