"""Mutations of a plan in markdown with an appendix task table, each with the findings it must cause.

Every mutation edits the markdown text, so the whole pipeline (reader, structure, extraction,
alignment, findings) runs on it. A mutation that changes a task changes it wherever the plan states
it (table row and body paragraph), as a real plan would. Expected findings are keyed
(kind, reference id or plan id for "added", aspect or None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

Expected = frozenset[tuple[str, str, str | None]]
_ROW = regex.compile(r"(?m)^(\d+(?:\.\d+)?)\t([^\t\n]*)")


@dataclass(frozen=True)
class Mutation:
    name: str
    text: str
    expected: Expected = field(default_factory=frozenset)


def _row_line(text: str, number: str) -> regex.Match[str]:
    for m in _ROW.finditer(text):
        if m.group(1) == number:
            return m
    raise KeyError(f"no table row {number}")


def _replace_once(text: str, old: str, new: str) -> str:
    if old not in text:
        raise KeyError(old)
    return text.replace(old, new, 1)


def _replace_all(text: str, old: str, new: str) -> str:
    if old not in text:
        raise KeyError(old)
    return text.replace(old, new)


def delete_task(text: str, number: str) -> str:
    """Drop the table row and the body paragraph that states the same task."""
    m = _row_line(text, number)
    line_end = text.find("\n", m.start())
    lead = m.group(2)[:50]
    text = text[: m.start()] + text[line_end + 1 :]
    body = regex.compile(r"(?m)^(?:[a-zđ]\)|-)\s+" + regex.escape(lead) + r"[^\n]*\n\n?")
    return body.sub("", text, count=1)


def set_row_cell(text: str, number: str, column: int, value: str) -> str:
    """Replace one cell of a single-line table row (column 0 = STT)."""
    m = _row_line(text, number)
    end = text.find("\n", m.start())
    cells = text[m.start() : end].split("\t")
    cells[column] = value
    return text[: m.start()] + "\t".join(cells) + text[end:]


def renumber(text: str, mapping: dict[str, str]) -> str:
    def sub(m: regex.Match[str]) -> str:
        return mapping.get(m.group(1), m.group(1)) + "\t" + m.group(2)

    return _ROW.sub(sub, text)


def swap_row_blocks(text: str, first: str, second: str) -> str:
    """Swap two consecutive blocks of table lines: group `first` (its heading row up to the next
    group) and group `second`."""
    lines = text.split("\n")

    def block(number: str) -> tuple[int, int]:
        start = next(i for i, ln in enumerate(lines) if ln.startswith(number + "\t"))
        end = start + 1
        while end < len(lines) and not regex.match(r"^\d+\t", lines[end]):
            end += 1
        return start, end

    (a0, a1), (b0, b1) = block(first), block(second)
    if a1 != b0:
        raise ValueError("blocks are not adjacent")
    return "\n".join(lines[:a0] + lines[b0:b1] + lines[a0:a1] + lines[b1:])


PARAPHRASES = [
    ("Tổ chức rà soát các chương trình, dự án", "Rà soát toàn bộ các chương trình, dự án"),
    ("Đẩy mạnh việc gắn kết chính sách", "Tăng cường gắn kết chính sách"),
    (
        "Tăng cường công tác kiểm tra, giám sát, thanh tra, kiểm toán",
        "Đẩy mạnh kiểm tra, giám sát, thanh tra và kiểm toán",
    ),
    ("Tiếp tục duy trì, thực hiện tốt mô hình", "Duy trì và thực hiện hiệu quả mô hình"),
    ("Vận động, khuyến khích sự tham gia của cộng đồng", "Khuyến khích, vận động cộng đồng tham gia"),
]

LOCAL_TASK = (
    "5.11\tXây dựng mô hình du lịch cộng đồng gắn với bảo tồn văn hóa đồng bào dân tộc Thái tại miền Tây "
    "Nghệ An\tSở Văn hóa, Thể thao và Du lịch\tUBND các xã, phường\tĐề án\tNăm 2026"
)


def build(text: str) -> list[Mutation]:
    """The mutation suite for the Nghệ An plan's layout (table rows "N.N<TAB>…")."""
    m: list[Mutation] = []

    def add(name: str, fn: Callable[[str], str], *expected: tuple[str, str, str | None]) -> None:
        m.append(Mutation(name, fn(text), frozenset(expected)))

    for number in ("3.2", "3.3", "4.3", "4.4", "5.3", "5.6"):
        add(f"delete-{number}", lambda t, n=number: delete_task(t, n), ("missing", number, None))
    add(
        "target-range-lower",
        lambda t: _replace_all(t, "khoảng 15%-20%", "khoảng 10%-15%"),
        ("divergent", "4.1", "target"),
    )
    add(
        "target-share-higher",
        lambda t: _replace_all(t, "chiếm 15%", "chiếm 18%"),
        ("divergent", "4.1", "target"),
    )
    add(
        "deadline-date-later",
        lambda t: set_row_cell(t, "1.2", 5, "Tháng 10/2025"),
        ("divergent", "1.2", "deadline"),
    )
    add(
        "deadline-report-earlier",
        lambda t: set_row_cell(t, "6", 5, "Định kỳ hằng năm (trước ngày 15/9)"),
        ("divergent", "6", "deadline"),
    )
    add(
        "deadline-kind",
        lambda t: set_row_cell(t, "4.4", 5, "Tháng 12/2026"),
        ("divergent", "4.4", "deadline"),
    )
    add(
        "lead-unit-4.4",
        lambda t: set_row_cell(t, "4.4", 2, "Sở Nông nghiệp và Môi trường"),
        ("divergent", "4.4", "lead_unit"),
    )
    add(
        "lead-unit-5.6",
        lambda t: set_row_cell(t, "5.6", 2, "Sở Tài chính"),
        ("divergent", "5.6", "lead_unit"),
    )
    add(
        "support-unit-5.3",
        lambda t: set_row_cell(t, "5.3", 3, "Công an tỉnh"),
        ("divergent", "5.3", "support_unit"),
    )
    add("renumber-group-5", lambda t: renumber(t, {f"5.{i}": f"5.{i + 1}" for i in range(1, 9)}))
    add("renumber-group-3", lambda t: renumber(t, {"3.1": "3.4", "3.4": "3.1", "3.2": "3.3", "3.3": "3.2"}))
    add("reorder-groups-3-4", lambda t: swap_row_blocks(t, "3", "4"))

    def paraphrase(t: str) -> str:
        for old, new in PARAPHRASES:
            t = _replace_all(t, old, new)
        return t

    add("paraphrase", paraphrase)
    add(
        "added-local-task",
        lambda t: _replace_once(t, "\n6\t<b>Chế độ", "\n" + LOCAL_TASK + "\n6\t<b>Chế độ"),
        ("added", "5.11", None),
    )
    return m


def reported(findings: list[dict[str, object]]) -> Expected:
    """What a comparison reports, in the same keys as `Mutation.expected` (covered is silence)."""
    out: set[tuple[str, str, str | None]] = set()
    for f in findings:
        kind = str(f["kind"])
        if kind == "covered":
            continue
        if kind == "added":
            ids = f["plan_ids"]
            out.add(("added", str(ids[0]) if isinstance(ids, list) and ids else "", None))
        elif kind == "divergent":
            for d in f["divergences"]:  # type: ignore[attr-defined]
                out.add(("divergent", str(f["reference_id"]), str(d["aspect"])))
        else:
            out.add((kind, str(f["reference_id"]), None))
    return frozenset(out)
