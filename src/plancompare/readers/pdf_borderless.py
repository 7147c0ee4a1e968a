"""Task tables drawn without ruling lines (Word tables with borders off, a rule under the header
only, rules between rows only, a shaded header): cell boxes from the words' positions.

A table is recognised by its header: one to a few stacked lines whose words, grouped into labels
by the gaps between them, name the columns of a task table (the roles of `structure.tables`).
Each column's edge is the gutter the words below leave between two labels; rows start where a
horizontal rule crosses the table, else at wider gaps between lines (cell padding), else at each
number of the first column. The result is a `GridTable` of cell boxes, filled like a ruled one,
so nothing downstream knows the table had no lines. Prose, a two-column header or signature and
a numbered list have no line naming three task columns, so they stay lines.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..options import DEFAULT_BORDERLESS, BorderlessSettings
from ..structure.tables import column_roles, is_task_header
from .aligned_header import ROW_NUMBER
from .ocr_sequence import UNREAD
from .pdf_layout import VisualLine, Word

Span = tuple[float, float]  # x0, x1


@dataclass(slots=True)
class Label:
    """One column's label in the header: its extent and its words in reading order."""

    x0: float
    x1: float
    text: str

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def line_words(line: VisualLine) -> list[Word]:
    return [w for s in line.segments for w in s.words]


def opens_row(text: str) -> bool:
    """A row number ("1", "II", "a)"), or the mark OCR leaves for ink in a number column that no
    reading made sense of (a lone serif "I" of a group row): a row all the same, its number
    mended from the numbering later (`ocr_sequence`)."""
    return text == UNREAD or bool(ROW_NUMBER.match(text))


def merge_spans(spans: list[Span], min_gap: float) -> list[Span]:
    """The union of x-extents, two kept apart only where at least `min_gap` lies between them
    ("Cơ quan" over "chủ trì" stacked in one cell are one label)."""
    out: list[Span] = []
    for x0, x1 in sorted(spans):
        if out and x0 - out[-1][1] < min_gap:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def header_labels(lines: list[VisualLine], settings: BorderlessSettings = DEFAULT_BORDERLESS) -> list[Label]:
    """The labels of a header block: its words grouped by the gaps between them."""
    words = [w for line in lines for w in line_words(line)]
    if not words:
        return []
    em = max(min(w.size for w in words), 4.0)
    spans = merge_spans([(w.x0, w.x1) for w in words], settings.label_gap_em * em)
    labels: list[Label] = []
    for x0, x1 in spans:
        inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1]
        text = " ".join(w.text for w in sorted(inside, key=lambda w: (round(w.top), w.x0)))
        labels.append(Label(x0, x1, text))
    return labels


def _gap(upper: VisualLine, lower: VisualLine) -> float:
    return lower.top - upper.bottom


def em_of(lines: list[VisualLine]) -> float:
    return max(min(line.size for line in lines), 4.0)


def is_header(labels: list[Label], settings: BorderlessSettings = DEFAULT_BORDERLESS) -> bool:
    """Labels naming a task table's columns: at least `min_columns`, a number column first."""
    texts = [label.text for label in labels]
    return (
        len(texts) >= settings.min_columns
        and is_task_header(texts)
        and column_roles(texts).get("number") == 0
    )


def _block(lines: list[VisualLine], i: int, settings: BorderlessSettings) -> tuple[int, list[Label]]:
    """The header block that would start at line i: it grows over close lines (a tall cell's
    stacked words) until a line opens with a row number; its end and its labels."""
    end = i + 1
    em = em_of(lines[i : i + 1])
    while (
        end < len(lines)
        and end - i < settings.header_max_lines
        and _gap(lines[end - 1], lines[end]) <= settings.header_line_gap_em * em
        and not opens_row(line_words(lines[end])[0].text)
    ):
        end += 1
    return end, header_labels(lines[i:end], settings)


def find_header(
    lines: list[VisualLine], start: int, settings: BorderlessSettings = DEFAULT_BORDERLESS
) -> tuple[int, int, list[Label]] | None:
    """The first header block at or after line `start`: (first line, end, labels). A title set
    close above the header is no part of it: a block starting lower that still names as many
    columns wins (the title's words would merge labels)."""
    for i in range(start, len(lines)):
        if len(line_words(lines[i])) < 1:
            continue
        end, labels = _block(lines, i, settings)
        if not is_header(labels, settings):
            continue
        best = (i, end, labels)
        for j in range(i + 1, end):
            j_end, j_labels = _block(lines, j, settings)
            if is_header(j_labels, settings) and len(j_labels) > len(best[2]):
                best = (j, j_end, j_labels)
        return best
    return None


def coverage_gaps(spans: list[Span], lo: float, hi: float, tolerance: int) -> list[Span]:
    """Runs of x in [lo, hi] (half-point steps) that at most `tolerance` of the spans cover."""
    out: list[Span] = []
    run: float | None = None
    steps = int((hi - lo) * 2) + 1
    for k in range(steps):
        x = lo + k / 2
        covered = sum(1 for a, b in spans if a <= x <= b)
        if covered <= tolerance:
            run = x if run is None else run
        elif run is not None:
            out.append((run, x))
            run = None
    if run is not None:
        out.append((run, hi))
    return out


def column_edges(labels: list[Label], spans: list[Span], tolerance: int) -> list[float]:
    """The edge between each two neighbouring columns: the middle of the widest gutter the body's
    words leave between the two labels' centres (a centred label sits inside its column, a
    left-aligned one at its edge) — a gutter no word crosses, else one that `tolerance` words
    spilling over cross; without one, halfway between the labels."""
    edges: list[float] = []
    for a, b in itertools.pairwise(labels):
        gaps = coverage_gaps(spans, a.center, b.center, 0) or coverage_gaps(
            spans, a.center, b.center, tolerance
        )
        if gaps:
            g0, g1 = max(gaps, key=lambda g: (g[1] - g[0], -g[0]))
            edges.append((g0 + g1) / 2)
        else:
            edges.append((a.x1 + b.x0) / 2)
    return edges


def column_of(x: float, edges: list[float]) -> int:
    return sum(1 for e in edges if x > e)


def fits_columns(words: list[Word], edges: list[float], min_gap: float) -> bool:
    """The line keeps to the columns: no word runs over an edge, and no two words closer than
    `min_gap` (a space between words of prose) stand on either side of one."""
    ordered = sorted(words, key=lambda w: w.x0)
    for e in edges:
        if any(w.x0 < e < w.x1 for w in ordered):
            return False
        left = [w for w in ordered if w.x1 <= e]
        right = [w for w in ordered if w.x0 >= e]
        if left and right and right[0].x0 - max(w.x1 for w in left) < min_gap:
            return False
    return True


def row_starts(
    tops: list[float],
    bottoms: list[float],
    numbered: list[bool],
    rules: list[float],
    min_row_gap: float,
) -> list[int]:
    """Indexes of the body lines that open a row. A rule between two lines separates rows when
    there is one for (nearly) every numbered row; else a gap wider than the closest two lines of
    a cell by `min_row_gap` does (cell padding; a row without a number is still a row, the
    structure stage decides whether it continues the one above), unless a block between two
    such gaps holds two numbers; else each numbered line opens a row (cells aligned to the top,
    no padding)."""
    n = len(tops)
    if n == 0:
        return []
    ruled = [i for i in range(1, n) if any(bottoms[i - 1] - 1 <= y <= tops[i] + 1 for y in rules)]
    if ruled and len(ruled) >= sum(numbered) - 1:
        return [0, *ruled]
    gaps = [tops[i] - bottoms[i - 1] for i in range(1, n)]
    if gaps:
        floor = min(gaps)
        wide = [i for i in range(1, n) if tops[i] - bottoms[i - 1] > floor + min_row_gap]
        blocks = list(zip([0, *wide], [*wide, n], strict=True))
        if wide and all(sum(numbered[a:b]) <= 1 for a, b in blocks):
            return [a for a, _ in blocks]
    return sorted({0, *(i for i in range(n) if numbered[i])})


def is_page_number(line: VisualLine) -> bool:
    words = line_words(line)
    return len(words) == 1 and words[0].text.strip("-–— ").isdigit()


def _group_heading(words: list[Word], edges: list[float]) -> bool:
    """A group row whose title runs over merged cells: a row number in the first column, the
    title in capitals or bold ("II | HẠ TẦNG VÀ DỮ LIỆU")."""
    if len(words) < 2 or column_of(words[0].x0, edges) != 0 or not opens_row(words[0].text):
        return False
    rest = words[1:]
    return all(w.bold for w in rest) or all(w.text.upper() == w.text for w in rest)


def table_extent(
    candidates: list[VisualLine],
    edges: list[float],
    em: float,
    settings: BorderlessSettings = DEFAULT_BORDERLESS,
) -> list[VisualLine]:
    """The lines below the header that belong to the table: up to the first that runs over a
    column edge (prose) or repeats a header, a trailing page number left out."""
    body: list[VisualLine] = []
    for line in candidates:
        words = line_words(line)
        keeps = fits_columns(words, edges, settings.label_gap_em * em) or _group_heading(words, edges)
        if not keeps or find_header([line], 0, settings):
            break
        body.append(line)
    if body and is_page_number(body[-1]) and column_of(line_words(body[-1])[0].x0, edges) > 0:
        body.pop()
    return body


def columns_and_body(
    candidates: list[VisualLine], labels: list[Label], em: float, settings: BorderlessSettings
) -> tuple[list[float], list[VisualLine]]:
    """Column edges and the table's lines, found together: edges from the words below the header
    end the table; text after the table (prose across the page) blurs the gutters, so the edges
    are measured again on the table's lines alone until the extent no longer grows."""
    body = candidates
    edges: list[float] = []
    best: tuple[list[float], list[VisualLine]] | None = None
    for _ in range(3):
        tolerance = max(1, int(len(body) * settings.spill_share))
        spans = [(w.x0, w.x1) for line in body for w in line_words(line)]
        edges = column_edges(labels, spans, tolerance)
        body = table_extent(candidates, edges, em, settings)
        if best is not None and len(body) < len(best[1]):
            break
        best = (edges, body)
        if len(body) == len(candidates) or not body:
            break
    return best if best is not None else (edges, body)
