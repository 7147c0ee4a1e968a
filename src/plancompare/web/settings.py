"""Settings of the web page and the typed shapes its API returns. Plain pydantic, no web framework,
so the job runner and its tests do not load FastAPI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field

from ..batch.model import PlanRow
from ..model.base import StrictModel
from ..options import ParseOptions

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# the suffixes a plan or a reference may have; a zip of plans is opened, nothing else is accepted
PLAN_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown", ".json"})
REFERENCE_SUFFIXES = PLAN_SUFFIXES | {".yaml", ".yml"}
ZIP_SUFFIX = ".zip"


class ZipLimits(StrictModel):
    """A zip of plans is opened only within these bounds (a zip bomb stops at the first one crossed)."""

    max_members: int = Field(default=200, gt=0, description="most plan files in one zip")
    max_total_bytes: int = Field(default=200 * 1024 * 1024, gt=0, description="largest total unpacked size")


class WebSettings(StrictModel):
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=0, le=65535)
    token: str | None = None
    workers: int = Field(default=2, ge=1, le=16, description="jobs run at once; the rest wait")
    max_files: int = Field(default=200, gt=0, description="most plans in one upload")
    max_request_bytes: int = Field(
        default=1024 * 1024 * 1024, gt=0, description="largest upload request, refused before it is read"
    )
    kept_jobs: int = Field(default=200, gt=0, description="finished jobs kept in memory; older are dropped")
    parse: ParseOptions = ParseOptions()
    zip: ZipLimits = ZipLimits()
    temp_root: Path | None = Field(default=None, description="where upload folders go (default: system temp)")

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK_HOSTS


class ReferenceChoice(StrEnum):
    OUTLINE = "outline"  # the bundled QĐ 1560 outline
    DOCUMENT = "document"  # an uploaded national document (or outline YAML)
    PLAN = "plan"  # another plan, uploaded


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class PlanOutcome(StrictModel):
    """One plan of a job as the page shows it: its row of the coverage table, and where its report is."""

    index: int
    name: str
    row: PlanRow
    error: str | None = None  # the one-line sentence shown on the page


class JobView(StrictModel):
    """What `GET /api/jobs/{id}` returns; the page polls it."""

    id: str
    status: JobStatus
    reference: str
    total: int
    done: int
    current: str | None = None
    elapsed_s: float = 0.0
    error: str | None = None
    plans: list[PlanOutcome] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)  # job-wide downloads: matrix, summary, workbook, heatmap
    item_ids: list[str] = Field(default_factory=list)  # reference items, in matrix order
