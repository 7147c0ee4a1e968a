"""The section tree: I./II., 1./2., 1.1, a)…đ), -, + and Điều/Khoản/Điểm, flattened with parent links."""

from __future__ import annotations

from .base import StrictModel
from .common import Span
from .labels import SectionKind


class Section(StrictModel):
    id: str
    number: str | None
    title: str
    level: int
    parent: str | None = None
    kind: SectionKind
    text: str = ""
    span: Span
