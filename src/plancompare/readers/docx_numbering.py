"""Word automatic numbering (`w:numPr`) rendered as the label the reader sees ("a)", "1.", "-").

Without this, a list typed with Word's numbering loses its markers and the structure stage cannot
tell items apart. Counters follow Word's rules closely enough for administrative documents: one
counter per list and level, deeper levels restart when a shallower item appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..text import rx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = rx.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(slots=True)
class _Level:
    start: int
    fmt: str
    text: str


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word's lettered lists go a..z, then aa..zz.
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    def __init__(self, element: Any, styles: dict[str, Any]) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if element is None:
            return
        for absnum in element.iterchildren(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in absnum.iterchildren(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"))] = _level(lvl)
            self._abstract[str(absnum.get(W + "abstractNumId"))] = levels
        for num in element.iterchildren(W + "num"):
            abstract = num.find(W + "abstractNumId")
            overrides: dict[int, int] = {}
            for ov in num.iterchildren(W + "lvlOverride"):
                start = ov.find(W + "startOverride")
                if start is not None:
                    overrides[_int(ov.get(W + "ilvl"))] = _int(start.get(W + "val"), 1)
            if abstract is not None:
                self._nums[str(num.get(W + "numId"))] = (str(abstract.get(W + "val")), overrides)

    def label(self, ppr: Any, chain: list[Any]) -> str | None:
        """The label of a numbered paragraph, advancing its list's counters; None otherwise."""
        num_id, ilvl = _num_pr(ppr, chain)
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(num_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text)

        def fill(m: regex.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k)
            if lv is None:
                return ""
            value = counters.get(k, overrides.get(k, lv.start))
            return format_number(value, lv.fmt)

        text = _PLACEHOLDER.sub(fill, level.text).strip()
        return text or None


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets live in the private use area; show a plain bullet instead.
    if not text or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
        return "•"
    return text.strip() or "•"


def _level(lvl: Any) -> _Level:
    start = lvl.find(W + "start")
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    return _Level(
        start=_int(start.get(W + "val"), 1) if start is not None else 1,
        fmt=str(fmt.get(W + "val")) if fmt is not None else "decimal",
        text=str(text.get(W + "val")) if text is not None else "",
    )


def _num_pr(ppr: Any, chain: list[Any]) -> tuple[str | None, int]:
    for holder in [ppr, *[s.find(W + "pPr") for s in chain]]:
        numpr = holder.find(W + "numPr") if holder is not None else None
        if numpr is None:
            continue
        num = numpr.find(W + "numId")
        ilvl = numpr.find(W + "ilvl")
        return (
            str(num.get(W + "val")) if num is not None else None,
            _int(ilvl.get(W + "val")) if ilvl is not None else 0,
        )
    return None, 0


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
