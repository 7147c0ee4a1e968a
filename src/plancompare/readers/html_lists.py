"""The numbers an `<ol>` shows: a browser draws them from the list, not from the text.

`<ol type="I">` shows "I.", "II."; `type="a"` shows "a)", the form Vietnamese documents use for
lettered points; `start="3"` and `<li value="5">` move the count; `list-style-type` in a `style`
says the same as `type`. The structure stage reads numbering from the text, so the marker a reader
sees is put in front of the item's text — unless the text already starts with it (a converter that
also writes the number). `<ul>` items keep their text: a bullet is no number.
"""

from __future__ import annotations

from typing import Any

import regex

from ..text import rx

_LIST_STYLE = rx.compile(r"list-style-type\s*:\s*([\w-]+)", regex.IGNORECASE)
_STYLE_TYPES = {
    "decimal": "1",
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
}
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
_MAX_NUMBER = 4000  # Roman numerals stop there; a count past it is broken markup
_NONE_TYPES = frozenset({"none", "disc", "circle", "square"})


def roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as browsers count)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def list_type(ol: Any) -> str:
    """ "1", "a", "A", "i", "I", or "none"."""
    m = _LIST_STYLE.search(ol.get("style") or "")
    if m:
        name = m.group(1).lower()
        if name in _NONE_TYPES:
            return "none"
        if name in _STYLE_TYPES:
            return _STYLE_TYPES[name]
    kind = (ol.get("type") or "1").strip()
    return kind if kind in ("1", "a", "A", "i", "I") else "1"


def item_number(li: Any, ol: Any) -> int:
    """The count a browser gives this `<li>`: the list's `start`, moved by any `value` before it."""
    count = (_int(ol.get("start")) or 1) - 1
    for item in ol:
        if not isinstance(item.tag, str) or item.tag.lower() != "li":
            continue
        count = _int(item.get("value")) or count + 1
        if item is li:
            break
    return count


def marker(kind: str, n: int) -> str:
    if kind == "a":
        return f"{letters(n)})"
    if kind == "A":
        return f"{letters(n).upper()}."
    if kind == "i":
        return f"{roman(n).lower()}."
    if kind == "I":
        return f"{roman(n)}."
    return f"{n}."


def list_marker(li: Any) -> str | None:
    """The marker shown before an `<li>` of an ordered list, None for any other item."""
    ol = li.getparent()
    if ol is None or not isinstance(ol.tag, str) or ol.tag.lower() != "ol":
        return None
    kind = list_type(ol)
    n = item_number(li, ol)
    if kind == "none" or not 0 < n < _MAX_NUMBER:
        return None
    return marker(kind, n)


def already_numbered(text: str, mark: str) -> bool:
    """The item's own text starts with the marker (or the same number with another stop)."""
    head = text.lstrip()
    return head.startswith(mark[:-1]) and head[len(mark) - 1 : len(mark)] in (".", ")", ":", "/")
