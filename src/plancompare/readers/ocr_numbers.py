"""The number column (STT) of a scanned table: read again on its own, then checked as a sequence.

Page OCR reads a lone "3.1" in a narrow cell badly: the dot is two pixels at 200 dpi and JPEG
smears it, so "1.1" comes back as "11", "2.1" as "2i", "3.1" as "K", and a group number "3" as
nothing. The task number decides what a row is (group, task, continuation), so these cells are
worth a second look: every number cell of a table (header rows aside) is cut out, the cuts are
set side by side on one strip (one tesseract call per table, not one per cell) and read with only
the characters numbers use; a cut that still is no number is read once more alone. What breaks
the numbering after that is mended from the sequence (`ocr_sequence`), across pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text import rx
from ..text.fold import fold
from .ocr_sequence import UNREAD, repair_sequence
from .pdf_layout import Word
from .pdf_tables import BBox, GridRow, GridTable

NUMBER_CHARS = "0123456789.IVX"
_NUMBER = rx.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?)$")
_HEADER_WORDS = frozenset({"stt", "tt", "so tt", "so thu tu"})
TRUSTED = 60.0  # confidence a number-only reading needs to replace a page reading that is a number
GLYPH_PX = 24
NARROW = 0.12  # a number column is at most this share of the table's width
Reader = Callable[[Any, int, str, str], list[Word]]  # (image, dpi, whitelist, psm) -> words in points


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def number_column(table: GridTable) -> bool:
    """Whether the table's first column is narrow enough to be its STT column."""
    width = table.bbox[2] - table.bbox[0]
    if table.ncols < 3 or width <= 0:
        return False
    firsts = [r.cells[0] for r in table.rows if r.cells and r.cells[0] is not None]
    return bool(firsts) and all(c[2] - c[0] <= NARROW * width for c in firsts)


def _ink_box(gray: Any, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """Pixel box of the ink inside `box`, or None for an empty cell."""
    import numpy as np

    x0, y0, x1, y1 = box
    if x1 - x0 < 6 or y1 - y0 < 6:
        return None
    crop = gray[y0:y1, x0:x1] < 128
    if int(crop.sum()) < 8:
        return None
    ys = np.nonzero(crop.any(axis=1))[0]
    xs = np.nonzero(crop.any(axis=0))[0]
    return (x0 + int(xs[0]), y0 + int(ys[0]), x0 + int(xs[-1]) + 1, y0 + int(ys[-1]) + 1)


def _glyph_sized(gray: Any, ink: tuple[int, int, int, int], px: float) -> bool:
    """Ink enough for a digit (4 pt tall, as much black as a "1"), not a speck or two."""
    x0, y0, x1, y1 = ink
    return y1 - y0 >= 4 * px and int((gray[y0:y1, x0:x1] < 128).sum()) >= 4 * px * px


def _cell_pixels(cell: BBox, px: float, gray_shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    # 1.5 pt inside the rules: what is left of an erased rule (thicker at 300 dpi) is no digit
    h, w = gray_shape[:2]
    inset = max(3, round(1.5 * px))
    return (
        max(int(cell[0] * px) + inset, 0),
        max(int(cell[1] * px) + inset, 0),
        min(int(cell[2] * px) - inset, w),
        min(int(cell[3] * px) - inset, h),
    )


def reread_numbers(table: GridTable, words: list[Word], image: Any, dpi: int, read: Reader) -> list[Word]:
    """Words of the page with the table's number cells replaced by a second, number-only reading
    where that reading is a number (the page reading is kept otherwise)."""
    if not number_column(table):
        return words
    cells = [
        row.cells[0]
        for row in table.rows
        if row.cells and row.cells[0] is not None and not in_header_row(row, words)
    ]
    return reread_number_cells(cells, words, image, dpi, read)


def reread_number_cells(
    cells: list[BBox], words: list[Word], image: Any, dpi: int, read: Reader
) -> list[Word]:
    """`reread_numbers` for the given number cells (boxes in points, 1.5 pt of margin inside)."""
    import numpy as np

    gray = np.asarray(image, dtype=np.uint8)
    px = dpi / 72.0
    cuts: list[tuple[BBox, tuple[int, int, int, int]]] = []
    for cell in cells:
        ink = _ink_box(gray, _cell_pixels(cell, px, gray.shape))
        if ink is not None:
            cuts.append((cell, ink))
    if not cuts:
        return words
    inks = [ink for _, ink in cuts]
    readings = _read_side_by_side(gray, inks, dpi, read)
    for k, ink in enumerate(inks):
        if not is_number(readings[k][0]):  # a cut the sparse reading missed is read again alone
            readings[k] = _read_side_by_side(gray, [ink], dpi, read, psm="7")[0]
    keep = list(words)
    for (cell, ink), (text, conf) in zip(cuts, readings, strict=True):
        members = [w for w in keep if _in_cell(w, cell)]
        page_reading = " ".join(w.text for w in members)
        if is_number(page_reading) and conf < TRUSTED:
            continue  # a doubtful second reading does not overrule a page reading that is a number
        if not is_number(text):
            if not members and _glyph_sized(gray, ink, px):
                # ink no reading made sense of: the numbering may tell what it is
                keep.append(_number_word(UNREAD, ink, px))
            continue
        if page_reading == text:
            continue
        keep = [w for w in keep if not any(w is m for m in members)]
        keep.append(_number_word(text, ink, px))
    return keep


def _read_side_by_side(
    gray: Any, inks: list[tuple[int, int, int, int]], dpi: int, read: Reader, psm: str = "11"
) -> list[tuple[str, float]]:
    """The text of each pixel box and the least confidence of its words, read in one tesseract
    call with the boxes side by side.

    Side by side and far apart, read as sparse text: stacked, tesseract's layout drops short
    lines ("1" above "1.1"), and read as one line, the whitelist (which has no space) glues them
    into one word.
    """
    import numpy as np
    from PIL import Image

    height = max(b[3] - b[1] for b in inks)
    gap = 2 * height
    strip = np.full((height + 2 * gap // 3, sum(b[2] - b[0] + gap for b in inks) + gap), 255, dtype=np.uint8)
    slots: list[tuple[int, int]] = []
    x = gap
    for x0, y0, x1, y1 in inks:
        top = gap // 3 + (height - (y1 - y0)) // 2
        strip[top : top + y1 - y0, x : x + x1 - x0] = gray[y0:y1, x0:x1]
        slots.append((x, x + x1 - x0))
        x += x1 - x0 + gap
    # Tesseract reads lone digits best about 24 px tall (a 200-dpi scan's); taller (300 dpi) it
    # turns "2.1" into "51", so the strip is scaled down to that, never up (that smooths the dot
    # away: "1.1" -> "11").
    factor = GLYPH_PX / height if height > 1.25 * GLYPH_PX else 1.0
    image = Image.fromarray(strip)
    if factor < 1.0:
        image = image.resize(
            (round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS
        )
    found = read(image, round(dpi * factor), NUMBER_CHARS, psm)
    to_px = dpi / 72.0  # word positions in points map back to the unscaled strip at `dpi`
    out: list[tuple[str, float]] = []
    for s0, s1 in slots:
        # a word wholly inside the slot's reach: tesseract may glue three cuts into one word
        # ("3.4.5"), which belongs to none of them (each is read again alone)
        mine = [
            w
            for w in sorted(found, key=lambda w: w.x0)
            if s0 - height / 2 <= w.x0 * to_px and w.x1 * to_px <= s1 + height / 2
        ]
        out.append(("".join(w.text for w in mine), min((w.conf or 0.0 for w in mine), default=0.0)))
    return out


def in_header_row(row: GridRow, words: list[Word]) -> bool:
    """The row's other cells hold capitals only: a column-header row, whose "STT" read as
    digits would become a task number."""
    first = row.cells[0]
    rest = [w.text for w in words if _in_cell(w, row.bbox) and not (first is not None and _in_cell(w, first))]
    letters = [ch for t in rest for ch in t if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _in_cell(word: Word, cell: BBox) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]


def _number_word(text: str, ink: tuple[int, int, int, int], px: float) -> Word:
    x0, top, x1, bottom = (v / px for v in ink)
    size = max(bottom - top, 4.0) / 0.72  # digits stand about 0.72 em tall
    return Word(text, x0, x1, top, bottom, bottom, size, conf=100.0)


def is_header_row(cells: list[str]) -> bool:
    """A column-header row: its first cell says STT, or is not a number while the others are
    capitals ("SIT", "NỘI DUNG NHIỆM VỤ", …: the header as OCR reads it)."""
    first = cells[0].strip() if cells else ""
    if fold(first).replace(".", "").strip() in _HEADER_WORDS:
        return True
    if is_number(first):
        return False
    rest = " ".join(cells[1:])
    return any(ch.isalpha() for ch in rest) and rest.upper() == rest


def header_number_cell(text: str) -> str:
    """The header of the number column as written: bold "STT" comes back from OCR as "SIT",
    "SII", "SET"; a reading within two letters of it, in the header row over the number column,
    is that word (the structure stage finds the column by it). Ink no reading made sense of in a
    row of capitals (a group's lone serif "I", which tesseract does not read) is left empty: the
    group's number is not guessed."""
    from rapidfuzz.distance import Levenshtein

    reading = text.strip()
    if reading == UNREAD:
        return ""
    if fold(reading).replace(".", "") in _HEADER_WORDS:
        return text  # "TT", "Số TT": already a header the structure knows
    if reading and len(reading) <= 4 and Levenshtein.distance(reading.upper(), "STT") <= 2:
        return "STT"
    return text


def mend_numbers(pages: list[Any]) -> int:
    """Mend misread STT cells from the numbering of the document's scanned tables, in reading
    order across pages (a table continued on the next page continues its numbering)."""
    from .pdf_items import PageTable

    all_rows = [
        row
        for page in pages
        for item in page.items
        if isinstance(item, PageTable) and number_column(item.table)
        for row in item.rows
        if row.cells
    ]
    rows = [row for row in all_rows if not is_header_row(row.cells)]
    for row in all_rows:
        if is_header_row(row.cells):
            row.cells[0] = header_number_cell(row.cells[0])
    mended = repair_sequence([row.cells[0] for row in rows])
    changed = 0
    for row, number in zip(rows, mended, strict=True):
        if row.cells[0] != number:
            row.cells[0] = number
            changed += 1
    return changed
