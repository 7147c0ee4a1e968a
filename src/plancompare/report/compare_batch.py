"""`plancompare batch`: one row per plan, as csv, json or md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model.comparison import Comparison
from .compare_csv import BATCH_COLUMNS, batch_row, render_batch_csv


def render_batch(comparisons: Sequence[Comparison], fmt: str) -> str:
    if fmt == "csv":
        return render_batch_csv(comparisons)
    rows = [dict(zip(BATCH_COLUMNS, batch_row(c), strict=True)) for c in comparisons]
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
