"""HTML written by converters and by office suites, and markdown copies of a site's page.

Fixtures made by `scripts/make_html_fixtures.py` (tools and commands in html-converters.txt):
pandoc's and mammoth's HTML of the Lào Cai plan's DOCX (Word heading styles kept as `<h4>` inside
the appendix table's cells), pandoc's gfm/markdown of that HTML, markitdown's and pandoc's markdown
of a site's page (the header as a pipe-table row or a multiline table). plan-libreoffice.html is
written by hand as LibreOffice writes a page: `<font>`, `<span style>`, `&nbsp;`, `<br>` in `<p>`,
`<td><p>…</p><p>…</p></td>`, a `border="0"` header table and `<ol type="I" start="2">` numbering.
Each must give the tasks and metadata of the document it came from; expected values are also read
from the documents themselves.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from plan_facts import meta_facts, parsed, task_facts
from plancompare import parse, to_json
from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.readers import read_bytes
from plancompare.readers.document import Line, Table
from plancompare.readers.grid import CellLine, GridCell, GridRow
from plancompare.readers.markdown import read_markdown
from plancompare.readers.site import document_bounds
from plancompare.readers.text_tables import under_spans

DATA = ROOT / "tests" / "data" / "serializations"
LAO_CAI = ROOT / "corpora" / "real" / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"
SITE = DATA / "plan-site.html"


LAO_CAI_COPIES = [
    "lao-cai-kh-chi-thi-11.pandoc.html",
    "lao-cai-kh-chi-thi-11.pandoc-fragment.html",
    "lao-cai-kh-chi-thi-11.mammoth.html",
    "lao-cai-kh-chi-thi-11.html.pandoc-gfm.md",
    "lao-cai-kh-chi-thi-11.html.pandoc-md.md",
]


@pytest.mark.parametrize("name", LAO_CAI_COPIES)
def test_the_lao_cai_plan_as_converter_html_gives_the_docx_tasks_and_metadata(name: str) -> None:
    """The appendix table holds `<h4>` in the cells of tasks 13 and 14 (Word's heading style): it is
    still the document's table, not a page frame."""
    plan = parsed(DATA / name)
    docx = parsed(LAO_CAI)
    assert task_facts(plan) == task_facts(docx)
    assert meta_facts(plan, "signer") == meta_facts(docx, "signer")
    assert len(plan.tasks) == 14
    assert plan.metadata.issuer == "Ủy ban nhân dân tỉnh Lào Cai" and plan.metadata.place == "Lào Cai"
    assert plan.metadata.signer == "Nguyễn Thành Sinh"
    thirteen = plan.tasks[12]
    assert thirteen.text.startswith("Tăng cường công tác thanh tra, kiểm tra, theo dõi, giám sát")
    assert [u.text for u in thirteen.lead_units] == ["Các Sở, ban, ngành", "UBND các xã, phường"]
    assert plan.tasks[4].deadline.date == "2030-01-01"  # "… xong trước ngày 01/01/2030"


def _html_items(page: str) -> list[Line | Table]:
    return [it for it in read_bytes(page.encode("utf-8"), "t.html").items if isinstance(it, (Line, Table))]


def test_a_heading_in_a_cell_of_a_data_grid_keeps_the_table() -> None:
    page = (
        "<html><body><p>Phụ lục</p><table><tr><td>TT</td><td>Tên nhiệm vụ</td><td>Chủ trì</td></tr>"
        "<tr><td>1</td><td><h4>Rà soát quy hoạch</h4></td><td>Sở Xây dựng</td></tr>"
        "<tr><td>2</td><td><p>Báo cáo kết quả</p></td><td>Sở Nội vụ</td></tr></table></body></html>"
    )
    (table,) = [it for it in _html_items(page) if isinstance(it, Table)]
    assert table.rows[1].cells == ["1", "Rà soát quy hoạch", "Sở Xây dựng"]


def test_a_site_frame_with_a_heading_beside_its_menu_is_still_read_through() -> None:
    page = (
        "<html><body><table><tr><td>Trang chủ</td><td><h1>KẾ HOẠCH</h1><p>Đoạn một.</p></td></tr>"
        "</table></body></html>"
    )
    items = _html_items(page)
    assert not any(isinstance(it, Table) for it in items)
    assert [it.text for it in items if isinstance(it, Line)] == ["Trang chủ", "KẾ HOẠCH", "Đoạn một."]


SITE_COPIES = ["tuyen-quang-kh27.site.markitdown.md", "tuyen-quang-kh27.site.pandoc-md.md"]


@pytest.mark.parametrize("name", SITE_COPIES)
def test_the_site_page_as_markdown_gives_the_page_tasks_and_metadata(name: str) -> None:
    """markitdown writes the header as a pipe-table row (`| **ỦY BAN …** | **CỘNG HÒA …** |`),
    pandoc's markdown as a multiline table: the document opens at that row, the site before it
    (menus, banner, info box) is set aside."""
    page = parsed(SITE)
    plan = parsed(DATA / name)
    assert task_facts(plan) == task_facts(page)
    assert meta_facts(plan, "signer") == meta_facts(page, "signer")
    assert plan.metadata.issuer == "Ủy ban nhân dân tỉnh Tuyên Quang" and plan.metadata.number == "27/KH-UBND"
    assert plan.metadata.title == "Chuyển đổi số trong giáo dục nghề nghiệp giai đoạn 2025 - 2026"
    assert [t.lead_units[0].text for t in plan.tasks] == [
        "Sở Giáo dục và Đào tạo",
        "Sở Khoa học và Công nghệ",
        "Sở Giáo dục và Đào tạo",
        "Sở Tài chính",
        "Sở Giáo dục và Đào tạo",
    ]
    assert plan.accounting.by_role["site_furniture"] > 0
    assert not any("Đăng nhập" in s.title for s in plan.sections)
    hint = read_bytes((DATA / name).read_bytes(), name).site_hint  # the info box, a table there too
    assert (
        hint["number"] == "27/KH-UBND" and hint["signer"] == "Hoàng Thị Lan" and hint["date"] == "14/10/2025"
    )


def test_the_header_row_of_a_pipe_table_opens_the_document() -> None:
    lines = [
        "[Trang chủ](/) [Đăng nhập](/login)",
        "",
        "| Số hiệu: | 27/KH-UBND |",
        "",
        "|  |  |",
        "| --- | --- |",
        "| **ỦY BAN NHÂN DÂN TỈNH X** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |",
        "# KẾ HOẠCH",
    ]
    bounds = document_bounds(lines)
    assert bounds.start == 4
    assert bounds.hint["number"] == "27/KH-UBND"


def test_the_libreoffice_page_gives_the_site_page_tasks_metadata_and_numbering() -> None:
    """The section numbers come from the `<ol>`s: "I.", "1.", "a)", then "II.", "III." from `start`."""
    page = parsed(SITE)
    plan = parsed(DATA / "plan-libreoffice.html")
    assert task_facts(plan) == task_facts(page)
    assert meta_facts(plan, "signer") == meta_facts(page, "signer")
    assert [s.number for s in plan.sections][:7] == ["I", "1", "a", None, "2", "II", "III"]
    assert plan.sections[0].title == "MỤC ĐÍCH, YÊU CẦU"
    assert [s.number for s in plan.sections] == [s.number for s in page.sections]


def test_markitdown_of_the_libreoffice_page_gives_its_tasks_but_loses_the_list_types() -> None:
    """markdownify writes every `<ol>` item as "1.", "2.": `type="I"`, `type="a"` and `start` are
    gone (irreducible: the markdown no longer says "I." or "a)"), so the sections count 1, 2, 3."""
    page = parsed(SITE)
    plan = parsed(DATA / "plan-libreoffice.markitdown.md")
    assert task_facts(plan) == task_facts(page)
    assert meta_facts(plan, "signer") == meta_facts(page, "signer")
    top = [
        s
        for s in plan.sections
        if s.title in ("MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN")
    ]
    assert [s.number for s in top] == ["1", "3", "4"]


def test_ordered_lists_show_the_numbers_a_browser_draws() -> None:
    page = (
        '<html><body><ol type="I"><li><b>MỤC ĐÍCH</b><ol><li><p><b>Mục đích</b></p>'
        '<ol type="a" start="3"><li>Điểm c</li><li value="6">Điểm f</li></ol></li></ol></li>'
        "<li>II. Đã có số</li><li></li><li>Bốn</li></ol>"
        '<ol style="list-style-type: lower-roman"><li>La mã</li></ol><ol type="A"><li>Chữ</li></ol>'
        "<ul><li>Gạch</li></ul><p>Sau danh sách</p></body></html>"
    )
    lines = [it for it in _html_items(page) if isinstance(it, Line)]
    assert [ln.text for ln in lines] == [
        "I. MỤC ĐÍCH",
        "1. Mục đích",
        "c) Điểm c",
        "f) Điểm f",
        "II. Đã có số",
        "IV. Bốn",
        "i. La mã",
        "A. Chữ",
        "Gạch",
        "Sau danh sách",
    ]
    assert lines[0].bold  # the marker takes the bold of the item's text


def test_a_short_header_row_stands_under_the_spanning_cells() -> None:
    def row(*texts: str) -> GridRow:
        return GridRow(cells=[GridCell(lines=[CellLine(text=t, line=1)] if t else []) for t in texts])

    rows = under_spans(
        [row("STT", "Nội dung", "Cơ quan thực hiện", "", "Thời hạn"), row("Chủ trì", "Phối hợp")]
    )
    assert [c.text for c in rows[1].cells] == ["", "", "Chủ trì", "Phối hợp", ""]
    same = [row("STT", "Nội dung"), row("1", "Rà soát")]
    assert under_spans(same) == same


def test_pandoc_markdown_attributes_and_fences_are_markup() -> None:
    text = '::: content\n# KẾ HOẠCH {#ke-hoach style="text-align:center"}\n\n[Ghi chú]{.hidden} thêm\n:::\n'
    raw = read_markdown(text, SourceInfo(path="d.md", sha256="0" * 64, format=SourceFormat.MARKDOWN))
    assert [it.text for it in raw.items if isinstance(it, Line)] == ["KẾ HOẠCH", "Ghi chú thêm"]


def test_reading_converter_html_is_deterministic() -> None:
    path = DATA / "lao-cai-kh-chi-thi-11.mammoth.html"
    assert to_json(parse(path)) == to_json(parse(path))


# pandoc 3.9's HTML of a DOCX with Word's auto-numbering (levels "I.", "1.", "a)" and a bullet), as
# test_reader_docx.test_auto_numbering_labels builds it: the numbers are the list's, not the text's.
PANDOC_NUMBERED = """<ol type="I">
<li><p><strong>MỤC ĐÍCH</strong></p></li>
</ol>
<ol type="1">
<li><p>Mục đích</p>
<ol type="a">
<li><p>thứ nhất</p></li>
<li><p>thứ hai</p>
<ul>
<li><p>ý nhỏ</p></li>
</ul></li>
</ol></li>
<li><p>Yêu cầu</p>
<ol type="a">
<li><p>lại từ a</p></li>
</ol></li>
</ol>
<ol start="2" type="I">
<li><p><strong>NHIỆM VỤ</strong></p></li>
</ol>
"""


def test_pandoc_html_of_word_numbering_gives_the_docx_labels() -> None:
    """The DOCX reader gives "I. MỤC ĐÍCH", "1. Mục đích", "a) thứ nhất", … from numbering.xml; the
    bullet item has no number in HTML (the DOCX's "-" glyph is not in the markup)."""
    raw = read_bytes(PANDOC_NUMBERED.encode("utf-8"), "n.html")  # a fragment opening with <ol>
    assert [ln.text for ln in raw.lines()] == [
        "I. MỤC ĐÍCH",
        "1. Mục đích",
        "a) thứ nhất",
        "b) thứ hai",
        "ý nhỏ",
        "2. Yêu cầu",
        "a) lại từ a",
        "II. NHIỆM VỤ",
    ]
