"""A parsed plan: the root of the public model."""

from __future__ import annotations

from typing import Any, Literal

from .base import StrictModel
from .blocks import UnclassifiedBlock
from .deadlines import DeadlineMention
from .metadata import DocumentMeta
from .notes import Note
from .sections import Section
from .source import SourceHint, SourceInfo
from .targets import TargetMention
from .tasks import Task, TaskGroup
from .warnings import ParseWarning

SCHEMA_VERSION: Literal["1"] = "1"


class TextAccounting(StrictModel):
    """How the input's characters were used: every non-space character lands in exactly one role."""

    total: int = 0
    by_role: dict[str, int] = {}


class Plan(StrictModel):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: SourceInfo
    source_hint: SourceHint | None = None  # a web copy's info box (readers/site.py); never metadata
    metadata: DocumentMeta
    preamble: str | None = None
    sections: list[Section] = []
    task_groups: list[TaskGroup] = []
    tasks: list[Task] = []
    targets: list[TargetMention] = []
    deadlines: list[DeadlineMention] = []
    unclassified: list[UnclassifiedBlock] = []
    notes: list[Note] = []  # footnotes and endnotes (DOCX)
    accounting: TextAccounting = TextAccounting()
    warnings: list[ParseWarning] = []

    # notebook helpers: the code lives in plancompare.frames / plancompare.notebook
    def to_dataframe(self) -> Any:
        """One row per task (pandas, extra `notebook`)."""
        from ..frames import plan_frame

        return plan_frame(self)

    def units_frame(self) -> Any:
        """One row per task × unit, with role and canonical name (pandas, extra `notebook`)."""
        from ..frames import units_frame

        return units_frame(self)

    def __repr__(self) -> str:
        from ..notebook import plan_repr

        return plan_repr(self)

    def _repr_html_(self) -> str:
        from ..notebook import plan_html

        return plan_html(self)
