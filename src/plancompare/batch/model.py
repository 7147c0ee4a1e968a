"""What one plan of a batch gives: its comparison or its error, and the small row kept of it."""

from __future__ import annotations

from pydantic import Field

from ..model.base import StrictModel
from ..model.comparison import Comparison, FindingKind


class PlanError(StrictModel):
    """Why a plan gave no comparison: the error class (`UnreadableDocument`, …) and its message."""

    error_class: str
    message: str


class Timings(StrictModel):
    """Seconds spent on the plan, where it was processed (0 for a cached result)."""

    parse_s: float = 0.0
    compare_s: float = 0.0


class PlanResult(StrictModel):
    """One plan's outcome; exactly one of `comparison` and `error` is set."""

    path: str
    sha256: str | None = None
    comparison: Comparison | None = None
    error: PlanError | None = None
    cached: bool = False
    timings: Timings = Timings()

    @property
    def ok(self) -> bool:
        return self.comparison is not None


class PlanRow(StrictModel):
    """What the batch outputs keep of a plan: its summary line and its row of the matrix. Small,
    so thousands fit in memory while each comparison is written out and dropped."""

    path: str
    sha256: str | None = None
    report: str | None = None  # file name of the plan's own HTML report, relative to the output folder
    number: str | None = None
    issuer: str | None = None
    date: str | None = None
    reference_items: int | None = None
    coverage: float | None = None
    counts: dict[FindingKind, int] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    cells: dict[str, FindingKind] = Field(default_factory=dict)  # reference item id -> kind of its finding
    error: PlanError | None = None


def plan_row(result: PlanResult, report: str | None = None) -> PlanRow:
    """The row of a result; counts every kind the model knows, so a new kind needs no change here."""
    c = result.comparison
    if c is None:
        return PlanRow(path=result.path, sha256=result.sha256, error=result.error)
    counts = dict.fromkeys(FindingKind, 0)
    for finding in c.findings:
        counts[finding.kind] += 1
    meta = c.plan.metadata
    return PlanRow(
        path=result.path,
        sha256=result.sha256,
        report=report,
        number=meta.number,
        issuer=meta.issuer,
        date=meta.date,
        reference_items=c.summary.reference_items,
        coverage=c.summary.coverage,
        counts=counts,
        warnings=sorted({w.code for w in c.warnings}),
        cells={f.reference_id: f.kind for f in c.findings if f.reference_id is not None},
    )
