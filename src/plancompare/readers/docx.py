"""DOCX reader: body paragraphs and tables in document order.

Word documents keep the NĐ 30 header and the signature block in borderless tables; those are
*layout* tables and become lines (left cell, then right cell), while tables of content (the task
table) become `Table` items. Runs are read from the XML directly (`docx_runs`: tracked deletions
and field instructions stay out, insertions and field results stay in, text boxes are read once) and
legacy fonts (.VnTime, VNI-Times) are converted run by run. Footnotes and endnotes become the
document's notes; headers, footers and comments are counted as furniture (`docx_parts`). Style
inheritance (bold, fonts, alignment, indentation) is read in `docx_styles`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import regex

from plancompare.errors import PlanCompareError, UnreadableDocument
from plancompare.model import warning_codes as codes
from plancompare.model.source import SourceInfo
from plancompare.model.warnings import ParseWarning
from plancompare.options import ParseOptions
from plancompare.readers import legacy
from plancompare.readers.document import Item, Line, RawDocument, Table, TableRow
from plancompare.readers.docx_numbering import Numbering
from plancompare.readers.docx_parts import (
    LinesOf,
    NoteKey,
    check_archive,
    core_properties,
    read_furniture,
    read_notes,
    review_warnings,
)
from plancompare.readers.docx_runs import W, flow_paragraphs, note_refs, run_text, text_boxes, visible_runs
from plancompare.readers.docx_styles import (
    alignment,
    default_paragraph_style,
    flag,
    font_of,
    indent,
    rstyle,
    style_chain,
    twips,
)
from plancompare.text.normalize import nfc, non_space_len, squash_spaces

from ..text import rx

_HEADING_STYLE = rx.compile(r"^(?:heading|titre|überschrift)\s*(\d)$", regex.IGNORECASE)
# Word users push the second line of a capitalised issuer name down with spaces
# ("ỦY BAN NHÂN DÂN                 TỈNH LÀO CAI"); a long space run between capitals is a line
# break on the page.
_SPACE_BREAK = rx.compile(r"(?<=\p{Lu}[\p{Lu}\s]*)\s{5,}(?=\p{Lu}[\p{Lu}\s]*$)")


@dataclass(slots=True)
class _Para:
    text: str
    bold: bool
    align: str | None
    indent: int
    heading: int | None
    refs: list[NoteKey] = field(default_factory=list)  # footnote / endnote marks in it


@dataclass(slots=True)
class _State:
    styles: dict[str, Any]
    numbering: Numbering
    legacy_fonts: set[str] = field(default_factory=set)
    default_font: str | None = None
    default_bold: bool = False


def _line(text: str, number: int, para: _Para, column: int, heading: int | None) -> Line:
    return Line(
        text=text,
        line=number,
        bold=para.bold,
        align=para.align,
        indent=para.indent,
        column=column,
        heading=heading,
    )


class _Body:
    """The body's items as they are read: lines numbered in order, the non-space characters kept,
    and where each footnote or endnote mark stands (the lines of its paragraph or table row)."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.counter = 0
        self.total = 0
        self.anchors: dict[NoteKey, tuple[int, int]] = {}

    def _anchor(self, refs: list[NoteKey], first: int, last: int) -> None:
        for key in refs:
            self.anchors.setdefault(key, (first, max(first, last)))

    def paragraph(self, para: _Para, column: int = 0, layout: bool = False) -> None:
        first = self.counter + 1
        for text in _split_breaks(para.text, spaces=layout):
            self.counter += 1
            self.total += non_space_len(text)
            heading = None if layout else para.heading
            self.items.append(_line(text, self.counter, para, column=column, heading=heading))
        self._anchor(para.refs, first, self.counter)

    def table(self, rows: list[tuple[list[Cell], bool]]) -> None:
        if _is_layout(rows):
            for column, paras in _layout_columns(rows):
                for para in paras:
                    self.paragraph(para, column=column, layout=True)
            return
        table_rows: list[TableRow] = []
        for cells, header in rows:
            texts = ["\n".join(t for p in cell for t in _split_breaks(p.text)) for cell in cells]
            height = max((t.count("\n") + 1 for t in texts if t), default=1)
            self.total += sum(non_space_len(t) for t in texts)
            row = TableRow(
                cells=texts, line=self.counter + 1, line_end=self.counter + height, is_header=header
            )
            table_rows.append(row)
            self._anchor(
                [ref for cell in cells for p in cell for ref in p.refs], row.line, row.line_end or row.line
            )
            self.counter += height
        if table_rows:
            self.items.append(Table(rows=table_rows, line=table_rows[0].line))


def _lines_of(state: _State) -> LinesOf:
    """A paragraph element of a note, header or comment -> the lines it shows."""
    return lambda p: _split_breaks(_paragraph(p, state).text)


def read_docx(data: bytes, source: SourceInfo, options: ParseOptions) -> RawDocument:
    check_archive(data, source, options)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except PlanCompareError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on bad parts
        raise UnreadableDocument(
            f"{source.path}: not a readable Word document ({type(exc).__name__}); re-save it from Word or LibreOffice"
        ) from exc
    try:
        return _read(document, source)
    except PlanCompareError:
        raise
    except Exception as exc:
        raise UnreadableDocument(
            f"{source.path}: the document could not be read ({type(exc).__name__}: {exc})"
        ) from exc


def _read(document: Any, source: SourceInfo) -> RawDocument:
    styles_el = document.styles.element
    styles = {s.get(W + "styleId"): s for s in styles_el.iter(W + "style")}
    numbering_el = None
    try:
        numbering_el = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_el = None
    state = _State(styles=styles, numbering=Numbering(numbering_el, styles))
    defaults = styles_el.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if defaults is not None:
        state.default_font = font_of(defaults)
        state.default_bold = flag(defaults, "b") is True
    body = _Body()
    for child in _body_children(document.element.body):
        if child.tag == W + "p":
            body.paragraph(_paragraph(child, state))
            for box in text_boxes(child):
                for q in flow_paragraphs(box):
                    body.paragraph(_paragraph(q, state))
        elif child.tag == W + "tbl":
            body.table(_rows(child, state))
    notes = read_notes(document, _lines_of(state), body.anchors, body.counter + 1)
    last = max((n.line_end for n in notes), default=body.counter)
    furniture = read_furniture(document, _lines_of(state), last + 1)
    total = body.total + sum(non_space_len(n.text) for n in notes)
    total += sum(non_space_len(f.text) for f in furniture)
    warnings = [
        ParseWarning(
            code=codes.LEGACY_ENCODING, message=f"text in the legacy font {name} was converted to Unicode"
        )
        for name in sorted(state.legacy_fonts)
    ]
    warnings += review_warnings(document.element.body, furniture)
    properties = core_properties(document, warnings)
    return RawDocument(
        source=source,
        items=body.items,
        properties=properties,
        warnings=warnings,
        total_chars=total,
        furniture=furniture,
        notes=notes,
    )


def _body_children(body: Any) -> list[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls and custom XML."""
    out: list[Any] = []
    for child in body.iterchildren():
        if child.tag in (W + "p", W + "tbl"):
            out.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_body_children(content))
        elif child.tag == W + "customXml":
            out.extend(_body_children(child))
    return out


def _split_breaks(text: str, spaces: bool = False) -> list[str]:
    parts = text.split("\n")
    if spaces:
        parts = [piece for part in parts for piece in _SPACE_BREAK.split(part)]
    return [t for t in (squash_spaces(p) for p in parts) if t]


def _paragraph(p: Any, state: _State) -> _Para:
    ppr = p.find(W + "pPr")
    style_id = None
    if ppr is not None and ppr.find(W + "pStyle") is not None:
        style_id = ppr.find(W + "pStyle").get(W + "val")
    chain = style_chain(state.styles, style_id or default_paragraph_style(state.styles))
    style_bold = next(
        (b for s in chain if (b := flag(s.find(W + "rPr"), "b")) is not None), state.default_bold
    )
    style_font = next((f for s in chain if (f := font_of(s.find(W + "rPr")))), state.default_font)
    pieces: list[str] = []
    bold_all = True
    any_text = False
    runs = visible_runs(p)
    for run in runs:
        rpr = run.find(W + "rPr")
        text = run_text(run)
        if not text:
            continue
        char_chain = style_chain(state.styles, rstyle(rpr))
        bold = flag(rpr, "b")
        if bold is None:
            bold = next(
                (b for s in char_chain if (b := flag(s.find(W + "rPr"), "b")) is not None), style_bold
            )
        font = font_of(rpr) or next((f for s in char_chain if (f := font_of(s.find(W + "rPr")))), style_font)
        encoding = legacy.encoding_from_font(font)
        if encoding is not None:
            text = legacy.convert(text, encoding, legacy.is_caps_font(font))
            state.legacy_fonts.add(font or "")
        if text.strip():
            any_text = True
            bold_all = bold_all and bool(bold)
        pieces.append(text)
    text = "".join(pieces)
    label = state.numbering.label(ppr, chain)
    if label and text.strip():
        text = f"{label} {text.lstrip()}"
    heading = None
    for s in chain:
        name = s.find(W + "name")
        m = _HEADING_STYLE.match(name.get(W + "val", "")) if name is not None else None
        if m:
            heading = int(m.group(1))
            break
    text = "\n".join(nfc(part) for part in text.split("\n"))
    return _Para(
        text=text,
        bold=any_text and bold_all,
        align=alignment(ppr, chain),
        indent=indent(ppr, chain),
        heading=heading,
        refs=note_refs(runs),
    )


Cell = list[_Para]


def _rows(tbl: Any, state: _State) -> list[tuple[list[Cell], bool]]:
    """Rows of a table as grid cells: a horizontally merged cell is followed by empty cells so
    every row has the grid's width; a vertically continued cell is empty."""
    rows: list[tuple[list[Cell], bool]] = []
    for tr in tbl.iterchildren(W + "tr"):
        trpr = tr.find(W + "trPr")
        if trpr is not None and trpr.find(W + "del") is not None:
            continue  # a row deleted with tracked changes on
        header = trpr is not None and flag(trpr, "tblHeader") is True
        cells: list[Cell] = []
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = 1
            continued = False
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = max(1, twips(gs.get(W + "val")))
                vm = tcpr.find(W + "vMerge")
                continued = vm is not None and vm.get(W + "val", "continue") == "continue"
            paras: Cell = []
            if not continued:
                for el in flow_paragraphs(tc):
                    para = _paragraph(el, state)
                    if para.text.strip():
                        paras.append(para)
            cells.append(paras)
            cells.extend([] for _ in range(span - 1))
        rows.append((cells, header))
    return rows


def _is_layout(rows: list[tuple[list[Cell], bool]]) -> bool:
    """A table that only places text side by side: at most 3 rows and 2 columns holding text."""
    if not rows or len(rows) > 3:
        return False
    used = {k for cells, _ in rows for k, cell in enumerate(cells) if cell}
    return len(used) <= 2


def _layout_columns(rows: list[tuple[list[Cell], bool]]) -> list[tuple[int, list[_Para]]]:
    used = sorted({k for cells, _ in rows for k, cell in enumerate(cells) if cell})
    out: list[tuple[int, list[_Para]]] = []
    for number, k in enumerate(used, start=1):
        paras = [p for cells, _ in rows if k < len(cells) for p in cells[k]]
        out.append((number if len(used) == 2 else 0, paras))
    return out
