"""Plain text: one Line per non-blank source line, with its indentation. Unwrapping is done later,
in `structure.paragraphs`, because the same rules serve PDF text too. Side-by-side blocks (header,
signature beside Nơi nhận) are read column by column (`text_columns`); tables in any text
serialization become grids (`text_tables`); a website's furniture is set aside (`site`)."""

from __future__ import annotations

from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text.normalize import line_offsets, nfc, split_lines
from .document import Item, Line, RawDocument
from .grid import grid_chars
from .page_furniture import page_furniture
from .site import document_bounds
from .text_columns import find_blocks
from .text_tables import TableScanner, furniture_chars, page_furniture_lines, site_furniture

PARAGRAPH_LINES_SHARE = 0.25  # lines that follow another line, not a blank one, in wrapped prose


def _line(number: int, raw: str, start: int, end: int, after_blank: bool = False) -> Line:
    indent = len(raw) - len(raw.lstrip())
    return Line(
        text=" ".join(raw.split()),
        line=number,
        indent=indent,
        char_start=start,
        char_end=end,
        after_blank=after_blank,
    )


def blanks_separate_paragraphs(lines: list[str]) -> bool:
    """Blank lines stand between paragraphs (pandoc's plain text, pdftotext) rather than between
    every two lines (a double-spaced copy): a good share of lines follows another line."""
    filled = [k for k, raw in enumerate(lines) if raw.strip()]
    following = sum(1 for k in filled if k > 0 and lines[k - 1].strip())
    return bool(filled) and following >= PARAGRAPH_LINES_SHARE * len(filled)


def _plain_lines(
    numbered: list[tuple[int, str]],
    span: dict[int, tuple[int, int]],
    layout: LayoutSettings,
    blanks_mean_paragraphs: bool = False,
) -> list[Line]:
    """Lines of a run without tables; side-by-side blocks read left column, then right."""
    rows = [(n, raw.expandtabs(8)) for n, raw in numbered if raw.strip()]
    blank = {n for n, raw in numbered if not raw.strip()} if blanks_mean_paragraphs else set()
    blocks = {start: (end, cuts) for start, end, cuts in find_blocks(rows, layout)}
    lines: list[Line] = []
    i = 0
    while i < len(rows):
        if i not in blocks:
            after_blank = i > 0 and any(k in blank for k in range(rows[i - 1][0] + 1, rows[i][0]))
            lines.append(_line(*rows[i], *span[rows[i][0]], after_blank=after_blank))
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
    items: list[Item] = []
    warnings: list[ParseWarning] = []
    paragraphs = blanks_separate_paragraphs(source_lines[bounds.start : bounds.end])
    run: list[tuple[int, str]] = []
    i = bounds.start
    while i < bounds.end:
        found = scanner.table_at(i)
        if found is None:
            if i not in skip:
                run.append((i + 1, source_lines[i]))
            i += 1
            continue
        items.extend(_plain_lines(run, span, layout, paragraphs))
        run = []
        items.extend(found.items)
        warnings.extend(found.warnings)
        i = found.resume
    items.extend(_plain_lines(run, span, layout, paragraphs))
    return RawDocument(
        source=source,
        items=items,
        warnings=warnings,
        total_chars=grid_chars(items) + furniture_chars(furniture),
        furniture=furniture,
        site_hint=bounds.hint,
    )
