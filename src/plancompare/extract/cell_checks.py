"""Cells the source damaged, read as well as the text allows and never silently: each gets a
warning naming the row, so a reviewer can check the original."""

from __future__ import annotations

from ..model import warning_codes as codes
from ..model.warnings import ParseWarning
from ..structure.tables import LogicalRow
from .units import TOP_SPLIT, missing_separator


def damaged_cell_warnings(rows: list[LogicalRow]) -> list[ParseWarning]:
    out: list[ParseWarning] = []
    for row in rows:
        for role in ("lead", "support"):
            for piece in TOP_SPLIT.split(row.cells.get(role, "")):
                cut = missing_separator(piece.strip(" ,;."))
                if cut is not None:
                    out.append(
                        ParseWarning(
                            code=codes.UNIT_SEPARATOR_MISSING,
                            page=row.page,
                            message=f"row {row.number or '(unnumbered)'} (line {row.line_start}): "
                            f"'{cut[0]}' and '{cut[1]}' stand without a separator; read as two units",
                        )
                    )
    return out
