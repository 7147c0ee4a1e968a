"""Who a reference item is for: central bodies only, every locality, named localities, or unspecified.

A national programme mixes obligations of ministries (draft a law, build a national database) with
obligations of every province; a provincial plan is only expected to carry the second kind. The rule,
in order (docs/comparison.md, "Who an item is for"):

1. the item names provinces after "tỉnh"/"thành phố"/"tại" → named localities;
2. its lead units (the table's Chủ trì column, else the subject of its sentence) include a local body
   (UBND các tỉnh, a Sở, "các địa phương") → every locality; all central → central;
3. its text addresses localities ("các địa phương", "cấp tỉnh", "xã, phường") → every locality;
4. its text is a central act (draft, amend or issue a Luật, Nghị định, Pháp lệnh; "trình Quốc hội")
   → central;
5. else the default the reference's Tổ chức thực hiện gives (every locality when it tells the
   provinces to carry the programme), else unspecified.

Only a national reference (issued by the Party Centre, the National Assembly, the Government, the
Prime Minister or a ministry) has central-only items; for any other reference every item is
unspecified, so comparing two provinces' plans never drops an item as "not for you".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..glossary import load_glossary
from ..model.metadata import DocumentMeta
from ..model.reference import Addressee
from ..model.units import UnitRef
from ..text import rx
from ..text.fold import fold

# groups that stand for the localities although central plans address them (glossary level central)
_LOCAL_GROUPS = frozenset({"ubnd_cac_tinh", "ubnd_cac_cap", "ubnd_cac_xa", "nhcsxh_cac_cap"})
_LOCAL_WORDS = (
    "địa phương", "các tỉnh", "tỉnh, thành phố", "cấp tỉnh", "cấp xã", "cấp cơ sở", "xã, phường",
    "ủy ban nhân dân các", "ubnd các", "tỉnh ủy, thành ủy", "các cấp ủy",
)  # fmt: skip
_LOCAL = rx.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(fold(w)) for w in _LOCAL_WORDS) + r")(?!\p{L})")
# a central act: drafting or amending a law-level text, or submitting to the central bodies
_CENTRAL_ACT = rx.compile(
    r"(?i:xây\s+dựng|soạn\s+thảo|sửa\s+đổi|bổ\s+sung|ban\s+hành|hoàn\s+thiện|trình|dự\s+án)"
    r"[^.;:]{0,60}?(?<!\p{L})(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết\s+của\s+Quốc\s+hội)(?!\p{L})"
    r"|(?<!\p{L})(?i:trình)\s+(?:Quốc\s+hội|Chính\s+phủ|Thủ\s+tướng|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư)(?!\p{L})"
)
_PLACE_CUE = rx.compile(r"(?:tỉnh|thành\s+phố|TP\.?|tại|địa\s+bàn)(?!\p{L})", regex.IGNORECASE)
_NOT_A_PLACE = rx.compile(r"(?:Cộng\s+sản|tư\s+tưởng|Chủ\s+tịch|Đại\s+học|Quốc\s+gia)\s+$", regex.IGNORECASE)
_CUE_WINDOW = 60
_NATIONAL_CODES = rx.compile(r"[-/](?:TTg|CP|TW|QH\d*|VPCP|BCĐTW)$|[-/]B[\p{Lu}Đ]{1,6}$")
_NATIONAL_ISSUER = rx.compile(
    r"^(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ\s|Ban Chấp hành Trung ương|Bộ Chính trị|"
    r"Ban Bí thư|Văn phòng Trung ương|Ban .* Trung ương|Ngân hàng Nhà nước)",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AddresseeReading:
    addressee: Addressee
    localities: tuple[str, ...] = ()
    basis: str | None = None


UNSPECIFIED = AddresseeReading(Addressee.UNSPECIFIED)


def is_national(meta: DocumentMeta) -> bool:
    """A document of a central body: its ký hiệu ends in a central code, or its issuer is one."""
    if meta.number and _NATIONAL_CODES.search(meta.number):
        return True
    return bool(meta.issuer and _NATIONAL_ISSUER.match(meta.issuer))


def addresses_localities(text: str) -> bool:
    return bool(_LOCAL.search(fold(text)))


def named_localities(text: str) -> tuple[str, ...]:
    """Provinces the text names as places ("Các tỉnh ven biển Quảng Ninh, Hải Phòng"), in order;
    not a province inside a body's name ("Đoàn TNCS Hồ Chí Minh", "Đại học Quốc gia Hà Nội")."""
    found: list[tuple[int, str]] = []
    glossary = load_glossary()
    for name in glossary.provinces:
        for m in regex.finditer(rf"(?<!\p{{L}}){regex.escape(name)}(?!\p{{L}})", text):
            before = text[max(0, m.start() - _CUE_WINDOW) : m.start()]
            if _PLACE_CUE.search(before) and not _NOT_A_PLACE.search(before):
                found.append((m.start(), name))
                break
    return tuple(name for _, name in sorted(found))


# bodies of the Centre the glossary does not list: "Ban Tuyên giáo và Dân vận Trung ương", "Đảng đoàn
# Quốc hội", "Ban cán sự đảng Chính phủ", a ministry under its former name
_CENTRAL_NAME = rx.compile(
    r"(?:Trung\s+ương|Quốc\s+hội|Chính\s+phủ|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư)(?:\s+Đảng)?\s*$|^(?:[Cc]ác\s+)?[Bb]ộ\s"
)


def _unit_is_central(u: UnitRef) -> bool:
    return u.level == "central" or (u.level is None and bool(_CENTRAL_NAME.search(u.text.strip())))


def _unit_is_local(u: UnitRef) -> bool:
    return u.unit_id in _LOCAL_GROUPS or u.level in ("province", "commune")


def _from_units(units: list[UnitRef]) -> AddresseeReading | None:
    if not units:
        return None
    names = "; ".join(u.canonical or u.text for u in units)
    if any(_unit_is_local(u) or addresses_localities(u.text) for u in units):
        return AddresseeReading(Addressee.EVERY_LOCALITY, basis=f"lead units: {names}")
    if all(_unit_is_central(u) for u in units):
        return AddresseeReading(Addressee.CENTRAL, basis=f"lead units: {names}")
    return None


def classify_addressee(text: str, lead_units: list[UnitRef], default: AddresseeReading) -> AddresseeReading:
    """The addressee of one item of a national reference (rules in the module docstring)."""
    from ..extract.actors import lead_units as subject_units

    places = named_localities(text)
    if places:
        return AddresseeReading(Addressee.NAMED_LOCALITIES, places, basis="the item names them")
    by_units = _from_units(lead_units) or _from_units(subject_units(text))
    if by_units is not None:
        return by_units
    if addresses_localities(text):
        return AddresseeReading(Addressee.EVERY_LOCALITY, basis="the item addresses localities")
    act = _CENTRAL_ACT.search(text)
    if act:
        return AddresseeReading(Addressee.CENTRAL, basis=f"a central act ('{act.group(0)}')")
    return default


def default_addressee(organisation_text: str) -> AddresseeReading:
    """What the reference's Tổ chức thực hiện section says about items that name nobody."""
    if addresses_localities(organisation_text):
        return AddresseeReading(
            Addressee.EVERY_LOCALITY, basis="Tổ chức thực hiện tells the localities to carry it out"
        )
    return UNSPECIFIED
