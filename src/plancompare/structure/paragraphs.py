"""Lines to paragraphs: undo hard wraps and page-break splits without merging list items or headings.

The decision for each pair of neighbouring lines is a small pure function (`joins`), so each rule can
be tested alone. Rules, strongest first:
1. never across a heading, a column change, or a list marker — except a numbered start that does not
   fit its sequence under a sentence that was wrapped, not ended ("… và khoản" / "15. Điều 3");
2. a signature block keeps one item a line ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "[đã ký]");
3. the source says so (markdown lines with no blank line between, a reader's `soft_wrap`, a plain
   text whose blank lines part paragraphs), unless the case changes (a line in capitals over or
   under one in sentence case: "NGHỊ QUYẾT" / "Ban hành …") or two unnumbered lines in capitals
   stack (a header's names); a numbered heading in capitals wraps ("III. PHÁT" / "TRIỂN …");
4. a line starting in lower case continues the previous one (Vietnamese sentences, items and
   headings start upper case; "hội trên địa bàn" after a page break is the rest of a sentence);
5. a blank line before the line (in a text whose blank lines part paragraphs) ends the paragraph;
6. a line ending a clause (. ; : ! ?) ends its paragraph;
7. a short line (well under the document's wrap width) ends its paragraph, and so does a line the
   next line's first word would have fit on (a wrap moves a word down only when it does not fit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model.common import Span
from ..model.labels import ParagraphRole
from ..readers.document import Line
from ..text import rx
from ..text.punct import CLAUSE_END, LOWER_START, SENTENCE_END, join_fragments
from .markers import Marker, MarkerKind, parse_marker
from .numbering import successor
from .patterns import CAPACITY, KINH_GUI, NOI_NHAN, PLACE_DATE, VV_LINE

_HAS_LOWER = rx.compile(r"\p{Ll}")
# words a Vietnamese line cannot end on, so a line ending on one was wrapped
_DANGLING = rx.compile(r"(?<!\p{L})(?:ngày|tháng|của|và|về|các|những|cho|với|tại|theo|để)$")
# "… Quyết định số" / "1074/QĐ-BXD …": a number (ký hiệu, date) the wrap moved under its "số"
_NUMBER_WORD_END = rx.compile(r"(?<!\p{L})(?:số|Số)$")
_NUMBER_START = rx.compile(r"^\d+\s*/")
_STAMP = rx.compile(r"^[\[(]\s*(?:đã\s+ký|Đã\s+ký|ĐÃ\s+KÝ)[^\])]*[\])]$")
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


def _signature_line(text: str) -> bool:
    """A signing capacity ("KT. THỦ TƯỚNG") or a bracketed stamp line ("[đã ký]", "(Đã ký)")."""
    return bool(CAPACITY.match(text) or _STAMP.match(text))


def _caps_change(above: str, below: str) -> bool:
    """One line in capitals, the other in sentence case ("I. MỤC" has no lower case: no change)."""
    return (is_caps(above) and bool(_HAS_LOWER.search(below))) or (
        is_caps(below) and bool(_HAS_LOWER.search(above))
    )


_NUMBERED = (MarkerKind.ARABIC, MarkerKind.DECIMAL, MarkerKind.LETTER)


def fits_sequence(marker: Marker, last_labels: dict[MarkerKind, str]) -> bool:
    """Could `marker` be the next item of its kind: a first one ("1", "a", "2.1") or the successor of
    the last label of its kind seen so far? Other kinds (Roman, dashes) always fit."""
    if marker.kind not in _NUMBERED:
        return True
    if marker.label.rsplit(".", 1)[-1] in ("1", "a"):
        return True
    last = last_labels.get(marker.kind)
    return last is not None and successor(last) == marker.label


def _wrapped_number(prev: Paragraph, line: Line, width: int) -> bool:
    """A line that starts with a number where the sentence above it was wrapped, not ended: the
    source says it continues, or the line above runs to the wrap width without a clause end."""
    last = prev.lines[-1].text if prev.lines else prev.text
    if CLAUSE_END.search(prev.text) or line.blank_before:
        return False
    return bool(line.soft_wrap) or len(last) >= 0.8 * width


def _stacked_caps(prev: Paragraph, above: str, below: str) -> bool:
    """Two lines in capitals, the upper one unnumbered: a header's stacked names ("ĐẢNG BỘ TỈNH …" /
    "ĐẢNG ỦY XÃ …") as often as a wrapped title, so the source's wrap is no proof; a numbered
    heading in capitals ("III. PHÁT" / "TRIỂN NỀN MÓNG …") is wrapped."""
    return prev.marker is None and not _HAS_LOWER.search(above) and not _HAS_LOWER.search(below)


def _opens_part(text: str) -> bool:
    """A trích yếu ("V/v …"), addressees ("Kính gửi:") or recipients ("Nơi nhận:") line: NĐ 30/2020
    starts each on its own line."""
    return bool(VV_LINE.match(text) or KINH_GUI.match(text) or NOI_NHAN.match(text))


def _closed_item(prev: Paragraph, line: Line) -> bool:
    """A dash item that ended its clause (";", ".") under which a line starts in capitals: a new
    paragraph, even where the source marks every line under another as its continuation (a
    pdftotext copy with blank lines only between blocks)."""
    return (
        prev.marker is not None
        and prev.marker.kind in (MarkerKind.DASH, MarkerKind.PLUS)
        and bool(CLAUSE_END.search(prev.text))
        and not LOWER_START.match(line.text)
    )


def joins(prev: Paragraph, line: Line, width: int, fits: bool = True) -> bool:
    """Does `line` continue paragraph `prev`? `fits`: a marker at the start of `line` would be the
    next item of its sequence (`fits_sequence`); one that does not, under a sentence that was
    wrapped rather than ended, is a number in the sentence ("… kế hoạch số" / "15. …")."""
    last = prev.lines[-1] if prev.lines else None
    if line.heading is not None or prev.heading is not None:
        return False
    if last is not None and (line.page != last.page and line.column != last.column):
        return False
    if line.column != prev.column:
        return False
    if _opens_part(line.text):
        return (
            False  # "V/v …", "Kính gửi:", "Nơi nhận:" open a part of the letter, whatever the source's wraps
        )
    if _NUMBER_WORD_END.search(prev.text) and _NUMBER_START.match(line.text):
        return True  # "… Quyết định số" / "1074/QĐ-BXD ngày …": "số" never ends a line of its own
    if _closed_item(prev, line):
        return False  # "- Ủy ban nhân dân các xã, phường." / "Ngày 29/6/2026, …": the list ended
    if line.soft_wrap and _DANGLING.search(prev.text[-12:]):
        return True  # "… và quy định tại" / "Điều 227 Bộ Luật hình sự": a marker the writer's wrap put first
    marker = parse_marker(line.text, prev.text)
    if marker is not None:
        return not fits and marker.kind in _NUMBERED and _wrapped_number(prev, line, width)
    place_date = PLACE_DATE.match(line.text)
    if place_date and _wrapped_place(prev.text, place_date.group("place")):
        return True  # "Thành phố Hồ Chí" / "Minh, ngày 18 tháng 11 năm 2025": the place name wrapped
    if place_date or _SO_NUMBER.match(line.text):
        return False  # "Hà Nội, ngày …" and "Số: …" stand on their own in a header
    if line.bold != prev.bold:
        return False
    if _signature_line(prev.text) or _signature_line(line.text):
        return False  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "[đã ký]": a signature block has one item a line
    if line.soft_wrap and _caps_change(last.text if last else prev.text, line.text):
        return False  # "NGHỊ QUYẾT" / "Ban hành …": plain text has no bold to tell the heading
    if line.soft_wrap and not _stacked_caps(prev, last.text if last else prev.text, line.text):
        return True
    if LOWER_START.match(line.text):
        return not SENTENCE_END.search(prev.text)
    if _DANGLING.search(prev.text[-12:]):
        return True  # "Hà Nội, ngày" / "24 tháng 11 năm 2025": no line ends on these words
    if line.blank_before:
        return False  # a blank line parts paragraphs in this text
    if CLAUSE_END.search(prev.text):
        return False
    if is_caps(line.text) != is_caps(last.text if last else prev.text):
        return False
    last_len = len(last.text) if last else len(prev.text)
    first_word = len(line.text.split()[0]) if line.text.split() else 0
    # a wrap moves a word down only when it does not fit: one that would have fit ended the line
    return last_len >= 0.8 * width and last_len + 1 + first_word > width


def build_paragraphs(lines: Iterable[Line], width: int | None = None) -> list[Paragraph]:
    lines = list(lines)
    width = width if width is not None else wrap_width(lines)
    out: list[Paragraph] = []
    last_labels: dict[MarkerKind, str] = {}
    for line in lines:
        marker = parse_marker(line.text, out[-1].text if out else None)
        fits = marker is None or fits_sequence(marker, last_labels)
        if out and joins(out[-1], line, width, fits):
            para = out[-1]
            para.text = join_fragments(para.text, line.text)
            para.line_end = line.line
            para.lines.append(line)
            continue
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
                marker=marker,
                lines=[line],
            )
        )
        if marker is not None:
            last_labels[marker.kind] = marker.label
    for i, para in enumerate(out):
        if para.marker is not None and len(para.lines) > 1:
            para.marker = parse_marker(para.text, out[i - 1].text if i else None)
    return out
