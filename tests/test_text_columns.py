"""Plain text with the header and the closing laid out side by side (Word and PDF text exports)."""

from __future__ import annotations

from conftest import ROOT
from plancompare import parse
from plancompare.readers.text_columns import find_blocks


def rows(*lines: str) -> list[tuple[int, str]]:
    return [(i + 1, s) for i, s in enumerate(lines)]


def test_header_block_is_read_column_by_column() -> None:
    ((start, end, cuts),) = find_blocks(
        rows(
            "ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "  TỈNH AN GIANG                            Độc lập - Tự do - Hạnh phúc",
            "Số: 215/KH-UBND                         An Giang, ngày 05 tháng 9 năm 2025",
            "                    KẾ HOẠCH",
        )
    )
    assert (start, end) == (0, 3)
    assert [c.left for c in cuts] == ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 215/KH-UBND"]
    assert cuts[2].right == "An Giang, ngày 05 tháng 9 năm 2025"


def test_left_only_lines_stay_while_the_right_column_goes_on() -> None:
    ((_, end, cuts),) = find_blocks(
        rows(
            "Nơi nhận:                                   KT. CHỦ TỊCH",
            "- Sở Tài chính;                             PHÓ CHỦ TỊCH",
            "- Lưu: VT.",
            "                                            Trần Văn Bình",
            "Phụ lục kèm theo",
        )
    )
    assert end == 4 and [c.right for c in cuts] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Bình"]


def test_table_rows_and_lone_gaps_are_not_columns() -> None:
    assert (
        find_blocks(
            rows(
                "1.1    Tổ chức quán triệt     Sở Nội vụ     Quý II/2026", "1.2    Rà soát    Sở Y tế    2026"
            )
        )
        == []
    )
    assert find_blocks(rows("a) Nội dung có một khoảng trống      ở giữa dòng.", "b) Dòng thường.")) == []


def test_side_by_side_plan_parses() -> None:
    m = parse(ROOT / "tests/data/an-giang-side-by-side.txt").metadata
    assert (m.number, m.issuer, m.place, m.date) == (
        "215/KH-UBND",
        "Ủy ban nhân dân tỉnh An Giang",
        "An Giang",
        "2025-09-05",
    )
    assert (m.signing_capacity, m.signer_title, m.signer) == ("KT. Chủ tịch", "Phó Chủ tịch", "Lê Trung Hồ")
    assert m.recipients == ["TT. Tỉnh ủy", "TT. HĐND tỉnh", "Lưu: VT, pthoanh"]
