"""Plain text without markup, hard-wrapped: which line breaks are wraps and which part paragraphs.
Rules (structure/paragraphs.py, readers/text.py): in a text whose blank lines part paragraphs, a
line right under another continues it and a line after a blank line starts a new one; a heading
in capitals and a sentence-case heading cut mid-phrase join; a numbered start that does not fit its
sequence under an unfinished, wrapped sentence is text; a signature block keeps one item a line."""

from __future__ import annotations

import textwrap

from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.readers.document import Line
from plancompare.readers.markdown import read_markdown, trailing_spaces_mean_breaks
from plancompare.readers.text import blanks_separate_paragraphs, read_text
from plancompare.structure.markers import Marker, MarkerKind
from plancompare.structure.paragraphs import build_paragraphs, fits_sequence

SOURCE = SourceInfo(path="x.txt", sha256="0", format=SourceFormat.TEXT)


def paragraphs(text: str) -> list[str]:
    raw = read_text(text, SOURCE)
    return [p.text for p in build_paragraphs([x for x in raw.items if isinstance(x, Line)])]


BODY = """Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện với các nội dung sau đây nhằm bảo
đảm thống nhất trên địa bàn tỉnh.

I. MỤC
ĐÍCH, YÊU CẦU

1. Phổ biến, giáo dục Luật
Việc làm và các văn bản hướng dẫn thi hành

Tổ chức phổ biến, giáo dục Luật Việc làm bằng nhiều hình thức phù hợp với điều kiện của
từng cơ quan, đơn vị.

III. PHÁT
TRIỂN NỀN MÓNG KINH TẾ SỐ VÀ XÃ HỘI SỐ

2. Sở Giáo dục và Đào tạo chủ trì triển khai, bảo đảm tiến độ đề ra từ nay đến hết năm
2025. Các nội dung hoàn thành trước ngày 30 tháng 6 và đạt tỷ lệ hộ gia đình sử dụng
30% dịch vụ số.
"""


def test_wrapped_headings_join_and_blank_lines_part_paragraphs() -> None:
    got = paragraphs(BODY)
    assert got[1:5] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Phổ biến, giáo dục Luật Việc làm và các văn bản hướng dẫn thi hành",
        "Tổ chức phổ biến, giáo dục Luật Việc làm bằng nhiều hình thức phù hợp với điều kiện của"
        " từng cơ quan, đơn vị.",
        "III. PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ VÀ XÃ HỘI SỐ",
    ]


def test_wrapped_line_starting_with_a_year_or_a_percentage_is_no_item() -> None:
    last = paragraphs(BODY)[-1]
    assert (
        last.startswith("2. Sở Giáo dục") and "năm 2025. Các nội dung" in last and "sử dụng 30% dịch" in last
    )


ITEMS = """Các nhiệm vụ cụ thể như sau, bảo đảm đúng tiến độ và chất lượng theo yêu cầu của Ủy ban
nhân dân tỉnh:

1. Tổ chức hội nghị quán triệt, triển khai theo đúng tinh thần của Nghị quyết số 57 và khoản
15. Điều 3 của Nghị định hướng dẫn thi hành, bảo đảm thống nhất trên toàn địa bàn tỉnh.
2. Rà soát, sửa đổi các văn bản quy phạm pháp luật có liên quan trong phạm vi quản lý.
3. Kiểm tra, đôn đốc việc thực hiện và báo cáo kết quả về Ủy ban nhân dân tỉnh.
"""


def test_number_out_of_sequence_under_a_wrapped_sentence_continues_it() -> None:
    got = paragraphs(ITEMS)
    assert [p[:3] for p in got[1:]] == ["1. ", "2. ", "3. "]
    assert "và khoản 15. Điều 3" in got[1]


def test_next_item_after_a_sentence_end_is_an_item() -> None:
    """Item 2 follows a full stop and fits the sequence; item 3 too: both stay items even though
    the lines run without blank lines between them."""
    got = paragraphs(ITEMS)
    assert got[2] == "2. Rà soát, sửa đổi các văn bản quy phạm pháp luật có liên quan trong phạm vi quản lý."
    assert got[3].startswith("3. Kiểm tra")


def test_fits_sequence() -> None:
    last = {MarkerKind.ARABIC: "2", MarkerKind.LETTER: "c", MarkerKind.DECIMAL: "1.2"}
    assert fits_sequence(Marker(MarkerKind.ARABIC, "3", ""), last)
    assert fits_sequence(Marker(MarkerKind.ARABIC, "1", ""), last)  # numbering restarts in a new part
    assert not fits_sequence(Marker(MarkerKind.ARABIC, "15", ""), last)
    assert fits_sequence(Marker(MarkerKind.LETTER, "d", ""), last)
    assert not fits_sequence(Marker(MarkerKind.LETTER, "g", ""), last)
    assert fits_sequence(Marker(MarkerKind.DECIMAL, "1.3", ""), last)
    assert fits_sequence(Marker(MarkerKind.DECIMAL, "2.1", ""), last)
    assert fits_sequence(Marker(MarkerKind.ROMAN, "V", ""), last)


CLOSING = """Các sở, ngành căn cứ Kế hoạch này tổ chức thực hiện./.

NGHỊ QUYẾT
Ban hành Chương trình hành động của Chính phủ

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
[đã ký]
Nguyễn Văn An
"""


def test_signature_block_and_capitals_keep_their_lines() -> None:
    got = paragraphs(CLOSING)
    assert "NGHỊ QUYẾT" in got and "Ban hành Chương trình hành động của Chính phủ" in got
    assert got[-4:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "[đã ký]", "Nguyễn Văn An"]


def test_when_blank_lines_part_paragraphs() -> None:
    assert blanks_separate_paragraphs(BODY.splitlines())
    assert not blanks_separate_paragraphs(["Dòng một", "Dòng hai", "Dòng ba", "", ""])  # only at the end
    double_spaced = [x for n in range(10) for x in (f"Dòng {n}", "")]
    assert not blanks_separate_paragraphs(double_spaced)
    # `pdftotext -layout`: blank lines only at page breaks; a paragraph opens on an indent right
    # under the sentence that ended the one before, so those blank lines part no paragraphs
    page = [
        "       1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân",
        "  các xã, phường",
        "       Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền, phổ biến",
        "  và triển khai thực hiện đầy đủ các nội dung của Quyết định số 1074/QĐ-BXD.",
        "       2. Giao Sở Xây dựng",
        "       Chủ trì, phối hợp với Công an tỉnh tổ chức hướng dẫn triển khai thực hiện.",
        "       3. Ủy ban nhân dân các xã, phường rà soát các cơ sở, công trình trên địa bàn;",
        "       4. Định kỳ hằng năm báo cáo kết quả thực hiện về Sở Xây dựng trước ngày",
    ]
    assert not blanks_separate_paragraphs([*page, "", "", *page, "", *page])


def test_crlf_and_trailing_spaces_read_like_plain_lines() -> None:
    crlf = "\r\n".join(f"{line}   " for line in BODY.splitlines())
    assert paragraphs(crlf) == paragraphs(BODY)


PROSE = (
    "Tổ chức phổ biến, quán triệt nội dung Kế hoạch đến toàn thể cán bộ, công chức, viên chức và"
    " người lao động; xây dựng chương trình, kế hoạch cụ thể để triển khai thực hiện có hiệu quả các"
    " nhiệm vụ, giải pháp đề ra, bảo đảm phù hợp với chức năng, nhiệm vụ được giao."
)


def test_a_word_that_would_have_fit_ends_the_line_above() -> None:
    """No blank lines at all (an export that drops them): a heading that runs near the wrap width
    still ends where the next word would have fit on its line."""
    heading = "15. Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã tỉnh"
    body = textwrap.wrap("Xây dựng kế hoạch hành động. " + PROSE, 72)
    text = "\n".join([*textwrap.wrap(PROSE, 72), heading, *body, *textwrap.wrap(PROSE, 72)]) + "\n"
    assert len(heading) > 0.8 * 72 and len(heading + " Xây") < 70  # runs near the width; "Xây" fits
    got = paragraphs(text)
    assert heading in got
    assert any(p.startswith("Xây dựng kế hoạch hành động.") for p in got)


def test_trailing_spaces_on_most_lines_are_no_markdown_breaks() -> None:
    """Two trailing spaces are a markdown line break only where a few lines carry them (a header's
    "Số: 03/NQ-CP  "); on most lines they are residue and the markdown joins its wrapped lines."""
    heading = "**I. MỤC  \nĐÍCH, YÊU CẦU**  \n\n**1. Sở  \nKhoa học và Công nghệ**  \n\nVăn bản.  \n"
    assert not trailing_spaces_mean_breaks(heading.splitlines())
    assert trailing_spaces_mean_breaks(["Số: 03/NQ-CP  ", "Hà Nội, ngày 09 tháng 01 năm 2025", "Căn cứ Luật"])
    raw = read_markdown(heading.replace("\n", "\r\n"), SOURCE)
    got = [p.text for p in build_paragraphs([x for x in raw.items if isinstance(x, Line)])]
    assert got == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Sở Khoa học và Công nghệ", "Văn bản."]
