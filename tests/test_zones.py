"""`structure.zones.split_layout` on its own: every paragraph gets exactly one zone (NĐ 30/2020
order: header → type → title → addressees → preamble → body → closing → appendix)."""

from __future__ import annotations

from plancompare.model.labels import ParagraphRole
from plancompare.readers.document import Line
from plancompare.structure.paragraphs import Paragraph, build_paragraphs
from plancompare.structure.zones import split_layout


def paragraphs(*texts: str, bold: frozenset[int] = frozenset()) -> list[Paragraph]:
    lines = [Line(text=t, line=k + 1, bold=k in bold) for k, t in enumerate(texts)]
    return build_paragraphs(lines, width=10_000)


def test_plan_zones_in_order() -> None:
    paras = paragraphs(
        "ỦY BAN NHÂN DÂN",
        "TỈNH CAO BẰNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/KH-UBND",
        "Cao Bằng, ngày 02 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Phát triển du lịch cộng đồng năm 2026",
        "Căn cứ Nghị quyết số 05/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân tỉnh;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Nơi nhận:",
        "- Như trên;",
        "KT. CHỦ TỊCH",
        "PHỤ LỤC",
        bold=frozenset({5}),
    )
    layout = split_layout(list(paras))
    assert [p.text for p in layout.header][-1] == "Cao Bằng, ngày 02 tháng 3 năm 2026"
    assert layout.type_line is not None and layout.type_line.text == "KẾ HOẠCH"
    assert [p.text for p in layout.title] == ["Phát triển du lịch cộng đồng năm 2026"]
    assert [p.text for p in layout.preamble] == [
        "Căn cứ Nghị quyết số 05/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân tỉnh;"
    ]
    assert [p.text for p in layout.body if isinstance(p, Paragraph)] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
    ]
    assert [p.text for p in layout.closing] == ["Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH"]
    assert [p.text for p in layout.appendix if isinstance(p, Paragraph)] == ["PHỤ LỤC"]
    roles = {p.text: p.role for p in paras}
    assert roles["KẾ HOẠCH"] is ParagraphRole.TYPE and roles["1. Mục đích"] is ParagraphRole.BODY
    assert roles["Nơi nhận:"] is None  # the closing's roles are the pipeline's (recipients, signature)


def test_title_in_capitals_wrapped_after_its_first_word() -> None:
    """ "TRIỂN" / "KHAI THI HÀNH LUẬT …": a title in capitals runs on over its wrapped lines."""
    paras = paragraphs("KẾ HOẠCH", "TRIỂN", "KHAI THI HÀNH LUẬT VIỆC LÀM", "I. MỤC ĐÍCH", bold=frozenset({0}))
    layout = split_layout(list(paras))
    assert [p.text for p in layout.title] == ["TRIỂN", "KHAI THI HÀNH LUẬT VIỆC LÀM"]


def test_cong_van_without_type_line() -> None:
    paras = paragraphs(
        "UBND TỈNH LÀO CAI",
        "Số: 7432/UBND-XD",
        "V/v triển khai Quyết định số 1074/QĐ-BXD",
        "Kính gửi:",
        "- Các sở, ban, ngành thuộc tỉnh;",
        "Thực hiện Quyết định số 1074/QĐ-BXD, Ủy ban nhân dân tỉnh có ý kiến như sau:",
        "1. Giao Sở Xây dựng chủ trì.",
    )
    layout = split_layout(list(paras))
    assert layout.type_line is None
    assert [p.text for p in layout.title] == ["V/v triển khai Quyết định số 1074/QĐ-BXD"]
    assert [p.text for p in layout.addressees] == ["Kính gửi:", "- Các sở, ban, ngành thuộc tỉnh;"]
    assert [p.text for p in layout.body if isinstance(p, Paragraph)] == ["1. Giao Sở Xây dựng chủ trì."]


def test_no_signature_body_ends_at_appendix_heading() -> None:
    paras = paragraphs("KẾ HOẠCH", "Về việc X", "I. NHIỆM VỤ", "1. Làm A.", "PHỤ LỤC", bold=frozenset({0, 4}))
    layout = split_layout(list(paras))
    assert layout.closing == []
    assert [p.text for p in layout.appendix if isinstance(p, Paragraph)] == ["PHỤ LỤC"]
