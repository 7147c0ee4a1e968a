"""`--format csv`: one row per finding (diff/check), or one row per plan (batch).

Headers are in the reader's language; the `code` column keeps the finding kind as in JSON, for
filters. UTF-8 with a byte order mark by default, so Excel reads the Vietnamese correctly; absent
values are empty cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..i18n import Lang, t, t_or
from ..model.comparison import Comparison, Finding
from .compare_common import (
    confidence_label,
    divergence_sentence,
    kind_label,
    note_sentence,
    span_location,
    target_with_metric,
)

BOM = "\ufeff"
FINDING_COLUMNS = [
    "kind", "code", "reference_id", "group", "plan_ids", "score", "divergences", "note",
    "page", "line_start", "page_end", "line_end", "shared_words", "reference_text", "plan_text",
    "confidence", "reference_targets", "closest_plan_text", "addressee",
]  # fmt: skip
# JSON keys of a batch row (kept in English: JSON is for programs); CSV and md headers are translated
BATCH_COLUMNS = [
    "plan", "number", "issuer", "reference_items", "covered", "partial", "divergent", "missing",
    "added", "coverage", "warnings", "not_applicable", "error",
]  # fmt: skip


def header(columns: Sequence[str], lang: Lang) -> list[str]:
    """Column names in `lang`; the code column is the kind's label with "(mã)"/"(code)" appended."""
    out = []
    for name in columns:
        if name == "code":
            out.append(f"{t('col.kind', lang)} ({'mã' if lang is Lang.VI else 'code'})")
        elif name in {"covered", "partial", "divergent", "missing", "added"}:
            out.append(t(f"kind.{name}", lang))
        else:
            out.append(t(f"col.{name}", lang))
    return out


def to_csv(rows: Sequence[Sequence[object]], head: Sequence[str], bom: bool) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return (BOM if bom else "") + buf.getvalue()


def _finding_row(c: Comparison, f: Finding, lang: Lang) -> list[object]:
    span = f.evidence.plan_span
    ev = f.evidence
    return [
        kind_label(str(f.kind), lang), str(f.kind), f.reference_id, f.group, " ".join(f.plan_ids), f"{f.score:.4f}",
        "; ".join(divergence_sentence(d, lang) for d in f.divergences), note_sentence(c, f, lang),
        None if span is None else span.page, None if span is None else span.line_start,
        None if span is None else span.page_end, None if span is None else span.line_end,
        " ".join(ev.shared_words), ev.reference_text, ev.plan_text,
        confidence_label(ev.reference_confidence, lang),
        "; ".join(target_with_metric(x, lang) for x in ev.reference_targets),
        None if ev.closest_plan_text is None
        else f"{ev.closest_plan_id} ({span_location(ev.closest_plan_span, lang)}): {ev.closest_plan_text}",
        t_or(f"addressee.{f.addressee.value}", f.addressee.value, lang) if f.addressee else None,
    ]  # fmt: skip


def render_comparison_csv(c: Comparison, lang: Lang = Lang.VI, bom: bool = True) -> str:
    return to_csv([_finding_row(c, f, lang) for f in c.findings], header(FINDING_COLUMNS, lang), bom)


def batch_values(c: Comparison) -> list[object]:
    """A plan's batch row; None where the plan states nothing (empty cell in CSV, null in JSON)."""
    s = c.summary
    m = c.plan.metadata
    return [
        c.plan.source.path, m.number, m.issuer, s.reference_items, s.covered, s.partial,
        s.divergent, s.missing, s.added, s.coverage, " ".join(sorted({w.code for w in c.warnings})),
        s.not_applicable, None,
    ]  # fmt: skip


def batch_row(c: Comparison) -> list[object]:
    """The row as CSV cells: coverage with four decimals."""
    values = batch_values(c)
    values[BATCH_COLUMNS.index("coverage")] = f"{c.summary.coverage:.4f}"
    return values


def error_row(path: str, message: str) -> list[object]:
    """A plan that could not be compared: its path and the error, the other cells empty (null in JSON)."""
    return [path, *([None] * (len(BATCH_COLUMNS) - 2)), message]


def render_batch_csv(
    comparisons: Sequence[Comparison],
    lang: Lang = Lang.VI,
    bom: bool = True,
    failures: Sequence[tuple[str, str]] = (),
) -> str:
    rows = [batch_row(c) for c in comparisons] + [error_row(*f) for f in failures]
    return to_csv(rows, header(BATCH_COLUMNS, lang), bom)
