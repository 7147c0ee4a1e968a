"""The "Tổ chức thực hiện" section as provinces write it: "1. Sở Tài chính: Chủ trì, phối hợp với …"
and "2. Sở Nội vụ:" over dash items — the unit before the colon leads, "phối hợp với" names support."""

from __future__ import annotations

from pathlib import Path

from plancompare import parse
from plancompare.extract.actors import lead_units

BODY = """Số: 12/KH-UBND

# KẾ HOẠCH

**Triển khai Quyết định số 1560/QĐ-TTg**

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Tài chính: Chủ trì, phối hợp với Chi nhánh Ngân hàng Chính sách xã hội tỉnh tham mưu UBND tỉnh bố trí \
nguồn vốn ngân sách địa phương ủy thác; hoàn thành trước ngày 30/11/2025.

2. Sở Nội vụ:

- Chủ trì rà soát hộ nghèo, hộ cận nghèo.

- Phối hợp với Sở Tài chính hướng dẫn các xã thực hiện chính sách.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên \
truyền, giám sát việc thực hiện.
"""


def test_units_before_a_colon_lead() -> None:
    assert [u.text for u in lead_units("Sở Tài chính: Chủ trì, phối hợp với Sở Nội vụ tham mưu")] == [
        "Sở Tài chính"
    ]
    assert [u.text for u in lead_units("Sở Y tế, Sở Nội vụ: tổ chức thực hiện")] == ["Sở Y tế", "Sở Nội vụ"]
    # a colon after a sentence's own words is no unit list
    assert lead_units("Nội dung tuyên truyền: Chỉ thị số 39-CT/TW") == []


def test_the_tasks_of_an_implementation_section(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(BODY, encoding="utf-8")
    tasks = parse(path).tasks
    got = [(t.id, [u.text for u in t.lead_units], [u.text for u in t.support_units]) for t in tasks]
    assert got == [
        ("III.1", ["Sở Tài chính"], ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh"]),
        ("III.2", ["Sở Nội vụ"], ["Sở Tài chính"]),
        ("III.3", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"], []),
    ]
    assert tasks[0].deadline.date == "2025-11-30"
    assert tasks[1].text.splitlines() == [
        "Sở Nội vụ:",
        "- Chủ trì rà soát hộ nghèo, hộ cận nghèo.",
        "- Phối hợp với Sở Tài chính hướng dẫn các xã thực hiện chính sách.",
    ]
