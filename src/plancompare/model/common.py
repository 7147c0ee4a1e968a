"""Provenance: where in the source a piece of the parse comes from."""

from __future__ import annotations

from .base import StrictModel


class Span(StrictModel):
    """Lines are 1-based and inclusive. For text formats they are lines of the source file; for paged
    formats (PDF, scans) they are lines on `page`; for DOCX, paragraph numbers in the body.
    `char_start`/`char_end` (text and markdown only, else null) are offsets into the source text
    after NFC normalization with "\n" line ends: `text[char_start:char_end]` is the passage.
    A span that crosses a page break (a table row continued on the next page) also has `page_end`:
    it starts at `line_start` on `page` and ends at `line_end` on `page_end` (null on one page)."""

    page: int | None = None
    page_end: int | None = None
    line_start: int
    line_end: int
    char_start: int | None = None
    char_end: int | None = None
