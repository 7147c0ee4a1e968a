"""Markdown emphasis in text formats: `**bold**`, `*italic*`, `__bold__`, removed from the text and
kept as a bold cue. A bold span may run over several lines (web copies hard-wrap inside it:
`**ỦY BAN NHÂN` / `DÂN **`), so the state is carried from line to line."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import rx

_EMPHASIS = rx.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_ONLY_MARKS = rx.compile(r"^[*_\s]*$")
_LONE_STAR = rx.compile(r"(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)")
_SINGLE_STAR = rx.compile(r"(?<!\*)\*(?!\*)")
_OPEN_MARK = rx.compile(r"^[*_]{1,2}(?=[^\s*_])")
_CLOSE_MARK = rx.compile(r"(?<=[^\s*_])[*_]{1,2}$")
_BOLD_WHOLE = rx.compile(r"^\s*(\*\*|__)(.+)\1\s*:?\s*$")


@dataclass(slots=True)
class MarkupState:
    in_bold: bool = False
    in_italic: bool = False

    @property
    def open(self) -> bool:
        """The last line ended inside an emphasis span: its break is a wrap, not the writer's."""
        return self.in_bold or self.in_italic


def strip_emphasis(text: str) -> str:
    """Text without emphasis markers. `**` never stands for anything else; a single `*` does only
    as a list bullet ("* item"), which has a space after it."""
    text = text.replace("**", "")
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return str(_LONE_STAR.sub("", text))


def strip_markup(raw: str, state: MarkupState) -> tuple[str, bool]:
    """(text without emphasis markers and with spaces folded, whether the line is bold)."""
    stripped = raw.strip()
    # bold when the whole line is: "**1. Mục đích**", or the first or last line of a bold span
    # that wraps ("**I. MỤC" / "ĐÍCH, YÊU CẦU**"); a bold phrase inside a sentence is not
    starts_bold = state.in_bold or stripped.startswith(("**", "__"))
    if stripped.count("**") % 2 == 1:
        state.in_bold = not state.in_bold
    ends_bold = state.in_bold or stripped.endswith(("**", "__"))
    bold = bool(_BOLD_WHOLE.match(stripped)) or (starts_bold and ends_bold)
    if len(_SINGLE_STAR.findall(stripped.removeprefix("* "))) % 2 == 1:
        state.in_italic = not state.in_italic
    text = " ".join(strip_emphasis(stripped).split())
    if _ONLY_MARKS.match(text):
        text = ""  # "** **": an emphasis around nothing
    # an italic span opened on this line and closed on another: "*Hà Nội, ngày" / "… năm 2025*"
    text = _OPEN_MARK.sub("", _CLOSE_MARK.sub("", text))
    return text, bold


# CommonMark: a backslash before ASCII punctuation makes it literal ("\-" at a line start is a dash,
# not a list; "1\." a number, not a list; "\*" a star, not emphasis). Pandoc writes these wherever
# the character could be read as markup. An escaped space is pandoc's non-breaking space.
_ESCAPE = rx.compile(r"\\([!-/:-@\[-`{-~ ])")
_PROTECTED = rx.compile(r"[\uE000-\uE07F]")
_PROTECT_BASE = 0xE000


def protect_escapes(text: str) -> str:
    """Escaped characters replaced by private-use stand-ins, so emphasis and list markers ignore
    them; `restore_escapes` puts the characters back (without their backslash)."""
    return str(_ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text))


def restore_escapes(text: str) -> str:
    return str(_PROTECTED.sub(lambda m: chr(ord(m.group(0)) - _PROTECT_BASE), text))


def unescape(text: str) -> str:
    """The text a CommonMark reader shows for `text`: each backslash escape gives its character."""
    return restore_escapes(protect_escapes(text))


# Pandoc's markdown writer marks what it escapes; its "smart" extension writes an en dash as `--`,
# an em dash as `---` and an ellipsis as `...` (a literal "..." it escapes as `\...`), and a
# subscript as `~x~`, a superscript as `^x^`.
_PANDOC_MARK = rx.compile(r"^\s*(?:\\[-+*#>]|(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])\\[.)]\s|\+(?::?[-=]+:?\+)+\s*$)")
_EM_DASH = rx.compile(r"(?<!-)---(?!-)")
_EN_DASH = rx.compile(r"(?<!-)--(?!-)")
_ELLIPSIS = rx.compile(r"(?<!\.)\.\.\.(?!\.)")
_SUB_SUP = rx.compile(r"(?<![~^\\])([~^])(?![~^\s])((?:[^~^\s\\]|\\.)+?)\1")


def writes_escapes(lines: list[str]) -> bool:
    """Markdown that escapes punctuation (pandoc's markdown): its `--` and `...` stand for a dash
    and an ellipsis. Pandoc's plain text writes the characters themselves and escapes nothing."""
    return any(_ESCAPE.search(line) for line in lines)


def looks_like_pandoc(lines: list[str]) -> bool:
    """Markdown written by pandoc: a line opens with an escaped list marker (`\\-`, `1\\.`) or is a
    grid table's border."""
    return any(_PANDOC_MARK.match(line) for line in lines)


def pandoc_smart(text: str) -> str:
    """Pandoc's ASCII stand-ins back to the characters (on text whose escapes are protected)."""
    text = _EM_DASH.sub("—", text)
    text = _EN_DASH.sub("–", text)
    text = _ELLIPSIS.sub("…", text)
    return str(_SUB_SUP.sub(r"\2", text))


# pandoc's markdown extensions for what HTML carried: a heading's attributes
# ("# KẾ HOẠCH {#ke-hoach style="text-align:center"}"), a bracketed span ("[text]{.hidden}"), and a
# fenced div's fence ("::: content", ":::"). Markup only: the text is kept, the fence is a blank.
_ATTRIBUTES = rx.compile(r"\s*\{(?:[#.][^{}]*|[\w-]+=[^{}]*)\}\s*$")
_SPAN = rx.compile(r"\[([^\[\]]*)\]\{(?:[#.][^{}]*|[\w-]+=[^{}]*)\}")
_FENCE = rx.compile(r"^\s*:{3,}\s*(?:\{[^{}]*\}|[\w-]+)?\s*:*\s*$")


def is_div_fence(raw: str) -> bool:
    return bool(_FENCE.match(raw))


def strip_attributes(text: str) -> str:
    """Text without pandoc's attribute blocks (a heading's trailing one, bracketed spans')."""
    if "{" not in text:
        return text
    return str(_SPAN.sub(r"\1", _ATTRIBUTES.sub("", text)))
