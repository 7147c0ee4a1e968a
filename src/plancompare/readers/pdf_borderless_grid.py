"""Borderless task tables as cell boxes, page by page: a table under a header naming its columns
(`pdf_borderless`), and the rest of a table that ran to the foot of the page before, continued
on a page that does not repeat its header (its columns carried over)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..options import DEFAULT_BORDERLESS, BorderlessSettings
from .pdf_borderless import (
    Label,
    column_of,
    columns_and_body,
    em_of,
    find_header,
    is_page_number,
    line_words,
    opens_row,
    row_starts,
    table_extent,
)
from .pdf_layout import VisualLine, Word, build_lines
from .pdf_tables import BBox, GridRow, GridTable, Rule

MIN_FILLED_COLUMNS = 3  # a continued table's line with words in this many columns (a task row)


@dataclass(slots=True)
class Continued:
    """The columns of a table that ran to the foot of its page, for the next page."""

    edges: list[float]
    x0: float
    x1: float
    em: float


def numbered_lines(body: list[VisualLine], edges: list[float]) -> list[bool]:
    """Which lines open with a row number in the first column."""
    return [
        column_of(line_words(line)[0].x0, edges) == 0 and opens_row(line_words(line)[0].text) for line in body
    ]


def build_grid(
    head: list[VisualLine],
    body: list[VisualLine],
    edges: list[float],
    span: tuple[float, float],
    h_rules: list[Rule],
    em: float,
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> GridTable:
    """Cell boxes: the header's lines (if any) as one row, then the body's rows, each cut at the
    column edges; `span` is the table's left and right end."""
    everything = head + body
    x0 = min(min(line.x0 for line in everything), span[0]) - 1
    x1 = max(max(line.x1 for line in everything), span[1]) + 1
    rules = [y for y, a, b in h_rules if min(b, x1) - max(a, x0) >= settings.rule_share * (x1 - x0)]
    numbered = numbered_lines(body, edges)
    starts = row_starts(
        [ln.top for ln in body], [ln.bottom for ln in body], numbered, rules, settings.row_gap_em * em
    )
    tops = [head[0].top - 1] if head else []
    above = head[-1].bottom if head else body[0].top - 2
    tops += [(body[s - 1].bottom + body[s].top) / 2 if s else (above + body[0].top) / 2 for s in starts]
    tops.append(body[-1].bottom + 1)
    bounds = [x0, *edges, x1]
    rows = [
        GridRow(
            bbox=(x0, top, x1, bottom), cells=[(a, top, b, bottom) for a, b in itertools.pairwise(bounds)]
        )
        for top, bottom in itertools.pairwise(tops)
    ]
    box: BBox = (x0, tops[0], x1, tops[-1])
    return GridTable(bbox=box, rows=rows)


def table_at(
    lines: list[VisualLine],
    header: tuple[int, int, list[Label]],
    h_rules: list[Rule],
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> tuple[GridTable | None, int, list[float]]:
    """The table whose header is `header`, the index of the first line after it, its edges."""
    first, end, labels = header
    em = em_of(lines[first:end])
    edges, body = columns_and_body(lines[end:], labels, em, settings)
    if sum(numbered_lines(body, edges)) < settings.min_rows:
        return None, end, edges
    grid = build_grid(lines[first:end], body, edges, (labels[0].x0, labels[-1].x1), h_rules, em, settings)
    return grid, end + len(body), edges


def _filled_columns(line: VisualLine, edges: list[float]) -> int:
    return len({column_of((w.x0 + w.x1) / 2, edges) for w in line_words(line)})


def continued_table(
    lines: list[VisualLine], carried: Continued, h_rules: list[Rule], settings: BorderlessSettings
) -> tuple[GridTable | None, int]:
    """The rest of the page before's table at the top of this page (its header not repeated):
    the lines from the top that keep to the carried columns, at least one of them a task row
    (words in three columns or more); a page number at the top is passed over."""
    start = 1 if lines and is_page_number(lines[0]) else 0
    body = table_extent(lines[start:], carried.edges, carried.em, settings)
    if not any(_filled_columns(line, carried.edges) >= MIN_FILLED_COLUMNS for line in body):
        return None, start
    grid = build_grid(
        [], body, carried.edges, (carried.x0 + 1, carried.x1 - 1), h_rules, carried.em, settings
    )
    return grid, start + len(body)


def _runs_to_foot(lines: list[VisualLine], end: int) -> bool:
    return end >= len(lines) or (end == len(lines) - 1 and is_page_number(lines[-1]))


def page_tables(
    words: list[Word],
    h_rules: list[Rule],
    carried: Continued | None = None,
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> tuple[list[GridTable], Continued | None]:
    """Borderless task tables on a page, and the columns of the last one if it runs to the foot
    of the page (for the next page to continue)."""
    lines = build_lines(words, gap_em=50.0)
    tables: list[GridTable] = []
    start = 0
    out: Continued | None = None
    if carried is not None:
        table, start = continued_table(lines, carried, h_rules, settings)
        if table is not None:
            tables.append(table)
            out = carried if _runs_to_foot(lines, start) else None
    while (header := find_header(lines, start, settings)) is not None:
        table, start, edges = table_at(lines, header, h_rules, settings)
        if table is not None:
            tables.append(table)
            em = em_of(lines[header[0] : header[1]])
            out = Continued(edges, table.bbox[0], table.bbox[2], em) if _runs_to_foot(lines, start) else None
    return tables, out


def borderless_tables(
    words: list[Word], h_rules: list[Rule], settings: BorderlessSettings = DEFAULT_BORDERLESS
) -> list[GridTable]:
    """Task tables without vertical rules on a page, each opened by a header naming its columns."""
    return page_tables(words, h_rules, None, settings)[0]
