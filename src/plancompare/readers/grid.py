"""One table model for every serialization.

Each reader that finds a table — a web copy's one-cell-per-line layout, a pipe or tab table, an
HTML `<table>`, columns aligned with spaces — describes it as a `Grid`: rows of cells, each cell
holding the source lines it came from. `grid_items` then decides, the same way for all of them,
whether the grid only places text side by side (the header's issuer | Quốc hiệu, the Nơi nhận |
signature block: it becomes lines read column by column) or holds content (it becomes a `Table`).
No later stage knows which serialization a table came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from ..text.normalize import non_space_len
from .document import Item, Line, Table, TableRow

# A source line that opens a list item inside a cell keeps its line break; any other break inside
# a cell is a soft wrap (web copies wrap cells at ~50 characters, even inside a unit name).
_ITEM_START = rx.compile(r"^\s*(?:[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)")


@dataclass(slots=True)
class CellLine:
    text: str  # markup removed, NFC
    line: int  # 1-based source line
    bold: bool = False
    char_start: int | None = None
    char_end: int | None = None
    hard_break: bool = False  # the source breaks the line here (<br>, a new paragraph in the cell)
    continues: bool = False  # an emphasis span runs on to the next line: the break is a wrap


@dataclass(slots=True)
class GridCell:
    lines: list[CellLine] = field(default_factory=list)
    colspan: int = 1

    @property
    def text(self) -> str:
        return cell_text(self.lines)

    @property
    def bold(self) -> bool:
        filled = [ln for ln in self.lines if ln.text.strip()]
        return bool(filled) and all(ln.bold for ln in filled)


@dataclass(slots=True)
class GridRow:
    cells: list[GridCell]
    is_header: bool = False
    page: int | None = None

    def lines(self) -> list[CellLine]:
        return [ln for cell in self.cells for ln in cell.lines]


@dataclass(slots=True)
class Grid:
    rows: list[GridRow]
    page: int | None = None


def cell_text(lines: list[CellLine]) -> str:
    """Join a cell's source lines: a break before a list item stays, other breaks are soft wraps."""
    out = ""
    for ln in lines:
        t = " ".join(ln.text.split())
        if not t:
            continue
        if not out:
            out = t
        elif ln.hard_break or _ITEM_START.match(t):
            out += "\n" + t
        else:
            out += " " + t
    return out


def expand_spans(row: GridRow, width: int) -> list[GridCell]:
    """Cells placed on the grid's columns: a cell spanning k columns fills the first and leaves
    k-1 empty; a short row (a group heading written as 'I | TITLE') is padded on the right."""
    out: list[GridCell] = []
    for cell in row.cells:
        out.append(cell)
        out.extend(GridCell() for _ in range(max(cell.colspan, 1) - 1))
    out.extend(GridCell() for _ in range(width - len(out)))
    return out[: max(width, len(out))]


def is_layout(grid: Grid, settings: LayoutSettings = DEFAULT_LAYOUT) -> bool:
    """A grid that only places text side by side: at most 3 rows and 2 columns holding text.

    The same test the DOCX reader applies to Word tables: the header (issuer | Quốc hiệu, Số |
    place and date) and the closing (Nơi nhận | signature) are written this way."""
    if not grid.rows:
        return False
    if any(_NUMBER_HEADER.match(cell.text) for row in grid.rows for cell in row.cells):
        return False  # "STT | Nội dung": a small table of content
    if len(grid.rows) > settings.layout_max_rows and not _has_block_cue(grid):
        return False
    used = {k for row in grid.rows for k, cell in enumerate(row.cells) if cell.text}
    return len(used) <= settings.layout_max_columns


def _layout_lines(grid: Grid) -> list[Line]:
    used = sorted({k for row in grid.rows for k, cell in enumerate(row.cells) if cell.text})
    out: list[Line] = []
    for number, k in enumerate(used, start=1):
        column = number if len(used) == 2 else 0
        for row in grid.rows:
            if k >= len(row.cells):
                continue
            for group in _wrapped(row.cells[k].lines):
                text = " ".join(" ".join(ln.text for ln in group).split())
                if text and not _is_rule(text):
                    out.append(
                        Line(
                            text=text,
                            line=group[0].line,
                            page=row.page if row.page is not None else grid.page,
                            bold=group[0].bold,
                            column=column,
                            char_start=group[0].char_start,
                            char_end=group[-1].char_end,
                        )
                    )
    return out


def _wrapped(lines: list[CellLine]) -> list[list[CellLine]]:
    """Source lines joined where an emphasis span wraps ("**CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM**")."""
    groups: list[list[CellLine]] = []
    for ln in lines:
        if groups and groups[-1][-1].continues:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


# A side-by-side block written one line per row (a text export: "Nơi nhận: | TM. CHÍNH PHỦ") has
# as many rows as lines; its cells say what it is.
_BLOCK_CUE = rx.compile(
    r"^(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN|Nơi\s+nhận|(?:TM|KT|TL|TUQ|T/M|K/T)\s*\.?\s+\p{Lu}|Số\s*:)",
    regex.IGNORECASE,
)


def _has_block_cue(grid: Grid) -> bool:
    return any(_BLOCK_CUE.match(cell.text) for row in grid.rows[:3] for cell in row.cells)


_NUMBER_HEADER = rx.compile(r"^(?:S?TT|Số TT)$", regex.IGNORECASE)
_RULE = rx.compile(r"^[-_=–—.…\s]{3,}$")


def _is_rule(text: str) -> bool:
    """'--------' under the issuer and the Quốc hiệu: a drawn line, not text."""
    return bool(_RULE.match(text))


def _table(grid: Grid) -> Table:
    width = max((sum(max(c.colspan, 1) for c in row.cells) for row in grid.rows), default=0)
    rows: list[TableRow] = []
    for row in grid.rows:
        cells = expand_spans(row, width)
        src = [ln for ln in row.lines() if ln.text.strip()] or row.lines()
        first, last = (src[0], src[-1]) if src else (None, None)
        rows.append(
            TableRow(
                cells=[c.text for c in cells],
                line=first.line if first else 0,
                line_end=last.line if last else None,
                page=row.page if row.page is not None else grid.page,
                is_header=row.is_header,
                char_start=first.char_start if first else None,
                char_end=last.char_end if last else None,
            )
        )
    return Table(rows=rows, page=grid.page, line=rows[0].line if rows else 0)


def grid_items(grid: Grid, settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Item]:
    """The items a grid contributes to a RawDocument: lines for a layout grid, else one Table."""
    if not grid.rows:
        return []
    if is_layout(grid, settings):
        return list(_layout_lines(grid))
    return [_table(grid)]


def grid_chars(items: list[Item]) -> int:
    """Non-space characters of what `grid_items` produced (for RawDocument.total_chars)."""
    total = 0
    for it in items:
        if isinstance(it, Line):
            total += non_space_len(it.text)
        else:
            total += sum(non_space_len(c) for r in it.rows for c in r.cells)
    return total
