"""Column roles from the header's meaning, in any order and wording; unknown columns kept per task;
indicator tables; group rows however they are written (structure/tables.py, extract/tasks.py)."""

from __future__ import annotations

import pytest

from plancompare import parse
from plancompare.structure.tables import column_roles, extra_columns, is_task_header


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện"],
         {"number": 0, "text": 1, "lead": 2, "support": 3, "product": 4, "deadline": 5}),
        (["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành"],
         {"number": 0, "text": 1, "lead": 2, "support": 3, "product": 4, "deadline": 5}),
        (["Thời hạn trình", "Nhiệm vụ, giải pháp", "Cơ quan thực hiện", "Số TT"],
         {"deadline": 0, "text": 1, "lead": 2, "number": 3}),
        (["TT", "Nội dung công việc", "Hình thức văn bản", "Cấp trình", "Cơ quan chủ trì", "Tiến độ"],
         {"number": 0, "text": 1, "product": 2, "lead": 4, "deadline": 5}),
        # a combined assignment column, a focal unit, participants, a schedule
        (["TT", "Các nhiệm vụ, giải pháp", "Phân công thực hiện", "Tiến độ thực hiện"],
         {"number": 0, "text": 1, "lead": 2, "deadline": 3}),
        (["STT", "Hoạt động", "Cơ quan đầu mối", "Đơn vị tham gia", "Hạn hoàn thành"],
         {"number": 0, "text": 1, "lead": 2, "support": 3, "deadline": 4}),
        (["Số thứ tự", "Tên đề án", "Đơn vị tham mưu", "Lộ trình"], {"number": 0, "text": 1, "lead": 2, "deadline": 3}),
        # an indicator assignment table: the indicator column is the task text
        (["TT", "Chỉ tiêu", "Chủ trì"], {"number": 0, "text": 1, "lead": 2}),
        # an indicator table: "Cơ quan chủ trì theo dõi, đánh giá" follows targets up, leads nothing
        (["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"],
         {"number": 0, "target": 1, "product": 3, "monitor": 4}),
    ],
)  # fmt: skip
def test_roles_from_the_header_meaning(header: list[str], roles: dict[str, int]) -> None:
    assert column_roles(header) == roles


def test_a_data_row_naming_roles_is_no_repeated_header() -> None:
    """A combined unit column ("Chủ trì: …; phối hợp: …") beside task text that mentions "nội dung":
    long cells, so data, not a header repeated after a page break."""
    row = [
        "1.1",
        "Tổ chức nghiên cứu, phổ biến, quán triệt sâu rộng nội dung Chỉ thị số 39-CT/TW của Ban Bí thư",
        "Chủ trì: Các sở, ban, ngành, đơn vị cấp tỉnh; phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Thường xuyên",
    ]
    assert not is_task_header(row)
    assert is_task_header(["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian thực hiện"])


def test_indicator_table_is_no_task_table() -> None:
    assert not is_task_header(["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"])
    assert is_task_header(["TT", "Chỉ tiêu", "Chủ trì"])


def test_unknown_columns_are_named() -> None:
    header = ["TT", "Nội dung công việc", "Cấp trình", "Cơ quan chủ trì", "Cá nhân phụ trách", "Tiến độ"]
    roles = column_roles(header)
    assert extra_columns(header, roles) == {2: "Cấp trình", 4: "Cá nhân phụ trách"}


PLAN = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 41/KH-UBND
Lạng Sơn, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác phòng cháy, chữa cháy năm 2026

PHỤ LỤC
TT | Nội dung công việc | Cấp trình | Cơ quan chủ trì | Cá nhân phụ trách | Tiến độ
A | CÔNG TÁC TUYÊN TRUYỀN | | | |
1 | Tổ chức tuyên truyền pháp luật về phòng cháy, chữa cháy | UBND tỉnh | Công an tỉnh | Đồng chí Phó Giám đốc | Quý II/2026
2 | Kiểm tra an toàn phòng cháy tại các chợ | Chủ tịch UBND tỉnh | Công an tỉnh | Trưởng phòng Cảnh sát PCCC | Tháng 9/2026
B | CÔNG TÁC KIỂM TRA | | | |
1 | Kiểm tra các cơ sở kinh doanh karaoke | UBND tỉnh | Công an tỉnh | Trưởng phòng | Quý III/2026
"""


def test_extra_columns_and_restarting_numbers_reach_the_tasks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ls.txt"
    path.write_text(PLAN, encoding="utf-8")
    plan = parse(path)
    assert [t.id for t in plan.tasks] == ["A.1", "A.2", "B.1"]  # numbering restarts in each group
    assert [(g.number, g.title) for g in plan.task_groups] == [
        ("A", "CÔNG TÁC TUYÊN TRUYỀN"),
        ("B", "CÔNG TÁC KIỂM TRA"),
    ]
    first = plan.tasks[0]
    assert [(x.header, x.text) for x in first.extra] == [
        ("Cấp trình", "UBND tỉnh"),
        ("Cá nhân phụ trách", "Đồng chí Phó Giám đốc"),
    ]
    assert [u.canonical for u in first.lead_units] == ["Công an tỉnh"]
    assert (first.deadline.kind, first.deadline.date) == ("date", "2026-06-30")


def test_a_group_heading_that_lost_its_number_is_still_a_group(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.txt"
    path.write_text(
        PLAN.replace("A | CÔNG TÁC", " | CÔNG TÁC").replace("B | CÔNG TÁC", " | CÔNG TÁC"), encoding="utf-8"
    )
    plan = parse(path)
    assert [t.number for t in plan.tasks] == ["1", "2", "1"]
    assert [g.title for g in plan.task_groups] == ["CÔNG TÁC TUYÊN TRUYỀN", "CÔNG TÁC KIỂM TRA"]
    assert "Kiểm tra an toàn" in plan.tasks[1].text and "KIỂM TRA" not in plan.tasks[1].text


_NO_STT_ROWS = [
    ["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["Xây dựng nền tảng học trực tuyến dùng chung", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ",
     "Quý IV/2025"],
    ["Đào tạo kỹ năng số cho giáo viên", "Sở Nội vụ", "Các trường cao đẳng", "Năm 2026"],
    # a page break cut this row: its text goes on, in lower case, in the next physical row
    ["Số hóa học liệu các ngành đào tạo trọng điểm của", "Trường Cao đẳng Tuyên Quang", "Sở Tài chính",
     "30/6/2026"],
    ["tỉnh", "", "", ""],
]  # fmt: skip
_NO_STT_HEAD = (
    "Số: 27/KH-UBND\n\n# KẾ HOẠCH\n\n**Chuyển đổi số trong giáo dục nghề nghiệp**\n\n## II. NHIỆM VỤ\n\n"
)


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
def test_a_table_without_an_stt_column_has_one_task_a_row(tmp_path, layout: str) -> None:  # type: ignore[no-untyped-def]
    """No STT column: a missing number says nothing, every row is a task (ids by position); only a
    fragment (lower case, no unit or deadline) continues the row above."""
    if layout == "pipes":
        lines = ["| " + " | ".join(r) + " |" for r in _NO_STT_ROWS]
        lines.insert(1, "|---|---|---|---|")
    else:
        lines = ["\t".join(r) for r in _NO_STT_ROWS]
    path = tmp_path / "plan.md"
    path.write_text(_NO_STT_HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    plan = parse(path)
    assert [(t.id, t.text, [u.text for u in t.lead_units], t.deadline.text) for t in plan.tasks] == [
        ("1", "Xây dựng nền tảng học trực tuyến dùng chung", ["Sở Giáo dục và Đào tạo"], "Quý IV/2025"),
        ("2", "Đào tạo kỹ năng số cho giáo viên", ["Sở Nội vụ"], "Năm 2026"),
        (
            "3",
            "Số hóa học liệu các ngành đào tạo trọng điểm của tỉnh",
            ["Trường Cao đẳng Tuyên Quang"],
            "30/6/2026",
        ),
    ]
