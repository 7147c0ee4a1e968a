"""The reference side of a comparison: the items a plan is expected to carry.

One model for both kinds of reference: the bundled QĐ 1560 outline (its requirements) and any parsed
document (its tasks). Keys are the same, so comparison code never asks where a reference came from.
"""

from __future__ import annotations

from .base import StrictModel
from .common import Span
from .deadlines import Deadline
from .metadata import DocumentMeta
from .source import SourceInfo
from .targets import Target
from .units import UnitRef
from .warnings import ParseWarning


class ReferenceGroup(StrictModel):
    id: str
    title: str


class ReferenceItem(StrictModel):
    id: str
    group: str | None = None
    text: str
    targets: list[Target] = []
    deadline: Deadline = Deadline()
    lead_units: list[UnitRef] = []
    support_units: list[UnitRef] = []
    span: Span | None = None
    # outline only: how sure the reconstruction is, and the provincial texts it rests on
    confidence: str | None = None
    evidence: list[str] = []


class Reference(StrictModel):
    source: SourceInfo
    metadata: DocumentMeta
    provenance: str | None = None
    groups: list[ReferenceGroup] = []
    items: list[ReferenceItem] = []
    warnings: list[ParseWarning] = []
