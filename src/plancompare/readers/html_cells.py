"""HTML inside table cells of markdown converted from PDF: <b>, <br>, <ul><li>.

A `<br>` in a pipe table's cell is what PDF converters (pymupdf4llm, marker) write at every
printed line of the cell, so it says no more than a PDF's line end: a wrap ("Sở Giáo dục và
Đào<br>tạo"), unless the line before it ends a clause ("…(b/c);<br>Các sở"); `grid.cell_text`
keeps a break before a list item either way. The end of a `<li>` or `<p>` is a paragraph's end.
(pandoc writes a Word line break inside a raw HTML table instead, which the HTML table code keeps
as a hard break, as the DOCX reader does.) markitdown, through markdownify, joins a cell's
paragraphs with two spaces ("**KT. CHỦ TỊCH**  **PHÓ CHỦ TỊCH**"): a gap of two spaces or more
inside a cell is read as a `<br>`; a wrap joins the text back with one space.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from ..text import rx
from ..text.punct import CLAUSE_END

_BLOCK_ENDS = rx.compile(r"<\s*(?:/li|/p|/tr)\s*>", regex.IGNORECASE)
_BREAKS = rx.compile(r"<\s*br\s*/?\s*>", regex.IGNORECASE)
# markdownify (markitdown's DOCX/HTML tables) joins a cell's paragraphs with two spaces: a break
_PARAGRAPH_GAP = rx.compile(r"(?<=\S) {2,}(?=\S)")
_TAGS = rx.compile(r"<[^<>]{0,400}>")
_BOLD = rx.compile(r"<\s*(?:b|strong)\b", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CellPiece:
    text: str  # tags removed, entities decoded, spaces folded
    hard_break: bool  # the source ends a paragraph before it


def _text(raw: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", raw)).split())


def cell_pieces(raw: str) -> list[CellPiece]:
    """Cell HTML as its lines: split at `<br>` and at the end of a list item or paragraph."""
    out: list[CellPiece] = []
    for block in _BLOCK_ENDS.split(raw):
        first = True
        for part in _BREAKS.split(_PARAGRAPH_GAP.sub("<br>", block.strip())):
            text = _text(part)
            if not text:
                continue
            hard = bool(out) and (first or bool(CLAUSE_END.search(out[-1].text)))
            out.append(CellPiece(text, hard))
            first = False
    return out


def cell_text(raw: str) -> str:
    """Cell HTML to text: list items and breaks become newlines, other tags go, entities decode."""
    return "\n".join(p.text for p in cell_pieces(raw))


def is_bold_cell(raw: str) -> bool:
    return bool(_BOLD.search(raw))
