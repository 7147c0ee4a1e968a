"""Task tables in text-layer PDFs without ruling lines: the Tuyên Quang appendix of
`tests/data/serializations/plan-tabs.md` typeset six ways (`borderless_variants`), the Nghệ An
appendix typeset without lines (`borderless_nghe_an`), and pages that must give no table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from borderless_variants import VARIANTS, typeset_variant
from conftest import load_gold
from goldcompare import check_metadata, check_tasks
from plancompare import parse, to_json
from plancompare.model.plan import Plan
from plancompare.readers import read_path
from plancompare.readers.document import Line, Table
from test_serializations import FONTS, SOURCE, _meta, _tasks

pytest.importorskip("reportlab")
if not (FONTS / "DejaVuSerif.ttf").is_file():
    pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed", allow_module_level=True)

HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("borderless")


def _variant(pdf_dir: Path, name: str) -> Path:
    path = pdf_dir / f"{name}.pdf"
    if not path.is_file():
        typeset_variant(path, name)
    return path


@pytest.fixture(scope="module")
def baseline() -> Plan:
    return parse(SOURCE)


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_gives_the_tasks_of_the_plan(baseline: Plan, pdf_dir: Path, name: str) -> None:
    plan = parse(_variant(pdf_dir, name))
    # values read from the appendix of plan-tabs.md
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4", "5"]
    assert [t.group for t in plan.tasks] == ["I", "I", "II", "II", "II"]
    assert [g.title for g in plan.task_groups] == ["TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC", "HẠ TẦNG VÀ DỮ LIỆU"]
    assert " ".join(plan.tasks[2].text.split()) == (
        "Xây dựng cơ sở dữ liệu người học giáo dục nghề nghiệp, kết nối với cơ sở dữ liệu quốc gia về dân cư"
    )
    assert [u.canonical for u in plan.tasks[0].support_units] == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh, Truyền hình tỉnh",
    ]
    assert [u.canonical for u in plan.tasks[2].support_units] == ["Công an tỉnh", "Sở Khoa học và Công nghệ"]
    assert [u.canonical for u in plan.tasks[3].lead_units] == ["Sở Tài chính"]
    assert plan.tasks[4].deadline.day_month == "15/12"
    assert plan.tasks[2].deadline.date == "2026-06-30"
    assert _meta(plan)[:5] == ("27/KH-UBND", "2025-10-14", "Tuyên Quang", _meta(baseline)[3], "Hoàng Thị Lan")
    # and everything the markdown gives, field by field
    assert _tasks(plan) == _tasks(baseline)
    assert _meta(plan) == _meta(baseline)


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_table_is_one_grid_and_the_side_by_side_blocks_stay_lines(pdf_dir: Path, name: str) -> None:
    doc = read_path(_variant(pdf_dir, name))
    tables = [it for it in doc.items if isinstance(it, Table)]
    assert len(tables) == 1  # a page break inside the table continues it (two-pages)
    rows = tables[0].rows
    assert [" ".join(c.split()) for c in rows[0].cells] == HEADER
    numbers = [r.cells[0] for r in rows if r.cells[0] != "STT"]
    assert numbers == ["I", "1", "2", "II", "3", "4", "5"]
    texts = [ln.text for ln in doc.items if isinstance(ln, Line)]
    assert "ỦY BAN NHÂN DÂN" in texts and "Hoàng Thị Lan" in texts
    assert "Số: 27/KH-UBND" in texts


def test_two_pages_variant_repeats_the_header_on_its_second_page(pdf_dir: Path) -> None:
    doc = read_path(_variant(pdf_dir, "two-pages"))
    table = next(it for it in doc.items if isinstance(it, Table))
    pages = sorted({r.page for r in table.rows})
    assert len(pages) == 2
    second = [r for r in table.rows if r.page == pages[1]]
    assert second[0].cells[0] == "STT" and second[1].cells[0] == "5"


def test_nghe_an_appendix_without_lines_gives_the_24_tasks(pdf_dir: Path) -> None:
    from borderless_nghe_an import typeset_nghe_an

    path = pdf_dir / "nghe-an.pdf"
    typeset_nghe_an(path)
    got = json.loads(to_json(parse(path)))
    gold = load_gold("nghe-an-686-KH-UBND-2025.json")
    assert len(got["tasks"]) == 24
    assert check_tasks(gold, got) == []
    assert check_metadata(gold, got) == []  # recipients, signer, appendix and all
    assert [t["id"] for t in got["tasks"]][-4:] == ["5.8", "5.9", "5.10", "6"]
    meta = got["metadata"]
    assert (meta["number"], meta["date"], meta["signer"]) == ("686/KH-UBND", "2025-08-21", "Bùi Thanh An")


def _body_page(path: Path) -> None:
    """A page of body text: a numbered list naming what a task table's columns name, prose
    mentioning them, the two-column header block and the signature beside the recipients."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(TTFont("DV", str(FONTS / "DejaVuSerif.ttf")))
    style = ParagraphStyle("v", fontName="DV", fontSize=11, leading=14)
    centre = ParagraphStyle("c", parent=style, alignment=1)
    items = [
        "1. Nội dung nhiệm vụ: rà soát thủ tục hành chính.",
        "2. Cơ quan chủ trì: Sở Nội vụ.",
        "3. Cơ quan phối hợp: Sở Tư pháp; Văn phòng UBND tỉnh.",
        "4. Thời gian hoàn thành: Quý IV/2025.",
    ]
    story: list[object] = [
        RLTable(
            [[Paragraph("ỦY BAN NHÂN DÂN<br/>TỈNH TUYÊN QUANG", centre),
              Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", centre)],
             [Paragraph("STT: 12/KH-UBND", centre), Paragraph("Thời gian: ngày 14 tháng 10 năm 2025", centre)]],
            colWidths=[200, 280],
        ),
        Paragraph("STT, nội dung nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp và thời gian hoàn thành của "
                  "từng nhiệm vụ nêu tại Phụ lục kèm theo Kế hoạch này.", style),
        *[Paragraph(x, style) for x in items],
        RLTable(
            [[Paragraph("Nơi nhận:<br/>- Các sở, ban, ngành;<br/>- Lưu: VT.", style),
              Paragraph("KT. CHỦ TỊCH<br/>PHÓ CHỦ TỊCH<br/><br/>Hoàng Thị Lan", centre)]],
            colWidths=[240, 240],
        ),
    ]  # fmt: skip
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def test_body_page_with_a_numbered_list_and_signature_gives_no_table(tmp_path: Path) -> None:
    path = tmp_path / "body.pdf"
    _body_page(path)
    doc = read_path(path)
    assert not [it for it in doc.items if isinstance(it, Table)]
    texts = [ln.text for ln in doc.items if isinstance(ln, Line)]
    assert "2. Cơ quan chủ trì: Sở Nội vụ." in texts
    assert "4. Thời gian hoàn thành: Quý IV/2025." in texts
    assert "Hoàng Thị Lan" in texts and "ỦY BAN NHÂN DÂN" in texts


def test_second_page_without_the_header_continues_the_table(pdf_dir: Path) -> None:
    doc = read_path(_variant(pdf_dir, "two-pages-no-repeat"))
    table = next(it for it in doc.items if isinstance(it, Table))
    pages = sorted({r.page for r in table.rows})
    assert len(pages) == 2
    second = [r for r in table.rows if r.page == pages[1]]
    assert [r.cells[0] for r in second] == ["5"] and second[0].opens_page
    assert [" ".join(c.split()) for c in second[0].cells[2:]] == [
        "Sở Giáo dục và Đào tạo",
        "UBND các xã, phường",
        "Trước ngày 15/12 hằng năm",
    ]
