"""Pandoc's simple and multiline tables: columns given by the runs of dashes under the header.

    ---------------------------------------------        <- a multiline table opens with a full rule
    STT    Nội dung nhiệm   Cơ quan chủ
           vụ               trì
    ------ ---------------- ----------------             <- the column runs
    1      Tổ chức quán     Sở Giáo dục và
           triệt, phổ biến  Đào tạo
                                                         <- a blank line between rows
    2      Xây dựng …       Sở Khoa học …
    ---------------------------------------------

A simple table has one line per row and no full rules (`Header  Header` / `------ ------` / rows,
up to a blank line); without a header, the column runs stand above and below the rows. A column's
text lies from the start of its run to the start of the next one. All pure functions over the
source lines; the table becomes a `Grid` like any other serialization's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import rx
from .grid import CellLine, Grid, GridCell, GridRow
from .grid_tables import SourceLine, cell_paragraphs

_FULL_RULE = rx.compile(r"^\s*-{3,}\s*$")
_RUNS = rx.compile(r"^\s*-+(?:\s+-+)+\s*$")
_RUN = rx.compile(r"-+")
MIN_COLUMNS = 2


def is_full_rule(raw: str) -> bool:
    return bool(_FULL_RULE.match(raw))


def column_runs(raw: str) -> list[tuple[int, int]] | None:
    """(start, end) of each column's run of dashes (`------ ----- ------`), or None."""
    if not _RUNS.match(raw):
        return None
    runs = [m.span() for m in _RUN.finditer(raw)]
    return runs if len(runs) >= MIN_COLUMNS else None


def column_starts(raw: str) -> list[int] | None:
    """Where each column starts, from a line of dash runs, or None."""
    runs = column_runs(raw)
    return None if runs is None else [a for a, _ in runs]


def cut_columns(raw: str, starts: list[int]) -> list[str]:
    """The text of each column on one line: from a run's start to the next run's start."""
    ends = [*starts[1:], max(len(raw), starts[-1])]
    return [raw[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def _row(
    lines: list[SourceLine], runs: list[tuple[int, int]], is_header: bool, markdown: bool, smart: bool
) -> GridRow:
    starts = [a for a, _ in runs]
    cells: list[GridCell] = []
    for k, (a, b) in enumerate(runs):
        pieces = [(ln, cut_columns(ln.text, starts)[k]) for ln in lines]
        # no blank line can sit inside a row: the row's lines in a column are one paragraph,
        # unless a line ends short of the column's width (a break the writer made)
        cell: list[CellLine] = cell_paragraphs([p for p in pieces if p[1]], a, markdown, smart, b - a)
        cells.append(GridCell(lines=cell))
    return GridRow(cells=cells, is_header=is_header)


@dataclass(frozen=True, slots=True)
class DashTable:
    grid: Grid
    resume: int


def _blocks(lines: list[str], first: int, end: int, one_line_rows: bool) -> tuple[list[list[int]], int]:
    """(row blocks as source indices, index of the closing line) from `first`: rows are lines
    (`one_line_rows`) or runs of lines between blank lines; the table ends at a rule, or at a blank
    line (simple tables) / two blank lines."""
    blocks: list[list[int]] = []
    current: list[int] = []
    k = first
    while k < end:
        raw = lines[k]
        if is_full_rule(raw) or column_starts(raw) is not None:
            break
        if not raw.strip():
            if one_line_rows or not current:
                break
            blocks.append(current)
            current = []
        else:
            current.append(k)
            if one_line_rows:
                blocks.append(current)
                current = []
        k += 1
    if current:
        blocks.append(current)
    return blocks, k


def read_dash_table(
    lines: list[str], start: int, end: int, offsets: list[int], markdown: bool, smart: bool = False
) -> DashTable | None:
    """The simple or multiline table that starts at `start` (its top rule, its column runs, or its
    one-line header above the runs), or None."""

    def src(k: int) -> SourceLine:
        return SourceLine(k, lines[k], offsets[k])

    raw = lines[start]
    header: list[int] = []
    multiline = is_full_rule(raw)
    if multiline:  # a top rule, the header's lines, the column runs
        k = start + 1
        while k < end and lines[k].strip() and column_starts(lines[k]) is None and not is_full_rule(lines[k]):
            header.append(k)
            k += 1
        runs_at = k
    elif column_starts(raw) is not None:  # a headerless table
        runs_at = start
    elif start + 1 < end and raw.strip() and column_starts(lines[start + 1]) is not None:
        header, runs_at = [start], start + 1  # a simple table's one-line header
    else:
        return None
    if runs_at >= end:
        return None
    runs = column_runs(lines[runs_at])
    if runs is None:
        return None
    headerless = not header
    body = lines[runs_at + 1 : end]
    blank_rows = any(not x.strip() for x in body[: _closing_distance(body)])
    one_line = not multiline and not (headerless and blank_rows)
    blocks, closing = _blocks(lines, runs_at + 1, end, one_line)
    closed = closing < end and (is_full_rule(lines[closing]) or column_starts(lines[closing]) is not None)
    if not blocks or ((multiline or headerless) and not closed):
        return None
    rows = [_row([src(k) for k in header], runs, True, markdown, smart)] if header else []
    rows += [_row([src(k) for k in block], runs, False, markdown, smart) for block in blocks]
    resume = closing + 1 if closed else closing
    return DashTable(grid=Grid(rows=rows), resume=resume)


def _closing_distance(body: list[str]) -> int:
    """Lines up to the first rule below the column runs (the whole rest when none)."""
    for k, raw in enumerate(body):
        if is_full_rule(raw) or column_starts(raw) is not None:
            return k
    return len(body)
