"""Numeric targets (chỉ tiêu): "15%-20%", "tối thiểu 15% đến năm 2030", "dưới 1%"."""

from __future__ import annotations

from enum import StrEnum

from .base import StrictModel


class Comparator(StrEnum):
    LT = "<"
    LE = "<="
    EQ = "="
    GE = ">="
    GT = ">"
    RANGE = "range"


class Target(StrictModel):
    text: str
    metric: str | None = None
    comparator: Comparator
    value: float
    value_max: float | None = None
    unit: str | None = None
    by_year: int | None = None
    period: str | None = None


class TargetMention(Target):
    where: str | None = None
