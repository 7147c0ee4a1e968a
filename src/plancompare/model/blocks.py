"""Text that no extractor placed. Kept, never dropped, with where it came from."""

from __future__ import annotations

from .base import StrictModel
from .common import Span


class UnclassifiedBlock(StrictModel):
    text: str
    span: Span
