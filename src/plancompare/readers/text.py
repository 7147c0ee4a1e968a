"""Plain text: one Line per non-blank source line, with its indentation. Unwrapping is done later,
in `structure.paragraphs`, because the same rules serve PDF text too. When the text separates its
paragraphs with blank lines (an e-mail, a copy from a web page or a word processor), a line under
another one is marked a soft wrap and a line after a blank line a paragraph start. Side-by-side blocks (header,
signature beside Nơi nhận) are read column by column (`text_columns`); tables in any text
serialization become grids (`text_tables`); a website's furniture is set aside (`site`)."""

from __future__ import annotations

import itertools

from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from ..text.normalize import line_offsets, nfc, split_lines
from .document import Item, Line, RawDocument
from .grid import grid_chars
from .page_furniture import page_furniture
from .site import document_bounds
from .text_columns import find_blocks
from .text_tables import TableScanner, furniture_chars, page_furniture_lines, site_furniture


def _line(number: int, raw: str, start: int, end: int) -> Line:
    indent = len(raw) - len(raw.lstrip())
    return Line(text=" ".join(raw.split()), line=number, indent=indent, char_start=start, char_end=end)


_SENTENCE_END = rx.compile(r"[.;:!?…]\s*$")
SENTENCE_END_BLANK_SHARE = 0.5


def blanks_separate_paragraphs(lines: list[str]) -> bool:
    """Blank lines part paragraphs when there are some between the text's lines (two at least, and
    one in twenty lines), but not one after nearly every line (a double-spaced export, where they
    say nothing), and not when most sentence ends run straight on into the next line (a pdftotext
    copy: blank lines only between its pages or its header, body and closing blocks). Blank lines
    before the first and after the last line do not count."""
    filled = [i for i, x in enumerate(lines) if x.strip()]
    if not filled:
        return False
    inner = lines[filled[0] : filled[-1] + 1]
    breaks = sum(1 for a, b in itertools.pairwise(inner) if a.strip() and not b.strip())
    if not max(2, 0.05 * len(inner)) <= breaks <= 0.6 * len(filled):
        return False
    # where blank lines part paragraphs, a line that ends a sentence mostly ends its paragraph too,
    # so a blank line follows it; in `pdftotext -layout` text, blank lines come only at page and
    # block breaks, and the next paragraph starts right under the sentence's end (on an indent)
    ends = [b for a, b in itertools.pairwise([*inner, ""]) if _SENTENCE_END.search(a)]
    return not ends or sum(1 for b in ends if not b.strip()) >= SENTENCE_END_BLANK_SHARE * len(ends)


def _mark_breaks(line: Line, blank_before: bool, first: bool) -> Line:
    """In a text whose blank lines part paragraphs: after a blank line a paragraph starts; a line
    right under another continues it (its breaks are wraps), as markdown reads it."""
    line.blank_before = blank_before
    line.soft_wrap = None if blank_before or first else True
    return line


def _after_blank(numbered: list[tuple[int, str]]) -> set[int]:
    """Numbers of the lines that follow a blank line."""
    out: set[int] = set()
    blank = False
    for number, raw in numbered:
        if raw.strip() and blank:
            out.add(number)
        blank = not raw.strip()
    return out


def _plain_lines(
    numbered: list[tuple[int, str]],
    span: dict[int, tuple[int, int]],
    layout: LayoutSettings,
    paragraphs_by_blanks: bool = False,
) -> list[Line]:
    """Lines of a run without tables; side-by-side blocks read left column, then right."""
    after_blank = _after_blank(numbered)
    rows = [(n, raw.expandtabs(8)) for n, raw in numbered if raw.strip()]
    blocks = {start: (end, cuts) for start, end, cuts in find_blocks(rows, layout)}
    lines: list[Line] = []
    i = 0
    while i < len(rows):
        if i not in blocks:
            line = _line(*rows[i], *span[rows[i][0]])
            if paragraphs_by_blanks:
                line = _mark_breaks(line, rows[i][0] in after_blank, i == 0)
            lines.append(line)
            i += 1
            continue
        end, cuts = blocks[i]
        for column, part in ((1, "left"), (2, "right")):
            for cut in cuts:
                piece = getattr(cut, part)
                if piece:
                    lines.append(
                        Line(
                            text=" ".join(piece.split()),
                            line=cut.line,
                            column=column,
                            indent=0 if column == 1 else cut.x or 0,
                            char_start=span[cut.line][0],
                            char_end=span[cut.line][1],
                        )
                    )
        i = end
    return lines


def read_text(text: str, source: SourceInfo, layout: LayoutSettings = DEFAULT_LAYOUT) -> RawDocument:
    source_lines = split_lines(nfc(text))
    offsets = line_offsets(source_lines)
    span = {n: (offsets[n - 1], offsets[n - 1] + len(raw)) for n, raw in enumerate(source_lines, start=1)}
    bounds = document_bounds(source_lines)
    skip = frozenset(page_furniture(source_lines, bounds.start, bounds.end, layout))
    furniture = site_furniture(source_lines, bounds) + page_furniture_lines(source_lines, skip)
    scanner = TableScanner(source_lines, offsets, end=bounds.end, skip=skip, aligned=True, layout=layout)
    by_blanks = blanks_separate_paragraphs(source_lines[bounds.start : bounds.end])
    items: list[Item] = []
    warnings: list[ParseWarning] = []
    run: list[tuple[int, str]] = []
    i = bounds.start
    while i < bounds.end:
        found = scanner.table_at(i)
        if found is None:
            if i not in skip:
                run.append((i + 1, source_lines[i]))
            i += 1
            continue
        items.extend(_plain_lines(run, span, layout, by_blanks))
        run = []
        items.extend(found.items)
        warnings.extend(found.warnings)
        i = found.resume
    items.extend(_plain_lines(run, span, layout, by_blanks))
    return RawDocument(
        source=source,
        items=items,
        warnings=warnings,
        total_chars=grid_chars(items) + furniture_chars(furniture),
        furniture=furniture,
        site_hint=bounds.hint,
    )
