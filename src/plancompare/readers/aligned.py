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

from ..text import rx
from .grid import CellLine, Grid, GridCell, GridRow

MIN_COLUMNS = 3
MIN_ROWS = 3
MIN_GUTTER = 2  # blank positions between two columns
MIN_FILLED_LINES = 2  # lines with text in at least MIN_COLUMNS columns: a table has several
CONTINUATION_INDENT = 4  # a wrapped cell's line starts this far right of the table's left edge
MAX_BLANKS = 1  # blank lines between two lines of the table (pdftotext writes one between rows)
MAX_HEADER_FRAGMENTS = 4  # stacked words of a tall header cell above the header's main line
SPILL_SHARE = 0.1
PROBE_LINES = 40  # lines a table is first recognised on, and a long last page's end measured against
HEADER_SHARE = 0.75  # words of a line that must be the header's for it to repeat the header  # share of the lines that may cross a gutter (a header cell over two columns)

_GAP = rx.compile(r"(?<=\S) {2,}(?=\S)")
_WORD = rx.compile(r"\S+")
# what the first column of a task row holds: "1", "1.2", "1.", "II", "a)"
_ROW_NUMBER = rx.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$")


@dataclass(frozen=True, slots=True)
class AlignedTable:
    grid: Grid
    resume: int  # index of the first source line after the table


def columns_of(raw: str) -> str:
    """A source line with its characters at their columns: tabs expanded, a form feed (a page
    break, pdftotext writes one before the page's first line) read as a space."""
    return raw.expandtabs(8).replace("\f", " ")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def opens_table(line: str) -> bool:
    """A line that can open an aligned table: text in at least MIN_COLUMNS runs apart by gutters."""
    return len(_GAP.findall(line.strip())) >= MIN_COLUMNS - 1


def opening_line(lines: list[str], start: int, end: int) -> int | None:
    """The line that opens the table starting at `start`: `start` itself, or the line below a few
    fragments of a header cell stacked above the header's main line ("THỜI" / "GIAN" over
    "STT  NỘI DUNG …  THỜI", pdftotext writes a tall header cell's words one per line)."""
    for j in range(start, min(start + MAX_HEADER_FRAGMENTS + 1, end)):
        raw = columns_of(lines[j])
        if opens_table(raw):
            return j
        if not raw.strip() or _indent(raw) < CONTINUATION_INDENT or len(raw.split()) > 2:
            return None
    return None


def _first_cell_wrap(lines: list[str], j: int, end: int, first_column_end: int) -> bool:
    """A short line at the table's left edge, inside its first column, with a row of the table
    right after it: the first column's text wrapped (a table without an STT column)."""
    raw = columns_of(lines[j])
    following = next((columns_of(x) for x in lines[j + 1 : min(j + 3, end)] if x.strip()), "")
    return len(raw.rstrip()) <= first_column_end and bool(_GAP.search(following.strip()))


def candidate_run(
    lines: list[str], start: int, opening: int, end: int, limit: int | None = None
) -> list[int]:
    """Indices of the non-blank lines that may belong to the table opening at `opening` (with
    header fragments from `start`): lines with a gutter, or indented past the table's left edge
    (a wrapped cell), with at most MAX_BLANKS blank lines between two of them; at most `limit`."""
    left = _indent(columns_of(lines[opening]))
    gap = _GAP.search(columns_of(lines[opening]).strip())
    first_column_end = (
        left + gap.end() - MIN_GUTTER if gap else 0
    )  # where the second column starts, less a gutter
    run = list(range(start, opening + 1))
    blanks = 0
    for j in range(opening + 1, end):
        if limit is not None and len(run) >= limit:
            break
        raw = columns_of(lines[j])
        if not raw.strip():
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            continue
        if not (
            _GAP.search(raw.strip())
            or _indent(raw) >= left + CONTINUATION_INDENT
            or _first_cell_wrap(lines, j, end, first_column_end)
        ):
            break
        run.append(j)
        blanks = 0
    return run


def _counts(lines: list[str], width: int) -> list[int]:
    """How many of the lines have text at each character position."""
    counts = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for x in range(m.start(), min(m.end(), width)):
                counts[x] += 1
    return counts


def gutters(lines: list[str], tolerance: int, body: list[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every gutter: at least MIN_GUTTER positions, strictly inside the text,
    that at most `tolerance` lines have text in — or that no line of `body` has text in (the
    header's lines may cross a gutter: a header cell spanning two columns)."""
    width = max((len(x) for x in lines), default=0)
    counts = _counts(lines, width)
    clean = _counts(body, width) if body is not None else counts
    blank = [counts[x] <= tolerance or clean[x] == 0 for x in range(width)]
    filled = [x for x in range(width) if not blank[x]]
    if not filled:
        return []
    out: list[tuple[int, int]] = []
    run_start = None
    for x in range(filled[0], filled[-1] + 1):
        if blank[x]:
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


def _first_word(line: str) -> str:
    m = _WORD.search(line)
    return m.group(0) if m else ""


def _header_words(words: list[str], vocabulary: set[str]) -> bool:
    """Words of a repeated header: (nearly) all the header's own, a typo of the copy allowed."""
    return bool(words) and sum(w in vocabulary for w in words) >= HEADER_SHARE * len(words)


def header_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to the header: the lines before the first numbered row, and blocks
    repeating it after a page break (each line's words all among the header's, one of them
    opening with the header's first word, "STT"). Case counts: "thực hiện" wrapped in a cell is
    not the header's "THỰC HIỆN"."""
    left = min(_indent(x) for x in lines)
    first = next(
        (k for k, x in enumerate(lines) if _indent(x) <= left + 3 and _ROW_NUMBER.match(_first_word(x))), None
    )
    if not first:
        return [k == 0 for k in range(len(lines))]
    vocabulary = {w for x in lines[:first] for w in x.split()}
    opener = _first_word(min(lines[:first], key=_indent))
    inside = [_header_words(x.split(), vocabulary) for x in lines]
    out = [k < first for k in range(len(lines))]
    k = first
    while k < len(lines):
        if not inside[k]:
            k += 1
            continue
        end = k
        while end < len(lines) and inside[end]:
            end += 1
        if any(_first_word(x) == opener for x in lines[k:end]):
            out[k:end] = [True] * (end - k)
        k = end
    return out


def _row_starts(split: list[list[str]], header: list[bool], columns: int) -> list[bool]:
    """Which lines open a row: a header block; the line after one (a row cut by a page break goes
    on there: the structure stage joins it); text in the first column; without a numbered first
    column, a line with text in most columns."""
    firsts = [cells[0] for cells, h in zip(split, header, strict=True) if not h and cells[0]]
    numbered = bool(firsts) and sum(bool(_ROW_NUMBER.match(f.split()[0])) for f in firsts) * 2 > len(firsts)
    out = []
    for k, cells in enumerate(split):
        if header[k]:
            out.append(k == 0 or not header[k - 1])
        elif k > 0 and header[k - 1]:
            out.append(True)
        else:
            out.append(bool(cells[0]) if numbered else sum(1 for c in cells if c) * 2 > columns)
    return out


def page_starts(header: list[bool]) -> list[int]:
    """Where each page of the table starts: at the table's top and at each repeated header."""
    return [k for k in range(len(header)) if k == 0 or (header[k] and not header[k - 1])]


def _page_gutters(texts: list[str], header: list[bool]) -> list[tuple[int, int]]:
    """Gutters of a page: header lines may cross them (a header cell spanning two columns, a
    centred title), and a tenth of all lines besides (a long word that spills)."""
    body = [t for t, h in zip(texts, header, strict=True) if not h]
    return gutters(texts, int(len(texts) * SPILL_SHARE), body if len(body) >= MIN_FILLED_LINES else None)


def _trim(texts: list[str], header: list[bool]) -> int:
    """How many lines of a short page stay in the table: those before the text that follows it
    (lines crossing the gutters of the lines above them are dropped from the end)."""
    keep = len(texts)
    while keep > 1 and crosses(texts[keep - 1], _page_gutters(texts[:keep], header[:keep])):
        keep -= 1
    return keep


def _page_cuts(texts: list[str], header: list[bool], last: bool) -> tuple[list[tuple[int, int]], int]:
    """(gutters of one page of the table, lines kept). The last page may have caught the text
    after the table: it ends at the first two lines in a row crossing the gutters of the page's
    first PROBE_LINES lines (linear: a long page is never re-measured line by line)."""
    cuts = _page_gutters(texts, header)
    if not last or not crosses(texts[-1], cuts):
        return cuts, len(texts)
    head = min(len(texts), PROBE_LINES)
    keep = _trim(texts[:head], header[:head])
    if keep == head:
        reference = _page_gutters(texts[:head], header[:head])
        ends = (
            k
            for k in range(head, len(texts))
            if crosses(texts[k], reference) and (k + 1 == len(texts) or crosses(texts[k + 1], reference))
        )
        keep = next(ends, len(texts))
    cuts = _page_gutters(texts[:keep], header[:keep])
    return cuts, keep


def _grid(
    texts: list[str],
    run: list[int],
    page_cuts: list[list[tuple[int, int]]],
    header: list[bool],
    spans: dict[int, tuple[int, int]],
) -> Grid:
    split = [split_cells(t, c) for t, c in zip(texts, page_cuts, strict=True)]
    columns = len(page_cuts[0]) + 1
    rows: list[GridRow] = []
    for k, (j, cells, opens) in enumerate(zip(run, split, _row_starts(split, header, columns), strict=True)):
        if opens or not rows:
            rows.append(GridRow(cells=[GridCell() for _ in range(columns)], is_header=header[k]))
        for cell, text in zip(rows[-1].cells, cells, strict=True):
            if text:
                cell.lines.append(
                    CellLine(text=text, line=j + 1, char_start=spans[j][0], char_end=spans[j][1])
                )
    return Grid(rows=rows)


def _pages(texts: list[str], header: list[bool]) -> list[list[tuple[int, int]]]:
    """Gutters line by line, found page by page (the columns shift a little between pages). The
    table ends before a page whose gutters give another number of columns: a new table opens there."""
    starts = page_starts(header)
    out: list[list[tuple[int, int]]] = []
    for n, a in enumerate(starts):
        b = starts[n + 1] if n + 1 < len(starts) else len(texts)
        cuts, keep = _page_cuts(texts[a:b], header[a:b], last=n + 1 == len(starts))
        if out and len(cuts) != len(out[0]):
            break
        out.extend([cuts] * keep)
        if keep < b - a:
            break
    return out


@dataclass(slots=True)
class Memo:
    """What an earlier try learnt, kept by the caller across the lines of one text: where a run
    measured whole gave no longer table than its first lines. Starts before that index are
    measured on their first lines only, so a long text costs linear time whatever it holds."""

    whole_failed_until: int = -1


def read_aligned(
    lines: list[str], start: int, end: int, offsets: list[int], memo: Memo | None = None
) -> AlignedTable | None:
    """The aligned table starting at `lines[start]`, or None when there is none."""
    opening = opening_line(lines, start, end)
    if opening is None:
        return None
    # Decided on the first lines, so that a failed try costs little at every line of a long text.
    probe = candidate_run(lines, start, opening, end, PROBE_LINES)
    first = _measure(lines, probe, offsets)
    if first is None or len(probe) < PROBE_LINES or (memo is not None and start < memo.whole_failed_until):
        return first
    run = candidate_run(lines, start, opening, end)
    whole = _measure(lines, run, offsets)
    if whole is not None and whole.resume > first.resume:
        return whole
    if memo is not None:
        memo.whole_failed_until = run[-1]
    return first


def _measure(lines: list[str], run: list[int], offsets: list[int]) -> AlignedTable | None:
    """The table the lines of `run` hold, if they hold one."""
    texts = [columns_of(lines[j]) for j in run]
    header = header_lines(texts)
    page_cuts = _pages(texts, header)
    run, texts, header = run[: len(page_cuts)], texts[: len(page_cuts)], header[: len(page_cuts)]
    if len(run) < MIN_ROWS or len(page_cuts[0]) + 1 < MIN_COLUMNS:
        return None
    filled = sum(
        1
        for t, c in zip(texts, page_cuts, strict=True)
        if sum(1 for x in split_cells(t, c) if x) >= MIN_COLUMNS
    )
    if filled < MIN_FILLED_LINES:
        return None
    spans = {j: (offsets[j], offsets[j] + len(lines[j])) for j in run}
    grid = _grid(texts, run, page_cuts, header, spans)
    if len(grid.rows) < MIN_ROWS:
        return None
    return AlignedTable(grid=grid, resume=run[-1] + 1)
