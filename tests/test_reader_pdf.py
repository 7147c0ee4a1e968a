from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest

from plancompare.errors import EncryptedDocument, UnreadableDocument
from plancompare.model import warning_codes as codes
from plancompare.options import OcrMode, ParseOptions
from plancompare.readers import read_bytes, read_path
from plancompare.readers.document import Line, RawDocument, Table

ROOT = Path(__file__).resolve().parent.parent
QD_1074 = ROOT / "corpora" / "real" / "QD-1074-QD-BXD-29-6-2026.pdf"
CV_7432 = ROOT / "corpora" / "real" / "CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf"
NGHE_AN = ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf"
ND30 = ROOT / "tests" / "data" / "fixtures" / "nd30-sample.pdf"
SCAN_ND30 = ROOT / "tests" / "data" / "fixtures" / "scan-nd30.pdf"


@cache
def read(path: Path) -> RawDocument:
    return read_path(path)


def lines(doc: RawDocument, page: int | None = None) -> list[Line]:
    return [ln for ln in doc.lines() if page is None or ln.page == page]


def find(doc: RawDocument, text: str, page: int | None = None) -> Line:
    matches = [ln for ln in lines(doc, page) if ln.text == text]
    assert matches, f"no line {text!r}; have {[ln.text for ln in lines(doc, page)][:40]}"
    return matches[0]


def test_qd1074_header_columns() -> None:
    doc = read(QD_1074)
    assert doc.source.pages == 2
    assert find(doc, "BỘ XÂY DỰNG", 1).column == 1
    assert find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1).column == 2
    assert find(doc, "Độc lập - Tự do - Hạnh phúc", 1).column == 2
    number = find(doc, "Số: 1074/QĐ-BXD", 1)
    date = find(doc, "Hà Nội, ngày 29 tháng 6 năm 2026", 1)
    assert (number.column, date.column) == (1, 2)
    # Left column first, then the right one: "Số" comes before the Quốc hiệu in reading order.
    assert number.line < find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1).line
    title = find(doc, "QUYẾT ĐỊNH", 1)
    assert title.column == 0 and title.bold and title.align == "center"


def test_qd1074_recipients_beside_signature() -> None:
    doc = read(QD_1074)
    recipients = [ln for ln in lines(doc, 2) if ln.column == 1]
    signature = [ln for ln in lines(doc, 2) if ln.column == 2]
    assert recipients[0].text == "Nơi nhận:"
    assert recipients[-1].text == "- Lưu: VT, Vụ KHCNMT&VLXD(Hiển)."
    assert len(recipients) == 12
    assert [ln.text for ln in signature] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Minh Hà"]
    assert max(ln.line for ln in recipients) < min(ln.line for ln in signature)
    assert not any(ln.soft_wrap for ln in signature)


def test_line_numbers_restart_per_page_and_increase() -> None:
    doc = read(QD_1074)
    for page in (1, 2):
        numbers = [ln.line for ln in lines(doc, page)]
        assert numbers[0] == 1
        assert numbers == sorted(numbers)
    assert doc.total_chars > 2000
    assert all(ln.bbox is not None for ln in doc.lines())


def test_body_lines_carry_wrap_hints() -> None:
    doc = read(QD_1074)
    first = find(doc, "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15", 1)
    following = lines(doc, 1)[first.line]  # the next line on the page
    assert following.text == "ngày 29 tháng 11 năm 2024;"
    assert following.soft_wrap is True
    after = lines(doc, 1)[following.line]
    assert after.text.startswith("Căn cứ Luật Ban hành")
    assert after.soft_wrap is False  # indented: a new paragraph


def test_cv7432_stamped_number_and_tcvn3_title() -> None:
    doc = read(CV_7432)
    assert doc.properties["title"] == "uỷ ban nhân dân tỉnh"
    assert any(w.code == codes.LEGACY_ENCODING for w in doc.warnings)
    # The number and day are stamped by the signing system in widget appearances.
    assert find(doc, "Số: 7432 /UBND-XD", 1).column == 1
    assert find(doc, "Lào Cai, ngày 21 tháng 7 năm 2026", 1).column == 2
    assert "producer" in doc.properties and "iText®" in doc.properties["producer"]


def test_nghe_an_table_spans_pages() -> None:
    doc = read(NGHE_AN)
    assert doc.source.pages == 18
    tables = doc.tables()
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 52
    assert tables[0].page == 8
    assert {r.page for r in rows} == set(range(8, 19))
    opening = [r for r in rows if r.opens_page]
    assert [r.page for r in opening] == list(range(9, 19))
    for page in range(9, 19):
        assert next(r for r in rows if r.page == page).opens_page
    assert not rows[0].opens_page
    assert rows[0].cells[:3] == ["STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ"]
    assert all(len(r.cells) == 6 for r in rows)
    # Soft wraps inside a cell are joined, so units read as one line each.
    row_11 = next(r for r in rows if r.cells[0] == "1.1")
    assert row_11.cells[2] == "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường"
    assert row_11.cells[5] == "Thường xuyên"
    # The two rows without a number after 5.8 stay separate rows.
    at = next(k for k, r in enumerate(rows) if r.cells[0] == "5.8")
    assert rows[at + 1].cells[0] == "" and rows[at + 1].cells[1].startswith("Nâng cao hiệu quả")


def test_nghe_an_no_table_text_in_lines() -> None:
    doc = read(NGHE_AN)
    texts = {ln.text for ln in doc.lines()}
    assert "NỘI DUNG NHIỆM VỤ" not in texts
    assert not any(ln.text.startswith("Tổ chức nghiên cứu, phổ biến") for ln in doc.lines())
    assert find(doc, "PHỤ LỤC:", 8).bold
    signature = [ln.text for ln in lines(doc, 7) if ln.column == 2]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Thanh An"]


def test_fixture_layout_table_split_row_and_legacy_fonts() -> None:
    doc = read(ND30)
    assert [ln.text for ln in lines(doc, 1) if ln.column == 1] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH HƯNG YÊN",
        "Số: 15/KH-UBND",
    ]
    assert find(doc, "Hưng Yên, ngày 05 tháng 01 năm 2026", 1).column == 2
    # Legacy fonts: .VnTime (TCVN3), .VnTimeH (TCVN3 capitals), VNI-Times.
    find(doc, "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư;", 1)
    find(doc, "KẾ HOẠCH THỰC HIỆN", 1)
    find(doc, "Kế hoạch thực hiện năm 2026", 1)
    legacy = [w for w in doc.warnings if w.code == codes.LEGACY_ENCODING]
    assert len(legacy) == 3
    # The page number at the top of page 2 is not a line.
    assert lines(doc, 2)[0].text != "2"
    (table,) = doc.tables()
    pages = [(r.page, r.opens_page, r.cells[0]) for r in table.rows]
    assert pages == [
        (1, False, "STT"),
        (1, False, "1"),
        (1, False, "2"),
        (1, False, "3"),
        (1, False, "4"),
        (2, True, "STT"),
        (2, False, ""),
        (2, False, "5"),
        (2, False, "6"),
    ]
    continued = table.rows[6]
    assert continued.cells[1].startswith("theo dõi, đôn đốc")
    assert table.rows[4].bbox is not None and continued.bbox is not None
    assert [ln.text for ln in lines(doc, 2) if ln.column == 2] == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ]


def test_garbage_and_truncated_pdf_are_unreadable() -> None:
    with pytest.raises(UnreadableDocument):
        read_bytes(b"%PDF-1.4\n garbage that is not a pdf", "x.pdf")
    data = NGHE_AN.read_bytes()
    with pytest.raises(UnreadableDocument):
        read_bytes(data[: len(data) // 3], "truncated.pdf")


def test_encrypted_pdf() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(72, 720, "hello")
    c.save()
    with pytest.raises(EncryptedDocument, match="password"):
        read_bytes(buf.getvalue(), "locked.pdf")


def test_max_pages_warns() -> None:
    doc = read_path(NGHE_AN, ParseOptions(max_pages=2))
    assert doc.source.pages == 18
    assert {ln.page for ln in doc.lines()} == {1, 2}
    assert any(w.code == codes.LIMIT_REACHED for w in doc.warnings)


def test_scan_with_ocr_off_warns_per_page() -> None:
    doc = read_path(SCAN_ND30, ParseOptions(ocr=OcrMode.NEVER))
    assert doc.items == []
    assert [w.page for w in doc.warnings if w.code == codes.PAGE_ERROR] == [1, 2]


def test_table_item_order() -> None:
    doc = read(NGHE_AN)
    k = next(i for i, it in enumerate(doc.items) if isinstance(it, Table))
    before = doc.items[k - 1]
    assert isinstance(before, Line) and before.page == 8
    assert before.text.startswith("(Ban hành kèm theo Kế hoạch số")
