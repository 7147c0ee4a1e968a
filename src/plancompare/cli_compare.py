"""Comparison commands (diff, check, batch), registered on the main CLI app."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from .model.comparison import Comparison
    from .model.reference import Reference


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"
    csv = "csv"


class BatchFormat(StrEnum):
    csv = "csv"
    json = "json"
    md = "md"


FormatOption = Annotated[
    DiffFormat, typer.Option("--format", "-f", help="text, json (CONTRACT.md), md, html or csv")
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
FailUnderOption = Annotated[
    float | None, typer.Option("--fail-under", help="Exit 1 when coverage (0..1) is below this.")
]


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _render(comparison: Comparison, fmt: DiffFormat, output: Path | None) -> None:
    if fmt is DiffFormat.json:
        from .serialize import to_json

        _write(to_json(comparison), output)
    elif fmt is DiffFormat.md:
        from .report.compare_md import render_comparison_md

        _write(render_comparison_md(comparison), output)
    elif fmt is DiffFormat.csv:
        from .report.compare_csv import render_comparison_csv

        _write(render_comparison_csv(comparison), output)
    elif fmt is DiffFormat.html:
        from .report.compare_html import render_comparison_html

        _write(render_comparison_html(comparison), output)
    else:
        from rich.console import Console

        from .report.compare_text import render_comparison

        if output is None:
            render_comparison(comparison, Console(soft_wrap=False))
        else:
            with output.open("w", encoding="utf-8") as fh:
                render_comparison(comparison, Console(file=fh, width=160, no_color=True))


def _check_threshold(comparison: Comparison, fail_under: float | None) -> None:
    if fail_under is not None and comparison.summary.coverage < fail_under:
        print(
            f"plancompare: coverage {comparison.summary.coverage:.2f} is below --fail-under {fail_under}",
            file=sys.stderr,
        )
        raise typer.Exit(code=1)


def _reference(path: Path | None) -> Reference:
    from .reference.load import load_reference

    return load_reference(path)


def diff(
    reference: Annotated[Path, typer.Argument(help="Reference: outline YAML, plan JSON or any document.")],
    plan: Annotated[Path, typer.Argument(help="The plan to check.")],
    fmt: FormatOption = DiffFormat.text,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
) -> None:
    """Compare PLAN with REFERENCE: covered, partial, missing, divergent and added items."""
    from .diff import compare

    comparison = compare(_reference(reference), plan)
    _render(comparison, fmt, output)
    _check_threshold(comparison, fail_under)


def check(
    plan: Annotated[Path, typer.Argument(help="The plan to check against the bundled QĐ 1560 outline.")],
    fmt: FormatOption = DiffFormat.text,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
) -> None:
    """Compare PLAN with the bundled QĐ 1560/QĐ-TTg outline (a reconstruction, not the official text)."""
    from .diff import compare

    comparison = compare(_reference(None), plan)
    _render(comparison, fmt, output)
    _check_threshold(comparison, fail_under)


def batch(
    plans: Annotated[list[Path], typer.Argument(help="Plans to compare.")],
    reference: Annotated[
        Path | None, typer.Option("--reference", "-r", help="Reference (default: the bundled outline).")
    ] = None,
    fmt: Annotated[BatchFormat, typer.Option("--format", "-f", help="csv, json or md")] = BatchFormat.csv,
    output: OutputOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 3 when any file failed.")] = False,
) -> None:
    """A coverage table over many plans: one row per plan; a file that fails is an error row."""
    from .batch.run import compare_many
    from .report.compare_batch import render_batch

    results = list(compare_many(_reference(reference), plans))
    failures = [(r.path, f"{r.error.error_class}: {r.error.message}") for r in results if r.error]
    _write(render_batch([r.comparison for r in results if r.comparison], fmt.value, failures), output)
    if strict and failures:
        raise typer.Exit(code=3)


def register(app: typer.Typer) -> None:
    """Add the comparison commands to `app`."""
    app.command()(diff)
    app.command()(check)
    app.command()(batch)
