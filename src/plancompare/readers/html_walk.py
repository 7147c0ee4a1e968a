"""An HTML element tree, in reading order, as text lines and table grids.

Block elements (`<p>`, `<div>`, `<h1>`…, `<li>`) and `<br>` end a line; inline elements join
their text into it. A line is bold when all its text is inside `<b>`/`<strong>` (or a bold
`font-weight`), a heading when an `<h1>`…`<h6>` holds it, and centred when its block (or an
ancestor) says `text-align:center` / `align=center`. Tables become `Grid`s with rowspan and
colspan honoured (`html_grid`); a table that only lays out a page (one column, or cells holding
headings or whole sections) is read through as blocks. An `<ol>` item starts with the number a
browser shows for it ("III.", "c)"; `html_lists`).

What a reader of the page never sees as the document goes elsewhere: `<script>`, `<style>` and
other non-text elements are dropped; the site's `<nav>`, `<header>`, `<footer>`, `<aside>` and
hidden elements (`display:none`, `hidden`, Word's `mso-hide:all`) become site furniture.
Lines are numbered in reading order, furniture included, as a text dump of the page would show.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import regex

from ..text import rx
from ..text.normalize import nfc
from .grid import Grid

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "main",
        "body",
        "center",
        "pre",
        "address",
        "figure",
        "figcaption",
        "fieldset",
        "form",
        "hr",
        "caption",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "html",
        "details",
        "summary",
        "legend",
    ]
)
# Not text of the page at all: dropped without a trace.
_DROPPED_TAGS = frozenset(
    [
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "meta",
        "link",
        "canvas",
        "video",
        "audio",
        "map",
        "title",
    ]
)
# The site's own chrome: set aside as site furniture.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
_HEADINGS = {f"h{k}": k for k in range(1, 7)}
_HIDDEN_STYLE = rx.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", regex.IGNORECASE)
_CSS_RULE = rx.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = rx.compile(r"^[a-z0-9]*\.([\w-]+)$", regex.IGNORECASE)
_BOLD_STYLE = rx.compile(r"(?<![-\w])font-weight\s*:\s*(bold(?:er)?|[6-9]00)\b", regex.IGNORECASE)
_NORMAL_STYLE = rx.compile(r"(?<![-\w])font-weight\s*:\s*(normal|lighter|[1-5]00)\b", regex.IGNORECASE)
_ALIGN_STYLE = rx.compile(r"(?<![-\w])text-align\s*:\s*(\w+)", regex.IGNORECASE)
_ALIGNS = {"center": "center", "middle": "center", "right": "right", "left": "left", "justify": "left"}


@dataclass(frozen=True, slots=True)
class TextStyle:
    """What the enclosing elements say about the text inside them."""

    bold: bool = False
    heading: int | None = None
    align: str | None = None
    pre: bool = False


@dataclass(slots=True)
class TextLine:
    text: str  # NFC, spaces folded
    number: int  # 1-based position among the page's text lines
    bold: bool = False
    heading: int | None = None
    align: str | None = None


Entry = TextLine | Grid


@dataclass(slots=True)
class Counter:
    value: int = 0

    def next(self) -> int:
        self.value += 1
        return self.value


@dataclass(slots=True)
class Sink:
    """Collects text pieces into lines; a block boundary or `<br>` closes the current line."""

    counter: Counter
    entries: list[Entry] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    style: TextStyle = TextStyle()
    prefix: str = ""  # an ordered list's marker, put before the item's first text

    def add(self, text: str, style: TextStyle) -> None:
        if self.prefix and text.strip():
            text, self.prefix = f"{self.prefix} {text.lstrip()}", ""
        if style.pre and "\n" in text:
            first, *rest = text.split("\n")
            self.add(first, replace(style, pre=False))
            for part in rest:
                self.flush()
                self.add(part, replace(style, pre=False))
            return
        if not self.pieces:
            self.style = style
        self.pieces.append((text, style.bold))

    def flush(self) -> None:
        if not self.pieces:
            return
        text = nfc(" ".join("".join(p for p, _ in self.pieces).split()))
        if text:
            bold = all(b for p, b in self.pieces if p.strip())
            s = self.style
            self.entries.append(TextLine(text, self.counter.next(), bold, s.heading, s.align))
        self.pieces = []

    def texts(self) -> list[TextLine]:
        self.flush()
        return [e for e in self.entries if isinstance(e, TextLine)]


def tag_of(el: Any) -> str | None:
    """Lower-case tag of an element (Word's `<o:p>` stays "o:p": an inline filler), None for
    comments and processing instructions."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def hidden_classes(root: Any) -> frozenset[str]:
    """Classes the page's own `<style>` hides (`.note{display:none}`): sites hide widgets that way."""
    out: set[str] = set()
    for style in root.iter("style"):
        for selectors, body in _CSS_RULE.findall(style.text or ""):
            if _HIDDEN_STYLE.search(body):
                out.update(
                    m.group(1) for sel in selectors.split(",") if (m := _CLASS_SELECTOR.match(sel.strip()))
                )
    return frozenset(out)


def is_hidden(el: Any, classes: frozenset[str]) -> bool:
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    return bool(classes) and not classes.isdisjoint((el.get("class") or "").split())


def restyle(el: Any, tag: str, style: TextStyle) -> TextStyle:
    css = el.get("style") or ""
    bold = style.bold
    if tag in ("b", "strong") or _BOLD_STYLE.search(css):
        bold = True
    elif _NORMAL_STYLE.search(css):
        bold = False
    heading = _HEADINGS.get(tag, style.heading)
    align = style.align
    if tag == "center":
        align = "center"
    elif tag in BLOCK_TAGS:
        m = _ALIGN_STYLE.search(css)
        declared = (m.group(1) if m else el.get("align") or "").lower()
        align = _ALIGNS.get(declared, align)
    return TextStyle(bold=bold, heading=heading, align=align, pre=style.pre or tag == "pre")


def _marker(li: Any) -> str:
    from .html_lists import already_numbered, list_marker

    mark = list_marker(li)
    return mark if mark and not already_numbered(li.text_content(), mark) else ""


class Walker:
    """Walks an lxml element tree into entries (body) and furniture lines."""

    def __init__(self) -> None:
        self.counter = Counter()
        self.furniture: list[TextLine] = []
        self.hidden: frozenset[str] = frozenset()

    def read(self, root: Any) -> list[Entry]:
        self.hidden = hidden_classes(root)
        sink = Sink(self.counter)
        self.walk(root, TextStyle(), sink)
        sink.flush()
        return sink.entries

    def walk(self, el: Any, style: TextStyle, sink: Sink, in_cell: bool = False) -> None:
        tag = tag_of(el)
        if tag is None or tag in _DROPPED_TAGS:
            return
        if tag in _FURNITURE_TAGS or is_hidden(el, self.hidden):
            sink.flush()
            aside = Sink(self.counter)
            self.children(el, style, aside, in_cell=True)
            self.furniture.extend(aside.texts())
            return
        if tag == "br" or tag == "hr":
            sink.flush()
            return
        if tag == "table":
            from .html_grid import read_table

            sink.flush()
            read_table(self, el, style, sink, in_cell)
            return
        block = tag in BLOCK_TAGS
        if block:
            sink.flush()
        if tag == "li":
            sink.prefix = _marker(el)
        self.children(el, restyle(el, tag, style), sink, in_cell)
        if tag == "li":
            sink.prefix = ""  # an empty item shows its number alone; it is not the next line's
        if block:
            sink.flush()

    def children(self, el: Any, style: TextStyle, sink: Sink, in_cell: bool) -> None:
        if el.text:
            sink.add(el.text, style)
        for child in el:
            self.walk(child, style, sink, in_cell)
            if child.tail:
                sink.add(child.tail, style)
