"""DOCX reader: body paragraphs and tables in document order.

Word documents keep the NĐ 30 header and the signature block in borderless tables; those are
*layout* tables and become lines (left cell, then right cell), while tables of content (the task
table) become `Table` items. Runs are read from the XML directly so that tracked deletions stay
out, insertions stay in, and legacy fonts (.VnTime, VNI-Times) are converted run by run.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

import regex

from plancompare.errors import DocumentTooLarge, PlanCompareError, UnreadableDocument
from plancompare.model import warning_codes as codes
from plancompare.model.source import SourceInfo
from plancompare.model.warnings import ParseWarning
from plancompare.options import ParseOptions
from plancompare.readers import legacy
from plancompare.readers.document import Item, Line, RawDocument, Table, TableRow
from plancompare.readers.docx_numbering import Numbering
from plancompare.text.normalize import nfc, non_space_len, squash_spaces

from ..text import rx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = rx.compile(r"^(?:heading|titre|überschrift)\s*(\d)$", regex.IGNORECASE)
# Word users push the second line of a capitalised issuer name down with spaces
# ("ỦY BAN NHÂN DÂN                 TỈNH LÀO CAI"); a long space run between capitals is a line
# break on the page.
_SPACE_BREAK = rx.compile(r"(?<=\p{Lu}[\p{Lu}\s]*)\s{5,}(?=\p{Lu}[\p{Lu}\s]*$)")
_ALIGN = {
    "center": "center",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
    "both": "left",
}


@dataclass(slots=True)
class _Para:
    text: str
    bold: bool
    align: str | None
    indent: int
    heading: int | None


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


def read_docx(data: bytes, source: SourceInfo, options: ParseOptions) -> RawDocument:
    _check_zip(data, source, options)
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


_APP_PAGES = rx.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,6})\s*</")


def _check_zip(data: bytes, source: SourceInfo, options: ParseOptions) -> None:
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
        state.default_font = _font_of(defaults)
        state.default_bold = _flag(defaults, "b") is True
    items: list[Item] = []
    counter = 0
    total = 0
    for child in _body_children(document.element.body):
        if child.tag == W + "p":
            para = _paragraph(child, state)
            for text in _split_breaks(para.text):
                counter += 1
                total += non_space_len(text)
                items.append(_line(text, counter, para, column=0, heading=para.heading))
        elif child.tag == W + "tbl":
            rows = _rows(child, state)
            if _is_layout(rows):
                for column, paras in _layout_columns(rows):
                    for para in paras:
                        for text in _split_breaks(para.text, spaces=True):
                            counter += 1
                            total += non_space_len(text)
                            items.append(_line(text, counter, para, column=column, heading=None))
                continue
            table_rows: list[TableRow] = []
            for cells, header in rows:
                texts = ["\n".join(t for p in cell for t in _split_breaks(p.text)) for cell in cells]
                height = max((t.count("\n") + 1 for t in texts if t), default=1)
                total += sum(non_space_len(t) for t in texts)
                table_rows.append(
                    TableRow(cells=texts, line=counter + 1, line_end=counter + height, is_header=header)
                )
                counter += height
            if table_rows:
                items.append(Table(rows=table_rows, line=table_rows[0].line))
    warnings = [
        ParseWarning(
            code=codes.LEGACY_ENCODING, message=f"text in the legacy font {name} was converted to Unicode"
        )
        for name in sorted(state.legacy_fonts)
    ]
    properties = _properties(document, warnings)
    return RawDocument(
        source=source, items=items, properties=properties, warnings=warnings, total_chars=total
    )


def _body_children(body: Any) -> list[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls."""
    out: list[Any] = []
    for child in body.iterchildren():
        if child.tag in (W + "p", W + "tbl"):
            out.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_body_children(content))
    return out


def _split_breaks(text: str, spaces: bool = False) -> list[str]:
    parts = text.split("\n")
    if spaces:
        parts = [piece for part in parts for piece in _SPACE_BREAK.split(part)]
    return [t for t in (squash_spaces(p) for p in parts) if t]


def _style_chain(state: _State, style_id: str | None) -> list[Any]:
    chain: list[Any] = []
    seen: set[str] = set()
    while style_id and style_id not in seen and style_id in state.styles:
        seen.add(style_id)
        style = state.styles[style_id]
        chain.append(style)
        based = style.find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    return chain


def _flag(rpr: Any, name: str) -> bool | None:
    el = rpr.find(W + name) if rpr is not None else None
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def _font_of(rpr: Any) -> str | None:
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return None
    value = fonts.get(W + "ascii") or fonts.get(W + "hAnsi")
    return str(value) if value else None


def _paragraph(p: Any, state: _State) -> _Para:
    ppr = p.find(W + "pPr")
    style_id = None
    if ppr is not None and ppr.find(W + "pStyle") is not None:
        style_id = ppr.find(W + "pStyle").get(W + "val")
    chain = _style_chain(state, style_id or _default_paragraph_style(state))
    style_bold = next(
        (b for s in chain if (b := _flag(s.find(W + "rPr"), "b")) is not None), state.default_bold
    )
    style_font = next((f for s in chain if (f := _font_of(s.find(W + "rPr")))), state.default_font)
    pieces: list[str] = []
    bold_all = True
    any_text = False
    for run in _runs(p):
        rpr = run.find(W + "rPr")
        text = _run_text(run)
        if not text:
            continue
        char_chain = _style_chain(state, _rstyle(rpr))
        bold = _flag(rpr, "b")
        if bold is None:
            bold = next(
                (b for s in char_chain if (b := _flag(s.find(W + "rPr"), "b")) is not None), style_bold
            )
        font = _font_of(rpr) or next(
            (f for s in char_chain if (f := _font_of(s.find(W + "rPr")))), style_font
        )
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
        align=_alignment(ppr, chain),
        indent=_indent(ppr, chain),
        heading=heading,
    )


def _default_paragraph_style(state: _State) -> str | None:
    for style_id, style in state.styles.items():
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
            return str(style_id)
    return None


def _rstyle(rpr: Any) -> str | None:
    el = rpr.find(W + "rStyle") if rpr is not None else None
    return str(el.get(W + "val")) if el is not None else None


def _runs(p: Any) -> list[Any]:
    """Runs of this paragraph, without tracked deletions or nested text-box paragraphs."""
    out: list[Any] = []
    for run in p.iter(W + "r"):
        parent = run.getparent()
        keep = True
        while parent is not None and parent is not p:
            if parent.tag in (W + "del", W + "p", W + "txbxContent", W + "moveFrom"):
                keep = False
                break
            parent = parent.getparent()
        if keep:
            out.append(run)
    return out


def _run_text(run: Any) -> str:
    parts: list[str] = []
    for el in run.iterchildren():
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append("•")
    return "".join(parts)


def _alignment(ppr: Any, chain: list[Any]) -> str | None:
    for holder in [ppr, *[s.find(W + "pPr") for s in chain]]:
        jc = holder.find(W + "jc") if holder is not None else None
        if jc is not None:
            return _ALIGN.get(str(jc.get(W + "val")))
    return None


def _indent(ppr: Any, chain: list[Any]) -> int:
    for holder in [ppr, *[s.find(W + "pPr") for s in chain]]:
        ind = holder.find(W + "ind") if holder is not None else None
        if ind is not None:
            left = _twips(ind.get(W + "left") or ind.get(W + "start"))
            first = _twips(ind.get(W + "firstLine")) - _twips(ind.get(W + "hanging"))
            return max(0, round((left + first) / 20))
    return 0


def _twips(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0


Cell = list[_Para]


def _rows(tbl: Any, state: _State) -> list[tuple[list[Cell], bool]]:
    """Rows of a table as grid cells: a horizontally merged cell is followed by empty cells so
    every row has the grid's width; a vertically continued cell is empty."""
    rows: list[tuple[list[Cell], bool]] = []
    for tr in tbl.iterchildren(W + "tr"):
        trpr = tr.find(W + "trPr")
        header = trpr is not None and _flag(trpr, "tblHeader") is True
        cells: list[Cell] = []
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = 1
            continued = False
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = max(1, _twips(gs.get(W + "val")))
                vm = tcpr.find(W + "vMerge")
                continued = vm is not None and vm.get(W + "val", "continue") == "continue"
            paras: Cell = []
            if not continued:
                for el in tc.iter(W + "p"):
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


def _properties(document: Any, warnings: list[ParseWarning]) -> dict[str, str]:
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
