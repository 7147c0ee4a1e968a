"""Task tables: from physical rows (per page, header repeated, rows cut by page breaks) to logical
rows. Each step is a small pure function:

column_roles -> drop_header_rows -> merge_continuations -> classify_rows
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from ..readers.document import Table, TableRow
from ..text import rx
from ..text.fold import fold_ascii
from ..text.punct import CLAUSE_END, LOWER_START, join_fragments
from .numbering import is_roman, repair_row_number
from .paragraphs import is_caps

# Header words per column role, folded to ASCII so typos in marks ("CHỦ TRỊ", "PHÓI HỢP") still match.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("stt", "so tt", "tt", "so thu tu"),
    # "Cơ quan chủ trì theo dõi, đánh giá" in an indicator table follows a target up; it leads no task
    "monitor": ("theo doi", "danh gia"),
    "lead": (
        "chu tri",
        "don vi chu tri",
        "co quan chu tri",
        "chu tri thuc hien",
        "don vi thuc hien",
        "co quan thuc hien",
        "trach nhiem thuc hien",
        # "Phân công thực hiện", "Đơn vị được phân công", "Cơ quan đầu mối", "Đơn vị tham mưu"
        "phan cong thuc hien",
        "duoc phan cong",
        "dau moi",
        "don vi tham muu",
        "co quan tham muu",
    ),
    "support": ("phoi hop", "don vi phoi hop", "co quan phoi hop", "don vi tham gia", "co quan tham gia"),
    "product": ("san pham", "ket qua", "hinh thuc van ban"),
    "deadline": ("thoi gian", "thoi han", "tien do", "thoi diem", "han hoan thanh", "lo trinh"),
    "text": ("noi dung", "nhiem vu", "ten nhiem vu", "cong viec", "giai phap", "hoat dong", "de an"),
    "target": ("chi tieu", "muc tieu"),
}
# Checked in this order: the more specific role first ("Cơ quan chủ trì theo dõi" is a monitor,
# "Nhiệm vụ, giải pháp" text, "Chỉ tiêu" a target only when no column says "Nội dung").
_ROLE_ORDER = ("number", "monitor", "lead", "support", "product", "deadline", "text", "target")
_HEADER_CELL_MAX = 60
# roles a Task has a field for; any other column ("Cấp trình", "Chỉ tiêu" beside a task column,
# "Cơ quan theo dõi") is kept per task under its header
TASK_FIELDS = frozenset({"number", "text", "lead", "support", "product", "deadline"})
_COLUMN_NUMBER = rx.compile(r"^\(?\s*\d{1,2}\s*\)?$")
_ROW_NUMBER = rx.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXL]{1,5}|[A-ZĐ])\.?$")
# Only the end of a merged cell can match an end-anchored pattern; searching the whole cell made
# merging N continuation rows quadratic (10,000 unnumbered rows took 9 s).
_TAIL = 64


@dataclass(slots=True)
class LogicalRow:
    cells: dict[str, str]
    line_start: int
    line_end: int
    page: int | None
    pages: list[int] = field(default_factory=list)
    parts: int = 1
    kind: str = "task"  # "group" or "task"
    number_read_as: str = ""  # the number cell as written, when the sequence repaired it
    extra: dict[str, str] = field(default_factory=dict)  # columns no task field takes, by header
    char_start: int | None = None
    char_end: int | None = None

    @property
    def repaired(self) -> bool:
        return bool(self.number_read_as) and self.number_read_as != (self.number or "")

    @property
    def number(self) -> str | None:
        n = self.cells.get("number", "").strip().rstrip(".")
        return n or None


def _role_of(cell: str) -> str | None:
    key = fold_ascii(cell.replace("\n", " ")).strip(" :.*")
    if not key:
        return None
    for role in _ROLE_ORDER:
        for word in _ROLE_WORDS[role]:
            if key == word or (len(word) > 3 and word in key):
                return role
    return None


def column_roles(header: Sequence[str]) -> dict[str, int]:
    """Map roles to column indexes from a header row; the first column that claims a role wins.
    A table of indicators assigned to units ("TT | Chỉ tiêu | Chủ trì") has no task column: its
    indicator column is the task text, each row a task that is also a target."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = _role_of(cell)
        if role and role not in roles:
            roles[role] = i
    if "text" not in roles and "target" in roles and "lead" in roles:
        roles["text"] = roles.pop("target")
    return roles


def extra_columns(header: Sequence[str], roles: dict[str, int]) -> dict[int, str]:
    """Columns no role claims ("Cấp trình", "Cá nhân phụ trách"): kept per task by header name."""
    taken = set(roles.values())
    return {i: " ".join(c.split()) for i, c in enumerate(header) if i not in taken and c.strip()}


def is_task_header(cells: Sequence[str]) -> bool:
    """A header names its columns in a few words: a data row whose long cells happen to contain
    "nội dung" and "Chủ trì:" (a combined unit column) is no repeated header."""
    if any(len(c.strip()) > _HEADER_CELL_MAX for c in cells):
        return False
    roles = column_roles(cells)
    return "text" in roles and ("lead" in roles or "deadline" in roles)


def sub_header_roles(cells: Sequence[str]) -> dict[str, int]:
    """Roles of a second header row under merged cells ("Đơn vị thực hiện" over "Chủ trì | Phối
    hợp"): every filled cell names a role. Empty when the row is data."""
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    if any(len(c) > _HEADER_CELL_MAX for _, c in filled):
        return {}  # a header names its column in a few words; a long cell is data
    roles = {role: i for i, c in filled if (role := _role_of(c)) is not None}
    return roles if filled and len(roles) == len(filled) else {}


def is_column_number_row(cells: Sequence[str]) -> bool:
    """ "(1) (2) (3) …" under a header numbers the columns; it is not a task."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled)


def find_header(tables: Sequence[Table]) -> tuple[int, int] | None:
    """(table index, row index) of the first task-table header."""
    for ti, table in enumerate(tables):
        for ri, row in enumerate(table.rows[:5]):
            if is_task_header(row.cells):
                return ti, ri
    return None


def drop_header_rows(rows: Sequence[TableRow], header: Sequence[str]) -> list[TableRow]:
    """Remove repeated headers and column-number rows. The row after a repeated header opens a page."""
    header_key = [fold_ascii(c) for c in header]
    out: list[TableRow] = []
    after_header = False
    for row in rows:
        key = [fold_ascii(c) for c in row.cells]
        if key == header_key or row.is_header or is_task_header(row.cells) or sub_header_roles(row.cells):
            after_header = True
            continue
        if is_column_number_row(row.cells) or not any(c.strip() for c in row.cells):
            continue
        if after_header:
            row = replace(row, opens_page=True, is_header=False)
            after_header = False
        out.append(row)
    return out


def _cells(row: TableRow, roles: dict[str, int]) -> dict[str, str]:
    return {role: (row.cells[i].strip() if i < len(row.cells) else "") for role, i in roles.items()}


def is_continuation(row: dict[str, str], opens_page: bool, prev: LogicalRow | None) -> bool:
    """Is a row without a number the rest of the previous row (cut by a page break), or a task of its own?

    A task of its own carries its own lead unit and deadline and starts a new sentence after a
    finished one. Anything else without a number continues the row before it, most surely when it
    opens a page, has no task text, or starts in lower case."""
    if prev is None or prev.kind == "group":
        return False
    text = row.get("text", "")
    prev_text = prev.cells.get("text", "")
    if "number" not in row:
        return _fragment(row, text, prev_text)
    own = bool(
        row.get("lead")
        and (row.get("deadline") or "deadline" not in row)
        and text
        and not LOWER_START.match(text)
        and (not prev_text or CLAUSE_END.search(prev_text[-_TAIL:]))
    )
    if continues_enumeration(text, prev_text):
        return True
    if heading_only(row):
        return False  # a group heading that lost its number, not the rest of the row above
    if own:
        return False
    if not any(row.get(k) for k in ("lead", "support", "product", "deadline")):
        return True  # text alone under a numbered row: a task of its own would name who does it
    return (
        opens_page or not text or bool(LOWER_START.match(text)) or not CLAUSE_END.search(prev_text[-_TAIL:])
    )


def _fragment(row: dict[str, str], text: str, prev_text: str) -> bool:
    """In a table without an STT column every row is a task: a missing number says nothing. Only
    what cannot stand alone continues the row above (a page break cut it): text opening in lower
    case or going on with its enumeration, text with no unit or deadline beside it, or cells
    without text."""
    if not text:
        return True
    if LOWER_START.match(text) or continues_enumeration(text, prev_text):
        return True
    return not any(row.get(k) for k in ("lead", "support", "product", "deadline"))


_ENUM_START = rx.compile(r"^\(?(\d{1,2})\)")
_ROMAN_NUMBER = rx.compile(r"^[IVXL]{1,6}\.?$")


def continues_enumeration(text: str, prev_text: str) -> bool:
    """ "(5) …" after a row whose text enumerates "(1) … (4) …": a page break cut the row."""
    m = _ENUM_START.match(text)
    return bool(m) and f"({int(m.group(1)) - 1})" in prev_text[-2000:]


def heading_only(cells: dict[str, str]) -> bool:
    """Only a title in capitals, every other cell empty: a group heading, numbered or not."""
    text = cells.get("text", "")
    rest = any(v for k, v in cells.items() if k not in ("text", "number"))
    return not rest and len(text) <= 200 and is_caps(text)


def _is_group(cells: dict[str, str], number: str) -> bool:
    """A row numbered "1", "2" (or "I") with nothing but its title is a task group. A Roman row
    stays a group when a page break spilled the row above's deadline into it ("năm tiếp theo")."""
    if _ROMAN_NUMBER.match(number) and not any(cells.get(k) for k in ("lead", "support", "product")):
        return True
    if not number and heading_only(cells):
        return True  # "| | HẠ TẦNG VÀ DỮ LIỆU | | |": a group whose number the scan or copy lost
    empty_rest = not any(cells.get(k) for k in ("lead", "support", "product", "deadline"))
    return bool(number) and "." not in number and empty_rest


_GROUP_IN_TEXT = rx.compile(r"^([IVXL]{1,5}|[A-Z])\s*[.)]\s+(\S.*)$", regex.DOTALL)


def number_in_text(cells: dict[str, str]) -> dict[str, str]:
    """A group heading written in the text column with the STT cell empty ("| | I. Kinh tế số | |"):
    its number moves to the number column."""
    m = _GROUP_IN_TEXT.match(cells.get("text", ""))
    if cells.get("number") or m is None or any(cells.get(k) for k in ("lead", "support", "product")):
        return cells
    return {**cells, "number": m.group(1), "text": m.group(2).strip()}


def _extra(row: TableRow, extras: dict[int, str]) -> dict[str, str]:
    return {name: row.cells[i].strip() for i, name in extras.items() if i < len(row.cells)}


def merge_continuations(
    rows: Sequence[TableRow], roles: dict[str, int], extras: dict[int, str] | None = None
) -> list[LogicalRow]:
    extras = extras or {}
    out: list[LogicalRow] = []
    last_number: str | None = None
    last_roman: str | None = None
    for row in rows:
        cells = number_in_text(_cells(row, roles))
        number = cells.get("number", "").strip()
        repaired = (
            repair_row_number(number, last_number, last_roman) if number and cells.get("text") else None
        )
        if repaired is not None:
            cells["number"], number = repaired, repaired
        elif number and not _ROW_NUMBER.match(number):
            number = ""  # stray text in the STT column is not a number
        prev = out[-1] if out else None
        if not number and prev is not None and is_continuation(cells, row.opens_page, prev):
            for role, value in cells.items():
                prev.cells[role] = join_fragments(prev.cells.get(role, ""), value)
            for name, value in _extra(row, extras).items():
                prev.extra[name] = join_fragments(prev.extra.get(name, ""), value)
            prev.line_end = row.line_end or row.line
            prev.char_end = row.char_end if prev.char_end is not None else None
            prev.parts += 1
            if row.page is not None and row.page not in prev.pages:
                prev.pages.append(row.page)
            continue
        if number:
            last_number = number.rstrip(".")
            if is_roman(last_number):
                last_roman = last_number
        out.append(
            LogicalRow(
                cells=cells,
                line_start=row.line,
                line_end=row.line_end or row.line,
                page=row.page,
                pages=[row.page] if row.page is not None else [],
                char_start=row.char_start,
                char_end=row.char_end,
                kind="group" if _is_group(cells, number) else "task",
                number_read_as=number if repaired is None else row.cells[roles["number"]].strip(),
                extra=_extra(row, extras),
            )
        )
    return out


def classify_rows(rows: list[LogicalRow]) -> list[LogicalRow]:
    """Groups again after merging: a continuation may have filled a row's other cells."""
    for row in rows:
        row.kind = "group" if _is_group(row.cells, row.number or "") else "task"
    return rows


def task_rows(tables: Sequence[Table]) -> tuple[list[LogicalRow], list[TableRow]]:
    """All logical rows of the document's task table(s), and rows of other tables left unplaced."""
    found = find_header(tables)
    if found is None:
        return [], [row for t in tables for row in t.rows]
    ti, ri = found
    header = tables[ti].rows[ri].cells
    roles = column_roles(header)
    below = tables[ti].rows[ri + 1].cells if ri + 1 < len(tables[ti].rows) else []
    sub = sub_header_roles(below)
    if sub:  # a two-row header: the lower row names the columns under the merged cell
        taken = set(sub.values())
        roles = {r: i for r, i in roles.items() if i not in taken and r not in sub} | sub
    physical: list[TableRow] = list(tables[ti].rows[ri + 1 :])
    leftovers = [row for t in tables[:ti] for row in t.rows] + list(tables[ti].rows[:ri])
    for table in tables[ti + 1 :]:
        # a later table with the same columns continues the task table (a new page, a new section)
        if len(table.rows[0].cells) == len(header):
            physical.extend(table.rows)
        else:
            leftovers.extend(table.rows)
    roles = _fill_roles(roles, [column_roles(r.cells) for r in physical if is_task_header(r.cells)])
    rows = drop_header_rows(physical, header)
    extras = extra_columns(header, {r: i for r, i in roles.items() if r in TASK_FIELDS})
    return classify_rows(merge_continuations(rows, roles, extras)), leftovers


def _fill_roles(roles: dict[str, int], repeats: list[dict[str, int]]) -> dict[str, int]:
    """The header repeats on every page; a role a misread copy lost ("THỜI HIỆN") is taken from
    another copy, when its column is still free."""
    out = dict(roles)
    for other in repeats:
        for role, column in other.items():
            if role not in out and column not in out.values():
                out[role] = column
    return out
