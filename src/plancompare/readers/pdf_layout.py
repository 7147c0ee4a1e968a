"""Words to visual lines, and side-by-side blocks split into columns.

Shared by the text-layer reader (words from pdfium glyphs) and OCR (words from tesseract boxes):
everything here is geometry in points, origin top-left, and knows nothing about where the words
came from.

NĐ 30/2020 lays out two blocks side by side: the header (issuer beside Quốc hiệu, "Số: …" beside
place and date) and the end (Nơi nhận beside the signature). Read line by line, the two columns
interleave; here a block is found as a run of visual lines that split at a common vertical gap,
plus lines on one side that line up with that side, and is emitted column by column.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool = False
    conf: float | None = None  # OCR word confidence, 0..100


@dataclass(slots=True)
class Segment:
    """Words of one visual line between two wide gaps."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        letters = [w for w in self.words if any(ch.isalpha() for ch in w.text)]
        return bool(letters) and all(w.bold for w in letters)


@dataclass(slots=True)
class VisualLine:
    segments: list[Segment]

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @property
    def size(self) -> float:
        return statistics.median(w.size for s in self.segments for w in s.words)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass(slots=True)
class Placed:
    """A line ready to become a `Line`: one segment, or a whole visual line, with its column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    column: int = 0
    region: tuple[float, float] | None = None  # the column's extent, for alignment
    first_width: float = 0.0  # width of the first word: would it have fit on the line above?
    bounds: tuple[float, float] | None = None  # the column's left and wrap edges, when known


@dataclass(slots=True)
class Block:
    """Consecutive placed lines that sort together against tables by their top."""

    lines: list[Placed] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(p.top for p in self.lines)


def build_lines(words: list[Word], gap_em: float = 1.8) -> list[VisualLine]:
    """Group words into visual lines (by vertical middle) and split each at wide gaps."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0))
    bands: list[list[Word]] = []
    band_mid = -1e9
    for w in ordered:
        mid = (w.top + w.bottom) / 2
        if not bands or mid - band_mid > 0.45 * max(w.size, 4.0):
            bands.append([w])
            band_mid = mid
        else:
            bands[-1].append(w)
    lines: list[VisualLine] = []
    for band in bands:
        band.sort(key=lambda w: w.x0)
        segments: list[Segment] = [Segment([band[0]])]
        for w in band[1:]:
            prev = segments[-1].words[-1]
            if w.x0 - prev.x1 > max(gap_em * max(w.size, prev.size), 14.0):
                segments.append(Segment([w]))
            else:
                segments[-1].words.append(w)
        lines.append(VisualLine(segments))
    return lines


@dataclass(slots=True)
class _Columns:
    lo: float  # right edge of the left column so far
    hi: float  # left edge of the right column so far
    left: list[Segment] = field(default_factory=list)
    right: list[Segment] = field(default_factory=list)
    bottom: float = 0.0
    splits: int = 0

    def fits(self, seg: Segment, side: list[Segment], page_center: float) -> bool:
        if not side:
            return False
        col_x0 = min(s.x0 for s in side)
        col_x1 = max(s.x1 for s in side)
        width = max(col_x1 - col_x0, 40.0)
        if abs(seg.x0 - col_x0) <= 3.0 and len(side) >= 1:
            return True
        centers = [s.center for s in side]
        center = statistics.median(centers)
        if abs(seg.center - center) > 0.12 * width:
            return False
        # A title centred on the page is not part of a column even if it falls on one side.
        return abs(seg.center - page_center) > abs(seg.center - center) + 4.0


def layout_lines(lines: list[VisualLine], page_width: float) -> list[Block]:
    """Place visual lines, splitting side-by-side blocks into column 1 then column 2."""
    page_center = page_width / 2
    blocks: list[Block] = []
    cols: _Columns | None = None
    pending: list[VisualLine] = []  # one-sided lines just above a possible block start

    def close() -> None:
        nonlocal cols
        if cols is None:
            return
        block = Block()
        # Columns wrap at the gutter (left) or at the mirror of the left margin (right).
        margin = min((s.x0 for s in cols.left), default=0.0)
        limits = {1: (margin, cols.hi - 2.0), 2: (cols.lo + 2.0, page_width - margin)}
        for number, side in ((1, cols.left), (2, cols.right)):
            if not side:
                continue
            region = (min(s.x0 for s in side), max(s.x1 for s in side))
            for seg in side:
                block.lines.append(_placed(seg, number, region, limits[number]))
        blocks.append(block)
        cols = None

    def flush_pending() -> None:
        for vl in pending:
            blocks.append(Block([_whole(vl)]))
        pending.clear()

    for vl in lines:
        size = vl.size
        split = _split(vl, cols)
        if split is not None:
            left, right = split
            if cols is not None and (left.x1 >= cols.hi - 1 or right.x0 <= cols.lo + 1):
                close()
            if cols is None:
                cols = _Columns(lo=left.x1, hi=right.x0)
                # A right-hand line just above the first split line (a signature title set a
                # little higher than "Nơi nhận:") belongs to the block.
                keep: list[VisualLine] = []
                for pv in pending:
                    seg = pv.segments[0]
                    if (
                        len(pv.segments) == 1
                        and seg.x0 > left.x1 + 1
                        and vl.top - pv.bottom < 6.0 * size
                        and abs(seg.center - right.center) < 0.2 * max(right.x1 - right.x0, 80.0)
                    ):
                        cols.right.append(seg)
                    else:
                        keep.append(pv)
                pending[:] = keep
                flush_pending()
            cols.left.append(left)
            cols.right.append(right)
            cols.lo = max(cols.lo, left.x1)
            cols.hi = min(cols.hi, right.x0)
            cols.bottom = vl.bottom
            cols.splits += 1
            continue
        if len(vl.segments) == 1 and cols is not None:
            seg = vl.segments[0]
            near = vl.top - cols.bottom < 8.0 * size
            if near and seg.x1 < cols.hi - 1 and cols.fits(seg, cols.left, page_center):
                cols.left.append(seg)
                cols.lo = max(cols.lo, seg.x1)
                cols.bottom = vl.bottom
                continue
            if near and seg.x0 > cols.lo + 1 and cols.fits(seg, cols.right, page_center):
                cols.right.append(seg)
                cols.hi = min(cols.hi, seg.x0)
                cols.bottom = vl.bottom
                continue
        close()
        if len(vl.segments) == 1:
            pending.append(vl)
            if len(pending) > 3:
                blocks.append(Block([_whole(pending.pop(0))]))
        else:
            flush_pending()
            blocks.append(Block([_whole(vl)]))
    close()
    flush_pending()
    return blocks


def _split(vl: VisualLine, cols: _Columns | None) -> tuple[Segment, Segment] | None:
    """Split a visual line into a left and a right side at one of its wide gaps.

    Inside an open block the gap must overlap the block's gutter; otherwise the widest gap is
    taken. Other wide gaps stay inside a side: they are blanks left for a date or number to be
    filled in by hand ("ngày      tháng 7 năm 2026").
    """
    segs = vl.segments
    if len(segs) < 2:
        return None
    gaps = [(segs[k + 1].x0 - segs[k].x1, k) for k in range(len(segs) - 1)]
    chosen: int | None = None
    if cols is not None:
        fitting = [(w, k) for w, k in gaps if segs[k].x1 < cols.hi - 1 and segs[k + 1].x0 > cols.lo + 1]
        if fitting:
            chosen = max(fitting)[1]
    if chosen is None:
        if len(segs) > 3:
            return None  # a row of an unruled table, not a two-column block
        chosen = max(gaps)[1]
    left = Segment([w for s in segs[: chosen + 1] for w in s.words])
    right = Segment([w for s in segs[chosen + 1 :] for w in s.words])
    return left, right


def _placed(
    seg: Segment, column: int, region: tuple[float, float] | None, bounds: tuple[float, float] | None = None
) -> Placed:
    return Placed(
        text=seg.text,
        x0=seg.x0,
        x1=seg.x1,
        top=seg.top,
        bottom=seg.bottom,
        size=seg.size,
        bold=seg.bold,
        column=column,
        region=region,
        first_width=seg.words[0].x1 - seg.words[0].x0,
        bounds=bounds,
    )


def _whole(vl: VisualLine) -> Placed:
    words = [w for s in vl.segments for w in s.words]
    seg = Segment(words)
    return _placed(seg, 0, None)
