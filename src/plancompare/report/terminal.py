"""Text for a terminal or a pipe: word-wrapped paragraphs and box tables at a given width, with ANSI
colour only on a colour terminal.

The text reports were drawn with rich's layout engine, which took 60 ms per report — a sixth of a
whole `plancompare diff` run (issue #10) — while these reports need only a grid of wrapped cells.
rich still draws the batch progress bar and the help panels, where its features pay for themselves.
Each step is a small pure function (`display_width`, `wrap`, `column_widths`, `table_lines`) so it
can be tested alone.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from ..text import rx

# characters that do not take one column: combining marks (a decomposed tone mark) and East Asian
# wide forms; NFC Vietnamese has neither, so the common case is len()
_NOT_ONE_COLUMN = rx.compile(
    r"[\p{Mn}\p{Me}\p{Cf}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\U0001F300-\U0001FAFF]"
)
_SGR = {
    "bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33",
    "magenta": "35", "cyan": "36", "white": "37", "bright_black": "90",
}  # fmt: skip
MIN_FLEXIBLE = 8  # a flexible column never gets fewer columns than this, even on a narrow terminal


@dataclass(frozen=True)
class Line:
    """One logical line of a cell or paragraph; `style` (space-separated names) holds when it wraps."""

    text: str
    style: str = ""


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None  # fixed; None: as wide as its widest line, or what is left if flexible
    flexible: bool = False
    align_right: bool = False


Cell = str | Sequence[Line]


def display_width(text: str) -> int:
    if not _NOT_ONE_COLUMN.search(text):
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fold(word: str, width: int) -> list[str]:
    """A word longer than the column, cut into column-wide pieces (ids, links)."""
    pieces, piece = [], ""
    for ch in word:
        if piece and display_width(piece + ch) > width:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece]


def wrap(text: str, width: int) -> list[str]:
    """`text` broken at spaces into lines of at most `width` columns; its own newlines are kept."""
    width = max(width, 1)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if display_width(candidate) <= width:
                line = candidate
                continue
            if line:
                out.append(line)
            pieces = _fold(word, width) if display_width(word) > width else [word]
            out.extend(pieces[:-1])
            line = pieces[-1]
        out.append(line)
    return out


def _lines(cell: Cell) -> list[Line]:
    return [Line(cell)] if isinstance(cell, str) else list(cell)


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], total: int) -> list[int]:
    """Inner width of each column: fixed ones as given, natural ones as their widest line, and the
    flexible one whatever is left of `total` after borders and one space of padding each side."""
    widths = []
    for i, col in enumerate(columns):
        if col.width is not None:
            widths.append(col.width)
            continue
        texts = [col.header, *(line.text for row in rows for line in _lines(row[i]))]
        widths.append(
            0 if col.flexible else max(display_width(x) for part in texts for x in part.split("\n"))
        )
    used = sum(widths) + 3 * len(columns) + 1
    for i, col in enumerate(columns):
        if col.flexible:
            widths[i] = max(MIN_FLEXIBLE, total - used)
            used += widths[i]
    return widths


def _cell_rows(cell: Cell, width: int) -> list[Line]:
    return [Line(piece, line.style) for line in _lines(cell) for piece in wrap(line.text, width)]


def _rule(widths: Sequence[int], left: str, fill: str, joint: str, right: str) -> str:
    return left + joint.join(fill * (w + 2) for w in widths) + right


class Terminal:
    """Where text output goes: a file or stdout, its width, and whether it takes colour."""

    def __init__(self, file: TextIO, width: int, colour: bool = False) -> None:
        self.file, self.width, self.colour = file, width, colour

    def styled(self, text: str, style: str) -> str:
        codes = ";".join(_SGR[name] for name in style.split() if name in _SGR)
        return f"\x1b[{codes}m{text}\x1b[0m" if self.colour and codes and text else text

    def paragraph(
        self, text: str, style: str = "", indent: int = 0, lead: str = "", lead_style: str = "bold",
        hanging: int | None = None,
    ) -> None:  # fmt: skip
        """`text` after an optional `lead` ("Kế hoạch:"), wrapped to the width; continuation lines
        are indented `hanging` more (2 under a lead, so the lead stands out)."""
        pad, full = " " * indent, f"{lead} {text}" if lead else text
        extra = (2 if lead else 0) if hanging is None else hanging
        lines = wrap(full, self.width - indent)
        if extra and len(lines) > 1:
            rest = " ".join(full.split())[len(lines[0]) :]
            lines = [lines[0], *(" " * extra + x for x in wrap(rest, self.width - indent - extra))]
        for k, line in enumerate(lines):
            if k == 0 and lead and line.startswith(lead):
                rest = line[len(lead) :]
                self.file.write(pad + self.styled(lead, lead_style) + self.styled(rest, style) + "\n")
            else:
                self.file.write(pad + self.styled(line, style) + "\n")

    def definitions(self, rows: Sequence[tuple[str, str]]) -> None:
        """Key and value pairs: keys in bold in one column, values wrapped beside them."""
        key_width = max((display_width(k) for k, _ in rows), default=0)
        for key, value in rows:
            pad = " " * (key_width - display_width(key) + 2)
            for k, line in enumerate(wrap(value, self.width - key_width - 2)):
                lead = self.styled(key, "bold") + pad if k == 0 else " " * (key_width + 2)
                self.file.write(lead + line + "\n")

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], title: str | None = None,
        row_lines: bool = True,
    ) -> None:  # fmt: skip
        widths = column_widths(columns, rows, self.width)
        if title:
            total = sum(widths) + 3 * len(widths) + 1
            self.file.write(self.styled(title.center(total).rstrip(), "italic") + "\n")
        for line in table_lines(columns, rows, widths, row_lines, self.styled):
            self.file.write(line + "\n")


def _plain(text: str, style: str) -> str:
    return text


def table_lines(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], widths: Sequence[int], row_lines: bool = True,
    styled: Callable[[str, str], str] = _plain,
) -> list[str]:  # fmt: skip
    """The box table: heavy rules round the header, light ones round the body."""

    def draw(cells: Sequence[Cell], bar: str, style: str = "") -> list[str]:
        wrapped = [_cell_rows(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        out = []
        for k in range(height):
            parts = []
            for col, w, lines in zip(columns, widths, wrapped, strict=True):
                line = lines[k] if k < len(lines) else Line("")
                gap = " " * (w - display_width(line.text))
                text = styled(line.text, f"{style} {line.style}".strip())
                parts.append(f" {gap}{text} " if col.align_right else f" {text}{gap} ")
            out.append(bar + bar.join(parts) + bar)
        return out

    out = [_rule(widths, "┏", "━", "┳", "┓"), *draw([c.header for c in columns], "┃", "bold")]
    out.append(_rule(widths, "┡", "━", "╇", "┩"))
    for i, row in enumerate(rows):
        if i and row_lines:
            out.append(_rule(widths, "├", "─", "┼", "┤"))
        out.extend(draw(row, "│"))
    out.append(_rule(widths, "└", "─", "┴", "┘"))
    return out


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set or the terminal is dumb (no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
