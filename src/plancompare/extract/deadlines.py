"""Deadlines: a table's "Thời gian thực hiện" cell, or a deadline phrase inside body text.

Kinds (see CONTRACT): continuous ("Thường xuyên"), date ("Tháng 8/2025" -> 2025-08-31, "Quý III/2026",
"trong năm 2026", "trước ngày 01/01/2030"), annual ("Hằng năm", "định kỳ hằng năm (trước ngày
01/10)" -> day_month 01/10), period ("giai đoạn 2026 - 2030"), per_schedule ("Theo kế hoạch của…",
"Theo tiến độ…"). When a cell holds several cues, the first one written decides the kind.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from ..model.deadlines import Deadline, DeadlineKind
from ..text import rx
from ..text.fold import fold_case as fold

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

CONTINUOUS = rx.compile(r"\b(?:thường xuyên|liên tục|hằng ngày|hàng ngày)\b")
ANNUAL = rx.compile(r"\b(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm\b|\bđịnh kỳ\b")
PER_SCHEDULE = rx.compile(
    r"\btheo\s+(?:kế hoạch|tiến độ|lộ trình|yêu cầu|chỉ đạo|thời gian|quy định)\b|\bkhi có yêu cầu\b"
)
PERIOD = rx.compile(r"\bgiai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})\b|\b(\d{4})\s*[-–]\s*(\d{4})\b")
DAY_MONTH = rx.compile(
    r"\b(?P<before>trước|chậm nhất(?:\s+(?:đến|vào|là|trước))?|không muộn hơn|hoàn thành|xong|hạn)?\s*(?:ngày\s*)?(?P<d>\d{1,2})\s*(?:/|-|\s+tháng\s+)"
    r"\s*(?P<m>\d{1,2})(?:\s*(?:/|-|\s+năm\s+)\s*(?P<y>\d{4}))?\b"
)
MONTH = rx.compile(r"\btháng\s+(?P<m>\d{1,2})\s*(?:/|-|\s+năm\s+)\s*(?P<y>\d{4})\b")
# "Tháng 9 - 10/2025", "từ tháng 9 đến tháng 12/2025": by the end of the last month (not "9/10/2025")
MONTH_RANGE = rx.compile(
    r"\btháng\s+(?P<m0>\d{1,2})\s*(?:[-–]|đến|tới)\s*(?:tháng\s+)?(?P<m>\d{1,2})\s*(?:/|-|\s+năm\s+)\s*(?P<y>\d{4})\b"
)
QUARTER = rx.compile(r"\bquý\s+(?P<q>iv|i{1,3}|[1-4])\s*(?:/|-|\s+năm\s+)\s*(?P<y>\d{4})\b")
YEAR = rx.compile(r"\b(?:trong|cuối|hết|trước|đến)\s+năm\s+(?P<y>\d{4})\b")
# a cell that is only a year ("Năm 2026", "2026") means within that year
BARE_YEAR = rx.compile(r"^\s*(?:năm\s+)?(?P<y>(?:19|20)\d{2})\s*\.?\s*$")
# a cell that is only a month ("6/2025", "01/2025"): by the end of that month. Only a whole cell:
# in running text "6/2025" may be part of a document number.
BARE_MONTH = rx.compile(r"^\s*(?:tháng\s+)?(?P<m>0?[1-9]|1[0-2])\s*/\s*(?P<y>(?:19|20)\d{2})\s*\.?\s*$")
_RUNNING_DUE = rx.compile(
    r"\b(?:trong|trước|hết|cuối|đến hết|xong|hoàn thành)\s+(?:trong\s+)?(?:tháng\s+\d{1,2}\s*(?:/|-|\s+năm\s+)\s*\d{4}"
    r"|quý\s+(?:iv|i{1,3}|[1-4])\s*(?:/|-|\s+năm\s+)\s*\d{4}|năm\s+\d{4})\b"
)
_BEFORE = rx.compile(r"\b(?:trước|chậm nhất|không muộn hơn)\b")
# in running text "thường xuyên" is a deadline only where it says when the act is done ("thực hiện
# thường xuyên", "Thời gian thực hiện: thường xuyên"); "thường xuyên tuyên truyền" is a manner
_RUNNING_CONTINUOUS = rx.compile(
    r"\b(?:thực hiện|triển khai|tổ chức thực hiện|thời gian(?:\s+thực hiện)?\s*:|thời hạn\s*:)\s*"
    r"(?:thường xuyên|liên tục|hằng ngày|hàng ngày)(?:\s*,\s*(?:thường xuyên|liên tục))?\b"
)
# in running text, "hằng năm" marks a deadline only next to an act done each year
_ANNUAL_ACT = rx.compile(
    r"(?:định kỳ[^.;]{0,30}?(?:hằng|hàng)\s+năm|(?:hằng|hàng)\s+năm[^.;]{0,6}?\b(?:báo cáo|tổng hợp|sơ kết|tổng kết|đánh giá|"
    r"rà soát|xây dựng|tổ chức|thực hiện)|(?:báo cáo|tổng hợp|rà soát|đánh giá|sơ kết|tổng kết|kiểm tra|điều tra)"
    r"[^.;]{0,40}?(?:hằng|hàng)\s+năm)"
)


def _end_of_month(year: int, month: int) -> str | None:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
    except calendar.IllegalMonthError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class _Cue:
    at: int
    kind: DeadlineKind
    match: regex.Match[str]


def _cues(t: str) -> list[_Cue]:
    cues: list[_Cue] = []
    for pattern, kind in (
        (CONTINUOUS, DeadlineKind.CONTINUOUS),
        (ANNUAL, DeadlineKind.ANNUAL),
        (PER_SCHEDULE, DeadlineKind.PER_SCHEDULE),
        (QUARTER, DeadlineKind.DATE),
        (MONTH_RANGE, DeadlineKind.DATE),
        (MONTH, DeadlineKind.DATE),
        (YEAR, DeadlineKind.DATE),
        (PERIOD, DeadlineKind.PERIOD),
    ):
        m = pattern.search(t)
        if m:
            cues.append(_Cue(m.start(), kind, m))
    m = DAY_MONTH.search(t)
    if m and (m.group("y") or m.group("before")):
        cues.append(_Cue(m.start(), DeadlineKind.DATE, m))
    return sorted(cues, key=lambda c: (c.at, c.kind is not DeadlineKind.DATE))


def _date_of(m: regex.Match[str]) -> str | None:
    groups = m.groupdict()
    if "q" in groups and groups.get("q"):
        q = _ROMAN_Q[groups["q"]]
        return _end_of_month(int(groups["y"]), q * 3)
    if "d" in groups and groups.get("d"):
        if groups.get("y"):
            return _iso(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        return None
    if "m" in groups and groups.get("m"):
        return _end_of_month(int(groups["y"]), int(groups["m"]))
    if groups.get("y"):
        return f"{int(groups['y']):04d}-12-31"
    return None


def parse_deadline(text: str | None) -> Deadline:
    """Type a deadline cell. Unknown wording is kept as text with kind "other"."""
    if text is None or not text.strip():
        return Deadline()
    t = fold(text)
    d = Deadline(text=text.strip(), kind=DeadlineKind.OTHER)
    cues = _cues(t)
    bare = BARE_YEAR.match(t) or BARE_MONTH.match(t)
    if bare:
        cues = [_Cue(0, DeadlineKind.DATE, bare)]
    if not cues:
        return d
    first = cues[0]
    d.kind = first.kind
    d.before = bool(_BEFORE.search(t))
    dm = DAY_MONTH.search(t)
    if first.kind is DeadlineKind.ANNUAL:
        d.recurs = "annual"
        if dm and not dm.group("y"):
            d.day_month = f"{int(dm.group('d')):02d}/{int(dm.group('m')):02d}"
    elif first.kind is DeadlineKind.DATE:
        d.date = _date_of(first.match)
        if d.date is None and dm and not dm.group("y"):
            d.kind, d.recurs = DeadlineKind.ANNUAL, "annual"
            d.day_month = f"{int(dm.group('d')):02d}/{int(dm.group('m')):02d}"
    period = PERIOD.search(t)
    if period and first.kind in (DeadlineKind.PERIOD, DeadlineKind.ANNUAL):
        years = [int(g) for g in period.groups() if g]
        d.year_from, d.year_to = years[0], years[1]
    return d


_SENTENCE = rx.compile(r"[^.;]+[.;]?")


def find_deadline(text: str) -> Deadline:
    """The first deadline stated inside running text (a body task), or kind "unspecified"."""
    found = find_deadlines(text)
    return found[0] if found else Deadline()


def find_deadlines(text: str) -> list[Deadline]:
    """Every deadline stated in running text, one per clause at most, in order."""
    out: list[Deadline] = []
    t = fold(text)
    for m in _SENTENCE.finditer(t):
        clause = m.group(0)
        start = m.start()
        cue = _ANNUAL_ACT.search(clause)
        dm = DAY_MONTH.search(clause)
        # running text is full of cited documents' dates ("số 1560/QĐ-TTg ngày 18/7/2025", "ngày 30
        # tháng 10 năm 2024"): only a date after a deadline word is a deadline
        dated = _RUNNING_DUE.search(clause) or (dm if dm and dm.group("before") else None)
        hit = cue or dated
        if hit is None:
            steady = _RUNNING_CONTINUOUS.search(clause)
            if steady is not None:
                out.append(parse_deadline(text[start + steady.start() : start + steady.end()]))
            continue
        spans = [(dated.start(), dated.end())] if dated is not None else []
        if cue is not None:
            # the phrase is "định kỳ … hằng năm" or "hằng năm", not the act around it
            yearly = regex.search(r"(?:hằng|hàng)\s+năm", clause[cue.start() : cue.end()])
            assert yearly is not None
            head = (
                cue.start() if clause[cue.start() :].startswith("định kỳ") else cue.start() + yearly.start()
            )
            spans.append((head, cue.start() + yearly.end()))
        lo = min(a for a, _ in spans)
        hi = max(b for _, b in spans)
        if dm is not None and dm.group("before") and (cue is not None or dated is dm):
            lo, hi = min(lo, dm.start()), max(hi, dm.end())
        if cue is not None:
            tail = regex.match(r"[^.;,]{0,12}?(?:hằng|hàng)\s+năm", clause[hi:])
            if tail:
                hi += tail.end()
        phrase = text[start + lo : start + hi].strip(" ,")
        parsed = parse_deadline(phrase)
        if cue is not None and parsed.kind is not DeadlineKind.ANNUAL and not (dated and not dm):
            parsed.kind, parsed.recurs, parsed.date = DeadlineKind.ANNUAL, "annual", None
        out.append(parsed)
    return out
