"""Readers: bytes in, `RawDocument` out. One module per format; heavy libraries load only when
their format is read, so `plancompare --help` and text parsing stay fast."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import DocumentTooLarge, InputNotFound, UnreadableDocument, UnsupportedFormat
from ..model import warning_codes as codes
from ..model.source import SourceFormat, SourceInfo
from ..model.warnings import ParseWarning
from ..options import ParseOptions
from .document import RawDocument
from .encoding import decode
from .sniff import format_from_extension, sniff

__all__ = ["RawDocument", "read_bytes", "read_path"]


def read_path(path: str | Path, options: ParseOptions | None = None) -> RawDocument:
    options = options or ParseOptions()
    p = Path(path)
    if not p.is_file():
        raise InputNotFound(f"{path}: no such file")
    size = p.stat().st_size
    if size > options.max_bytes:
        raise DocumentTooLarge(
            f"{path}: {size:,} bytes is over the limit of {options.max_bytes:,} (raise --max-bytes to read it)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return read_bytes(data, str(path), options)


def read_bytes(data: bytes, name: str = "<bytes>", options: ParseOptions | None = None) -> RawDocument:
    options = options or ParseOptions()
    if not data.strip():
        raise UnreadableDocument(f"{name}: the file is empty (or only blanks); re-download or re-export it")
    if len(data) > options.max_bytes:
        raise DocumentTooLarge(f"{name}: {len(data):,} bytes is over the limit of {options.max_bytes:,}")
    fmt = sniff(data, name)
    source = SourceInfo(path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    doc = _dispatch(fmt, data, source, options)
    hinted = format_from_extension(name)
    if hinted is not None and not _compatible(hinted, fmt):
        doc.warnings.insert(
            0,
            ParseWarning(
                code=codes.FORMAT_MISMATCH,
                message=f"the file is named like {hinted.value} but its content is {fmt.value}; read as {fmt.value}",
            ),
        )
    return doc


def _compatible(hinted: SourceFormat, actual: SourceFormat) -> bool:
    text_like = {SourceFormat.TEXT, SourceFormat.MARKDOWN}
    return hinted == actual or (hinted in text_like and actual in text_like)


def _dispatch(fmt: SourceFormat, data: bytes, source: SourceInfo, options: ParseOptions) -> RawDocument:
    if fmt is SourceFormat.PDF:
        from .pdf import read_pdf

        return read_pdf(data, source, options)
    if fmt is SourceFormat.DOCX:
        from .docx import read_docx

        return read_docx(data, source, options)
    if fmt in (SourceFormat.MARKDOWN, SourceFormat.TEXT, SourceFormat.HTML):
        if fmt is SourceFormat.HTML:  # lxml loads only for a web page
            from .html import decode_html, read_html

            decoded, reader = decode_html(data), read_html
        else:
            from .markdown import read_markdown
            from .text import read_text

            decoded, reader = decode(data), (read_markdown if fmt is SourceFormat.MARKDOWN else read_text)
        doc = reader(decoded.text, source, options.layout)
        if decoded.legacy is not None:
            doc.warnings.append(
                ParseWarning(
                    code=codes.LEGACY_ENCODING,
                    message=f"the text is in the legacy {decoded.legacy.value.upper()} encoding and was "
                    "converted to Unicode; check names and numbers against the original",
                )
            )
        return doc
    raise UnsupportedFormat(
        f"{source.path}: a {fmt.value} file is a comparison input, not a document to parse"
    )
