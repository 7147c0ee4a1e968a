"""The batch as tables: the per-plan summary and the coverage matrix (plans × reference items),
as plain rows, then written as CSV, JSON, .xlsx or Parquet. Kinds are counted generically."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import MissingDependency
from ..model.reference import Reference
from .labels import column_label, kinds
from .model import PlanRow

Cell = str | int | float | None


def summary_columns() -> list[str]:
    return [
        "plan", "number", "issuer", "date", "reference_items", "coverage",
        *(k.value for k in kinds()), "warnings", "report", "error_class", "error",
    ]  # fmt: skip


def summary_row(row: PlanRow) -> list[Cell]:
    err = row.error
    return [
        row.path, row.number, row.issuer, row.date, row.reference_items, row.coverage,
        *(row.counts.get(k) if row.error is None else None for k in kinds()),
        " ".join(row.warnings), row.report,
        err.error_class if err else None, err.message if err else None,
    ]  # fmt: skip


def item_ids(reference: Reference) -> list[str]:
    return [item.id for item in reference.items]


def matrix_row(row: PlanRow, ids: Sequence[str]) -> list[Cell]:
    if row.error is not None:
        return [row.path, f"error: {row.error.error_class}", *([None] * len(ids))]
    return [row.path, row.coverage, *(k.value if (k := row.cells.get(i)) else None for i in ids)]


def matrix_columns(ids: Sequence[str]) -> list[str]:
    return ["plan", "coverage", *ids]


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in r] for r in rows)
    return buf.getvalue()


def to_json(reference: Reference, rows: Sequence[PlanRow]) -> str:
    data = {
        "schema_version": "1",
        "reference": {
            "source": reference.source.model_dump(mode="json"),
            "metadata": reference.metadata.model_dump(mode="json"),
            "items": item_ids(reference),
        },
        "plans": [r.model_dump(mode="json") for r in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_xlsx(path: Path, reference: Reference, rows: Sequence[PlanRow]) -> None:
    """Summary and matrix sheets, Vietnamese headers over machine keys, headers frozen."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise MissingDependency.extra("an .xlsx workbook", "coverage", "openpyxl") from exc
    ids = item_ids(reference)
    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    header = summary_columns()
    summary.append([column_label(c) for c in header])
    summary.append(header)
    for r in rows:
        summary.append(summary_row(r))
    matrix = book.create_sheet("Ma trận")
    matrix.append([column_label(c) for c in matrix_columns([])] + ids)
    for r in rows:
        matrix.append(matrix_row(r, ids))
    for sheet, freeze in ((summary, "B3"), (matrix, "C2")):
        sheet.freeze_panes = freeze
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 48
    book.save(path)


def write_parquet(out: Path, reference: Reference, rows: Sequence[PlanRow]) -> None:
    from ..frames import matrix_frame, summary_frame

    try:
        summary_frame(rows).to_parquet(out / "summary.parquet", index=False)
        matrix_frame(rows, item_ids(reference)).to_parquet(out / "matrix.parquet", index=False)
    except ImportError as exc:
        raise MissingDependency.extra("Parquet output", "parquet", "pyarrow") from exc
