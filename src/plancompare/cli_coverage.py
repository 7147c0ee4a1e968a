"""`plancompare coverage REFERENCE PATH...`: many plans against one reference, with progress, a
cache, and a folder of outputs (matrix, summary, workbook, heatmap, HTML index)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .batch.formats import DEFAULT_FORMATS, OutputFormat
from .cli_options import current_lang, fail_under_value
from .i18n import Lang, number, t

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .batch.model import PlanResult, PlanRow

EXIT_FAILED_FILES = 3


def _executor(jobs: int) -> Executor | None:
    if jobs <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: the parent runs a progress thread, and forking a threaded process can deadlock
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))


def _split_arguments(arguments: list[str], outline: bool) -> tuple[Path | None, list[str]]:
    if outline:
        return None, arguments
    if len(arguments) < 2:
        raise typer.BadParameter("give REFERENCE ('-' for the bundled outline) and at least one PATH")
    return (None if arguments[0] == "-" else Path(arguments[0])), arguments[1:]


def _check_formats(formats: set[OutputFormat]) -> None:
    """Fail before the run, not after it, when an asked-for format lacks its package."""
    from importlib.util import find_spec

    from .errors import MissingDependency

    needs = {
        OutputFormat.xlsx: ("an .xlsx workbook", "coverage", "openpyxl"),
        OutputFormat.png: ("the heatmap", "coverage", "matplotlib"),
        OutputFormat.parquet: ("Parquet output", "parquet", "pyarrow"),
    }
    for fmt in sorted(formats & needs.keys()):
        what, extra, package = needs[fmt]
        if find_spec(package) is None:
            raise MissingDependency.extra(what, extra, package)


def _default_formats() -> set[OutputFormat]:
    from importlib.util import find_spec

    optional = {OutputFormat.xlsx: "openpyxl", OutputFormat.png: "matplotlib"}
    return {f for f in DEFAULT_FORMATS if f not in optional or find_spec(optional[f]) is not None}


def coverage(
    arguments: Annotated[
        list[str],
        typer.Argument(
            metavar="REFERENCE PATH...",
            help="REFERENCE ('-': the bundled QĐ 1560 outline), then plans: files, folders, globs.",
        ),
    ],
    outline: Annotated[
        bool, typer.Option("--outline", help="Reference is the bundled outline; all arguments are plans.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes.")] = 1,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (without it: summary CSV on stdout).")
    ] = None,
    formats: Annotated[
        list[OutputFormat] | None,
        typer.Option(
            "--format",
            "-f",
            help="csv, xlsx, parquet, json, html, png; repeatable (default: csv xlsx html png).",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Compare every plan again; do not read or write the cache.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 3 when any file failed.")] = False,
    include_not_applicable: Annotated[
        bool, typer.Option("--include-not-applicable", help="Count items addressed to other levels too.")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(min=0.001, help="Time budget of each plan's parse, in seconds; over it, an error row."),
    ] = 300.0,
    fail_under: Annotated[
        str | None,
        typer.Option("--fail-under", help="Exit 1 when any plan's coverage is below this (0..1, or 80%)."),
    ] = None,
) -> None:
    """Coverage of many plans against one reference: one row per plan, a bad file is one error row."""
    from .batch.cache import CACHE_FILE, ResultCache, default_cache_dir
    from .batch.outputs import CoverageWriter
    from .batch.progress import make_progress
    from .batch.run import compare_many, discover
    from .options import ParseOptions
    from .reference.load import load_reference

    lang = current_lang(None)
    threshold = fail_under_value(fail_under, lang)  # checked before any work, as `check` does
    reference_path, items = _split_arguments(arguments, outline)
    chosen = set(formats) if formats else _default_formats()
    _check_formats(chosen)
    reference = load_reference(reference_path)
    paths = discover(items)
    if not paths:
        print(f"plancompare: {t('coverage.no_plans', lang)}", file=sys.stderr)
    cache = None if no_cache else ResultCache((out or default_cache_dir()) / CACHE_FILE)
    writer = CoverageWriter(out, reference, chosen) if out is not None else None
    rows: list[PlanRow] = []
    progress = make_progress(len(paths), lang=lang)
    executor = _executor(jobs)
    try:
        options = ParseOptions(time_budget_s=timeout)
        results = compare_many(
            reference, paths, executor=executor, options=options, cache=cache,
            include_not_applicable=include_not_applicable,
        )  # fmt: skip
        for result in results:
            rows.append(writer.add(result) if writer else _row(result))
            progress.advance(result.ok)
    finally:
        progress.close()
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if cache is not None:
            cache.close()
    if writer is not None:
        files = writer.finish()
        print(
            f"plancompare: {t('coverage.wrote', lang, files=', '.join(files), folder=out)}", file=sys.stderr
        )
    else:
        from .batch import tables

        rows.sort(key=lambda r: r.path)
        sys.stdout.write(tables.to_csv(tables.summary_columns(), [tables.summary_row(r) for r in rows]))
    _exit_status(rows, strict, threshold, lang)


def _row(result: PlanResult) -> PlanRow:
    from .batch.model import plan_row

    return plan_row(result)


def _exit_status(rows: list[PlanRow], strict: bool, fail_under: float | None, lang: Lang) -> None:
    failed = [r for r in rows if r.error is not None]
    for r in failed:
        print(f"plancompare: {r.error.message if r.error else r.path}", file=sys.stderr)
    if strict and failed:
        raise typer.Exit(code=EXIT_FAILED_FILES)
    if fail_under is not None:
        below = [r for r in rows if r.error is None and (r.coverage or 0.0) < fail_under]
        if below:
            message = t("coverage.below", lang, count=len(below), threshold=number(fail_under, lang, 2))
            print(f"plancompare: {message}", file=sys.stderr)
            raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command()(coverage)
