"""Markdown that carries raw HTML, as converters write it: pandoc `-t gfm` writes a table whose
cells hold paragraphs as a raw `<table>` block (the header's issuer | Quốc hiệu, the Nơi nhận |
signature, an appendix); PDF converters write `<br>` inside pipe-table cells; web copies carry
entities and inline tags. Expected values are read from the markdown written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from plancompare import parse
from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.readers import read_bytes
from plancompare.readers.document import FurnitureKind, Line, RawDocument, Table
from plancompare.readers.markdown import read_markdown
from plancompare.readers.markdown_html import inline_html

DATA = ROOT / "tests" / "data" / "serializations"


def _read(text: str) -> RawDocument:
    """The markdown reader itself (a snippet this short may not carry the cues that sniff markdown)."""
    return read_markdown(text, SourceInfo(path="doc.md", sha256="0" * 64, format=SourceFormat.MARKDOWN))


def _lines(raw: RawDocument) -> list[Line]:
    return [it for it in raw.items if isinstance(it, Line)]


def _tables(raw: RawDocument) -> list[Table]:
    return [it for it in raw.items if isinstance(it, Table)]


# As pandoc -t gfm writes a Word table whose cells hold several paragraphs: a `style` on each
# cell, `<p>`, `<strong>`, text wrapped at 72 columns inside a cell, a rowspan.
APPENDIX = """\
Các nhiệm vụ tại Phụ lục.

<table style="width:100%;">
<colgroup>
<col style="width: 5%" />
<col style="width: 60%" />
<col style="width: 35%" />
</colgroup>
<thead>
<tr>
<th style="text-align: center;"><strong>STT</strong></th>
<th style="text-align: center;"><strong>Nội dung nhiệm vụ</strong></th>
<th style="text-align: center;"><strong>Cơ quan chủ
trì</strong></th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: center;">1</td>
<td style="text-align: left;"><p>Rà soát quy hoạch khoáng sản nhóm
I, II;</p>
<p>báo cáo UBND tỉnh.</p></td>
<td rowspan="2" style="text-align: center;">Sở Nông nghiệp và Môi
trường</td>
</tr>
<tr>
<td style="text-align: center;">2</td>
<td style="text-align: left;"><h4 id="x">Cập nhật cơ sở dữ liệu
khoáng sản &amp; địa chất.</h4></td>
</tr>
</tbody>
</table>

Đoạn sau bảng.
"""


def test_a_raw_html_table_becomes_one_table_with_its_rows() -> None:
    raw = _read(APPENDIX)
    (table,) = _tables(raw)
    cells = [r.cells for r in table.rows]
    assert cells[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    assert table.rows[0].is_header
    # two paragraphs in the cell stay two lines; the rowspan leaves the row below an empty cell
    assert cells[1] == [
        "1",
        "Rà soát quy hoạch khoáng sản nhóm I, II;\nbáo cáo UBND tỉnh.",
        "Sở Nông nghiệp và Môi trường",
    ]
    # a Word heading style in a cell (<h4>) is the cell's text, not a site's section
    assert cells[2] == ["2", "Cập nhật cơ sở dữ liệu khoáng sản & địa chất.", ""]
    assert [ln.text for ln in _lines(raw)] == ["Các nhiệm vụ tại Phụ lục.", "Đoạn sau bảng."]


def test_a_raw_table_row_points_at_the_markdown_lines_its_cells_stand_on() -> None:
    lines = APPENDIX.splitlines()
    raw = _read(APPENDIX)
    (table,) = _tables(raw)
    row = table.rows[1]
    assert row.line == lines.index('<td style="text-align: center;">1</td>') + 1
    # the last cell line is the lead unit's, on the line its first word stands on
    assert (
        row.line_end == lines.index('<td rowspan="2" style="text-align: center;">Sở Nông nghiệp và Môi') + 1
    )
    assert row.char_start is not None
    assert APPENDIX[row.char_start :].startswith('<td style="text-align: center;">1</td>')
    assert table.rows[2].line == lines.index('<td style="text-align: center;">2</td>') + 1


def test_an_indented_table_after_text_on_its_line_and_text_after_it() -> None:
    text = (
        "Bảng sau: <table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td></tr>\n"
        "    <tr><td>1</td><td>Tập huấn</td><td>Sở Nội vụ</td></tr>\n"
        "    <tr><td>2</td><td>Kiểm tra</td><td>Sở Tư pháp</td></tr></table> Hết bảng.\n"
    )
    raw = _read(text)
    (table,) = _tables(raw)
    assert [r.cells for r in table.rows][1:] == [
        ["1", "Tập huấn", "Sở Nội vụ"],
        ["2", "Kiểm tra", "Sở Tư pháp"],
    ]
    assert [r.line for r in table.rows] == [1, 2, 3]
    assert [(ln.text, ln.line) for ln in _lines(raw)] == [("Bảng sau:", 1), ("Hết bảng.", 3)]


def test_an_unclosed_table_ends_at_the_blank_line() -> None:
    text = (
        "<table><tr><td>STT</td><td>Nội dung</td></tr>\n<tr><td>1</td><td>Tập huấn</td></tr>\n\n"
        "Đoạn văn sau bảng.\n"
    )
    raw = _read(text)
    (table,) = _tables(raw)
    assert table.rows[1].cells == ["1", "Tập huấn"]
    assert [ln.text for ln in _lines(raw)] == ["Đoạn văn sau bảng."]


HEADER = """\
<table style="width:64%;">
<colgroup>
<col style="width: 21%" />
<col style="width: 2%" />
<col style="width: 39%" />
</colgroup>
<thead>
<tr>
<th style="text-align: center;"><strong>ỦY BAN NHÂN DÂN TỈNH
TUYÊN QUANG</strong></th>
<th style="text-align: center;"></th>
<th style="text-align: center;"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM</strong></p>
<p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: center;">Số: 27/KH-UBND</td>
<td style="text-align: center;"></td>
<td style="text-align: center;"><em>Tuyên Quang, ngày 14 tháng 10 năm
2025</em></td>
</tr>
</tbody>
</table>
"""


def test_a_raw_header_table_becomes_column_lines() -> None:
    raw = _read(HEADER)
    assert not _tables(raw)
    got = [(ln.text, ln.column, ln.line) for ln in _lines(raw)]
    assert got == [
        ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", 1, 9),
        ("Số: 27/KH-UBND", 1, 19),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 2, 12),
        ("Độc lập - Tự do - Hạnh phúc", 2, 14),
        ("Tuyên Quang, ngày 14 tháng 10 năm 2025", 2, 21),
    ]


def test_the_plan_with_a_raw_header_table_has_its_metadata(tmp_path: Path) -> None:
    body = (DATA / "plan-tabs.md").read_text(encoding="utf-8").split("# KẾ HOẠCH", 1)[1]
    path = tmp_path / "plan.md"
    path.write_text(HEADER + "\n# KẾ HOẠCH" + body, encoding="utf-8")
    plan = parse(path)
    m = plan.metadata
    assert (m.issuer, m.number, m.date, m.place) == (
        "Ủy ban nhân dân tỉnh Tuyên Quang",
        "27/KH-UBND",
        "2025-10-14",
        "Tuyên Quang",
    )
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4", "5"]


def test_entities_and_inline_tags_in_text_lines() -> None:
    text = (
        "Căn cứ Luật Địa chất&nbsp;và khoáng sản<sup>1</sup> &amp; Nghị định 11/2025/NĐ-CP;\n\n"
        '<span style="color:red">Sở Tài chính</span> chủ trì &#273;ôn đốc; &lt;tên cơ quan&gt; ghi rõ.\n\n'
        "Mẫu: <Tên cơ quan chủ quản> và <Ten don vi> giữ nguyên; R&D; AT&T.\n"
    )
    assert [ln.text for ln in _lines(_read(text))] == [
        "Căn cứ Luật Địa chất và khoáng sản 1 & Nghị định 11/2025/NĐ-CP;",
        "Sở Tài chính chủ trì đôn đốc; <tên cơ quan> ghi rõ.",
        "Mẫu: <Tên cơ quan chủ quản> và <Ten don vi> giữ nguyên; R&D; AT&T.",
    ]


def test_a_br_in_a_paragraph_ends_the_line() -> None:
    raw = _read("Nơi nhận:<br>- Như trên;<br/>- Lưu: VT.\n\n<strong>KT. CHỦ TỊCH</strong>\n")
    got = [(ln.text, ln.line, ln.bold) for ln in _lines(raw)]
    assert got == [
        ("Nơi nhận:", 1, False),
        ("- Như trên;", 1, False),
        ("- Lưu: VT.", 1, False),
        ("KT. CHỦ TỊCH", 3, True),
    ]
    assert inline_html("ngày<br />").ends_with_break


def test_div_wrappers_keep_their_text_and_comments_are_set_aside() -> None:
    text = (
        '<div align="center">\n\n**KẾ HOẠCH**\n\n</div>\n\n'
        "<!-- image -->\n\n<!--\nTrang 2\n-->\n\n<p>Triển khai thực hiện Chỉ thị số 11.</p>\n"
    )
    raw = _read(text)
    assert [ln.text for ln in _lines(raw)] == ["KẾ HOẠCH", "Triển khai thực hiện Chỉ thị số 11."]
    assert [(f.text, f.line, f.kind) for f in raw.furniture] == [
        ("image", 7, FurnitureKind.PAGE),
        ("Trang 2", 10, FurnitureKind.PAGE),
    ]


def test_an_unclosed_comment_is_text() -> None:
    assert [ln.text for ln in _lines(_read("<!-- ghi chú\n\nNội dung chính.\n"))] == [
        "ghi chú",
        "Nội dung chính.",
    ]


def test_br_in_a_pipe_cell_wraps_unless_a_clause_ends_before_it() -> None:
    text = (
        "|STT|Nội dung|Cơ quan phối hợp|\n|---|---|---|\n"
        "|1|Tổ chức quán triệt Kế hoạch đến cán<br>bộ, giảng viên|Sở Văn hóa, Thể thao và<br>Du lịch;<br>"
        "<strong>Công an tỉnh</strong>|\n"
        "|2|<span>Kiểm tra &amp; báo cáo</span>|- Sở Tư pháp;<br/>- Sở Nội vụ|\n"
    )
    (table,) = _tables(_read(text))
    assert table.rows[1].cells == [
        "1",
        "Tổ chức quán triệt Kế hoạch đến cán bộ, giảng viên",
        "Sở Văn hóa, Thể thao và Du lịch;\nCông an tỉnh",
    ]
    assert table.rows[2].cells == ["2", "Kiểm tra & báo cáo", "- Sở Tư pháp;\n- Sở Nội vụ"]


def test_markdown_without_a_raw_table_does_not_load_lxml() -> None:
    code = (
        "import sys, plancompare; plancompare.parse(sys.argv[1]); print('lxml' in sys.modules); "
        "plancompare.parse(sys.argv[2]); print('lxml' in sys.modules)"
    )
    plain = DATA / "tuyen-quang-kh27.pymupdf4llm.md"
    html = DATA / "lao-cai-kh-chi-thi-11.pandoc-gfm.md"
    r = subprocess.run(
        [sys.executable, "-c", code, str(plain), str(html)], capture_output=True, text=True, check=True
    )
    assert r.stdout.split() == ["False", "True"]


def test_a_file_whose_only_markup_is_a_raw_table_is_read_as_markdown() -> None:
    text = "KẾ HOẠCH\n\n" + APPENDIX
    raw = read_bytes(text.encode("utf-8"), "plan.txt")
    assert raw.source.format is SourceFormat.MARKDOWN
    assert len(_tables(raw)) == 1


def test_a_table_tag_with_its_attributes_over_several_lines() -> None:
    text = (
        '<table\n  class="plan"\n  style="width:100%">\n<tr><td>STT</td><td>Nội dung</td></tr>\n'
        '<tr><td>1</td><td\n  style="text-align: left;">Tập huấn</td></tr>\n</table\n>\nĐoạn sau.\n'
    )
    raw = _read(text)
    (table,) = _tables(raw)
    assert [(r.cells, r.line) for r in table.rows] == [(["STT", "Nội dung"], 4), (["1", "Tập huấn"], 5)]
    assert [(ln.text, ln.line) for ln in _lines(raw)] == [("Đoạn sau.", 9)]


def test_a_dash_rule_between_pages_is_page_furniture() -> None:
    raw = _read("Hết trang một.\n\n-----\n\nTrang hai bắt đầu.\n")
    assert [ln.text for ln in _lines(raw)] == ["Hết trang một.", "Trang hai bắt đầu."]
    assert [(f.text, f.line, f.kind) for f in raw.furniture] == [("-----", 3, FurnitureKind.PAGE)]


def test_a_hidden_cell_text_is_set_aside_not_lost() -> None:
    text = (
        "<table><tr><td>STT</td><td>Nội dung</td></tr>\n"
        '<tr><td>1</td><td>Tập huấn<span style="display:none">quảng cáo</span></td></tr></table>\n'
    )
    raw = _read(text)
    (table,) = _tables(raw)
    assert table.rows[1].cells == ["1", "Tập huấn"]
    assert [(f.text, f.kind) for f in raw.furniture] == [("quảng cáo", FurnitureKind.SITE)]


def test_an_arrow_is_no_comment_mark() -> None:
    assert (
        inline_html("Bước 1 --> Bước 2 <b>và</b> a <!-- ghi chú --> b").first
        == "Bước 1 --> Bước 2 **và** a ghi chú b"
    )
    assert inline_html("<br>- Sở Y tế;<br/>").rest == []


def test_the_site_rule_reads_the_text_of_a_raw_header_table() -> None:
    text = (
        "[Trang chủ](/) [Đăng nhập](/login)\n\nĐăng nhập để tải văn bản gốc\n\n" + HEADER + "\n# KẾ HOẠCH\n"
    )
    raw = _read(text)
    assert [f.text for f in raw.furniture] == [
        "[Trang chủ](/) [Đăng nhập](/login)",
        "Đăng nhập để tải văn bản gốc",
    ]
    assert _lines(raw)[0].text == "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" and _lines(raw)[-1].text == "KẾ HOẠCH"
