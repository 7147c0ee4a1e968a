"""Options and habits shared by every command: the parse limits, the language, the output file
(format from its name, checked before any work, written or one-line error), `--fail-under`.

Help texts here are English placeholders: `cli_help.localize` replaces each one with the message
catalogue's text for the chosen language, keyed by the parameter's name.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from . import limits
from .errors import InputNotFound, InvalidArgument
from .i18n import Lang, lang_from_args, t

if TYPE_CHECKING:
    from .options import ParseOptions
    from .report.terminal import Terminal

F = TypeVar("F", bound=StrEnum)
PIPED_WIDTH = 120  # columns of text output when stdout is not a terminal
_STATE: dict[str, Lang | None] = {"lang": None}


class OcrChoice(StrEnum):
    auto = "auto"
    never = "never"
    always = "always"


class LangChoice(StrEnum):
    vi = "vi"
    en = "en"


LangOption = Annotated[LangChoice | None, typer.Option("--lang", help="vi | en", show_default=False)]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="output file")]
MaxPages = Annotated[int, typer.Option(min=1, help="max pages")]
MaxBytes = Annotated[int, typer.Option(min=1, help="max bytes")]
Timeout = Annotated[float, typer.Option(min=0.001, help="timeout")]
MaxDocx = Annotated[int, typer.Option(min=1, help="max docx")]
MaxNesting = Annotated[int, typer.Option(min=1, help="max nesting")]
Ocr = Annotated[OcrChoice, typer.Option(help="ocr")]
Jobs = Annotated[int, typer.Option(min=1, max=64, help="jobs")]
DEFAULT_MAX_BYTES = limits.MAX_BYTES  # the same defaults as ParseOptions (limits.py), without pydantic
DEFAULT_MAX_DOCX = limits.MAX_DOCX_UNCOMPRESSED


def set_lang(lang: Lang | None) -> None:
    _STATE["lang"] = lang


def current_lang(option: LangChoice | None = None) -> Lang:
    """A command's --lang, else the one given before the command, else PLANCOMPARE_LANG, else vi."""
    if option is not None:
        return Lang(option.value)
    return _STATE["lang"] or lang_from_args([])


def parse_options(
    max_pages: int, max_bytes: int, timeout: float, max_docx_uncompressed: int, max_nesting: int,
    ocr: OcrChoice, jobs: int,
) -> ParseOptions:  # fmt: skip
    from .options import OcrMode, ParseOptions

    return ParseOptions(
        max_pages=max_pages,
        max_bytes=max_bytes,
        time_budget_s=timeout,
        max_docx_uncompressed=max_docx_uncompressed,
        max_nesting=max_nesting,
        ocr=OcrMode(ocr.value),
        jobs=jobs,
    )


def require_file(path: Path, lang: Lang) -> None:
    """A directory is named as such (the parser would only say "no such file")."""
    if path.is_dir():
        raise InputNotFound(t("error.is_directory", lang, path=path))


def format_from_output(output: Path | None, choices: type[F], default: F) -> F:
    """The format named by the output file's extension (report.html -> html), else `default`."""
    if output is None:
        return default
    suffix = output.suffix.lower().lstrip(".")
    aliases = {"htm": "html", "markdown": "md", "txt": "text"}
    name = aliases.get(suffix, suffix)
    return next((c for c in choices if c.value == name), default)


def check_output(output: Path | None, lang: Lang) -> None:
    """Fail before any work when the output cannot be written: a folder, a missing folder, no rights."""
    if output is None:
        return
    parent = output.parent if str(output.parent) else Path()
    if output.is_dir():
        raise InvalidArgument(
            t("error.cannot_write", lang, path=output, reason=t("error.output_is_folder", lang))
        )
    if not parent.is_dir():
        reason = t("error.no_folder", lang)
        raise InvalidArgument(t("error.cannot_write", lang, path=output, reason=reason))
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        reason = t("error.no_permission", lang)
        raise InvalidArgument(t("error.cannot_write", lang, path=output, reason=reason))


def write_output(text: str, output: Path | None, lang: Lang) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with open_output(output, lang) as handle:
        handle.write(text)


@contextlib.contextmanager
def open_output(output: Path, lang: Lang) -> Iterator[TextIO]:
    """The output file for writing; failing to open, write or close it is a one-line InvalidArgument."""
    try:
        with output.open("w", encoding="utf-8") as handle:
            yield handle
    except OSError as exc:
        raise InvalidArgument(t("error.cannot_write", lang, path=output, reason=exc.strerror or exc)) from exc


def text_terminal(output_file: TextIO | None = None) -> Terminal:
    """The terminal's width (and colour) on a terminal; PIPED_WIDTH columns when piped or written
    to a file (COLUMNS, when set, wins for a pipe)."""
    from .report.terminal import Terminal, wants_colour

    if output_file is not None:
        return Terminal(output_file, PIPED_WIDTH)
    if sys.stdout.isatty():
        import shutil

        return Terminal(
            sys.stdout, shutil.get_terminal_size((PIPED_WIDTH, 24)).columns, wants_colour(sys.stdout)
        )
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else PIPED_WIDTH
    return Terminal(sys.stdout, width)


def fail_under_value(raw: str | None, lang: Lang) -> float | None:
    """ "0.8", "80", "80%" -> 0.8. Values above 1 are percentages; outside 0..100 is an error."""
    if raw is None:
        return None
    text = raw.strip().replace(",", ".")
    percent = text.endswith("%")
    try:
        value = float(text.rstrip("%").strip())
    except ValueError:
        raise InvalidArgument(t("error.fail_under_range", lang, value=raw)) from None
    if percent or value > 1:
        value /= 100
    if not 0 <= value <= 1 or value != value:
        raise InvalidArgument(t("error.fail_under_range", lang, value=raw))
    return value


def _parse_parameters() -> list[inspect.Parameter]:
    keyword = inspect.Parameter.KEYWORD_ONLY
    return [
        inspect.Parameter("max_pages", keyword, default=limits.MAX_PAGES, annotation=MaxPages),
        inspect.Parameter("max_bytes", keyword, default=DEFAULT_MAX_BYTES, annotation=MaxBytes),
        inspect.Parameter("timeout", keyword, default=limits.TIME_BUDGET_S, annotation=Timeout),
        inspect.Parameter("max_docx_uncompressed", keyword, default=DEFAULT_MAX_DOCX, annotation=MaxDocx),
        inspect.Parameter("max_nesting", keyword, default=limits.MAX_NESTING, annotation=MaxNesting),
        inspect.Parameter("ocr", keyword, default=OcrChoice.auto, annotation=Ocr),
        inspect.Parameter("jobs", keyword, default=limits.JOBS, annotation=Jobs),
    ]


def with_parse_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the parse options (limits, OCR, jobs) of `plancompare parse`, declared once:
    the command receives them as one `options: ParseOptions` argument."""
    extra = _parse_parameters()
    signature = inspect.signature(command)
    # evaluated here, without `options` (its type is imported only when a command runs)
    own = [
        p.replace(
            annotation=eval(p.annotation, command.__globals__)
            if isinstance(p.annotation, str)
            else p.annotation
        )
        for p in signature.parameters.values()
        if p.name != "options"
    ]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        values = {p.name: kwargs.pop(p.name) for p in extra}
        command(**kwargs, options=parse_options(**values))

    parameters = [*own, *extra]
    wrapper.__signature__ = signature.replace(parameters=parameters, return_annotation=None)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper
