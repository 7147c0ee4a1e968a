"""Page furniture in text exports: what a printer or a signing system put on every page, not the
document's text. Found by pattern and by repetition across pages:

- page markers: `===== Trang 4 =====`, `Trang 3/12`, `- 5 -`, `Page 2 of 9`;
- electronic-signature stamps: `28-07-2026 18:08:51 +07:00`, "Ký bởi: …", "Thời gian ký: …";
- running headers and footers: a short line repeated on several pages whose only change is a
  number (`18.CTRTW31.DOC 2`, `… 3`), or a file name;
- form feeds (`\\f`) mark page breaks; the character itself is whitespace.

The lines are counted in accounting as `page_furniture` and never become sections or tasks.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import regex

from ..options import DEFAULT_LAYOUT, LayoutSettings
from ..text import rx

_PAGE_MARKER = rx.compile(
    r"^\s*(?:[=\-_*#]{2,}\s*)?(?:trang|page)\s+\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?(?:\s*[=\-_*#]{2,})?\s*$"
    r"|^\s*[-–]\s*\d{1,4}\s*[-–]\s*$",
    regex.IGNORECASE,
)
_SIGN_STAMP = rx.compile(
    r"^\s*\d{2}[-/.]\d{2}[-/.]\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{2}:?\d{2})?\s*$"
    r"|^\s*(?:ký bởi|người ký|thời gian ký|cơ quan|email)\s*:.*(?:\d{2}:\d{2}|@|\+07)",
    regex.IGNORECASE,
)
_FILE_NAME = rx.compile(r"\.(?:docx?|pdf|odt|rtf)\b", regex.IGNORECASE)
_DIGITS = rx.compile(r"\d+")


def _key(line: str) -> str:
    return str(_DIGITS.sub("#", " ".join(line.split()).casefold()))


def _counter_position(rows: list[list[str]]) -> int | None:
    """Where the page counter is among a repeated line's numbers: the one position (first or last)
    whose value changes and grows from one occurrence to the next; None when there is none."""
    if not rows or len({len(r) for r in rows}) != 1 or not rows[0]:
        return None
    varying = [k for k in range(len(rows[0])) if len({r[k] for r in rows}) > 1]
    if len(varying) != 1 or varying[0] not in (0, len(rows[0]) - 1):
        return None
    values = [int(r[varying[0]]) for r in rows]
    return varying[0] if all(a < b for a, b in itertools.pairwise(values)) else None


def _in_table(lines: list[str], i: int) -> bool:
    """A line beside a `|` separator is a web copy's table cell; a pipe or tab row is a table row."""
    near = [lines[k].strip() for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return "|" in near or "\t" in lines[i] or lines[i].count("|") >= 2


def _by_repetition(lines: list[str], candidates: list[int], settings: LayoutSettings) -> set[int]:
    """Short lines repeated at least three times, far apart, whose only change is a growing number
    at one end (a page number), or that name a file: running headers and footers."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i in candidates:
        text = lines[i].strip()
        if 4 <= len(text) <= settings.furniture_max_len and regex.search(r"\p{L}{3}", text):
            groups[_key(text)].append(i)
    out: set[int] = set()
    for key, where in groups.items():
        repeats = settings.furniture_min_repeats
        if len(where) < repeats or (where[-1] - where[0]) / (len(where) - 1) < settings.furniture_min_spacing:
            continue
        # a web copy's cells repeat too ("Sở Tài chính"): most occurrences must stand outside tables
        # (a file name is furniture wherever it stands)
        if not _FILE_NAME.search(key) and sum(not _in_table(lines, i) for i in where) < repeats - 1:
            continue
        counter = _counter_position([_DIGITS.findall(lines[i]) for i in where])
        if counter is not None or _FILE_NAME.search(key):
            out.update(where)
    return out


def page_furniture(
    lines: list[str], start: int = 0, end: int | None = None, settings: LayoutSettings = DEFAULT_LAYOUT
) -> set[int]:
    """Indexes (0-based) of the furniture lines among lines[start:end]."""
    end = len(lines) if end is None else end
    found = {i for i in range(start, end) if _PAGE_MARKER.match(lines[i]) or _SIGN_STAMP.match(lines[i])}
    rest = [i for i in range(start, end) if i not in found and lines[i].strip()]
    return found | _by_repetition(lines, rest, settings)
