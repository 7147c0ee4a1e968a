"""`<table>` elements as `Grid`s.

A cell spanning rows (`rowspan`) keeps its text in its first row; the rows below get an empty cell
in its place, so every row lines up with the header. A cell spanning columns keeps its width as
`GridCell.colspan`, as the other readers do. A table inside a cell is flattened into the cell's
text, one line per inner row. A table that lays out a whole page (a site's frame: one column, or
cells holding headings or the document's sections) is no table of the document: its cells are read
as blocks, in order. A heading in a cell of a table whose rows hold text side by side is a Word
heading style kept by a converter (pandoc, mammoth), not a frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .grid import CellLine, Grid, GridCell, GridRow
from .html_walk import Sink, TextStyle, Walker, tag_of

_MAX_SPAN = 64  # a hostile rowspan/colspan must not blow a grid up
_SECTION_TAGS = ("thead", "tbody", "tfoot")
_CELL_TAGS = ("td", "th")
_PARAGRAPH_TAGS = ("p", "div", "li")
_CONTAINER_PARAGRAPHS = 10  # a cell with this many blocks and a heading or table inside lays out a page


def table_rows(table: Any) -> list[tuple[Any, bool]]:
    """(tr, in <thead>) for the rows of this table, not of tables nested in it."""
    out: list[tuple[Any, bool]] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            out.append((child, False))
        elif tag in _SECTION_TAGS:
            out.extend((tr, tag == "thead") for tr in child if tag_of(tr) == "tr")
    return out


def row_cells(tr: Any) -> list[Any]:
    return [c for c in tr if tag_of(c) in _CELL_TAGS]


def span(cell: Any, name: str, limit: int) -> int:
    try:
        value = int((cell.get(name) or "1").strip().rstrip(";"))
    except ValueError:
        return 1
    if value <= 0:  # rowspan="0": to the end of the table
        return limit
    return max(1, min(value, limit, _MAX_SPAN))


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = frozenset({*_PARAGRAPH_TAGS, *_HEADING_TAGS})
_GRID_ROWS = 2  # rows with two filled cells or more: the table lays out the document's data


def _holds_page(cell: Any) -> bool:
    """A cell holding a page's worth: headings or a table among many paragraphs."""
    descendants = [tag_of(d) for d in cell.iterdescendants()]
    blocks = sum(1 for t in descendants if t in _BLOCK_TAGS)
    has_heading = any(t in _HEADING_TAGS for t in descendants)
    return (has_heading or "table" in descendants) and blocks >= _CONTAINER_PARAGRAPHS


def _has_heading(cell: Any) -> bool:
    return any(tag_of(d) in _HEADING_TAGS for d in cell.iterdescendants())


def table_width(rows: list[tuple[Any, bool]]) -> int:
    """Columns of the widest row, spans counted."""
    return max((sum(span(c, "colspan", _MAX_SPAN) for c in row_cells(tr)) for tr, _ in rows), default=0)


def _filled(cell: Any) -> bool:
    return bool(cell.text_content().strip())


def is_data_grid(rows: list[tuple[Any, bool]]) -> bool:
    """Rows side by side with text in two cells or more: the document's rows and columns. Word's
    heading styles kept by converters (pandoc, mammoth write a cell's "Heading 4" paragraph as `<h4>`)
    do not make such a table a page's frame; a site's frame has one row of content beside its menu."""
    return sum(1 for tr, _ in rows if sum(1 for c in row_cells(tr) if _filled(c)) >= 2) >= _GRID_ROWS


def is_container(rows: list[tuple[Any, bool]]) -> bool:
    """A table that frames a page rather than holding the document's rows and columns."""
    if table_width(rows) <= 1:
        return True
    cells = [c for tr, _ in rows for c in row_cells(tr)]
    if any(_holds_page(c) for c in cells):
        return True
    return any(_has_heading(c) for c in cells) and not is_data_grid(rows)


def _cell_lines(walker: Walker, cell: Any, style: TextStyle) -> list[CellLine]:
    sink = Sink(walker.counter)
    walker.walk(cell, style, sink, in_cell=True)
    return [
        CellLine(text=t.text, line=t.number, bold=t.bold, hard_break=k > 0)
        for k, t in enumerate(sink.texts())
    ]


def _flat_text(walker: Walker, cell: Any, style: TextStyle) -> str:
    """A nested cell's text on one line; its lines are not numbered (the outer line is)."""
    scratch = Walker()
    scratch.hidden = walker.hidden
    sink = Sink(scratch.counter)
    scratch.walk(cell, style, sink, in_cell=True)
    walker.furniture.extend(scratch.furniture)
    return " ".join(t.text for t in sink.texts())


def _flatten(walker: Walker, rows: list[tuple[Any, bool]], style: TextStyle, sink: Sink) -> None:
    for tr, _ in rows:
        texts = [_flat_text(walker, c, style) for c in row_cells(tr)]
        sink.add(" ".join(t for t in texts if t), style)
        sink.flush()


@dataclass(slots=True)
class _Carried:
    """A rowspan cell seen in an earlier row: how many rows it still covers, and its width."""

    rows_left: int
    width: int


def _fill_carried(cells: list[GridCell], carried: dict[int, _Carried], column: int) -> int:
    """Empty cells where rowspan cells from above stand at `column`; returns the next column."""
    while column in carried:
        span_cell = carried[column]
        cells.append(GridCell(colspan=span_cell.width))
        span_cell.rows_left -= 1
        if span_cell.rows_left <= 0:
            del carried[column]
        column += span_cell.width
    return column


def _grid(walker: Walker, rows: list[tuple[Any, bool]], style: TextStyle) -> Grid:
    carried: dict[int, _Carried] = {}  # by the column a rowspan cell starts at
    out: list[GridRow] = []
    for r, (tr, in_head) in enumerate(rows):
        cells: list[GridCell] = []
        column = 0
        sources = row_cells(tr)
        for el in sources:
            column = _fill_carried(cells, carried, column)
            cs = span(el, "colspan", _MAX_SPAN)
            rs = span(el, "rowspan", len(rows) - r)
            cells.append(GridCell(lines=_cell_lines(walker, el, style), colspan=cs))
            if rs > 1:
                carried[column] = _Carried(rows_left=rs - 1, width=cs)
            column += cs
        for start in sorted(k for k in carried if k >= column):
            if start > column:
                cells.append(GridCell(colspan=start - column))
            column = _fill_carried(cells, carried, start)
        header = in_head or (bool(sources) and all(tag_of(c) == "th" for c in sources))
        if any(c.text for c in cells):
            out.append(GridRow(cells=cells, is_header=header))
    return Grid(rows=out)


def table_grid(walker: Walker, table: Any, style: TextStyle) -> Grid:
    """A `<table>` element as a Grid, without asking whether it frames a page: for a caller that
    knows it holds a document's table (markdown's raw HTML tables, where a cell's `<h4>` is a Word
    heading style kept by the converter, not a site's section)."""
    return _grid(walker, table_rows(table), style)


def read_table(walker: Walker, table: Any, style: TextStyle, sink: Sink, in_cell: bool) -> None:
    rows = table_rows(table)
    if not rows:
        return
    if is_container(rows):
        for tr, _ in rows:
            for cell in row_cells(tr):
                walker.walk(cell, style, sink, in_cell)
        return
    if in_cell:
        _flatten(walker, rows, style, sink)
        return
    grid = _grid(walker, rows, style)
    if grid.rows:
        sink.flush()
        sink.entries.append(grid)
