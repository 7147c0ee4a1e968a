"""PDF reader: pdfium text for every page, pdfplumber only for pages that draw rules, tesseract
for pages without a text layer. Output is what is on the page, in reading order."""

from __future__ import annotations

import io
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import regex

from ..errors import DocumentTooLarge, EncryptedDocument, PlanCompareError, UnreadableDocument
from ..model import warning_codes as codes
from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import OcrMode, ParseOptions
from ..text import rx
from ..text.normalize import nfc, non_space_len, squash_spaces
from . import legacy
from .document import Item, Line, RawDocument, Table, TableRow
from .pdf_borderless_grid import Continued, page_tables
from .pdf_layout import Block, Placed, Word, build_lines, layout_lines
from .pdf_tables import FilledRow, GridTable, fill_table, inside, rule_tables

# A page with fewer non-space characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 25
_PAGE_NUMBER = rx.compile(
    r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", regex.IGNORECASE
)
_SUSPECT_LEGACY = rx.compile(
    r"[\u00a1-\u00ae\u00b5-\u00be\u00c6-\u00cb\u00ce-\u00d1\u00d7-\u00df\u00e4-\u00e8\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f9\u00fb-\u00fe]"
)
_META_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")
_LEGACY_KEYS = frozenset({"Title", "Author", "Subject", "Keywords"})


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


def read_pdf(data: bytes, source: SourceInfo, options: ParseOptions) -> RawDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:
            raise EncryptedDocument(
                f"{source.path}: the PDF is password-protected; save an unprotected copy "
                "(e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and parse that"
            ) from exc
        raise UnreadableDocument(
            f"{source.path}: not a readable PDF ({exc}); re-export or re-download it"
        ) from exc
    try:
        return _read(pdf, data, source, options)
    except PlanCompareError:
        raise
    except Exception as exc:  # a library failing on a malformed file must not escape as a traceback
        raise UnreadableDocument(
            f"{source.path}: the PDF could not be read ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        pdf.close()


class PageKind(StrEnum):
    """What a page holds, decided from its glyphs before anything is read from it."""

    TEXT = "text"  # a text layer
    SCAN = "scan"  # an image to OCR
    IMAGE_NO_OCR = "image_no_ocr"  # an image, and OCR is off


def classify_page(n_chars: int, image_cover: float, ocr: OcrMode) -> PageKind:
    """A page with (almost) no text but mostly image is a scan; `--ocr always` reads every page."""
    scanned = n_chars < MIN_TEXT_CHARS and image_cover > 0.3
    if ocr is OcrMode.ALWAYS or (scanned and ocr is OcrMode.AUTO):
        return PageKind.SCAN
    return PageKind.IMAGE_NO_OCR if scanned else PageKind.TEXT


@dataclass(slots=True)
class _Run:
    """What one read of a PDF carries from page to page."""

    data: bytes
    options: ParseOptions
    warnings: list[ParseWarning] = field(default_factory=list)
    scans: list[int] = field(default_factory=list)
    legacy_fonts: dict[str, int] = field(default_factory=dict)
    plumber: Any = None  # opened on the first page whose rules need pdfplumber's lattice finder
    continued: Continued | None = None  # columns of a borderless table that ran to the page's foot

    def close(self) -> None:
        if self.plumber is not None:
            self.plumber.close()


def choose_tables(pg: Any, run: _Run, index: int) -> list[GridTable]:
    """Rules drawn straight on the page give the grid directly; paths inside form XObjects, or
    boxes that form no grid, go to pdfplumber's lattice finder. No rules, no table."""
    if not ((pg.rules_h >= 2 and pg.rules_v >= 2) or pg.rects >= 2):
        return []
    tables = [] if pg.nested_paths else rule_tables(pg.h_lines, pg.v_lines)
    if tables:
        return tables
    if run.plumber is None:
        import pdfplumber

        run.plumber = pdfplumber.open(io.BytesIO(run.data))
    from .pdf_tables import plumber_tables

    return list(plumber_tables(run.plumber.pages[index]))


def _read_page(pdf: Any, index: int, run: _Run) -> PageContent | None:
    """One page: its glyphs, then what kind of page it is, then its tables; None when it is left
    to OCR or holds nothing to read."""
    import pypdfium2.raw as pdfium_raw

    from .pdf_chars import glyph_words, page_glyphs

    page = pdf[index]
    if pdfium_raw.FPDFPage_GetAnnotCount(page) > 0:
        # Signing systems stamp the number and date into widget appearances ("Số: 7432");
        # flattening puts that text on the page where pdfium's text layer sees it.
        pdfium_raw.FPDFPage_Flatten(page, pdfium_raw.FLAT_NORMALDISPLAY)
        page.close()
        page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            pg = page_glyphs(page, textpage)
        finally:
            textpage.close()
        kind = classify_page(sum(len(g.text) for g in pg.glyphs), pg.image_cover, run.options.ocr)
        if kind is PageKind.SCAN:
            run.scans.append(index)
            run.continued = None
            return None
        if kind is PageKind.IMAGE_NO_OCR:
            run.warnings.append(
                ParseWarning(
                    code=codes.PAGE_ERROR,
                    message="the page is an image without a text layer and OCR is off (--ocr auto reads it)",
                    page=index + 1,
                )
            )
        for name in sorted(pg.legacy_fonts):  # a set: its order changes from run to run
            run.legacy_fonts.setdefault(name, index + 1)
        words = glyph_words(pg.glyphs)
        tables = choose_tables(pg, run, index)
        carried, run.continued = run.continued, None
        if not tables:  # no rules drawn: a task table may still be set without lines
            tables, run.continued = page_tables(words, pg.h_lines, carried)
        return assemble_page(index + 1, words, tables, pg.width, pg.height)
    finally:
        page.close()


def _read(pdf: Any, data: bytes, source: SourceInfo, options: ParseOptions) -> RawDocument:
    """The page loop: each page read alone (a corrupt page costs that page), scans sent to OCR
    together (in parallel), then the pages assembled into lines and tables."""
    started = time.monotonic()
    run = _Run(data=data, options=options)
    total_pages = len(pdf)
    source.pages = total_pages
    n_pages = min(total_pages, options.max_pages)
    if total_pages > n_pages:
        run.warnings.append(
            ParseWarning(
                code=codes.LIMIT_REACHED,
                message=f"only the first {n_pages} of {total_pages} pages were read (raise --max-pages)",
            )
        )
    properties = _properties(pdf, run.warnings)
    pages: list[PageContent | None] = [None] * n_pages
    failed = 0
    try:
        for index in range(n_pages):
            if time.monotonic() - started > options.time_budget_s:
                raise DocumentTooLarge(
                    f"{source.path}: reading took longer than the time budget of {options.time_budget_s:g} s "
                    f"(page {index + 1} of {n_pages}); raise --timeout or split the file"
                )
            try:
                pages[index] = _read_page(pdf, index, run)
            except PlanCompareError:
                raise
            except Exception as exc:  # one corrupt page costs that page, not the whole document
                failed += 1
                run.warnings.append(
                    ParseWarning(
                        code=codes.PAGE_ERROR,
                        message=f"the page could not be read ({type(exc).__name__}: {exc}); its text is missing",
                        page=index + 1,
                    )
                )
    finally:
        run.close()
    if n_pages and failed == n_pages:
        raise UnreadableDocument(
            f"{source.path}: none of its {n_pages} page(s) could be read; re-export or re-download the PDF"
        )
    if run.scans:
        from .ocr import ocr_pages

        for content, page_warnings in ocr_pages(data, run.scans, options, source.path):
            pages[content.number - 1] = content
            run.warnings.extend(page_warnings)
    for name, page_no in sorted(run.legacy_fonts.items(), key=lambda kv: kv[1]):
        run.warnings.append(
            ParseWarning(
                code=codes.LEGACY_ENCODING,
                message=f"text in the legacy font {name} was converted to Unicode",
                page=page_no,
            )
        )
    items, total = to_items([p for p in pages if p is not None], run.warnings)
    return RawDocument(
        source=source, items=items, properties=properties, warnings=run.warnings, total_chars=total
    )


def _properties(pdf: Any, warnings: list[ParseWarning]) -> dict[str, str]:
    props: dict[str, str] = {}
    try:
        meta = pdf.get_metadata_dict()
    except Exception:  # metadata is optional; a broken Info dictionary must not stop the read
        return props
    for key in _META_KEYS:
        value = squash_spaces(str(meta.get(key) or ""))
        if not value:
            continue
        # Creator/Producer name software; "iText®" is not TCVN3.
        fixed, encoding = legacy.fix_text(value) if key in _LEGACY_KEYS else (value, None)
        if encoding is not None:
            warnings.append(
                ParseWarning(
                    code=codes.LEGACY_ENCODING,
                    message=f"the PDF {key} is in {encoding.value.upper()} and was converted to Unicode",
                )
            )
        props[key.lower()] = nfc(fixed)
    return props


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
