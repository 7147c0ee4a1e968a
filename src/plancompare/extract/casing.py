"""Turn the capitals of a header or signature block into ordinary Vietnamese writing:
"ỦY BAN NHÂN DÂN TỈNH LÀO CAI" -> "Ủy ban nhân dân tỉnh Lào Cai", "PHÓ CHỦ TỊCH" -> "Phó Chủ tịch",
"KT. BỘ TRƯỞNG" -> "KT. Bộ trưởng". Proper names come from the glossary (units, provinces)."""

from __future__ import annotations

import regex

from ..glossary import load_glossary
from ..text import rx
from ..text.fold import fold

# Titles written with a capital after "Phó"/"Thứ" by convention
_TITLE_WORDS = {
    "chủ tịch": "Chủ tịch", "thủ tướng": "Thủ tướng", "bộ trưởng": "Bộ trưởng",
    "giám đốc": "Giám đốc", "chánh văn phòng": "Chánh Văn phòng", "trưởng ban": "Trưởng ban",
    "bí thư": "Bí thư", "tổng giám đốc": "Tổng Giám đốc", "chánh thanh tra": "Chánh Thanh tra",
    "viện trưởng": "Viện trưởng", "cục trưởng": "Cục trưởng", "vụ trưởng": "Vụ trưởng",
}  # fmt: skip


def sentence_case(text: str) -> str:
    t = " ".join(text.split()).lower()
    return t[:1].upper() + t[1:]


def title_case_role(text: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch', 'THỨ TRƯỞNG' -> 'Thứ trưởng'."""
    t = " ".join(text.split()).lower()
    for prefix in ("phó ", "thường trực "):
        if t.startswith(prefix) and t[len(prefix) :] in _TITLE_WORDS:
            return prefix.capitalize() + _TITLE_WORDS[t[len(prefix) :]]
    return _TITLE_WORDS.get(t, sentence_case(t))


_ABBREVIATIONS = (
    (rx.compile(r"^UBND\b", regex.IGNORECASE), "Ủy ban nhân dân"),
    (rx.compile(r"^HĐND\b", regex.IGNORECASE), "Hội đồng nhân dân"),
    (rx.compile(r"^UBMTTQ(?:VN)?\b", regex.IGNORECASE), "Ủy ban Mặt trận Tổ quốc Việt Nam"),
)


# the words after a level word are a place name, written with a capital on every syllable
# ("tỉnh Kon Tum", "xã Tả Van"), whether or not the glossary knows the place
_PLACE_AFTER_LEVEL = rx.compile(r"(\b(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã)\s+)(\p{L}.*)$")


def organization_case(text: str) -> str:
    """Unit names: the glossary's spelling for the known part, provinces by their names;
    "UBND TỈNH HÀ TĨNH" -> "Ủy ban nhân dân tỉnh Hà Tĩnh" (an issuer is written out in full)."""
    t = " ".join(text.split())
    for pattern, full in _ABBREVIATIONS:
        t = pattern.sub(full.upper(), t)
    g = load_glossary()
    entry = g.lookup(t)
    if entry is not None and "{" not in entry.name and fold(entry.name) == fold(t):
        return entry.name
    out: str = _PLACE_AFTER_LEVEL.sub(lambda m: m.group(1) + m.group(2).title(), sentence_case(t))
    province = g.find_province(t)
    if province:
        out = str(regex.sub(regex.escape(fold(province)), province, out, flags=regex.IGNORECASE))
    head = regex.match(
        r"^(bộ|sở|ban|cục|tổng cục|ngân hàng|văn phòng|thanh tra|kho bạc)\s+(.*)$",
        out,
        flags=regex.IGNORECASE,
    )
    if head and not province:
        rest = head.group(2)
        known = g.lookup(f"{head.group(1)} {rest}")
        if known is not None and "{" not in known.name:
            return known.name
    return out


def capacity_case(text: str) -> str:
    """'KT. CHỦ TỊCH' -> 'KT. Chủ tịch'; 'TM. ỦY BAN NHÂN DÂN' -> 'TM. Ủy ban nhân dân'."""
    m = regex.match(r"^\s*(TM|KT|TL|TUQ|Q)\s*\.\s*(.*)$", text)
    if not m:
        return text.strip()
    rest = m.group(2)
    role = title_case_role(rest)
    if role == sentence_case(rest):
        role = organization_case(rest)
    return f"{m.group(1)}. {role}"
