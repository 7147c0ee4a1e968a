"""Settings of a parse, with limits. Validated once; every stage reads what it needs from here."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .model.base import StrictModel


class OcrMode(StrEnum):
    AUTO = "auto"  # OCR pages whose text layer is empty or near-empty
    NEVER = "never"
    ALWAYS = "always"


class ParseOptions(StrictModel):
    max_bytes: int = Field(default=200 * 1024 * 1024, gt=0, description="largest input file")
    max_pages: int = Field(default=500, gt=0, description="most pages read from a paged document")
    max_docx_uncompressed: int = Field(
        default=100 * 1024 * 1024, gt=0, description="largest decompressed DOCX (zip-bomb guard)"
    )
    time_budget_s: float = Field(default=300.0, gt=0, description="wall-clock budget of one parse")
    max_nesting: int = Field(default=12, gt=0, description="deepest section nesting kept")
    ocr: OcrMode = OcrMode.AUTO
    ocr_lang: str = "vie"
    ocr_dpi: int = Field(default=300, ge=72, le=600)
    jobs: int = Field(default=1, ge=1, le=64, description="worker processes for OCR pages")
