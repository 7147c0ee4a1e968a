"""The rows of a space-aligned table: each line cut into cells at its page's column edges, and the
lines grouped into rows.

A cell's text may run into the next column with a single space (`pdftotext -layout` keeps one
space between two texts however crowded the line is): a run of words that goes on past a column
edge is cut there — at the first word starting past the edge, or, on the first line of the next
column's cell, at the nearest word that can open a cell (a capital, a dash, a digit) and does not
continue a capitalized name ("xã Sở Tài chính" opens at "Sở", not at "Tài").

A row starts at a line with text in the first column (STT), after a header block (a row cut by a
page break goes on there: the structure stage joins it), and at a line where two other columns
start anew after a line without text in them (a row whose STT cell is empty: cells are written
from the top of the row, so a column that resumes belongs to the next row). When the cells are
aligned to the bottom of their row or centred (most numbered lines go on, in lower case, with the
text above them, or sit alone between two lines of the task's text), a row starts above its
number instead: as far up as its lines go on with the lines above.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import rx
from .aligned_header import ROW_NUMBER

JITTER = 2  # positions a cell's text may start left of its column's edge
SPILL_WINDOW = 8  # positions around an edge where a run of words may be cut
MIN_OVERRUN = 4  # a run ending less than this past an edge only ran over: it stays in its column
MIN_RESTARTS = 2  # columns resuming after a blank line that open a row without a number

_WORD = rx.compile(r"\S+")
_OPENER = rx.compile(r"^[\p{Lu}\d\-–+•(]")
_LOWER = rx.compile(r"^\p{Ll}")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


def runs(line: str) -> list[list[Word]]:
    """The line's words in runs: words one space apart; two spaces or more end a run."""
    out: list[list[Word]] = []
    for m in _WORD.finditer(line):
        word = Word(m.start(), m.end(), m.group(0))
        if out and word.start - out[-1][-1].end <= 1:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _column(x: int, edges: list[int]) -> int:
    return sum(1 for e in edges if x >= e - JITTER)


def _opens_cell(word: Word, before: Word) -> bool:
    """Can the word open a cell, right after `before` on the same line?"""
    return bool(_OPENER.match(word.text)) and not _OPENER.match(before.text)


def cut_index(run: list[Word], edge: int, opening: bool) -> int | None:
    """Where a run of words crossing a column edge is cut: the index of the first word of the next
    column's text, or None when the run only spills a little over the edge."""
    past = [i for i in range(1, len(run)) if run[i].start >= edge]
    if not past or run[-1].end < edge + MIN_OVERRUN:
        return None
    if opening:
        near = [
            i
            for i in range(1, len(run))
            if abs(run[i].start - edge) <= SPILL_WINDOW and _opens_cell(run[i], run[i - 1])
        ]
        if near:
            return min(near, key=lambda i: (abs(run[i].start - edge), i))
    reach = [i for i in range(1, len(run)) if edge - SPILL_WINDOW <= run[i].start <= edge]
    return reach[-1] if reach else past[0]


def line_cells(line: str, edges: list[int], empty: list[bool]) -> list[str]:
    """The line's text per column. `empty` says which cells of the row have no text yet (their
    first line opens with a capital, a dash or a digit)."""
    cells: list[list[str]] = [[] for _ in range(len(edges) + 1)]
    for run in runs(line):
        column = _column(run[0].start, edges)
        while run:
            cut = cut_index(run, edges[column], empty[column + 1]) if column < len(edges) else None
            if cut is None:
                cells[column].extend(w.text for w in run)
                break
            cells[column].extend(w.text for w in run[:cut])
            run = run[cut:]
            column = max(column + 1, _column(run[0].start, edges))
    return [" ".join(words) for words in cells]


def first_cell(line: str, edges: list[int]) -> str:
    """The text of the first column (STT), where no cell runs into it."""
    return (
        " ".join(m.group(0) for m in _WORD.finditer(line) if m.start() < edges[0] - JITTER) if edges else ""
    )


def is_numbered(texts: list[str], header: list[bool], line_edges: list[list[int]]) -> bool:
    """Does the first column hold row numbers (most of its cells are "1", "1.2", "II")?"""
    firsts = [first_cell(t, e) for t, e, h in zip(texts, line_edges, header, strict=True) if not h]
    firsts = [f for f in firsts if f]
    return bool(firsts) and sum(bool(ROW_NUMBER.match(f.split()[0])) for f in firsts) * 2 > len(firsts)


@dataclass(frozen=True, slots=True)
class LineCells:
    cells: list[str]
    opens: bool  # the line opens a row
    is_header: bool


def _restarts(cells: list[str], filled: list[bool], previous: list[str]) -> int:
    """How many columns (past the first) have text again after a line without: a new row's."""
    return sum(1 for k in range(1, len(cells)) if cells[k] and filled[k] and not previous[k])


def _lower(cell: str) -> bool:
    return bool(_LOWER.match(cell))


def _main_column(cells: list[list[str]]) -> int:
    """The column with the most text: the task's own text."""
    sizes = [sum(len(line[k]) for line in cells) for k in range(len(cells[0]))]
    return max(range(len(sizes)), key=lambda k: (sizes[k], -k))


def _floor(numbered: list[bool], header: list[bool], n: int) -> int:
    """The first line a row numbered at line n may start on: after the line above with a number or
    of the header."""
    k = n
    while k > 0 and not numbered[k - 1] and not header[k - 1]:
        k -= 1
    return k


def _links_up(cells: list[list[str]], j: int, floor: int, main: int) -> list[int]:
    """The lines above line j (down to `floor`) whose cell line j goes on: for each column whose
    text on line j starts in lower case, the nearest line above with text in that column; and, when
    line j has no text of its own where the task's text goes, the line just above (the number
    written beside the middle of a centred cell)."""
    out = []
    for c in range(1, len(cells[j])):
        if _lower(cells[j][c]):
            above = next((i for i in range(j - 1, floor - 1, -1) if cells[i][c]), None)
            if above is not None:
                out.append(above)
    if not cells[j][main] and j > floor and cells[j - 1][main]:
        out.append(j - 1)
    return out


def _grows_upward(cells: list[list[str]], numbered: list[bool], header: list[bool]) -> bool:
    """Is the row number written on the row's last or middle line? The cells are then aligned to
    the bottom or centred: most numbered lines with text above them go on with that text."""
    main = _main_column(cells)
    votes = [
        bool(_links_up(cells, n, _floor(numbered, header, n), main))
        for n in range(1, len(cells))
        if numbered[n] and _floor(numbered, header, n) < n
    ]
    return sum(votes) * 2 > len(votes)


def _row_tops(cells: list[list[str]], numbered: list[bool], header: list[bool]) -> set[int]:
    """Where the rows of a table aligned to the bottom or centred start: above each numbered line,
    as far up as its lines go on with the text of lines above them."""
    main = _main_column(cells)
    tops = set()
    for n in (k for k, flag in enumerate(numbered) if flag):
        floor, top, j = _floor(numbered, header, n), n, n
        while j >= top:
            top = min([top, *_links_up(cells, j, floor, main)])
            j -= 1
        tops.add(top)
    return tops


def _first_row_released(cells: list[list[str]], numbered: list[bool], header: list[bool]) -> list[bool]:
    """Header flags without the first row's lines: in a table whose rows start above their number,
    the lines between the header's own line (the one naming the first column, "STT") and the first
    number may be the first row's, not stacked words of the header."""
    first = next((k for k, flag in enumerate(numbered) if flag), None)
    own = next((k for k in range(first or 0, -1, -1) if header[k] and cells[k][0]), None)
    if first is None or own is None:
        return header
    trial = header[: own + 1] + [False] * (first - own - 1) + header[first:]
    top = min(_row_tops(cells, numbered[: first + 1], trial[: first + 1]))
    return header[:top] + [False] * (first - top) + header[first:]


def table_lines(texts: list[str], header: list[bool], line_edges: list[list[int]]) -> list[LineCells]:
    """Each line's cells, and whether it opens a row."""
    columns = len(line_edges[0]) + 1
    fresh = [True] * columns
    numbered = is_numbered(texts, header, line_edges)
    numbers = [
        numbered and not h and bool(first_cell(t, e))
        for t, e, h in zip(texts, line_edges, header, strict=True)
    ]
    tentative = [line_cells(t, e, fresh) for t, e in zip(texts, line_edges, strict=True)]
    upward = numbered and _grows_upward(tentative, numbers, header)
    header = _first_row_released(tentative, numbers, header) if upward else header
    tops = _row_tops(tentative, numbers, header) if upward else None
    out: list[LineCells] = []
    filled = list(fresh)
    previous = [""] * columns
    for k, (text, edges) in enumerate(zip(texts, line_edges, strict=True)):
        after_header = k > 0 and header[k - 1] and not header[k]
        if header[k]:
            cells, opens = tentative[k], k == 0 or not header[k - 1]
        elif after_header or (k in tops if tops is not None else numbers[k]):
            cells, opens = tentative[k], True
        else:
            cells = line_cells(text, edges, [not f for f in filled])
            if numbered:
                opens = tops is None and _restarts(cells, filled, previous) >= MIN_RESTARTS
            else:
                opens = sum(1 for c in cells if c) * 2 > columns
            if opens:
                cells = tentative[k]
        if opens:
            filled = [False] * columns
        filled = [f or bool(c) for f, c in zip(filled, cells, strict=True)]
        previous = cells
        out.append(LineCells(cells=cells, opens=opens or not out, is_header=header[k]))
    return out
