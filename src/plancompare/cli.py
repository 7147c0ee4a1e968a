"""The command line: a thin layer over the library. Errors print one line on stderr and exit 2."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read Vietnamese government plans and check them against the national plan they implement.",
    pretty_exceptions_enable=False,
)
_STATE = {"debug": False}


class PlanFormat(StrEnum):
    json = "json"
    text = "text"


class OcrChoice(StrEnum):
    auto = "auto"
    never = "never"
    always = "always"


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")] = False,
) -> None:
    _STATE["debug"] = debug


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="PDF, DOCX, text or markdown file.")],
    fmt: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="json (per CONTRACT.md) or text")
    ] = PlanFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    max_pages: Annotated[
        int, typer.Option(min=1, help="Most pages to read; the rest is skipped with a warning.")
    ] = 500,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest input file, in bytes.")] = 200 * 1024 * 1024,
    timeout: Annotated[
        float, typer.Option(min=0.001, help="Time budget of the parse, in seconds; over it the parse fails.")
    ] = 300.0,
    max_docx_uncompressed: Annotated[
        int, typer.Option(min=1, help="Largest unpacked size of a .docx, in bytes (zip-bomb guard).")
    ] = 100 * 1024 * 1024,
    max_nesting: Annotated[int, typer.Option(min=1, help="Deepest section nesting kept.")] = 12,
    ocr: Annotated[
        OcrChoice, typer.Option(help="OCR pages without a text layer: auto | never | always")
    ] = OcrChoice.auto,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="Parallel OCR workers.")] = 1,
) -> None:
    """Parse a plan into metadata, sections, tasks, units, deadlines and targets."""
    from .api import parse as parse_plan
    from .guards import hard_timeout
    from .options import OcrMode, ParseOptions

    options = ParseOptions(
        max_pages=max_pages,
        max_bytes=max_bytes,
        time_budget_s=timeout,
        max_docx_uncompressed=max_docx_uncompressed,
        max_nesting=max_nesting,
        ocr=OcrMode(ocr.value),
        jobs=jobs,
    )
    # Backstop for a stage that never reaches a cooperative check: a little after the budget.
    with hard_timeout(timeout * 1.1 + 1.0, str(file)):
        plan = parse_plan(file, options=options)
    if fmt is PlanFormat.json:
        from .serialize import to_json

        _write(to_json(plan), output)
        return
    from rich.console import Console

    from .report.plan_text import render_plan

    if output is None:
        render_plan(plan, Console(soft_wrap=False))
    else:
        with output.open("w", encoding="utf-8") as fh:
            render_plan(plan, Console(file=fh, width=160))


def main(argv: list[str] | None = None) -> None:
    import click

    from .errors import PlanCompareError

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="plancompare", standalone_mode=False)
    except PlanCompareError as exc:
        if debug:
            raise
        print(f"plancompare: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.ClickException, typer.TyperException) as exc:
        # Usage errors (bad flag value, unknown command): typer >= 0.20 vendors its own click, whose
        # exceptions are not click's, so both are caught here.
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"plancompare: {exc}", file=sys.stderr)
        sys.exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):
        print("plancompare: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug or a library failure on odd input: still one line, no traceback
        if debug:
            raise
        print(
            f"plancompare: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)",
            file=sys.stderr,
        )
        sys.exit(2)
    sys.exit(result if isinstance(result, int) else 0)


def _register_commands() -> None:
    from . import cli_compare, cli_coverage

    cli_compare.register(app)
    cli_coverage.register(app)


_register_commands()
