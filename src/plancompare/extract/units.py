"""Split a list of units into one unit per entry and canonicalize each with the glossary.

Separators are ";", new lines, list dashes, and — only between two things that are each a unit —
"," and "và". Longest glossary match wins, so "Các sở, ban, ngành, đơn vị cấp tỉnh" and
"Sở Nông nghiệp và Môi trường" stay whole, and the hyphen of "chính trị - xã hội" is never a split.
"""

from __future__ import annotations

import regex

from ..glossary import Glossary, load_glossary
from ..model.units import UnitRef
from ..text import rx
from ..text.fold import fold

TOP_SPLIT = rx.compile(r"\s*(?:;|\n|(?:^|\s)[-–•+]\s+(?=\p{Lu}))\s*")
_PIECE_SPLIT = rx.compile(r"(,\s*|\s+và\s+)")
_HEAD = rx.compile(
    r"^(?:các\s+)?(?:sở|ủy ban|uỷ ban|ubnd|ub\b|ngân hàng|nhcsxh|chi nhánh|bộ|ban\b(?!\s+hành)|hội\b|hội đồng|"
    r"hđnd|đoàn|công an|thuế|thanh tra|văn phòng|mặt trận|mttq|chủ tịch|liên đoàn|tỉnh đoàn|báo\b|cổng|"
    r"trung tâm|phòng|cục|chính phủ|tổng cục|(?<=các\s)tổ chức|cơ quan|kho bạc|bảo hiểm|viện|trường|bệnh viện|"
    r"quỹ|đài|tỉnh ủy|tỉnh uỷ|thường trực|bộ chỉ huy|tòa án|viện kiểm sát|chi cục|công ty|tổng công ty|tập đoàn)",
    regex.IGNORECASE,
)
# "… trong phạm vi chức năng, nhiệm vụ của mình": a qualifier of the units before it, not a unit
# (its comma would split the list)
_QUALIFIER = rx.compile(
    r"\s*,?\s+(?:trong phạm vi|theo|thuộc phạm vi)\s+(?:chức năng,?\s*nhiệm vụ|thẩm quyền|lĩnh vực)"
    r"(?:\s*(?:,|và)?\s*(?:quyền hạn|nhiệm vụ|lĩnh vực|địa bàn))*(?:\s+(?:của mình|được giao|quản lý))?",
    regex.IGNORECASE,
)
_STRIP = rx.compile(r"^[\s\-–•+.,;:]+|[\s.,;:]+$")


# An organisation's acronym stands for a unit: "VTV", "TTXVN", "NHCSXH", "Sở KH&CN" aside.
_ACRONYM = rx.compile(r"^\p{Lu}[\p{Lu}&Đ]{1,9}$")
_NB_HYPHEN = "\u2011"


def starts_like_unit(text: str) -> bool:
    return bool(_HEAD.match(fold(text))) or bool(_ACRONYM.match(text.strip()))


def _protect_hyphens(text: str, glossary: Glossary) -> str:
    """The hyphen inside a name the glossary knows ("Bộ Lao động - Thương binh và Xã hội") is no
    list dash: it is swapped for a non-breaking hyphen while the list is split."""
    for pattern in glossary.hyphenated_patterns():
        text = pattern.sub(lambda m: m.group(0).replace("-", _NB_HYPHEN).replace("–", _NB_HYPHEN), text)
    return text


def _joined(pieces: list[str], seps: list[str], i: int, j: int) -> str:
    """Pieces i..j-1 with the separators that stood between them."""
    return "".join(p + (seps[k] if k < j - 1 else "") for k, p in enumerate(pieces[i:j], start=i))


def _is_tail(piece: str, sep: str, glossary: Glossary, head: str = "") -> bool:
    """A short piece after a comma that names no unit finishes the list before it
    ("UBND các phường, xã, đặc khu"); after "và", only a collective's ("các bộ, ngành và địa phương")."""
    collective = fold(head).startswith("các ")
    return (
        (sep.strip() == "," or (sep.strip() == "và" and collective))
        and len(piece.split()) <= 2
        and not starts_like_unit(piece)
        and glossary.lookup(piece) is None
    )


def _greedy(pieces: list[str], seps: list[str], glossary: Glossary) -> list[str]:
    """Group comma/và pieces into units: longest run the glossary knows, else a piece that starts
    like a unit name takes the following pieces that do not."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        best = next((j for j in range(len(pieces), i, -1) if glossary.lookup(_joined(pieces, seps, i, j))), 0)
        if best:
            while best < len(pieces) and _is_tail(pieces[best], seps[best - 1], glossary, pieces[i]):
                best += 1
            out.append(_joined(pieces, seps, i, best))
            i = best
            continue
        j = i + 1
        while j < len(pieces) and not starts_like_unit(pieces[j]) and glossary.lookup(pieces[j]) is None:
            j += 1
        out.append(_joined(pieces, seps, i, j))
        i = j
    return out


_UNIT_MAX = 200
# a unit's name starting inside another's: "Sở Khoa học và Công nghệ Sở Công Thương"
_INNER_HEAD = rx.compile(
    r"(?<=\p{Ll}|\p{Lu}{2,})\s+(?=(?:Sở|Bộ|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+\p{Lu})"
)


def missing_separator(unit: str, glossary: Glossary | None = None) -> tuple[str, str] | None:
    """(first, rest) when `unit` is two units written without a separator: the part before a
    second unit head is a unit the glossary knows and the whole is not. The source lost a ";"."""
    if len(unit) > _UNIT_MAX:
        return None  # no unit's name is this long: a merged cell, left as it is
    glossary = glossary or load_glossary()
    if glossary.lookup(unit) is not None:
        return None
    for m in _INNER_HEAD.finditer(unit):
        left, right = unit[: m.start()].strip(), unit[m.end() :].strip()
        if glossary.lookup(left) is not None and starts_like_unit(right):
            return left, right
    return None


def split_units(text: str, glossary: Glossary | None = None) -> list[str]:
    glossary = glossary or load_glossary()
    units: list[str] = []
    for chunk in TOP_SPLIT.split(_protect_hyphens(_QUALIFIER.sub("", text), glossary)):
        chunk = _STRIP.sub("", chunk)
        if not chunk:
            continue
        parts = _PIECE_SPLIT.split(chunk)
        pieces, seps = parts[0::2], parts[1::2]
        for unit in _greedy(pieces, seps, glossary):
            unit = _STRIP.sub("", unit).replace(_NB_HYPHEN, "-")
            while unit and (cut := missing_separator(unit, glossary)) is not None:
                units.append(cut[0])  # read as the text allows; the pipeline warns (unit_separator_missing)
                unit = cut[1]
            if unit:
                units.append(unit)
    return units


def unit_refs(text: str, glossary: Glossary | None = None) -> list[UnitRef]:
    glossary = glossary or load_glossary()
    return [to_ref(u, glossary) for u in split_units(text, glossary)]


def to_ref(text: str, glossary: Glossary | None = None) -> UnitRef:
    glossary = glossary or load_glossary()
    entry = glossary.lookup(text)
    if entry is None:
        return UnitRef(text=text)
    return UnitRef(text=text, canonical=entry.name, unit_id=entry.id, level=entry.level)
