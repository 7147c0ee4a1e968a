"""Side-by-side blocks in plain text: Word and PDF exports put the NĐ 30 header (issuer | Quốc hiệu,
Số | place and date) and the closing (Nơi nhận | signature) on shared lines, the two halves apart by
a wide gap. A run of lines with one wide gap at about the same position is such a block; its left
column is read first, then its right column, as the PDF reader does."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..structure.patterns import type_name_of

_ONE_GAP = regex.compile(r"^(\s*\S.*?\S|\s*\S)(\s{4,})(\S.*?)\s*$")
_WIDE_GAP = regex.compile(r"\S\s{4,}\S")
ALIGN_SLACK = 12  # characters the right half may wander between lines
LOOKAHEAD = 3  # a left-only line stays in the block when the right column goes on within this many lines


@dataclass(frozen=True, slots=True)
class Cut:
    """One source line of a block: its left part, its right part, and where the right part starts."""

    line: int
    left: str
    right: str
    x: int | None  # start of the right part; None for a left-only line


def _cut(line: int, raw: str, split_x: int | None) -> Cut | None:
    """How `raw` sits in a two-column block whose right column starts near `split_x`."""
    if len(_WIDE_GAP.findall(raw)) == 1:
        m = _ONE_GAP.match(raw)
        if m:
            x = m.start(3)
            if split_x is None or abs(x - split_x) <= ALIGN_SLACK:
                return Cut(line, m.group(1).strip(), m.group(3).strip(), x)
        return None
    if _WIDE_GAP.search(raw):
        return None  # several gaps: a table row, not two columns
    indent = len(raw) - len(raw.lstrip())
    if split_x is not None and indent >= split_x - ALIGN_SLACK // 2:
        return Cut(line, "", raw.strip(), indent)
    return Cut(line, raw.strip(), "", None)


def find_blocks(rows: list[tuple[int, str]]) -> list[tuple[int, int, list[Cut]]]:
    """(first index, end index, cuts) of every two-column block among the non-blank `rows`."""
    blocks: list[tuple[int, int, list[Cut]]] = []
    i = 0
    while i < len(rows):
        first = _cut(*rows[i], None)
        if first is None or first.x is None or not first.left:
            i += 1
            continue
        cuts, j, split_x = [first], i + 1, first.x
        while j < len(rows):
            cut = _cut(*rows[j], split_x)
            if cut is None or type_name_of(cut.right or cut.left):
                break  # "KẾ HOẠCH" centred below the header opens the title, whatever its indent
            if cut.x is None:  # left-only: keep it only if the right column goes on below
                ahead = [_cut(*r, split_x) for r in rows[j + 1 : j + 1 + LOOKAHEAD]]
                if not any(c is not None and c.x is not None for c in ahead):
                    break
            cuts.append(cut)
            j += 1
        if sum(1 for c in cuts if c.left and c.right) >= 2:
            blocks.append((i, j, cuts))
            i = j
        else:
            i += 1
    return blocks
