"""Metadata per NĐ 30/2020: number, type, issuer, place, date, title, signer, recipients, citations,
appendix. What the document does not say is None plus a warning; nothing is invented."""

from __future__ import annotations

import datetime as dt

import regex

from ..glossary import load_glossary
from ..model import warning_codes as codes
from ..model.metadata import AppendixInfo, DocumentMeta
from ..model.warnings import ParseWarning
from ..structure.paragraphs import Paragraph, is_caps
from ..structure.patterns import (
    PLACE_DATE,
    QUOC_HIEU,
    QUOC_HIEU_INSIDE,
    QUOC_HIEU_TAIL,
    SEPARATOR,
    SO_LINE,
    SO_PREFIX,
    TIEU_NGU,
    TYPE_CODES,
    TYPE_NAMES,
    VV_LINE,
    type_name_of,
)
from ..structure.zones import Layout
from ..text import rx
from .casing import organization_case, sentence_case
from .cites import find_cites
from .closing import Closing, addressees, capacity_and_principal
from .header_names import join_broken_names, separate_fused_words, split_fused_issuer
from .party import is_party_document, read_party_metadata

_KY_HIEU = rx.compile(
    r"^(?P<num>\d*)[\s._…]*/\s*(?:(?P<year>\d{4})\s*/\s*)?(?P<code>[\p{L}Đđ&]+)\s*-\s*(?P<issuer>[\p{L}Đđ&]+(?:\s*-\s*[\p{L}Đđ&]+)?\d*)"
)
_LEVEL_WORD = rx.compile(r"^(TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\b")
_ISSUER_IN_TEXT = rx.compile(
    r"\b(?P<org>(?:Ủy|Uỷ) ban nhân dân|UBND)\s+(?P<level>tỉnh|thành phố)\s+(?:ban hành|xây dựng)",
)
_APPENDIX_REF = rx.compile(r"\bph[ụu]\s*l[ụu]c\b|\bbiểu\s+(?:mẫu\s+)?kèm\s+theo\b", regex.IGNORECASE)


def _w(code: str, message: str, page: int | None = None) -> ParseWarning:
    return ParseWarning(code=code, message=message, page=page)


def parse_number(text: str) -> tuple[str | None, str | None, bool]:
    """'686 /KH-UBND' -> ('686/KH-UBND', 'KH', False); '   /KH-UBND' -> (None, 'KH', True)."""
    m = _KY_HIEU.match(text.strip())
    if not m:
        return None, None, False
    code = m.group("code")
    issuer = regex.sub(r"\s*-\s*", "-", m.group("issuer"))
    type_code = code if code in TYPE_CODES else None
    if not m.group("num"):
        return None, type_code, True
    year = f"{m.group('year')}/" if m.group("year") else ""
    return f"{m.group('num')}/{year}{code}-{issuer}", type_code, False


def _issuer_lines(header: list[Paragraph]) -> list[str]:
    groups: list[str] = []
    for line in join_broken_names([separate_fused_words(p.text.strip()) for p in header]):
        t = QUOC_HIEU_INSIDE.sub("", line)
        if (
            not is_caps(t)
            or QUOC_HIEU.match(t)
            or TIEU_NGU.match(t)
            or SO_LINE.match(t)
            or SEPARATOR.match(t)
        ):
            continue
        if QUOC_HIEU_TAIL.match(t):
            continue
        if PLACE_DATE.match(t) or VV_LINE.match(t) or type_name_of(t):
            continue
        t = regex.sub(r"[-_–—]{2,}.*$", "", t).strip()
        if not t:
            continue
        if groups and _LEVEL_WORD.match(t):
            groups[-1] = f"{groups[-1]} {t}"
        else:
            groups.extend(split_fused_issuer(t))
    return groups


def _province_for_issuer(meta: DocumentMeta, text: str) -> str | None:
    g = load_glossary()
    if meta.place:
        province = g.find_province(meta.place)
        if province:
            return province
    found = {p for p in g.provinces if regex.search(rf"(?<!\p{{L}}){regex.escape(p)}(?!\p{{L}})", text)}
    return found.pop() if len(found) == 1 else None


def _level_word(province: str) -> str:
    return (
        "thành phố"
        if province in {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
        else "tỉnh"
    )


def _infer_issuer(
    meta: DocumentMeta, closing: Closing, body_text: str, all_text: str
) -> tuple[str | None, str]:
    """An issuer from what the document says elsewhere: 'TM. ỦY BAN NHÂN DÂN' in the signature,
    '… Ủy ban nhân dân tỉnh ban hành kế hoạch' in the preamble; the province from the place line or
    the one province the text names."""
    said = None
    basis = ""
    if any(
        c.startswith("TM.") and "ủy ban nhân dân" in c.lower().replace("uỷ", "ủy") for c in closing.capacities
    ):
        said, basis = "Ủy ban nhân dân", "the signature (TM. Ủy ban nhân dân)"
    m = _ISSUER_IN_TEXT.search(body_text)
    if m:
        said, basis = "Ủy ban nhân dân", f"the text ('{m.group(0)}')"
    if said is None:
        return None, ""
    province = _province_for_issuer(meta, all_text)
    if province is None:
        return f"{said} tỉnh", basis
    return (
        f"{said} {_level_word(province)} {province}",
        basis + f" and the province named in the document ({province})",
    )


def extract_metadata(
    layout: Layout, closing: Closing, all_text: str, has_task_table: bool, notes_text: str = ""
) -> tuple[DocumentMeta, list[ParseWarning]]:
    """`notes_text`: the footnotes and endnotes; the documents they cite are the document's citations."""
    meta = DocumentMeta()
    warnings: list[ParseWarning] = []
    header = layout.header
    blank_number = False
    so = next((p for p in header if SO_LINE.match(p.text)), None)
    if so is not None:
        meta.number, meta.doc_type, blank_number = parse_number(SO_LINE.match(so.text).group(1))
    if layout.type_line is not None:
        name = type_name_of(layout.type_line.text)
        if name:
            meta.doc_type_name = sentence_case(name)
            meta.doc_type = meta.doc_type or TYPE_NAMES.get(name) or None
    elif layout.title and VV_LINE.match(layout.title[0].text):
        meta.doc_type_name = "Công văn"
    elif meta.doc_type:
        meta.doc_type_name = sentence_case(TYPE_CODES[meta.doc_type])
    if meta.number is None:
        if blank_number:
            warnings.append(
                _w(codes.NUMBER_BLANK, "the number is left blank in 'Số: …' (a draft?); number is null")
            )
        else:
            warnings.append(
                _w(codes.NUMBER_MISSING, "no 'Số: …' line: the document number is missing; number is null")
            )

    pd = next((m for p in header if (m := PLACE_DATE.match(SO_PREFIX.sub("", p.text)))), None)
    if pd is None:
        warnings.append(
            _w(codes.PLACE_MISSING, "no '<place>, ngày … tháng … năm …' line: place and date are null")
        )
        warnings.append(_w(codes.DATE_MISSING, "the issue date is missing; date is null"))
    else:
        meta.place = " ".join(pd.group("place").split()).strip(" ,.")
        day, month, year = pd.group("day"), pd.group("month"), pd.group("year")
        if day and month and year:
            try:
                meta.date = dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                warnings.append(
                    _w(codes.DATE_INVALID, f"the issue date '{pd.group(0)}' is not a real date; date is null")
                )
        else:
            warnings.append(
                _w(codes.DATE_BLANK, f"the issue date is left blank ('{pd.group(0).strip()}'); date is null")
            )

    issuers = _issuer_lines(header)
    if issuers:
        meta.issuer = organization_case(issuers[-1])
        if len(issuers) > 1:
            meta.parent_issuer = organization_case(issuers[-2])
    else:
        body_text = "\n".join(p.text for p in layout.preamble + layout.title)
        inferred, basis = _infer_issuer(meta, closing, body_text, all_text)
        if inferred:
            meta.issuer = inferred
            warnings.append(
                _w(codes.ISSUER_INFERRED, f"no issuer in the header; '{inferred}' is taken from {basis}")
            )
        else:
            warnings.append(
                _w(codes.ISSUER_MISSING, "no issuer in the header and none stated elsewhere; issuer is null")
            )
    if not header:
        warnings.append(
            _w(codes.HEADER_MISSING, "the document has no header (issuer, Quốc hiệu, number, place and date)")
        )

    if layout.title:
        title = " ".join(p.text for p in layout.title)
        vv = VV_LINE.match(title)
        meta.title = (vv.group(1) if vv else title).strip() or None
    if meta.title is None:
        warnings.append(_w(codes.TITLE_MISSING, "no title (trích yếu) found"))

    meta.signing_capacity, meta.on_behalf_of = capacity_and_principal(closing.capacities)
    meta.signer_title = closing.signer_title
    meta.signer = closing.signer
    if meta.signer is None:
        warnings.append(_w(codes.SIGNER_MISSING, "no signer's name in the signature block (unsigned draft?)"))
    meta.addressees = list(dict.fromkeys(addressees(layout.addressees)))
    meta.recipients = list(dict.fromkeys(meta.addressees + closing.recipients))
    if not meta.recipients:
        warnings.append(_w(codes.RECIPIENTS_MISSING, "no 'Nơi nhận' or 'Kính gửi' list found"))
    meta.cites = find_cites(f"{all_text}\n{notes_text}" if notes_text else all_text, own=meta.number)

    appendix_text = " ".join(p.text for p in layout.appendix if isinstance(p, Paragraph))
    present = (
        has_task_table
        or bool(_APPENDIX_REF.match(appendix_text.strip()[:20]))
        or any(
            isinstance(p, Paragraph) and p.text.upper().startswith(("PHỤ LỤC", "PHU LUC"))
            for p in layout.appendix
        )
    )
    referenced_in = "\n".join(
        [p.text for p in layout.title + layout.preamble]
        + [b.text for b in layout.body if isinstance(b, Paragraph)]
    )
    meta.appendix = AppendixInfo(present=present, referenced=bool(_APPENDIX_REF.search(referenced_in)))
    if meta.appendix.referenced and not meta.appendix.present:
        warnings.append(
            _w(codes.APPENDIX_ABSENT, "the text refers to an appendix (Phụ lục) that is not in the document")
        )
    if is_party_document(header):
        return read_party_metadata(layout, closing, meta, warnings)
    return meta, warnings
