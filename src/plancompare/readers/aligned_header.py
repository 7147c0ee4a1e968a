"""The header of a space-aligned table: the lines before its first numbered row, the blocks that
repeat it after a page break (or in the middle of a page, where a typeset table repeats it), and
the position of each column's label, which anchors the columns of the rows below it."""

from __future__ import annotations

from ..text import rx

HEADER_SHARE = 0.75  # words of a line that must be the header's for it to repeat the header

_WORD = rx.compile(r"\S+")
# what the first column of a task row holds: "1", "1.2", "1.", "II", "a)"
ROW_NUMBER = rx.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$")


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def first_word(line: str) -> str:
    m = _WORD.search(line)
    return m.group(0) if m else ""


def _header_words(words: list[str], vocabulary: set[str]) -> bool:
    """Words of a repeated header: (nearly) all the header's own, a typo of the copy allowed."""
    return bool(words) and sum(w in vocabulary for w in words) >= HEADER_SHARE * len(words)


def header_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to the header: the lines before the first numbered row, and blocks
    repeating it after a page break (each line's words all among the header's, one of them
    opening with the header's first word, "STT"). Case counts: "thực hiện" wrapped in a cell is
    not the header's "THỰC HIỆN"."""
    left = min(indent(x) for x in lines)
    first = next(
        (k for k, x in enumerate(lines) if indent(x) <= left + 3 and ROW_NUMBER.match(first_word(x))), None
    )
    if not first:
        return [k == 0 for k in range(len(lines))]
    vocabulary = {w for x in lines[:first] for w in x.split()}
    opener = first_word(min(lines[:first], key=indent))
    inside = [_header_words(x.split(), vocabulary) for x in lines]
    out = [k < first for k in range(len(lines))]
    k = first
    while k < len(lines):
        if not inside[k]:
            k += 1
            continue
        end = k
        while end < len(lines) and inside[end]:
            end += 1
        if any(first_word(x) == opener for x in lines[k:end]):
            out[k:end] = [True] * (end - k)
        k = end
    return out


def header_blocks(header: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each block of header lines."""
    out: list[tuple[int, int]] = []
    for k, h in enumerate(header):
        if h and (k == 0 or not header[k - 1]):
            out.append((k, k + 1))
        elif h:
            out[-1] = (out[-1][0], k + 1)
    return out


def page_starts(header: list[bool]) -> list[int]:
    """Where each page of the table starts: at the table's top and at each repeated header."""
    return [k for k in range(len(header)) if k == 0 or (header[k] and not header[k - 1])]


def label_spans(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each column's label in a header block: runs of text that no blank column
    of at least two positions cuts ("THỜI" / "GIAN" stacked in one column are one label)."""
    width = max((len(x) for x in lines), default=0)
    filled = [False] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for x in range(m.start(), m.end()):
                filled[x] = True
    spans: list[tuple[int, int]] = []
    x = 0
    while x < width:
        if not filled[x]:
            x += 1
            continue
        end = x
        while end < width and (filled[end] or (end + 1 < width and filled[end + 1])):
            end += 1
        spans.append((x, end))
        x = end
    return spans
