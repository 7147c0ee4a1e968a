"""One exception hierarchy. Every error the library raises on bad input is a PlanCompareError, and its
message tells the user what to do next. The CLI prints `str(error)` on one line and exits 2."""

from __future__ import annotations


class PlanCompareError(Exception):
    """Base of every error plancompare raises on purpose."""

    exit_code = 2


class UnreadableDocument(PlanCompareError):
    """The file exists but its bytes cannot be read as the format they claim (truncated, corrupt)."""


class UnsupportedFormat(PlanCompareError):
    """The bytes are of a format plancompare does not read (image, spreadsheet, HTML page…)."""


class EncryptedDocument(PlanCompareError):
    """The PDF is password-protected."""


class OcrUnavailable(PlanCompareError):
    """The document needs OCR and tesseract (with Vietnamese data) is not installed."""


class DocumentTooLarge(PlanCompareError):
    """A configured limit (pages, bytes, decompressed size, time) was exceeded."""


class NotAPlan(PlanCompareError):
    """The document was read but has none of the parts of a Vietnamese administrative document."""


class InvalidReference(PlanCompareError):
    """A comparison reference (outline YAML, plan JSON) does not have the expected shape."""


class InputNotFound(PlanCompareError):
    """The path does not exist or is not a file."""


class InvalidArgument(PlanCompareError):
    """A command-line value is out of range, or the output file cannot be written."""


class MissingDependency(PlanCompareError):
    """An optional package is needed for what was asked (a notebook frame, an .xlsx workbook, a
    heatmap) and is not installed; the message names the extra that brings it."""

    @classmethod
    def extra(cls, what: str, extra: str, package: str) -> MissingDependency:
        return cls(f"{what} needs {package}, which is not installed: pip install 'plancompare[{extra}]'")
