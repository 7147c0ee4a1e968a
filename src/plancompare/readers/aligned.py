"""Tables whose columns are aligned with spaces, as `pdftotext -layout` and some DOCX/PDF text
exports write them:

    STT   Nội dung nhiệm vụ              Cơ quan chủ trì     Thời hạn
    1     Tổ chức quán triệt, phổ biến   Sở Nội vụ           Quý IV/2025
          Kế hoạch đến cán bộ
    2     Xây dựng chuyên mục            Sở Khoa học và      Thường xuyên
                                         Công nghệ

Columns come from the gutters of the run: character positions blank on (nearly) every line of
it, at least two wide. A row starts where the first column (STT) has text — or, in a table
without one, where most columns start anew; the lines below it that leave the first column blank
are its cells' wrapped text, appended by column position. The first row is the header, as in the
other readers. All pure functions over the source lines.

Never a table: a side-by-side header or signature block (two columns: `text_columns` reads it),
or hard-wrapped prose (no gutter survives more than a line or two of it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .grid import CellLine, Grid, GridCell, GridRow

MIN_COLUMNS = 3
MIN_ROWS = 3
MIN_GUTTER = 2  # blank positions between two columns
MIN_FILLED_LINES = 2  # lines with text in at least MIN_COLUMNS columns: a table has several
CONTINUATION_INDENT = 4  # a wrapped cell's line starts this far right of the table's left edge
MAX_BLANKS = 1  # blank lines between two lines of the table (pdftotext writes one between rows)
SPILL_SHARE = 0.1  # share of the lines that may cross a gutter (a header cell over two columns)

_GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")
_WORD = regex.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class AlignedTable:
    grid: Grid
    resume: int  # index of the first source line after the table


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def opens_table(line: str) -> bool:
    """A line that can open an aligned table: text in at least MIN_COLUMNS runs apart by gutters."""
    return len(_GAP.findall(line.strip())) >= MIN_COLUMNS - 1


def candidate_run(lines: list[str], start: int, end: int) -> list[int]:
    """Indices of the non-blank lines that may belong to the table opening at `start`: lines with
    a gutter, or indented past the table's left edge (a wrapped cell), with at most MAX_BLANKS
    blank lines between two of them."""
    left = _indent(lines[start])
    run = [start]
    blanks = 0
    for j in range(start + 1, end):
        raw = lines[j]
        if not raw.strip():
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            continue
        if not (_GAP.search(raw.strip()) or _indent(raw) >= left + CONTINUATION_INDENT):
            break
        run.append(j)
        blanks = 0
    return run


def gutters(lines: list[str], tolerance: int) -> list[tuple[int, int]]:
    """(start, end) of every gutter: at least MIN_GUTTER positions, strictly inside the text, that
    at most `tolerance` lines have text in."""
    width = max((len(x) for x in lines), default=0)
    counts = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for x in range(m.start(), m.end()):
                counts[x] += 1
    filled = [x for x in range(width) if counts[x] > tolerance]
    if not filled:
        return []
    out: list[tuple[int, int]] = []
    run_start = None
    for x in range(filled[0], filled[-1] + 1):
        if counts[x] <= tolerance:
            run_start = x if run_start is None else run_start
        else:
            if run_start is not None and x - run_start >= MIN_GUTTER:
                out.append((run_start, x))
            run_start = None
    return out


def crosses(line: str, cuts: list[tuple[int, int]]) -> bool:
    """Does the line have text inside a gutter?"""
    return any(line[a:b].strip() for a, b in cuts)


def split_cells(line: str, cuts: list[tuple[int, int]]) -> list[str]:
    """The line's text per column; a word belongs to the column it starts in."""
    bounds = [(a + b) // 2 for a, b in cuts]
    cells: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
    for m in _WORD.finditer(line):
        cells[bisect.bisect_right(bounds, m.start())].append(m.group(0))
    return [" ".join(words) for words in cells]


def _row_starts(split: list[list[str]], columns: int) -> list[bool]:
    """Which lines open a row: text in the first column; without a numbered first column (blank
    below the header), a line with text in most columns."""
    numbered = any(cells[0] for cells in split[1:])
    return [
        k == 0 or (bool(cells[0]) if numbered else sum(1 for c in cells if c) * 2 > columns)
        for k, cells in enumerate(split)
    ]


def _grid(
    expanded: dict[int, str], run: list[int], cuts: list[tuple[int, int]], spans: dict[int, tuple[int, int]]
) -> Grid:
    split = [split_cells(expanded[j], cuts) for j in run]
    columns = len(cuts) + 1
    rows: list[GridRow] = []
    for j, cells, opens in zip(run, split, _row_starts(split, columns), strict=True):
        if opens:
            rows.append(GridRow(cells=[GridCell() for _ in range(columns)], is_header=not rows))
        for cell, text in zip(rows[-1].cells, cells, strict=True):
            if text:
                cell.lines.append(
                    CellLine(text=text, line=j + 1, char_start=spans[j][0], char_end=spans[j][1])
                )
    return Grid(rows=rows)


def read_aligned(lines: list[str], start: int, end: int, offsets: list[int]) -> AlignedTable | None:
    """The aligned table opening at `lines[start]`, or None when there is none."""
    if not opens_table(lines[start].expandtabs(8)):
        return None
    expanded = {j: lines[j].expandtabs(8) for j in candidate_run(lines, start, end)}
    run = list(expanded)
    cuts: list[tuple[int, int]] = []
    while len(run) >= MIN_ROWS:
        cuts = gutters([expanded[j] for j in run], int(len(run) * SPILL_SHARE))
        if not crosses(expanded[run[-1]], cuts):
            break
        run.pop()  # the text after the table, caught by the run: it crosses the gutters
    if len(cuts) + 1 < MIN_COLUMNS or len(run) < MIN_ROWS:
        return None
    filled = sum(1 for j in run if sum(1 for c in split_cells(expanded[j], cuts) if c) >= MIN_COLUMNS)
    if filled < MIN_FILLED_LINES:
        return None
    spans = {j: (offsets[j], offsets[j] + len(lines[j])) for j in run}
    grid = _grid(expanded, run, cuts, spans)
    if len(grid.rows) < MIN_ROWS:
        return None
    return AlignedTable(grid=grid, resume=run[-1] + 1)
