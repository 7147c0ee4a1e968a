"""Metadata of Party documents (Hướng dẫn 36-HD/VPTW of 2018; facts and sources in
docs/party-documents.md).

A Party document's header differs from a state one: the issuer (left) sits over a `*`, the right
header is "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the Quốc hiệu, the number reads "Số 31-CTr/TU" (no colon,
number-type/issuer), often on one line with the place and date, and the signature says "T/M BAN
THƯỜNG VỤ" / "K/T BÍ THƯ" / "PHÓ BÍ THƯ THƯỜNG TRỰC". Scans and layout text put both header columns on
one line and damage letters ("BAN CHẮÁP HÀNH"), so every phrase here is matched tolerantly.
`read_party_metadata` corrects what the state-document reading got wrong and leaves the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..glossary import load_glossary
from ..model import warning_codes as codes
from ..model.metadata import DocumentMeta
from ..model.warnings import ParseWarning
from ..structure.paragraphs import Paragraph
from ..structure.patterns import PLACE_DATE, SEPARATOR, TYPE_NAMES, type_name_of
from ..structure.zones import Layout
from ..text import rx
from ..text.fold import fold_ascii
from .casing import sentence_case
from .closing import Closing

# "ĐẢNG CỘNG SẢN VIỆT NAM", letters possibly damaged by OCR ("ĐẢNG CỘNG SẨN VIỆT NAM", "DANG CONG SAN")
_MOTTO = rx.compile(
    r"(?<!\p{L})[ĐD]\p{L}{1,3}NG\s*C\p{L}{1,3}NG\s+S\p{L}{1,3}N\s+VI\p{L}{1,3}T\s+NAM(?!\p{L})",
    regex.IGNORECASE,
)
# "Số 31-CTr/TU", "Số: 05-KL/TW", "Số      -CTr/TU" (digits stamped as an image); what follows may be
# the place and date of the same line
_NUMBER = rx.compile(
    r"(?<!\p{L})S[ốôo]\s*[:.]?\s*(?P<num>\d*)[\s._…]*-\s*(?P<code>[\p{L}]{1,4})\s*/\s*"
    r"(?P<issuer>[\p{Lu}Đ]{1,6}(?:\s*-\s*[\p{Lu}Đ]{1,6})?)(?!\p{L})(?P<rest>.*)$"
)
PARTY_TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "QC": "Quy chế",
    "TT": "Thông tri", "HD": "Hướng dẫn", "TB": "Thông báo", "TC": "Thông cáo", "BC": "Báo cáo",
    "KH": "Kế hoạch", "CTr": "Chương trình", "ĐA": "Đề án", "TTr": "Tờ trình", "CV": "Công văn",
    "BB": "Biên bản",
}  # fmt: skip
# Party casing: "PHÓ BÍ THƯ THƯỜNG TRỰC" -> "Phó Bí thư Thường trực", "T/M BAN THƯỜNG VỤ" -> "T/M Ban Thường vụ"
_PARTY_WORDS = (
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Tổng Bí thư", "Bí thư", "Thường trực",
    "Ban Thường vụ", "Văn phòng Trung ương Đảng", "Văn phòng", "Trung ương", "Tỉnh ủy", "Thành ủy",
    "Đảng ủy", "Huyện ủy", "Ban Chỉ đạo", "Ban Tổ chức", "Ban Tuyên giáo và Dân vận", "Ủy ban Kiểm tra",
    "Đảng bộ", "Đảng", "Ủy viên",
)  # fmt: skip
# issuers written in full; an OCR'd header is matched against these by similarity
_FIXED_ISSUERS = ("Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Văn phòng Trung ương Đảng")
_ISSUER_HEADS = ("Tỉnh ủy", "Thành ủy", "Đảng ủy", "Huyện ủy", "Ban Chỉ đạo", "Ban Thường vụ", "Đảng bộ")
_CAPACITY = rx.compile(r"^\s*(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TM|KT|TL)\s*[.:]?\s+(\S.*)$")
# a title joined with the preamble after it: cut where a capitalized preamble opening begins
_PREAMBLE_INSIDE = rx.compile(r"\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)(?!\p{L}))")
_SIMILAR = 84  # rapidfuzz ratio for an OCR-damaged phrase


@dataclass(frozen=True, slots=True)
class PartyNumber:
    number: str | None
    type_code: str
    blank: bool
    rest: str


def _w(code: str, message: str) -> ParseWarning:
    return ParseWarning(code=code, message=message)


def has_party_motto(text: str) -> bool:
    return bool(_MOTTO.search(text))


def parse_party_number(text: str) -> PartyNumber | None:
    """'Số 31-CTr/TU Lào Cai, ngày …' -> 31-CTr/TU (and the rest of the line); None if no Party number."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    issuer = regex.sub(r"\s+", "", m.group("issuer"))
    code = m.group("code")
    number = f"{int(m.group('num'))}-{code}/{issuer}" if m.group("num") else None
    return PartyNumber(number=number, type_code=code, blank=number is None, rest=m.group("rest").strip())


def is_party_document(header: list[Paragraph]) -> bool:
    """The Party's right header, or a number written number-type/issuer ("31-CTr/TU")."""
    return any(has_party_motto(p.text) or parse_party_number(p.text) for p in header)


def party_case(text: str) -> str:
    """Capitals of a Party header or signature as written in running text."""
    out = sentence_case(text)
    for phrase in _PARTY_WORDS:
        out = regex.sub(rf"(?<!\p{{L}}){regex.escape(phrase.lower())}(?!\p{{L}})", phrase, out, flags=regex.I)
    province = load_glossary().find_province(text)
    if province:
        out = regex.sub(
            rf"(?<!\p{{L}}){regex.escape(province.lower())}(?!\p{{L}})", province, out, flags=regex.I
        )
    return out[:1].upper() + out[1:]


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(fold_ascii(a), fold_ascii(b)) >= _SIMILAR


def _province_named(words: str) -> str | None:
    """The province `words` name as a whole, tolerating OCR slips in the marks ("QUẢNG NGẢI")."""
    from rapidfuzz import fuzz, process

    by_ascii = {fold_ascii(p): p for p in load_glossary().provinces}
    hit = process.extractOne(fold_ascii(words), by_ascii.keys(), scorer=fuzz.ratio, score_cutoff=_SIMILAR)
    return by_ascii[hit[0]] if hit else None


_LEVEL_THEN_PLACE = rx.compile(r"^((?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã)\s+)(\p{L}.*)$")


def _place_case(words: str) -> str:
    """'LÀO CAI' -> 'Lào Cai', 'TỈNH QUẢNG TRỊ' -> 'tỉnh Quảng Trị', 'XÃ CAM LỘ' -> 'xã Cam Lộ'."""
    lower = " ".join(words.split()).lower()
    m = _LEVEL_THEN_PLACE.match(lower)
    level, place = (m.group(1), m.group(2)) if m else ("", lower)
    return level + (_province_named(place) or place.title())


def party_issuer_name(text: str) -> str:
    """'BAN CHẮÁP HÀNH TRUNG ƯƠNG' -> 'Ban Chấp hành Trung ương'; 'TỈNH ỦY LÀO CAI' -> 'Tỉnh ủy Lào Cai'."""
    t = " ".join(text.split())
    for name in _FIXED_ISSUERS:
        if _similar(t, name):
            return name
    words = t.split()
    for head in _ISSUER_HEADS:
        n = len(head.split())
        if len(words) > n and _similar(" ".join(words[:n]), head):
            return f"{head} {_place_case(' '.join(words[n:]))}"
    return party_case(t)


def _header_texts(layout: Layout) -> list[str]:
    """Header lines with the Party motto cut out (a scan puts both columns on one line)."""
    out = []
    for p in layout.header:
        t = _MOTTO.sub(" ", p.text).strip(" -_*")
        if t:
            out.append(" ".join(t.split()))
    return out


def _issuer_lines(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        if parse_party_number(t) or PLACE_DATE.match(t) or SEPARATOR.match(t) or type_name_of(t):
            continue
        if t.upper() != t or not regex.search(r"\p{L}", t):
            continue
        out.append(t)
    return out


def _issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent issuer): the lines joined when OCR broke one name over two lines, else the last
    line under its parent ("ĐẢNG BỘ TỈNH X" / "ĐẢNG ỦY XÃ Y")."""
    if not lines:
        return None, None
    joined = " ".join(lines)
    if len(lines) == 1 or any(_similar(joined, name) for name in _FIXED_ISSUERS):
        return party_issuer_name(joined), None
    return party_issuer_name(lines[-1]), party_issuer_name(" ".join(lines[:-1]))


def _place_date(meta: DocumentMeta, text: str, warnings: list[ParseWarning]) -> None:
    m = PLACE_DATE.search(text)
    if m is None:
        return
    meta.place = " ".join(m.group("place").split()).strip(" ,.")
    day, month, year = m.group("day"), m.group("month"), m.group("year")
    if not (day and month and year):
        warnings.append(
            _w(codes.DATE_BLANK, f"the issue date is left blank ('{m.group(0).strip()}'); date is null")
        )
        return
    try:
        meta.date = dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        warnings.append(
            _w(codes.DATE_INVALID, f"the issue date '{m.group(0)}' is not a real date; date is null")
        )


def _type_name_like(caps: str) -> str | None:
    """'CHƯƠNG TRÌNH HÀNH ĐỘNG', or its OCR-damaged form 'CHƯƠNG LRÌNH HÀNH ĐỘNG', as its type name."""
    exact = type_name_of(caps)
    if exact or len(caps) < 6:
        return exact
    return next((name for name in TYPE_NAMES if len(name) >= 6 and _similar(caps, name)), None)


def _type_and_title(meta: DocumentMeta, texts: list[str], code: str | None) -> None:
    """A type line the state reading missed: joined with a lower-case trích yếu into one paragraph
    ("CHƯƠNG TRÌNH công tác …"), or damaged by OCR; the trích yếu is the text after it."""
    for i, t in enumerate(texts):
        m = regex.match(r"^(\p{Lu}[\p{Lu}\s]+?)(?:\s+(\p{Ll}.*))?$", t)
        name = _type_name_like(m.group(1)) if m else None
        if m is None or name is None:
            continue
        title = m.group(2) or (texts[i + 1] if i + 1 < len(texts) and not texts[i + 1].isupper() else "")
        meta.doc_type_name = meta.doc_type_name or sentence_case(name)
        meta.title = meta.title or _PREAMBLE_INSIDE.split(title.strip(), maxsplit=1)[0] or None
        break
    if meta.doc_type_name is None and code in PARTY_TYPES:
        meta.doc_type_name = PARTY_TYPES[code]


def _signature(meta: DocumentMeta, closing: Closing) -> None:
    capacities = []
    for c in closing.capacities:
        m = _CAPACITY.match(c)
        if m:
            mark = regex.sub(r"\s+", "", m.group(1)).upper()
            mark = mark if "/" in mark else f"{mark[0]}/{mark[1]}"
            capacities.append(f"{mark} {party_case(m.group(2))}")
    if capacities:
        tm = next((c for c in capacities if c.startswith("T/M")), None)
        inner = next((c for c in reversed(capacities) if not c.startswith("T/M")), None)
        meta.signing_capacity, meta.on_behalf_of = (inner, tm) if inner else (tm, None)
    if closing.signer_title:
        meta.signer_title = party_case(closing.signer_title)


_RESOLVED_HERE = {
    codes.NUMBER_MISSING, codes.NUMBER_BLANK, codes.PLACE_MISSING, codes.DATE_MISSING, codes.DATE_BLANK,
    codes.DATE_INVALID, codes.ISSUER_MISSING, codes.ISSUER_INFERRED, codes.TITLE_MISSING,
}  # fmt: skip


def read_party_metadata(
    layout: Layout, closing: Closing, meta: DocumentMeta, warnings: list[ParseWarning]
) -> tuple[DocumentMeta, list[ParseWarning]]:
    """`meta` corrected by the Party's own format; header warnings recomputed."""
    meta = meta.model_copy(deep=True)
    found: list[ParseWarning] = []
    texts = _header_texts(layout)
    number = next((n for t in texts if (n := parse_party_number(t))), None)
    if number is not None:
        meta.number, meta.doc_type = number.number, number.type_code
        if number.blank:
            found.append(
                _w(
                    codes.NUMBER_BLANK,
                    "the digits of 'Số …' are blank (stamped as an image?); number is null",
                )
            )
    elif meta.number is None:
        found.append(
            _w(codes.NUMBER_MISSING, "no 'Số …' line: the document number is missing; number is null")
        )
    meta.place = meta.date = None
    own_line = number.rest if number and PLACE_DATE.match(number.rest) else None
    date_text = own_line or next((t for t in texts if PLACE_DATE.match(t) and not parse_party_number(t)), "")
    _place_date(meta, date_text, found)
    if meta.place is None:
        found.append(
            _w(codes.PLACE_MISSING, "no '<place>, ngày … tháng … năm …' line: place and date are null")
        )
    issuer, parent = _issuer(_issuer_lines(texts))
    meta.issuer, meta.parent_issuer = issuer or meta.issuer, parent
    if meta.issuer is None:
        found.append(_w(codes.ISSUER_MISSING, "no issuer over the '*' of the Party header; issuer is null"))
    # a lower-case trích yếu is joined to its type line by paragraph building; it then opens the preamble
    _type_and_title(meta, texts + [p.text for p in layout.preamble[:1]], meta.doc_type)
    if meta.title is None:
        found.append(_w(codes.TITLE_MISSING, "no title (trích yếu) found"))
    _signature(meta, closing)
    meta.cites = [c for c in meta.cites if c != meta.number]  # read before the number was known
    kept = [w for w in warnings if w.code not in _RESOLVED_HERE]
    if meta.signer is not None:
        kept = [w for w in kept if w.code != codes.SIGNER_MISSING]
    return meta, kept + found
