"""Tasks: rows of the appendix task table, or items of the body's Nhiệm vụ section."""

from __future__ import annotations

from .base import StrictModel
from .common import Span
from .deadlines import Deadline
from .labels import TaskOrigin
from .targets import Target
from .units import UnitRef


class ExtraCell(StrictModel):
    """A task-table column no role claims ("Cấp trình", "Cá nhân phụ trách"), kept by its header."""

    header: str
    text: str


class Task(StrictModel):
    id: str
    number: str | None = None
    group: str | None = None
    section: str | None = None
    text: str
    lead_units: list[UnitRef] = []
    support_units: list[UnitRef] = []
    product: str | None = None
    deadline: Deadline = Deadline()
    targets: list[Target] = []
    extra: list[ExtraCell] = []
    origin: TaskOrigin = TaskOrigin.TABLE
    span: Span


class TaskGroup(StrictModel):
    number: str
    title: str
    section: str | None = None
