"""Footnotes and endnotes: the document's own text outside the body's flow (a DOCX's notes part)."""

from __future__ import annotations

from .base import StrictModel
from .common import Span
from .labels import NoteKind


class Note(StrictModel):
    kind: NoteKind
    id: str  # the note's id in the file
    number: int | None = None  # its mark as Word numbers it (order of the marks); null when unreferenced
    text: str
    span: Span  # the note's own lines, numbered after the body's
    anchor: Span | None = None  # the paragraph or table row holding its reference mark
