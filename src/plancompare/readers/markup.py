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
