"""Rows of a scanned table whose horizontal rules are faint or broken.

Between two rules that were found, a table row may hold several entries when the rules that
separated them faded in the scan: the tasks would come back as one row, their units and
deadlines run together. The number column tells: a number cell holds one short line per entry,
so a cell with two lines of text is two rows. The row is cut in the white space above each
further line of ink in the number cell (the gap between the last words above it, in any column, and the number).
"""

from __future__ import annotations

import itertools
from typing import Any

from .ocr_numbers import in_header_row, number_column
from .pdf_layout import Word
from .pdf_tables import BBox, GridRow, GridTable, inside


def ink_line_tops(gray: Any, cell: BBox, dpi: int) -> list[float]:
    """Tops (points) of the bands of ink in a cell, one per text line (see `ink_bands`)."""
    return [top for top, _ in ink_bands(gray, cell, dpi)]


def ink_bands(gray: Any, cell: BBox, dpi: int) -> list[tuple[float, float]]:
    """Top and bottom (points) of the bands of ink in a cell, one per text line: rows of pixels
    with ink, a band at least 4 pt tall (a speck is not a line), bands closer than 1 pt merged
    (the accents above a capital are part of its line)."""

    px = dpi / 72.0
    x0, y0 = max(int(cell[0] * px) + 3, 0), max(int(cell[1] * px) + 3, 0)
    x1, y1 = int(cell[2] * px) - 3, int(cell[3] * px) - 3
    if x1 - x0 < 4 or y1 - y0 < 4:
        return []
    inked = ((gray[y0:y1, x0:x1] < 128).sum(axis=1) >= 2).tolist()
    bands: list[list[int]] = []
    for y, on in enumerate(inked):
        if not on:
            continue
        if bands and y - bands[-1][1] <= px:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    return [((y0 + a) / px, (y0 + b + 1) / px) for a, b in bands if b - a >= 4 * px]


def text_line_count(words: list[Word]) -> int:
    """Lines the words stand on (a word whose middle is below the line before starts one)."""
    count, bottom = 0, float("-inf")
    for w in sorted(words, key=lambda w: w.top):
        if (w.top + w.bottom) / 2 > bottom:
            count += 1
            bottom = w.bottom
        else:
            bottom = max(bottom, w.bottom)
    return count


def _cut(row: GridRow, y0: float, y1: float) -> GridRow:
    cells: list[BBox | None] = [None if c is None else (c[0], y0, c[2], y1) for c in row.cells]
    return GridRow(bbox=(row.bbox[0], y0, row.bbox[2], y1), cells=cells)


def split_merged_rows(table: GridTable, words: list[Word], gray: Any, dpi: int) -> GridTable:
    """The table with each row whose number cell holds several lines cut into one row per line
    (`gray`: the page at `dpi`, rules erased; the lines are bands of ink, so a number OCR did
    not read still starts its row)."""
    if not number_column(table):
        return table
    rows: list[GridRow] = []
    for row in table.rows:
        first = row.cells[0] if row.cells else None
        tops = ink_line_tops(gray, first, dpi) if first is not None else []
        if len(tops) < 2 or in_header_row(row, words):  # "Số / TT" is one header cell
            rows.append(row)
            continue
        members = [w for w in words if inside(w, row.bbox, pad=0.0)]
        edges = [row.bbox[1]]
        for top in tops[1:]:
            above = [w.bottom for w in members if edges[-1] <= w.top and w.bottom <= top + 0.5]
            edges.append((max(above) + top) / 2 if above else top - 1.0)
        edges.append(row.bbox[3])
        rows.extend(_cut(row, y0, y1) for y0, y1 in itertools.pairwise(edges))
    return GridTable(bbox=table.bbox, rows=rows)
