"""Deadlines (thời gian thực hiện / thời hạn), typed."""

from __future__ import annotations

from enum import StrEnum

from .base import StrictModel


class DeadlineKind(StrEnum):
    CONTINUOUS = "continuous"
    DATE = "date"
    ANNUAL = "annual"
    PERIOD = "period"
    PER_SCHEDULE = "per_schedule"
    UNSPECIFIED = "unspecified"
    OTHER = "other"


class Deadline(StrictModel):
    text: str | None = None
    kind: DeadlineKind = DeadlineKind.UNSPECIFIED
    date: str | None = None
    day_month: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    before: bool = False
    recurs: str | None = None


class DeadlineMention(Deadline):
    """A deadline found anywhere in the document, with the section or task it belongs to."""

    where: str | None = None
