"""One plan, every serialization: the Tuyên Quang plan of `tests/data/serializations/plan-tabs.md`
(tab-separated appendix table) rewritten by this test as a GFM pipe table, pipe rows without outer
pipes or delimiter row, a web copy (one cell per line, closed by `|`, cells hard-wrapped, the header
and signature as two-cell tables, site furniture around it), the same with page furniture, and a
DOCX with a Word table. The tasks (number, group, text, units, deadline) and the metadata must be the
same in all; the readers' job is to hand the structure stage the same rows whatever the layout."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from plancompare import parse
from plancompare.model.plan import Plan

SOURCE = ROOT / "tests" / "data" / "serializations" / "plan-tabs.md"
TEXT = SOURCE.read_text(encoding="utf-8")
TABLE_START = TEXT.index("STT\t")
BODY, TABLE = TEXT[:TABLE_START], TEXT[TABLE_START:]
ROWS = [line.split("\t") for line in TABLE.strip().splitlines()]


def gfm() -> str:
    lines = ["| " + " | ".join(ROWS[0]) + " |", "|" + "---|" * len(ROWS[0])]
    lines += ["| " + " | ".join(r) + " |" for r in ROWS[1:]]
    return BODY + "\n".join(lines) + "\n"


def inner_pipes() -> str:
    """A text export of a Word table: `a | b | c`, no outer pipes, no delimiter row."""
    return BODY + "\n".join(" | ".join(c or " " for c in r) for r in ROWS) + "\n"


def _cells_layout(rows: list[list[str]], width: int = 40) -> list[str]:
    """Each row opened by `|`, each cell hard-wrapped and closed by `|`; a group row spans."""
    out: list[str] = []
    for row in rows:
        cells = row if any(c.strip() for c in row[2:]) else row[:2]  # a group row: "I | TITLE"
        out.append("|")
        for cell in cells:
            out += textwrap.wrap(cell, width) if cell.strip() else []
            out.append("|")
    return out


SITE_TOP = [
    "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT. Mọi hành vi sao chép là vi phạm.",
    "Đang tải văn bản...",
    "**Số hiệu:**", "|", "27/KH-UBND", "|", "**Loại văn bản:**", "|", "Kế hoạch", "|",
    "**Nơi ban hành:**", "|", "Tỉnh Tuyên Quang", "|",
]  # fmt: skip
SITE_BOTTOM = [
    "Kế hoạch 27/KH-UBND năm 2025 chuyển đổi số trong giáo dục nghề nghiệp tỉnh Tuyên Quang",
    "Văn bản này chưa cập nhật nội dung Tiếng Anh",
    "## Văn bản liên quan",
    "Căn cứ Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, Quý khách xác nhận …",
]


def web_copy(page_furniture: bool = False) -> str:
    """The layout legal-document sites give: header and signature as two-cell tables, the body
    hard-wrapped, the task table one cell per line; the site's banner and footer around it."""
    body = BODY
    rest = body.split("# KẾ HOẠCH", 1)[1]
    main, closing = rest.split("**Nơi nhận:**", 1)
    recipients = closing.split("**KT. CHỦ TỊCH**", 1)[0]
    header = _cells_layout(
        [
            [
                "**ỦY BAN NHÂN DÂN**\nTỈNH TUYÊN QUANG",
                "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc",
            ],
            ["Số: 27/KH-UBND", "*Tuyên Quang, ngày 14 tháng 10 năm 2025*"],
        ],
        width=200,
    )
    header = [
        x for line in header for x in line.replace(" TỈNH", "\nTỈNH").replace("** Độc", "**\nĐộc").split("\n")
    ]
    wrapped: list[str] = []
    for para in ("# KẾ HOẠCH" + main).split("\n\n"):
        wrapped += textwrap.wrap(para, 78) if not para.startswith("#") else [para]
        wrapped.append("")
    sign = ["|", "*Nơi nhận:*", *recipients.strip().splitlines(), "|"]
    sign += ["**KT. CHỦ TỊCH**", "PHÓ CHỦ TỊCH", "**Hoàng Thị Lan**", "|", ""]
    appendix_head = ["**PHỤ LỤC**", "", "**NHIỆM VỤ CHUYỂN ĐỔI SỐ TRONG GIÁO DỤC NGHỀ NGHIỆP**", ""]
    table = _cells_layout(ROWS)
    if page_furniture:  # a running footer with the page number, and a page marker, inside the body
        mid = len(wrapped) // 2
        wrapped[mid:mid] = ["KH27.DOCX 1", "===== Trang 2 ====="]
        wrapped += ["KH27.DOCX 2"]
        table[12:12] = ["KH27.DOCX 3"]
    lines = [*SITE_TOP, *header, "", *wrapped, *sign, *appendix_head, *table, *SITE_BOTTOM]
    return "\n".join(lines) + "\n"


def docx(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    for para in BODY.split("\n\n"):
        for line in para.strip().splitlines():
            doc.add_paragraph(line.replace("**", "").replace("*", "").lstrip("# "))
    table = doc.add_table(rows=0, cols=len(ROWS[0]))
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _tasks(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (
            t.number,
            t.group,
            " ".join(t.text.split()),
            [u.canonical or u.text for u in t.lead_units],
            [u.canonical or u.text for u in t.support_units],
            t.deadline.kind,
            t.deadline.date,
            t.deadline.day_month,
        )
        for t in plan.tasks
    ]


def _meta(plan: Plan) -> tuple[object, ...]:
    m = plan.metadata
    return (m.number, m.date, m.place, m.issuer, m.signer, m.signer_title, m.signing_capacity)


@pytest.fixture(scope="module")
def baseline() -> Plan:
    return parse(SOURCE)


def test_baseline_reads_the_five_tasks(baseline: Plan) -> None:
    assert [t.number for t in baseline.tasks] == ["1", "2", "3", "4", "5"]
    assert [t.group for t in baseline.tasks] == ["I", "I", "II", "II", "II"]
    assert [u.canonical for u in baseline.tasks[2].support_units] == [
        "Công an tỉnh",
        "Sở Khoa học và Công nghệ",
    ]
    assert _meta(baseline)[:3] == ("27/KH-UBND", "2025-10-14", "Tuyên Quang")


SERIALIZATIONS = {
    "gfm.md": gfm,
    "inner-pipes.txt": inner_pipes,
    "inner-pipes.md": inner_pipes,
    "web-copy.md": web_copy,
    "web-copy.txt": web_copy,
    "web-copy-page-furniture.md": lambda: web_copy(page_furniture=True),
}


@pytest.mark.parametrize("name", sorted(SERIALIZATIONS))
def test_every_text_layout_gives_the_same_tasks(baseline: Plan, tmp_path: Path, name: str) -> None:
    plan = parse(_write(tmp_path, name, SERIALIZATIONS[name]()))
    assert _tasks(plan) == _tasks(baseline)
    assert _meta(plan) == _meta(baseline)


def test_docx_table_gives_the_same_tasks(baseline: Plan, tmp_path: Path) -> None:
    plan = parse(docx(tmp_path))
    assert _tasks(plan) == _tasks(baseline)


def test_web_copy_sets_the_site_aside_and_keeps_its_info_box_as_a_hint(tmp_path: Path) -> None:
    plan = parse(_write(tmp_path, "copy.md", web_copy(page_furniture=True)))
    roles = plan.accounting.by_role
    assert roles["site_furniture"] > 100 and roles["page_furniture"] > 0
    assert "13/2023/NĐ-CP" not in plan.metadata.cites
    assert plan.source_hint is not None and plan.source_hint.number == "27/KH-UBND"
    assert not any("KH27" in s.title or "Trang 2" in s.title for s in plan.sections)
    assert not any("KH27" in t.text for t in plan.tasks)


SIDE_BY_SIDE = """CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 | Độc lập - Tự do - Hạnh phúc
Số: 88/NQ-CP | Hà Nội, ngày 12 tháng 5 năm 2025

NGHỊ QUYẾT
Về việc ban hành Chương trình hành động về phát triển du lịch

Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
Điều 2. Nghị quyết này có hiệu lực từ ngày ký.

Nơi nhận: | TM. CHÍNH PHỦ
- Các bộ, cơ quan ngang bộ; | KT. THỦ TƯỚNG
- Lưu: VT. | PHÓ THỦ TƯỚNG
 | Trần Hồng Hà
"""


@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_header_and_signature_written_side_by_side_in_one_line(tmp_path: Path, separator: str) -> None:
    """`CHÍNH PHỦ | CỘNG HÒA …`, `Số: 88/NQ-CP | Hà Nội, ngày …`: the place is "Hà Nội", never
    "Số: 88/NQ-CP | Hà Nội"; the Nơi nhận and the signature beside it come apart the same way."""
    text = SIDE_BY_SIDE.replace(" | ", separator)
    m = parse(_write(tmp_path, "nq.txt", text)).metadata
    assert (m.issuer, m.number, m.place, m.date) == ("Chính phủ", "88/NQ-CP", "Hà Nội", "2025-05-12")
    assert (m.signing_capacity, m.on_behalf_of, m.signer_title, m.signer) == (
        "KT. Thủ tướng",
        "TM. Chính phủ",
        "Phó Thủ tướng",
        "Trần Hồng Hà",
    )
    assert m.recipients == ["Các bộ, cơ quan ngang bộ", "Lưu: VT"]


FONTS = Path("/usr/share/fonts/truetype/dejavu")


def typeset_pdf(
    path: Path,
    valign: str | None = None,
    widths: tuple[int, ...] = (40, 300, 130, 170, 110),
    rules: list[tuple[object, ...]] | None = None,
    tall_appendix: bool = False,
    repeat_header: bool = True,
) -> None:
    """The same plan typeset: header and signature as borderless two-column tables (as Word lays
    them out), the appendix as a ruled table, with reportlab: its cells aligned to the bottom
    (reportlab's default) or to `valign` ("TOP", "MIDDLE"), its columns `widths` points wide.
    `rules` replaces the appendix's grid by these reportlab table styles (borderless variants: no
    lines, a rule under the header, shading); `tall_appendix` sets it on portrait pages with its
    header repeated on each page (unless not `repeat_header`)."""
    pytest.importorskip("reportlab")
    if not (FONTS / "DejaVuSerif.ttf").is_file():
        pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Table,
    )
    from reportlab.platypus.frames import Frame

    pdfmetrics.registerFont(TTFont("DV", str(FONTS / "DejaVuSerif.ttf")))
    style = ParagraphStyle("v", fontName="DV", fontSize=11, leading=14)
    centre = ParagraphStyle("c", parent=style, alignment=1)

    def p(text: str, st: ParagraphStyle = style) -> Paragraph:
        return Paragraph(text.replace("**", "").replace("*", "").lstrip("# "), st)

    story: list[object] = [
        Table(
            [
                [p("ỦY BAN NHÂN DÂN<br/>TỈNH TUYÊN QUANG", centre),
                 p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", centre)],
                [p("Số: 27/KH-UBND", centre), p("Tuyên Quang, ngày 14 tháng 10 năm 2025", centre)],
            ],
            colWidths=[200, 280],
        )
    ]  # fmt: skip
    body = BODY.split("# KẾ HOẠCH", 1)[1].split("**Nơi nhận:**", 1)[0]
    story.append(p("KẾ HOẠCH", centre))
    story += [p(para.strip()) for para in body.split("\n\n") if para.strip()]
    story.append(
        Table(
            [[p("Nơi nhận:<br/>- Bộ Giáo dục và Đào tạo (b/c);<br/>- Các sở, ban, ngành;<br/>- Lưu: VT."),
              p("KT. CHỦ TỊCH<br/>PHÓ CHỦ TỊCH<br/><br/>Hoàng Thị Lan", centre)]],
            colWidths=[240, 240],
        )
    )  # fmt: skip
    story += [NextPageTemplate("tall" if tall_appendix else "wide"), PageBreak(), p("PHỤ LỤC", centre)]
    story.append(p("NHIỆM VỤ CHUYỂN ĐỔI SỐ TRONG GIÁO DỤC NGHỀ NGHIỆP", centre))
    grid = Table([[p(c) for c in row] for row in ROWS], colWidths=list(widths), repeatRows=int(repeat_header))
    grid.setStyle(rules if rules is not None else [("GRID", (0, 0), (-1, -1), 0.6, colors.black)])
    if valign is not None:
        grid.setStyle([("VALIGN", (0, 0), (-1, -1), valign)])
    story.append(grid)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    wide = landscape(A4)
    doc.addPageTemplates(
        [
            PageTemplate("tall", [Frame(50, 50, A4[0] - 100, A4[1] - 100)], pagesize=A4),
            PageTemplate("wide", [Frame(40, 40, wide[0] - 80, wide[1] - 80)], pagesize=wide),
        ]
    )
    doc.build(story)


def test_typeset_pdf_gives_the_same_tasks(baseline: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    typeset_pdf(path)
    plan = parse(path)
    assert _tasks(plan) == _tasks(baseline)
    assert _meta(plan) == _meta(baseline)


def test_scan_of_the_typeset_pdf_gives_the_same_tasks(baseline: Plan, tmp_path: Path) -> None:
    """The typeset PDF printed and scanned (rendered at 200 dpi, an image-only PDF): OCR may damage
    letters, but numbers, groups, lead units and deadlines must come back."""
    import shutil

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    pdfium = pytest.importorskip("pypdfium2")
    pdf, scan = tmp_path / "plan.pdf", tmp_path / "scan.pdf"
    typeset_pdf(pdf)
    doc = pdfium.PdfDocument(str(pdf))
    images = [doc[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(doc))]
    images[0].save(scan, save_all=True, append_images=images[1:], resolution=200)
    plan = parse(scan)

    def facts(p: Plan) -> list[tuple[object, ...]]:
        return [
            (t.number, [u.canonical for u in t.lead_units], t.deadline.kind, t.deadline.date) for t in p.tasks
        ]

    assert facts(plan) == facts(baseline)
    # tesseract drops the lone "I" and "II" of the group rows; the rows are still groups, by their
    # title in capitals alone in the row, and their numbers are left empty rather than guessed
    assert [g.title for g in plan.task_groups] == [g.title for g in baseline.task_groups]
    assert plan.metadata.number == "27/KH-UBND" and plan.metadata.date == "2025-10-14"
