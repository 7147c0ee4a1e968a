"""The pure steps of `readers/pdf_borderless.py` on hand-placed words (points, top-left origin)."""

from __future__ import annotations

from plancompare.options import BorderlessSettings
from plancompare.readers.pdf_borderless import (
    Label,
    column_edges,
    coverage_gaps,
    find_header,
    fits_columns,
    header_labels,
    is_header,
    merge_spans,
    row_starts,
)
from plancompare.readers.pdf_borderless_grid import borderless_tables
from plancompare.readers.pdf_layout import Word, build_lines

SIZE = 10.0


def _words(text: str, x: float, top: float) -> list[Word]:
    """Words of `text` set from x, each letter 5 pt wide and a space 3 pt."""
    out: list[Word] = []
    for part in text.split():
        width = 5.0 * len(part)
        out.append(Word(part, x, x + width, top, top + SIZE, top + SIZE - 2, SIZE))
        x += width + 3.0
    return out


def _row(cells: list[tuple[float, str]], top: float) -> list[Word]:
    return [w for x, text in cells for w in _words(text, x, top)]


COLUMNS = (40.0, 80.0, 260.0, 360.0)  # STT | Nội dung | Chủ trì | Thời hạn


def _header(top: float = 100.0) -> list[Word]:
    return _row(list(zip(COLUMNS, ["STT", "Nội dung", "Chủ trì", "Thời hạn"], strict=True)), top)


def test_merge_spans_keeps_apart_only_wide_gaps() -> None:
    assert merge_spans([(50, 60), (0, 10), (12, 20)], 5.0) == [(0, 20), (50, 60)]
    assert merge_spans([(0, 10), (5, 8)], 5.0) == [(0, 10)]


def test_header_labels_join_stacked_words_of_one_cell() -> None:
    # "Cơ quan" over "chủ trì" in the third column; one label
    words = _row([(40, "STT"), (80, "Nội dung"), (260, "Cơ quan"), (360, "Thời hạn")], 100)
    words += _words("chủ trì", 262, 113)
    labels = header_labels(build_lines(words, gap_em=50.0))
    assert [label.text for label in labels] == ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"]
    assert labels[2].x0 == 260 and labels[2].x1 == 262 + 5 * 3 + 3 + 5 * 3


def test_is_header_needs_a_number_column_and_task_roles() -> None:
    def labels(*texts: str) -> list[Label]:
        return [Label(10.0 * k, 10.0 * k + 5, t) for k, t in enumerate(texts)]

    assert is_header(labels("STT", "Nội dung", "Chủ trì", "Thời hạn"))
    assert not is_header(labels("Nội dung", "Chủ trì", "Thời hạn"))  # no number column first
    assert not is_header(labels("STT", "Họ và tên", "Chức vụ"))  # no task column
    assert not is_header(labels("STT", "Nội dung"))


def test_coverage_gaps_and_column_edges_from_the_words_below() -> None:
    spans = [(40.0, 50.0), (80.0, 240.0), (80.0, 150.0), (260.0, 330.0)]
    assert coverage_gaps(spans, 50.0, 80.0, 0) == [(50.5, 80.0)]
    labels = [Label(40, 55, "STT"), Label(130, 170, "Nội dung"), Label(270, 300, "Chủ trì")]
    # a centred label: the edge is in the gutter the body leaves, not halfway between labels
    assert column_edges(labels, spans, 0) == [65.25, 250.25]
    # no words below: halfway between the labels' centres
    assert column_edges(labels, [], 0) == [(47.5 + 150) / 2, (150 + 285) / 2]


def test_fits_columns_rejects_prose_running_over_an_edge() -> None:
    edges = [70.0, 250.0]
    assert fits_columns(_words("Sở Nội vụ", 260, 0), edges, 3.0)
    assert not fits_columns(_words("một câu văn xuôi chạy qua hai cột của bảng", 200, 0), edges, 3.0)


def test_row_starts_from_rules_then_gaps_then_numbers() -> None:
    # five lines: rows of 2, 1 and 2 lines; numbers on the first line of each row
    tops = [0.0, 14.0, 34.0, 54.0, 68.0]
    bottoms = [t + 11 for t in tops]
    numbered = [True, False, True, True, False]
    assert row_starts(tops, bottoms, numbered, [], 2.0) == [0, 2, 3]  # gaps of 9 against 3
    # numbers at the bottom of each row (cells aligned to the bottom): the gaps still cut the rows
    assert row_starts(tops, bottoms, [False, True, True, False, True], [], 2.0) == [0, 2, 3]
    # lines evenly spaced: each number opens a row
    even = [0.0, 14.0, 28.0, 42.0, 56.0]
    assert row_starts(even, [t + 11 for t in even], numbered, [], 2.0) == [0, 2, 3]
    # rules between rows decide, whatever the spacing
    assert row_starts(even, [t + 11 for t in even], numbered, [26.5, 40.0], 2.0) == [0, 2, 3]


def test_find_header_skips_a_title_set_close_above() -> None:
    words = _words("NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN", 60, 86) + _header(100)
    lines = build_lines(words, gap_em=50.0)
    found = find_header(lines, 0)
    assert found is not None
    first, end, labels = found
    assert (first, end) == (1, 2)
    assert [label.text for label in labels] == ["STT", "Nội dung", "Chủ trì", "Thời hạn"]


def test_borderless_tables_cells_and_end_at_prose() -> None:
    words = _header(100)
    words += _row([(40, "1"), (80, "Rà soát thủ tục"), (260, "Sở Nội vụ"), (360, "Quý I/2026")], 120)
    words += _words("hành chính", 80, 134)
    words += _row([(40, "2"), (80, "Kiểm tra"), (260, "Sở Tư pháp"), (360, "Hằng năm")], 154)
    words += _words("Văn bản này kết thúc ở đây và chạy qua các cột của bảng ở trên", 40, 200)
    tables = borderless_tables(words, [])
    assert len(tables) == 1
    table = tables[0]
    assert len(table.rows) == 3 and table.ncols == 4
    assert table.bbox[3] < 200  # the prose below is no row
    second = table.rows[1]
    assert second.bbox[1] < 120 and second.bbox[3] > 144  # the wrapped line belongs to row 1


def test_settings_are_validated() -> None:
    import pydantic
    import pytest

    with pytest.raises(pydantic.ValidationError):
        BorderlessSettings(min_columns=1)
    assert borderless_tables(_header(100) + _row([(40, "1"), (80, "x")], 120), [], BorderlessSettings()) != []


def test_prose_after_the_table_does_not_blur_its_columns() -> None:
    words = _header(100)
    words += _row([(40, "I"), (80, "CẢI CÁCH THỂ CHẾ VÀ THỦ TỤC HÀNH CHÍNH")], 120)  # over merged cells
    words += _row(
        [(40, "1"), (80, "Rà soát thủ tục hành chính"), (260, "Sở Nội vụ"), (360, "Quý I/2026")], 140
    )
    words += _row([(40, "2"), (80, "Kiểm tra"), (260, "Sở Tư pháp"), (360, "Hằng năm")], 160)
    for k in range(12):  # a page of prose below, its words over every gutter
        words += _words(
            "Các sở ban ngành tổ chức triển khai thực hiện nghiêm túc kế hoạch này", 40 + k % 3, 200 + 14 * k
        )
    tables = borderless_tables(words, [])
    assert len(tables) == 1
    table = tables[0]
    assert len(table.rows) == 4 and table.bbox[3] < 200
    # the edges lie in the gutters of the table's rows
    edges = [cell[2] for cell in table.rows[2].cells if cell is not None][:-1]
    assert 50 <= edges[0] <= 80 and 210 <= edges[1] <= 260 and 305 <= edges[2] <= 360


def test_a_page_after_the_table_continues_it_only_with_task_rows() -> None:
    from plancompare.readers.pdf_borderless_grid import Continued, page_tables

    carried = Continued(edges=[65.0, 250.0, 340.0], x0=39.0, x1=409.0, em=SIZE)
    rest = _row([(40, "5"), (80, "Sơ kết, đánh giá"), (260, "Sở Nội vụ"), (360, "Năm 2026")], 60)
    tables, out = page_tables(_words("7", 220, 20) + rest, [], carried)  # a page number on top
    assert len(tables) == 1 and len(tables[0].rows) == 1 and out is carried
    # a numbered list and prose on the next page: no task row, no table, nothing carried on
    listing = _row([(40, "1"), (80, "Mục đích")], 60) + _row([(40, "2"), (80, "Yêu cầu")], 80)
    prose = _words("Các sở ban ngành tổ chức triển khai thực hiện nghiêm túc kế hoạch này", 40, 100)
    assert page_tables(listing + prose, [], carried) == ([], None)
