"""`--format csv`: one row per finding (diff/check), or one row per plan (batch)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model.comparison import Comparison
from .compare_common import divergence_text

FINDING_COLUMNS = [
    "kind", "reference_id", "group", "plan_ids", "score", "divergences", "note",
    "page", "line_start", "line_end", "shared_words", "reference_text", "plan_text",
]  # fmt: skip
BATCH_COLUMNS = [
    "plan", "number", "issuer", "reference_items", "covered", "partial", "divergent", "missing",
    "added", "coverage", "warnings", "error",
]  # fmt: skip


def _csv(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def render_comparison_csv(c: Comparison) -> str:
    rows = []
    for f in c.findings:
        span = f.evidence.plan_span
        rows.append(
            [
                f.kind.value, f.reference_id or "", f.group or "", " ".join(f.plan_ids), f"{f.score:.4f}",
                "; ".join(divergence_text(d) for d in f.divergences), f.note or "",
                "" if span is None or span.page is None else span.page,
                "" if span is None else span.line_start, "" if span is None else span.line_end,
                " ".join(f.evidence.shared_words), f.evidence.reference_text or "", f.evidence.plan_text or "",
            ]
        )  # fmt: skip
    return _csv(rows, FINDING_COLUMNS)


def batch_row(c: Comparison) -> list[object]:
    s = c.summary
    m = c.plan.metadata
    return [
        c.plan.source.path, m.number or "", m.issuer or "", s.reference_items, s.covered, s.partial,
        s.divergent, s.missing, s.added, f"{s.coverage:.4f}", " ".join(sorted({w.code for w in c.warnings})), "",
    ]  # fmt: skip


def error_row(path: str, message: str) -> list[object]:
    """A plan that could not be compared: its path and the error, the other cells empty."""
    return [path, *([""] * (len(BATCH_COLUMNS) - 2)), message]


def render_batch_csv(comparisons: Sequence[Comparison], failures: Sequence[tuple[str, str]] = ()) -> str:
    return _csv([batch_row(c) for c in comparisons] + [error_row(*f) for f in failures], BATCH_COLUMNS)
