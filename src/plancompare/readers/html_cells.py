"""HTML inside table cells of markdown converted from PDF: <b>, <br>, <ul><li>."""

from __future__ import annotations

import html

import regex

from ..text import rx

_BREAKS = rx.compile(r"<\s*(?:br|/li|/p|/tr)\s*/?\s*>", regex.IGNORECASE)
_TAGS = rx.compile(r"<[^<>]{0,400}>")
_BOLD = rx.compile(r"<\s*(?:b|strong)\b", regex.IGNORECASE)


def cell_text(raw: str) -> str:
    """Cell HTML to text: list items and breaks become newlines, other tags go, entities decode."""
    t = _BREAKS.sub("\n", raw)
    t = _TAGS.sub("", t)
    t = html.unescape(t)
    lines = [" ".join(part.split()) for part in t.split("\n")]
    return "\n".join(part for part in lines if part)


def is_bold_cell(raw: str) -> bool:
    return bool(_BOLD.search(raw))
