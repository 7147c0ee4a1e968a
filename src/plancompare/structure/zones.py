"""Split a document into the parts NĐ 30/2020 prescribes, in order:
header (issuer, Quốc hiệu, Số, place and date) -> type line ("KẾ HOẠCH") -> title (trích yếu)
-> addressees ("Kính gửi", công văn) -> preamble ("Thực hiện…", "Căn cứ…") -> body (numbered parts)
-> closing (Nơi nhận, signature) -> appendix (Phụ lục, attached plan, task tables).

Every paragraph gets exactly one role; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.labels import ParagraphRole
from ..readers.document import Table
from ..text.punct import SENTENCE_END
from .markers import MarkerKind
from .paragraphs import Paragraph
from .patterns import (
    APPENDIX,
    ATTACHED_CAPTION,
    CAPACITY,
    KINH_GUI,
    NOI_NHAN,
    OPERATIVE,
    PLACE_DATE,
    PREAMBLE_START,
    QUOC_HIEU,
    SO_LINE,
    TIEU_NGU,
    VV_LINE,
    type_name_of,
)

Block = Paragraph | Table
HEAD_WINDOW = 30  # the header and title sit in the first few dozen paragraphs


@dataclass(slots=True)
class Layout:
    header: list[Paragraph] = field(default_factory=list)
    type_line: Paragraph | None = None
    title: list[Paragraph] = field(default_factory=list)
    addressees: list[Paragraph] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    appendix: list[Block] = field(default_factory=list)


def _is_content_start(p: Paragraph) -> bool:
    t = p.text
    if PREAMBLE_START.match(t) or KINH_GUI.match(t) or OPERATIVE.match(t):
        return True
    return p.marker is not None and p.marker.kind not in (MarkerKind.DASH, MarkerKind.PLUS)


def _is_header_like(p: Paragraph) -> bool:
    t = p.text
    return (
        bool(p.caps or QUOC_HIEU.match(t) or TIEU_NGU.match(t) or SO_LINE.match(t) or PLACE_DATE.match(t))
        or len(t) < 60
    )


def _header_part(p: Paragraph) -> bool:
    """A line only the header holds: a name in capitals, the Quốc hiệu, the tiêu ngữ, "Số: …", the
    place and date."""
    t = p.text
    return bool(p.caps or QUOC_HIEU.match(t) or TIEU_NGU.match(t) or SO_LINE.match(t) or PLACE_DATE.match(t))


def continues_subject(p: Paragraph, subject: Paragraph) -> bool:
    """Does `p`, right under the "V/v …" subject's lines, go on with it? The subject runs on in its
    column, whatever its lines' lengths, until a header line (the other column, read after it) or the
    letter's body ("Kính gửi:", a numbered part, a sentence ended by a full stop)."""
    return (
        p.column == subject.column
        and not _is_item(p)  # a subject has no list items: "- Sở …" is an addressee beside a centred label
        and not _header_part(p)
        and not KINH_GUI.match(p.text)
        and not SENTENCE_END.search(p.text)
    )


def _title_stops(p: Paragraph, title: list[Paragraph]) -> bool:
    if not title:
        # the trích yếu follows the type line and may itself open with "Thực hiện …"; a preamble
        # ends with "như sau:" and a decision's opens with "Căn cứ"
        return bool(
            (p.marker is not None and p.marker.kind not in (MarkerKind.DASH, MarkerKind.PLUS))
            or KINH_GUI.match(p.text)
            or OPERATIVE.match(p.text)
            or ATTACHED_CAPTION.match(p.text)
            or p.text.startswith("Căn cứ")
            or p.text.rstrip().endswith(":")
        )
    if _is_content_start(p) or ATTACHED_CAPTION.match(p.text):
        return True
    if len(title) >= 4:
        return True
    if p.caps and not all(_upper(t.text) for t in title):
        return True  # a heading in capitals after a title in lower case
    if p.caps and p.bold != title[-1].bold:
        return True
    return bool(title and title[0].bold and not p.bold)


def _upper(text: str) -> bool:
    """Letters, none lower case: "THỰC" (one word of a title wrapped after it) counts."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def _para_at(blocks: list[Block], i: int) -> Paragraph | None:
    b = blocks[i] if i < len(blocks) else None
    return b if isinstance(b, Paragraph) else None


def _find(blocks: list[Block], test: Callable[[Paragraph], bool]) -> int | None:
    return next((i for i, b in enumerate(blocks[:HEAD_WINDOW]) if isinstance(b, Paragraph) and test(b)), None)


def _head(blocks: list[Block], layout: Layout) -> int:
    """Fill header/type/title/addressees; return the index where the preamble or body starts."""
    type_at = _find(blocks, lambda p: p.caps and type_name_of(p.text) is not None)
    vv_at = _find(blocks, lambda p: bool(VV_LINE.match(p.text)))
    i = 0
    if type_at is not None and (vv_at is None or type_at < vv_at):
        layout.header = [b for b in blocks[:type_at] if isinstance(b, Paragraph)]
        layout.type_line = _para_at(blocks, type_at)
        i = type_at + 1
        while (p := _para_at(blocks, i)) is not None and not _title_stops(p, layout.title):
            layout.title.append(p)
            i += 1
    elif vv_at is not None:
        # công văn: "V/v …" sits in the header's left column; its wrapped lines follow it there
        while (p := _para_at(blocks, i)) is not None and not _is_content_start(p):
            continues_title = i > vv_at and bool(layout.title) and blocks[i - 1] is layout.title[-1]
            if i == vv_at or (continues_title and continues_subject(p, layout.title[0])):
                layout.title.append(p)
            else:
                layout.header.append(p)
            i += 1
    else:
        while (
            i < HEAD_WINDOW
            and (p := _para_at(blocks, i)) is not None
            and not _is_content_start(p)
            and _is_header_like(p)
        ):
            layout.header.append(p)
            i += 1
    if (label := _para_at(blocks, i)) is not None and KINH_GUI.match(label.text):
        layout.addressees = _items_above_label(blocks, i, layout)
        while (p := _para_at(blocks, i)) is not None and (p is label or is_addressee(p, layout.addressees)):
            layout.addressees.append(p)
            i += 1
    return i


def _items_above_label(blocks: list[Block], at: int, layout: Layout) -> list[Paragraph]:
    """The dash items right above the "Kính gửi:" label at `at`, taken back from the header: a
    label centred (or set at the bottom) beside its list in a borderless table comes after the
    list's first items in the text."""
    k = at
    while k > 0 and (q := _para_at(blocks, k - 1)) is not None and _is_item(q) and q in layout.header:
        k -= 1
    items = [b for b in blocks[k:at] if isinstance(b, Paragraph)]
    layout.header = [q for q in layout.header if all(q is not x for x in items)]
    return items


def _is_item(p: Paragraph) -> bool:
    return p.marker is not None and p.marker.kind in (MarkerKind.DASH, MarkerKind.PLUS)


def is_addressee(p: Paragraph, taken: list[Paragraph]) -> bool:
    """Is `p` one more addressee after the "Kính gửi" lines `taken`? A dash list ends at its first
    line that is no item (its wrapped items were joined to them already); without a list, one short
    line under a bare "Kính gửi:" names the addressee."""
    if PREAMBLE_START.match(p.text) or _is_content_start(p):
        return False
    if any(_is_item(q) for q in taken) or _is_item(p):
        return _is_item(p)
    label = KINH_GUI.match(taken[0].text)
    bare = len(taken) == 1 and label is not None and not label.group(1).strip()
    return bare and len(p.text) <= 80


def _closing_start(blocks: list[Block], start: int) -> int:
    for i in range(start, len(blocks)):
        b = blocks[i]
        if isinstance(b, Paragraph) and (NOI_NHAN.match(b.text) or (CAPACITY.match(b.text) and b.caps)):
            return i
    return len(blocks)


def _appendix_start(blocks: list[Block], start: int) -> int:
    for i in range(start, len(blocks)):
        b = blocks[i]
        if isinstance(b, Table):
            return i
        if APPENDIX.match(b.text) or QUOC_HIEU.match(b.text) or ATTACHED_CAPTION.match(b.text):
            return i
        if b.caps and type_name_of(b.text):
            return _with_own_header(blocks, start, i)
    return len(blocks)


def _with_own_header(blocks: list[Block], start: int, type_at: int) -> int:
    """An attached document ("KẾ HOẠCH … ban hành kèm theo Quyết định …") may repeat its issuer
    lines above its type line; they belong to it, not to the closing before it."""
    k = type_at
    while k > start and isinstance(b := blocks[k - 1], Paragraph) and b.caps and not CAPACITY.match(b.text):
        k -= 1
    return k


def split_layout(blocks: list[Block]) -> Layout:
    layout = Layout()
    i = _head(blocks, layout)
    for para in layout.header:
        para.role = ParagraphRole.HEADER
    if layout.type_line is not None:
        layout.type_line.role = ParagraphRole.TYPE
    for para in layout.title:
        para.role = ParagraphRole.TITLE
    for para in layout.addressees:
        para.role = ParagraphRole.ADDRESSEES
    closing_at = _closing_start(blocks, i)
    if closing_at < len(blocks):
        appendix_at = _appendix_start(blocks, closing_at)
    else:  # no signature block (a truncated file): the body still ends at a "PHỤ LỤC" heading
        appendix_at = next(
            (
                k
                for k in range(i, len(blocks))
                if isinstance(b := blocks[k], Paragraph) and APPENDIX.match(b.text) and (b.caps or b.bold)
            ),
            len(blocks),
        )
        closing_at = appendix_at
    body = blocks[i:closing_at]
    first_marker = next(
        (
            k
            for k, b in enumerate(body)
            if isinstance(b, Paragraph)
            and b.marker is not None
            and b.marker.kind not in (MarkerKind.DASH, MarkerKind.PLUS)
        ),
        None,
    )
    if first_marker is None:  # no numbered parts: the first paragraph is the preamble
        first_marker = (
            1 if body and isinstance(body[0], Paragraph) and PREAMBLE_START.match(body[0].text) else 0
        )
    for b in body[:first_marker]:
        if isinstance(b, Paragraph):
            b.role = ParagraphRole.PREAMBLE
            layout.preamble.append(b)
        else:
            layout.body.append(b)
    layout.body.extend(body[first_marker:])
    for b in layout.body:
        if isinstance(b, Paragraph):
            b.role = ParagraphRole.BODY
    layout.closing = [b for b in blocks[closing_at:appendix_at] if isinstance(b, Paragraph)]
    layout.appendix = blocks[appendix_at:]
    for b in layout.appendix:
        if isinstance(b, Paragraph):
            b.role = ParagraphRole.APPENDIX
    return layout


def looks_like_name(text: str) -> bool:
    """'Bùi Thanh An', 'Lê Trung Hồ': 2-5 words, each capitalized, nothing else."""
    words = text.strip().split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
