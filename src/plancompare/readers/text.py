"""Plain text: one Line per non-blank source line, with its indentation. Unwrapping is done later,
in `structure.paragraphs`, because the same rules serve PDF text too."""

from __future__ import annotations

from ..model.source import SourceInfo
from ..text.normalize import nfc, non_space_len, split_lines
from .document import Line, RawDocument


def read_text(text: str, source: SourceInfo) -> RawDocument:
    lines: list[Line] = []
    for number, raw in enumerate(split_lines(nfc(text)), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        expanded = raw.expandtabs(8)
        indent = len(expanded) - len(expanded.lstrip())
        lines.append(Line(text=" ".join(stripped.split()), line=number, indent=indent))
    return RawDocument(
        source=source,
        items=list(lines),
        total_chars=sum(non_space_len(ln.text) for ln in lines),
    )
