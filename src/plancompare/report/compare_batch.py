"""`plancompare batch`: one row per plan, as csv, json or md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model.comparison import Comparison
from .compare_csv import BATCH_COLUMNS, batch_row, error_row, render_batch_csv


def render_batch(
    comparisons: Sequence[Comparison], fmt: str, failures: Sequence[tuple[str, str]] = ()
) -> str:
    """One row per plan; `failures` (path, error message) are rows too, after the compared plans."""
    if fmt == "csv":
        return render_batch_csv(comparisons, failures)
    cells = [batch_row(c) for c in comparisons] + [error_row(*f) for f in failures]
    rows = [dict(zip(BATCH_COLUMNS, row, strict=True)) for row in cells]
    if fmt == "json":
        reference = comparisons[0].reference.model_dump(mode="json") if comparisons else None
        return (
            json.dumps(
                {"schema_version": "1", "reference": reference, "plans": rows}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    lines = ["| " + " | ".join(BATCH_COLUMNS) + " |", "|" + "---|" * len(BATCH_COLUMNS)]
    lines += ["| " + " | ".join(str(v).replace("|", "\\|") for v in row.values()) + " |" for row in rows]
    return "\n".join(lines) + "\n"
