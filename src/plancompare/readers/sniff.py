"""Decide a file's format from its bytes; the extension is only a hint."""

from __future__ import annotations

import codecs
import io
import zipfile

import regex

from ..errors import UnreadableDocument, UnsupportedFormat
from ..model.source import SourceFormat

_MD_CUES = regex.compile(r"(?m)^(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*$|[^\n]*\t[^\n]*\t|\s*\|[^\n]*\|[^\n]*\|\s*$)")
_HTML = regex.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", regex.IGNORECASE)

_EXTENSIONS = {
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".txt": SourceFormat.TEXT,
    ".json": SourceFormat.PLAN_JSON,
    ".yaml": SourceFormat.OUTLINE,
    ".yml": SourceFormat.OUTLINE,
}


def format_from_extension(name: str) -> SourceFormat | None:
    lower = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 (legacy Vietnamese Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def sniff(data: bytes, name: str = "") -> SourceFormat:
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return SourceFormat.DOCX
        except zipfile.BadZipFile as exc:
            raise UnreadableDocument(
                f"{name or 'input'}: a damaged ZIP/DOCX file ({exc}); re-download it"
            ) from exc
        raise UnsupportedFormat(f"{name or 'input'}: a ZIP archive that is not a Word .docx document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat(
            f"{name or 'input'}: a legacy Word .doc (OLE) file; open it in Word or LibreOffice and save as .docx or PDF"
        )
    if _HTML.match(head):
        raise UnsupportedFormat(
            f"{name or 'input'}: an HTML page, not a document (a portal error page saved under a document name?)"
        )
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnsupportedFormat(f"{name or 'input'}: binary data of an unknown format")
    text = decode_text(head)
    stripped = text.lstrip()
    if stripped.startswith("{") and '"schema_version"' in text:
        return SourceFormat.PLAN_JSON
    if regex.search(r"(?m)^(groups|requirements|document):", text):
        return SourceFormat.OUTLINE
    if _MD_CUES.search(decode_text(data[:65536])):
        return SourceFormat.MARKDOWN
    return SourceFormat.TEXT
