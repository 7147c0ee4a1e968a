"""List and heading markers at the start of a paragraph: "II.", "3.", "1.1", "a)", "đ)", "-", "+",
"Điều 2.", "Phần I", "Chương II", "Mục 1".

The marker's *kind* (not the markdown heading level, which converters get wrong) decides nesting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import regex

from ..text import rx


class MarkerKind(IntEnum):
    """Ordered from outermost to innermost."""

    PART = 0
    CHAPTER = 1
    MUC = 2
    ROMAN = 3
    ARTICLE = 4
    ARABIC = 5
    DECIMAL = 6
    LETTER = 7
    DASH = 8
    PLUS = 9


@dataclass(frozen=True, slots=True)
class Marker:
    kind: MarkerKind
    label: str  # "II", "3", "1.1", "a", "-", "+", "2" (Điều 2)
    rest: str  # the paragraph text after the marker


# Vietnamese list letters: a b c d đ e g h i k l m n o p q r s t u v x y (no f j w z).
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_OK = rx.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$")
_UPPER_START = rx.compile(r"^[\p{Lu}\p{N}\"“'(\[]")

_PART = rx.compile(r"^(?:Phần|PHẦN)\s+([IVXL]+|\d{1,2})\b[.:]?\s*(.*)$")
_CHAPTER = rx.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXL]+|\d{1,2})\b[.:]?\s*(.*)$")
_MUC = rx.compile(r"^(?:Mục|MỤC)\s+(\d{1,2})\b[.:]?\s*(.*)$")
_ARTICLE = rx.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]?\s*(.*)$")
_ROMAN = rx.compile(r"^([IVXL]{1,6})\s*[.)\-–]\s*([\p{Lu}\d\"“].*)$")
# "II TỔ CHỨC THỰC HIỆN": the dot lost (OCR, careless typing) before a heading in capitals
_ROMAN_BARE = rx.compile(r"^([IVXL]{1,6})\s+(\p{Lu}[\p{Lu}\s,]{6,})$")
_NOISE = "_'‘’`"  # OCR specks before a line
_DECIMAL = rx.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$")
_ARABIC = rx.compile(r"^(\d{1,2})\s*(?:\.(?!\d)|\))\s*(\S.*)$|^(\d{1,2})\s*-\s+(\p{Lu}.*)$")
_LETTER = rx.compile(rf"^([{VN_LETTERS}])\s*\)\s*(\S.*)$|^([{VN_LETTERS}])\.\s+(\p{{Lu}}.*)$")
_DASH = rx.compile(r"^[-–—•·▪●]\s*(\S.*)$")
_PLUS = rx.compile(r"^\+\s*(\S.*)$")


def _first(m: regex.Match[str]) -> tuple[str, str]:
    groups = [g for g in m.groups() if g is not None]
    return groups[0], groups[1] if len(groups) > 1 else ""


def parse_marker(text: str, previous: str | None = None) -> Marker | None:
    """The marker at the start of `text`, or None.

    `previous` is the text just before (the last paragraph or line). It decides dashes: a line
    starting "- xã hội" after "chính trị" is the second half of the name "chính trị - xã hội",
    not a bullet, so a dash whose item starts in lower case after an unfinished sentence is text.
    """
    t = text.lstrip().lstrip(_NOISE).lstrip()
    for pattern, kind in (
        (_PART, MarkerKind.PART),
        (_CHAPTER, MarkerKind.CHAPTER),
        (_MUC, MarkerKind.MUC),
        (_ARTICLE, MarkerKind.ARTICLE),
    ):
        m = pattern.match(t)
        if m:
            label, rest = _first(m)
            return Marker(kind, label, rest)
    m = _ROMAN.match(t) or _ROMAN_BARE.match(t)
    if m and _ROMAN_OK.match(m.group(1)):
        return Marker(MarkerKind.ROMAN, m.group(1), m.group(2))
    m = _DECIMAL.match(t)
    if m:
        return Marker(MarkerKind.DECIMAL, m.group(1), m.group(2))
    m = _ARABIC.match(t)
    if m:
        label, rest = _first(m)
        return Marker(MarkerKind.ARABIC, label, rest)
    m = _LETTER.match(t)
    if m:
        label, rest = _first(m)
        return Marker(MarkerKind.LETTER, label, rest)
    for pattern, kind, sign in ((_DASH, MarkerKind.DASH, "-"), (_PLUS, MarkerKind.PLUS, "+")):
        m = pattern.match(t)
        if m:
            rest = m.group(1)
            if not _UPPER_START.match(rest) and previous is not None and not _ends_clause(previous):
                return None
            return Marker(kind, sign, rest)
    return None


def _ends_clause(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":", "!", "?", ")", "…"))
