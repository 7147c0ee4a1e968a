"""Default limits of a parse, in one place: `ParseOptions` (validated, pydantic) and the command
line (which must start without pydantic) both take their defaults from here."""

from __future__ import annotations

from typing import Final

MAX_BYTES: Final = 200 * 1024 * 1024  # largest input file
MAX_PAGES: Final = 500  # most pages read from a paged document
MAX_DOCX_UNCOMPRESSED: Final = 100 * 1024 * 1024  # zip-bomb guard
TIME_BUDGET_S: Final = 300.0  # wall-clock budget of one parse
MAX_NESTING: Final = 12  # deepest section nesting kept
JOBS: Final = 1  # worker processes for OCR pages
