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
from dataclasses import dataclass
from typing import Any

import regex

from ..errors import OcrUnavailable, UnreadableDocument
from ..model import warning_codes as codes
from ..model.warnings import ParseWarning
from ..options import ParseOptions
from .pdf_layout import Word
from .pdf_tables import GridTable, grid_table

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

    from .pdf import assemble_page

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
            for index, future in futures:
                result = future.result()
                content = assemble_page(index + 1, result.words, result.tables, result.width, result.height)
                yield content, _warnings(index + 1, result.confidence)
    except OcrUnavailable:
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        raise UnreadableDocument(f"{path}: OCR failed ({exc})") from exc
    finally:
        pdf.close()


def render_dpi(page: Any, ceiling: int) -> int:
    """Render at the scan's own resolution when it is at least 200 dpi (and below the ceiling):
    upsampling a 200-dpi scan to 300 blurs the small tone marks tesseract has to tell apart."""
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
    if native >= 200:
        return int(min(round(native), ceiling))
    return ceiling


def _warnings(page: int, confidence: float | None) -> list[ParseWarning]:
    if confidence is None:
        return [
            ParseWarning(code=codes.OCR_USED, message="the page is an image; OCR found no text", page=page)
        ]
    out = [
        ParseWarning(
            code=codes.OCR_USED,
            message=f"the page is an image and was read by OCR (mean word confidence {confidence:.0f}%)",
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


def recognise(image: Any, width: float, height: float, dpi: int, lang: str, exe: str) -> OcrPage:
    """Deskew, find and erase rules, run tesseract, and return words and tables in points."""
    from .ocr_image import deskew, erase, find_rules

    gray = deskew(image)
    h_rules, v_rules, mask = find_rules(gray, dpi)
    clean = erase(gray, mask)
    words, confidence = _tesseract(clean, dpi, lang, exe)
    scale = 72.0 / dpi
    tables: list[GridTable] = []
    for region_h, region_v in _regions(h_rules, v_rules):
        table = grid_table(
            [(y * scale, x0 * scale, x1 * scale) for y, x0, x1 in region_h],
            [(x * scale, t * scale, b * scale) for x, t, b in region_v],
        )
        if table is not None:
            tables.append(table)
            words = _reread_short_cells(table, words, clean, dpi, lang, exe)
    return OcrPage(words, tables, width, height, confidence)


def _reread_short_cells(
    table: GridTable, words: list[Word], image: Any, dpi: int, lang: str, exe: str
) -> list[Word]:
    """Read again, on their own, cells where page OCR found almost nothing but there is ink, or
    read them with low confidence; keep the new reading when tesseract is surer of it.

    Page segmentation treats a lone "2" or "5.1" in a narrow cell as noise, and mangles words
    stacked in a narrow header cell; read as a single line or block they come back. Only such
    cells are re-read, so the cost stays a few calls per page.
    """
    import numpy as np

    from .pdf_tables import inside

    px = dpi / 72.0
    keep = list(words)
    for row in table.rows:
        for cell in row.cells:
            if cell is None:
                continue
            members = [w for w in keep if inside(w, cell, pad=0.0)]
            old_conf = _mean_conf(members)
            if sum(len(w.text) for w in members) > 4 and old_conf >= DOUBTFUL:
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
            found, _ = _tesseract(crop, dpi, lang, exe, psm="7" if one_line else "6")
            if not found or (members and _mean_conf(found) <= old_conf):
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


Rule = tuple[float, float, float]


def _regions(h_rules: list[Rule], v_rules: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Group rules into tables: vertical rules that overlap in height make one table, and the
    horizontal rules inside its box belong to it (an underline elsewhere does not)."""
    groups: list[list[Rule]] = []
    for rule in sorted(v_rules, key=lambda r: r[1]):
        for group in groups:
            top = min(r[1] for r in group)
            bottom = max(r[2] for r in group)
            if rule[1] <= bottom + 10 and rule[2] >= top - 10:
                group.append(rule)
                break
        else:
            groups.append([rule])
    out: list[tuple[list[Rule], list[Rule]]] = []
    for group in groups:
        if len(group) < 2:
            continue
        x0 = min(r[0] for r in group)
        x1 = max(r[0] for r in group)
        top = min(r[1] for r in group)
        bottom = max(r[2] for r in group)
        inside = [
            r
            for r in h_rules
            if top - 12 <= r[0] <= bottom + 12 and min(r[2], x1) - max(r[1], x0) >= 0.3 * (x1 - x0)
        ]
        # The box the vertical rules span is closed at top and bottom even where a rule is faint.
        inside += [(top, x0, x1), (bottom, x0, x1)]
        out.append((inside, group))
    return out


def _tesseract(image: Any, dpi: int, lang: str, exe: str, psm: str = "3") -> tuple[list[Word], float | None]:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(
        [exe, "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", psm, "tsv"],
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


_DEBRIS = regex.compile(r"^[|_~ˆ`'\".,:;!—–\-]+$")


def _is_rule_debris(text: str, conf: float) -> bool:
    """Leftovers of erased rules and speckles: punctuation-only tokens that tesseract itself
    doubts, and bars and underscores, which running text does not use."""
    return bool(_DEBRIS.match(text)) and (conf < 60 or any(ch in "|_~ˆ`" for ch in text))


def parse_tsv(tsv: str, scale: float) -> tuple[list[Word], float | None]:
    """Words from tesseract's TSV, in points; font size from the height of each word's line."""
    lines: dict[tuple[str, str, str], float] = {}
    raw: list[tuple[tuple[str, str, str], float, float, float, float, float, str]] = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12:
            continue
        level = parts[0]
        key = (parts[2], parts[3], parts[4])
        left, top, w, h = (float(v) for v in parts[6:10])
        if level == "4":
            lines[key] = h
        elif level == "5":
            text = parts[11].strip()
            conf = float(parts[10])
            if text and conf >= 0 and not _is_rule_debris(text, conf):
                raw.append((key, left, top, w, h, conf, text))
    words: list[Word] = []
    weighted = 0.0
    chars = 0
    for key, left, top, w, h, conf, text in raw:
        line_h = lines.get(key, h)
        size = max(0.75 * line_h * scale, 4.0)
        bottom = (top + h) * scale
        words.append(
            Word(
                text=text,
                x0=left * scale,
                x1=(left + w) * scale,
                top=top * scale,
                bottom=bottom,
                baseline=bottom - 0.2 * size,
                size=size,
                conf=conf,
            )
        )
        weighted += conf * len(text)
        chars += len(text)
    return words, (weighted / chars if chars else None)
