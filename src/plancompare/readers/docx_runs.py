"""What Word displays of a paragraph: its visible runs, their text, and the text boxes it anchors.

A run is shown unless it is a tracked deletion (`w:del`), text moved away (`w:moveFrom`), a
paragraph of a text box drawn inside this one, or part of a field's instruction (between a
`w:fldChar` "begin" and its "separate": "PAGE \\* MERGEFORMAT" is never text, the page number
after "separate" is). Insertions (`w:ins`) and moved-here text (`w:moveTo`) are shown. A text box
(`w:txbxContent`) is read once: inside `mc:AlternateContent` Word stores the same box as a modern
shape (`mc:Choice`) and as VML (`mc:Fallback`); the Choice is read when it holds the text. Word does the same with runs (a w14
symbol and its `w:sym` fallback): one of the two is read. An equation's text (OMML `m:r`) is read
with the runs around it ("≥ 90%" typed in the equation editor).
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"  # equations (OMML): runs m:r, text m:t
_HIDDEN_CONTAINERS = frozenset({W + "del", W + "moveFrom", W + "p", W + "txbxContent"})
_NOTE_REFS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
SOFT_HYPHEN = "\u00ad"  # shown by Word only where it breaks a line
# Symbol-font code points that carry meaning in a plan's text ("≥ 90%", "→"); other dingbats are markers.
_SYMBOL_FONT = {
    0x2B: "+",
    0x2D: "-",
    0x3C: "<",
    0x3D: "=",
    0x3E: ">",
    0xA3: "≤",
    0xAB: "↔",
    0xAC: "←",
    0xAE: "→",
    0xB1: "±",
    0xB3: "≥",
    0xB4: "×",
    0xB7: "•",
    0xB8: "÷",
    0xB9: "≠",
    0xBB: "≈",
    0xD7: "·",
}
_DINGBAT_FONTS = ("symbol", "wingdings", "webdings", "zapf", "dingbats")


def _hidden(run: Any, p: Any) -> bool:
    """The run sits in a tracked deletion, moved-away text, a nested text box of paragraph `p`, or the
    Fallback of an `mc:AlternateContent` whose Choice Word displays instead."""
    parent = run.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _HIDDEN_CONTAINERS or (parent.tag == MC + "Fallback" and _choice_shown(parent)):
            return True
        parent = parent.getparent()
    return False


def _choice_shown(fallback: Any) -> bool:
    """An `mc:Choice` beside this Fallback holds text (runs or a text box): Word shows the Choice."""
    alternate = fallback.getparent()
    if alternate is None:
        return False
    return any(
        choice.find(f".//{W}t") is not None
        or choice.find(f".//{W}sym") is not None
        or choice.find(f".//{W}txbxContent") is not None
        for choice in alternate.iterchildren(MC + "Choice")
    )


def visible_runs(p: Any) -> list[Any]:
    """The runs of paragraph `p` that Word displays, in order. Fields are tracked per paragraph (a
    field left open at a paragraph's end is closed there), so a broken field cannot hide the text
    that follows it."""
    out: list[Any] = []
    fields: list[bool] = []  # one per open field: True once its result (after "separate") has begun
    for run in p.iter(W + "r", M + "r"):
        if _hidden(run, p):
            continue
        chars = run.findall(W + "fldChar")
        if not chars:
            if all(fields):
                out.append(run)
            continue
        for char in chars:
            kind = char.get(W + "fldCharType")
            if kind == "begin":
                fields.append(False)
            elif kind == "separate" and fields:
                fields[-1] = True
            elif kind == "end" and fields:
                fields.pop()
    return out


def symbol_text(font: str | None, char: str | None) -> str:
    """The character a `w:sym` shows: symbol fonts map through the Symbol table (or a bullet for
    dingbats); another font's code point is the character itself."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return "•"
    if 0xF000 <= code <= 0xF0FF:  # symbol fonts address their glyphs in the private use area
        code -= 0xF000
    name = (font or "").lower()
    if "symbol" in name:
        if code in _SYMBOL_FONT:
            return _SYMBOL_FONT[code]
        return chr(code) if 0x21 <= code < 0x7F and not chr(code).isalpha() else "•"
    if any(d in name for d in _DINGBAT_FONTS):
        return "•"
    return chr(code) if 0x20 <= code < 0x110000 and not 0xD800 <= code < 0xE000 else "•"


def run_text(run: Any) -> str:
    """The text one run shows. Tabs are spaces; line, page and column breaks and carriage returns
    are line ends; a non-breaking hyphen is "-"; a soft hyphen shows nothing."""
    parts: list[str] = []
    for el in run.iterchildren():
        tag = el.tag
        if tag in (W + "t", M + "t"):
            parts.append((el.text or "").replace(SOFT_HYPHEN, ""))
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append(symbol_text(el.get(W + "font"), el.get(W + "char")))
    return "".join(parts)


def note_refs(runs: list[Any]) -> list[tuple[str, str]]:
    """(kind, id) of each footnote or endnote reference mark in these runs, in order."""
    return [
        (_NOTE_REFS[el.tag], str(el.get(W + "id")))
        for run in runs
        for el in run.iterchildren()
        if el.tag in _NOTE_REFS
    ]


def _unread_fallback(box: Any, top: Any) -> bool:
    """The box is the VML copy (`mc:Fallback`) of a shape whose `mc:Choice` already holds text."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == MC + "Fallback" and _choice_shown(parent):
            return True
        parent = parent.getparent()
    return False


def _boxed_below(el: Any, top: Any) -> bool:
    """`el` lies in a text box nested somewhere under `top`."""
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag == W + "txbxContent":
            return True
        parent = parent.getparent()
    return False


def text_boxes(p: Any) -> list[Any]:
    """The text boxes (`w:txbxContent`) anchored in paragraph `p`, each once, outermost only."""
    return [
        box for box in p.iter(W + "txbxContent") if not _boxed_below(box, p) and not _unread_fallback(box, p)
    ]


def flow_paragraphs(container: Any) -> list[Any]:
    """Paragraphs of a cell, text box, header or note in reading order, each followed by the
    paragraphs of the text boxes it anchors."""
    out: list[Any] = []
    for q in container.iter(W + "p"):
        if _boxed_below(q, container):
            continue
        out.append(q)
        for box in text_boxes(q):
            out.extend(flow_paragraphs(box))
    return out
