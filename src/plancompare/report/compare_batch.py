"""`plancompare batch`: one row per plan, as csv, json or md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..i18n import Lang
from ..model.comparison import Comparison
from .compare_csv import BATCH_COLUMNS, batch_row, batch_values, header, render_batch_csv


def render_batch(comparisons: Sequence[Comparison], fmt: str, lang: Lang = Lang.VI, bom: bool = True) -> str:
    if fmt == "csv":
        return render_batch_csv(comparisons, lang, bom)
    if fmt == "json":
        rows = [dict(zip(BATCH_COLUMNS, batch_values(c), strict=True)) for c in comparisons]
        reference = comparisons[0].reference.model_dump(mode="json") if comparisons else None
        return (
            json.dumps(
                {"schema_version": "1", "reference": reference, "plans": rows}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    lines = ["| " + " | ".join(header(BATCH_COLUMNS, lang)) + " |", "|" + "---|" * len(BATCH_COLUMNS)]
    for c in comparisons:
        cells = ["—" if v is None else str(v).replace("|", "\\|") for v in batch_row(c)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
