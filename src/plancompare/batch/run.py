"""Compare many plans with one reference, on any `concurrent.futures.Executor`.

The reference is loaded once and sent with each plan. At most `window` plans are in flight, so
memory stays flat however many plans there are: each result is yielded as soon as it is done, and
the caller writes it out and drops it. A plan that fails gives a result with an error, never an
exception: one unreadable file must not stop a run over three thousand.
"""

from __future__ import annotations

import glob
import hashlib
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanCompareError
from ..options import ParseOptions
from .model import PlanError, PlanResult, Timings

if TYPE_CHECKING:
    from ..model.plan import Plan
    from ..model.reference import Reference
    from .cache import ResultCache

# extensions picked up inside folders (a file named on the command line is always taken)
PLAN_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".txt", ".md", ".markdown", ".json", ".html", ".htm"})
WINDOW_PER_WORKER = 4


def discover(items: Iterable[str | Path]) -> list[str]:
    """Files, folders (recursive) and glob patterns, as sorted unique paths. A name that matches
    nothing is kept, so it becomes an error row rather than silently vanishing."""
    found: set[str] = set()
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.update(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES and not p.name.startswith(".")
            )
        elif not path.exists() and glob.has_magic(str(item)):
            found.update(p for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
        else:
            found.add(str(path))
    return sorted(found)


def file_sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _error(exc: BaseException, path: str) -> PlanError:
    message = " ".join(str(exc).split()) or type(exc).__name__
    if not isinstance(exc, PlanCompareError):
        message = f"internal error: {message}"
    if path not in message:
        message = f"{path}: {message}"
    return PlanError(error_class=type(exc).__name__, message=message)


def compare_path(
    reference: Reference, path: str, options: ParseOptions | None = None, include_not_applicable: bool = False
) -> PlanResult:
    """Parse and compare one plan; any failure becomes the result's error. Runs in a worker."""
    from ..api import parse
    from ..diff import compare

    started = time.perf_counter()
    sha = file_sha256(path)
    try:
        plan: Plan = parse(path, options=options)
        parsed = time.perf_counter()
        comparison = compare(reference, plan, include_not_applicable=include_not_applicable)
    except Exception as exc:  # a batch reports every failure as a row, whatever raised it
        return PlanResult(path=path, sha256=sha, error=_error(exc, path))
    done = time.perf_counter()
    return PlanResult(
        path=path,
        sha256=sha,
        comparison=comparison,
        timings=Timings(parse_s=round(parsed - started, 6), compare_s=round(done - parsed, 6)),
    )


def _in_order(
    reference: Reference, paths: list[str], options: ParseOptions | None, include: bool
) -> Iterator[PlanResult]:
    for path in paths:
        yield compare_path(reference, path, options, include)


def _pooled(
    executor: Executor, reference: Reference, paths: list[str], options: ParseOptions | None, window: int,
    include: bool,
) -> Iterator[PlanResult]:  # fmt: skip
    pending: dict[Future[PlanResult], str] = {}
    queue = iter(paths)

    def submit(path: str) -> None:
        pending[executor.submit(compare_path, reference, path, options, include)] = path

    for path in queue:
        submit(path)
        if len(pending) >= window:
            break
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield _outcome(future, pending.pop(future))
            nxt = next(queue, None)
            if nxt is not None:
                submit(nxt)


def _outcome(future: Future[PlanResult], path: str) -> PlanResult:
    try:
        return future.result()
    except Exception as exc:  # the worker died (a crash, out of memory) or the result could not come back
        return PlanResult(path=path, error=_error(exc, path))


def compare_many(
    reference: Reference | Plan | str | Path | None,
    paths: Iterable[str | Path],
    *,
    executor: Executor | None = None,
    options: ParseOptions | None = None,
    cache: ResultCache | None = None,
    window: int | None = None,
    include_not_applicable: bool = False,
) -> Iterator[PlanResult]:
    """Compare each plan with `reference` (None: the bundled QĐ 1560 outline), yielding results as
    they finish: in input order without an executor, in completion order with one (sort by
    `result.path` for a stable order). `include_not_applicable` counts items addressed to another
    level (ministries, the central level) as the plan's, as `compare` does. `executor` is any `concurrent.futures.Executor`: a
    `ProcessPoolExecutor`, or a dask `Client(...).get_executor()` to run on a cluster (the paths
    must then be readable by the workers). With `cache`, plans already compared with the same
    reference, options and library version are not redone."""
    from ..reference.load import load_reference

    ref = load_reference(reference)
    todo = [str(p) for p in paths]
    if cache is not None:
        cache.bind(ref, options or ParseOptions(), include_not_applicable)
        todo, hits = cache.split(todo)
        yield from hits  # loaded one at a time
    if executor is None:
        results = _in_order(ref, todo, options, include_not_applicable)
    else:
        workers = getattr(executor, "_max_workers", None) or 2
        window = window or WINDOW_PER_WORKER * workers
        results = _pooled(executor, ref, todo, options, window, include_not_applicable)
    for result in results:
        if cache is not None:
            cache.put(result)
        yield result
