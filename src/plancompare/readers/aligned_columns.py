"""Where the columns of a space-aligned table are, page by page.

The first page's gutters (positions blank on nearly every line) say how many columns the table
has — or its header's labels, when they name more columns than a short page's gutters show. `pdftotext -layout` places each page, and often each row, a few positions apart, so every
page gets its own column edges: each edge is looked for between two column labels of the header
block above the page (or, when its labels are not one per column, near the page before's edge), at the leftmost position
where a cell's text starts after a gutter. A cell that runs into the next column with a single
space still starts there on the other lines.
"""

from __future__ import annotations

import itertools

from ..text import rx

MIN_GUTTER = 2  # blank positions between two columns
MIN_COLUMN_WIDTH = 3  # positions of text between two gutters ("STT", "1.1")
SPILL_SHARE = 0.1  # share of the lines that may cross a gutter (a long word that spills)
MIN_FILLED_LINES = 2
EDGE_DRIFT = 8  # positions an edge may move from one page to the next without a header to say so
LABEL_SLACK = 2  # positions a header label and the text below it may be apart

_WORD = rx.compile(r"\S+")


def _counts(lines: list[str], width: int) -> list[int]:
    """How many of the lines have text at each character position."""
    counts = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for x in range(m.start(), min(m.end(), width)):
                counts[x] += 1
    return counts


def gutters(lines: list[str], tolerance: int, body: list[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every gutter: at least MIN_GUTTER positions, strictly inside the text,
    that at most `tolerance` lines have text in — or that no line of `body` has text in (the
    header's lines may cross a gutter: a header cell spanning two columns)."""
    width = max((len(x) for x in lines), default=0)
    counts = _counts(lines, width)
    clean = _counts(body, width) if body is not None else counts
    blank = [counts[x] <= tolerance or clean[x] == 0 for x in range(width)]
    filled = [x for x in range(width) if not blank[x]]
    if not filled:
        return []
    out: list[tuple[int, int]] = []
    run_start = None
    for x in range(filled[0], filled[-1] + 1):
        if blank[x]:
            run_start = x if run_start is None else run_start
        else:
            if run_start is not None and x - run_start >= MIN_GUTTER:
                out.append((run_start, x))
            run_start = None
    return _merge_narrow(out)


def _merge_narrow(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two gutters with less than a column between them are one: the text between is a long cell
    line running over it (two lines that cross a gutter may leave a sliver of it blank)."""
    out: list[tuple[int, int]] = []
    for a, b in cuts:
        if out and a - out[-1][1] < MIN_COLUMN_WIDTH:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def crosses(line: str, cuts: list[tuple[int, int]]) -> bool:
    """Does the line have text inside a gutter?"""
    return any(line[a:b].strip() for a, b in cuts)


def page_gutters(texts: list[str], header: list[bool]) -> list[tuple[int, int]]:
    """Gutters of a page: header lines may cross them (a header cell spanning two columns, a
    centred title), and a tenth of all lines besides (a long word that spills)."""
    body = [t for t, h in zip(texts, header, strict=True) if not h]
    return gutters(texts, int(len(texts) * SPILL_SHARE), body if len(body) >= MIN_FILLED_LINES else None)


def _strong_starts(lines: list[str], width: int) -> list[int]:
    """How many lines have a word starting at each position after a gutter (or at the line's start)."""
    out = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            x = m.start()
            if x < width and (x == 0 or (x >= MIN_GUTTER and not line[x - MIN_GUTTER : x].strip())):
                out[x] += 1
    return out


def _crossings(lines: list[str], width: int) -> list[int]:
    """How many lines have text running on from position x-1 to x (a word over a possible edge)."""
    out = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for x in range(m.start() + 1, min(m.end(), width)):
                out[x] += 1
    return out


def _edge_in(lo: int, hi: int, starts: list[int], crossings: list[int], tolerance: int) -> int:
    """The edge of a column between positions lo and hi: the leftmost position where some line's
    text starts after a gutter and few lines run over; without one (the column is empty on this
    page), the position nearest hi that fewest lines run over."""
    hi = min(hi, len(starts) - 1)
    span = range(max(lo, 1), hi + 1)
    started = [x for x in span if starts[x] and crossings[x] <= tolerance]
    if started:
        return started[0]
    if not span:
        return max(lo, 1)
    return min(span, key=lambda x: (crossings[x], -x))


def page_edges(body: list[str], bounds: list[tuple[int, int]]) -> list[int]:
    """The left edge of every column but the first on one page, each looked for in its bounds."""
    width = max((len(x) for x in body), default=0) + 1
    starts, crossings = _strong_starts(body, width), _crossings(body, width)
    tolerance = max(1, int(len(body) * SPILL_SHARE))
    edges: list[int] = []
    for lo, hi in bounds:
        edge = _edge_in(max(lo, edges[-1] + 1 if edges else lo), hi, starts, crossings, tolerance)
        edges.append(edge)
    return edges


def starts_within(body: list[str], bounds: list[tuple[int, int]]) -> bool:
    """Does some line's text start after a gutter inside each of the bounds (a column is there)?"""
    width = max((len(x) for x in body), default=0) + 1
    starts = _strong_starts(body, width)
    return all(any(starts[x] for x in range(max(lo, 1), min(hi, width - 1) + 1)) for lo, hi in bounds)


def bounds_from_labels(labels: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each edge may be: after the end of one column's label, up to the start of the next's
    (a centred label lies inside its column; a left-aligned one starts at the edge)."""
    return [(a[1] - LABEL_SLACK, b[0] + LABEL_SLACK) for a, b in itertools.pairwise(labels)]


def bounds_near(edges: list[int]) -> list[tuple[int, int]]:
    """Where each edge may be on a page without a header: near the page before's, and never past
    its neighbours'."""
    out = []
    for k, e in enumerate(edges):
        lo = max(e - EDGE_DRIFT, (edges[k - 1] + e) // 2 + 1 if k else 1)
        hi = min(e + EDGE_DRIFT, (e + edges[k + 1]) // 2 if k + 1 < len(edges) else e + EDGE_DRIFT)
        out.append((lo, hi))
    return out


def bounds_from_gutters(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each edge may be on the page whose gutters counted the columns: inside its gutter."""
    return [(a, b + LABEL_SLACK) for a, b in cuts]
