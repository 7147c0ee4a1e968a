"""A unit (cơ quan, đơn vị) named in a plan, as written and as canonicalized by the glossary."""

from __future__ import annotations

from .base import StrictModel


class UnitRef(StrictModel):
    text: str
    canonical: str | None = None
    unit_id: str | None = None
    level: str | None = None
