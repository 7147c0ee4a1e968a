"""Markdown converted from PDF: `#` headings (levels unreliable), **bold**, *italic*, and tables —
tab-separated rows or pipe tables (`| STT | Nội dung |`) — whose cells may carry HTML. Markup is
removed and kept as cues."""

from __future__ import annotations

import regex

from ..model.source import SourceInfo
from ..text.normalize import line_offsets, nfc, non_space_len, split_lines
from .document import Item, Line, RawDocument, Table, TableRow
from .html_cells import cell_text

_HEADING = regex.compile(r"^(#{1,6})\s+(.*)$")
_EMPHASIS = regex.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_BOLD_WHOLE = regex.compile(r"^\s*(\*\*|__)(.+)\1\s*:?\s*$")


def _strip_emphasis(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return text.replace("**", "")


_PIPE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?\|?\s*$")
_PIPE_SPLIT = regex.compile(r"(?<!\\)\|")


def _is_table_line(raw: str) -> bool:
    return raw.count("\t") >= 2 or bool(_PIPE_ROW.match(raw) and raw.count("|") >= 3)


def _cells(raw: str) -> list[str]:
    if raw.count("\t") >= 2:
        return raw.split("\t")
    inner = raw.strip()[1:-1]
    return [c.replace("\\|", "|") for c in _PIPE_SPLIT.split(inner)]


def read_markdown(text: str, source: SourceInfo) -> RawDocument:
    items: list[Item] = []
    table: Table | None = None
    total = 0
    in_bold = False  # a **bold** span may run over several lines (hard breaks)
    blank_before = True
    source_lines = split_lines(nfc(text))
    offsets = line_offsets(source_lines)
    for number, raw in enumerate(source_lines, start=1):
        start, end = offsets[number - 1], offsets[number - 1] + len(raw)
        if _is_table_line(raw):
            if _PIPE_RULE.match(raw):
                continue  # the |---|---| line under a pipe table's header
            cells = [cell_text(c) for c in _cells(raw)]
            total += sum(non_space_len(c) for c in cells)
            if table is None:
                table = Table(rows=[], line=number)
                items.append(table)
            table.rows.append(
                TableRow(cells=cells, line=number, line_end=number, char_start=start, char_end=end)
            )
            blank_before = True
            continue
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue  # blank lines inside a table are page gaps; the table stays open
        table = None
        heading = None
        match = _HEADING.match(stripped)
        if match:
            heading = len(match.group(1))
            stripped = match.group(2).strip()
        bold = in_bold or bool(_BOLD_WHOLE.match(stripped))
        if stripped.count("**") % 2 == 1:
            in_bold = not in_bold
            bold = True
        clean = " ".join(_strip_emphasis(stripped).split())
        if not clean:
            continue
        total += non_space_len(clean)
        # Markdown joins lines not separated by a blank line into one paragraph.
        soft = None if blank_before else True
        items.append(
            Line(
                text=clean,
                line=number,
                bold=bold or heading is not None,
                heading=heading,
                soft_wrap=soft,
                char_start=start,
                char_end=end,
            )
        )
        blank_before = False
    return RawDocument(source=source, items=items, total_chars=total)
