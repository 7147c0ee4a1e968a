"""Forms the corpora do not show but other provinces' files do: pipe tables from other PDF-to-markdown
converters, two-row table headers, Roman group rows, bare-year deadlines, abbreviated issuers, and a
Nơi nhận list without dashes."""

from __future__ import annotations

from plancompare import parse

HA_TINH = """UBND TỈNH HÀ TĨNH

Số: 123/KH-UBND

Hà Tĩnh, ngày 05 tháng 9 năm 2025

# KẾ HOẠCH

**Thực hiện Quyết định số 1560/QĐ-TTg của Thủ tướng Chính phủ**

Thực hiện Chỉ thị số 39-CT/TW, UBND tỉnh ban hành Kế hoạch như sau:

## I. MỤC TIÊU

Đến năm 2030 tỷ lệ nợ quá hạn dưới 0,5% tổng dư nợ.

## II. NHIỆM VỤ

Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

Nơi nhận:

Thường trực Tỉnh ủy;

Các sở, ban, ngành;

Lưu: VT.

KT. CHỦ TỊCH

PHÓ CHỦ TỊCH

Trần Thị Mai

**PHỤ LỤC**

| TT | Nhiệm vụ | Đơn vị thực hiện | | Thời gian hoàn thành |
|---|---|---|---|---|
| | | Chủ trì | Phối hợp | |
| I | Tuyên truyền | | | |
| 1 | Tổ chức quán triệt Chỉ thị 39-CT/TW | Sở Nội vụ | Sở Tài chính; UBND các xã, phường | Năm 2025 |
| 2 | Tuyên truyền trên báo chí | Báo và Phát thanh, Truyền hình tỉnh | | Thường xuyên |
| II | Nguồn vốn | | | |
| 3 | Bố trí vốn ủy thác tối thiểu 20% tăng trưởng dư nợ | Sở Tài chính | Chi nhánh NHCSXH tỉnh | Hằng năm |
"""


def test_pipe_table_two_row_header_and_variants(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ha-tinh.md"
    path.write_text(HA_TINH, encoding="utf-8")
    plan = parse(path)
    m = plan.metadata
    assert (m.number, m.issuer, m.place, m.date) == (
        "123/KH-UBND",
        "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Hà Tĩnh",
        "2025-09-05",
    )
    assert m.recipients == ["Thường trực Tỉnh ủy", "Các sở, ban, ngành", "Lưu: VT"]
    assert (m.signing_capacity, m.signer_title, m.signer) == ("KT. Chủ tịch", "Phó Chủ tịch", "Trần Thị Mai")
    assert m.appendix.present and m.appendix.referenced

    assert [g.number for g in plan.task_groups] == ["I", "II"]
    assert [(t.id, t.group) for t in plan.tasks] == [("1", "I"), ("2", "I"), ("3", "II")]
    t1, t2, t3 = plan.tasks
    assert [u.canonical for u in t1.lead_units] == ["Sở Nội vụ"]
    assert [u.text for u in t1.support_units] == ["Sở Tài chính", "UBND các xã, phường"]
    assert (t1.deadline.kind.value, t1.deadline.date) == ("date", "2025-12-31")
    assert t2.deadline.kind.value == "continuous" and t2.support_units == []
    assert t3.deadline.kind.value == "annual"
    assert [(t.comparator.value, t.value) for t in t3.targets] == [(">=", 20)]


def test_truncated_closing_still_ends_body_at_appendix(tmp_path, root) -> None:  # type: ignore[no-untyped-def]
    src = (root / "corpora/plans/nghe-an-686-KH-UBND-2025.md").read_text(encoding="utf-8")
    cut = src[: src.index("*Nơi nhận:*")] + src[src.index("**PHỤ LỤC:**") :]
    path = tmp_path / "cut.md"
    path.write_text(cut, encoding="utf-8")
    plan = parse(path)
    assert len(plan.tasks) == 24
    assert [s.id for s in plan.sections][-2:] == ["III.2", "PL"]
    codes = {w.code for w in plan.warnings}
    assert {"signer_missing", "recipients_missing"} <= codes
    assert plan.metadata.signer is None and plan.metadata.recipients == []
