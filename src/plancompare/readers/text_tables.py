"""Tables in text formats, whatever their serialization, turned into `Grid`s.

- one cell per line closed by a bare `|` line (web copies; `cell_lines`)
- GFM pipe tables, with or without the outer pipes and the `|---|` delimiter row
- rows written `cell | cell | cell` (text exports of DOCX and PDF)
- tab-separated rows
- pandoc's grid tables (`grid_tables`), simple and multiline tables (`dash_tables`)

A run of such lines is one table; blank lines inside it are page gaps and keep it open. Each row's
cells may carry HTML (`<br>`, `<b>`: markdown converted from PDF) or `**bold**`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import warning_codes as codes
from ..model.warnings import ParseWarning
from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from ..text.normalize import non_space_len
from .aligned import Memo, read_aligned
from .cell_lines import is_separator, read_cell_region
from .dash_tables import read_dash_table
from .document import Furniture, FurnitureKind, Item
from .grid import CellLine, Grid, GridCell, GridRow, grid_items
from .grid_tables import is_rule_line, read_grid_table
from .html_cells import cell_pieces, is_bold_cell
from .markup import strip_emphasis
from .site import SiteBounds

_OUTER_PIPES = rx.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = rx.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?\|?\s*$")
_PIPE_SPLIT = rx.compile(r"(?<!\\)\|")
# "a | b": a pipe with text on both sides (a text export of a table or of a side-by-side header)
_HEADER_ROWS = 2  # where a header row may stand: first, or after an empty row
_INNER_PIPE = rx.compile(r"\S\s*(?<!\\)\|\s*\S")


def row_cells(raw: str) -> list[str] | None:
    """The raw cells of a table row, or None when the line is not one."""
    if raw.count("\t") >= 2:
        return raw.split("\t")
    stripped = raw.strip()
    if _OUTER_PIPES.match(raw) and raw.count("|") >= 3:
        return [c.replace("\\|", "|") for c in _PIPE_SPLIT.split(stripped[1:-1])]
    if _INNER_PIPE.search(stripped) and not stripped.startswith(("|", "-", "+")):
        return [c.replace("\\|", "|") for c in _PIPE_SPLIT.split(stripped.strip("|"))]
    if raw.count("\t") == 1 and all(p.strip() for p in raw.split("\t")):
        return raw.split("\t")
    return None


def loose_row_cells(raw: str, width: int = 0) -> list[str] | None:
    """Inside a run of `a | b` rows, a row may open with an empty cell (" | Độc lập - Tự do") or a
    list dash ("- Lưu: VT. | PHÓ THỦ TƯỚNG"): any line with an unescaped pipe is a row there."""
    stripped = raw.strip()
    if not _PIPE_SPLIT.search(stripped) or _PIPE_RULE.match(raw):
        return None
    cells = _PIPE_SPLIT.split(stripped)
    if stripped.startswith("|") and stripped.endswith("|") and len(cells) != width:
        # outer pipes, unless the run's rows have as many cells as the pieces: then the pipes
        # at the ends stand for empty first and last cells (" | TITLE | | |")
        cells = cells[1:-1]
    return [c.replace("\\|", "|") for c in cells]


def _cell(raw: str, line: int, start: int, end: int) -> GridCell:
    bold = is_bold_cell(raw) or "**" in raw
    return GridCell(
        lines=[
            CellLine(
                text=p.text, line=line, bold=bold, char_start=start, char_end=end, hard_break=p.hard_break
            )
            for p in cell_pieces(strip_emphasis(raw))
        ]
    )


@dataclass(slots=True)
class FoundTable:
    items: list[Item]
    resume: int  # index of the first line after the table
    warnings: list[ParseWarning] = field(default_factory=list)


class TableScanner:
    """Finds the table that starts at a line, for the markdown and text readers alike."""

    def __init__(
        self,
        lines: list[str],
        offsets: list[int],
        end: int | None = None,
        skip: frozenset[int] = frozenset(),
        aligned: bool = False,
        layout: LayoutSettings = DEFAULT_LAYOUT,
        markdown: bool = False,
        smart: bool = False,
    ) -> None:
        self.layout = layout
        self.markdown = markdown  # cells carry markdown (emphasis, backslash escapes)
        self.smart = smart  # pandoc's `--` and `...` for dashes and ellipses
        self.lines = lines
        self.offsets = offsets
        self.end = len(lines) if end is None else end
        self.skip = skip  # page furniture: read through as if absent
        self.aligned = aligned  # also columns aligned with spaces (plain text: pdftotext -layout)
        self.aligned_memo = Memo()

    def table_at(self, i: int) -> FoundTable | None:
        raw = self.lines[i]
        if is_rule_line(raw):
            return self._grid_table(i)
        dashed = read_dash_table(self.lines, i, self.end, self.offsets, self.markdown, self.smart)
        if dashed is not None:
            return FoundTable(items=grid_items(dashed.grid, self.layout), resume=dashed.resume)
        if is_separator(raw):
            return self._cells_region(i)
        if row_cells(raw) is not None:
            return self._row_run(i)
        if self.aligned:
            return self._aligned_at(i)
        return None

    def _aligned_at(self, i: int) -> FoundTable | None:
        table = read_aligned(self.lines, i, self.end, self.offsets, self.aligned_memo)
        return (
            None
            if table is None
            else FoundTable(items=grid_items(table.grid, self.layout), resume=table.resume)
        )

    def _grid_table(self, i: int) -> FoundTable | None:
        table = read_grid_table(self.lines, i, self.end, self.offsets, self.markdown, self.smart)
        if table is None:
            return None
        return FoundTable(items=grid_items(table.grid, self.layout), resume=table.resume)

    def _cells_region(self, i: int) -> FoundTable:
        region = read_cell_region(self.lines[: self.end], i, self.offsets, self.skip, self.layout)
        warnings = []
        if region.gaps:
            warnings.append(
                ParseWarning(
                    code=codes.TABLE_GAP,
                    message=f"the table at line {i + 1} has {region.gaps} gap(s) where the copy lost rows "
                    "('…....' instead of a row boundary); rows after a gap may lack their group",
                )
            )
        items = grid_items(region.grid, self.layout)
        return FoundTable(items=items, resume=max(region.resume, i + 1), warnings=warnings)

    def _row_run(self, i: int) -> FoundTable:
        rows: list[GridRow] = []
        k = i
        last_row = i
        while k < self.end:
            raw = self.lines[k]
            if not raw.strip() or k in self.skip:
                k += 1
                continue
            if _PIPE_RULE.match(raw):
                last_row = k
                k += 1
                continue
            width = len(rows[0].cells) if rows else 0
            cells = row_cells(raw)
            if k > i and (cells is None or len(cells) != width):
                cells = loose_row_cells(raw, width) or cells  # the run's rows say how to split
            if cells is None:
                break
            start = self.offsets[k]
            rows.append(GridRow(cells=[_cell(c, k + 1, start, start + len(raw)) for c in cells]))
            last_row = k
            k += 1
        return FoundTable(items=grid_items(Grid(rows=under_spans(rows)), self.layout), resume=last_row + 1)


def spanned_columns(header: GridRow) -> list[int]:
    """Columns under a header cell that spans (a filled cell followed by empty ones: a pipe table
    writes a colspan as empty cells after it)."""
    out: list[int] = []
    cells = header.cells
    for k in range(1, len(cells)):
        spans = not cells[k].text and (bool(cells[k - 1].text) or (bool(out) and out[-1] == k - 1))
        if spans:
            out.extend([k - 1, k] if not out or out[-1] != k - 1 else [k])
    return out


def under_spans(rows: list[GridRow]) -> list[GridRow]:
    """A two-row header whose rowspans a converter dropped (markdownify: `| STT | Nội dung | Cơ quan
    thực hiện | | Thời hạn |` then `| Chủ trì | Phối hợp |`): the short second row's cells stand
    under the spanning header cells, not at the left. The header may follow an empty first row
    (markitdown writes one when the table has no `<th>`)."""
    for k in range(min(_HEADER_ROWS, len(rows) - 1)):
        header, short = rows[k], rows[k + 1]
        width = len(header.cells)
        columns = spanned_columns(header)
        if columns and len(short.cells) < width and len(short.cells) == len(columns):
            cells = [GridCell() for _ in range(width)]
            for column, cell in zip(columns, short.cells, strict=True):
                cells[column] = cell
            return [*rows[: k + 1], GridRow(cells=cells, is_header=short.is_header), *rows[k + 2 :]]
    return rows


def page_furniture_lines(lines: list[str], skip: frozenset[int]) -> list[Furniture]:
    return [
        Furniture(text=" ".join(lines[k].split()), line=k + 1, kind=FurnitureKind.PAGE) for k in sorted(skip)
    ]


def site_furniture(lines: list[str], bounds: SiteBounds) -> list[Furniture]:
    """The lines outside the document (a website's), kept for accounting."""
    outside = [*range(bounds.start), *range(bounds.end, len(lines))]
    return [
        Furniture(text=" ".join(lines[k].split()), line=k + 1, kind=FurnitureKind.SITE)
        for k in outside
        if lines[k].strip() and not is_separator(lines[k])
    ]


def furniture_chars(furniture: list[Furniture]) -> int:
    return sum(non_space_len(f.text) for f in furniture)
