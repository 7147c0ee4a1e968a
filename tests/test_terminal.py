"""The text writer of the terminal reports: widths, wrapping, the box table, colour only when wanted."""

from __future__ import annotations

import io
import unicodedata

import pytest

from plancompare.report.terminal import (
    MIN_FLEXIBLE,
    Column,
    Line,
    Terminal,
    clip,
    column_widths,
    display_width,
    table_lines,
    wants_colour,
    wrap,
)


def test_display_width_counts_columns_not_code_points() -> None:
    assert display_width("Đã cụ thể hóa") == 13
    decomposed = unicodedata.normalize("NFD", "Đã cụ thể hóa")
    assert len(decomposed) > 13 and display_width(decomposed) == 13  # tone marks take no column
    assert display_width("計画") == 4  # East Asian wide forms take two


def test_wrap_breaks_at_spaces_and_folds_only_overlong_words() -> None:
    assert wrap("Sở Tài chính phối hợp thực hiện", 12) == ["Sở Tài chính", "phối hợp", "thực hiện"]
    assert wrap("https://example.gov.vn/a/b", 10) == ["https://ex", "ample.gov.", "vn/a/b"]
    assert wrap("II.2.c\nII.1.d", 20) == ["II.2.c", "II.1.d"]  # the text's own line breaks stay
    assert wrap("", 5) == [""]
    assert all(display_width(x) <= 7 for x in wrap("Ủy ban nhân dân các xã, phường", 7))


def test_clip_keeps_one_line_and_marks_the_cut() -> None:
    assert clip("Một  dòng\nngắn", 40) == "Một dòng ngắn"
    assert clip("Tăng cường nghiên cứu, phổ biến", 12) == "Tăng cường…"


def test_the_flexible_column_takes_what_is_left() -> None:
    columns = [Column("Mục", 6), Column("Điểm", align_right=True), Column("Chi tiết", flexible=True)]
    rows = [["1.1", "0,69", "x"], ["1.2", "1,00", "y"]]
    widths = column_widths(columns, rows, 60)
    assert widths[:2] == [6, 4] and sum(widths) + 3 * 3 + 1 == 60
    assert column_widths(columns, rows, 20)[2] == MIN_FLEXIBLE  # a narrow terminal: overflow, not zero


def test_every_table_line_is_the_table_width_and_numbers_align_right() -> None:
    columns = [Column("Kết quả", 13), Column("Điểm", align_right=True), Column("Chi tiết", flexible=True)]
    rows = [
        [[Line("Thực hiện một phần", "yellow")], "0,5", "Thời hạn muộn hơn: 30/10 so với 30/9"],
        [
            "Chưa có",
            "0",
            [Line("Nội dung gần nhất: Tổ chức tuyên truyền", "italic"), Line("Độ tin cậy", "dim")],
        ],
    ]
    widths = column_widths(columns, rows, 50)
    lines = table_lines(columns, rows, widths)
    assert {display_width(x) for x in lines} == {50}
    assert [x[0] for x in lines] == ["┏", "┃", "┡", "│", "│", "├", "│", "│", "│", "└"]
    assert lines[3] == "│ Thực hiện một │  0,5 │ Thời hạn muộn hơn:      │"
    assert lines[4] == "│ phần          │      │ 30/10 so với 30/9       │"
    assert sum("Độ tin cậy" in x for x in lines) == 1


def test_colour_only_on_a_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    plain, colour = io.StringIO(), io.StringIO()
    Terminal(plain, 40).paragraph("Sở Tài chính", "dim", lead="Chủ trì:")
    Terminal(colour, 40, colour=True).paragraph("Sở Tài chính", "dim", lead="Chủ trì:")
    assert plain.getvalue() == "Chủ trì: Sở Tài chính\n"
    assert colour.getvalue() == "\x1b[1mChủ trì:\x1b[0m\x1b[2m Sở Tài chính\x1b[0m\n"

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wants_colour(Tty()) and not wants_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Tty())


def test_definitions_wrap_beside_their_key() -> None:
    out = io.StringIO()
    Terminal(out, 30).definitions(
        [("Số, ký hiệu", "686/KH-UBND"), ("Trích yếu", "Triển khai thực hiện Quyết định số 1560")]
    )
    assert out.getvalue().splitlines() == [
        "Số, ký hiệu  686/KH-UBND",
        "Trích yếu    Triển khai thực",
        "             hiện Quyết định",
        "             số 1560",
    ]


def test_a_lead_paragraph_indents_its_continuation() -> None:
    out = io.StringIO()
    Terminal(out, 32).paragraph(
        "100% — Chưa có 0 · Có khác biệt 2 · Đã cụ thể hóa 22", lead="Mức độ bao phủ:"
    )
    assert out.getvalue().splitlines() == [
        "Mức độ bao phủ: 100% — Chưa có 0",
        "  · Có khác biệt 2 · Đã cụ thể",
        "  hóa 22",
    ]
