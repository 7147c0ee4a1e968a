"""Plain text: one Line per non-blank source line, with its indentation. Unwrapping is done later,
in `structure.paragraphs`, because the same rules serve PDF text too. Side-by-side blocks (header,
signature beside Nơi nhận) are read column by column (`text_columns`)."""

from __future__ import annotations

from ..model.source import SourceInfo
from ..text.normalize import line_offsets, nfc, non_space_len, split_lines
from .document import Line, RawDocument
from .text_columns import find_blocks


def _line(number: int, raw: str, start: int, end: int) -> Line:
    indent = len(raw) - len(raw.lstrip())
    return Line(text=" ".join(raw.split()), line=number, indent=indent, char_start=start, char_end=end)


def read_text(text: str, source: SourceInfo) -> RawDocument:
    source_lines = split_lines(nfc(text))
    offsets = line_offsets(source_lines)
    span = {n: (offsets[n - 1], offsets[n - 1] + len(raw)) for n, raw in enumerate(source_lines, start=1)}
    rows = [(n, raw.expandtabs(8)) for n, raw in enumerate(source_lines, start=1) if raw.strip()]
    blocks = {start: (end, cuts) for start, end, cuts in find_blocks(rows)}
    lines: list[Line] = []
    i = 0
    while i < len(rows):
        if i not in blocks:
            lines.append(_line(*rows[i], *span[rows[i][0]]))
            i += 1
            continue
        end, cuts = blocks[i]
        for column, part in ((1, "left"), (2, "right")):
            for cut in cuts:
                piece = getattr(cut, part)
                if piece:
                    lines.append(
                        Line(
                            text=" ".join(piece.split()),
                            line=cut.line,
                            column=column,
                            indent=0 if column == 1 else cut.x or 0,
                            char_start=span[cut.line][0],
                            char_end=span[cut.line][1],
                        )
                    )
        i = end
    return RawDocument(
        source=source,
        items=list(lines),
        total_chars=sum(non_space_len(ln.text) for ln in lines),
    )
