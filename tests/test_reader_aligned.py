"""Tables with columns aligned by spaces (`pdftotext -layout`): columns from gutters, wrapped cells
appended by position, repeated headers, and never a table where the text only sits side by side or
runs as prose."""

from __future__ import annotations

from conftest import ROOT
from plancompare import parse
from plancompare.readers import read_bytes
from plancompare.readers.aligned import gutters, header_lines, read_aligned, split_cells
from plancompare.readers.aligned_columns import bounds_near, page_edges
from plancompare.readers.aligned_header import label_spans
from plancompare.readers.aligned_rows import cut_index, line_cells, runs
from plancompare.readers.document import Line, Table
from plancompare.text.normalize import line_offsets


def _read(text: str, start: int = 0):  # type: ignore[no-untyped-def]
    lines = text.split("\n")
    return read_aligned(lines, start, len(lines), line_offsets(lines))


def _rows(text: str) -> list[list[str]]:
    found = _read(text)
    assert found is not None
    return [[c.text for c in r.cells] for r in found.grid.rows]


TABLE = """\
TT    Nhiệm vụ                        Chủ trì            Thời hạn
1     Rà soát quy hoạch mạng lưới     Sở Xây dựng        Quý II/2026
      trường học
2     Cập nhật dữ liệu đất đai        Sở Nông nghiệp     Thường xuyên
      vào hệ thống dùng chung         và Môi trường
3     Báo cáo kết quả                 Văn phòng UBND     Trước ngày
                                      tỉnh               15/12 hằng năm
Sau bảng là một đoạn văn bản thường, viết liền một dòng dài như mọi văn bản khác."""


def test_gutters_and_cells() -> None:
    lines = TABLE.split("\n")[:7]
    cuts = gutters(lines, tolerance=0)
    assert len(cuts) == 3 and all(b - a >= 2 for a, b in cuts)
    assert split_cells(lines[1], cuts) == ["1", "Rà soát quy hoạch mạng lưới", "Sở Xây dựng", "Quý II/2026"]
    assert split_cells(lines[2], cuts) == ["", "trường học", "", ""]


def test_wrapped_cells_join_their_row_and_prose_ends_the_table() -> None:
    found = _read(TABLE)
    assert found is not None
    assert found.resume == 7  # the prose line after the table is not in it
    rows = [[c.text for c in r.cells] for r in found.grid.rows]
    assert rows == [
        ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["1", "Rà soát quy hoạch mạng lưới trường học", "Sở Xây dựng", "Quý II/2026"],
        [
            "2",
            "Cập nhật dữ liệu đất đai vào hệ thống dùng chung",
            "Sở Nông nghiệp và Môi trường",
            "Thường xuyên",
        ],
        ["3", "Báo cáo kết quả", "Văn phòng UBND tỉnh", "Trước ngày 15/12 hằng năm"],
    ]
    assert found.grid.rows[0].is_header and not found.grid.rows[1].is_header
    assert [ln.line for ln in found.grid.rows[2].cells[1].lines] == [4, 5]  # provenance: source lines


def test_side_by_side_blocks_are_not_tables() -> None:
    header = """\
ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  TỈNH AN GIANG                            Độc lập - Tự do - Hạnh phúc
Số: 215/KH-UBND                         An Giang, ngày 05 tháng 9 năm 2025"""
    signature = """\
Nơi nhận:                                   KT. CHỦ TỊCH
- Sở Tài chính;                             PHÓ CHỦ TỊCH
- Lưu: VT.
                                            Trần Văn Bình"""
    for text in (header, signature):
        assert all(_read(text, k) is None for k in range(len(text.split("\n"))))


def test_hard_wrapped_prose_is_not_a_table() -> None:
    prose = """\
    Căn cứ Luật Tổ chức chính quyền địa phương  ngày 16 tháng 6 năm 2025;  Ủy ban nhân dân
tỉnh ban hành Kế hoạch  thực hiện  như sau: tổ chức quán triệt  đến cán bộ, công chức,
viên chức  và người lao động;  rà soát,  bổ sung quy chế làm việc  của các cơ quan,
đơn vị cho phù hợp  với tình hình mới."""
    assert all(_read(prose, k) is None for k in range(4))


def test_two_row_header_and_a_header_repeated_after_a_page_break() -> None:
    text = """\
STT   Nội dung                   Đơn vị thực hiện                 Thời gian
                                 Chủ trì          Phối hợp
1     Xây dựng kế hoạch          Sở Nội vụ        Sở Tài chính    Tháng 9/2025
2     Tổ chức hội nghị sơ kết    Sở Tư pháp       Công an tỉnh    Tháng 12/2025
      giữa kỳ
\f
STT   Nội dung                   Đơn vị thực hiện                 Thời gian
                                 Chủ trì          Phối hợp
      của các sở, ngành
3     Tổng kết                   Sở Nội vụ        Các sở, ngành   Năm 2026"""
    found = _read(text)
    assert found is not None and found.resume == len(text.split("\n"))
    rows = [([c.text for c in r.cells], r.is_header) for r in found.grid.rows]
    assert rows[0] == (["STT", "Nội dung", "Đơn vị thực hiện Chủ trì", "Phối hợp", "Thời gian"], True)
    assert rows[2][0][3] == "Công an tỉnh" and rows[2][0][1] == "Tổ chức hội nghị sơ kết giữa kỳ"
    assert rows[3][1] is True  # the repeated header: dropped by the structure stage
    assert rows[4] == (["", "của các sở, ngành", "", "", ""], False)  # a row cut by the page: joined later
    assert rows[5][0][:3] == ["3", "Tổng kết", "Sở Nội vụ"]


def test_header_lines_recognise_a_repeat_with_a_typo() -> None:
    lines = [
        "STT   NỘI DUNG NHIỆM VỤ   ĐƠN VỊ CHỦ TRÌ   THỜI HẠN",
        "1     Tập huấn            Sở Nội vụ        Năm 2025",
        "      thực hiện",
        "STT   NỘI DUNG NHIỆM VỤ   ĐƠN VỊ CHỦ TRỊ   THỜI HẠN",
        "2     Kiểm tra            Sở Y tế          Năm 2026",
    ]
    assert header_lines(lines) == [True, False, False, True, False]


def test_a_table_without_numbers_starts_rows_where_most_columns_start() -> None:
    rows = _rows(
        """\
Nhiệm vụ                     Chủ trì          Thời hạn
Tuyên truyền pháp luật       Sở Tư pháp       Thường xuyên
về đất đai
Kiểm tra việc thực hiện      Thanh tra tỉnh   Quý IV/2025"""
    )
    assert rows[1:] == [
        ["Tuyên truyền pháp luật về đất đai", "Sở Tư pháp", "Thường xuyên"],
        ["Kiểm tra việc thực hiện", "Thanh tra tỉnh", "Quý IV/2025"],
    ]


def test_header_words_stacked_above_the_header_line() -> None:
    text = """\
                                                  THỜI
                                                  GIAN
STT   NỘI DUNG              CHỦ TRÌ               THỰC
                                                  HIỆN
1     Tập huấn cán bộ       Sở Nội vụ             Năm 2025
2     Kiểm tra              Sở Y tế               Năm 2026"""
    found = _read(text)
    assert found is not None
    assert [c.text for c in found.grid.rows[0].cells] == ["STT", "NỘI DUNG", "CHỦ TRÌ", "THỜI GIAN THỰC HIỆN"]
    assert [c.text for c in found.grid.rows[2].cells] == ["2", "Kiểm tra", "Sở Y tế", "Năm 2026"]


def test_plain_text_plan_gets_its_task_table() -> None:
    text = (
        "KẾ HOẠCH\nTriển khai công tác cải cách hành chính năm 2026\n\nI. NHIỆM VỤ\n"
        "Các nhiệm vụ cụ thể như sau:\n\n" + TABLE.rsplit("\n", 1)[0] + "\n"
    )
    raw = read_bytes(text.encode("utf-8"), "plan.txt")
    (table,) = [it for it in raw.items if isinstance(it, Table)]
    assert table.rows[3].cells[2] == "Văn phòng UBND tỉnh"
    assert next(it.text for it in raw.items if isinstance(it, Line)) == "KẾ HOẠCH"
    plan = parse(text.encode("utf-8"), name="plan.txt")
    assert [(t.number, [u.text for u in t.lead_units]) for t in plan.tasks] == [
        ("1", ["Sở Xây dựng"]),
        ("2", ["Sở Nông nghiệp và Môi trường"]),
        ("3", ["Văn phòng UBND tỉnh"]),
    ]
    assert plan.tasks[2].deadline.day_month == "15/12"


def test_markdown_does_not_read_aligned_columns() -> None:
    raw = read_bytes(("# KẾ HOẠCH\n\n" + TABLE).encode("utf-8"), "plan.md")
    assert not [it for it in raw.items if isinstance(it, Table)]


def _line(cells: list[str], at: list[int]) -> str:
    """A line with each cell's text starting at its position."""
    out = ""
    for text, x in zip(cells, at, strict=True):
        if text:
            out = out.ljust(x) + text
    return out


def test_each_page_gets_its_own_columns_and_a_row_without_number_opens_where_columns_resume() -> None:
    """pdftotext places each page a few positions apart; the repeated header's labels say where."""
    first, second = [0, 6, 40, 62], [0, 9, 45, 68]
    lines = [
        _line(["STT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn"], first),
        _line(["1", "Rà soát các văn bản quy phạm pháp", "Sở Tư pháp", "Quý IV/2025"], first),
        _line(["", "luật của tỉnh", "", ""], first),
        _line(["2", "Kiểm tra việc thực hiện", "Thanh tra tỉnh", "Năm 2026"], first),
        "\f" + _line(["STT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn"], second),
        _line(["3", "Tăng cường nguồn lực cho vay ưu đãi", "Sở Tài chính", "Hằng năm"], second),
        _line(["", "đối với hộ nghèo", "", ""], second),
        _line(["", "Nâng cao hiệu quả hoạt động của", "Ngân hàng Chính sách", "Thường xuyên"], second),
        _line(["", "Phòng giao dịch", "xã hội tỉnh", ""], second),
    ]
    rows = _rows("\n".join(lines))
    assert rows[4:] == [
        ["3", "Tăng cường nguồn lực cho vay ưu đãi đối với hộ nghèo", "Sở Tài chính", "Hằng năm"],
        [
            "",
            "Nâng cao hiệu quả hoạt động của Phòng giao dịch",
            "Ngân hàng Chính sách xã hội tỉnh",
            "Thường xuyên",
        ],
    ]
    assert rows[3] == ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn"]


def test_a_cell_run_into_the_next_column_with_one_space_is_cut_at_the_edge() -> None:
    # the lead cell opens with a capital, not inside a capitalized name ("Sở Tài chính")
    opening = runs("Tăng cường nguồn lực cho Ngân hàng Chính sách xã Sở Tài chính; UBND")[0]
    assert [w.text for w in opening[cut_index(opening, 51, opening=True) or 0 :]][:2] == ["Sở", "Tài"]
    # its wrapped line: the last word starting by the edge
    wrapped = runs("hội Chi nhánh tỉnh để triển khai thực hiện có hiệu quả các xã, phường")[0]
    assert [w.text for w in wrapped[cut_index(wrapped, 55, opening=False) or 0 :]] == ["các", "xã,", "phường"]
    # a line that only runs a little over the edge stays whole
    assert cut_index(runs("triển khai thực hiện có hiệu quả")[0], 29, opening=False) is None
    assert line_cells(
        "1     Rà soát hiệu quả chương trình tín dụng Các sở, ngành   Năm 2026", [6, 48, 63], [True] * 4
    ) == [
        "1",
        "Rà soát hiệu quả chương trình tín dụng",
        "Các sở, ngành",
        "Năm 2026",
    ]


def test_page_edges_follow_the_text_near_the_page_before() -> None:
    """A page whose header does not say where the columns are: each edge is where the text starts
    after a gutter, near the page before's edge (the columns moved three positions)."""
    body = [
        _line(["1", "Tổ chức tập huấn cho cán bộ", "Sở Nội vụ"], [0, 9, 43]),
        _line(["", "cấp xã về chuyển đổi số", "và Sở Tư pháp"], [0, 9, 43]),
        _line(["2", "Kiểm tra việc thực hiện", "Thanh tra tỉnh"], [0, 9, 43]),
    ]
    assert page_edges(body, bounds_near([6, 40])) == [9, 43]


def test_header_labels_stacked_in_a_column_are_one_label() -> None:
    block = ["                    THỜI", "STT   NỘI DUNG      GIAN", "                    HIỆN"]
    assert label_spans(block) == [(0, 3), (6, 14), (20, 24)]


def test_cells_aligned_to_the_bottom_start_their_row_above_its_number() -> None:
    """reportlab's default: each row's number on its last line, its text starting above it."""
    rows = _rows(
        """\
STT   Nội dung nhiệm vụ               Chủ trì            Thời hạn
I     TUYÊN TRUYỀN
      Tổ chức quán triệt Kế hoạch     Sở Giáo dục và
1     đến cán bộ, giảng viên          Đào tạo            Quý IV/2025
      Xây dựng chuyên mục trên
2     cổng thông tin điện tử          Sở Khoa học        Thường xuyên"""
    )
    assert rows[1:] == [
        ["I", "TUYÊN TRUYỀN", "", ""],
        ["1", "Tổ chức quán triệt Kế hoạch đến cán bộ, giảng viên", "Sở Giáo dục và Đào tạo", "Quý IV/2025"],
        ["2", "Xây dựng chuyên mục trên cổng thông tin điện tử", "Sở Khoa học", "Thường xuyên"],
    ]


def test_centred_cells_put_the_number_in_the_middle_of_its_row() -> None:
    rows = _rows(
        """\
STT   Nội dung nhiệm vụ               Chủ trì            Thời hạn
      Tổ chức quán triệt Kế hoạch
1                                     Sở Nội vụ          Quý IV/2025
      đến cán bộ, công chức
      Xây dựng chuyên mục trên
2     cổng thông tin điện tử          Sở Khoa học        Thường xuyên
      của tỉnh"""
    )
    assert rows[1:] == [
        ["1", "Tổ chức quán triệt Kế hoạch đến cán bộ, công chức", "Sở Nội vụ", "Quý IV/2025"],
        ["2", "Xây dựng chuyên mục trên cổng thông tin điện tử của tỉnh", "Sở Khoa học", "Thường xuyên"],
    ]


def test_pdftotext_layout_of_the_typeset_nghe_an_plan() -> None:
    """`pdftotext -layout` of corpora/pdf/nghe-an-686-KH-UBND-2025.pdf: all 24 appendix tasks
    (tests/test_layout_fixtures.py compares them with the PDF's, field by field)."""
    plan = parse(ROOT / "tests" / "data" / "serializations" / "nghe-an-686-pdftotext-layout.txt")
    assert len(plan.tasks) == 24
    by_id = {t.id: t for t in plan.tasks}
    assert [u.text for u in by_id["1.2"].lead_units] == [
        "Các sở, ban, ngành, đơn vị cấp tỉnh",
        "UBND các xã, phường",
    ]
    assert (by_id["1.2"].deadline.kind.value, by_id["1.2"].deadline.date) == ("date", "2025-08-31")
    assert [u.text for u in by_id["5.1"].lead_units] == ["NHCSXH Chi nhánh tỉnh"]
    assert [u.text for u in by_id["5.8"].support_units] == [
        "Sở, ngành, đơn vị cấp tỉnh",
        "UBND các xã, phường",
    ]
