"""Ruled tables: cell geometry from pdfplumber, cell text from our own words.

pdfplumber's lattice finder is exact on ruled tables, so it decides where rows and cells are;
the text inside each cell comes from the same pdfium words as the rest of the page, so legacy
fonts, decomposed marks and bold are handled once. Tables are also built from rule positions
found in scanned images (`grid_table`), where there is no pdfplumber page to ask.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from .pdf_layout import VisualLine, Word, build_lines

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class GridRow:
    bbox: BBox
    cells: list[BBox | None]  # None where a merged cell spans this column


@dataclass(slots=True)
class GridTable:
    bbox: BBox
    rows: list[GridRow]

    @property
    def ncols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass(slots=True)
class FilledRow:
    cells: list[str]
    bbox: BBox
    nlines: int  # text lines in the tallest cell, for line numbering


def plumber_tables(page: Any) -> list[GridTable]:
    """Ruled tables on a pdfplumber page, as cell boxes (at least 2 rows and 2 columns)."""
    out: list[GridTable] = []
    for table in page.find_tables():
        rows = [
            GridRow(bbox=tuple(r.bbox), cells=[tuple(c) if c else None for c in r.cells]) for r in table.rows
        ]
        if len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2:
            out.append(GridTable(bbox=tuple(table.bbox), rows=rows))  # type: ignore[arg-type]
    return out


def inside(word: Word, bbox: BBox, pad: float = 1.0) -> bool:
    cx = (word.x0 + word.x1) / 2
    cy = (word.top + word.bottom) / 2
    return bbox[0] - pad <= cx <= bbox[2] + pad and bbox[1] - pad <= cy <= bbox[3] + pad


def fill_table(table: GridTable, words: list[Word]) -> list[FilledRow]:
    """Put each word in the cell that contains its centre; cell lines are joined with newlines."""
    buckets: list[list[list[Word]]] = [[[] for _ in row.cells] for row in table.rows]
    for w in words:
        cy = (w.top + w.bottom) / 2
        cx = (w.x0 + w.x1) / 2
        for r, row in enumerate(table.rows):
            if not row.bbox[1] - 1 <= cy <= row.bbox[3] + 1:
                continue
            best = None
            for c, cell in enumerate(row.cells):
                if cell is not None and cell[0] - 1 <= cx <= cell[2] + 1:
                    best = c
                    break
            if best is not None:
                buckets[r][best].append(w)
            break
    rows: list[FilledRow] = []
    for row, cells in zip(table.rows, buckets, strict=True):
        texts: list[str] = []
        nlines = 1
        for cell_words, cell in zip(cells, row.cells, strict=True):
            lines = build_lines(cell_words, gap_em=50.0)
            nlines = max(nlines, len(lines))
            texts.append(_cell_text(lines, cell))
        width = table.ncols
        texts += [""] * (width - len(texts))
        rows.append(FilledRow(cells=texts, bbox=row.bbox, nlines=nlines))
    return rows


_BULLET = frozenset("-+•*–")


def _cell_text(lines: list[VisualLine], cell: BBox | None) -> str:
    """Cell lines, soft wraps joined with a space and hard breaks kept as newlines.

    A break is a wrap when the next line's first word would not have fitted after the previous
    line inside the cell (padding taken as the closest any line comes to the left border); a
    line opening with a bullet always starts afresh.
    """
    if not lines:
        return ""
    texts = [" ".join(w.text for s in vl.segments for w in s.words) for vl in lines]
    if cell is None:
        return "\n".join(texts)
    pad = max(1.0, min(vl.x0 for vl in lines) - cell[0])
    limit = cell[2] - pad
    out = texts[0]
    for prev, vl, text in zip(lines, lines[1:], texts[1:], strict=False):
        first = vl.segments[0].words[0]
        size = max(first.size, 4.0)
        fits = prev.x1 + 0.3 * size + (first.x1 - first.x0) <= limit - 0.3 * size
        out += ("\n" if fits or text[:1] in _BULLET else " ") + text
    return out


def grid_table(
    h_rules: list[tuple[float, float, float]], v_rules: list[tuple[float, float, float]]
) -> GridTable | None:
    """A table from rule segments: horizontal (y, x0, x1) and vertical (x, top, bottom).

    Rows lie between consecutive horizontal rules; a column boundary counts for a row only where
    a vertical rule crosses that row, so merged cells (a group heading across columns) stay one
    cell, like pdfplumber reports them.
    """
    if len(h_rules) < 2 or len(v_rules) < 2:
        return None
    ys = _cluster(sorted(y for y, _, _ in h_rules), 4.0)
    xs = _cluster(sorted(x for x, _, _ in v_rules), 4.0)
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows: list[GridRow] = []
    for top, bottom in itertools.pairwise(ys):
        if bottom - top < 4.0:
            continue
        mid = (top + bottom) / 2
        bounds = [
            x for x in xs if any(abs(vx - x) <= 4.0 and vt - 3 <= mid <= vb + 3 for vx, vt, vb in v_rules)
        ]
        if len(bounds) < 2:
            continue
        cells: list[BBox | None] = []
        for x in xs[:-1]:
            cells.append(None)
            if x in bounds:
                nxt = next((b for b in bounds if b > x), None)
                if nxt is not None:
                    cells[-1] = (x, top, nxt, bottom)
        rows.append(GridRow(bbox=(xs[0], top, xs[-1], bottom), cells=cells))
    if len(rows) < 2:
        return None
    return GridTable(bbox=(xs[0], ys[0], xs[-1], ys[-1]), rows=rows)


def _cluster(values: list[float], tol: float) -> list[float]:
    groups: list[list[float]] = []
    for v in values:
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]
