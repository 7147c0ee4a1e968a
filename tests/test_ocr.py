"""OCR of scanned PDFs. Needs tesseract with Vietnamese data (Debian: tesseract-ocr tesseract-ocr-vie);
the tests that run it are skipped without it."""

from __future__ import annotations

import difflib
import shutil
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from plancompare.errors import OcrUnavailable
from plancompare.model import warning_codes as codes
from plancompare.options import ParseOptions
from plancompare.readers import read_path
from plancompare.readers.document import RawDocument
from plancompare.readers.ocr import parse_tsv
from plancompare.readers.ocr_image import estimate_skew, find_rules
from plancompare.readers.pdf_tables import grid_table

ROOT = Path(__file__).resolve().parent.parent
SCAN_ND30 = ROOT / "tests" / "data" / "fixtures" / "scan-nd30.pdf"
HAVE_TESSERACT = shutil.which("tesseract") is not None
needs_tesseract = pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract is not installed")


@cache
def scanned() -> RawDocument:
    return read_path(SCAN_ND30, ParseOptions(jobs=2))


def similar(got: list[str], want: list[str]) -> bool:
    """OCR may miss a mark or a letter; the structure (which line, which column) must be exact."""
    return len(got) == len(want) and all(
        difflib.SequenceMatcher(None, g, w).ratio() >= 0.75 for g, w in zip(got, want, strict=True)
    )


@needs_tesseract
def test_scan_header_and_signature_columns() -> None:
    doc = scanned()
    assert doc.source.pages == 2
    left = [ln.text for ln in doc.lines() if ln.page == 1 and ln.column == 1]
    right = [ln.text for ln in doc.lines() if ln.page == 1 and ln.column == 2]
    assert similar(left, ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 15/KH-UBND"]), left
    assert similar(
        right,
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hưng Yên, ngày 05 tháng 01 năm 2026",
        ],
    ), right
    recipients = [ln.text for ln in doc.lines() if ln.page == 2 and ln.column == 1]
    signature = [ln.text for ln in doc.lines() if ln.page == 2 and ln.column == 2]
    assert similar(recipients[:2], ["Nơi nhận:", "- Văn phòng Chính phủ;"]), recipients
    assert similar([signature[0], signature[-1]], ["TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn An"]), signature


@needs_tesseract
def test_scan_table_rebuilt_from_rules() -> None:
    doc = scanned()
    (table,) = doc.tables()
    assert [(r.page, r.opens_page, r.cells[0]) for r in table.rows] == [
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
    assert all(len(r.cells) == 5 for r in table.rows)
    assert table.rows[1].cells[2] == "Sở Nội vụ"
    assert table.rows[4].cells[4] == "Thường xuyên"
    assert similar([table.rows[6].cells[1][:17]], ["theo dõi, đôn đốc"])
    texts = {ln.text for ln in doc.lines()}
    assert "Sở Nội vụ" not in texts  # table text is not repeated as lines


@needs_tesseract
def test_scan_warnings_carry_confidence() -> None:
    doc = scanned()
    used = [w for w in doc.warnings if w.code == codes.OCR_USED]
    assert [w.page for w in used] == [1, 2]
    assert all("confidence" in w.message for w in used)
    assert not [w for w in doc.warnings if w.code == codes.OCR_LOW_CONFIDENCE]
    assert doc.total_chars > 1500


def test_missing_tesseract_names_the_packages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OcrUnavailable, match="tesseract-ocr tesseract-ocr-vie"):
        read_path(SCAN_ND30)


@needs_tesseract
def test_missing_language_data() -> None:
    with pytest.raises(OcrUnavailable, match="no language data for xyz"):
        read_path(SCAN_ND30, ParseOptions(ocr_lang="xyz"))


def test_parse_tsv_drops_rule_debris_and_keeps_dashes() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "4\t1\t1\t1\t1\t0\t100\t100\t400\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t115\t10\t3\t93\t-",
        "5\t1\t1\t1\t1\t2\t120\t100\t80\t40\t96\tVăn",
        "5\t1\t1\t1\t1\t3\t210\t100\t5\t40\t45\t|",
        "5\t1\t1\t1\t1\t4\t220\t100\t90\t40\t95\tphòng;",
        "5\t1\t1\t1\t1\t5\t320\t100\t20\t40\t20\t.",
    ]
    words, conf = parse_tsv("\n".join([header, *rows]), 72 / 300)
    assert [w.text for w in words] == ["-", "Văn", "phòng;"]
    # The dash takes the line's height, so it stays on the line.
    assert words[0].top == words[1].top and words[0].bottom == words[1].bottom
    assert conf is not None and 94 < conf < 96


def test_skew_estimate() -> None:
    img = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(img)
    for y in range(100, 1500, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)
    skewed = img.rotate(-0.8, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert abs(estimate_skew(skewed) - 0.8) <= 0.1


def test_rules_to_grid_with_merged_cell() -> None:
    img = Image.new("L", (1000, 700), 255)
    draw = ImageDraw.Draw(img)
    for y in (100, 250, 400, 550):
        draw.line((100, y, 900, y), fill=0, width=3)
    draw.line((100, 100, 100, 550), fill=0, width=3)
    draw.line((900, 100, 900, 550), fill=0, width=3)
    draw.line((300, 100, 300, 550), fill=0, width=3)
    # The middle rule stops above the last row: its two cells are one merged cell.
    draw.line((600, 100, 600, 400), fill=0, width=3)
    h_rules, v_rules, mask = find_rules(img, 300)
    assert mask.any()
    table = grid_table(h_rules, v_rules)
    assert table is not None
    assert len(table.rows) == 3
    assert [sum(c is not None for c in r.cells) for r in table.rows] == [3, 3, 2]


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Tố chức nghiên cứu, phố biến, quán triệt", "Tổ chức nghiên cứu, phổ biến, quán triệt"),
        ("Tõ chức thực hiện", "Tổ chức thực hiện"),
        ("Đãy mạnh việc gắn kết", "Đẩy mạnh việc gắn kết"),
        ("Xây dựng kế hoạch cụ thế", "Xây dựng kế hoạch cụ thể"),
        ("NHCSXH Chỉ nhánh tỉnh", "NHCSXH Chi nhánh tỉnh"),
        ("Các sở, bản, ngành", "Các sở, ban, ngành"),
        ("ỦY BAN MẶT TRẬN TỐ QUỐC", "ỦY BAN MẶT TRẬN TỔ QUỐC"),
        # Known pairs and words outside the vocabulary stay as read.
        ("Văn bản, ngành", "Văn bản, ngành"),
        ("tố cáo, tố giác", "tố cáo, tố giác"),
        ("Chỉ thị số 39-CT/TW", "Chỉ thị số 39-CT/TW"),
    ],
)
def test_tone_correction_from_context(ocr: str, fixed: str) -> None:
    from plancompare.readers.ocr_lexicon import correct

    assert correct(ocr)[0] == fixed
