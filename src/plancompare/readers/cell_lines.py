"""Web copies: every table cell on its own line(s), closed by a line holding only `|`.

Copying a table from a legal-document website (or saving it through some converters) writes

    |            <- opens a row
    **TT**       <- a cell, hard-wrapped over as many lines as it needs
    |            <- closes the cell
    **Nội dung**
    |
    |            <- closes the row's last cell; the next `|` opens the next row
    |
    1
    …

so the text between two `|` lines is one cell, an empty cell is two `|` lines in a row, and two
`|` lines in a row are also the boundary between rows. Rows are therefore rebuilt from the number
of cells a row has (found from the data, see `_best_width`), never from blank lines. A row may be
shorter than the table (a group heading "I | TITLE" spans the other columns). A table ends when a
row's closing `|` is not followed by another `|` (text follows), at a blank line, or at the end.
A cell of dots only ("…....") stands where a copy lost rows: it is read as a row boundary and
reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from .grid import CellLine, Grid, GridCell, GridRow
from .markup import MarkupState, strip_markup

_GAP = rx.compile(r"^[.…·_\s]{4,}$")


def is_separator(raw: str) -> bool:
    return raw.strip() == "|"


@dataclass(slots=True)
class Segment:
    """The lines between two separator lines."""

    lines: list[CellLine]
    first: int  # index (0-based) of the segment's first source line
    end: int  # index just past its last line (the closing separator's index)

    @property
    def empty(self) -> bool:
        return not any(ln.text.strip() for ln in self.lines)

    @property
    def gap(self) -> bool:
        texts = [ln.text for ln in self.lines if ln.text.strip()]
        return bool(texts) and all(_GAP.match(t) for t in texts)


@dataclass(slots=True)
class CellRegion:
    """A table read from `start` (its first separator) to `end` (exclusive), and where plain text
    resumes (`resume`), which may be before `end` when a row's boundary held text."""

    grid: Grid
    start: int
    resume: int
    gaps: int = 0


def _segments(
    raw: list[str], start: int, offsets: list[int], skip: frozenset[int], settings: LayoutSettings
) -> list[Segment]:
    """Segments after the separator at `start`, up to a blank line, a non-separated end or EOF."""
    out: list[Segment] = []
    i = start + 1
    while i <= len(raw):
        state = MarkupState()
        lines: list[CellLine] = []
        j = i
        blank = False
        while j < len(raw) and not is_separator(raw[j]):
            if j in skip:  # a running header inside a cell: read through it
                j += 1
                continue
            if not raw[j].strip():
                blank = True
                break
            text, bold = strip_markup(raw[j], state)
            s = offsets[j]
            lines.append(
                CellLine(
                    text=text,
                    line=j + 1,
                    bold=bold,
                    char_start=s,
                    char_end=s + len(raw[j]),
                    continues=state.open,
                )
            )
            j += 1
        if len(lines) > settings.max_cell_lines or (out and _opens_text(lines)):
            break  # no cell is this long, or opens a part: the document's text resumes here
        if blank or j >= len(raw):
            if lines:  # text up to a blank line or the end: the last cell (a table cut by the copy)
                out.append(Segment(lines=lines, first=i, end=j))
            break
        out.append(Segment(lines=lines, first=i, end=j))
        i = j + 1
    return out


_PART_OPENER = rx.compile(
    r"^(?:PHỤ\s*LỤC|KẾ\s*HOẠCH|QUYẾT\s*ĐỊNH|NGHỊ\s*QUYẾT|CHƯƠNG\s*TRÌNH|CHỈ\s*THỊ|BÁO\s*CÁO"
    r"|HƯỚNG\s*DẪN|KẾT\s*LUẬN|THÔNG\s*BÁO|ĐỀ\s*ÁN|TỜ\s*TRÌNH|QUY\s*ĐỊNH|ĐIỀU\s*LỆ)\b"
)


def _opens_text(lines: list[CellLine]) -> bool:
    """A segment that starts with a part's title in capitals ("PHỤ LỤC", "KẾ HOẠCH") is the
    document's text resuming after a table whose closing `|` had no `|` after it, not a cell."""
    first = next((ln.text for ln in lines if ln.text.strip()), "")
    return bool(_PART_OPENER.match(first)) and first == first.upper()


def _rows(segs: list[Segment], width: int) -> tuple[list[list[Segment]], int, int]:
    """Rows of at most `width` cells; returns (rows, segments consumed, gaps)."""

    def closes(k: int) -> bool:
        return k >= len(segs) or segs[k].empty or segs[k].gap

    def full_at(p: int) -> bool:
        return p + width <= len(segs) and closes(p + width)

    rows: list[list[Segment]] = []
    gaps = 0
    p = 0
    while p < len(segs):
        if full_at(p):
            rows.append(segs[p : p + width])
            gaps += p + width < len(segs) and segs[p + width].gap
            p += width + 1
            continue
        short = next(
            (
                k
                for k in range(1, width)
                if p + k < len(segs) and closes(p + k) and (p + k + 1 >= len(segs) or full_at(p + k + 1))
            ),
            None,
        )
        if short is not None:
            rows.append(segs[p : p + short])
            p += short + 1
            continue
        if p + width > len(segs):  # the copy ends inside a row: keep what is there
            rows.append(segs[p:])
            p = len(segs)
            break
        if rows:
            # text where the next row should open: the table ended (its closing `|` had no `|`
            # after it) and the document's own text resumes; the row before it is complete
            rows.append(segs[p : p + width])
            p += width
        break  # (no row at all: no table here; the lines are read as text)
    return rows, p, gaps


def _header_width(segs: list[Segment], most: int) -> int:
    """Cells per row: the header row's, i.e. the segments before the first empty one."""
    n = next((k for k, s in enumerate(segs) if s.empty), len(segs))
    return max(1, min(n, most))


def read_cell_region(
    raw: list[str],
    start: int,
    offsets: list[int],
    skip: frozenset[int] = frozenset(),
    settings: LayoutSettings = DEFAULT_LAYOUT,
) -> CellRegion:
    """Read the table whose first separator is at `raw[start]`."""
    segs = _segments(raw, start, offsets, skip, settings)
    if not segs:
        return CellRegion(grid=Grid(rows=[]), start=start, resume=start + 1)
    width = _header_width(segs, settings.max_columns)
    rows, used, gaps = _rows(segs, width)
    grid = Grid(rows=[GridRow(cells=[GridCell(lines=s.lines) for s in row]) for row in rows])
    if used >= len(segs):
        last = segs[-1]
        resume = last.end + 1 if last.end < len(raw) and is_separator(raw[last.end]) else last.end
    else:
        resume = segs[used].first
    return CellRegion(grid=grid, start=start, resume=resume, gaps=gaps)
