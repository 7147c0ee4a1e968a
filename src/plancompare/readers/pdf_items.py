"""A PDF's pages as the reader's items: each page's lines and tables in reading order
(`assemble_page`, also used for OCR pages), then lines numbered, body margins found, and lines that
continue across a page or a column joined (`to_items`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..model.warnings import ParseWarning
from ..text import rx
from ..text.normalize import nfc, non_space_len, squash_spaces
from . import legacy
from .document import Item, Line, Table, TableRow
from .pdf_layout import Block, Placed, Word, build_lines, layout_lines
from .pdf_tables import FilledRow, GridTable, fill_table, inside

_PAGE_NUMBER = rx.compile(
    r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", regex.IGNORECASE
)
_SUSPECT_LEGACY = rx.compile(
    r"[\u00a1-\u00ae\u00b5-\u00be\u00c6-\u00cb\u00ce-\u00d1\u00d7-\u00df\u00e4-\u00e8\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f9\u00fb-\u00fe]"
)


@dataclass(slots=True)
class PageTable:
    table: GridTable
    rows: list[FilledRow]

    @property
    def top(self) -> float:
        return self.table.bbox[1]


PageItem = Block | PageTable


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    items: list[PageItem]


def assemble_page(
    number: int, words: list[Word], tables: list[GridTable], width: float, height: float
) -> PageContent:
    """Lines and tables of one page, in reading order; text inside a table is not a line."""
    free = [w for w in words if not any(inside(w, t.bbox, pad=0.5) for t in tables)]
    blocks = layout_lines(build_lines(free), width)
    _drop_page_numbers(blocks, height)
    items: list[PageItem] = [b for b in blocks if b.lines]
    for table in tables:
        members = [w for w in words if inside(w, table.bbox, pad=0.5)]
        items.append(PageTable(table, fill_table(table, members)))
    items.sort(key=lambda it: it.top)
    return PageContent(number, width, height, items)


def _drop_page_numbers(blocks: list[Block], height: float) -> None:
    # A bare number in the top or bottom margin is the page number; left in, the structure stage
    # would read it as an item number or split a table that continues across the page.
    singles = [b for b in blocks if len(b.lines) == 1 and b.lines[0].column == 0]
    if not singles:
        return
    tops = sorted(blocks, key=lambda b: b.top)
    for b in {id(tops[0]): tops[0], id(tops[-1]): tops[-1]}.values():
        if not b.lines:
            continue
        line = b.lines[0]
        if (
            b in singles
            and _PAGE_NUMBER.match(line.text)
            and (line.bottom < 0.12 * height or line.top > 0.88 * height)
        ):
            b.lines.clear()


@dataclass(slots=True)
class _Region:
    x0: float
    x1: float


def _caps(text: str) -> bool | None:
    letters = [ch for ch in text if ch.isalpha()]
    return None if not letters else all(ch.isupper() for ch in letters)


def _body_regions(pages: list[PageContent]) -> dict[bool, _Region]:
    """Text body extents per orientation: the usual left edge, and the right edge justified
    lines share (or a high percentile when the text is ragged)."""
    out: dict[bool, _Region] = {}
    for landscape in (False, True):
        x0s: list[float] = []
        x1s: list[float] = []
        for p in pages:
            if (p.width > p.height) != landscape:
                continue
            for it in p.items:
                if isinstance(it, Block):
                    for pl in it.lines:
                        if pl.column == 0:
                            x0s.append(pl.x0)
                            x1s.append(pl.x1)
        if x0s:
            out[landscape] = _Region(_edge(x0s, low=True), _edge(x1s, low=False))
    return out


def _edge(values: list[float], low: bool) -> float:
    counts = Counter(round(v / 3) for v in values)
    mode, count = counts.most_common(1)[0]
    if count >= 0.2 * len(values):
        near = [v for v in values if abs(round(v / 3) - mode) <= 1]
        return min(near) if low else max(near)
    ordered = sorted(values)
    k = len(ordered) // 10
    return ordered[k] if low else ordered[len(ordered) - 1 - k]


def to_items(pages: list[PageContent], warnings: list[ParseWarning]) -> tuple[list[Item], int]:
    """Number lines per page, add alignment cues, and keep a table that runs on as one item."""
    regions = _body_regions(pages)
    items: list[Item] = []
    total = 0
    last: dict[int, tuple[Placed, bool]] = {}  # column -> (previous line, it ran to the edge)
    for page in pages:
        landscape = page.width > page.height
        region = regions.get(landscape) or _Region(0.0, page.width)
        counter = 0
        first_on_page = True
        for it in page.items:
            if isinstance(it, Block):
                for pl in it.lines:
                    text = _clean(pl.text)
                    if not text:
                        continue
                    counter += 1
                    total += non_space_len(text)
                    line, full = _line(pl, text, page.number, counter, region)
                    previous = last.get(pl.column)
                    line.soft_wrap = _continues(previous, pl, line, region)
                    last[pl.column] = (pl, full)
                    items.append(line)
                first_on_page = False
                continue
            last.clear()
            rows: list[TableRow] = []
            for fr in it.rows:
                cells = [_clean_cell(c) for c in fr.cells]
                total += sum(non_space_len(c) for c in cells)
                rows.append(
                    TableRow(
                        cells=cells,
                        line=counter + 1,
                        line_end=counter + fr.nlines,
                        page=page.number,
                        bbox=fr.bbox,
                    )
                )
                counter += fr.nlines
            if not rows:
                continue
            previous_item = items[-1] if items else None
            if (
                first_on_page
                and isinstance(previous_item, Table)
                and previous_item.rows
                and len(previous_item.rows[-1].cells) == len(rows[0].cells)
                and previous_item.rows[-1].page != page.number
            ):
                rows[0].opens_page = True
                previous_item.rows.extend(rows)
            else:
                items.append(Table(rows=rows, page=page.number, line=rows[0].line))
            first_on_page = False
    return items, total


def _continues(previous: tuple[Placed, bool] | None, pl: Placed, line: Line, body: _Region) -> bool | None:
    """Whether this line carries on the paragraph of the previous line in its column: the first
    word of this line would not have fitted at the end of the previous one, the lines are
    close, and this one has no first-line indent."""
    if previous is None:
        return None
    prev, _ = previous
    if line.align == "center":
        return False
    em = max(pl.size, 6.0)
    if 0 <= pl.top - prev.bottom > 1.2 * em:
        return False
    if _caps(prev.text) != _caps(pl.text):
        return False  # a wrapped paragraph does not switch between capitals and lower case
    if pl.bounds is not None and abs(pl.x0 - prev.x0) > 2.0:
        # Centred text in a column: it wrapped if the next word would not have fitted in the
        # column's space (the cell is narrower than the gutter by its padding: allow 2 em).
        room = (pl.bounds[1] - pl.bounds[0]) - (prev.x1 - prev.x0) - 2 * em
        return pl.first_width + 0.3 * em > room
    limit = pl.bounds[1] if pl.bounds is not None else body.x1
    left = pl.region[0] if pl.region is not None else body.x0
    wrapped = prev.x1 + 0.3 * em + pl.first_width > limit - 0.5 * em
    return wrapped and pl.x0 - left <= 0.6 * em


def _clean(text: str) -> str:
    fixed, _ = _maybe_legacy(text)
    return squash_spaces(nfc(fixed))


def _clean_cell(text: str) -> str:
    fixed, _ = _maybe_legacy(text)
    return "\n".join(squash_spaces(part) for part in nfc(fixed).split("\n") if part.strip())


def _maybe_legacy(text: str) -> tuple[str, legacy.Encoding | None]:
    # Legacy text in a font whose name does not give it away: only score lines that contain
    # the characters such text is made of.
    if not _SUSPECT_LEGACY.search(text):
        return text, None
    return legacy.fix_text(text)


def _line(pl: Placed, text: str, page: int, number: int, body: _Region) -> tuple[Line, bool]:
    x0, x1 = pl.region if pl.region is not None else (body.x0, body.x1)
    width = max(x1 - x0, 1.0)
    em = max(pl.size, 6.0)
    center = (pl.x0 + pl.x1) / 2
    align: str | None = None
    full = pl.x0 - x0 <= em and x1 - pl.x1 <= 1.5 * em
    tol = max((0.08 if pl.region is not None else 0.03) * width, 6.0)
    gap_left, gap_right = pl.x0 - x0, x1 - pl.x1
    if gap_left > em and gap_right > em and abs(center - (x0 + x1) / 2) <= tol:
        align = "center"
    elif not full and x1 - pl.x1 <= 0.5 * em and pl.x0 - x0 > 0.3 * width:
        align = "right"
    elif pl.x0 - x0 <= 0.5 * em:
        align = "left"
    line = Line(
        text=text,
        line=number,
        page=page,
        bold=pl.bold,
        indent=max(0, round(pl.x0 - (body.x0 if pl.column != 2 else x0))),
        align=align,
        bbox=(round(pl.x0, 1), round(pl.top, 1), round(pl.x1, 1), round(pl.bottom, 1)),
        column=pl.column,
    )
    return line, x1 - pl.x1 <= 1.5 * em and align != "center"
