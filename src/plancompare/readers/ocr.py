"""OCR for PDF pages without a text layer: tesseract (`vie`) on a deskewed rendering.

Pages are rendered one after the other (pdfium is not thread-safe) and recognised in parallel:
each tesseract is its own process, so a thread pool of `options.jobs` is enough, and
OMP_THREAD_LIMIT=1 keeps each one on a single core instead of fighting over all of them.

Table rules are found in the image (long dark runs), removed before recognition (tesseract reads
them as "|" and "_"), and turned into cell boxes; words then go through the same layout code as a
text-layer page.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import OcrUnavailable, UnreadableDocument
from ..model import warning_codes as codes
from ..model.warnings import ParseWarning
from ..options import ParseOptions
from ..text import rx
from .ocr_borderless import scan_borderless_tables
from .ocr_columns import split_merged_columns
from .ocr_numbers import Reader, mend_numbers, number_column, reread_numbers
from .ocr_rows import ink_line_tops, split_merged_rows, text_line_count
from .pdf_borderless_grid import Continued
from .pdf_layout import Word
from .pdf_tables import GridTable, Rule, rule_tables

LOW_CONFIDENCE = 70.0
DOUBTFUL = 80.0  # a table cell read with less mean confidence is read again on its own
_INSTALL = (
    "install tesseract with Vietnamese data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie)"
)


@dataclass(slots=True)
class OcrPage:
    words: list[Word]
    tables: list[GridTable]
    width: float
    height: float
    confidence: float | None
    # a page without a ruled table: what its borderless tables are cut from, in page order
    image: Any = None
    dpi: int = 0
    h_rules: list[Rule] = field(default_factory=list)


def tesseract_command(lang: str) -> str:
    """The tesseract executable, checked to have every language of `lang` ("vie", "vie+eng")."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(
            f"the document is scanned and needs OCR, but tesseract is not installed: {_INSTALL}"
        )
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable(f"tesseract could not be run ({exc}): {_INSTALL}") from exc
    have = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
    missing = [code for code in lang.split("+") if code not in have]
    if missing:
        raise OcrUnavailable(
            f"tesseract has no language data for {', '.join(missing)}: {_INSTALL}"
            + ("" if missing == ["vie"] else f" (and the data for {', '.join(missing)})")
        )
    return exe


def ocr_pages(
    data: bytes, indexes: list[int], options: ParseOptions, path: str
) -> Iterator[tuple[Any, list[ParseWarning]]]:
    """OCR the given 0-based pages; yields (PageContent, warnings) in page order."""
    import pypdfium2 as pdfium

    from .pdf_items import assemble_page

    exe = tesseract_command(options.ocr_lang)
    pdf = pdfium.PdfDocument(data)
    try:
        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            futures = []
            for index in indexes:
                page = pdf[index]
                width, height = page.get_size()
                dpi = render_dpi(page, options.ocr_dpi)
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
                page.close()
                futures.append(
                    (index, pool.submit(recognise, image, width, height, dpi, options.ocr_lang, exe))
                )
            pages: list[tuple[Any, int, float | None]] = []
            carried: Continued | None = None  # a borderless table running on from the page before
            read = number_reader(options.ocr_lang, exe)
            for index, future in futures:
                result = future.result()
                carried = carried if pages and index == pages[-1][0].number else None
                if result.image is not None:
                    result.tables, result.words, carried = scan_borderless_tables(
                        result.words,
                        result.h_rules,
                        result.image,
                        result.dpi,
                        read,
                        carried,
                        options.borderless,
                    )
                    result.image = None
                else:
                    carried = None
                content = assemble_page(index + 1, result.words, result.tables, result.width, result.height)
                pages.append((content, _correct_tones(content), result.confidence))
            mend_numbers([content for content, _, _ in pages])
            for content, fixed, confidence in pages:
                yield content, _warnings(content.number, confidence, fixed)
    except OcrUnavailable:
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        raise UnreadableDocument(f"{path}: OCR failed ({exc})") from exc
    finally:
        pdf.close()


def render_dpi(page: Any, ceiling: int) -> int:
    """Resolution to render a scanned page at: the scan's own (capped by the `ocr_dpi` option).
    Upsampling invents no detail and blurs the small tone marks: on the 200-dpi fixture scans,
    rendering at 300 lost more words in table cells than it gained in body text."""
    import pypdfium2.raw as raw

    native = 0.0
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
        x0, _, x1, _ = obj.get_bounds()
        try:
            px_w, _ = obj.get_px_size()
        except Exception:  # an image pdfium cannot decode has no usable size
            continue
        if x1 - x0 > 72:
            native = max(native, px_w / ((x1 - x0) / 72.0))
    if native >= 100:
        return int(min(round(native), ceiling))
    return ceiling


def _correct_tones(content: Any) -> int:
    """Fix confusable tone marks in the page's lines and cells (see `ocr_lexicon`)."""
    from .ocr_lexicon import correct
    from .pdf_items import PageTable

    fixed = 0
    for item in content.items:
        if isinstance(item, PageTable):
            for row in item.rows:
                for k, cell in enumerate(row.cells):
                    row.cells[k], n = correct(cell)
                    fixed += n
        else:
            for line in item.lines:
                line.text, n = correct(line.text)
                fixed += n
    return fixed


def _warnings(page: int, confidence: float | None, fixed: int = 0) -> list[ParseWarning]:
    if confidence is None:
        return [
            ParseWarning(code=codes.OCR_USED, message="the page is an image; OCR found no text", page=page)
        ]
    note = f"; {fixed} tone marks corrected from context" if fixed else ""
    out = [
        ParseWarning(
            code=codes.OCR_USED,
            message=f"the page is an image and was read by OCR (mean word confidence {confidence:.0f}%{note})",
            page=page,
        )
    ]
    if confidence < LOW_CONFIDENCE:
        out.append(
            ParseWarning(
                code=codes.OCR_LOW_CONFIDENCE,
                message=f"OCR confidence is low ({confidence:.0f}%); check this page's text by eye",
                page=page,
            )
        )
    return out


def number_reader(lang: str, exe: str) -> Reader:
    """Tesseract on a strip of number cuts, with a whitelist and a page segmentation mode."""

    def read_number_strip(strip: Any, strip_dpi: int, whitelist: str, psm: str) -> list[Word]:
        return _tesseract(strip, strip_dpi, lang, exe, psm=psm, whitelist=whitelist)[0]

    return read_number_strip


def recognise(image: Any, width: float, height: float, dpi: int, lang: str, exe: str) -> OcrPage:
    """Deskew, find and erase rules, run tesseract, and return words and tables in points."""
    import numpy as np

    from .ocr_image import deskew, despeckle, erase, find_rules

    gray = deskew(despeckle(image))
    h_rules, v_rules, mask = find_rules(gray, dpi)
    clean = erase(gray, mask)
    words, confidence = _tesseract(clean, dpi, lang, exe)
    scale = 72.0 / dpi
    h_points = [(y * scale, x0 * scale, x1 * scale) for y, x0, x1 in h_rules]
    tables = rule_tables(h_points, [(x * scale, t * scale, b * scale) for x, t, b in v_rules], tol=3.0)

    read_number_strip = number_reader(lang, exe)
    if not tables:  # no ruled table: a task table may still be set without lines (`ocr_pages`)
        return OcrPage(words, [], width, height, confidence, clean, dpi, h_points)
    gray = np.asarray(clean, dtype=np.uint8)
    tables = [split_merged_rows(split_merged_columns(table, words), words, gray, dpi) for table in tables]
    for table in tables:
        words = reread_numbers(table, words, clean, dpi, read_number_strip)
        words = _reread_short_cells(table, words, clean, dpi, lang, exe)
    return OcrPage(words, tables, width, height, confidence)


def _reread_short_cells(
    table: GridTable, words: list[Word], image: Any, dpi: int, lang: str, exe: str
) -> list[Word]:
    """Read again, on their own, cells where page OCR found almost nothing but there is ink, read
    them with low confidence, or left out a line of a short cell (more bands of ink than lines
    read: "Thường / xuyên" read as "xuyên"); keep the new reading when tesseract is surer of it
    or finds the lines that were missing.

    Page segmentation treats a lone "2" or "5.1" in a narrow cell as noise, and mangles words
    stacked in a narrow header cell; read as a single line or block they come back. Only such
    cells are re-read, so the cost stays a few calls per page.
    """
    import numpy as np
    from PIL import Image

    from .pdf_tables import inside

    px = dpi / 72.0
    gray = np.asarray(image, dtype=np.uint8)
    keep = list(words)
    skip_first = number_column(table)  # read by `reread_numbers`
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            if cell is None or (k == 0 and skip_first):
                continue
            members = [w for w in keep if inside(w, cell, pad=0.0)]
            old_conf = _mean_conf(members)
            bands = len(ink_line_tops(gray, cell, dpi))
            lost_line = bands <= 3 and bands > text_line_count(members)
            if sum(len(w.text) for w in members) > 4 and old_conf >= DOUBTFUL and not lost_line:
                continue
            box = (int(cell[0] * px) + 4, int(cell[1] * px) + 4, int(cell[2] * px) - 4, int(cell[3] * px) - 4)
            if box[2] - box[0] < 8 or box[3] - box[1] < 8:
                continue
            crop = image.crop(box)
            if int((np.asarray(crop) < 128).sum()) < 30:
                continue
            one_line = (
                (box[3] - box[1]) < 2.2 * max((w.bottom - w.top) * px for w in members) if members else True
            )
            crop_dpi = dpi
            if (
                dpi < 200
            ):  # small print at 150 dpi: alone in a crop, tesseract reads it better at twice the size
                crop = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
                crop_dpi = dpi * 2
            found, _ = _tesseract(crop, crop_dpi, lang, exe, psm="7" if one_line and not lost_line else "6")
            more_lines = (
                text_line_count(found) > text_line_count(members) and _mean_conf(found) >= LOW_CONFIDENCE
            )
            if not found or (members and _mean_conf(found) <= old_conf and not more_lines):
                continue
            keep = [w for w in keep if not any(w is m for m in members)]
            for w in found:
                dx, dy = box[0] / px, box[1] / px
                keep.append(
                    Word(
                        w.text,
                        w.x0 + dx,
                        w.x1 + dx,
                        w.top + dy,
                        w.bottom + dy,
                        w.baseline + dy,
                        w.size,
                        conf=w.conf,
                    )
                )
    return keep


def _mean_conf(words: list[Word]) -> float:
    scored = [(w.conf or 0.0, len(w.text)) for w in words]
    chars = sum(n for _, n in scored)
    return sum(c * n for c, n in scored) / chars if chars else 0.0


def _tesseract(
    image: Any, dpi: int, lang: str, exe: str, psm: str = "3", whitelist: str | None = None
) -> tuple[list[Word], float | None]:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    limit = ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []
    proc = subprocess.run(
        [exe, "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", psm, *limit, "tsv"],
        input=buf.getvalue(),
        capture_output=True,
        env=env,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise OSError(
            proc.stderr.decode("utf-8", "replace").strip()[:300] or f"tesseract exit {proc.returncode}"
        )
    return parse_tsv(proc.stdout.decode("utf-8", "replace"), 72.0 / dpi)


_DEBRIS = rx.compile(r"^[„‚|_~ˆ`'\".,:;!—–\-]+$")


def _is_rule_debris(text: str, conf: float) -> bool:
    """Leftovers of erased rules and speckles: punctuation-only tokens that tesseract itself
    doubts, and bars and underscores, which running text does not use. A lone dash is kept
    unless tesseract barely saw it: it is how list items and recipients start."""
    if conf < 15 and len(text) <= 2:
        return True  # a speck read as a letter; real short words come back surer than this
    if not _DEBRIS.match(text):
        return False
    if text in ("-", "–"):
        return conf < 30
    return conf < 60 or any(ch in "|_~ˆ`„‚" for ch in text)


def parse_tsv(tsv: str, scale: float) -> tuple[list[Word], float | None]:
    """Words from tesseract's TSV, in points.

    A word gets the vertical extent of its text line, not its own box: a dash or a comma has a
    box a few pixels high, away from the middle of the line, and would otherwise be set apart
    from the words it belongs with. The font size is estimated from the line height.
    """
    lines: dict[tuple[str, str, str, str], tuple[float, float]] = {}
    raw: list[tuple[tuple[str, str, str, str], float, float, float, float, float, str]] = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12:
            continue
        level = parts[0]
        key = (parts[1], parts[2], parts[3], parts[4])
        left, top, w, h = (float(v) for v in parts[6:10])
        if level == "4":
            lines[key] = (top, top + h)
        elif level == "5":
            # an erased rule's stub glued to a word: "_NHCSXH", "phường|"
            text = parts[11].strip().strip("_|") or parts[11].strip()
            conf = float(parts[10])
            if text and conf >= 0 and not _is_rule_debris(text, conf):
                raw.append((key, left, top, w, h, conf, text))
    words: list[Word] = []
    weighted = 0.0
    chars = 0
    for key, left, top, w, h, conf, text in raw:
        line_top, line_bottom = lines.get(key, (top, top + h))
        size = max(0.75 * (line_bottom - line_top) * scale, 4.0)
        bottom = line_bottom * scale
        words.append(
            Word(
                text=text,
                x0=left * scale,
                x1=(left + w) * scale,
                top=line_top * scale,
                bottom=bottom,
                baseline=bottom - 0.2 * size,
                size=size,
                conf=conf,
            )
        )
        weighted += conf * len(text)
        chars += len(text)
    return words, (weighted / chars if chars else None)
