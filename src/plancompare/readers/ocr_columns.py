"""Columns of a scanned table whose vertical rule faded.

When a column rule is lost in the scan, two columns come back as one: the header cell holds two
labels ("ĐƠN VỊ CHỦ TRÌ   ĐƠN VỊ PHỐI HỢP") and every cell below holds both units. The header
says where the columns are: its words fall into clusters far apart, one per label. Where the
words of every row below leave a free strip of paper within the gap between two such clusters,
that strip is a column boundary; a cell a word crosses it in (a heading spanning the columns)
stays one merged cell, as a ruled table reports it.
"""

from __future__ import annotations

import itertools

from .pdf_layout import Word
from .pdf_tables import BBox, GridRow, GridTable, inside

LABEL_GAP_EM = 2.0  # words of one header label are a space apart; two labels, much more
MIN_STRIP = 3.0  # points of free paper a boundary needs in every row


def _clusters(words: list[Word]) -> list[tuple[float, float]]:
    """x-extents of groups of words whose gaps are less than LABEL_GAP_EM."""
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if spans and w.x0 - spans[-1][1] <= LABEL_GAP_EM * max(w.size, 4.0):
            spans[-1][1] = max(spans[-1][1], w.x1)
        else:
            spans.append([w.x0, w.x1])
    return [(a, b) for a, b in spans]


def _free_strip(words: list[Word], lo: float, hi: float) -> float | None:
    """Middle of the widest x-interval within (lo, hi) that no word covers, if wide enough."""
    covered = sorted((max(w.x0, lo), min(w.x1, hi)) for w in words if w.x1 > lo and w.x0 < hi)
    best: tuple[float, float] = (0.0, lo)
    edge = lo
    for x0, x1 in covered:
        if x0 - edge > best[0]:
            best = (x0 - edge, (edge + x0) / 2)
        edge = max(edge, x1)
    if hi - edge > best[0]:
        best = (hi - edge, (edge + hi) / 2)
    return best[1] if best[0] >= MIN_STRIP else None


def _boundaries(table: GridTable, words: list[Word]) -> list[float]:
    header = table.rows[0]
    body = [w for w in words if inside(w, table.bbox, pad=0.0) and w.top >= header.bbox[3] - 1.0]
    out: list[float] = []
    for cell in header.cells:
        if cell is None:
            continue
        labels = _clusters([w for w in words if inside(w, cell, pad=0.0)])
        column = [w for w in body if cell[0] <= (w.x0 + w.x1) / 2 <= cell[2]]
        for (_, left_end), (right_start, _) in itertools.pairwise(labels):
            x = _free_strip(column, left_end, right_start)
            if x is not None:
                out.append(x)
    return out


def _split_row(row: GridRow, x: float, words: list[Word]) -> GridRow:
    cells: list[BBox | None] = []
    for cell in row.cells:
        if cell is None or not cell[0] < x < cell[2]:
            cells.append(cell)
            continue
        crossed = any(w.x0 < x < w.x1 for w in words if inside(w, cell, pad=0.0))
        if crossed:
            cells += [cell, None]
        else:
            cells += [(cell[0], cell[1], x, cell[3]), (x, cell[1], cell[2], cell[3])]
    if len(cells) == len(row.cells):  # the boundary falls inside a spanned cell: add the column
        k = next((i for i, c in enumerate(row.cells) if c is not None and c[2] <= x), -1)
        cells.insert(_column_after(row, x, k), None)
    return GridRow(bbox=row.bbox, cells=cells)


def _column_after(row: GridRow, x: float, fallback: int) -> int:
    """Index the new column takes in a row none of whose cells holds x."""
    for k, cell in enumerate(row.cells):
        if cell is not None and cell[0] >= x:
            return k
    return max(fallback + 1, len(row.cells))


def split_merged_columns(table: GridTable, words: list[Word]) -> GridTable:
    """The table with a column boundary added where its header shows two labels in one cell and
    the rows below leave paper between them."""
    if len(table.rows) < 2:
        return table
    rows = table.rows
    for x in sorted(_boundaries(table, words)):
        rows = [_split_row(row, x, words) for row in rows]
    return GridTable(bbox=table.bbox, rows=rows)
