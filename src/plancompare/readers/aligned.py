"""Tables whose columns are aligned with spaces, as `pdftotext -layout` and some DOCX/PDF text
exports write them:

    STT   Nội dung nhiệm vụ              Cơ quan chủ trì     Thời hạn
    1     Tổ chức quán triệt, phổ biến   Sở Nội vụ           Quý IV/2025
          Kế hoạch đến cán bộ
    2     Xây dựng chuyên mục            Sở Khoa học và      Thường xuyên
                                         Công nghệ

The run's first page says how many columns the table has: character positions blank on (nearly)
every line of it, at least two wide. Each page (each header block: pdftotext repeats the header
after a page break, a typeset table sometimes in mid-page) gets its own column edges, anchored on
its header labels (`aligned_columns`); each line is cut at its page's edges, a cell run into the
next column with one space included, and the lines grouped into rows (`aligned_rows`). The first
row is the header, as in the other readers. All pure functions over the source lines.

Never a table: a side-by-side header or signature block (two columns: `text_columns` reads it),
or hard-wrapped prose (no gutter survives more than a line or two of it).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import rx
from .aligned_columns import (
    bounds_from_gutters,
    bounds_from_labels,
    bounds_near,
    crosses,
    gutters,
    page_edges,
    page_gutters,
    starts_within,
)
from .aligned_header import ROW_NUMBER, header_blocks, header_lines, label_spans, page_starts
from .aligned_rows import line_cells, table_lines
from .grid import CellLine, Grid, GridCell, GridRow

__all__ = ["AlignedTable", "Memo", "gutters", "header_lines", "read_aligned", "split_cells"]

MIN_COLUMNS = 3
MIN_ROWS = 3
MIN_GUTTER = 2  # blank positions between two columns
MIN_FILLED_LINES = 2  # lines with text in at least MIN_COLUMNS columns: a table has several
CONTINUATION_INDENT = 4  # a wrapped cell's line starts this far right of the table's left edge
MAX_BLANKS = 1  # blank lines between two lines of the table (pdftotext writes one between rows)
MAX_HEADER_FRAGMENTS = 4  # stacked words of a tall header cell above the header's main line
MAX_FRAGMENT_WORDS = 4  # words of one such fragment ("Thời gian hoàn" over "thành")
PROBE_LINES = 40  # lines a table is first recognised on, and a long last page's end measured against

_GAP = rx.compile(r"(?<=\S) {2,}(?=\S)")


@dataclass(frozen=True, slots=True)
class AlignedTable:
    grid: Grid
    resume: int  # index of the first source line after the table


def columns_of(raw: str) -> str:
    """A source line with its characters at their columns: tabs expanded, a form feed (a page
    break, pdftotext writes one before the page's first line) dropped: the line's text is placed
    after it."""
    return raw.expandtabs(8).replace("\f", "")


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
        if not raw.strip() or _indent(raw) < CONTINUATION_INDENT or len(raw.split()) > MAX_FRAGMENT_WORDS:
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
    (a wrapped cell), or holding a row number alone, with at most MAX_BLANKS blank lines between two of them; at most `limit`."""
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
            or ROW_NUMBER.match(raw.strip())  # a row's number alone: centred beside its row's text
        ):
            break
        run.append(j)
        blanks = 0
    return run


def split_cells(line: str, cuts: list[tuple[int, int]]) -> list[str]:
    """The line's text per column, the columns given by their gutters."""
    return line_cells(line, [b for _, b in cuts], [True] * (len(cuts) + 1))


def _trim(texts: list[str], header: list[bool]) -> int:
    """How many lines of a short page stay in the table: those before the text that follows it
    (lines crossing the gutters of the lines above them are dropped from the end)."""
    keep = len(texts)
    while keep > 1 and crosses(texts[keep - 1], page_gutters(texts[:keep], header[:keep])):
        keep -= 1
    return keep


def _last_page_lines(texts: list[str], header: list[bool]) -> int:
    """How many lines of the last page belong to the table: it may have caught the text after the
    table, which ends at the first two lines in a row crossing the gutters of the page's first
    PROBE_LINES lines (linear: a long page is never re-measured line by line)."""
    if not crosses(texts[-1], page_gutters(texts, header)):
        return len(texts)
    head = min(len(texts), PROBE_LINES)
    keep = _trim(texts[:head], header[:head])
    if keep < head:
        return keep
    reference = page_gutters(texts[:head], header[:head])
    ends = (
        k
        for k in range(head, len(texts))
        if crosses(texts[k], reference) and (k + 1 == len(texts) or crosses(texts[k + 1], reference))
    )
    return next(ends, len(texts))


def _extent(texts: list[str], header: list[bool]) -> tuple[int, list[tuple[int, int]]]:
    """(lines of the table, bounds of its first page's column edges: how many columns it has).
    The edges are in the first page's gutters — or between its header's labels, when these name
    more columns than the gutters show (a cell ran into the next column on a short page) and text
    starts after a gutter between each two of them."""
    starts = page_starts(header)
    last = starts[-1]
    keep = last + _last_page_lines(texts[last:], header[last:])
    first_end = min(starts[1] if len(starts) > 1 else keep, keep)
    bounds = bounds_from_gutters(page_gutters(texts[:first_end], header[:first_end]))
    head = dict(header_blocks(header)).get(0, 0)
    labelled = bounds_from_labels(label_spans(texts[:head]))
    body = [t for t, h in zip(texts[:first_end], header[:first_end], strict=True) if not h]
    if len(labelled) > len(bounds) and starts_within(body, labelled):
        bounds = labelled
    return keep, bounds


def _line_edges(texts: list[str], header: list[bool], first: list[tuple[int, int]]) -> list[list[int]]:
    """Column edges line by line, found page by page: on the first page inside its gutters, on
    the others between the labels of their header block (or near the page before's edges)."""
    starts = page_starts(header)
    blocks = dict(header_blocks(header))
    out: list[list[int]] = []
    edges: list[int] = []
    for n, a in enumerate(starts):
        b = starts[n + 1] if n + 1 < len(starts) else len(texts)
        body = [t for t, h in zip(texts[a:b], header[a:b], strict=True) if not h]
        labels = label_spans(texts[a : blocks[a]]) if a in blocks else []
        if n == 0:
            bounds = first
        elif len(labels) == len(first) + 1:
            bounds = bounds_from_labels(labels)
        else:
            bounds = bounds_near(edges)
        edges = page_edges(body, bounds) if body else [hi for _, hi in bounds]
        out.extend([edges] * (b - a))
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
    keep, first = _extent(texts, header)
    run, texts, header = run[:keep], texts[:keep], header[:keep]
    if len(run) < MIN_ROWS or len(first) + 1 < MIN_COLUMNS:
        return None
    table = table_lines(texts, header, _line_edges(texts, header, first))
    if sum(1 for x in table if sum(1 for c in x.cells if c) >= MIN_COLUMNS) < MIN_FILLED_LINES:
        return None
    rows: list[GridRow] = []
    for j, line in zip(run, table, strict=True):
        if line.opens or not rows:
            rows.append(GridRow(cells=[GridCell() for _ in line.cells], is_header=line.is_header))
        for cell, text in zip(rows[-1].cells, line.cells, strict=True):
            if text:
                cell.lines.append(
                    CellLine(
                        text=text, line=j + 1, char_start=offsets[j], char_end=offsets[j] + len(lines[j])
                    )
                )
    if len(rows) < MIN_ROWS:
        return None
    return AlignedTable(grid=Grid(rows=rows), resume=run[-1] + 1)
