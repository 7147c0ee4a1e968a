"""Task tables without ruling lines on a scanned page: the text-layer reader's borderless tables
(`pdf_borderless`, `pdf_borderless_grid`) cut from the OCR words.

OCR words already are the layout's `Word` in points (`ocr.parse_tsv` scales tesseract's pixels by
72/dpi, and the rules found in the image are scaled the same way), so the borderless thresholds
in points hold for a scan at any resolution; those in ems need the font's size, which OCR only
estimates from a line's box, too small: the adapter `at_font_size` scales it by the settings'
`ocr_size_scale` (else a title set close above the header joins it, its words' spaces wider
than the gap that parts two labels). What page OCR loses is what the borderless reader finds
rows by: tesseract's page layout drops a lone "1" or "II" in the narrow STT column. So under
each task header (and down a table carried over from the page before) the number column is
read again first, one band of ink at a time, by the number-only reader of ruled scans
(`ocr_numbers`), and the numbers it finds join the page's words; the tables are then cut
exactly as on a text-layer page.
"""

from __future__ import annotations

import itertools
from typing import Any

from ..options import DEFAULT_BORDERLESS, BorderlessSettings
from .ocr_numbers import Reader, reread_number_cells
from .ocr_rows import ink_bands
from .pdf_borderless import (
    Label,
    column_edges,
    em_of,
    find_header,
    is_page_number,
    line_words,
    table_extent,
)
from .pdf_borderless_grid import Continued, page_tables
from .pdf_layout import VisualLine, Word, build_lines
from .pdf_tables import BBox, GridTable, Rule

LINE_GAP_EM = 50.0  # words of one visual line however far apart (as `pdf_borderless_grid` builds them)


def number_column_box(
    lines: list[VisualLine], header: tuple[int, int, list[Label]], settings: BorderlessSettings
) -> tuple[BBox, int] | None:
    """The number column under a task header, and the index of the line after its table.

    The header block itself may be wrong here: it grows over the lines below until one opens
    with a row number, and page OCR lost those ("TUYÊN TRUYỀN…" of a group row joins the header).
    Its first label, the number column's ("STT"), is right all the same. So the column runs from
    an em left of that label to the gutter before the next label's column, from the label's foot
    down over the lines that keep to that gutter (prose across the page ends the table)."""
    first, end, labels = header
    if len(labels) < 2:
        return None
    stt, em = labels[0], em_of(lines[first:end])
    heads = [
        w for line in lines[first:end] for w in line_words(line) if stt.x0 <= (w.x0 + w.x1) / 2 <= stt.x1
    ]
    top = max(w.bottom for w in heads)
    below = [k for k in range(first, len(lines)) if lines[k].top >= top]
    if not below:
        return None
    spans = [(w.x0, w.x1) for k in below for w in line_words(lines[k])]
    edge = column_edges(labels[:2], spans, max(1, int(len(below) * settings.spill_share)))[0]
    body = table_extent([lines[k] for k in below], [edge], em, settings)
    if not body:
        return None
    left = min(stt.x0, *(line.x0 for line in body)) - em
    after = below[0] + len(body)
    bottom = lines[after].top if after < len(lines) else body[-1].bottom + em
    return (left, top, edge, bottom), after


def number_column_boxes(
    lines: list[VisualLine], settings: BorderlessSettings = DEFAULT_BORDERLESS
) -> list[BBox]:
    """The number column under each task header of the page (see `number_column_box`)."""
    boxes: list[BBox] = []
    start = 0
    while (header := find_header(lines, start, settings)) is not None:
        found = number_column_box(lines, header, settings)
        if found is None:
            start = header[1]
            continue
        box, start = found
        boxes.append(box)
    return boxes


def number_cells(gray: Any, box: BBox, dpi: int) -> list[BBox]:
    """One cell per band of ink in a number column (a row's number, read or not), reaching
    halfway to the bands above and below: a band is where most rows of pixels have ink, and
    the top bar of a "5" over a one-pixel stroke falls outside it (`reread_number_cells` then
    finds the ink's own box inside the cell)."""
    bands = ink_bands(gray, box, dpi)
    cuts = [box[1], *((a[1] + b[0]) / 2 for a, b in itertools.pairwise(bands)), box[3]]
    return [(box[0], top, box[2], bottom) for top, bottom in itertools.pairwise(cuts)]


def continued_number_box(
    lines: list[VisualLine], carried: Continued, settings: BorderlessSettings = DEFAULT_BORDERLESS
) -> BBox | None:
    """The number column of the page before's table where it goes on at the top of this page
    without its header: the carried columns' first, over the lines that keep to them."""
    start = 1 if lines and is_page_number(lines[0]) else 0
    body = table_extent(lines[start:], carried.edges, carried.em, settings)
    if not body:
        return None
    after = start + len(body)
    top = lines[start - 1].bottom if start else body[0].top - carried.em
    bottom = lines[after].top if after < len(lines) else body[-1].bottom + carried.em
    return (carried.x0, top, carried.edges[0], bottom)


def with_row_numbers(
    words: list[Word],
    image: Any,
    dpi: int,
    read: Reader,
    carried: Continued | None = None,
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> list[Word]:
    """The page's words, the number column under each task header (and of a table carried over
    from the page before) read again (see the module)."""
    import numpy as np

    gray = np.asarray(image, dtype=np.uint8)
    lines = build_lines(at_font_size(words, settings.ocr_size_scale), gap_em=LINE_GAP_EM)
    boxes = number_column_boxes(lines, settings)
    if carried is not None and (box := continued_number_box(lines, carried, settings)) is not None:
        boxes.insert(0, box)
    cells = [cell for box in boxes for cell in number_cells(gray, box, dpi)]
    return reread_number_cells(cells, words, image, dpi, read) if cells else words


def at_font_size(words: list[Word], scale: float) -> list[Word]:
    """Copies of OCR words whose size is the font's (see `BorderlessSettings.ocr_size_scale`),
    for the thresholds in ems; positions are points already."""
    return [
        Word(w.text, w.x0, w.x1, w.top, w.bottom, w.baseline, w.size * scale, w.bold, w.conf) for w in words
    ]


def scan_borderless_tables(
    words: list[Word],
    h_rules: list[Rule],
    image: Any,
    dpi: int,
    read: Reader,
    carried: Continued | None = None,
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> tuple[list[GridTable], list[Word], Continued | None]:
    """Borderless task tables of a scanned page without a ruled table, the page's words with the
    numbers read again, and the columns of a table that runs to the page's foot (for the next
    page, as `pdf_borderless_grid.page_tables`); `h_rules` are the rules found in the image, in
    points."""
    words = with_row_numbers(words, image, dpi, read, carried, settings)
    tables, out = page_tables(at_font_size(words, settings.ocr_size_scale), h_rules, carried, settings)
    return tables, words, out
