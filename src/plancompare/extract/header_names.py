"""The header's names as the document wrote them, whatever a copy or a converter did to their lines.

A web copy wraps a header cell mid-name ("THỦ TƯỚNG CHÍNH" / "PHỦ", "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA
VIỆT NAM"); a converter drops the break between two lines of a cell ("UỶ BAN NHÂN DÂNTỈNH LÀO CAI")
or writes a parent and its issuer on one line ("UBND TỈNH THANH HÓA SỞ TÀI CHÍNH"). Lines alone
cannot tell a wrap from two levels of issuer; the unit glossary can: a break that falls inside a
name it knows (or inside the Quốc hiệu) is a wrap, one before a new unit is not. The readers know
nothing of the glossary, so the repair happens here, on the header's lines, before the issuer is read.
"""

from __future__ import annotations

import regex

from ..glossary import clean_unit_key, load_glossary
from ..text import rx
from ..text.fold import fold

_QUOC_HIEU = rx.compile(r"cộng hòa xã hội chủ nghĩa việt nam")
_LOWER = rx.compile(r"\p{Ll}")
_LETTER = rx.compile(r"\p{L}")
_FUSED_TOKEN = rx.compile(r"\p{Lu}{4,}")
# a province's committee and a unit under it run together on one line (`split_fused_issuer`)
_PARENT_HEAD = rx.compile(r"^(?:UBND|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN)\s+(?:TỈNH|THÀNH\s+PHỐ)\s+")
_UNIT_HEAD = rx.compile(
    r"^(?:SỞ|BAN|VĂN\s+PHÒNG|CHI\s+CỤC|TRUNG\s+TÂM|CÔNG\s+AN|THANH\s+TRA|BỘ\s+CHỈ\s+HUY)\s+\S"
)


def starts_a_name(text: str) -> bool:
    """`text` is a name the glossary knows, the Quốc hiệu, or the beginning of one that stops at a
    word's end: "ỦY BAN NHÂN" and "THỦ TƯỚNG CHÍNH PHỦ" do, "THỦ TƯỚNG CHÍ" and "BAN NHÂN" do not."""
    key = clean_unit_key(text)
    if not key:
        return False
    for pattern in (load_glossary().names_pattern(), _QUOC_HIEU):
        if pattern.fullmatch(key) or pattern.fullmatch(key + " ", partial=True):
            return True
    return False


def _upper_words(text: str) -> bool:
    return bool(_LETTER.search(text)) and not _LOWER.search(text)


def join_broken_names(lines: list[str]) -> list[str]:
    """Header lines with each name cut by a wrap made whole again: a line in capitals joins the one
    above when the two together still begin a known name ("ỦY BAN NHÂN" + "DÂN", "THỦ TƯỚNG
    CHÍNH" + "PHỦ"). A line that starts a new unit ("UBND TỈNH THANH HÓA" / "SỞ TÀI CHÍNH") leaves
    the one above as it is: the two together begin no name."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if out and _upper_words(out[-1]) and _upper_words(text) and starts_a_name(f"{out[-1]} {text}"):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def separate_fused_words(line: str) -> str:
    """A header line in capitals whose break between two names a converter lost ("UỶ BAN NHÂN
    DÂNTỈNH LÀO CAI") with the space put back, only where the glossary confirms it: the line as
    written begins no known name, and with a space at exactly one point inside one word it does."""
    if not _upper_words(line) or starts_a_name(line):
        return line
    repairs: list[str] = []
    for token in _FUSED_TOKEN.finditer(line):
        for cut in range(token.start() + 2, token.end() - 1):
            candidate = f"{line[:cut]} {line[cut:]}"
            if starts_a_name(candidate):
                repairs.append(candidate)
    return repairs[0] if len(repairs) == 1 else line


def _province_words(rest: str, province: str) -> int | None:
    """The length of `rest`'s start when it is `province` (tone placement and case folded:
    "THANH HOÁ" is "Thanh Hóa"), else None."""
    n = len(province.split())
    words = list(regex.finditer(r"\S+", rest))
    if len(words) < n or fold(" ".join(w.group(0) for w in words[:n])) != fold(province):
        return None
    end: int = words[n - 1].end()
    return end


def split_fused_issuer(line: str) -> list[str]:
    """'UBND TỈNH THANH HÓA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' (a web copy's header cell with its two
    lines run together) -> the province's committee and the unit under it: the split falls right
    after a province the glossary knows, before the unit's first word."""
    m = _PARENT_HEAD.match(line)
    if m is None:
        return [line]
    rest = line[m.end() :]
    for province in load_glossary().provinces:  # longest first
        end = _province_words(rest, province)
        if end is not None and _UNIT_HEAD.match(rest[end:].lstrip()):
            cut = m.end() + end
            return [line[:cut].strip(), line[cut:].strip()]
    return [line]
