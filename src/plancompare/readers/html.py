"""HTML: a web page saved from a legal-document site or a portal, or Word's "Save as HTML".

Parsed with lxml's HTML parser (libxml2: fast, and it repairs the broken markup portals serve);
`html_walk` turns the element tree into lines and table grids, `grid_items` turns each grid into a
table or, for a header or signature block laid out in a two-column table, into column lines — as
for DOCX and web copies. The site around the document (banner, info box, related documents) is
set aside by the same rule as for web copies (`site.document_bounds`), over the page's text lines
in reading order; the site's info box is kept as a hint only.

Provenance: `line` is the position of a line among the page's text lines in reading order (what a
text dump of the page would number), character offsets are None: they would point into markup.
"""

from __future__ import annotations

import codecs
from typing import Any

import regex

from ..errors import UnreadableDocument
from ..model import warning_codes as codes
from ..model.source import SourceInfo
from ..model.warnings import ParseWarning
from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx
from ..text.normalize import nfc
from .document import Furniture, FurnitureKind, Item, Line, RawDocument
from .encoding import Decoded, decode
from .grid import Grid, grid_chars, grid_items
from .html_walk import Entry, TextLine, Walker
from .site import document_bounds
from .text_tables import furniture_chars

# <meta charset="windows-1258"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
_META_CHARSET = rx.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([\w.:-]+)", regex.IGNORECASE)
_XML_PROLOG = rx.compile(r"^\s*<\?xml[^>]*>")


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first bytes, when Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_html(data: bytes) -> Decoded:
    """Bytes of a page as text. A BOM wins; a declared Windows-1258 is taken at its word (its
    bytes may happen to be valid UTF-8); anything else goes through the text formats' detection,
    which also tells TCVN3/VNI pages (declared as Latin-1 by the sites that serve them)."""
    bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not bom and declared_charset(data) == "cp1258":
        return Decoded(data.decode("cp1258", errors="replace"), "cp1258")
    return decode(data)


def _parse(text: str, source: SourceInfo) -> Any:
    import lxml.etree
    import lxml.html

    # lxml refuses a str that carries an XML encoding declaration (Word writes one).
    text = _XML_PROLOG.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(
            f"{source.path}: not a readable HTML page ({exc}); save the page again"
        ) from exc


def _entry_texts(entry: Entry) -> list[str]:
    """An entry's text lines as a web copy writes them: a table's cells each closed by a `|` line,
    so that the site rule finds the header table's issuer cell beside the Quốc hiệu."""
    if isinstance(entry, TextLine):
        return [entry.text]
    out: list[str] = []
    for row in entry.rows:
        out.append("|")
        for cell in row.cells:
            out.extend(ln.text for ln in cell.lines)
            out.append("|")
    return out


def _entry_furniture(entry: Entry) -> list[Furniture]:
    if isinstance(entry, TextLine):
        return [_furniture(entry)]
    return [
        Furniture(text=ln.text, line=ln.line, kind=FurnitureKind.SITE)
        for row in entry.rows
        for cell in row.cells
        for ln in cell.lines
    ]


def _furniture(line: TextLine) -> Furniture:
    return Furniture(text=line.text, line=line.number, kind=FurnitureKind.SITE)


def _items(entry: Entry, layout: LayoutSettings) -> list[Item]:
    if isinstance(entry, Grid):
        return grid_items(entry, layout)
    return [
        Line(text=entry.text, line=entry.number, bold=entry.bold, heading=entry.heading, align=entry.align)
    ]


def split_site(entries: list[Entry]) -> tuple[list[Entry], list[Entry], dict[str, str]]:
    """(the document's entries, the site's entries around them, the site's info box), by the
    web-copy rule run over the page's text lines in reading order."""
    flat: list[str] = []
    owner: list[int] = []
    for k, entry in enumerate(entries):
        texts = _entry_texts(entry)
        flat.extend(texts)
        owner.extend([k] * len(texts))
    bounds = document_bounds(flat)
    if not flat or (bounds.start == 0 and bounds.end >= len(flat)):
        return entries, [], bounds.hint
    first = owner[bounds.start] if bounds.start < len(flat) else len(entries)
    last = owner[bounds.end - 1] if bounds.end > bounds.start else first - 1
    inside = entries[first : last + 1]
    return inside, [*entries[:first], *entries[last + 1 :]], bounds.hint


def read_html(text: str, source: SourceInfo, layout: LayoutSettings = DEFAULT_LAYOUT) -> RawDocument:
    root = _parse(nfc(text), source)
    walker = Walker()
    entries = walker.read(root)
    document, site, hint = split_site(entries)
    furniture = [_furniture(t) for t in walker.furniture] + [f for e in site for f in _entry_furniture(e)]
    furniture.sort(key=lambda f: f.line)
    items = [item for entry in document for item in _items(entry, layout)]
    if not items:
        raise UnreadableDocument(
            f"{source.path}: the HTML page holds no document text (only the site's menus, banners or "
            "scripts); open the document's own page or download the file itself"
        )
    warnings = []
    if furniture:
        warnings.append(
            ParseWarning(
                code=codes.SITE_FURNITURE,
                message=f"{len(furniture)} line(s) of website furniture around the document were set aside",
            )
        )
    return RawDocument(
        source=source,
        items=items,
        total_chars=grid_chars(items) + furniture_chars(furniture),
        warnings=warnings,
        furniture=furniture,
        site_hint=hint,
    )
