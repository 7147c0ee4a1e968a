"""Grid tables, as pandoc writes every DOCX table in markdown and plain text:

    +--------------+---+---------------------------+
    | **ỦY BAN     |   | **CỘNG HÒA XÃ HỘI CHỦ     |
    | NHÂN DÂN**   |   | NGHĨA VIỆT NAM**          |
    |              |   |                           |
    |              |   | **Độc lập - Tự do**       |
    +:============:+:=:+:=========================:+
    | Số: /KH-UBND |   | *Lào Cai, ngày tháng*     |
    +--------------+---+---------------------------+

The `+` of the rule lines are the column boundaries; a row is every line between two rules, each
cell's text wrapped inside its column (a blank line in a cell starts a new paragraph); `=` under the
header rows; colons give the alignment. A cell spanning columns has no `|` at the boundaries it
covers. A rule line broken by text (a cell spanning rows, pandoc >= 3) closes the row for the
columns it rules and gives its text to the cell above. All pure functions over the source lines;
the table becomes a `Grid` like any other serialization's.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..text import rx
from .grid import CellLine, Grid, GridCell, GridRow
from .markup import pandoc_smart, protect_escapes, restore_escapes, strip_emphasis

_RULE = rx.compile(r"^\s*\+(?::?[-=]+:?\+)+\s*$")
_RULE_PIECE = rx.compile(r"^:?[-=]+:?$")
_HEADING = rx.compile(r"^#{1,6}(?:\s+|$)")
_FIRST_WORD = rx.compile(r"(?:\\\s|\S)+")  # an escaped space (pandoc's non-breaking space) binds
_BOLD = rx.compile(r"^\*\*.+\*\*[:.]?$")


def is_rule_line(raw: str) -> bool:
    """`+----+----+`, `+====+====+`, `+:===:+`: a grid table's border."""
    return bool(_RULE.match(raw))


def is_header_rule(raw: str) -> bool:
    return is_rule_line(raw) and "=" in raw


def rule_columns(raw: str) -> list[int]:
    """Character positions of a rule line's `+`: the column boundaries."""
    return [k for k, ch in enumerate(raw) if ch == "+"]


def is_partial_rule(raw: str, bounds: list[int]) -> bool:
    """A border under some columns only, text under the others (a cell that spans rows)."""
    if not raw.strip().startswith(("+", "|")):
        return False
    pieces = cut_line(raw, bounds)
    ruled = [bool(_RULE_PIECE.match(p)) for p in pieces]
    return any(ruled) and not all(ruled) and any(raw[b : b + 1] == "+" for b in bounds)


def _is_content_line(raw: str, left: int) -> bool:
    return raw[left : left + 1] == "|"


def line_bounds(raw: str, bounds: list[int]) -> list[int]:
    """The boundaries as `raw` draws them: the table's, unless the line's bars sit elsewhere (a
    converter that counted a wide character twice) and are as many as the table's."""
    if all(raw[b : b + 1] in ("|", "+") for b in bounds):
        return bounds
    bars = [k for k, ch in enumerate(raw) if ch == "|" and raw[k - 1 : k] != "\\"]
    return bars if len(bars) == len(bounds) else bounds


def cut_line(raw: str, bounds: list[int]) -> list[str]:
    """The text between consecutive boundaries (stripped), one piece per column."""
    own = line_bounds(raw, bounds)
    return [raw[a + 1 : b].strip() for a, b in itertools.pairwise(own)]


def is_broken_short(line: str, following: str, width: int | None) -> bool:
    """`line` ends before the column's edge though `following`'s first word would have fit on it."""
    word = _FIRST_WORD.match(following)
    if width is None or word is None:
        return False
    return len(line) + 1 + len(word.group(0)) <= width


def _bar_at(raw: str, bounds: list[int], k: int) -> bool:
    own = line_bounds(raw, bounds)
    return raw[own[k] : own[k] + 1] in ("|", "+")


def row_boundaries(lines: list[str], bounds: list[int]) -> list[int]:
    """Indices into `bounds` of the boundaries a row draws: both edges, and every inner one with a
    bar on some line of the row (a spanning cell leaves its inner boundaries blank)."""
    inner = [k for k in range(1, len(bounds) - 1) if any(_bar_at(ln, bounds, k) for ln in lines)]
    return [0, *inner, len(bounds) - 1]


def blank_ruled_pieces(raw: str, bounds: list[int]) -> str:
    """A partial border as a content line: its ruled pieces blanked, its `+` read as bars."""
    chars = list(raw.replace("+", "|"))
    for a, b in itertools.pairwise(bounds):
        if _RULE_PIECE.match(raw[a + 1 : b].strip()):
            chars[a + 1 : b] = " " * (min(b, len(chars)) - a - 1)
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class SourceLine:
    index: int  # 0-based source line
    text: str
    start: int  # char offset of the line in the source


def clean_cell_text(text: str, markdown: bool, smart: bool = False) -> tuple[str, bool]:
    """(text, bold) of a cell paragraph: in markdown, heading marks, emphasis and backslash escapes
    removed (a bold cue kept), pandoc's `--` read as a dash (`smart`); plain text as written."""
    if not markdown:
        return " ".join(text.split()), False
    guarded = _HEADING.sub("", protect_escapes(text.strip()))
    if smart:
        guarded = pandoc_smart(guarded)
    bold = bool(_BOLD.match(guarded))
    clean = " ".join(restore_escapes(strip_emphasis(guarded)).split())
    return clean, bold


def cell_paragraphs(
    pieces: list[tuple[SourceLine, str]],
    left: int,
    markdown: bool,
    smart: bool = False,
    width: int | None = None,
) -> list[CellLine]:
    """A cell's wrapped source lines joined into paragraphs: a blank line (or markdown's `\\` line
    break) ends one; each paragraph is one `CellLine` spanning its source lines. Plain text marks no
    line break (and pandoc's plain text reads as markdown when it has tables): a line that left
    room in the column (`width`) for the next line's first word was broken by the writer, not
    wrapped — wrapping fills each line."""
    out: list[CellLine] = []
    group: list[tuple[SourceLine, str]] = []
    hard = False

    def close() -> None:
        nonlocal group, hard
        if group:
            text, bold = clean_cell_text(" ".join(p for _, p in group), markdown, smart)
            if text:
                first, last = group[0][0], group[-1][0]
                out.append(
                    CellLine(
                        text=text,
                        line=first.index + 1,
                        bold=bold,
                        char_start=first.start + left,
                        char_end=last.start + len(last.text),
                        hard_break=hard and bool(out),
                    )
                )
        group, hard = [], True

    for src, piece in pieces:
        if not piece:
            close()
            continue
        if group and is_broken_short(group[-1][1], piece, width):
            close()
        if markdown and _HEADING.match(piece):  # a heading is a block of its own
            close()
            group.append((src, piece))
            close()
            continue
        broken = markdown and piece.endswith("\\") and not piece.endswith("\\\\")
        group.append((src, piece[:-1].rstrip() if broken else piece))
        if broken:
            close()
    close()
    return out


def _row(lines: list[SourceLine], bounds: list[int], markdown: bool, smart: bool, is_header: bool) -> GridRow:
    drawn = row_boundaries([ln.text for ln in lines], bounds)
    cells: list[GridCell] = []
    for a, b in itertools.pairwise(drawn):
        pieces = []
        for ln in lines:
            own = line_bounds(ln.text, bounds)
            pieces.append((ln, ln.text[own[a] + 1 : own[b]].strip()))
        width = bounds[b] - bounds[a] - 3  # the text between "| " and " |"
        cells.append(
            GridCell(lines=cell_paragraphs(pieces, bounds[a] + 1, markdown, smart, width), colspan=b - a)
        )
    return GridRow(cells=cells, is_header=is_header)


@dataclass(frozen=True, slots=True)
class GridTable:
    grid: Grid
    resume: int  # index of the first source line after the table


def _extent(lines: list[str], start: int, end: int) -> tuple[int, list[int]]:
    """(index of the table's last border, the column boundaries): the union of the `+` of every
    full border, since a border over a spanning cell lacks the `+` it covers."""
    left = rule_columns(lines[start])[0]
    bounds = set(rule_columns(lines[start]))
    last_rule = start
    for k in range(start + 1, end):
        raw = lines[k]
        if is_rule_line(raw):
            bounds |= set(rule_columns(raw))
            last_rule = k
        elif not _is_content_line(raw, left) and not raw.strip().startswith("+"):
            break
    return last_rule, sorted(bounds)


def read_grid_table(
    lines: list[str], start: int, end: int, offsets: list[int], markdown: bool, smart: bool = False
) -> GridTable | None:
    """The grid table whose top border is `lines[start]`, or None when no row follows it."""
    if not is_rule_line(lines[start]):
        return None
    last_rule, bounds = _extent(lines, start, end)
    rows: list[list[SourceLine]] = []
    header_rows = 0
    current: list[SourceLine] = []
    for k in range(start + 1, last_rule + 1):
        raw = lines[k]
        partial = not is_rule_line(raw) and is_partial_rule(raw, bounds)
        if is_rule_line(raw) or partial:
            if partial:  # a border under some columns: its text stays in the row above
                current.append(SourceLine(k, blank_ruled_pieces(raw, bounds), offsets[k]))
            if current:
                rows.append(current)
            current = []
            if is_header_rule(raw) and k < last_rule:
                header_rows = len(rows)
        else:
            current.append(SourceLine(k, raw, offsets[k]))
    if not rows:
        return None
    grid_rows = [_row(r, bounds, markdown, smart, n < header_rows) for n, r in enumerate(rows)]
    return GridTable(grid=Grid(rows=grid_rows), resume=last_rule + 1)
