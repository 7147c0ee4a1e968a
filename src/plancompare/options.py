"""Settings of a parse, with limits. Validated once; every stage reads what it needs from here."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from . import limits
from .model.base import StrictModel


class OcrMode(StrEnum):
    AUTO = "auto"  # OCR pages whose text layer is empty or near-empty
    NEVER = "never"
    ALWAYS = "always"


class LayoutSettings(StrictModel):
    """Thresholds of the layout readers, validated in one place (as pdfplumber's `TableSettings`):
    how far apart side-by-side columns stand, when a table is a layout of two blocks, how long a
    cell may be, what repeats enough to be a running header. Defaults fit NĐ 30 documents as
    portals, Word and pdftotext write them."""

    side_gap: int = Field(default=4, ge=2, le=40, description="spaces between two side-by-side blocks")
    side_slack: int = Field(default=12, ge=0, le=60, description="how far the right block may wander")
    side_lookahead: int = Field(default=3, ge=0, le=20, description="left-only lines kept in a block")
    layout_max_rows: int = Field(default=3, ge=1, le=10, description="a table this small places text …")
    layout_max_columns: int = Field(default=2, ge=1, le=4, description="… side by side: header, signature")
    max_cell_lines: int = Field(default=30, ge=2, le=1000, description="longest web-copy cell, in lines")
    max_columns: int = Field(default=12, ge=2, le=60, description="most columns of a web-copy table")
    furniture_max_len: int = Field(default=80, ge=10, le=400, description="longest running header")
    furniture_min_repeats: int = Field(default=3, ge=2, le=50, description="repeats of a running header")
    furniture_min_spacing: int = Field(default=10, ge=1, le=500, description="lines between its repeats")


DEFAULT_LAYOUT = LayoutSettings()


class BorderlessSettings(StrictModel):
    """Thresholds of the PDF reader's tables without ruling lines (columns from the header's labels,
    rows from the number column and the gaps between lines), in ems of the text's size. Words are
    in points on a text layer and on a scan alike (OCR boxes are scaled by 72/dpi); a scan's word
    size is estimated from its line's box (`ocr.parse_tsv`), which a line without capitals' marks or
    descenders makes smaller than the font: `ocr_size_scale` brings it back to the font's size."""

    label_gap_em: float = Field(default=0.7, ge=0.3, le=3.0, description="gap between two header labels")
    header_max_lines: int = Field(default=4, ge=1, le=8, description="stacked lines of a tall header cell")
    header_line_gap_em: float = Field(default=0.8, ge=0.1, le=3.0, description="gap between its lines")
    min_columns: int = Field(default=3, ge=2, le=20, description="labels a task header names at least")
    min_rows: int = Field(default=1, ge=1, le=50, description="numbered rows under the header at least")
    row_gap_em: float = Field(default=0.25, ge=0.05, le=3.0, description="a row gap beyond a cell's line gap")
    spill_share: float = Field(default=0.1, ge=0.0, le=0.5, description="lines that may cross a gutter")
    rule_share: float = Field(default=0.6, ge=0.1, le=1.0, description="table width a row rule spans")
    ocr_size_scale: float = Field(
        default=1.25, ge=1.0, le=2.0, description="font size over an OCR word's size"
    )


DEFAULT_BORDERLESS = BorderlessSettings()


class ParseOptions(StrictModel):
    max_bytes: int = Field(default=limits.MAX_BYTES, gt=0, description="largest input file")
    max_pages: int = Field(
        default=limits.MAX_PAGES, gt=0, description="most pages read from a paged document"
    )
    max_docx_uncompressed: int = Field(
        default=limits.MAX_DOCX_UNCOMPRESSED, gt=0, description="largest decompressed DOCX (zip-bomb guard)"
    )
    time_budget_s: float = Field(
        default=limits.TIME_BUDGET_S, gt=0, description="wall-clock budget of one parse"
    )
    max_nesting: int = Field(default=limits.MAX_NESTING, gt=0, description="deepest section nesting kept")
    ocr: OcrMode = OcrMode.AUTO
    ocr_lang: str = "vie"
    ocr_dpi: int = Field(default=300, ge=72, le=600)
    jobs: int = Field(default=limits.JOBS, ge=1, le=64, description="worker processes for OCR pages")
    layout: LayoutSettings = DEFAULT_LAYOUT
    borderless: BorderlessSettings = DEFAULT_BORDERLESS
