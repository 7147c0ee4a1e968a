"""The typed model of a parsed plan (and, in `comparison`, of a comparison)."""

from .base import StrictModel
from .blocks import UnclassifiedBlock
from .common import Span
from .deadlines import Deadline, DeadlineKind, DeadlineMention
from .metadata import AppendixInfo, DocumentMeta
from .notes import Note
from .plan import SCHEMA_VERSION, Plan, TextAccounting
from .sections import Section
from .source import SourceFormat, SourceInfo
from .targets import Comparator, Target, TargetMention
from .tasks import Task, TaskGroup
from .units import UnitRef
from .warnings import ParseWarning

__all__ = [
    "SCHEMA_VERSION",
    "AppendixInfo",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "DeadlineMention",
    "DocumentMeta",
    "Note",
    "ParseWarning",
    "Plan",
    "Section",
    "SourceFormat",
    "SourceInfo",
    "Span",
    "StrictModel",
    "Target",
    "TargetMention",
    "Task",
    "TaskGroup",
    "TextAccounting",
    "UnclassifiedBlock",
    "UnitRef",
]
