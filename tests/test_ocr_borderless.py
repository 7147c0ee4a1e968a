"""Borderless task tables on scanned pages: the Tuyên Quang plan typeset without ruling lines
(`borderless_variants`: (a) no lines, (b) a rule under the header, (c) rules between rows, (g)
over two pages without the header repeated), rendered at 200 dpi into pages without a text
layer (a scan: pypdfium2 render, Pillow save, as `test_serializations` makes its scan) and
parsed with OCR. Six pages are OCR'd in all, each once a session; those tests skip without
tesseract and its `vie` data. The pure steps are tested on hand-placed words without OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderless_variants import typeset_variant
from plancompare import parse
from plancompare.errors import OcrUnavailable
from plancompare.model.plan import Plan
from plancompare.options import BorderlessSettings
from plancompare.readers.ocr_borderless import at_font_size, continued_number_box, number_column_boxes
from plancompare.readers.ocr_numbers import header_number_cell
from plancompare.readers.ocr_sequence import UNREAD
from plancompare.readers.pdf_borderless import opens_row
from plancompare.readers.pdf_borderless_grid import Continued, borderless_tables
from plancompare.readers.pdf_layout import Word, build_lines

SIZE = 10.0
SCANNED = ("no-lines", "header-rule", "booktabs", "two-pages-no-repeat")  # variants (a), (b), (c), (g)
DPI = 200


def _has_vietnamese_ocr() -> bool:
    from plancompare.readers.ocr import tesseract_command

    try:
        tesseract_command("vie")
    except OcrUnavailable:
        return False
    return True


needs_vie = pytest.mark.skipif(not _has_vietnamese_ocr(), reason="tesseract or its vie data is not installed")


# -- the pure steps (hand-placed words in points, no OCR) --------------------------------------


def _words(text: str, x: float, top: float) -> list[Word]:
    """Words of `text` set from x, each letter 5 pt wide and a space 3 pt."""
    out: list[Word] = []
    for part in text.split():
        width = 5.0 * len(part)
        out.append(Word(part, x, x + width, top, top + SIZE, top + SIZE - 2, SIZE))
        x += width + 3.0
    return out


def _row(cells: list[tuple[float, str]], top: float) -> list[Word]:
    return [w for x, text in cells for w in _words(text, x, top)]


def _page(first_column: tuple[str, str, str]) -> list[Word]:
    """A title, a task header, a group row and two task rows whose numbers are `first_column`
    (an empty string: the number OCR lost), then prose across the page."""
    group, one, two = first_column
    words = _row([(120.0, "PHỤ LỤC NHIỆM VỤ")], 60.0)
    words += _row(
        [(40.0, "STT"), (80.0, "Nội dung nhiệm vụ"), (260.0, "Cơ quan chủ trì"), (380.0, "Thời hạn")], 80.0
    )
    rows = [
        [(40.0, group), (80.0, "TUYÊN TRUYỀN")],
        [(40.0, one), (80.0, "Tổ chức quán triệt"), (260.0, "Sở Tư pháp"), (380.0, "Quý IV")],
        [(40.0, two), (80.0, "Xây dựng chuyên mục"), (260.0, "Sở Tài chính"), (380.0, "Hằng năm")],
    ]
    for k, cells in enumerate(rows):
        words += _row([(x, text) for x, text in cells if text], 100.0 + 20.0 * k)
    return words + _row(
        [(40.0, "Các sở, ngành tổ chức thực hiện Kế hoạch này theo đúng thời hạn đã giao.")], 170.0
    )


def test_number_column_box_runs_from_the_stt_label_to_the_gutter_and_ends_at_the_prose() -> None:
    # the numbers are lost, so the header block grows over the group row: the column still is
    # found from the STT label (x 40-55) and the gutter before the task text (x 80)
    lines = build_lines(_page(("", "", "")), gap_em=50.0)
    [box] = number_column_boxes(lines)
    left, top, right, bottom = box
    assert left == pytest.approx(40.0 - SIZE)  # an em left of the label
    assert top == pytest.approx(90.0)  # the foot of "STT"
    assert 55.0 < right < 80.0  # in the gutter between the labels' columns
    assert bottom == pytest.approx(170.0)  # the top of the prose line


def test_continued_number_box_follows_the_carried_columns_down_to_the_prose() -> None:
    # the page before's table goes on at the top of this page without its header, its numbers
    # lost; the column is the carried first column, over the lines that keep to the columns
    words = _row([(80.0, "Đánh giá mức độ"), (260.0, "Sở Tư pháp"), (380.0, "Hằng năm")], 60.0)
    words += _row([(80.0, "chuyển đổi số")], 74.0)
    words += _row([(40.0, "Các sở, ngành tổ chức thực hiện Kế hoạch này theo đúng thời hạn đã giao.")], 120.0)
    carried = Continued(edges=[70.0, 250.0, 370.0], x0=39.0, x1=460.0, em=SIZE)
    box = continued_number_box(build_lines(words, gap_em=50.0), carried)
    assert box == pytest.approx((39.0, 50.0, 70.0, 120.0))


def test_unread_number_marks_open_rows_like_numbers() -> None:
    assert opens_row(UNREAD) and opens_row("II") and opens_row("3") and not opens_row("Sở")
    # with the group's number unread and the tasks' numbers read again, the table has its rows
    [table] = borderless_tables(_page((UNREAD, "1", "2")), [])
    assert len(table.rows) == 4  # header, group, two tasks
    assert len(table.rows[0].cells) == 4
    # the unread mark is no number to keep: a group row's cell is left empty
    assert header_number_cell(UNREAD) == "" and header_number_cell("SIT") == "STT"


def test_ocr_sizes_are_brought_to_the_font_size_and_nothing_else_changes() -> None:
    word = Word("Sở", 10.0, 20.0, 30.0, 40.0, 38.0, 8.0, conf=91.0)
    [scaled] = at_font_size([word], BorderlessSettings().ocr_size_scale)
    assert scaled.size == pytest.approx(10.0)  # 8 pt from a line box x 1.25
    assert (scaled.text, scaled.x0, scaled.x1, scaled.top, scaled.bottom, scaled.conf) == (
        "Sở",
        10,
        20,
        30,
        40,
        91,
    )
    assert word.size == 8.0  # the page's own words are left as read


# -- scans of the typeset variants (OCR) -------------------------------------------------------


def _scan(pdf: Path, scan: Path, first_scanned: int) -> None:
    """`pdf` with its pages from `first_scanned` on printed and scanned: rendered at 200 dpi in
    grey and kept as images without a text layer (a plan signed digitally with its appendix
    scanned, as portals often publish them; from page 0, the whole plan scanned)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    images = [doc[i].render(scale=DPI / 72).to_pil().convert("L") for i in range(first_scanned, len(doc))]
    images_pdf = scan.with_suffix(".images.pdf")
    images[0].save(images_pdf, save_all=True, append_images=images[1:], resolution=DPI)
    out = pdfium.PdfDocument.new()
    if first_scanned:
        out.import_pages(doc, list(range(first_scanned)))
    scanned = pdfium.PdfDocument(str(images_pdf))
    out.import_pages(scanned)
    out.save(str(scan))
    for opened in (out, scanned, doc):
        opened.close()


@pytest.fixture(scope="session")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Plan, Plan]]:
    """Per variant: the plan parsed from the text-layer PDF and from its scan, each scanned and
    OCR'd once a session: (a) whole (two pages), (b) and (c) their appendix page, and the table
    over two pages without its header repeated (g) its two appendix pages."""
    pytest.importorskip("pypdfium2")
    folder = tmp_path_factory.mktemp("ocr-borderless")
    out: dict[str, tuple[Plan, Plan]] = {}
    for name in SCANNED:
        pdf, scan = folder / f"{name}.pdf", folder / f"{name}-scan.pdf"
        typeset_variant(pdf, name)
        _scan(pdf, scan, 0 if name == "no-lines" else 1)
        out[name] = (parse(pdf), parse(scan))
    return out


def _facts(plan: Plan) -> list[tuple[object, ...]]:
    """What OCR keeps exactly: numbers, canonical units, deadlines."""
    return [
        (
            t.number,
            [u.canonical for u in t.lead_units],
            [u.canonical for u in t.support_units],
            t.deadline.kind,
            t.deadline.date,
            t.deadline.day_month,
        )
        for t in plan.tasks
    ]


@needs_vie
@pytest.mark.parametrize("name", SCANNED)
def test_scanned_borderless_table_gives_the_tasks_of_the_text_layer_pdf(
    scanned: dict[str, tuple[Plan, Plan]], name: str
) -> None:
    from rapidfuzz import fuzz

    typeset, scan = scanned[name]
    # values read from the appendix of plan-tabs.md
    assert [t.number for t in scan.tasks] == ["1", "2", "3", "4", "5"]
    assert [[u.canonical for u in t.lead_units] for t in scan.tasks] == [
        ["Sở Giáo dục và Đào tạo"],
        ["Sở Khoa học và Công nghệ"],
        ["Sở Giáo dục và Đào tạo"],
        ["Sở Tài chính"],
        ["Sở Giáo dục và Đào tạo"],
    ]
    assert [u.canonical for u in scan.tasks[2].support_units] == ["Công an tỉnh", "Sở Khoa học và Công nghệ"]
    assert scan.tasks[2].deadline.date == "2026-06-30" and scan.tasks[4].deadline.day_month == "15/12"
    # and every fact of the text-layer PDF's tasks
    assert _facts(scan) == _facts(typeset)
    # OCR may misread a tone mark in running text: the task texts are held to a fuzzy ratio of at
    # least 0.9 (a wrong mark costs one character in ~100; a task cut in two or run into the next
    # row would fall far below it)
    for got, want in zip(scan.tasks, typeset.tasks, strict=True):
        assert fuzz.ratio(" ".join(got.text.split()), " ".join(want.text.split())) >= 90
    # the group rows stay groups by their titles; tesseract cannot read a lone serif "I", so the
    # groups' numbers are left empty rather than guessed
    assert [g.title for g in scan.task_groups] == ["TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC", "HẠ TẦNG VÀ DỮ LIỆU"]
    assert scan.metadata.number == "27/KH-UBND" and scan.metadata.date == "2025-10-14"
