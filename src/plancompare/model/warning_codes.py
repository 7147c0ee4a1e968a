"""Stable warning codes. Adding a code is fine; renaming one breaks users' filters."""

from __future__ import annotations

from typing import Final

NUMBER_MISSING: Final = "number_missing"
NUMBER_BLANK: Final = "number_blank"
DATE_MISSING: Final = "date_missing"
DATE_BLANK: Final = "date_blank"
PLACE_MISSING: Final = "place_missing"
ISSUER_MISSING: Final = "issuer_missing"
ISSUER_INFERRED: Final = "issuer_inferred"
TITLE_MISSING: Final = "title_missing"
SIGNER_MISSING: Final = "signer_missing"
HEADER_MISSING: Final = "header_missing"
RECIPIENTS_MISSING: Final = "recipients_missing"
APPENDIX_ABSENT: Final = "appendix_absent"
TASKS_NOT_FOUND: Final = "tasks_not_found"
UNIT_UNKNOWN: Final = "unit_unknown"
UNCLASSIFIED_TEXT: Final = "unclassified_text"
DATE_INVALID: Final = "date_invalid"
FORMAT_MISMATCH: Final = "format_mismatch"
LEGACY_ENCODING: Final = "legacy_encoding"
OCR_USED: Final = "ocr_used"
OCR_LOW_CONFIDENCE: Final = "ocr_low_confidence"
PAGE_ERROR: Final = "page_error"
LIMIT_REACHED: Final = "limit_reached"
TABLE_ROW_JOINED: Final = "table_row_joined"
