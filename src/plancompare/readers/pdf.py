"""PDF reader: pdfium text for every page, pdfplumber only for pages that draw rules, tesseract
for pages without a text layer. Output is what is on the page, in reading order."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..errors import DocumentTooLarge, EncryptedDocument, PlanCompareError, UnreadableDocument
from ..model import warning_codes as codes
from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import OcrMode, ParseOptions
from ..text.normalize import nfc, squash_spaces
from . import legacy
from .document import RawDocument
from .pdf_borderless_grid import Continued, page_tables
from .pdf_items import PageContent, assemble_page, to_items
from .pdf_tables import GridTable, rule_tables

# A page with fewer non-space characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 25
_META_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")
_LEGACY_KEYS = frozenset({"Title", "Author", "Subject", "Keywords"})


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
            tables, run.continued = page_tables(words, pg.h_lines, carried, run.options.borderless)
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
