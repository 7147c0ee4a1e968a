"""What a job computes, with the library's own functions: each plan parsed and compared (as
`plancompare diff`), the reference loaded (as `diff` does for a document or an outline YAML), and
the coverage files of `plancompare coverage` (matrix, summary, JSON, workbook, heatmap)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..batch.formats import OutputFormat
from ..batch.model import PlanError, PlanResult, PlanRow
from ..errors import PlanCompareError
from ..i18n import Lang, t
from ..options import ParseOptions
from .uploads import StoredFile

if TYPE_CHECKING:
    from ..model.reference import Reference

OUTLINE_SUFFIXES = frozenset({".yaml", ".yml"})
# what `CoverageWriter.finish` writes for each format the page asks for (a test holds the two equal)
FILES_OF_FORMAT = {
    OutputFormat.csv: ("summary.csv", "matrix.csv"),
    OutputFormat.json: ("coverage.json",),
    OutputFormat.xlsx: ("coverage.xlsx",),
    OutputFormat.png: ("heatmap.png",),
}


def cli_message(exc: BaseException, stored: StoredFile | None) -> str:
    """The sentence `plancompare` prints on stderr for this error, naming the upload by the name the
    person gave it, not by our temporary file."""
    if isinstance(exc, PlanCompareError):
        message = str(exc)
    else:
        message = t("error.internal", Lang.VI, error=f"{type(exc).__name__}: {exc}")
    if stored is not None:
        message = message.replace(str(stored.path), stored.label)
    return " ".join(message.split())


def page_error(message: str) -> str:
    """One line for the page: a Vietnamese lead, then the CLI's sentence."""
    return t("web.bad_file", Lang.VI, error=message)


def run_plan(reference: Reference, stored: StoredFile, options: ParseOptions) -> PlanResult:
    """Parse and compare one upload; any failure becomes the result's error (as a batch row)."""
    from ..api import parse
    from ..batch.run import file_sha256
    from ..diff import compare

    sha = file_sha256(str(stored.path))
    try:
        plan = parse(stored.path, options=options)
        plan.source.path = stored.label
        comparison = compare(reference, plan)
    except Exception as exc:  # every failure is a row: one bad plan must not stop the others
        error = PlanError(error_class=type(exc).__name__, message=cli_message(exc, stored))
        return PlanResult(path=stored.label, sha256=sha, error=error)
    return PlanResult(path=stored.label, sha256=sha, comparison=comparison)


def load_uploaded_reference(stored: StoredFile, options: ParseOptions) -> Reference:
    """An outline YAML as is; any other document parsed with the same limits as a plan."""
    from ..api import parse
    from ..reference.load import load_reference

    try:
        if stored.path.suffix in OUTLINE_SUFFIXES:
            reference = load_reference(stored.path)
        else:
            reference = load_reference(parse(stored.path, options=options))
    except PlanCompareError as exc:
        raise type(exc)(cli_message(exc, stored)) from exc
    reference.source.path = stored.label
    return reference


def available_formats() -> set[OutputFormat]:
    """The coverage files this installation can write (the workbook and heatmap need the `coverage` extra)."""
    from importlib.util import find_spec

    formats = {OutputFormat.csv, OutputFormat.json}
    if find_spec("openpyxl") is not None:
        formats.add(OutputFormat.xlsx)
    if find_spec("matplotlib") is not None:
        formats.add(OutputFormat.png)
    return formats


def coverage_file_names() -> list[str]:
    """The names `coverage_files` gives, known before writing them (the page lists the downloads)."""
    return sorted(name for fmt in available_formats() for name in FILES_OF_FORMAT.get(fmt, ()))


def coverage_files(out: Path, reference: Reference, rows: list[PlanRow]) -> dict[str, bytes]:
    """The files of `plancompare coverage` for these rows, read back into memory."""
    from ..batch.outputs import CoverageWriter

    writer = CoverageWriter(out, reference, available_formats())
    writer.rows = list(rows)
    names = writer.finish()
    return {name: (out / name).read_bytes() for name in names}
