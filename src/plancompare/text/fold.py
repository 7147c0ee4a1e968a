"""Folding for matching only: never for display.

`fold` unifies case, tone-mark placement (hòa/hoà, ủy/uỷ), dashes and whitespace.
`fold_ascii` also drops every diacritic (đ -> d), so OCR or typing slips in marks ("PHÓI HỢP",
"CHỦ TRỊ") still match; use it where a false match costs little (column headers, aliases).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import rx

# old-style (oà, uỷ) to new-style (òa, ủy): one direction is enough for matching
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# Only open syllables differ between the styles ("hoà"/"hòa"); "hoạch" and "quý" are not variants.
_TONE_RE = rx.compile(r"(?<!q)(?:" + "|".join(_TONE_PAIRS) + r")(?!\p{L})")
_DASHES = rx.compile(r"\s*[-‐‑‒–—―−]\s*")
_WS = rx.compile(r"\s+")
_NON_WORD = rx.compile(r"[^\p{L}\p{N}%]+")


@lru_cache(maxsize=65536)
def fold_case(text: str) -> str:
    """NFC and lower case only, so offsets into the result are offsets into the (NFC) input.
    Regex extractors match on this and slice the original text with the match positions."""
    return unicodedata.normalize("NFC", text).lower()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    t = unicodedata.normalize("NFC", text).casefold()
    t = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], t)
    t = _DASHES.sub(" - ", t)
    return str(_WS.sub(" ", t)).strip()


@lru_cache(maxsize=65536)
def fold_ascii(text: str) -> str:
    t = fold(text).replace("đ", "d")
    t = unicodedata.normalize("NFD", t)
    return "".join(ch for ch in t if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded word tokens (letters, digits, %), for lexical comparison."""
    return [w for w in _NON_WORD.split(fold(text)) if w]
