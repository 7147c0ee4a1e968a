"""The intermediate form every reader produces and the structure stage consumes.

Readers only say what is on the page, in reading order: lines of text (with the cues the format
gives: page, bold, markdown heading level, position) and tables (rows of cells, with the page each
row is on and whether it opens a page). They never decide what a line *means*; that is the job of
`plancompare.structure` and `plancompare.extract`, so the same rules serve every format.

Plain dataclasses, not pydantic: a 500-page document has ~20,000 lines and this layer is hot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model.labels import NoteKind
from ..model.source import SourceInfo
from ..model.warnings import ParseWarning


@dataclass(slots=True)
class Line:
    """One physical line of text, NFC-normalized, markup removed."""

    text: str
    line: int
    page: int | None = None
    bold: bool = False
    heading: int | None = None  # markdown heading level when the source marks one
    indent: int = 0  # leading spaces (plain text) or x offset in points (PDF)
    align: str | None = None  # "center" / "left" / "right" when the layout tells it
    bbox: tuple[float, float, float, float] | None = None
    column: int = 0  # 0 = full width; 1 = left, 2 = right column of a two-column block
    soft_wrap: bool | None = None  # True: the source says this line continues the previous one
    # a blank line stands before this one in a text whose blank lines separate paragraphs
    blank_before: bool = False
    # character offsets of the line in the NFC text with "\n" line ends (text formats only)
    char_start: int | None = None
    char_end: int | None = None


@dataclass(slots=True)
class TableRow:
    cells: list[str]
    line: int
    page: int | None = None
    opens_page: bool = False  # first row of this table on its page (a continuation candidate)
    is_header: bool = False  # the source marks it as a header row (DOCX tblHeader, <th>)
    line_end: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    char_start: int | None = None
    char_end: int | None = None


@dataclass(slots=True)
class Table:
    rows: list[TableRow]
    page: int | None = None
    line: int = 0


Item = Line | Table


class FurnitureKind(StrEnum):
    """Text that is not the document: counted in accounting under its own role, never parsed."""

    SITE = "site_furniture"  # a website's banner, info box, related documents, notices
    PAGE = "page_furniture"  # running headers and footers, page markers, signature timestamps
    COMMENT = "comment"  # a reviewer's comment on a DOCX


@dataclass(slots=True)
class Furniture:
    text: str
    line: int
    kind: FurnitureKind
    page: int | None = None


@dataclass(slots=True)
class Note:
    """A footnote or endnote: text of the document that stands outside the body's flow. Its lines
    are numbered after the body's; `anchor` is the lines of the paragraph (or table row) holding
    its reference mark, None when nothing refers to it."""

    kind: NoteKind
    note_id: str  # the id the file gives it
    number: int | None  # its place among the marks of its kind, as Word numbers them; None unreferenced
    text: str
    line: int
    line_end: int
    anchor: tuple[int, int] | None = None


@dataclass(slots=True)
class RawDocument:
    source: SourceInfo
    items: list[Item]
    properties: dict[str, str] = field(default_factory=dict)  # e.g. PDF /Title, DOCX core props
    warnings: list[ParseWarning] = field(default_factory=list)
    total_chars: int = 0  # non-space characters of the text the reader extracted (furniture included)
    furniture: list[Furniture] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # footnotes and endnotes (DOCX), counted in total_chars
    site_hint: dict[str, str] = field(default_factory=dict)  # a web copy's info box (readers/site.py)

    def lines(self) -> list[Line]:
        return [it for it in self.items if isinstance(it, Line)]

    def tables(self) -> list[Table]:
        return [it for it in self.items if isinstance(it, Table)]
