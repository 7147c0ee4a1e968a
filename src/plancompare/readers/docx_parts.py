"""The parts of a Word package beside the body: footnotes and endnotes, headers and footers, comments.

python-docx exposes none of the notes and no comment text in a form this reader can use, so each
part is found through the document's relationships and its XML read here. Notes are the document's
own text (Vietnamese plans cite their sources in footnotes: "1 Quyết định số 1560/QĐ-TTg …"); headers
and footers are page furniture (repeated on every page, a page number); comments are a reviewer's
remarks. None of them is body text, and every character of them is counted.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml

from plancompare.errors import DocumentTooLarge, UnreadableDocument
from plancompare.model import warning_codes as codes
from plancompare.model.labels import NoteKind
from plancompare.model.source import SourceInfo
from plancompare.model.warnings import ParseWarning
from plancompare.options import ParseOptions
from plancompare.readers import legacy
from plancompare.readers.document import Furniture, FurnitureKind, Note
from plancompare.readers.docx_runs import W, flow_paragraphs
from plancompare.text.normalize import nfc, non_space_len, squash_spaces

from ..text import rx

# A paragraph element -> the lines it shows (its numbering label, legacy fonts converted).
LinesOf = Callable[[Any], list[str]]
NoteKey = tuple[str, str]  # (kind, id) as a reference mark gives it
_NOTE_PARTS = ((NoteKind.FOOTNOTE, RT.FOOTNOTES), (NoteKind.ENDNOTE, RT.ENDNOTES))
_FURNITURE_PARTS = (
    (RT.HEADER, FurnitureKind.PAGE),
    (RT.FOOTER, FurnitureKind.PAGE),
    (RT.COMMENTS, FurnitureKind.COMMENT),
)
_PART_NUMBER = rx.compile(r"(\d+)\.xml$")
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _roots(document: Any, reltype: str) -> list[Any]:
    """Root elements of the parts the body relates to with this type, each part once, by name."""
    parts: dict[str, Any] = {}
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            parts.setdefault(str(part.partname), part)
    return [parse_xml(parts[name].blob) for name in sorted(parts, key=_natural)]


def _natural(name: str) -> tuple[str, int]:
    """'/word/header10.xml' after '/word/header2.xml'."""
    m = _PART_NUMBER.search(name)
    return (name[: m.start()], int(m.group(1))) if m else (name, 0)


def _note_text(element: Any, lines_of: LinesOf) -> list[str]:
    """A note's paragraphs, one line each: a line break inside a note paragraph only wraps it."""
    out: list[str] = []
    for p in flow_paragraphs(element):
        text = squash_spaces(" ".join(lines_of(p)))
        if text:
            out.append(text)
    return out


def read_notes(
    document: Any, lines_of: LinesOf, anchors: dict[NoteKey, tuple[int, int]], first_line: int
) -> list[Note]:
    """Footnotes, then endnotes, each in the order of their reference marks (unreferenced ones after,
    in file order); their lines numbered from `first_line`."""
    out: list[Note] = []
    line = first_line
    order = list(anchors)  # insertion order: the order of the marks in the body
    for kind, reltype in _NOTE_PARTS:
        found: list[tuple[str, list[str]]] = []
        for root in _roots(document, reltype):
            for note in root.iterchildren(W + kind.value):
                if note.get(W + "type") in _SEPARATORS:
                    continue
                text = _note_text(note, lines_of)
                if text:
                    found.append((str(note.get(W + "id")), text))
        marked = [key[1] for key in order if key[0] == kind.value]
        rank = {note_id: k for k, note_id in enumerate(marked, start=1)}
        found.sort(key=lambda f: rank.get(f[0], len(rank) + 1))
        for note_id, text in found:
            out.append(
                Note(
                    kind=kind,
                    note_id=note_id,
                    number=rank.get(note_id),
                    text="\n".join(text),
                    line=line,
                    line_end=line + len(text) - 1,
                    anchor=anchors.get((kind.value, note_id)),
                )
            )
            line += len(text)
    return out


def read_furniture(document: Any, lines_of: LinesOf, first_line: int) -> list[Furniture]:
    """Lines of the headers, footers and comments, numbered from `first_line`."""
    out: list[Furniture] = []
    line = first_line
    for reltype, kind in _FURNITURE_PARTS:
        for root in _roots(document, reltype):
            for p in flow_paragraphs(root):
                for text in lines_of(p):
                    if non_space_len(text):
                        out.append(Furniture(text=text, line=line, kind=kind))
                        line += 1
    return out


_APP_PAGES = rx.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,6})\s*</")


_CHANGES = (W + "ins", W + "del", W + "moveFrom", W + "moveTo")


def review_warnings(body: Any, furniture: list[Furniture]) -> list[ParseWarning]:
    """A file still under review: tracked changes not accepted (what is read is the text as it would
    be with them accepted) and reviewers' comments (set aside)."""
    out: list[ParseWarning] = []
    if any(True for _ in body.iter(*_CHANGES)):
        out.append(
            ParseWarning(
                code=codes.TRACKED_CHANGES,
                message="the file has tracked changes not accepted: insertions are read, deletions left out",
            )
        )
    comments = [f for f in furniture if f.kind is FurnitureKind.COMMENT]
    if comments:
        out.append(
            ParseWarning(
                code=codes.REVIEW_COMMENTS,
                message=f"{len(comments)} line(s) of reviewers' comments were set aside, not read as the document",
            )
        )
    return out


def check_archive(data: bytes, source: SourceInfo, options: ParseOptions) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            app = next(
                (i for i in infos if i.filename == "docProps/app.xml" and i.file_size < 1_000_000), None
            )
            if app is not None:
                # The page count Word saved; the best a reader without a layout engine can do.
                m = _APP_PAGES.search(archive.read(app))
                if m:
                    source.pages = int(m.group(1))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(
            f"{source.path}: the DOCX archive is damaged ({exc}); re-save it from Word"
        ) from exc
    total = sum(info.file_size for info in infos)
    if total > options.max_docx_uncompressed:
        raise DocumentTooLarge(
            f"{source.path}: the DOCX unpacks to {total:,} bytes, over the limit of "
            f"{options.max_docx_uncompressed:,} (raise --max-docx-uncompressed if the file is trusted)"
        )
    if not any(info.filename == "word/document.xml" for info in infos):
        raise UnreadableDocument(
            f"{source.path}: the archive has no word/document.xml; it is not a Word document"
        )


def core_properties(document: Any, warnings: list[ParseWarning]) -> dict[str, str]:
    props: dict[str, str] = {}
    core = document.core_properties
    for key in ("title", "subject", "author", "keywords"):
        value = squash_spaces(str(getattr(core, key, "") or ""))
        if not value:
            continue
        fixed, encoding = legacy.fix_text(value)
        if encoding is not None:
            warnings.append(
                ParseWarning(
                    code=codes.LEGACY_ENCODING,
                    message=f"the document {key} is in {encoding.value.upper()} and was converted to Unicode",
                )
            )
        props[key] = nfc(fixed)
    return props
