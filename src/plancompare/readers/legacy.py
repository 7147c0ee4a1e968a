"""Pre-Unicode Vietnamese encodings: TCVN3 (ABC, `.VnTime` fonts) and VNI (`VNI-Times` fonts).

Text typed in these fonts reaches us as Latin-1 look-alikes: TCVN3 spends one byte per toned
letter (`nh©n` = nhân), VNI writes a base letter followed by mark bytes (`chaøo` = chào). The
font name is the reliable signal; without one we score characters, per run, because both
encodings can appear inside one document.

Conversion must run before `normalize.nfc`, which deletes U+00AD: in TCVN3 that byte is `ư`.

Tables were written from the published TCVN 5712:1993 (VN3) and VNI-Windows layouts and
cross-checked pair by pair against an independent converter's tables (viparse 0.1.31); tests pin
known word pairs. TCVN3 has no toned capitals: `.VnTimeH`-style fonts draw the lowercase codes as
capitals, so runs in such fonts are converted and then upper-cased (derived from the font design;
not checked against a real `.VnTimeH` document).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import cache

import regex

from ..text import rx


class Encoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"


# TCVN3: tone order inside each vowel row is huyền, hỏi, ngã, sắc, nặng (grave, hook, tilde,
# acute, dot) -- the order of the code chart, which is why the bytes look shuffled.
_TCVN3_ROWS: tuple[tuple[str, str], ...] = (
    ("a", "µ¶·¸¹"),
    ("ă", "»¼½¾Æ"),
    ("â", "ÇÈÉÊË"),
    ("e", "ÌÎÏÐÑ"),
    ("ê", "ÒÓÔÕÖ"),
    ("i", "×ØÜÝÞ"),
    ("o", "ßáâãä"),
    ("ô", "åæçèé"),
    ("ơ", "êëìíî"),
    ("u", "ïñòóô"),
    ("ư", "õö÷øù"),
    ("y", "úûüýþ"),
)
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # grave, hook, tilde, acute, dot

_TCVN3_BASES = {
    "¡": "Ă",
    "¢": "Â",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
    "§": "Đ",
    "¨": "ă",
    "©": "â",
    "ª": "ê",
    "«": "ô",
    "¬": "ơ",
    "\u00ad": "ư",
    "®": "đ",
}


@cache
def tcvn3_table() -> dict[str, str]:
    """TCVN3 byte -> Unicode letter; built on first use (most documents are Unicode)."""
    table = dict(_TCVN3_BASES)
    for base, codes in _TCVN3_ROWS:
        for code, tone in zip(codes, _TONES, strict=True):
            table[code] = unicodedata.normalize("NFC", base + tone)
    return table


# Some PDF producers map two TCVN3 slots through WinAnsi glyph names to math symbols.
_TCVN3_PDF_SUBSTITUTES = {"\u2212": "\u00ad", "\u2219": "·"}

# VNI: base letter + modifier(s). Modifiers differ by the vowel's "family": plain vowels take
# ù ø û õ ï; circumflex (â ê ô written as aâ eâ oâ) takes á à å ã ä; breve (ă = aê) takes é è ú ü ë.
_VNI_PLAIN_TONES = "øûõùï"  # same tone order as _TONES
_VNI_HAT_TONES = "àåãáä"
_VNI_BREVE_TONES = "èúüéë"


@cache
def vni_table() -> dict[str, str]:
    """VNI base + mark sequence -> Unicode letter; built on first use."""
    table: dict[str, str] = {}

    def add(seq: str, text: str) -> None:
        for s, t in ((seq, text), (seq.upper(), text.upper())):
            table[s] = unicodedata.normalize("NFC", t)

    for vowel in "aeouy":
        for mark, tone in zip(_VNI_PLAIN_TONES, _TONES, strict=True):
            add(vowel + mark, vowel + tone)
    for vowel in "aeo":
        add(vowel + "â", vowel + "\u0302")
        for mark, tone in zip(_VNI_HAT_TONES, _TONES, strict=True):
            add(vowel + mark, vowel + "\u0302" + tone)
    add("aê", "ă")
    for mark, tone in zip(_VNI_BREVE_TONES, _TONES, strict=True):
        add("a" + mark, "ă" + tone)
    # Horned ơ ư are single bytes (ô ö), and then take the plain tone marks.
    for code, letter in (("ô", "ơ"), ("ö", "ư")):
        add(code, letter)
        for mark, tone in zip(_VNI_PLAIN_TONES, _TONES, strict=True):
            add(code + mark, letter + tone)
    # The i family has no room for a base + mark pair in Latin-1, so it is single bytes; ì and í
    # are already themselves. ỵ is single too.
    for code, letter in (("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"), ("ñ", "đ")):
        add(code, letter)
    return table


@cache
def _vni_pattern() -> regex.Pattern[str]:
    return rx.compile("|".join(regex.escape(k) for k in sorted(vni_table(), key=len, reverse=True)))


_TCVN3_FONT = rx.compile(r"(?:^|[+,\s])\.?Vn(?!I\b|I[-_ ])[A-Za-z]", regex.IGNORECASE)
_VNI_FONT = rx.compile(r"(?:^|[+,\s])VNI[-_ ]", regex.IGNORECASE)
_TCVN3_CAPS_FONT = rx.compile(r"\.?Vn[A-Za-z]+?H(?:$|[-,_ ]|Bold|Italic)")


def encoding_from_font(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font name implies (`.VnTime`, `ABCDEF+VnArialH`, `VNI-Times`)."""
    if not font_name:
        return None
    if _VNI_FONT.search(font_name):
        return Encoding.VNI
    if _TCVN3_FONT.search(font_name):
        return Encoding.TCVN3
    return None


def is_caps_font(font_name: str | None) -> bool:
    """TCVN3 fonts whose name ends in H (`.VnTimeH`) draw every letter as a capital."""
    return bool(font_name) and bool(_TCVN3_CAPS_FONT.search(font_name or ""))


def convert(text: str, encoding: Encoding, caps: bool = False) -> str:
    if encoding is Encoding.TCVN3:
        text = "".join(_TCVN3_PDF_SUBSTITUTES.get(ch, ch) for ch in text)
        table = tcvn3_table()
        out = "".join(table.get(ch, ch) for ch in text)
    else:
        vni = vni_table()
        out = _vni_pattern().sub(lambda m: vni[m.group(0)], text)
    out = unicodedata.normalize("NFC", out)
    return out.upper() if caps else out


# Characters that are Vietnamese letters in Unicode but never appear in TCVN3/VNI surface text.
_UNICODE_ONLY = rx.compile(r"[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
# TCVN3 surface characters that are not Vietnamese letters themselves.
# (À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý are real capitals, so they are no evidence.)
_TCVN3_ONLY = frozenset("µ¶·¸¹»¼½¾ÆÇËÎÏÐÑ×ØÜÞßäåæçëîïñö÷øûüþ¡¢£¤¥¦§¨©ª«¬®")
# Evidence for VNI is a vowel followed by a mark byte that makes no valid Vietnamese vowel
# cluster when read as TCVN3 ("aø" would be "aứ") nor as Unicode ("hoà", "thuê" are valid). Pairs
# valid in TCVN3 ("uû" = uỷ, "uå" = uồ, "uü" = uỹ) are left out.
_VNI_PAIR = rx.compile(r"[aeoyAEOY][øûïåäëüØÛÏÅÄËÜ]|[uU][øïäØÏÄ]|[aeoAEO][âÂ]|[aA][êÊ]")
_WORD = rx.compile(r"\S+")


def detect(text: str) -> Encoding | None:
    """Guess the legacy encoding of a run of text without font information, or None.

    Scored per word: a word counts for VNI when it holds an impossible-in-TCVN3 base+mark pair,
    else for TCVN3 when it holds a TCVN3-only character; any Unicode-only Vietnamese letter vetoes
    both. Bytes such as ñ (TCVN3 ủ, VNI đ) are evidence for neither on their own, which is why a
    majority over the run decides, and at least 30% of the words must carry evidence.
    """
    if _UNICODE_ONLY.search(text):
        return None
    tcvn3 = vni = words = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        if any(ch.isalpha() for ch in word):
            words += 1
        if _VNI_PAIR.search(word):
            vni += 1
        elif any(ch in _TCVN3_ONLY for ch in word):
            tcvn3 += 1
    # Legacy text has the evidence in most words; a "©" or "®" in a product name is not it.
    if tcvn3 + vni < max(1, 0.3 * words):
        return None
    if vni > tcvn3:
        return Encoding.VNI
    return Encoding.TCVN3


def fix_text(text: str) -> tuple[str, Encoding | None]:
    """Convert text that looks legacy-encoded; return it unchanged with None otherwise."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return convert(text, encoding), encoding
