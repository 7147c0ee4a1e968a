"""The result of comparing a plan with a reference (CONTRACT.md, `plancompare diff --format json`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from .base import StrictModel
from .common import Span
from .metadata import DocumentMeta
from .reference import Addressee
from .source import SourceInfo
from .targets import Target
from .warnings import ParseWarning


class FindingKind(StrEnum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"
    DIVERGENT = "divergent"
    ADDED = "added"
    # a reference item addressed to others (central bodies, or provinces other than the plan's)
    # that the plan does not carry: reported instead of "missing" (docs/comparison.md)
    NOT_APPLICABLE = "not_applicable"


class Aspect(StrEnum):
    TARGET = "target"
    DEADLINE = "deadline"
    LEAD_UNIT = "lead_unit"
    SUPPORT_UNIT = "support_unit"


class Direction(StrEnum):
    WEAKER = "weaker"
    STRONGER = "stronger"
    EARLIER = "earlier"
    LATER = "later"
    DIFFERENT = "different"


class Divergence(StrictModel):
    aspect: Aspect
    reference: str
    plan: str
    direction: Direction
    # aspect "target": the targets compared, so a report can state them in the reader's language
    reference_target: Target | None = None
    plan_target: Target | None = None


class Evidence(StrictModel):
    reference_text: str | None = None
    plan_text: str | None = None
    plan_span: Span | None = None
    # explanation: folded content words both sides share, and those only one side has
    shared_words: list[str] = []
    reference_only_words: list[str] = []
    plan_only_words: list[str] = []
    # the reference item's own facts, so a report shows every target a divergence cites
    reference_targets: list[Target] = []
    reference_confidence: str | None = None  # outline only: verified | probable | seed-only
    # "missing": the plan text that came closest, so the reader can judge it
    closest_plan_id: str | None = None
    closest_plan_text: str | None = None
    closest_plan_span: Span | None = None
    closest_score: float | None = None


class Link(StrictModel):
    """One scored reference-item / plan-unit pair that the decision kept."""

    plan_id: str
    score: float
    tfidf: float
    token_set: float
    group_affinity: float
    shared_words: list[str] = []


class Finding(StrictModel):
    kind: FindingKind
    reference_id: str | None
    plan_ids: list[str] = []
    score: float
    divergences: list[Divergence] = []
    evidence: Evidence = Evidence()
    group: str | None = None
    links: list[Link] = []
    matched_targets: list[str] = []  # reference target = plan target, for targets that agree
    note: str | None = None
    addressee: Addressee | None = None  # the reference item's addressee; null for "added"


class Summary(StrictModel):
    reference_items: int
    covered: int
    partial: int
    missing: int
    divergent: int
    added: int
    coverage: float  # over the applicable items: not_applicable ones are left out
    not_applicable: int = 0


class DocumentHeader(StrictModel):
    source: SourceInfo
    metadata: DocumentMeta
    provenance: str | None = None


class GroupCoverage(StrictModel):
    """How a reference group is carried: item by item ("detailed": every item covered or divergent),
    in summary form ("summary": some items carried, the others missing or only partly carried), or
    not at all ("missing"). `plan_ids`: plan units that are about the group as a whole."""

    group: str
    title: str
    form: Literal["detailed", "summary", "missing", "not_applicable"]
    plan_ids: list[str] = []
    covered: int = 0
    partial: int = 0
    divergent: int = 0
    missing: int = 0
    not_applicable: int = 0


class Thresholds(StrictModel):
    covered: float
    partial: float
    margin: float


class ComparisonOptions(StrictModel):
    """How the comparison was asked for. `include_not_applicable`: report items addressed to others
    (central bodies, other provinces) as missing like any other, instead of "not_applicable"."""

    include_not_applicable: bool = False


class Comparison(StrictModel):
    schema_version: Literal["1"] = "1"
    reference: DocumentHeader
    plan: DocumentHeader
    summary: Summary
    findings: list[Finding] = []
    groups: list[GroupCoverage] = []
    warnings: list[ParseWarning] = []
    thresholds: Thresholds
    options: ComparisonOptions = ComparisonOptions()

    # notebook helpers: the code lives in plancompare.frames / plancompare.notebook
    def to_dataframe(self) -> Any:
        """One row per finding, divergences flattened (pandas, extra `notebook`)."""
        from ..frames import comparison_frame

        return comparison_frame(self)

    def __repr__(self) -> str:
        from ..notebook import comparison_repr

        return comparison_repr(self)

    def _repr_html_(self) -> str:
        from ..notebook import comparison_html

        return comparison_html(self)
