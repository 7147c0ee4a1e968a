"""Comparison commands (diff, check, batch), registered on the main CLI app.

Each takes the parse options of `plancompare parse`, infers its format from `-o`, checks the
output file and `--fail-under` before doing any work, and writes reports in the chosen language."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_options import (
    LangChoice,
    LangOption,
    OutputOption,
    check_output,
    current_lang,
    fail_under_value,
    format_from_output,
    open_output,
    require_file,
    text_terminal,
    with_parse_options,
    write_output,
)
from .i18n import Lang, number, t

if TYPE_CHECKING:
    from .model.comparison import Comparison
    from .model.reference import Reference
    from .options import ParseOptions


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


FormatOption = Annotated[DiffFormat | None, typer.Option("--format", "-f", help="format", show_default=False)]
FailUnderOption = Annotated[str | None, typer.Option("--fail-under", help="fail under", show_default=False)]
NoLinksOption = Annotated[bool, typer.Option("--no-links", help="no links")]
NoBomOption = Annotated[bool, typer.Option("--no-bom", help="no bom")]
IncludeOption = Annotated[bool, typer.Option("--include-not-applicable", help="include not applicable")]
StrictOption = Annotated[bool, typer.Option("--strict", help="strict")]


def _render(
    comparison: Comparison, fmt: DiffFormat, output: Path | None, lang: Lang, links: bool, bom: bool
) -> None:
    if fmt is DiffFormat.json:
        from .serialize import to_json

        write_output(to_json(comparison), output, lang)
    elif fmt is DiffFormat.md:
        from .report.compare_md import render_comparison_md

        write_output(render_comparison_md(comparison, lang), output, lang)
    elif fmt is DiffFormat.csv:
        from .report.compare_csv import render_comparison_csv

        write_output(render_comparison_csv(comparison, lang, bom), output, lang)
    elif fmt is DiffFormat.html:
        from .report.compare_html import render_comparison_html

        base = None if not links else (output.parent if output is not None else Path())
        write_output(render_comparison_html(comparison, lang, base), output, lang)
    else:
        from .report.compare_text import render_comparison

        if output is None:
            render_comparison(comparison, text_terminal(), lang)
        else:
            with open_output(output, lang) as fh:
                render_comparison(comparison, text_terminal(fh), lang)


def _check_threshold(comparison: Comparison, threshold: float | None, lang: Lang) -> None:
    if threshold is not None and comparison.summary.coverage < threshold:
        coverage, limit = number(comparison.summary.coverage, lang, 2), number(threshold, lang, 2)
        print(
            f"plancompare: {t('error.below_threshold', lang, coverage=coverage, threshold=limit)}",
            file=sys.stderr,
        )
        raise typer.Exit(code=1)


def _reference(path: Path | None, options: ParseOptions, lang: Lang) -> Reference:
    """The bundled outline (None), an outline YAML, or any document parsed with the run's options."""
    from .reference.load import load_reference

    if path is None or not path.is_file():
        if path is not None:
            require_file(path, lang)
        return load_reference(path)
    from .model.source import SourceFormat
    from .readers.sniff import sniff
    from .reference.load import OUTLINE_SUFFIXES

    with path.open("rb") as fh:
        head = fh.read(65536)
    if sniff(head, str(path)) is SourceFormat.OUTLINE or path.suffix.lower() in OUTLINE_SUFFIXES:
        return load_reference(path)
    from .cli import parse_timed

    return load_reference(parse_timed(path, options, lang))


def _compare(
    reference: Reference, plan: Path, options: ParseOptions, lang: Lang, include_not_applicable: bool = False
) -> Comparison:
    from .cli import parse_timed
    from .diff import compare

    return compare(reference, parse_timed(plan, options, lang), include_not_applicable=include_not_applicable)


def _run(
    reference: Path | None, plan: Path, fmt: DiffFormat | None, output: Path | None,
    fail_under: str | None, lang: LangChoice | None, links: bool, bom: bool, options: ParseOptions,
    include_not_applicable: bool = False,
) -> None:  # fmt: skip
    """diff and check: arguments checked before any work, then compare, render, threshold."""
    language = current_lang(lang)
    threshold = fail_under_value(fail_under, language)
    check_output(output, language)
    chosen = fmt or format_from_output(output, DiffFormat, DiffFormat.text)
    ref = _reference(reference, options, language)
    comparison = _compare(ref, plan, options, language, include_not_applicable)
    _render(comparison, chosen, output, language, links, bom)
    _check_threshold(comparison, threshold, language)


@with_parse_options
def diff(
    reference: Annotated[Path, typer.Argument(help="reference")],
    plan: Annotated[Path, typer.Argument(help="plan")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
    lang: LangOption = None,
    no_links: NoLinksOption = False,
    no_bom: NoBomOption = False,
    include_not_applicable: IncludeOption = False,
    *,
    options: ParseOptions,
) -> None:
    _run(
        reference,
        plan,
        fmt,
        output,
        fail_under,
        lang,
        not no_links,
        not no_bom,
        options,
        include_not_applicable,
    )


@with_parse_options
def check(
    plan: Annotated[Path, typer.Argument(help="plan")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
    lang: LangOption = None,
    no_links: NoLinksOption = False,
    no_bom: NoBomOption = False,
    include_not_applicable: IncludeOption = False,
    *,
    options: ParseOptions,
) -> None:
    _run(None, plan, fmt, output, fail_under, lang, not no_links, not no_bom, options, include_not_applicable)


@with_parse_options
def batch(
    plans: Annotated[list[Path], typer.Argument(help="plans")],
    reference: Annotated[Path | None, typer.Option("--reference", "-r", help="reference")] = None,
    fmt: Annotated[
        BatchFormat | None, typer.Option("--format", "-f", help="format", show_default=False)
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
    no_bom: NoBomOption = False,
    include_not_applicable: IncludeOption = False,
    strict: StrictOption = False,
    *,
    options: ParseOptions,
) -> None:
    from .errors import PlanCompareError
    from .report.compare_batch import render_batch

    language = current_lang(lang)
    check_output(output, language)
    chosen = fmt or format_from_output(output, BatchFormat, BatchFormat.csv)
    ref = _reference(reference, options, language)
    comparisons: list[Comparison] = []
    failures: list[tuple[str, str]] = []
    for p in plans:  # a file that fails is a row, never the end of the run
        try:
            comparisons.append(_compare(ref, p, options, language, include_not_applicable))
        except PlanCompareError as exc:
            failures.append((str(p), f"{type(exc).__name__}: {exc}"))
    write_output(render_batch(comparisons, chosen.value, language, not no_bom, failures), output, language)
    if strict and failures:
        raise typer.Exit(code=3)


def register(app: typer.Typer) -> None:
    """Add the comparison commands to `app`."""
    app.command()(diff)
    app.command()(check)
    app.command()(batch)
