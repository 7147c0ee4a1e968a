"""The reference side of a comparison: the items a plan is expected to carry.

One model for both kinds of reference: the bundled QĐ 1560 outline (its requirements) and any parsed
document (its tasks). Keys are the same, so comparison code never asks where a reference came from.
"""

from __future__ import annotations

from enum import StrEnum

from .base import StrictModel
from .common import Span
from .deadlines import Deadline
from .metadata import DocumentMeta
from .source import SourceInfo
from .targets import Target
from .units import UnitRef
from .warnings import ParseWarning


class Addressee(StrEnum):
    """Who a reference item is for (docs/comparison.md, "Who an item is for")."""

    CENTRAL = "central"  # central bodies only: a ministry drafting a law, the National Assembly
    EVERY_LOCALITY = "every_locality"  # every province (and its communes)
    NAMED_LOCALITIES = "named_localities"  # the provinces it names
    UNSPECIFIED = "unspecified"  # neither the item nor the reference's Tổ chức thực hiện says


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
    addressee: Addressee = Addressee.UNSPECIFIED
    localities: list[str] = []  # the provinces a `named_localities` item names
    addressee_basis: str | None = None  # what the addressee was read from, for the report's note
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
