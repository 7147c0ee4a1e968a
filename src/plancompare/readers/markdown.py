"""Markdown, as converted from PDF or copied from a website: `#` headings (levels unreliable),
**bold**, *italic*, and tables in any of the serializations `text_tables` knows — tab-separated
rows, pipe tables with or without outer pipes, one cell per line closed by `|` (web copies) —
whose cells may carry HTML. Markup is removed and kept as cues; a website's furniture around the
document is set aside (`site`)."""

from __future__ import annotations

from ..model import warning_codes as codes
from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from ..text.normalize import line_offsets, nfc, split_lines
from . import markdown_html
from .document import Item, Line, RawDocument
from .grid import grid_chars
from .markup import (
    MarkupState,
    is_div_fence,
    looks_like_pandoc,
    pandoc_smart,
    protect_escapes,
    restore_escapes,
    strip_attributes,
    strip_markup,
    writes_escapes,
)
from .page_furniture import page_furniture
from .text_tables import TableScanner, furniture_chars, page_furniture_lines, site_furniture

_HEADING = rx.compile(r"^(#{1,6})\s+(.*)$")
# what opens a markdown block at a line start; pandoc escapes any of these it means as text
_BLOCK_START = rx.compile(r"^\s*(?:[-+*]\s|\d{1,9}[.)]\s|#{1,6}\s|>|\|)")


def _pandoc_wrap(previous: Item | None, raw: str) -> Line | None:
    """The line `raw` continues in pandoc's markdown, or None: pandoc separates every block by a
    blank line and escapes whatever could open one, so a line right below a paragraph's line that
    opens no markdown block is that paragraph wrapped ("… quy định tại" / "Điều 227 Bộ Luật …"
    is no article)."""
    if not isinstance(previous, Line) or previous.heading is not None or _BLOCK_START.match(raw):
        return None
    return previous


def _clean(stripped: str, state: MarkupState, smart: bool) -> tuple[str, bool]:
    """A line's text without markup: backslash escapes are literal characters (never emphasis or a
    list marker), a trailing backslash is a line break; pandoc's `--`, `...` read back (`smart`)."""
    guarded = protect_escapes(stripped).removesuffix("\\").rstrip()
    if smart:
        guarded = pandoc_smart(guarded)
    clean, bold = strip_markup(guarded, state)
    return restore_escapes(clean), bold


def trailing_spaces_mean_breaks(lines: list[str]) -> bool:
    """Two trailing spaces are markdown's line break, unless most lines carry trailing spaces (an
    editor's or a mail client's residue): then they say nothing."""
    filled = [x for x in lines if x.strip()]
    return sum(x.endswith("  ") for x in filled) < 0.5 * len(filled)


def read_markdown(text: str, source: SourceInfo, layout: LayoutSettings = DEFAULT_LAYOUT) -> RawDocument:
    source_lines = split_lines(nfc(text))
    offsets = line_offsets(source_lines)
    bounds = markdown_html.html_bounds(source_lines)  # the site rule over the text raw HTML shows
    skip = frozenset(page_furniture(source_lines, bounds.start, bounds.end, layout))
    skip -= markdown_html.raw_html_lines(source_lines, bounds.start, bounds.end)  # read below
    furniture = site_furniture(source_lines, bounds) + page_furniture_lines(source_lines, skip)
    pandoc = looks_like_pandoc(source_lines[bounds.start : bounds.end])  # also its plain text
    smart = pandoc and writes_escapes(source_lines[bounds.start : bounds.end])
    scanner = TableScanner(
        source_lines, offsets, end=bounds.end, skip=skip, layout=layout, markdown=True, smart=smart
    )
    items: list[Item] = []
    warnings: list[ParseWarning] = []
    state = MarkupState()
    blank_before = True
    hard_break = False
    html_break = False  # the last line ended with <br>
    # Markdown joins lines not separated by a blank line into one paragraph — unless the copy has
    # (almost) no blank lines at all, as web copies often do: then the breaks say nothing.
    inside = source_lines[bounds.start : bounds.end]
    blanks_mean_paragraphs = sum(not x.strip() for x in inside) >= 0.05 * len(inside)
    spaces_mean_breaks = trailing_spaces_mean_breaks(inside)
    i = bounds.start
    while i < bounds.end:
        block = markdown_html.html_block_at(source_lines, i, bounds.end, offsets, layout)
        if block is not None:  # raw HTML: a <table> (pandoc's for cells with paragraphs), a comment
            items.extend(block.items)
            furniture.extend(block.furniture)
            i = block.resume
            blank_before = True
            continue
        found = scanner.table_at(i)
        if found is not None:
            items.extend(found.items)
            warnings.extend(found.warnings)
            i = found.resume
            blank_before = True
            continue
        rule = markdown_html.page_rule_at(source_lines, i)
        if rule is not None:  # "-----" between pages (pymupdf4llm)
            furniture.append(rule)
            i += 1
            blank_before = True
            continue
        raw = source_lines[i]
        number = i + 1
        i += 1
        if number - 1 in skip:
            continue  # page furniture: the sentence around it joins up as if it were not there
        stripped = strip_attributes(raw.strip())
        if not stripped or is_div_fence(stripped):
            blank_before = True
            continue
        inline = markdown_html.inline_html(stripped)  # tags dropped (<strong> as **), entities decoded
        stripped, hard_break = inline.first, hard_break or html_break
        heading = None
        match = _HEADING.match(stripped)
        if match:
            heading = len(match.group(1))
            stripped = match.group(2).strip()
        clean, bold = _clean(stripped, state, smart)
        if not clean:
            continue
        wrapped = _pandoc_wrap(items[-1] if items else None, raw) if pandoc else None
        if wrapped is not None and heading is None and not blank_before and not hard_break:
            wrapped.text = f"{wrapped.text} {clean}"
            wrapped.bold = wrapped.bold and bold
            wrapped.char_end = offsets[number - 1] + len(raw)
            hard_break = raw.rstrip().endswith("\\")
            continue
        # Markdown joins lines not separated by a blank line into one paragraph.
        items.append(
            Line(
                text=clean,
                line=number,
                bold=bold or heading is not None,
                heading=heading,
                soft_wrap=None if blank_before or hard_break or not blanks_mean_paragraphs else True,
                char_start=offsets[number - 1],
                char_end=offsets[number - 1] + len(raw),
            )
        )
        items.extend(markdown_html.broken_lines(inline.rest, number, heading, offsets[number - 1], raw))
        html_break = inline.ends_with_break
        blank_before = False
        hard_break = (spaces_mean_breaks and raw.endswith("  ")) or raw.rstrip().endswith(
            "\\"
        )  # markdown's line break
    if skip:
        warnings.append(
            ParseWarning(
                code=codes.PAGE_FURNITURE,
                message=f"{len(skip)} line(s) of page furniture (running headers, page markers) were set aside",
            )
        )
    if bounds.hint:
        warnings.append(
            ParseWarning(
                code=codes.SITE_FURNITURE,
                message=f"{len(furniture)} line(s) of website furniture around the document were set aside",
            )
        )
    total = grid_chars(items) + furniture_chars(furniture)
    return RawDocument(
        source=source,
        items=items,
        total_chars=total,
        warnings=warnings,
        furniture=furniture,
        site_hint=bounds.hint,
    )
