"""Party documents (Hướng dẫn 36-HD/VPTW): metadata from plain text, from a PDF's layout text and from
OCR-like text (columns on one line, damaged letters, digits stamped as images). The documents are
hand-written in the Party's format, on health, forestry, livestock and schools."""

from __future__ import annotations

from pathlib import Path

import pytest

import plancompare
from plancompare.extract.party import parse_party_number, party_issuer_name
from plancompare.model import warning_codes as codes

PROVINCIAL = """\
TỈNH ỦY LÀO CAI                                ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 31-CTr/TU                                   Lào Cai, ngày 14 tháng 8 năm 2026

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về chăm sóc sức khỏe Nhân dân

Thực hiện Nghị quyết số 72-NQ/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động như sau:

I- MỤC TIÊU
1- Đến năm 2030, 100% trạm y tế xã có bác sĩ.
II- NHIỆM VỤ, GIẢI PHÁP
1- Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch nâng cấp trạm y tế xã, hoàn thành trong năm 2027.
2- Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền về chăm sóc sức khỏe ban đầu.

Nơi nhận:                                       T/M BAN THƯỜNG VỤ
- Ban Bí thư (để b/c),                           PHÓ BÍ THƯ THƯỜNG TRỰC
- Các đảng bộ trực thuộc,
- Lưu Văn phòng Tỉnh ủy.                         Nguyễn Thị Hạnh
"""

COMMUNE = """\
ĐẢNG BỘ TỈNH QUẢNG TRỊ ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ CAM LỘ
*
Số 12-KH/ĐU Cam Lộ, ngày 03 tháng 02 năm 2026

KẾ HOẠCH
triển khai công tác phòng, chống dịch bệnh trên gia súc năm 2026

1. Ban Thường vụ Đảng ủy lãnh đạo Ủy ban nhân dân xã tiêm phòng đàn gia súc, hoàn thành trước ngày 30/4/2026.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để b/c),
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
K/T BÍ THƯ
PHÓ BÍ THƯ
Hoàng Văn Sơn
"""

# OCR of a signed scan: both header columns on one line, a damaged letter, the issuer broken over two
# lines, and the digits of the number and the day stamped as images (blank in the text)
OCR_CENTRAL = """\
BAN CHẮÁP HÀNH ĐẢNG CỘNG SẢN VIỆT NAM
TRUNG ƯƠNG
*
Số -KL/TW Hà Nội, ngày tháng 8 năm 2026

KẾT LUẬN
của Bộ Chính trị về tiếp tục đổi mới công tác bảo vệ rừng đầu nguồn

I- NHIỆM VỤ
1- Các tỉnh ủy, thành ủy chỉ đạo rà soát quy hoạch rừng phòng hộ, hoàn thành trong năm 2027.

T/M BỘ CHÍNH TRỊ
Lê Minh Tâm
"""


def _parse(tmp_path: Path, text: str, name: str = "doc.txt") -> plancompare.Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return plancompare.parse(path)


def _codes(plan: plancompare.Plan) -> set[str]:
    return {w.code for w in plan.warnings}


def test_provincial_programme_from_text(tmp_path: Path) -> None:
    plan = _parse(tmp_path, PROVINCIAL)
    m = plan.metadata
    assert (m.number, m.doc_type, m.doc_type_name) == ("31-CTr/TU", "CTr", "Chương trình hành động")
    assert (m.issuer, m.place, m.date) == ("Tỉnh ủy Lào Cai", "Lào Cai", "2026-08-14")
    assert m.title == (
        "thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về chăm sóc sức khỏe Nhân dân"
    )
    assert (m.signing_capacity, m.signer_title, m.signer) == (
        "T/M Ban Thường vụ",
        "Phó Bí thư Thường trực",
        "Nguyễn Thị Hạnh",
    )
    assert m.recipients == ["Ban Bí thư (để b/c)", "Các đảng bộ trực thuộc", "Lưu Văn phòng Tỉnh ủy"]
    assert "72-NQ/TW" in m.cites and "31-CTr/TU" not in m.cites
    assert not _codes(plan) & {codes.NUMBER_MISSING, codes.PLACE_MISSING, codes.TITLE_MISSING}


def test_commune_plan_number_and_date_on_one_line(tmp_path: Path) -> None:
    m = _parse(tmp_path, COMMUNE).metadata
    assert (m.number, m.doc_type, m.place, m.date) == ("12-KH/ĐU", "KH", "Cam Lộ", "2026-02-03")
    assert (m.issuer, m.parent_issuer) == ("Đảng ủy xã Cam Lộ", "Đảng bộ tỉnh Quảng Trị")
    assert (m.signing_capacity, m.on_behalf_of, m.signer_title) == (
        "K/T Bí thư",
        "T/M Ban Thường vụ",
        "Phó Bí thư",
    )


def test_ocr_header_blank_digits_are_null_with_warnings(tmp_path: Path) -> None:
    plan = _parse(tmp_path, OCR_CENTRAL)
    m = plan.metadata
    assert (m.number, m.doc_type, m.doc_type_name) == (None, "KL", "Kết luận")
    assert (m.issuer, m.place, m.date) == ("Ban Chấp hành Trung ương", "Hà Nội", None)
    assert (m.signing_capacity, m.signer) == ("T/M Bộ Chính trị", "Lê Minh Tâm")
    assert {codes.NUMBER_BLANK, codes.DATE_BLANK} <= _codes(plan)
    assert codes.NUMBER_MISSING not in _codes(plan)


@pytest.mark.parametrize(
    ("line", "number", "code"),
    [
        ("Số 31-CTr/TW", "31-CTr/TW", "CTr"),
        ("Số: 05-KH/TU", "5-KH/TU", "KH"),
        ("Số 102 - NQ/ĐU", "102-NQ/ĐU", "NQ"),
        ("Số 7-KL/HU", "7-KL/HU", "KL"),
        ("Số 14-CT/TU", "14-CT/TU", "CT"),
        ("Số 3-QĐ/BCĐ", "3-QĐ/BCĐ", "QĐ"),
        ("Số 36-HD/VPTW", "36-HD/VPTW", "HD"),
        ("Số 250-TB/TU Huế, ngày 02 tháng 6 năm 2026", "250-TB/TU", "TB"),
        ("Số      -CTr/TU", None, "CTr"),
    ],
)
def test_party_numbers(line: str, number: str | None, code: str) -> None:
    read = parse_party_number(line)
    assert read is not None
    assert (read.number, read.type_code, read.blank) == (number, code, number is None)


def test_state_number_is_not_a_party_number() -> None:
    assert parse_party_number("Số: 686/KH-UBND") is None


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("BAN CHẮÁP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
        ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
        ("TỈNH ỦY LÀO CAI", "Tỉnh ủy Lào Cai"),
        ("THÀNH ỦY HẢI PHÒNG", "Thành ủy Hải Phòng"),
        ("TỈNH ỦY QUẢNG NGẢI", "Tỉnh ủy Quảng Ngãi"),  # OCR: ngã read as hỏi
        ("ĐẢNG ỦY XÃ TẢ VAN", "Đảng ủy xã Tả Van"),
    ],
)
def test_issuer_names(header: str, name: str) -> None:
    assert party_issuer_name(header) == name


# (centre x or None for flush left, y from the top, text): left and right header and signature columns
_PDF_LINES: list[tuple[float | None, float, str]] = [
    (150, 60, "TỈNH ỦY NINH BÌNH"),
    (420, 60, "ĐẢNG CỘNG SẢN VIỆT NAM"),
    (150, 76, "*"),
    (150, 94, "Số 08-CTr/TU"),
    (420, 94, "Ninh Bình, ngày 22 tháng 10 năm 2026"),
    (298, 140, "CHƯƠNG TRÌNH HÀNH ĐỘNG"),
    (298, 158, "thực hiện Nghị quyết của Bộ Chính trị về phát triển giáo dục mầm non"),
    (None, 200, "I- NHIỆM VỤ, GIẢI PHÁP"),
    (None, 220, "1- Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng đề án trường mầm non."),
    (150, 300, "Nơi nhận:"),
    (420, 300, "T/M BAN THƯỜNG VỤ"),
    (150, 316, "- Ban Bí thư (để b/c),"),
    (420, 316, "BÍ THƯ"),
    (150, 332, "- Lưu Văn phòng Tỉnh ủy."),
    (420, 380, "Phạm Quang Ngọc"),
]


def _party_pdf(path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = Path("/usr/share/fonts/truetype/dejavu")
    if not (fonts / "DejaVuSerif.ttf").is_file():
        pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed")
    pdfmetrics.registerFont(TTFont("DV", str(fonts / "DejaVuSerif.ttf")))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    top = A4[1]

    for x, y, text in _PDF_LINES:
        c.setFont("DV", 12)
        if x is None:
            c.drawString(70, top - y, text)  # body text, flush left
        else:
            c.drawCentredString(x, top - y, text)
    c.showPage()
    c.save()


def test_party_header_from_pdf_layout_text(tmp_path: Path) -> None:
    pdf = tmp_path / "ctr.pdf"
    _party_pdf(pdf)
    m = plancompare.parse(pdf).metadata
    assert (m.number, m.issuer, m.place, m.date) == (
        "8-CTr/TU",
        "Tỉnh ủy Ninh Bình",
        "Ninh Bình",
        "2026-10-22",
    )
    assert (m.doc_type_name, m.signing_capacity, m.signer_title, m.signer) == (
        "Chương trình hành động",
        "T/M Ban Thường vụ",
        "Bí thư",
        "Phạm Quang Ngọc",
    )


NATIONAL = Path(__file__).parent / "data" / "national"


def test_party_programme_as_reference_for_a_provincial_programme() -> None:
    from plancompare.diff import compare
    from plancompare.model.comparison import FindingKind
    from plancompare.model.reference import Addressee

    c = compare(NATIONAL / "ctr-12-tw-nuoc-sach.txt", NATIONAL / "ctr-45-tu-dak-lak-nuoc-sach.txt")
    assert (c.reference.metadata.number, c.plan.metadata.number) == ("12-CTr/TW", "45-CTr/TU")
    f = {x.reference_id: x for x in c.findings if x.reference_id}
    # Quốc hội's and the Government's party groups: central; the Centre's own propaganda board too
    assert {k for k, v in f.items() if v.kind is FindingKind.NOT_APPLICABLE} == {
        "II.1.-1",
        "II.1.-2",
        "III.2",
    }
    assert f["II.1.-3"].addressee is Addressee.EVERY_LOCALITY
    assert (f["II.2.-1"].kind, f["II.2.-1"].plan_ids) == (FindingKind.COVERED, ["I.2"])
    assert (f["II.2.-2"].kind, f["II.2.-2"].plan_ids) == (FindingKind.COVERED, ["I.3"])
    assert f["II.2.-3"].kind is FindingKind.MISSING


def test_party_header_from_ocr_of_a_scan(tmp_path: Path) -> None:
    """The same page as an image (200 dpi, grey): read by tesseract, then the Party rules."""
    import shutil

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    pdf = tmp_path / "ctr.pdf"
    _party_pdf(pdf)
    import pypdfium2

    page = pypdfium2.PdfDocument(str(pdf))[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    scan = tmp_path / "scan.pdf"
    image.save(scan, resolution=200)
    plan = plancompare.parse(scan)
    m = plan.metadata
    assert codes.OCR_USED in _codes(plan)
    assert (m.number, m.doc_type, m.issuer) == ("8-CTr/TU", "CTr", "Tỉnh ủy Ninh Bình")
    assert (m.place, m.date, m.signing_capacity) == ("Ninh Bình", "2026-10-22", "T/M Ban Thường vụ")
    assert m.doc_type_name == "Chương trình hành động"  # also when OCR reads "CHƯƠNG LRÌNH"
    assert m.title is not None and m.title.startswith("thực hiện Nghị quyết của Bộ Chính trị")
