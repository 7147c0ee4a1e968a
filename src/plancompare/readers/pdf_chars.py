"""Glyphs and ruling lines of one PDF page, from pypdfium2.

pdfium is an order of magnitude faster than pdfminer (which pdfplumber runs on), so every page
goes through here; pdfplumber is opened only for pages that draw rules (see `pdf_tables`).
Coordinates are converted to pdfplumber's convention: points, origin at the top-left corner.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

from ..text import rx
from . import legacy
from .pdf_layout import Word

_BOLD_NAME = rx.compile(r"bold|black|heavy|semibold|demi", regex.IGNORECASE)


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    baseline: float  # from the top of the page
    size: float
    bold: bool
    font: str
    space_before: bool  # pdfium saw a space (real or generated) just before this glyph


@dataclass(slots=True)
class PageGlyphs:
    width: float
    height: float
    glyphs: list[Glyph]
    rules_h: int  # thin horizontal path objects (candidate table borders)
    rules_v: int
    rects: int  # large stroked/filled rectangles (cell borders drawn as boxes)
    h_lines: list[tuple[float, float, float]]  # straight horizontal strokes: (y, x0, x1), top-left origin
    v_lines: list[tuple[float, float, float]]  # vertical strokes: (x, top, bottom)
    nested_paths: bool  # paths inside form XObjects: their geometry needs pdfplumber
    image_cover: float  # share of the page covered by image objects (a scan is ~1.0)
    legacy_fonts: set[str]


@dataclass(slots=True)
class _FontInfo:
    name: str
    bold: bool
    encoding: legacy.Encoding | None
    caps: bool


def _font_info(raw: Any, textpage: Any, index: int, buf: Any, flags: Any) -> _FontInfo:
    length = raw.FPDFText_GetFontInfo(textpage, index, buf, len(buf), flags)
    name = buf.value.decode("utf-8", "replace") if length else ""
    weight = raw.FPDFText_GetFontWeight(textpage, index)
    bold = bool(_BOLD_NAME.search(name)) or weight >= 600
    return _FontInfo(name, bold, legacy.encoding_from_font(name), legacy.is_caps_font(name))


def page_glyphs(page: Any, textpage: Any) -> PageGlyphs:
    import pypdfium2.raw as raw

    width, height = page.get_size()
    n = textpage.count_chars()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fonts: dict[int | None, _FontInfo] = {}
    glyphs: list[Glyph] = []
    legacy_fonts: set[str] = set()
    space = False
    for i in range(n):
        code = raw.FPDFText_GetUnicode(textpage, i)
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or unicodedata.category(ch) == "Cc":
            space = True
            continue
        if unicodedata.combining(ch) and glyphs:
            # Decomposed marks carry their own boxes, often left of the base letter; keeping them
            # with the preceding glyph lets NFC compose them later.
            glyphs[-1].text += ch
            continue
        obj = raw.FPDFText_GetTextObject(textpage, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        info = fonts.get(key)
        if info is None:
            info = fonts[key] = _font_info(raw, textpage, i, buf, flags)
        raw.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        size = raw.FPDFText_GetFontSize(textpage, i) or (top.value - bottom.value) or 10.0
        text = ch
        if info.encoding is not None:
            text = (
                legacy.convert(ch, info.encoding, info.caps) if info.encoding is legacy.Encoding.TCVN3 else ch
            )
            legacy_fonts.add(info.name)
        glyphs.append(
            Glyph(
                text=text,
                x0=left.value,
                x1=max(right.value, left.value),
                baseline=height - oy.value,
                size=size,
                bold=info.bold,
                font=info.name,
                space_before=space,
            )
        )
        space = False
    rules_h = rules_v = rects = 0
    h_lines: list[tuple[float, float, float]] = []
    v_lines: list[tuple[float, float, float]] = []
    nested = False
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if h <= 3 and w >= 15:
            rules_h += 1
        elif w <= 3 and h >= 10:
            rules_v += 1
        elif w >= 15 and h >= 10:
            rects += 1
        else:
            continue
        if obj.level > 0:
            nested = True
            continue
        _path_lines(raw, obj, height, h_lines, v_lines)
    image_area = 0.0
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
        x0, y0, x1, y1 = obj.get_bounds()
        image_area += max(0.0, min(x1, width) - max(x0, 0.0)) * max(0.0, min(y1, height) - max(y0, 0.0))
    cover = min(1.0, image_area / max(width * height, 1.0))
    return PageGlyphs(
        width, height, glyphs, rules_h, rules_v, rects, h_lines, v_lines, nested, cover, legacy_fonts
    )


def _path_lines(
    raw: Any,
    obj: Any,
    height: float,
    h_lines: list[tuple[float, float, float]],
    v_lines: list[tuple[float, float, float]],
) -> None:
    """Straight horizontal and vertical pieces of a visible path, in page coordinates.

    Tables are drawn as separate strokes, as one path of many segments, or as thin filled
    rectangles; walking the segments covers all three (a thin rectangle gives two close rules,
    which the grid merges)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)) and not (
        fill.value or stroke.value
    ):
        return
    a, b, c, d, e, f = obj.get_matrix().get()
    px, py = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for i in range(raw.FPDFPath_CountSegments(obj.raw)):
        seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(px), ctypes.byref(py))
        point = (a * px.value + c * py.value + e, height - (b * px.value + d * py.value + f))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO:
            _add_line(prev, point, h_lines, v_lines)
        prev = point
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            _add_line(point, start, h_lines, v_lines)
            prev = start


def _add_line(
    p: tuple[float, float],
    q: tuple[float, float],
    h_lines: list[tuple[float, float, float]],
    v_lines: list[tuple[float, float, float]],
) -> None:
    if abs(p[1] - q[1]) < 1.0 and abs(p[0] - q[0]) >= 8.0:
        h_lines.append(((p[1] + q[1]) / 2, min(p[0], q[0]), max(p[0], q[0])))
    elif abs(p[0] - q[0]) < 1.0 and abs(p[1] - q[1]) >= 8.0:
        v_lines.append(((p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1])))


def glyph_words(glyphs: list[Glyph]) -> list[Word]:
    """Group glyphs into words: a break at a space or at a gap wider than a fraction of the size.

    Sorting by baseline band, then x, restores reading order inside a visual line whatever the
    content-stream order (two columns are often written one after the other).
    """
    if not glyphs:
        return []
    ordered = sorted(range(len(glyphs)), key=lambda k: (glyphs[k].baseline, glyphs[k].x0))
    # Band glyphs whose baselines are within a third of the size of the band's first glyph.
    bands: list[list[Glyph]] = []
    band_base = -1e9
    for k in ordered:
        g = glyphs[k]
        if not bands or g.baseline - band_base > max(g.size, 4.0) * 0.35:
            bands.append([g])
            band_base = g.baseline
        else:
            bands[-1].append(g)
    words: list[Word] = []
    for band in bands:
        band.sort(key=lambda g: g.x0)
        current: list[Glyph] = []
        for g in band:
            if current:
                prev = current[-1]
                gap = g.x0 - prev.x1
                if g.space_before or gap > 0.28 * max(prev.size, g.size) or gap < -prev.size:
                    words.append(_word(current))
                    current = []
            current.append(g)
        if current:
            words.append(_word(current))
    return words


def _word(glyphs: list[Glyph]) -> Word:
    size = max(g.size for g in glyphs)
    baseline = sum(g.baseline for g in glyphs) / len(glyphs)
    text = "".join(g.text for g in glyphs)
    fonts = {g.font for g in glyphs}
    encodings = {legacy.encoding_from_font(f) for f in fonts}
    if legacy.Encoding.VNI in encodings:
        # VNI marks are separate bytes, so conversion needs the whole word, not single glyphs.
        text = legacy.convert(text, legacy.Encoding.VNI)
    return Word(
        text=unicodedata.normalize("NFC", text),
        x0=min(g.x0 for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        top=baseline - 0.8 * size,
        bottom=baseline + 0.2 * size,
        baseline=baseline,
        size=size,
        bold=all(g.bold for g in glyphs),
    )
