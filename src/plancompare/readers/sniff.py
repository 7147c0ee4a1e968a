"""Decide a file's format from its bytes; the extension is only a hint."""

from __future__ import annotations

import codecs
import io
import json
import zipfile

import regex

from ..errors import UnreadableDocument, UnsupportedFormat
from ..model.source import SourceFormat
from ..text import rx
from .encoding import decode, utf16_without_bom

# a markdown line: a heading, a bold line, a row of a tab/pipe table, a backslash-escaped list
# marker (pandoc writes a literal dash or number as "\- ", "1\. ")
_MD_CUES = rx.compile(
    r"(?m)^(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*$|[^\n]*\t[^\n]*\t|\s*\|[^\n]*\|[^\n]*\|\s*$"
    r"|(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])?\\[-+*.)]\s)"
)
_HTML = rx.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html|<head|<body|<meta|<title)",
    regex.IGNORECASE | regex.DOTALL,
)
_XML = rx.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\b")
_RAW_TABLE = rx.compile(r"(?im)^\s*<table\b")  # not a page (no <html>/<body>): markdown with raw HTML
# A page named .html/.htm need not open with <html> (a fragment, Word's XML prolog, text first).
_HTML_TAG = rx.compile(
    rb"<(?:html|body|p|div|table|span|br|h[1-6]|ol|ul|li|strong|em|b|i|a|font|center|section|article)\b",
    regex.IGNORECASE,
)
# HTML content under one of these names is what a portal served instead of the file: an error page.
_NOT_HTML_NAMES = (SourceFormat.PDF, SourceFormat.DOCX, SourceFormat.PLAN_JSON, SourceFormat.OUTLINE)

_CONVERT = "save it as PDF or .docx (or OCR it into a PDF with a text layer) and parse that"
# Magic numbers of formats people save under a document name; each message says what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", f"a PNG image, not a document; {_CONVERT}"),
    (b"\xff\xd8\xff", f"a JPEG image, not a document; {_CONVERT}"),
    (b"II*\x00", f"a TIFF image (a scan?), not a document; {_CONVERT}"),
    (b"MM\x00*", f"a TIFF image (a scan?), not a document; {_CONVERT}"),
    (b"GIF87a", f"a GIF image, not a document; {_CONVERT}"),
    (b"GIF89a", f"a GIF image, not a document; {_CONVERT}"),
    (b"{\\rtf", "an RTF file; open it in Word or LibreOffice and save it as .docx or PDF"),
    (b"\x1f\x8b", "a gzip-compressed file; extract it first and parse the document inside"),
    (b"Rar!\x1a\x07", "a RAR archive; extract it first and parse the document inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; extract it first and parse the document inside"),
)
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel .xlsx workbook; export the sheet as PDF, or paste the table into a .docx"),
    ("ppt/presentation.xml", "a PowerPoint .pptx file; export it as PDF and parse that"),
    ("content.xml", "an OpenDocument (LibreOffice) file; save it as .docx or PDF and parse that"),
)

_EXTENSIONS = {
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".txt": SourceFormat.TEXT,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
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
    """UTF-8 / UTF-16 / Windows-1258 / TCVN3 / VNI bytes as text (see `readers.encoding`)."""
    return decode(data).text


def sniff(data: bytes, name: str = "") -> SourceFormat:
    label = name or "input"
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, label)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat(
            f"{label}: a legacy Office (OLE) file such as a Word .doc; open it in Word or LibreOffice "
            "and save as .docx or PDF"
        )
    for magic, message in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormat(f"{label}: {message}")
    # BMP: "BM" alone starts ordinary words, so the info-header size must follow.
    if head.startswith(b"BM") and len(head) >= 18 and head[14:18] in (b"(\x00\x00\x00", b"|\x00\x00\x00"):
        raise UnsupportedFormat(f"{label}: a BMP image, not a document; {_CONVERT}")
    if _is_html(head, name):
        hinted = format_from_extension(name)
        if hinted in _NOT_HTML_NAMES or name.lower().endswith(".doc"):
            raise UnsupportedFormat(
                f"{label}: an HTML page, not a document (a portal error page saved under a document "
                "name?); download the document itself"
            )
        return SourceFormat.HTML
    if _XML.match(head):
        raise UnsupportedFormat(f"{label}: XML data, not a document; parse the PDF or .docx it came with")
    bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not bom16 and utf16_without_bom(head) is None:
        raise UnsupportedFormat(f"{label}: binary data of an unknown format, not a document")
    text = decode(head).text
    stripped = text.lstrip()
    if stripped.startswith("{") and '"schema_version"' in text:
        return SourceFormat.PLAN_JSON
    if stripped[:1] in ("{", "[") and _is_json(data):
        raise UnsupportedFormat(
            f"{label}: a JSON file that is not a plan saved by `plancompare parse --format json`"
        )
    if regex.search(r"(?m)^(groups|requirements|document):", text):
        return SourceFormat.OUTLINE
    if _MD_CUES.search(decode(data[:65536]).text):
        return SourceFormat.MARKDOWN
    if _RAW_TABLE.search(decode(data[:65536]).text):
        return SourceFormat.MARKDOWN  # pandoc's gfm: a raw <table> for cells holding paragraphs
    return SourceFormat.TEXT


def _is_html(head: bytes, name: str) -> bool:
    """A web page or Word's "Save as HTML", by its opening tags; under an .html/.htm name any tag
    will do. UTF-16 pages (Word's "Unicode" HTML) are looked at decoded."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = decode(head).text.encode("utf-8", errors="replace")
    if _HTML.match(head):
        return True
    return format_from_extension(name) is SourceFormat.HTML and bool(_HTML_TAG.search(head))


def _sniff_zip(data: bytes, label: str) -> SourceFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(f"{label}: a damaged ZIP/DOCX file ({exc}); re-download it") from exc
    if "word/document.xml" in names:
        return SourceFormat.DOCX
    for member, message in _ZIP_KINDS:
        if member in names:
            raise UnsupportedFormat(f"{label}: {message}")
    raise UnsupportedFormat(
        f"{label}: a ZIP archive that is not a Word .docx document; extract it and parse the document inside"
    )


def _is_json(data: bytes) -> bool:
    try:
        json.loads(decode(data).text)
    except ValueError:  # JSONDecodeError
        return False
    except RecursionError:
        return True  # nested past the parser's depth: still JSON-shaped, still not a document
    return True
