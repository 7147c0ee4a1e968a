"""The section tree of a document: the body's numbered parts, then each appendix ("PHỤ LỤC …", or an
attached document's capitalized heading) as a root of its own with its caption in the title."""

from __future__ import annotations

import regex

from ..readers.document import Table
from ..text import rx
from .paragraphs import Paragraph
from .patterns import ATTACHED_CAPTION, type_name_of
from .sections import SectionBuilder

Block = Paragraph | Table
_APPENDIX_ID = rx.compile(r"^PH[ỤU]\s*L[ỤU]C\s*(?:SỐ\s*)?([IVXL]+|\d{1,2})?\b", regex.IGNORECASE)


def _is_caption(block: Paragraph, builder: SectionBuilder) -> bool:
    """A bold or capitalized line right under an appendix heading continues its title."""
    if len(builder.stack) != 1 or block.marker is not None or ATTACHED_CAPTION.match(block.text):
        return False
    if not (block.bold or block.caps):
        return False
    node = builder.stack[0]
    return all(p.bold or p.caps for p in node.paragraphs[1:])


def build_outline(body: list[Block], appendix: list[Block], max_depth: int) -> SectionBuilder:
    builder = SectionBuilder(max_depth=max_depth)
    for block in body:
        if isinstance(block, Paragraph):
            builder.add(block)
    opened = False
    for block in appendix:
        if not isinstance(block, Paragraph):
            continue
        m = _APPENDIX_ID.match(block.text)
        if m:
            builder.open(f"PL{m.group(1) or ''}", m.group(1), block.text, block)
            opened = True
        elif opened and _is_caption(block, builder):
            node = builder.stack[0]
            node.title = f"{node.title} {block.text}".strip()
            node.paragraphs.append(block)
        elif not opened and type_name_of(block.text) and block.caps:
            # an attached document opens at its type line; issuer lines above it keep role "appendix"
            builder.open("PL", None, block.text, block)
            opened = True
        elif not opened and block.bold and not block.caps and block.marker is None:
            builder.open("PL", None, block.text, block)
            opened = True
        else:
            builder.add(block)
    return builder
