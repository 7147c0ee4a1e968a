"""Warnings: what the parser could not find, could not place, or had to guess."""

from __future__ import annotations

from .base import StrictModel


class ParseWarning(StrictModel):
    """`code` is a stable machine-readable key (see `plancompare.model.warning_codes`)."""

    code: str
    message: str
    page: int | None = None
