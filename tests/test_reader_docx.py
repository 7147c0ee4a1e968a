from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest

from plancompare.errors import DocumentTooLarge, UnreadableDocument
from plancompare.model import warning_codes as codes
from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.options import ParseOptions
from plancompare.readers import read_bytes, read_path
from plancompare.readers.document import Line, RawDocument, Table
from plancompare.readers.docx import read_docx

ROOT = Path(__file__).resolve().parent.parent
KH = ROOT / "corpora" / "real" / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"
BC = ROOT / "corpora" / "real" / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx"


@cache
def read(path: Path) -> RawDocument:
    return read_path(path)


def test_header_table_becomes_two_columns() -> None:
    doc = read(KH)
    head = doc.items[:6]
    assert all(isinstance(it, Line) for it in head)
    texts = [(it.column, it.text) for it in head if isinstance(it, Line)]
    assert texts == [
        (1, "ỦY BAN NHÂN DÂN"),  # pushed onto its own line by spaces in the cell
        (1, "TỈNH LÀO CAI"),
        (1, "Số: /KH-UBND"),
        (2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (2, "Độc lập - Tự do - Hạnh phúc"),
        (2, "Lào Cai, ngày tháng năm 2026"),
    ]
    assert head[0].bold and head[0].align == "center"  # type: ignore[union-attr]


def test_body_paragraphs_in_order() -> None:
    doc = read(KH)
    texts = [ln.text for ln in doc.lines()]
    k = texts.index("KẾ HOẠCH")
    assert texts[k + 1].startswith("Triển khai thực hiện Chỉ thị số 11-CT/TU")
    assert texts.index("I. MỤC ĐÍCH, YÊU CẦU") < texts.index("II. NHIỆM VỤ, GIẢI PHÁP")
    numbers = [ln.line for ln in doc.lines()]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert doc.source.pages == 15
    assert doc.total_chars > 20000


def test_signature_table_becomes_lines() -> None:
    doc = read(KH)
    left = [ln.text for ln in doc.lines() if ln.column == 1]
    right = [ln.text for ln in doc.lines() if ln.column == 2]
    assert "Nơi nhận:" in left and "- Lưu: VT, KT." in left
    assert right[-4:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh"]
    nn = next(ln for ln in doc.lines() if ln.text == "Nơi nhận:")
    signer = next(ln for ln in doc.lines() if ln.text == "Nguyễn Thành Sinh")
    assert nn.line < signer.line


def test_task_table() -> None:
    doc = read(KH)
    (table,) = doc.tables()
    rows = table.rows
    assert len(rows) == 16  # header + column numbers + 14 tasks
    assert rows[0].cells == [
        "TT",
        "Tên nhiệm vụ",
        "Sở, ngành chủ trì tham mưu",
        "Đơn vị phối hợp thực hiện",
        "Thời gian thực hiện",
        "Ghi chú",
    ]
    assert rows[1].cells == ["", "(1)", "(2)", "(3)", "(4)", "(5)"]
    assert [r.cells[0] for r in rows[2:]] == [str(k) for k in range(1, 15)]
    assert rows[2].cells[4] == "Xong trong Quý II/2026"
    assert rows[2].cells[2] == "Các Sở, ban, ngành; UBND các xã, phường"
    # The table follows the appendix caption.
    k = doc.items.index(table)
    before = doc.items[k - 1]
    assert isinstance(before, Line) and before.text.startswith("(Kèm theo Kế hoạch số:")


def test_the_footnote_is_kept_as_a_note() -> None:
    doc = read(KH)
    (note,) = doc.notes
    assert (note.kind, note.note_id, note.number) == ("footnote", "1", 1)
    assert note.text.startswith(
        "Đặc biệt: Luật Địa chất và khoáng sản ngày 29/11/2024; Luật sửa đổi, bổ sung"
    )
    assert "Nghị quyết số 88/NQ-CP ngày 22/7/2022 của Chính phủ về chương trình hành động" in note.text
    # Word line breaks inside the note only wrap it: "đối với" | "hoạt động thăm dò"
    assert "quản lý nhà nước đối với hoạt động thăm dò, khai thác" in note.text
    assert note.text.endswith(
        "(ban hành kèm theo Nghị quyết số 35-NQ/TU ngày 29/12/2025 của Ban Chấp hành Đảng bộ tỉnh)"
        " và các văn bản có liên quan."
    )
    assert note.anchor is not None
    marked = next(ln for ln in doc.lines() if ln.line == note.anchor[0])
    assert marked.text.startswith("- Tổ chức quán triệt sâu rộng Chỉ thị 11 của Ban Thường vụ Tỉnh ủy")
    assert "về địa chất, khoáng sản đến cán bộ, công chức" in marked.text  # the mark leaves no digit
    assert not any("Đặc biệt: Luật Địa chất" in ln.text for ln in doc.lines())
    assert note.line > max(r.line_end or r.line for t in doc.tables() for r in t.rows)


def test_the_footnote_is_counted_as_a_note() -> None:
    from plancompare.pipeline import build_plan

    doc = read(KH)
    plan = build_plan(doc)
    (note,) = plan.notes
    assert plan.accounting.by_role["note"] == len("".join(note.text.split()))
    assert plan.accounting.total == doc.total_chars
    assert note.anchor is not None and note.anchor.line_start == doc.notes[0].anchor[0]  # type: ignore[index]


def test_the_running_header_is_page_furniture() -> None:
    # header1.xml holds a PAGE field whose last shown result is 15; its instruction is never text
    assert [(f.text, f.kind.value) for f in read(KH).furniture] == [("15", "page_furniture")]


def test_report_docx_header() -> None:
    doc = read(BC)
    head = [(ln.column, ln.text) for ln in doc.lines()[:7]]
    assert head[0] == (1, "UỶ BAN NHÂN DÂN")
    assert (2, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM") in head
    assert head[-1] == (0, "BÁO CÁO")
    assert not doc.tables()


def _docx(document_xml: str, extra: dict[str, str] | None = None) -> bytes:
    """A minimal DOCX built in memory (content types, relationships, document, numbering)."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/numbering.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
            'Target="numbering.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{document_xml}</w:body></w:document>"
        ),
        "word/numbering.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:abstractNum w:abstractNumId="0">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
            "</w:abstractNum>"
            '<w:abstractNum w:abstractNumId="1">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            "</w:abstractNum>"
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            "</w:numbering>"
        ),
    }
    files.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def _p(text: str, num: tuple[int, int] | None = None, bold: bool = False, font: str | None = None) -> str:
    ppr = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    rpr = ("<w:b/>" if bold else "") + (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "")
    return f'<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_auto_numbering_labels() -> None:
    body = (
        _p("MỤC ĐÍCH", (2, 0), bold=True)
        + _p("Mục đích", (1, 0))
        + _p("thứ nhất", (1, 1))
        + _p("thứ hai", (1, 1))
        + _p("ý nhỏ", (1, 2))
        + _p("Yêu cầu", (1, 0))
        + _p("lại từ a", (1, 1))
        + _p("NHIỆM VỤ", (2, 0), bold=True)
    )
    doc = read_bytes(_docx(body), "n.docx")
    assert [ln.text for ln in doc.lines()] == [
        "I. MỤC ĐÍCH",
        "1. Mục đích",
        "a) thứ nhất",
        "b) thứ hai",
        "- ý nhỏ",
        "2. Yêu cầu",
        "a) lại từ a",
        "II. NHIỆM VỤ",
    ]
    assert doc.lines()[0].bold


def test_tracked_changes_and_legacy_runs() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>bỏ </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>'
        + _p("Uû ban nh©n d©n tØnh", font=".VnTime")
        + _p("céng hoµ x· héi chñ nghÜa viÖt nam", font=".VnTimeH")
        + _p("Keá hoaïch", font="VNI-Times")
    )
    doc = read_bytes(_docx(body), "t.docx")
    assert [ln.text for ln in doc.lines()] == [
        "Giữ thêm",
        "Uỷ ban nhân dân tỉnh",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Kế hoạch",
    ]
    assert sum(w.code == codes.LEGACY_ENCODING for w in doc.warnings) == 3


def test_header_rows_and_merged_cells() -> None:
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"

    header = "<w:trPr><w:tblHeader/></w:trPr>"
    span = '<w:gridSpan w:val="3"/>'
    restart = '<w:vMerge w:val="restart"/>'
    rows = (
        f"<w:tr>{header}{tc('STT')}{tc('Nội dung')}{tc('Chủ trì')}{tc('Thời hạn')}</w:tr>"
        f"<w:tr>{tc('1')}{tc('Nhóm nhiệm vụ', span)}</w:tr>"
        f"<w:tr>{tc('1.1')}{tc('Việc A')}{tc('Sở Nội vụ', restart)}{tc('2026')}</w:tr>"
        f"<w:tr>{tc('1.2')}{tc('Việc B')}{tc('', '<w:vMerge/>')}{tc('2027')}</w:tr>"
    )
    doc = read_bytes(_docx(f"<w:tbl>{rows}</w:tbl>"), "t.docx")
    (table,) = doc.tables()
    assert [r.is_header for r in table.rows] == [True, False, False, False]
    assert [r.cells for r in table.rows] == [
        ["STT", "Nội dung", "Chủ trì", "Thời hạn"],
        ["1", "Nhóm nhiệm vụ", "", ""],
        ["1.1", "Việc A", "Sở Nội vụ", "2026"],
        ["1.2", "Việc B", "", "2027"],
    ]


def test_zip_bomb_guard() -> None:
    padding = {"word/padding.xml": "<x>" + " " * 200_000 + "</x>"}
    data = _docx(_p("x"), padding)
    with pytest.raises(DocumentTooLarge, match="unpacks"):
        read_bytes(data, "big.docx", ParseOptions(max_docx_uncompressed=100_000))


def test_corrupt_docx() -> None:
    bad_xml = _docx("<w:p><w:r><w:t>unclosed")
    with pytest.raises(UnreadableDocument):
        read_bytes(bad_xml, "bad.docx")
    broken = _docx(_p("x")).replace(b"word/document.xml", b"word/documenX.xml")
    source = SourceInfo(path="nodoc.docx", sha256="0" * 64, format=SourceFormat.DOCX)
    with pytest.raises(UnreadableDocument, match=r"no word/document\.xml"):
        read_docx(broken, source, ParseOptions())


def test_layout_rule_is_shape_based() -> None:
    # A 2-column, 2-row table without any header words is still a layout table: its text
    # becomes lines, left column first.
    def tc(text: str) -> str:
        return f"<w:tc>{_p(text)}</w:tc>"

    tbl = f"<w:tbl><w:tr>{tc('A1')}{tc('B1')}</w:tr><w:tr>{tc('A2')}{tc('B2')}</w:tr></w:tbl>"
    doc = read_bytes(_docx(tbl), "l.docx")
    assert [(ln.column, ln.text) for ln in doc.lines()] == [(1, "A1"), (1, "A2"), (2, "B1"), (2, "B2")]
    assert not [it for it in doc.items if isinstance(it, Table)]
