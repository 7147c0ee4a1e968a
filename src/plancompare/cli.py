"""The command line: a thin layer over the library. Errors print one line on stderr and exit 2.

Everything a person reads is Vietnamese unless `--lang en` or PLANCOMPARE_LANG=en; the language is
read from the raw command line first, because `--help` is already in it.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_options import (
    LangOption,
    OutputOption,
    check_output,
    current_lang,
    format_from_output,
    open_output,
    require_file,
    set_lang,
    text_terminal,
    with_parse_options,
    write_output,
)
from .i18n import Lang, lang_from_args, t, t_or

if TYPE_CHECKING:
    from .options import ParseOptions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="plancompare",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_STATE = {"debug": False}


class PlanFormat(StrEnum):
    json = "json"
    text = "text"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"plancompare {version('plancompare')}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="debug")] = False,
    lang: LangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="version")
    ] = False,
) -> None:
    _STATE["debug"] = debug
    if lang is not None:
        set_lang(Lang(lang.value))


def parse_timed(file: Path, options: ParseOptions, lang: Lang):  # type: ignore[no-untyped-def]
    """Parse with the cooperative time budget and a hard backstop a little after it."""
    from .api import parse as parse_plan
    from .guards import hard_timeout

    require_file(file, lang)
    with hard_timeout(options.time_budget_s * 1.1 + 1.0, str(file)):
        return parse_plan(file, options=options)


@with_parse_options
def parse(
    file: Annotated[Path, typer.Argument(help="file")],
    fmt: Annotated[
        PlanFormat | None, typer.Option("--format", "-f", help="format", show_default=False)
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
    *,
    options: ParseOptions,
) -> None:
    language = current_lang(lang)
    check_output(output, language)
    chosen = fmt or format_from_output(output, PlanFormat, PlanFormat.json)
    plan = parse_timed(file, options, language)
    if chosen is PlanFormat.json:
        from .serialize import to_json

        write_output(to_json(plan), output, language)
        return
    from .report.plan_text import render_plan

    if output is None:
        render_plan(plan, text_terminal(), language)
    else:
        with open_output(output, language) as fh:
            render_plan(plan, text_terminal(fh), language)


def _main_command(lang: Lang, args: list[str]):  # type: ignore[no-untyped-def]
    import typer.main

    from .cli_help import localize, wants_help

    command = typer.main.get_command(app)
    return localize(command, lang) if wants_help(args) else command


def _fail(message: str, code: int) -> None:
    print(f"plancompare: {message}", file=sys.stderr)
    sys.exit(code)


def _usage_error(exc: Exception) -> bool:
    """Usage errors (bad flag value, unknown command): typer >= 0.20 vendors its own click, whose
    exceptions are not click's, so both are recognised. click is imported only on this path."""
    import click

    return isinstance(exc, click.ClickException | typer.TyperException) or type(exc).__name__ in {
        "UsageError",
        "BadParameter",
        "NoSuchOption",
        "MissingParameter",
        "BadOptionUsage",
        "BadArgumentUsage",
        "ClickException",
    }


def error_line(exc: BaseException, lang: Lang) -> str:
    """The one line a person reads: a sentence in their language naming what went wrong, then the
    reader's detail (file and reason, as the reader wrote it)."""
    lead = t_or(f"error.class.{type(exc).__name__}", "", lang)
    return f"{lead}: {exc}" if lead else str(exc)


def _handle(exc: BaseException, lang: Lang, debug: bool, args: list[str]) -> None:
    """Every failure ends in one line on stderr and an exit status, never a traceback."""
    from .errors import PlanCompareError

    if isinstance(exc, PlanCompareError) and not debug:
        _fail(error_line(exc, lang), exc.exit_code)
    if type(exc).__name__ == "Exit":
        sys.exit(getattr(exc, "exit_code", 0))
    if isinstance(exc, Exception) and _usage_error(exc):
        from .cli_usage import usage_line

        print(usage_line(exc, lang, args), file=sys.stderr)
        sys.exit(2)
    if isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "Abort":
        _fail(t("error.interrupted", lang), 130)
    if isinstance(exc, BrokenPipeError):
        sys.exit(0)
    if debug:
        raise exc
    # a bug or a library failure on odd input: still one line, no traceback
    _fail(t("error.internal", lang, error=f"{type(exc).__name__}: {exc}"), 2)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    lang = lang_from_args(args)
    set_lang(lang)
    try:
        result = _main_command(lang, args).main(args=args, prog_name="plancompare", standalone_mode=False)
    except (Exception, KeyboardInterrupt) as exc:
        _handle(exc, lang, debug, args)
        raise
    sys.exit(result if isinstance(result, int) else 0)


def _register_commands() -> None:
    from . import cli_compare, cli_coverage, cli_serve

    app.command()(parse)
    cli_compare.register(app)
    cli_coverage.register(app)
    cli_serve.register(app)


_register_commands()
__all__ = ["app", "main"]
