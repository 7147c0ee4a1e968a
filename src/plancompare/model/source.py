"""What was read: the file, its format and size."""

from __future__ import annotations

from enum import StrEnum

from .base import StrictModel


class SourceFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    PLAN_JSON = "plan-json"
    OUTLINE = "outline"


class SourceInfo(StrictModel):
    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
