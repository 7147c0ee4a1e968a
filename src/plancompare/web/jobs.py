"""Jobs: one per upload, run by a bounded thread pool (parsing releases no state between plans; each
parse has its own time budget in a context variable). The page polls `view(job_id)` for progress.

A job's upload folder is removed when the job ends, whatever happened; what the page still needs
(comparisons for the reports, the rows of the coverage table) stays in memory, and only the last
`kept_jobs` jobs are kept. The coverage files (workbook, heatmap…) are written on their first
download, not by every job: they cost three times a plan's parse and compare. `close()` removes
the whole temporary root, for the server's exit."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..batch.model import PlanResult, PlanRow, plan_row
from ..batch.tables import item_ids
from ..errors import InputNotFound
from ..i18n import Lang, t
from ..model.comparison import Comparison
from ..model.reference import Reference
from .results import cli_message, coverage_file_names, coverage_files, page_error, run_plan
from .settings import JobStatus, JobView, PlanOutcome, ReferenceChoice, WebSettings
from .uploads import StoredFile, UploadFolder


class Job:
    """The mutable state of one job; read and written under the store's lock."""

    def __init__(self, job_id: str, folder: UploadFolder, reference: ReferenceChoice) -> None:
        self.id = job_id
        self.folder = folder
        self.reference_choice = reference
        self.reference_file: StoredFile | None = None
        self.reference_label = ""
        self.status = JobStatus.QUEUED
        self.started = time.monotonic()
        self.finished: float | None = None
        self.current: str | None = None
        self.error: str | None = None
        self.outcomes: list[PlanOutcome] = []
        self.comparisons: dict[int, Comparison] = {}
        self.reference: Reference | None = None
        self.file_names: list[str] = []
        self.files: dict[str, bytes] | None = None  # written on the first download
        self.files_lock = threading.Lock()
        self.item_ids: list[str] = []
        self.total = 0

    def view(self) -> JobView:
        end = self.finished if self.finished is not None else time.monotonic()
        return JobView(
            id=self.id,
            status=self.status,
            reference=self.reference_label,
            total=self.total,
            done=len(self.outcomes),
            current=self.current,
            elapsed_s=round(end - self.started, 1),
            error=self.error,
            plans=list(self.outcomes),
            files=list(self.file_names),
            item_ids=list(self.item_ids),
        )


class JobStore:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        if settings.temp_root is not None:
            settings.temp_root.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix="plancompare-web-", dir=settings.temp_root))
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="plancompare-job")

    def new_folder(self) -> UploadFolder:
        return UploadFolder(Path(tempfile.mkdtemp(dir=self.root)), self.settings)

    @staticmethod
    def discard(folder: UploadFolder) -> None:
        """An upload refused before it became a job: its files go at once."""
        shutil.rmtree(folder.folder, ignore_errors=True)

    def submit(
        self, folder: UploadFolder, reference: ReferenceChoice, reference_file: StoredFile | None
    ) -> str:
        job = Job(secrets.token_hex(8), folder, reference)
        job.reference_file = reference_file
        job.total = len(folder.files)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        self._pool.submit(self._run, job)
        return job.id

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise InputNotFound(t("web.no_job", Lang.VI, job=job_id))
        return job

    def view(self, job_id: str) -> JobView:
        job = self.get(job_id)
        with self._lock:
            return job.view()

    def coverage_file(self, job_id: str, name: str) -> bytes | None:
        """One of the job's coverage files, all written (in a scratch folder, removed at once) on
        the first request; None when the job has no such file."""
        job = self.get(job_id)
        if job.reference is None or name not in job.file_names:
            return None
        with job.files_lock:
            if job.files is None:
                rows = [o.row for o in sorted(job.outcomes, key=lambda o: o.index)]
                with tempfile.TemporaryDirectory(dir=self.root) as scratch:
                    job.files = coverage_files(Path(scratch), job.reference, rows)
            return job.files.get(name)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.finished is not None]
        for job in finished[: max(0, len(finished) - self.settings.kept_jobs)]:
            del self._jobs[job.id]

    def _update(self, job: Job, **changes: object) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)

    def _run(self, job: Job) -> None:
        self._update(job, status=JobStatus.RUNNING, started=time.monotonic())
        try:
            ending = self._work(job)
        except Exception as exc:  # a bad reference, or a bug: one line on the page, never a traceback
            ending = {"status": JobStatus.FAILED, "error": page_error(cli_message(exc, job.reference_file))}
        finally:
            shutil.rmtree(job.folder.folder, ignore_errors=True)
        # one update: a poll never sees "done" with the last stage still showing
        self._update(job, **ending, finished=time.monotonic(), current=None)

    def _work(self, job: Job) -> dict[str, object]:
        reference = self._reference(job)
        rows = [self._plan(job, reference, i, stored) for i, stored in enumerate(job.folder.files)]
        failed = job.total == 1 and rows[0].error is not None
        return {
            "reference": reference,
            "file_names": coverage_file_names(),
            "item_ids": item_ids(reference),
            "status": JobStatus.FAILED if failed else JobStatus.DONE,
            "error": job.outcomes[0].error if failed else None,
        }

    def _reference(self, job: Job) -> Reference:
        from ..reference.load import load_reference

        stored = job.reference_file
        label = stored.label if stored else t("web.outline", Lang.VI)
        self._update(job, reference_label=label, current=label)
        if stored is None:
            return load_reference(None)
        from .results import load_uploaded_reference

        return load_uploaded_reference(stored, self.settings.parse)

    def _plan(self, job: Job, reference: Reference, index: int, stored: StoredFile) -> PlanRow:
        self._update(job, current=stored.label)
        result: PlanResult = run_plan(reference, stored, self.settings.parse)
        row = plan_row(result)
        outcome = PlanOutcome(
            index=index,
            name=stored.label,
            row=row,
            error=page_error(result.error.message) if result.error else None,
        )
        with self._lock:
            if result.comparison is not None:
                job.comparisons[index] = result.comparison
            job.outcomes.append(outcome)
        return row
