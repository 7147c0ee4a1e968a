"""Numeric targets in running text: "15%-20%", "từ 15-20%", "tối thiểu 15%", "dưới 1%/tổng dư nợ",
"không thấp hơn 20%", "3,5%", "16.508 tỷ đồng"; with the year ("đến năm 2030") and period
("hằng năm") stated in the same clause, and the metric phrase around the number."""

from __future__ import annotations

import regex

from ..model.targets import Comparator, Target
from ..text import rx
from ..text.fold import fold_case
from ..text.numbers import NUMBER_PATTERN, parse_vn_number

_N = NUMBER_PATTERN
_UNIT = r"%|tỷ đồng|triệu đồng|nghìn tỷ đồng|nghìn đồng|lượt|hộ|người|lao động"
TARGET = rx.compile(
    rf"(?P<cmp>≥|>=|≤|<=|>|<|tối thiểu|ít nhất|không thấp hơn|không dưới|không ít hơn|tối đa|không quá|không vượt quá|"
    rf"không cao hơn|thấp hơn|cao hơn|trên|dưới|khoảng|đạt|chiếm|từ)?\s*(?:(?<=\S\s)đạt\s+)?"
    rf"(?<![\d.,])(?P<v1>{_N})\s*(?:(?P<u1>%)(?:\s*(?:-|đến|tới)\s*(?P<v2a>{_N})\s*%?)?"
    rf"|(?:\s*(?:-|đến|tới)\s*(?P<v2>{_N}))?\s*(?P<unit>{_UNIT})(?!\p{{L}}))?"
    rf"(?P<after>\s*trở lên)?"
)
_CMP = {
    "tối thiểu": Comparator.GE, "ít nhất": Comparator.GE, "không thấp hơn": Comparator.GE,
    "không dưới": Comparator.GE, "không ít hơn": Comparator.GE, "tối đa": Comparator.LE,
    "không quá": Comparator.LE, "không vượt quá": Comparator.LE, "không cao hơn": Comparator.LE,
    "thấp hơn": Comparator.LT, "dưới": Comparator.LT, "cao hơn": Comparator.GT, "trên": Comparator.GT,
    "≥": Comparator.GE, ">=": Comparator.GE, "≤": Comparator.LE, "<=": Comparator.LE,
    ">": Comparator.GT, "<": Comparator.LT,
}  # fmt: skip
_BY_YEAR = rx.compile(
    r"(?:đến|tới|vào|trong)\s+(?:hết\s+)?năm\s+(\d{4})|(?:đến|tới)\s+(?:hết\s+)?(\d{4})\b", regex.IGNORECASE
)


def year_in(text: str) -> int | None:
    """The target year a text states ("đến năm 2030", "đến hết năm 2026"), the last one if several."""
    found = [m for m in _BY_YEAR.finditer(text)]
    if not found:
        return None
    m = found[-1]
    return int(m.group(1) or m.group(2))


_ANNUAL = rx.compile(r"(?:hằng|hàng|mỗi)\s+năm")
_CLAUSE = rx.compile(r"(?:[^;.\n]|\.(?=\S))+")  # "16.508" and "TP.HCM" do not end a clause
_FILLER = rx.compile(
    r"^(?:và|,|\s)+|(?:\s|,)+(?:đạt|chiếm|khoảng|từ|tối thiểu|ít nhất|dưới|trên|phấn đấu|phần đầu)?\s*$"
)
# money units need a count noun in front; counts of people need a context word, else every "10 người" is a target
_COUNT_UNITS = {"lượt", "hộ", "người", "lao động"}


# with these words any counted noun is a target: "ít nhất 05 dự án", "tối thiểu 1 trạm phát sóng"
_AT_LEAST_WORDS = {"tối thiểu", "ít nhất", "không dưới", "không ít hơn", "tối đa", "không quá"}
_NOUN = rx.compile(r"^\s*(\p{L}+(?:\s+\p{L}+)?)")


def _count_noun(after: str) -> str | None:
    m = _NOUN.match(after)
    return m.group(1) if m else None


_MARKER = rx.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.?|[-+•])\s+")


def _metric(clause: str, lo: int, start: int, end: int) -> str | None:
    before = _MARKER.sub("", clause[lo:start])
    before = regex.split(r",\s*(?=(?:phấn đấu|phần đầu|đến năm|và)\b)|:\s*", before)[-1]
    before = _BY_YEAR.sub("", before)
    before = regex.sub(r"\b(?:phấn đấu|phần đầu|hằng năm|hàng năm|mỗi năm)\b", "", before)
    before = _FILLER.sub("", before).strip(" ,")
    after = clause[end:]
    after = regex.split(r",|\s+và\s+đến|\s+và\s+(?=\S+\s+năm)", after)[0]
    after = after.lstrip(" /").strip()
    parts = [p for p in (before, after) if p]
    return " / ".join(parts) if parts else None


def find_targets(text: str) -> list[Target]:
    out: list[Target] = []
    for cm in _CLAUSE.finditer(text):
        clause = cm.group(0)
        folded = fold_case(clause)
        if len(folded) != len(clause):  # folding changed lengths (dash spacing): match on the original
            folded = clause.casefold()
        prev_end = 0
        for m in TARGET.finditer(folded):
            unit = "%" if m.group("u1") else m.group("unit")
            if unit is None and m.group("cmp") in _AT_LEAST_WORDS:
                unit = _count_noun(folded[m.end() :])  # "ít nhất 20 tập dữ liệu", "tối thiểu 2 dự án"
            if unit is None or (unit in _COUNT_UNITS and not m.group("cmp")):
                continue
            v1 = parse_vn_number(m.group("v1"))
            v2_text = m.group("v2") or m.group("v2a")
            v2 = parse_vn_number(v2_text) if v2_text else None
            cmp_word = m.group("cmp") or ""
            if v2 is not None:
                comparator = Comparator.RANGE
            elif m.group("after"):
                comparator = Comparator.GE
            else:
                comparator = _CMP.get(cmp_word, Comparator.EQ)
            window = folded[prev_end : m.start()]
            year_m = None
            for ym in _BY_YEAR.finditer(window):
                year_m = ym
            by_year = int(year_m.group(1) or year_m.group(2)) if year_m else None
            annual_m = None
            for am in _ANNUAL.finditer(window):
                annual_m = am
            period = "annual" if annual_m and (year_m is None or annual_m.start() > year_m.start()) else None
            if _ANNUAL.match(folded[m.end() :].lstrip()):  # "giảm 3,5% mỗi năm"
                period = "annual"
            if period and by_year and year_m and annual_m and year_m.start() > annual_m.start():
                period = None
            number_start = m.start("v1")
            out.append(
                Target(
                    text=clause[m.start() : m.end()].strip(),
                    metric=_metric(
                        clause, prev_end, number_start - len(cmp_word) - (1 if cmp_word else 0), m.end()
                    ),
                    comparator=comparator,
                    value=v1,
                    value_max=v2,
                    unit=unit,
                    by_year=by_year,
                    period=period,
                )
            )
            prev_end = m.end()
    return out
