"""Structure stage: markers, unwrapping, zones and the section tree, on small inputs."""

from __future__ import annotations

import pytest

from plancompare.readers.document import Line
from plancompare.structure.markers import MarkerKind, parse_marker
from plancompare.structure.paragraphs import build_paragraphs
from plancompare.structure.tables import column_roles, is_column_number_row, is_continuation


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", MarkerKind.ROMAN, "I"),
        ("IV. TỔ CHỨC THỰC HIỆN", MarkerKind.ROMAN, "IV"),
        ("2. Yêu cầu", MarkerKind.ARABIC, "2"),
        ("1.1 Tổ chức quán triệt", MarkerKind.DECIMAL, "1.1"),
        ("2.3. Rà soát", MarkerKind.DECIMAL, "2.3"),
        ("đ) Ủy ban Mặt trận", MarkerKind.LETTER, "đ"),
        ("k) Nội dung khác", MarkerKind.LETTER, "k"),
        ("- Tuyên truyền", MarkerKind.DASH, "-"),
        ("+ Sở Y tế", MarkerKind.PLUS, "+"),
        ("Điều 2. Hiệu lực thi hành", MarkerKind.ARTICLE, "2"),
        ("Phần II", MarkerKind.PART, "II"),
        ("Chương III. TỔ CHỨC", MarkerKind.CHAPTER, "III"),
        ("Mục 2. Nhiệm vụ", MarkerKind.MUC, "2"),
        ("3- Giao Sở Tài chính", MarkerKind.ARABIC, "3"),
    ],
)
def test_markers(text: str, kind: MarkerKind, label: str) -> None:
    m = parse_marker(text)
    assert m is not None and (m.kind, m.label) == (kind, label)


@pytest.mark.parametrize(
    "text",
    [
        "Mục đích",
        "30 tháng 10 năm 2024",
        "39-CT/TW.",
        "2030. Tiếp tục",
        "1.560 tỷ đồng",
        "f) not a letter",
        "V/v triển khai",
        "Lê Trung Hồ",
    ],
)
def test_not_markers(text: str) -> None:
    assert parse_marker(text) is None


def test_dash_in_name_is_not_a_bullet() -> None:
    assert parse_marker("- xã hội nhận ủy thác cấp tỉnh", previous="các tổ chức chính trị") is None
    assert parse_marker("- Sở Y tế;", previous="Nơi nhận:") is not None


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, line=i + 1) for i, t in enumerate(texts)]


def test_unwrap_hard_wrapped_text_keeps_items_apart() -> None:
    body = "x" * 60
    paras = build_paragraphs(
        _lines(
            "a) Rà soát, đề xuất sửa đổi, bổ sung hoàn thiện chính sách tín dụng chính sách",
            "xã hội cho người nghèo và các đối tượng chính sách khác.",
            "b) Ưu tiên tập trung nguồn lực, đa dạng hóa các kênh huy động vốn để thực hiện",
            "Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
        ),
        width=len(body) + 20,
    )
    assert [p.text[:2] for p in paras] == ["a)", "b)", "KT", "PH"]
    assert paras[1].text.endswith("Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030.")
    assert (paras[0].line_start, paras[0].line_end) == (1, 2)


def test_page_break_inside_a_sentence_is_joined() -> None:
    paras = build_paragraphs(_lines("c) Ưu tiên nguồn lực cho Ngân hàng Chính sách xã", "hội trên địa bàn."))
    assert [p.text for p in paras] == ["c) Ưu tiên nguồn lực cho Ngân hàng Chính sách xã hội trên địa bàn."]


def test_a_wrapped_line_opening_like_an_article_joins_after_a_dangling_word() -> None:
    """pandoc wraps at 72 columns: "… và quy định tại" / "Điều 227 Bộ Luật hình sự …". The source
    says the line continues (soft_wrap) and no line ends on "tại": no article starts there. Without
    the source's word (a PDF line) or after a full clause, "Điều 2." still opens an article."""
    wrapped = [
        Line(text="Nghị định số 36/2020/NĐ-CP và quy định tại", line=1),
        Line(text="Điều 227 Bộ Luật hình sự năm 2015.", line=2, soft_wrap=True),
    ]
    assert [p.text for p in build_paragraphs(wrapped)] == [
        "Nghị định số 36/2020/NĐ-CP và quy định tại Điều 227 Bộ Luật hình sự năm 2015."
    ]
    ended = [
        Line(text="Nghị định này quy định chi tiết.", line=1),
        Line(text="Điều 2. Hiệu lực", line=2, soft_wrap=True),
    ]
    assert [p.text for p in build_paragraphs(ended)] == [
        "Nghị định này quy định chi tiết.",
        "Điều 2. Hiệu lực",
    ]
    unknown = [Line(text="và quy định tại", line=1), Line(text="Điều 3. Trách nhiệm thi hành", line=2)]
    assert len(build_paragraphs(unknown)) == 2


def test_token_cut_at_hyphen_is_glued() -> None:
    paras = build_paragraphs(_lines("Nghị quyết số 39-", "NQ/TW ngày 18/7/2023"), width=10)
    assert paras[0].text == "Nghị quyết số 39-NQ/TW ngày 18/7/2023"


def test_column_roles_tolerate_typos_in_marks() -> None:
    header = [
        "STT",
        "NỘI DUNG NHIỆM VỤ",
        "ĐƠN VỊ CHỦ TRỊ",
        "ĐƠN VỊ PHÓI HỢP",
        "SẢN PHẨM",
        "THỜI GIAN THỰC HIỆN",
    ]
    assert column_roles(header) == {
        "number": 0,
        "text": 1,
        "lead": 2,
        "support": 3,
        "product": 4,
        "deadline": 5,
    }
    assert column_roles(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]) == {
        "number": 0,
        "text": 1,
        "lead": 2,
        "support": 3,
        "deadline": 4,
    }
    assert is_column_number_row(["(1)", "(2)", "(3)", "(4)", "(5)"])
    assert not is_column_number_row(["1", "Tổ chức quán triệt", "Sở Nội vụ", "", "Quý II/2026"])


def test_continuation_rule() -> None:
    from plancompare.structure.tables import LogicalRow

    prev = LogicalRow(
        cells={
            "text": "Rà soát các chương trình, dự án vào một đầu mối là",
            "lead": "Sở Tài chính",
            "deadline": "Thường xuyên",
        },
        line_start=1,
        line_end=1,
        page=1,
    )
    # the rest of the sentence on the next page: a continuation
    assert is_continuation(
        {"text": "Ngân hàng Chính sách xã hội tỉnh.", "lead": "", "deadline": ""}, True, prev
    )
    done = LogicalRow(
        cells={"text": "Tăng cường huy động vốn.", "lead": "NHCSXH", "deadline": "Thường xuyên"},
        line_start=1,
        line_end=1,
        page=1,
    )
    # an unnumbered row with its own lead unit and deadline after a finished row: its own task
    assert not is_continuation(
        {"text": "Nâng cao hiệu quả hoạt động.", "lead": "NHCSXH", "deadline": "Thường xuyên"}, False, done
    )
    # ... even at the top of a page
    assert not is_continuation(
        {"text": "Nâng cao hiệu quả hoạt động.", "lead": "NHCSXH", "deadline": "Thường xuyên"}, True, done
    )
    assert is_continuation({"text": "", "lead": "xã, phường", "deadline": ""}, True, done)
