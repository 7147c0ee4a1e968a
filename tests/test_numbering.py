"""Numbering is a sequence: misread numbers are repaired from it, with a warning."""

from __future__ import annotations

import pytest

from plancompare import parse
from plancompare.readers.document import Table, TableRow
from plancompare.structure.markers import MarkerKind, parse_marker
from plancompare.structure.numbering import repair_row_number, successor
from plancompare.structure.tables import task_rows


@pytest.mark.parametrize(
    ("raw", "previous", "want"),
    [
        ("3L", "3", "3.1"),  # look-alike glyph and lost dot
        ("41", "4", "4.1"),  # lost dot
        ("l.2", "1.1", "1.2"),
        ("4.2", "4.1", None),  # in sequence: kept
        ("5", "4.4", None),
        ("11", "10", None),  # a flat list 1..14 is not touched
        ("41", "40", None),
        ("6", "5.8", None),
    ],
)
def test_repair_row_number(raw: str, previous: str, want: str | None) -> None:
    assert repair_row_number(raw, previous) == want


def test_successor() -> None:
    assert [successor(x) for x in ("II", "9", "3.9", "d", "y")] == ["III", "10", "3.10", "đ", None]


def test_roman_heading_without_its_dot() -> None:
    m = parse_marker("II TỔ CHỨC THỰC HIỆN")
    assert m is not None and (m.kind, m.label) == (MarkerKind.ROMAN, "II")
    assert parse_marker("II Tổ chức") is None  # only a heading in capitals
    m = parse_marker("_I.MỤC ĐÍCH, YÊU CẦU")  # a speck before the line, no space after the dot
    assert m is not None and (m.label, m.rest) == ("I", "MỤC ĐÍCH, YÊU CẦU")


def test_table_numbers_repaired_and_roles_from_a_clean_header_copy() -> None:
    garbled = ["STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI HIỆN"]
    clean = ["STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI GIAN THỰC HIỆN"]
    rows = [
        TableRow(garbled, 1),
        TableRow(["3", "Hoàn thiện cơ chế", "", "", ""], 2),
        TableRow(["3L", "Rà soát chính sách.", "Sở Tài chính", "", "Quý II/2026"], 3),
        TableRow(clean, 4, opens_page=True),
        TableRow(["4", "Nguồn lực", "", "", ""], 5),
        TableRow(["41", "Bố trí vốn.", "Sở Tài chính", "", "Hằng năm"], 6),
    ]
    out, _ = task_rows([Table(rows)])
    assert [(r.kind, r.number, r.number_read_as if r.repaired else None) for r in out] == [
        ("group", "3", None),
        ("task", "3.1", "3L"),
        ("group", "4", None),
        ("task", "4.1", "41"),
    ]
    assert [r.cells["deadline"] for r in out if r.kind == "task"] == ["Quý II/2026", "Hằng năm"]


def test_repeated_section_number_is_the_next_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "KẾ HOẠCH\nVề việc thử\nI. MỤC ĐÍCH\nNội dung một.\nII. NHIỆM VỤ\nNội dung hai.\nII TỔ CHỨC THỰC HIỆN\nNội dung ba.\n"
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse(path)
    assert [s.id for s in plan.sections] == ["I", "II", "III"]
    assert any(w.code == "number_repaired" and "'II' read as 'III'" in w.message for w in plan.warnings)
