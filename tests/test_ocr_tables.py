"""Scanned appendix tables come back as rows: the STT column read again and mended as a sequence,
faint rules found, rows whose separating rules faded cut at the numbers. The OCR tests scan pages
of the typeset Nghệ An plan at test time (render -> degrade -> parse) and are skipped without
tesseract."""

from __future__ import annotations

import shutil
from functools import cache

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from conftest import ROOT
from goldcompare import f
from plancompare.options import ParseOptions
from plancompare.readers import read_bytes
from plancompare.readers.document import RawDocument
from plancompare.readers.ocr_image import find_rules
from plancompare.readers.ocr_rows import split_merged_rows
from plancompare.readers.ocr_sequence import UNREAD, repair_sequence
from plancompare.readers.pdf_layout import Word
from plancompare.readers.pdf_tables import GridRow, GridTable, grid_table
from scanlab import Degradation, degrade, fade_column_rule, fade_inner_rules, render, scan, to_pdf

NGHE_AN = ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
GOAL = Degradation(200, blur=0.8, jpeg=50)  # the ladder's goal: every task right down to here


# -- the numbering as a sequence (no OCR) ------------------------------------------------------


def test_sequence_puts_back_lost_dots_and_reads_letters_as_the_number_that_fits() -> None:
    read = ["1", "11", "1.2", "2", "2i", "2:2", "243", "3", "K", "3.2", "SẮC)", "3.4", UNREAD, "3.6"]
    assert repair_sequence(read) == [
        "1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
    ]  # fmt: skip


def test_sequence_keeps_what_it_cannot_tell() -> None:
    # a flat list, a restart after a Roman numeral, a number that leads on, and a cell between
    # two numbers where two numbers fit (3 with 3.1 missing, or 3.1 with 3 missing)
    flat = ["8", "9", "10", "11", "12"]
    assert repair_sequence(flat) == flat
    assert repair_sequence(["I", "1", "2", "II", "1", "2"]) == ["I", "1", "2", "II", "1", "2"]
    assert repair_sequence(["2.3", "K", "3.2"]) == ["2.3", "K", "3.2"]
    # ink nobody could read, with no single number fitting: left empty, not invented
    assert repair_sequence(["2.3", UNREAD, "3.2"]) == ["2.3", "", "3.2"]


# -- rules and rows (synthetic images and boxes, no OCR) ---------------------------------------


def _faint_grid() -> Image.Image:
    """Hairline rules in mid grey, blurred: darker than paper, lighter than any strict threshold."""
    img = Image.new("L", (1400, 900), 255)
    draw = ImageDraw.Draw(img)
    for y in (100, 250, 450, 650, 800):
        draw.line((100, y, 1300, y), fill=110, width=1)
    for x in (100, 220, 800, 1300):
        draw.line((x, 100, x, 800), fill=110, width=1)
    return img.filter(ImageFilter.GaussianBlur(1.2))


def test_faint_blurred_rules_still_make_the_grid() -> None:
    h_rules, v_rules, _ = find_rules(_faint_grid(), 200)
    table = grid_table(h_rules, v_rules)
    assert table is not None
    assert len(table.rows) == 4
    assert [sum(c is not None for c in r.cells) for r in table.rows] == [3, 3, 3, 3]


def test_pale_words_are_not_rules() -> None:
    # a line of blurred grey words: long pale runs are rules only when an inch has no gap
    img = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(img)
    for x in range(100, 1300, 120):
        draw.rectangle((x, 150, x + 90, 175), fill=150)
    h_rules, v_rules, _ = find_rules(img.filter(ImageFilter.GaussianBlur(1.2)), 200)
    assert not [r for r in h_rules if r[2] - r[1] > 200]
    assert not v_rules


def _word(text: str, x0: float, top: float, width: float = 20.0) -> Word:
    return Word(text, x0, x0 + width, top, top + 12.0, top + 10.0, 12.0, conf=90.0)


def test_a_row_whose_rules_faded_is_cut_above_each_number() -> None:
    cells = [(50.0, 100.0, 90.0, 300.0), (90.0, 100.0, 400.0, 300.0), (400.0, 100.0, 600.0, 300.0)]
    box = (50.0, 100.0, 600.0, 300.0)
    table = GridTable(bbox=box, rows=[GridRow(bbox=box, cells=list(cells))])
    words = [
        _word("1.1", 55, 105), _word("Tổ", 95, 105), _word("chức", 120, 105), _word("Sở", 405, 105),
        _word("thực", 95, 120), _word("hiện", 130, 120),
        _word("1.2", 55, 160), _word("Xây", 95, 160), _word("Sở", 405, 160), _word("Tư", 430, 160),
        _word("1.3", 55, 230), _word("Kiểm", 95, 230),
    ]  # fmt: skip
    page = np.full((400, 700), 255, dtype=np.uint8)  # 72 dpi: one pixel a point
    for top in (105, 160, 230):
        page[top + 1 : top + 11, 58:72] = 0  # the ink of each number; OCR need not have read it
    split = split_merged_rows(table, [w for w in words if w.text != "1.2"], page, 72)
    assert len(split.rows) == 3
    tops = [r.bbox[1] for r in split.rows]
    assert tops[0] == 100.0 and 132.0 < tops[1] < 160.0 and 172.0 < tops[2] < 230.0
    assert split.rows[-1].bbox[3] == 300.0
    assert all(len(r.cells) == 3 for r in split.rows)


# -- scans made at test time -------------------------------------------------------------------


@cache
def scanned_pages(fade: str = "") -> RawDocument:
    """Appendix pages 10 and 16 of the Nghệ An plan at the goal level; fade "rows": page 16 alone
    with the rules between its data rows faded out, "column": with the rule between its lead
    and support unit columns faded out."""
    if fade:
        (page,) = render(NGHE_AN, [15], GOAL.dpi)
        faded = fade_inner_rules(page) if fade == "rows" else fade_column_rule(page, 3)
        data = to_pdf([degrade(faded, GOAL, seed=16)], GOAL.dpi, GOAL.jpeg)
    else:
        data = scan(NGHE_AN, GOAL, indexes=[9, 15])
    return read_bytes(data, "scan.pdf", ParseOptions(jobs=2))


# lead units of tasks 5.4 to 5.7 (page 16), folded as matching folds them
LEADS_54_57 = [
    f(unit)
    for unit in [
        "UBND các xã, phường",
        "UBND các xã, phường",
        "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường",
        "NHCSXH Chi nhánh tỉnh",
    ]
]


def _rows(doc: RawDocument, page: int) -> list[list[str]]:
    return [r.cells for t in doc.tables() for r in t.rows if r.page == page]


@needs_tesseract
def test_goal_level_scan_gives_the_numbers_and_cells_of_the_text_layer() -> None:
    doc = scanned_pages()
    first, second = _rows(doc, 1), _rows(doc, 2)
    assert [r[0] for r in first[1:]] == ["2.3", "3", "3.1", "STT"]
    assert [r[0] for r in second[1:]] == ["5.4", "5.5", "5.6", "5.7"]
    assert all(len(r) == 6 for r in first + second)
    task_57 = second[4]
    # compared as matching compares them (case and tone placement folded)
    assert f(task_57[1]).startswith(f("Xây dựng và triển khai thực hiện tốt cơ chế phối hợp"))
    assert f(task_57[2]) == f("NHCSXH Chi nhánh tỉnh")
    assert f(task_57[5]) == f("Thường xuyên")
    assert f(first[3][2]) == f("Các sở, ban, ngành, đơn vị cấp tỉnh")


@needs_tesseract
def test_rows_come_back_from_the_numbers_when_the_rules_between_them_faded() -> None:
    rows = _rows(scanned_pages(fade="rows"), 1)
    assert [r[0] for r in rows[1:]] == ["5.4", "5.5", "5.6", "5.7"]
    assert [f(r[2]) for r in rows[1:]] == LEADS_54_57


@needs_tesseract
def test_columns_come_back_from_the_header_labels_when_a_column_rule_faded() -> None:
    rows = _rows(scanned_pages(fade="column"), 1)
    assert all(len(r) == 6 for r in rows), [len(r) for r in rows]
    assert [f(c) for c in rows[0][2:4]] == [f("ĐƠN VỊ CHỦ TRÌ"), f("ĐƠN VỊ PHỐI HỢP")]
    assert [f(r[2]) for r in rows[1:]] == LEADS_54_57
    assert f(rows[4][3]).startswith(f("- Các tổ chức chính trị - xã hội"))


def test_a_rule_stub_glued_to_a_word_is_dropped() -> None:
    from plancompare.readers.ocr import parse_tsv

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = ["4\t1\t1\t1\t1\t0\t100\t100\t400\t40\t-1\t", "5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t91\t_NHCSXH"]
    words, _ = parse_tsv("\n".join([header, *rows]), 72 / 200)
    assert [w.text for w in words] == ["NHCSXH"]


def test_the_number_column_header_as_ocr_misreads_it() -> None:
    from plancompare.readers.ocr_numbers import header_number_cell

    assert [header_number_cell(t) for t in ("SIT", "SII", "SET", "STT", "TT")] == ["STT"] * 4 + ["TT"]
    assert [header_number_cell(t) for t in ("311", "NỘI DUNG", "")] == ["311", "NỘI DUNG", ""]
