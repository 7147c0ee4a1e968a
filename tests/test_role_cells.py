"""A unit cell that names roles: labelled ("Chủ trì: …; phối hợp: …"), marked ("… (chủ trì)") or a
clause ("… chủ trì, phối hợp với …") gives lead and support units; a plain list stays a list of leads."""

from __future__ import annotations

import pytest

from plancompare import parse
from plancompare.extract.role_cells import split_role_cell


def _texts(lead_cell: str, support_cell: str = "") -> tuple[list[str], list[str]]:
    lead, support = split_role_cell(lead_cell, support_cell)
    return [u.text for u in lead], [u.text for u in support]


@pytest.mark.parametrize(
    ("cell", "lead", "support"),
    [
        ("Chủ trì: Sở Y tế; phối hợp: Sở Tài chính, Bảo hiểm xã hội tỉnh", ["Sở Y tế"],
         ["Sở Tài chính", "Bảo hiểm xã hội tỉnh"]),
        ("- Cơ quan chủ trì: Sở Nội vụ\n- Cơ quan phối hợp: Sở Tư pháp; UBND các xã, phường", ["Sở Nội vụ"],
         ["Sở Tư pháp", "UBND các xã, phường"]),
        ("Đơn vị chủ trì: Công an tỉnh. Đơn vị phối hợp: Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh"],
         ["Bộ Chỉ huy Quân sự tỉnh"]),
        ("Sở Tài chính (chủ trì), Sở Nội vụ, UBND các xã", ["Sở Tài chính"], ["Sở Nội vụ", "UBND các xã"]),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Giáo dục và Đào tạo", ["Sở Nội vụ"], ["Sở Giáo dục và Đào tạo"]),
        ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công bố dữ liệu",
         ["Sở KH&CN"], ["Các sở, ngành", "UBND cấp xã"]),
        # no role named: a plain list of lead units, as before
        ("Sở Y tế; Sở Tài chính", ["Sở Y tế", "Sở Tài chính"], []),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; các tổ chức chính trị - xã hội",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"], []),
    ],
)  # fmt: skip
def test_a_unit_cell_that_names_roles(cell: str, lead: list[str], support: list[str]) -> None:
    assert _texts(cell) == (lead, support)


def test_the_row_support_cell_is_kept_beside_a_labelled_lead_cell() -> None:
    assert _texts("Chủ trì: Sở Y tế", "Sở Tài chính") == (["Sở Y tế"], ["Sở Tài chính"])


def test_a_combined_column_in_a_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Đơn vị thực hiện" holding both roles, in the three ways plans write it."""
    rows = [
        "| STT | Nội dung | Đơn vị thực hiện | Thời gian |",
        "|---|---|---|---|",
        "| 1 | Xây dựng nền tảng học trực tuyến | Chủ trì: Sở Giáo dục và Đào tạo; phối hợp: Sở Khoa học và"
        " Công nghệ | Quý IV/2025 |",
        "| 2 | Đào tạo kỹ năng số cho giáo viên | Sở Nội vụ chủ trì, phối hợp với các trường cao đẳng | Năm 2026 |",
        "| 3 | Số hóa học liệu | - Chủ trì: Trường Cao đẳng Tuyên Quang<br>- Phối hợp: Sở Tài chính | 30/6/2026 |",
    ]
    path = tmp_path / "plan.md"
    path.write_text(
        "Số: 27/KH-UBND\n\n# KẾ HOẠCH\n\n## II. NHIỆM VỤ\n\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    got = [([u.text for u in t.lead_units], [u.text for u in t.support_units]) for t in parse(path).tasks]
    assert got == [
        (["Sở Giáo dục và Đào tạo"], ["Sở Khoa học và Công nghệ"]),
        (["Sở Nội vụ"], ["các trường cao đẳng"]),
        (["Trường Cao đẳng Tuyên Quang"], ["Sở Tài chính"]),
    ]
