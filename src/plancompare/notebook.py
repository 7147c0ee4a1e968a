"""How a `Plan` and a `Comparison` show in a notebook: a short `repr`, and a compact HTML view
(`_repr_html_`) a person can read: the document, its counts, the kinds of findings with their
numbers, and the first findings, most urgent kinds first."""

from __future__ import annotations

import html

from .model.comparison import Comparison, FindingKind
from .model.plan import Plan

FIRST_ROWS = 10
# what a reader looks at first: what is missing or differs, then the rest
URGENCY = {FindingKind.MISSING: 0, FindingKind.DIVERGENT: 1, FindingKind.PARTIAL: 2, FindingKind.ADDED: 3}
STYLE = "border-collapse:collapse;font-size:13px"
CELL = "border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top"


def _short(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(number: str | None, type_name: str | None, path: str) -> str:
    return " ".join(x for x in (type_name, number) if x) or path


def plan_repr(plan: Plan) -> str:
    m = plan.metadata
    return (
        f"<Plan {_name(m.number, m.doc_type_name, plan.source.path)!r}: {len(plan.tasks)} tasks, "
        f"{len(plan.sections)} sections, {len(plan.warnings)} warnings>"
    )


def comparison_repr(c: Comparison) -> str:
    s = c.summary
    counts = ", ".join(f"{k.value} {n}" for k, n in _counts(c).items() if n)
    return f"<Comparison {c.plan.source.path!r}: coverage {s.coverage:.0%} of {s.reference_items} items; {counts}>"


def _counts(c: Comparison) -> dict[FindingKind, int]:
    counts = dict.fromkeys(FindingKind, 0)
    for f in c.findings:
        counts[f.kind] += 1
    return counts


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th style="{CELL}">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{CELL}">{html.escape(v)}</td>' for v in row) + "</tr>" for row in rows
    )
    return f'<table style="{STYLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def plan_html(plan: Plan) -> str:
    m = plan.metadata
    facts = [
        ("Số, ký hiệu", m.number), ("Cơ quan ban hành", m.issuer), ("Ngày", m.date),
        ("Trích yếu", _short(m.title, 200)), ("Người ký", m.signer),
    ]  # fmt: skip
    rows = [[label, value or "—"] for label, value in facts]
    tasks = [
        [t.id, _short(t.text), "; ".join(u.canonical or u.text for u in t.lead_units), t.deadline.text or ""]
        for t in plan.tasks[:FIRST_ROWS]
    ]
    more = f"<p>… {len(plan.tasks) - FIRST_ROWS} nhiệm vụ nữa</p>" if len(plan.tasks) > FIRST_ROWS else ""
    return (
        f"<div><b>{html.escape(_name(m.number, m.doc_type_name, plan.source.path))}</b> — "
        f"{len(plan.tasks)} nhiệm vụ, {len(plan.sections)} mục, {len(plan.warnings)} cảnh báo"
        f"{_table(['', ''], rows)}<br>{_table(['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn'], tasks)}{more}</div>"
    )


def comparison_html(c: Comparison) -> str:
    s = c.summary
    ref, plan = c.reference.metadata, c.plan.metadata
    counts = [[k.value, str(n)] for k, n in _counts(c).items()]
    ordered = sorted(c.findings, key=lambda f: URGENCY.get(f.kind, 9))
    first = [
        [
            f.kind.value,
            f.reference_id or "",
            " ".join(f.plan_ids),
            f"{f.score:.2f}",
            _short(f.evidence.reference_text or f.evidence.plan_text),
        ]
        for f in ordered[:FIRST_ROWS]
    ]
    return (
        f"<div><b>{html.escape(_name(plan.number, plan.doc_type_name, c.plan.source.path))}</b> so với "
        f"<b>{html.escape(_name(ref.number, ref.doc_type_name, c.reference.source.path))}</b>: "
        f"độ bao phủ <b>{s.coverage:.0%}</b> ({s.reference_items} nhiệm vụ tham chiếu)"
        f"{_table(['kind', 'số lượng'], counts)}<br>"
        f"{_table(['kind', 'tham chiếu', 'kế hoạch', 'điểm', 'nội dung'], first)}</div>"
    )
