"""Lines to paragraphs: undo hard wraps and page-break splits without merging list items or headings.

The decision for each pair of neighbouring lines is a small pure function (`joins`), so each rule can
be tested alone. Rules, strongest first:
1. the source says so (markdown lines with no blank line between, a reader's `soft_wrap`);
2. never across a heading, a list marker, a column change, or a bold/plain change;
3. a line starting in lower case continues the previous one (Vietnamese sentences, items and
   headings start upper case; "hội trên địa bàn" after a page break is the rest of a sentence);
4. a line ending a clause (. ; : ! ?) ends its paragraph;
5. a short line (well under the document's wrap width) ends its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model.common import Span
from ..model.labels import ParagraphRole
from ..readers.document import Line
from ..text import rx
from ..text.punct import CLAUSE_END, LOWER_START, SENTENCE_END, join_fragments
from .markers import Marker, parse_marker
from .patterns import PLACE_DATE

_HAS_LOWER = rx.compile(r"\p{Ll}")
# words a Vietnamese line cannot end on, so a line ending on one was wrapped
_DANGLING = rx.compile(r"(?<!\p{L})(?:ngày|tháng|của|và|về|các|những|cho|với|tại|theo|để)$")
_SO_NUMBER = rx.compile(r"^S[ốô]\s*[:.]?\s*[\d.…_\s]*/\s*\p{Lu}")  # "Số: 27/KH-UBND", "Số:   /KH"


@dataclass(slots=True)
class Paragraph:
    text: str
    line_start: int
    line_end: int
    page: int | None = None
    bold: bool = False
    heading: int | None = None
    column: int = 0
    align: str | None = None
    indent: int = 0
    marker: Marker | None = None
    lines: list[Line] = field(default_factory=list)
    # set by structure.zones (header … appendix); the pipeline sets the closing's recipients and
    # signature, and body paragraphs no section took become unclassified
    role: ParagraphRole | None = None

    @property
    def caps(self) -> bool:
        return is_caps(self.text)

    @property
    def char_start(self) -> int | None:
        starts = [ln.char_start for ln in self.lines]
        return min(starts) if starts and None not in starts else None  # type: ignore[type-var]

    @property
    def char_end(self) -> int | None:
        ends = [ln.char_end for ln in self.lines]
        return max(ends) if ends and None not in ends else None  # type: ignore[type-var]


def _last_page(paras: list[Paragraph], first: int | None) -> int | None:
    """The page the run ends on, when it is not the page it starts on (a paragraph joined across a
    page break ends on the next page even when it starts the run)."""
    pages = [ln.page for p in paras for ln in p.lines if ln.page is not None] or [
        p.page for p in paras if p.page is not None
    ]
    last = pages[-1] if pages else None
    return last if last is not None and last != first else None


def span_of(paras: list[Paragraph]) -> Span:
    """Where a run of paragraphs stands: page and lines, and character offsets when the reader
    knows them (text formats)."""
    first, last = paras[0], paras[-1]
    starts = [p.char_start for p in paras]
    ends = [p.char_end for p in paras]
    return Span(
        page=first.page,
        page_end=_last_page(paras, first.page),
        line_start=first.line_start,
        line_end=last.line_end,
        char_start=min(s for s in starts if s is not None) if None not in starts else None,
        char_end=max(e for e in ends if e is not None) if None not in ends else None,
    )


_ALPHA_WORD = rx.compile(r"(?<![\p{L}\d/-])\p{L}{2,}(?![\p{L}\d/-])")


def is_caps(text: str) -> bool:
    """An all-capitals line of words ("KẾ HOẠCH", "KT. CHỦ TỊCH"); a bare code ("39-CT/TW") is not."""
    return len(_ALPHA_WORD.findall(text)) >= 2 and not _HAS_LOWER.search(text)


def wrap_width(lines: Sequence[Line]) -> int:
    """The line length a hard-wrapped source wraps at: a high percentile of line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    if len(lengths) < 5:
        return 10_000  # too few lines to tell: treat every line as short (no length-based joins)
    return lengths[int(len(lengths) * 0.9) - 1]


def _wrapped_place(before: str, place: str) -> bool:
    """A one-word "place" after a short fragment that ends without punctuation: the end of a place
    name cut by the wrap ("Thành phố Hồ Chí" / "Minh, ngày …"), not a place of its own."""
    return (
        len(place.split()) == 1
        and len(before) <= 40
        and not is_caps(before)
        and not CLAUSE_END.search(before)
        and not before.rstrip().endswith("phúc")  # the tiêu ngữ "Độc lập - Tự do - Hạnh phúc"
    )


def joins(prev: Paragraph, line: Line, width: int) -> bool:
    """Does `line` continue paragraph `prev`?"""
    last = prev.lines[-1] if prev.lines else None
    if line.heading is not None or prev.heading is not None:
        return False
    if last is not None and (line.page != last.page and line.column != last.column):
        return False
    if line.column != prev.column:
        return False
    if line.soft_wrap and _DANGLING.search(prev.text[-12:]):
        return True  # "… và quy định tại" / "Điều 227 Bộ Luật hình sự": a marker the writer's wrap put first
    if parse_marker(line.text, prev.text) is not None:
        return False
    place_date = PLACE_DATE.match(line.text)
    if place_date and _wrapped_place(prev.text, place_date.group("place")):
        return True  # "Thành phố Hồ Chí" / "Minh, ngày 18 tháng 11 năm 2025": the place name wrapped
    if place_date or _SO_NUMBER.match(line.text):
        return False  # "Hà Nội, ngày …" and "Số: …" stand on their own in a header
    if line.bold != prev.bold:
        return False
    if line.soft_wrap:
        return True
    if LOWER_START.match(line.text):
        return not SENTENCE_END.search(prev.text)
    if _DANGLING.search(prev.text[-12:]):
        return True  # "Hà Nội, ngày" / "24 tháng 11 năm 2025": no line ends on these words
    if CLAUSE_END.search(prev.text):
        return False
    if is_caps(line.text) != is_caps(last.text if last else prev.text):
        return False
    last_len = len(last.text) if last else len(prev.text)
    return last_len >= 0.8 * width


def build_paragraphs(lines: Iterable[Line], width: int | None = None) -> list[Paragraph]:
    lines = list(lines)
    width = width if width is not None else wrap_width(lines)
    out: list[Paragraph] = []
    for line in lines:
        if out and joins(out[-1], line, width):
            para = out[-1]
            para.text = join_fragments(para.text, line.text)
            para.line_end = line.line
            para.lines.append(line)
            continue
        previous = out[-1].text if out else None
        out.append(
            Paragraph(
                text=line.text,
                line_start=line.line,
                line_end=line.line,
                page=line.page,
                bold=line.bold,
                heading=line.heading,
                column=line.column,
                align=line.align,
                indent=line.indent,
                marker=parse_marker(line.text, previous),
                lines=[line],
            )
        )
    for i, para in enumerate(out):
        if para.marker is not None and len(para.lines) > 1:
            para.marker = parse_marker(para.text, out[i - 1].text if i else None)
    return out
