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


class SourceHint(StrictModel):
    """What a website's info box says about the document it shows ("Số hiệu:", "Loại văn bản:",
    "Nơi ban hành:", "Người ký:", "Ngày ban hành:"), as the site wrote it. A hint only: the
    metadata always comes from the document itself, and a disagreement is a warning."""

    number: str | None = None
    doc_type_name: str | None = None
    issuer: str | None = None
    signer: str | None = None
    date: str | None = None
