"""Pandoc's table serializations and markdown escapes, one pure function at a time: grid tables
(`readers/grid_tables.py`), simple and multiline tables (`readers/dash_tables.py`), backslash
escapes and pandoc's smart punctuation (`readers/markup.py`)."""

from __future__ import annotations

from plancompare.model.source import SourceFormat
from plancompare.readers.dash_tables import column_runs, cut_columns, read_dash_table
from plancompare.readers.grid import grid_items
from plancompare.readers.grid_tables import (
    cut_line,
    is_broken_short,
    is_header_rule,
    is_partial_rule,
    is_rule_line,
    read_grid_table,
    row_boundaries,
    rule_columns,
)
from plancompare.readers.markup import looks_like_pandoc, pandoc_smart, unescape, writes_escapes
from plancompare.readers.sniff import sniff
from plancompare.text.normalize import line_offsets


def _read(text: str, markdown: bool = True):  # type: ignore[no-untyped-def]
    lines = text.strip("\n").split("\n")
    table = read_grid_table(lines, 0, len(lines), line_offsets(lines), markdown, smart=markdown)
    assert table is not None
    return table


def test_rule_lines_with_and_without_alignment_colons() -> None:
    assert is_rule_line("+----+-----+")
    assert is_rule_line("+:==:+:====+")
    assert is_rule_line("  +---:+:---:+  ")
    assert is_header_rule("+:==:+:====+") and not is_header_rule("+----+-----+")
    assert not is_rule_line("| a  | b   |")
    assert not is_rule_line("+ một mục")  # a list item, not a border
    assert not is_rule_line("----------")


def test_column_boundaries_are_the_rules_plus_signs() -> None:
    assert rule_columns("+----+-----+") == [0, 5, 11]
    assert cut_line("| a  | b   |", [0, 5, 11]) == ["a", "b"]


def test_a_bar_inside_a_cells_text_is_text() -> None:
    """Columns are cut at the border's positions, so a `|` inside a cell never splits it."""
    bounds = rule_columns("+--------+------+")
    assert cut_line("| a | b  | c    |", bounds) == ["a | b", "c"]


def test_wrapped_cell_lines_join_and_a_blank_line_starts_a_paragraph() -> None:
    table = _read(
        """
+--------------+------------+
| **ỦY BAN     | Hà Nội,    |
| NHÂN DÂN**   | ngày 1     |
|              |            |
| Số: 5/KH     |            |
+--------------+------------+
"""
    )
    (row,) = table.grid.rows
    first, second = row.cells
    assert [ln.text for ln in first.lines] == ["ỦY BAN NHÂN DÂN", "Số: 5/KH"]
    assert first.lines[0].bold and not first.lines[1].bold
    assert first.lines[1].hard_break and first.lines[0].line == 2 and first.lines[1].line == 5
    assert second.text == "Hà Nội, ngày 1"
    assert table.resume == 6


def test_header_rule_marks_the_rows_above_it_and_escapes_and_dashes_are_read() -> None:
    table = _read(
        """
+----+-----------------+
| TT | Nội dung        |
+:==:+:===============:+
| 1  | \\- Quy hoạch   |
|    | 2021--2030\\... |
+----+-----------------+
"""
    )
    header, body = table.grid.rows
    assert header.is_header and not body.is_header
    assert [c.text for c in body.cells] == ["1", "- Quy hoạch 2021–2030..."]


def test_a_table_whose_only_row_stands_above_a_header_rule_has_no_header() -> None:
    """Pandoc closes a one-row layout table (Nơi nhận | signature) with `+===+`."""
    table = _read("+----+----+\n| a  | b  |\n+====+====+\n")
    assert not table.grid.rows[0].is_header


def test_markdown_line_break_and_heading_marks_in_a_cell() -> None:
    table = _read(
        """
+-------------------+
| # TỈNH LÀO CAI    |
| **KT. CHỦ TỊCH\\  |
| PHÓ CHỦ TỊCH**    |
+-------------------+
"""
    )
    cell = table.grid.rows[0].cells[0]
    assert [ln.text for ln in cell.lines] == ["TỈNH LÀO CAI", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_plain_text_line_left_short_of_the_column_is_a_break() -> None:
    assert is_broken_short("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", 18)
    assert not is_broken_short("Sở Nông", "nghiệp và", 9)
    table = _read(
        "+--------------------+\n| KT. CHỦ TỊCH       |\n| PHÓ CHỦ TỊCH       |\n+--------------------+\n",
        False,
    )
    assert [ln.text for ln in table.grid.rows[0].cells[0].lines] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_a_cell_spanning_columns_leaves_out_the_bar() -> None:
    text = """
+-----+-----+-----+
| I   | HẠ TẦNG   |
+-----+-----+-----+
| 1   | a   | b   |
+-----+-----+-----+
"""
    lines = text.strip("\n").split("\n")
    bounds = rule_columns(lines[0])
    assert row_boundaries([lines[1]], bounds) == [0, 1, 3]
    first, second = _read(text).grid.rows
    assert [(c.text, c.colspan) for c in first.cells] == [("I", 1), ("HẠ TẦNG", 2)]
    assert [c.text for c in second.cells] == ["1", "a", "b"]


def test_a_cell_spanning_rows_keeps_its_text_in_the_row_above() -> None:
    text = """
+-----+---------+
| 1   | Sở Tài  |
+-----+ chính   |
| 2   |         |
+-----+---------+
"""
    lines = text.strip("\n").split("\n")
    assert is_partial_rule(lines[2], rule_columns(lines[0]))
    first, second = _read(text).grid.rows
    assert [c.text for c in first.cells] == ["1", "Sở Tài chính"]
    assert [c.text for c in second.cells] == ["2", ""]


def test_a_two_column_header_table_becomes_layout_lines() -> None:
    table = _read(
        """
+--------------+---+---------------------------+
| **ỦY BAN     |   | **CỘNG HÒA XÃ HỘI CHỦ     |
| NHÂN DÂN**   |   | NGHĨA VIỆT NAM**          |
+:============:+:=:+:=========================:+
| Số: 3/KH     |   | *Lào Cai, ngày 2 tháng 1* |
+--------------+---+---------------------------+
"""
    )
    items = grid_items(table.grid)
    assert [(it.text, it.column) for it in items] == [  # type: ignore[union-attr]
        ("ỦY BAN NHÂN DÂN", 1),
        ("Số: 3/KH", 1),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 2),
        ("Lào Cai, ngày 2 tháng 1", 2),
    ]


MULTILINE = """
  ----------------------------------
  STT     Nội dung     Cơ quan chủ
                       trì
  ------- ------------ -------------
  1       Tổ chức quán Sở Giáo dục
          triệt        và Đào tạo

  2       Xây dựng     Sở Tài chính
  ----------------------------------

Sau bảng.
"""


def test_multiline_table_columns_come_from_the_dash_runs() -> None:
    lines = MULTILINE.strip("\n").split("\n")
    assert column_runs(lines[3]) == [(2, 9), (10, 22), (23, 36)]
    assert column_runs(lines[0]) is None  # the full rule above the header
    assert cut_columns(lines[4], [2, 10, 23]) == ["1", "Tổ chức quán", "Sở Giáo dục"]
    table = read_dash_table(lines, 0, len(lines), line_offsets(lines), markdown=False)
    assert table is not None
    assert [[c.text for c in r.cells] for r in table.grid.rows] == [
        ["STT", "Nội dung", "Cơ quan chủ trì"],
        ["1", "Tổ chức quán triệt", "Sở Giáo dục và Đào tạo"],
        ["2", "Xây dựng", "Sở Tài chính"],
    ]
    assert table.grid.rows[0].is_header and lines[table.resume] == ""


def test_simple_table_one_line_per_row_ends_at_a_blank_line() -> None:
    lines = ["STT  Đơn vị     Thời hạn", "---- ---------- --------", "1    Sở Nội vụ  2026", "", "Văn bản."]
    table = read_dash_table(lines, 0, len(lines), line_offsets(lines), markdown=False)
    assert table is not None and table.resume == 3
    assert [[c.text for c in r.cells] for r in table.grid.rows] == [
        ["STT", "Đơn vị", "Thời hạn"],
        ["1", "Sở Nội vụ", "2026"],
    ]


def test_a_setext_underline_or_a_lone_rule_is_no_table() -> None:
    assert read_dash_table(["KẾ HOẠCH", "--------", "Nội dung"], 0, 3, [0, 9, 18], markdown=True) is None
    assert read_dash_table(["----------", "Văn bản", "", "x"], 0, 4, [0, 11, 19, 20], markdown=True) is None


def test_backslash_escapes_are_literal_punctuation() -> None:
    assert unescape(r"\- Rà soát") == "- Rà soát"
    assert unescape(r"1\. Mục đích; II\. Nhiệm vụ; a\) điểm") == "1. Mục đích; II. Nhiệm vụ; a) điểm"
    assert unescape(r"\* \[x\] \(y\) \'q\' \"z\" \# \| \\") == "* [x] (y) 'q' \"z\" # | \\"
    assert unescape(r"C:\Users") == r"C:\Users"  # a backslash before a letter stays


def test_pandoc_smart_punctuation_reads_back() -> None:
    assert pandoc_smart("thời kỳ 2021--2030") == "thời kỳ 2021–2030"
    assert pandoc_smart("kinh tế -- xã hội --- và...") == "kinh tế – xã hội — và…"
    assert pandoc_smart("KT~(Thủy)~ m^2^ ~~gạch~~") == "KT(Thủy) m2 ~~gạch~~"


def test_pandoc_markdown_is_recognised() -> None:
    assert looks_like_pandoc(["Văn bản", r"\- Rà soát"])
    assert looks_like_pandoc(["+----+----+"])
    assert not looks_like_pandoc(["- Rà soát", "1. Mục đích"])
    # pandoc's plain text has grid tables but writes "…" and "–" themselves: no smart reading
    assert writes_escapes([r"\- Rà soát"]) and not writes_escapes(["+----+", "Hết hạn... 2021--2030"])
    assert sniff("Văn bản\n\n1\\. Mục đích\n".encode(), "x.md") == SourceFormat.MARKDOWN


def test_an_escaped_space_does_not_break_a_word() -> None:
    """pandoc's non-breaking space (`\\ `) holds "KT~(Thủy,\\ Nho)~." together: it could not fit."""
    assert not is_broken_short("\\- Lưu: VT,", "KT~(Thủy,\\ Nho)~.", 26)
    assert is_broken_short("\\- Lưu: VT,", "KT~(Thủy,\\ Nho)~.", 29)
