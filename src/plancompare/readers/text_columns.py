"""Side-by-side blocks in plain text: Word and PDF exports put the NĐ 30 header (issuer | Quốc hiệu,
Số | place and date) and the closing (Nơi nhận | signature) on shared lines, the two halves apart by
a wide gap. A run of lines with one wide gap at about the same position is such a block; its left
column is read first, then its right column, as the PDF reader does. A page break (a form feed,
as pdftotext writes it) ends a block: the next page's title is not the signature's neighbour."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..structure.patterns import type_name_of
from ..text import rx

# A recipient list ("- Bộ Tài chính;") runs on beside the space left for the signature: the
# signer's name may come that many lines further down.
LIST_LOOKAHEAD = 12
_LIST_ITEM = rx.compile(r"^[-+•]\s")


@cache
def _gaps(width: int) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a line with one gap of `width`+ spaces split in two, any such gap)."""
    return (
        rx.compile(rf"^(\s*\S.*?\S|\s*\S)(\s{{{width},}})(\S.*?)\s*$"),
        rx.compile(rf"\S\s{{{width},}}\S"),
    )


@dataclass(frozen=True, slots=True)
class Cut:
    """One source line of a block: its left part, its right part, and where the right part starts."""

    line: int
    left: str
    right: str
    x: int | None  # start of the right part; None for a left-only line


def _cut(line: int, raw: str, split_x: int | None, settings: LayoutSettings) -> Cut | None:
    """How `raw` sits in a two-column block whose right column starts near `split_x`."""
    one_gap, wide_gap = _gaps(settings.side_gap)
    if len(wide_gap.findall(raw)) == 1:
        m = one_gap.match(raw)
        if m:
            x = m.start(3)
            if split_x is None or abs(x - split_x) <= settings.side_slack:
                return Cut(line, m.group(1).strip(), m.group(3).strip(), x)
        return None
    if wide_gap.search(raw):
        return None  # several gaps: a table row, not two columns
    indent = len(raw) - len(raw.lstrip())
    if split_x is not None and indent >= split_x - settings.side_slack // 2:
        return Cut(line, "", raw.strip(), indent)
    return Cut(line, raw.strip(), "", None)


def find_blocks(
    rows: list[tuple[int, str]], settings: LayoutSettings = DEFAULT_LAYOUT
) -> list[tuple[int, int, list[Cut]]]:
    """(first index, end index, cuts) of every two-column block among the non-blank `rows`."""
    blocks: list[tuple[int, int, list[Cut]]] = []
    i = 0
    while i < len(rows):
        first = _cut(*rows[i], None, settings)
        if first is None or first.x is None or not first.left:
            i += 1
            continue
        cuts, j, split_x = [first], i + 1, first.x
        while j < len(rows) and "\f" not in rows[j][1]:  # a page break ends the block
            cut = _cut(*rows[j], split_x, settings)
            if cut is None or type_name_of(cut.right or cut.left):
                break  # "KẾ HOẠCH" centred below the header opens the title, whatever its indent
            if cut.x is None:  # left-only: keep it only if the right column goes on below
                reach = LIST_LOOKAHEAD if _LIST_ITEM.match(cut.left) else settings.side_lookahead
                ahead = [_cut(*r, split_x, settings) for r in rows[j + 1 : j + 1 + reach]]
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
