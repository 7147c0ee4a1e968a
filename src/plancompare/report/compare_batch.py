"""`plancompare batch`: one row per plan, as csv, json or md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..i18n import Lang
from ..model.comparison import Comparison
from .compare_csv import BATCH_COLUMNS, batch_row, batch_values, error_row, header, render_batch_csv


def render_batch(
    comparisons: Sequence[Comparison],
    fmt: str,
    lang: Lang = Lang.VI,
    bom: bool = True,
    failures: Sequence[tuple[str, str]] = (),
) -> str:
    """One row per plan; `failures` (path, error message) are rows too, after the compared plans."""
    if fmt == "csv":
        return render_batch_csv(comparisons, lang, bom, failures)
    if fmt == "json":
        values = [batch_values(c) for c in comparisons] + [error_row(*f) for f in failures]
        rows = [dict(zip(BATCH_COLUMNS, v, strict=True)) for v in values]
        reference = comparisons[0].reference.model_dump(mode="json") if comparisons else None
        return (
            json.dumps(
                {"schema_version": "1", "reference": reference, "plans": rows}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    lines = ["| " + " | ".join(header(BATCH_COLUMNS, lang)) + " |", "|" + "---|" * len(BATCH_COLUMNS)]
    for row in [batch_row(c) for c in comparisons] + [error_row(*f) for f in failures]:
        cells = ["—" if v is None else str(v).replace("|", "\\|") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
