"""End to end on plans written for these tests in other provinces' styles (not from the corpora)."""

from __future__ import annotations

from plancompare import parse

QUANG_NINH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/KH-UBND
Quảng Ninh, ngày 01 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ

Căn cứ Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU
1. Đến năm 2030, nguồn vốn ủy thác của địa phương chiếm không thấp hơn 20% tổng nguồn vốn.
2. Tỷ lệ nợ quá hạn dưới 0,5% tổng dư nợ.
II. NHIỆM VỤ, GIẢI PHÁP
1. Giao Sở Tài chính chủ trì, phối hợp với Chi nhánh Ngân hàng Chính sách xã hội tỉnh tham mưu bố trí vốn ủy thác; hoàn thành trong Quý III/2026.
2. Các sở, ban, ngành; UBND các xã, phường, đặc khu tổ chức tuyên truyền về tín dụng chính sách xã hội.
3. Chi nhánh Ngân hàng Chính sách xã hội tỉnh tổng hợp, báo cáo UBND tỉnh trước ngày 15/11 hằng năm.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./.

Nơi nhận:
- Thủ tướng Chính phủ (b/c);
- NHCSXH Việt Nam;
- Các sở, ban, ngành;
- Lưu: VT.
Q. CHỦ TỊCH
Nguyễn Văn An
"""


def test_other_province_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.txt"
    path.write_text(QUANG_NINH, encoding="utf-8")
    plan = parse(path)
    m = plan.metadata
    assert (m.number, m.doc_type, m.doc_type_name) == ("05/KH-UBND", "KH", "Kế hoạch")
    assert (m.issuer, m.place, m.date) == ("Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh", "2026-02-01")
    assert m.title == "Thực hiện Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ"
    assert (m.signing_capacity, m.signer, m.signer_title) == ("Q. Chủ tịch", "Nguyễn Văn An", None)
    assert m.cites == ["1560/QĐ-TTg", "39-CT/TW"]
    assert len(m.recipients) == 4 and m.recipients[0] == "Thủ tướng Chính phủ (b/c)"
    assert m.appendix.present is False and m.appendix.referenced is False

    assert [t.id for t in plan.tasks] == ["II.1", "II.2", "II.3"]
    t1, t2, t3 = plan.tasks
    assert [u.canonical for u in t1.lead_units] == ["Sở Tài chính"]
    assert [u.canonical for u in t1.support_units] == ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh"]
    assert (t1.deadline.kind.value, t1.deadline.date) == ("date", "2026-09-30")
    assert [u.text for u in t2.lead_units] == ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]
    assert (t3.deadline.kind.value, t3.deadline.day_month) == ("annual", "15/11")

    targets = {(t.where, t.comparator.value, t.value, t.by_year) for t in plan.targets}
    assert targets == {("I.1", ">=", 20, 2030), ("I.2", "<", 0.5, None)}
    assert plan.accounting.by_role.get("unclassified", 0) == 0


DECISION = """BỘ XÂY DỰNG
Số: 12/QĐ-BXD
Hà Nội, ngày 3 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chỉ thị số 39-CT/TW
BỘ TRƯỞNG BỘ XÂY DỰNG
Căn cứ Nghị định số 33/2025/NĐ-CP;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 39-CT/TW.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
1. Các Cục, Vụ tổ chức thực hiện.
2. Văn phòng Bộ theo dõi, đôn đốc.
Điều 3. Chánh Văn phòng Bộ và Thủ trưởng các đơn vị chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Bình
"""


def test_decision_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "qd.txt"
    path.write_text(DECISION, encoding="utf-8")
    plan = parse(path)
    m = plan.metadata
    assert (m.doc_type, m.number, m.issuer, m.place, m.date) == (
        "QĐ",
        "12/QĐ-BXD",
        "Bộ Xây dựng",
        "Hà Nội",
        "2026-03-03",
    )
    assert (m.signing_capacity, m.signer_title, m.signer) == ("KT. Bộ trưởng", "Thứ trưởng", "Trần Văn Bình")
    ids = [s.id for s in plan.sections]
    assert ids == ["Đ1", "Đ2", "Đ2.1", "Đ2.2", "Đ3"]
    assert plan.preamble is not None and plan.preamble.startswith("BỘ TRƯỞNG BỘ XÂY DỰNG")


def test_decision_with_attached_plan(root) -> None:  # type: ignore[no-untyped-def]
    """A Quyết định whose Kế hoạch is attached ("ban hành kèm theo"): the tasks are the plan's."""
    plan = parse(root / "tests" / "data" / "decision-with-attached-plan.txt")
    m = plan.metadata
    assert (m.doc_type, m.number, m.issuer) == ("QĐ", "450/QĐ-UBND", "Ủy ban nhân dân tỉnh Kon Tum")
    assert (m.signer, m.signer_title, m.signing_capacity) == ("Nguyễn Văn Hòa", "Chủ tịch", None)
    assert m.recipients == ["Như Điều 3", "Lưu: VT"]  # the attached plan's header is not a recipient
    assert [s.id for s in plan.sections][:4] == ["Đ1", "Đ2", "Đ3", "PL"]
    assert [t.id for t in plan.tasks] == ["PL.II.1", "PL.II.2", "PL.II.3"]
    assert [[u.canonical for u in t.lead_units] for t in plan.tasks] == [
        ["Sở Tài chính"],
        ["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân các xã, phường, đặc khu"],
        ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh"],
    ]
    assert (plan.tasks[2].deadline.kind.value, plan.tasks[2].deadline.day_month) == ("annual", "30/11")
    assert [(t.comparator.value, t.value, t.value_max) for t in plan.tasks[0].targets] == [("range", 15, 20)]
    assert plan.unclassified == []
