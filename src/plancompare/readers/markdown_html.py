"""Raw HTML in markdown, as converters write it.

pandoc `-t gfm` writes a table it cannot draw with pipes (a cell holding several paragraphs: the
header's issuer | Quốc hiệu, the Nơi nhận | signature block, an appendix whose cells wrap) as a raw
`<table>` block over many lines, with `style` attributes, `<p>`, `<strong>`, `<br />` and Word's
heading styles (`<h4>`) inside cells. Other converters leave `<div>`/`<p>` wrappers, entities
(`&nbsp;`, `&amp;`), inline tags (`<sup>`, `<span …>`) and comments (`<!-- image -->`) in the text.

- A `<table>…</table>` block (indented, or after text on the same line) is read by the HTML
  reader's own table code (`html_grid.table_grid`) into a `Grid`, so `grid_items` makes layout
  lines or a Table of it as for any other serialization. Each cell line is numbered by the
  markdown line its first word stands on.
- A rule of dashes alone on its line (pymupdf4llm's page separator) and a comment block's text
  are set aside as page furniture: what the converter noted, not the document's text, yet counted.
- In a text line, inline tags are dropped (text kept), `<br>` ends a line, entities are decoded.

lxml is imported only when a document holds a raw `<table>`.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass, field
from typing import Any

import regex

from ..options import LayoutSettings
from ..text import rx
from ..text.normalize import nfc
from .document import Furniture, FurnitureKind, Item, Line
from .grid import CellLine, Grid, GridCell, GridRow, grid_items
from .markup import strip_emphasis
from .site import SiteBounds, document_bounds

_TABLE_OPEN = rx.compile(r"<table\b", regex.IGNORECASE)
_TABLE_TAG = rx.compile(r"<(/?)table\b[^<>]*>", regex.IGNORECASE)
# A rule of dashes alone on its line: pymupdf4llm's mark between pages ("-----"), a drawn line.
_PAGE_RULE = rx.compile(r"^ {0,3}-{3,}\s*$")
_COMMENT_OPEN = rx.compile(r"^\s*<!--")
_COMMENT_MARKS = rx.compile(r"<!--|-->")
_INLINE_COMMENT = rx.compile(r"<!--(.*?)(?:-->|$)")  # its text kept in the line: "A --> B" is no comment
_ANY_TAG = rx.compile(r"<[^<>]*>")
_BREAK = rx.compile(r"<br\s*/?>", regex.IGNORECASE)
# Only tags HTML has: "<tên cơ quan>" or "<Ten don vi>" in a form's text is the document's text.
_HTML_TAG = rx.compile(
    r"</?(?:a|abbr|b|big|blockquote|center|cite|code|dd|del|details|div|dl|dt|em|figcaption|figure|font"
    r"|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|samp|section|small|span|strike|strong|sub|summary|sup"
    r"|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|var|wbr|colgroup|col|caption)\b(?:\s[^<>]{0,400})?/?>",
    regex.IGNORECASE,
)
_ENTITY = rx.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NOT_NEWLINE = rx.compile(r"[^\n]")
_STRONG_OPEN = rx.compile(r"<(?:b|strong)\b[^<>]*>\s*", regex.IGNORECASE)
_STRONG_CLOSE = rx.compile(r"\s*</(?:b|strong)\s*>", regex.IGNORECASE)
_MD_BOLD_WHOLE = rx.compile(r"^\s*(\*\*|__).+\1\s*$")


@dataclass(slots=True)
class HtmlBlock:
    items: list[Item]
    resume: int  # index of the first line after the block
    furniture: list[Furniture] = field(default_factory=list)


@dataclass(slots=True)
class InlineText:
    first: str  # the text before the first `<br>`, markdown emphasis kept (`<strong>` as `**`)
    rest: list[str] = field(default_factory=list)  # the pieces after each `<br>`
    ends_with_break: bool = False  # a `<br>` closes the line: the next one is not its wrap


def decode_entities(text: str) -> str:
    """`&nbsp;` `&amp;` `&#273;` decoded; a bare `&` ("R&D") stays."""
    return str(_ENTITY.sub(lambda m: html.unescape(m.group(0)), text))


def inline_html(text: str) -> InlineText:
    """A markdown text line without its HTML: `<b>`/`<strong>` written as `**` (so the markdown
    rules read the bold cue), other tags dropped (text kept), entities decoded, split at `<br>`."""
    if "<" not in text and "&" not in text:
        return InlineText(first=text)
    text = _INLINE_COMMENT.sub(r" \1 ", text)
    text = _STRONG_CLOSE.sub("**", _STRONG_OPEN.sub("**", text))
    pieces = [" ".join(decode_entities(_HTML_TAG.sub(" ", p)).split()) for p in _BREAK.split(text)]
    ends = len(pieces) > 1 and not pieces[-1]
    filled = [p for p in pieces if p] or [""]  # a leading `<br>` breaks nothing
    return InlineText(first=filled[0], rest=filled[1:], ends_with_break=ends)


def plain_texts(text: str) -> list[str]:
    """The text of a piece of a line (before a raw table, after a comment): no tags, no emphasis."""
    inline = inline_html(text)
    texts = (" ".join(strip_emphasis(p).split()) for p in [inline.first, *inline.rest])
    return [t for t in texts if t]


def broken_lines(pieces: list[str], number: int, heading: int | None, start: int, raw: str) -> list[Line]:
    """The pieces of markdown line `number` after its first `<br>`, each a line of its own."""
    out: list[Line] = []
    for piece in pieces:
        text = " ".join(strip_emphasis(piece).split())
        if text:
            bold = bool(_MD_BOLD_WHOLE.match(piece)) or heading is not None
            out.append(
                Line(text, number, bold=bold, heading=heading, char_start=start, char_end=start + len(raw))
            )
    return out


@dataclass(slots=True)
class _Span:
    """Where a raw table block lies: from (first, start column) to (last, end column)."""

    first: int
    start: int
    last: int
    end: int


def table_end(lines: list[str], i: int, end: int) -> _Span | None:
    """The raw `<table>` block opening on line i, up to its matching `</table>` (tags may spread
    their attributes over several lines). Without one, the block ends at the first blank line, as
    CommonMark ends an HTML block."""
    m = _TABLE_OPEN.search(lines[i])
    if m is None or lines[i].lstrip().startswith("|"):
        return None
    text = "\n".join(lines[i:end])
    depth = 0
    for tag in _TABLE_TAG.finditer(text, m.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = tag.end()
            return _Span(
                i, m.start(), i + text.count("\n", 0, close), close - (text.rfind("\n", 0, close) + 1)
            )
    k = i + 1
    while k < end and lines[k].strip():
        k += 1
    return _Span(i, m.start(), k - 1, len(lines[k - 1]))


def visible_lines(lines: list[str]) -> list[str]:
    """The lines as a reader sees them: tags dropped, entities decoded (`<tr>` alone is blank)."""
    return [
        " ".join(decode_entities(_ANY_TAG.sub(" ", x)).split()) if "<" in x or "&" in x else x for x in lines
    ]


def html_bounds(lines: list[str]) -> SiteBounds:
    """The site rule (`site.document_bounds`) over the text raw HTML shows: a copied page run
    through pandoc has its header as a raw `<table>` whose cells hold the issuer and the Quốc
    hiệu. The document then opens with that table, not inside it."""
    if not any("<" in x for x in lines):
        return document_bounds(lines)
    bounds = document_bounds(visible_lines(lines))
    i = 0
    while i < bounds.start:
        span = table_end(lines, i, len(lines)) if "<" in lines[i] else None
        if span is not None and span.last >= bounds.start:
            return SiteBounds(start=span.first, end=max(bounds.end, span.last + 1), hint=bounds.hint)
        i = span.last + 1 if span is not None else i + 1
    return bounds


def raw_html_lines(lines: list[str], start: int, end: int) -> frozenset[int]:
    """Indexes of the lines inside raw `<table>` blocks and comment blocks: a table's `<td>…</td>`
    lines repeat with a growing number and must not be taken for running footers, and a comment's
    text is set aside once, by `html_block_at`."""
    out: set[int] = set()
    i = start
    while i < end:
        last = _block_last(lines, i, end) if "<" in lines[i] else None
        if last is None:
            i += 1
            continue
        out.update(range(i, last + 1))
        i = last + 1
    return frozenset(out)


def _block_last(lines: list[str], i: int, end: int) -> int | None:
    if _COMMENT_OPEN.match(lines[i]):
        return comment_end(lines, i, end)
    span = table_end(lines, i, end)
    return None if span is None else span.last


def comment_end(lines: list[str], i: int, end: int) -> int | None:
    """The line that closes the comment opening on line i; None when none does (an unclosed `<!--`
    is text: taken as a comment, it would swallow the rest of the document)."""
    opening = lines[i].index("<!--") + 4
    for k in range(i, end):
        if "-->" in lines[k][opening if k == i else 0 :]:
            return k
    return None


def html_block_at(
    lines: list[str], i: int, end: int, offsets: list[int], layout: LayoutSettings
) -> HtmlBlock | None:
    """The raw HTML block (a table, a comment) that starts at line i, or None."""
    raw = lines[i]
    if "<" not in raw:
        return None
    if _COMMENT_OPEN.match(raw):
        return _comment(lines, i, end)
    span = table_end(lines, i, end)
    return None if span is None else _table_block(lines, span, offsets, layout)


def page_rule_at(lines: list[str], i: int) -> Furniture | None:
    """A rule of dashes alone on line i that opens no table: page furniture."""
    return (
        Furniture(text=lines[i].strip(), line=i + 1, kind=FurnitureKind.PAGE)
        if _PAGE_RULE.match(lines[i])
        else None
    )


def _comment(lines: list[str], i: int, end: int) -> HtmlBlock | None:
    """A comment block, as page furniture; text after its end on the closing line stays text."""
    k = comment_end(lines, i, end)
    if k is None:
        return None
    close = lines[k].rindex("-->")
    body = [*lines[i:k], lines[k][:close]]
    furniture = [
        Furniture(text=text, line=i + n + 1, kind=FurnitureKind.PAGE)
        for n, part in enumerate(body)
        if (text := " ".join(_COMMENT_MARKS.sub(" ", part).split()))
    ]
    items: list[Item] = [Line(text=t, line=k + 1) for t in plain_texts(lines[k][close + 3 :])]
    return HtmlBlock(items=items, resume=k + 1, furniture=furniture)


class _Locator:
    """Finds, in reading order, the markdown line a piece of a table's text stands on: its first
    word searched in the block with the tags blanked out (entities may hide it: then the line of
    the piece before)."""

    def __init__(self, lines: list[str], span: _Span) -> None:
        raw = lines[span.first : span.last + 1]
        raw[-1] = raw[-1][: span.end]
        raw[0] = " " * span.start + raw[0][span.start :]
        self.text = _ANY_TAG.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group(0)), "\n".join(raw))
        self.starts = [0]
        for part in raw[:-1]:
            self.starts.append(self.starts[-1] + len(part) + 1)
        self.first = span.first
        self.cursor = 0
        self.line = span.first + 1

    def line_of(self, text: str) -> int:
        """1-based markdown line."""
        words = text.split()
        pos = self.text.find(words[0], self.cursor) if words else -1
        if pos >= 0:
            self.cursor = pos + len(words[0])
            self.line = self.first + bisect.bisect_right(self.starts, pos)
        return self.line


def _parse_table(html_text: str) -> Any | None:
    import lxml.etree
    import lxml.html

    try:
        element = lxml.html.fragment_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return None
    return element if element.tag == "table" else None


def _table_block(lines: list[str], span: _Span, offsets: list[int], layout: LayoutSettings) -> HtmlBlock:
    from .html_grid import table_grid, table_rows, table_width
    from .html_walk import Sink, TextStyle, Walker

    block = [lines[span.first][span.start :], *lines[span.first + 1 : span.last + 1]]
    block[-1] = block[-1][: span.end - (span.start if span.last == span.first else 0)]
    items: list[Item] = [
        Line(text=t, line=span.first + 1) for t in plain_texts(lines[span.first][: span.start])
    ]
    table = _parse_table(nfc("\n".join(block)))
    locate = _Locator(lines, span)
    hidden: list[Furniture] = []
    if table is None:  # not a table lxml can read: its text, tags stripped, is kept
        for k in range(span.first, span.last + 1):
            items.extend(Line(text=t, line=k + 1) for t in plain_texts(lines[k]))
    else:
        walker = Walker()
        if table_width(table_rows(table)) <= 1:  # a box around text: read through
            sink = Sink(walker.counter)
            walker.walk(table, TextStyle(), sink)
            sink.flush()
            entries = sink.entries
        else:
            entries = [table_grid(walker, table, TextStyle())]
        for entry in entries:
            if isinstance(entry, Grid):
                items.extend(grid_items(_located(entry, locate, lines, offsets), layout))
            else:
                n = locate.line_of(entry.text)
                start, stop = _chars(n, lines, offsets)
                items.append(
                    Line(
                        text=entry.text,
                        line=n,
                        bold=entry.bold,
                        align=entry.align,
                        char_start=start,
                        char_end=stop,
                    )
                )
        # hidden cells' text (display:none): set aside, as the HTML reader does
        hidden = [
            Furniture(text=t.text, line=span.first + 1, kind=FurnitureKind.SITE) for t in walker.furniture
        ]
    tail = lines[span.last][span.end :]
    items.extend(Line(text=t, line=span.last + 1) for t in plain_texts(tail))
    return HtmlBlock(items=items, resume=span.last + 1, furniture=hidden)


def _chars(n: int, lines: list[str], offsets: list[int]) -> tuple[int, int]:
    """The character span of markdown line n."""
    return offsets[n - 1], offsets[n - 1] + len(lines[n - 1])


def _located(grid: Grid, locate: _Locator, lines: list[str], offsets: list[int]) -> Grid:
    """The grid with each cell line numbered by its markdown line (the walker numbers text lines)."""
    rows = []
    for row in grid.rows:
        cells = []
        for cell in row.cells:
            located = []
            for ln in cell.lines:
                n = locate.line_of(ln.text)
                start, stop = _chars(n, lines, offsets)
                located.append(
                    CellLine(ln.text, n, ln.bold, char_start=start, char_end=stop, hard_break=ln.hard_break)
                )
            cells.append(GridCell(lines=located, colspan=cell.colspan))
        rows.append(GridRow(cells=cells, is_header=row.is_header))
    return Grid(rows=rows)
