"""HTML input: saved web pages and Word's "Save as HTML", read into the same lines and tables as
the other formats. The key test: one plan, written as a site's page (rowspan/colspan header, a
banner, an info box and related documents around it), as text with space-aligned columns, and as
markdown with a tab-separated table, gives the same tasks and metadata."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from plancompare import parse
from plancompare.errors import UnreadableDocument, UnsupportedFormat
from plancompare.model import Plan
from plancompare.readers import read_bytes
from plancompare.readers.document import FurnitureKind, Line, Table
from plancompare.readers.sniff import sniff

DATA = ROOT / "tests" / "data" / "serializations"
SERIALIZATIONS = ["plan-tabs.md", "plan-site.html", "plan-layout.txt"]


def _tasks(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (
            t.number,
            t.group,
            t.text,
            [u.text for u in t.lead_units],
            [u.text for u in t.support_units],
            t.deadline.text,
            t.deadline.kind.value,
            t.deadline.date,
            t.deadline.day_month,
        )
        for t in plan.tasks
    ]


def _metadata(plan: Plan) -> tuple[object, ...]:
    m = plan.metadata
    return (m.number, m.date, m.place, m.issuer, m.signer, m.signer_title, m.signing_capacity, m.recipients)


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {name: parse(DATA / name) for name in SERIALIZATIONS}


def test_the_baseline_plan_reads_as_written(plans: dict[str, Plan]) -> None:
    plan = plans["plan-tabs.md"]
    assert _metadata(plan) == (
        "27/KH-UBND",
        "2025-10-14",
        "Tuyên Quang",
        "Ủy ban nhân dân tỉnh Tuyên Quang",
        "Hoàng Thị Lan",
        "Phó Chủ tịch",
        "KT. Chủ tịch",
        ["Bộ Giáo dục và Đào tạo (b/c)", "Các sở, ban, ngành", "Lưu: VT"],
    )
    tasks = _tasks(plan)
    assert [(t[0], t[1]) for t in tasks] == [("1", "I"), ("2", "I"), ("3", "II"), ("4", "II"), ("5", "II")]
    assert tasks[0][3:5] == (
        ["Sở Giáo dục và Đào tạo"],
        ["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình tỉnh"],
    )
    assert [(t[6], t[7], t[8]) for t in tasks] == [
        ("date", "2025-12-31", None),
        ("continuous", None, None),
        ("date", "2026-06-30", None),
        ("annual", None, None),
        ("annual", None, "15/12"),
    ]


@pytest.mark.parametrize("name", ["plan-site.html", "plan-layout.txt"])
def test_every_serialization_gives_the_same_plan(plans: dict[str, Plan], name: str) -> None:
    baseline = plans["plan-tabs.md"]
    plan = plans[name]
    assert _tasks(plan) == _tasks(baseline)
    assert _metadata(plan) == _metadata(baseline)
    assert [g.number for g in plan.task_groups] == ["I", "II"]


def test_the_page_is_sniffed_and_its_site_set_aside(plans: dict[str, Plan]) -> None:
    plan = plans["plan-site.html"]
    assert plan.source.format.value == "html"
    assert plan.metadata.title == "Chuyển đổi số trong giáo dục nghề nghiệp giai đoạn 2025 - 2026"
    raw = read_bytes((DATA / "plan-site.html").read_bytes(), "plan-site.html")
    texts = {f.text for f in raw.furniture}
    assert {"Văn bản mới", "Số hiệu:", "Văn bản liên quan"} <= texts  # nav, info box, related list
    assert "Bản này chưa cập nhật nội dung sửa đổi" in texts  # hidden by the page's own CSS
    assert all(f.kind is FurnitureKind.SITE for f in raw.furniture)
    assert not any("99/KH-UBND" in f.text for f in raw.furniture)  # a script is no text at all
    assert raw.site_hint["number"] == "27/KH-UBND" and raw.site_hint["issuer"] == "Tỉnh Tuyên Quang"
    assert plan.accounting.by_role["site_furniture"] > 0
    assert plan.accounting.total == raw.total_chars
    assert "unclassified" not in plan.accounting.by_role


def test_header_table_becomes_column_lines_and_task_table_keeps_spans() -> None:
    raw = read_bytes((DATA / "plan-site.html").read_bytes(), "plan-site.html")
    header = [(it.column, it.text, it.bold) for it in raw.items[:6] if isinstance(it, Line)]
    assert header == [
        (1, "ỦY BAN NHÂN DÂN", True),
        (1, "TỈNH TUYÊN QUANG", True),
        (1, "Số: 27/KH-UBND", False),
        (2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        (2, "Độc lập - Tự do - Hạnh phúc", True),
        (2, "Tuyên Quang, ngày 14 tháng 10 năm 2025", False),
    ]
    kind = next(it for it in raw.items if isinstance(it, Line) and it.text == "KẾ HOẠCH")
    assert (kind.heading, kind.align) == (1, "center")
    (table,) = [it for it in raw.items if isinstance(it, Table)]
    first, second, group = table.rows[:3]
    assert first.cells == ["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành"]
    assert second.cells == ["", "", "Cơ quan chủ trì", "Cơ quan phối hợp", ""]  # rowspan: text once
    assert first.is_header and second.is_header and not group.is_header
    assert group.cells == ["I", "TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC", "", "", ""]  # colspan=4
    assert all(len(r.cells) == 5 for r in table.rows)
    rows = [r.line for r in table.rows]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)  # text lines numbered in reading order
    assert all(it.char_start is None for it in raw.items if isinstance(it, Line))


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'><div class=WordSection1>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'>
  <td width=240 valign=top><p class=MsoNormal align=center style='text-align:center'><b><span
  style='font-size:13.0pt'>ỦY BAN NHÂN DÂN<br>XÃ TÂN LẬP<o:p></o:p></span></b></p></td>
  <td width=380 valign=top><p class=MsoNormal align=center style='text-align:center'><b>CỘNG HÒA XÃ HỘI CHỦ
  NGHĨA VIỆT NAM<o:p></o:p></b></p>
  <p class=MsoNormal align=center style='text-align:center'><b>Độc lập - Tự do - Hạnh phúc<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td><p class=MsoNormal align=center style='text-align:center'>Số: 08/KH-UBND<o:p></o:p></p></td>
  <td><p class=MsoNormal align=right style='text-align:right'><i>Tân Lập, ngày 03 tháng 3 năm 2026<o:p></o:p></i></p></td>
 </tr>
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:14.0pt'>KẾ HOẠCH<o:p></o:p></span></b></p>
<p class=MsoNormal align=center style='text-align:center'><b>Phòng, chống thiên tai năm 2026<o:p></o:p></b></p>
<p class=MsoNormal style='text-align:justify;text-indent:36.0pt'>Ủy ban nhân dân xã ban hành Kế hoạch như sau:<o:p></o:p></p>
<p class=MsoNormal style='text-align:justify;text-indent:36.0pt'><b>I. NHIỆM VỤ<o:p></o:p></b></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Công an xã
chủ trì rà soát các điểm ngập sâu trên địa bàn, hoàn thành trước ngày 30/4/2026.<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Văn phòng
HĐND và UBND xã tổng hợp, báo cáo kết quả trước ngày 15/11 hằng năm.<o:p></o:p></p>
<p class=MsoNormal style='mso-hide:all'>Ghi chú ẩn của người soạn thảo<o:p></o:p></p>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0>
 <tr>
  <td width=300 valign=top><p class=MsoNormal><b><i>Nơi nhận:</i></b><o:p></o:p></p>
  <p class=MsoNormal>- UBND tỉnh;<o:p></o:p></p><p class=MsoNormal>- Lưu: VT.<o:p></o:p></p></td>
  <td width=300 valign=top><p class=MsoNormal align=center style='text-align:center'><b>TM. ỦY BAN NHÂN DÂN<o:p></o:p></b></p>
  <p class=MsoNormal align=center style='text-align:center'><b>CHỦ TỊCH<o:p></o:p></b></p>
  <p class=MsoNormal align=center style='text-align:center'><o:p>&nbsp;</o:p></p>
  <p class=MsoNormal align=center style='text-align:center'><b>Lò Văn Sơn<o:p></o:p></b></p></td>
 </tr>
</table>
</div></body></html>
"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_word_save_as_html(tmp_path: Path) -> None:
    path = _write(tmp_path, "ke-hoach.htm", WORD_HTML.encode("utf-8"))
    plan = parse(path)
    m = plan.metadata
    assert (m.number, m.date, m.place, m.issuer) == (
        "08/KH-UBND",
        "2026-03-03",
        "Tân Lập",
        "Ủy ban nhân dân xã Tân Lập",
    )
    assert m.title == "Phòng, chống thiên tai năm 2026"
    assert (m.signing_capacity, m.signer_title, m.signer) == ("TM. Ủy ban nhân dân", "Chủ tịch", "Lò Văn Sơn")
    assert m.recipients == ["UBND tỉnh", "Lưu: VT"]
    assert [t.id for t in plan.tasks] == ["I.1", "I.2"]
    assert [u.text for u in plan.tasks[0].lead_units] == ["Công an xã"]
    assert plan.tasks[0].deadline.date == "2026-04-30"
    assert plan.tasks[1].deadline.day_month == "15/11"
    raw = read_bytes(path.read_bytes(), path.name)
    texts = [it.text for it in raw.items if isinstance(it, Line)]
    assert (
        "1. Công an xã chủ trì rà soát các điểm ngập sâu trên địa bàn, hoàn thành trước ngày 30/4/2026."
        in texts
    )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts  # a source line break inside a <p> is a space
    assert [f.text for f in raw.furniture] == ["Ghi chú ẩn của người soạn thảo"]  # mso-hide:all
    assert not any("Print" in t or "mso" in t for t in texts)


BROKEN = """<html><body>
<p align=center><b>ỦY BAN NHÂN DÂN<br>TỈNH ĐIỆN BIÊN
<p align=center><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc
<p>Số: 41/KH-UBND
<p>Điện Biên, ngày 09 tháng 7 năm 2025
<h2>KẾ HOẠCH</h2>
<p><b>Tổ chức Tháng hành động vì trẻ em năm 2025
<p>I. NHIỆM VỤ
<p>1. Sở Y tế chủ trì tổ chức khám sức khỏe cho trẻ em, hoàn thành trong tháng 6/2025.
<table><tr><td>STT<td>Nội dung<td>Chủ trì<td>Thời gian
<tr><td>1<td>Tập huấn kỹ năng phòng, chống đuối nước<td>Sở Văn hóa, Thể thao và Du lịch<td>Tháng 8/2025
<tr><td>2<td>Kiểm tra cơ sở trợ giúp trẻ em<td>Sở Y tế<td>Quý III/2025
</table
<p>Nơi nhận: ... & < chưa đóng thẻ
"""


def test_broken_markup_is_repaired_not_refused(tmp_path: Path) -> None:
    plan = parse(_write(tmp_path, "broken.html", BROKEN.encode("utf-8")))
    m = plan.metadata
    assert (m.number, m.place, m.date) == ("41/KH-UBND", "Điện Biên", "2025-07-09")
    assert m.issuer == "Ủy ban nhân dân tỉnh Điện Biên"
    assert [(t.number, [u.text for u in t.lead_units], t.deadline.date) for t in plan.tasks] == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"], "2025-08-31"),
        ("2", ["Sở Y tế"], "2025-09-30"),
    ]


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters precomposed where the code page has them,
    tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in tones)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tone).encode("cp1258")
    return bytes(out)


def test_windows_1258_page_declared_in_meta(tmp_path: Path) -> None:
    page = WORD_HTML.replace("charset=utf-8", "charset=windows-1258")
    data = _cp1258(page)
    assert b"\xcc" in data or b"\xde" in data  # combining tones are really there
    plan = parse(_write(tmp_path, "kh.html", data))
    assert plan.metadata.issuer == "Ủy ban nhân dân xã Tân Lập"
    assert plan.metadata.signer == "Lò Văn Sơn"
    assert [u.text for u in plan.tasks[1].lead_units] == ["Văn phòng HĐND và UBND xã"]
    # NFC: composed letters, whatever the code page decomposed
    assert unicodedata.is_normalized("NFC", plan.tasks[0].text)


def test_page_with_only_site_furniture_is_an_error(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Văn bản</title><script>var a = 1;</script></head><body>"
        "<header>Trang chủ | Đăng nhập</header><nav><a>Văn bản mới</a></nav>"
        "<div style='display:none'>Số hiệu: 12/KH-UBND</div><footer>Bản quyền</footer></body></html>"
    )
    with pytest.raises(UnreadableDocument, match="no document text"):
        parse(_write(tmp_path, "trang.html", page.encode("utf-8")))


def test_sniffing_html_by_content_and_name() -> None:
    page = b"<!DOCTYPE html><html><body><p>K\xe1\xba\xbe HO\xe1\xba\xa0CH</p></body></html>"
    assert sniff(page, "x.html").value == "html"
    assert sniff(page, "download").value == "html"  # no extension: the content decides
    assert sniff(b"<p>Fragment</p>", "saved.htm").value == "html"  # a fragment under an .htm name
    with pytest.raises(UnsupportedFormat, match="HTML page"):
        sniff(page, "ke-hoach.pdf")  # a portal's error page saved under the document's name
    with pytest.raises(UnsupportedFormat, match="HTML page"):
        sniff(page, "ke-hoach.docx")


def _only_table(page: str) -> Table:
    raw = read_bytes(page.encode("utf-8"), "t.html")
    (table,) = [it for it in raw.items if isinstance(it, Table)]
    return table


def test_hostile_spans_do_not_blow_up() -> None:
    page = (
        "<html><body><p>KẾ HOẠCH</p><table>"
        "<tr><td rowspan=99999>STT</td><td colspan=100000>Nội dung</td><td rowspan=0>x</td></tr>"
        "<tr><td>Tổ chức tập huấn</td></tr><tr><td colspan='abc'>Sở Nội vụ</td></tr></table></body></html>"
    )
    table = _only_table(page)
    assert max(len(r.cells) for r in table.rows) <= 70
    assert table.rows[1].cells[0] == "" and "Tổ chức tập huấn" in table.rows[1].cells


def test_nested_table_is_flattened_into_its_cell() -> None:
    page = (
        "<html><body><table><tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th></tr>"
        "<tr><td>1</td><td>Rà soát<table><tr><td>a)</td><td>hồ sơ</td></tr><tr><td>b)</td><td>dữ liệu</td></tr></table></td>"
        "<td>Sở Tư pháp</td></tr><tr><td>2</td><td>Báo cáo</td><td>Sở Nội vụ</td></tr></table></body></html>"
    )
    table = _only_table(page)
    assert table.rows[0].is_header
    assert table.rows[1].cells == ["1", "Rà soát\na) hồ sơ\nb) dữ liệu", "Sở Tư pháp"]


def test_a_page_framed_by_a_layout_table_is_read_through() -> None:
    body = "".join(f"<p>Đoạn {k} của văn bản.</p>" for k in range(12))
    page = (
        "<html><body><table><tr><td><h1>KẾ HOẠCH</h1>"
        f"{body}<table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td></tr>"
        "<tr><td>1</td><td>Tập huấn</td><td>Sở Nội vụ</td></tr></table></td></tr></table></body></html>"
    )
    raw = read_bytes(page.encode("utf-8"), "t.html")
    lines = [it.text for it in raw.items if isinstance(it, Line)]
    assert lines[0] == "KẾ HOẠCH" and "Đoạn 11 của văn bản." in lines
    (table,) = [it for it in raw.items if isinstance(it, Table)]
    assert table.rows[1].cells == ["1", "Tập huấn", "Sở Nội vụ"]


def test_reading_html_output_is_deterministic() -> None:
    from plancompare import to_json

    path = DATA / "plan-site.html"
    assert to_json(parse(path)) == to_json(parse(path))


def test_help_and_text_parsing_do_not_load_lxml() -> None:
    plan = DATA / "plan-layout.txt"
    code = (
        "import sys, plancompare.cli, plancompare; plancompare.parse(sys.argv[1]); "
        "print('lxml' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code, str(plan)], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"
