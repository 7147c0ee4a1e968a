"""Documents converted by pandoc read like the DOCX they came from. Fixtures: tests/data/serializations/
`*.pandoc.md` (`-t markdown`: grid tables, backslash escapes, `--` for an en dash),
`*.pandoc-60.md` (`--columns=60`), `*.pandoc.txt` (`-t plain`), made by scripts/make_pandoc_fixtures.py
from the two DOCX of corpora/real and the Tuyên Quang plan of tests/test_serializations.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from plancompare import parse
from plancompare.model.plan import Plan

DATA = ROOT / "tests" / "data" / "serializations"
REAL = ROOT / "corpora" / "real"
FORMATS = ["pandoc.md", "pandoc-60.md", "pandoc.txt"]


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
        )
        for t in plan.tasks
    ]


@pytest.fixture(scope="module")
def lao_cai_docx() -> Plan:
    return parse(REAL / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_lao_cai_plan_through_pandoc_gives_the_docx_tasks(lao_cai_docx: Plan, fmt: str) -> None:
    plan = parse(DATA / f"kh-lao-cai-chi-thi-11.{fmt}")
    assert _tasks(plan) == _tasks(lao_cai_docx)
    # read from the document: 14 tasks in its Phụ lục, task 2 "… thời kỳ 2021–2030 …" led by
    # Sở Nông nghiệp và Môi trường, "Xong trong tháng 5/2026"; task 9 led by Thanh tra tỉnh, "Hàng năm"
    assert [t.number for t in plan.tasks] == [str(n) for n in range(1, 15)]
    second = plan.tasks[1]
    assert "thời kỳ 2021–2030, tầm nhìn đến năm 2050" in second.text
    assert [u.canonical for u in second.lead_units] == ["Sở Nông nghiệp và Môi trường"]
    assert second.deadline.date == "2026-05-31"
    assert [u.canonical for u in plan.tasks[8].lead_units] == ["Thanh tra tỉnh"]
    assert not any(t.text.startswith("#") for t in plan.tasks)  # pandoc's heading marks in cells
    m = plan.metadata
    # a draft: "Số: /KH-UBND", "Lào Cai, ngày tháng năm 2026" — no number, no date
    assert (m.number, m.date, m.place, m.issuer) == (None, None, "Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai")
    assert m.recipients == lao_cai_docx.metadata.recipients
    assert (
        m.recipients[0] == "Bộ Nông nghiệp và Môi trường (để báo cáo)" and m.recipients[-1] == "Lưu: VT, KT"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_lao_cai_plan_through_pandoc_keeps_title_and_signature(lao_cai_docx: Plan, fmt: str) -> None:
    """The title's three lines stand apart from the preamble by blank lines; the signature's
    "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" is one cell broken by a `\\` (markdown) or by a line that
    leaves room in its column (plain text)."""
    m = parse(DATA / f"kh-lao-cai-chi-thi-11.{fmt}").metadata
    assert m.title == lao_cai_docx.metadata.title
    assert m.title is not None and m.title.startswith(
        "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026"
    )
    assert m.title.endswith("quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai")
    assert (m.signing_capacity, m.on_behalf_of) == ("KT. Chủ tịch", "TM. Ủy ban nhân dân")
    assert (m.signer_title, m.signer) == ("Phó Chủ tịch", "Nguyễn Thành Sinh")


@pytest.fixture(scope="module")
def tuyen_quang_docx(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    from test_serializations import docx

    return parse(docx(tmp_path_factory.mktemp("tq")))


@pytest.mark.parametrize("fmt", FORMATS)
def test_tuyen_quang_plan_through_pandoc_gives_the_docx_tasks(tuyen_quang_docx: Plan, fmt: str) -> None:
    """Pandoc writes this DOCX's table (no cell spans) as a multiline table: dash runs give columns."""
    plan = parse(DATA / f"tq-plan.{fmt}")
    assert _tasks(plan) == _tasks(tuyen_quang_docx)
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4", "5"]
    assert [t.group for t in plan.tasks] == ["I", "I", "II", "II", "II"]
    assert [u.canonical for u in plan.tasks[2].support_units] == ["Công an tỉnh", "Sở Khoa học và Công nghệ"]
    assert plan.tasks[4].deadline.day_month == "15/12"
    m = plan.metadata
    assert (m.number, m.date, m.place, m.issuer) == (
        "27/KH-UBND",
        "2025-10-14",
        "Tuyên Quang",
        "Ủy ban nhân dân tỉnh Tuyên Quang",
    )
    assert (m.signing_capacity, m.signer_title, m.signer) == ("KT. Chủ tịch", "Phó Chủ tịch", "Hoàng Thị Lan")
    assert m.recipients == ["Bộ Giáo dục và Đào tạo (b/c)", "Các sở, ban, ngành", "Lưu: VT"]
    # The title: the test's DOCX writes "Chuyển đổi số … 2025 - 2026" as an unbolded paragraph and
    # the DOCX parse finds no title (its limit, not pandoc's); the plain text, whose blank lines
    # set the title apart from "Căn cứ …", finds it.
    if fmt == "pandoc.txt":
        assert m.title == "Chuyển đổi số trong giáo dục nghề nghiệp giai đoạn 2025 - 2026"


@pytest.mark.parametrize("fmt", FORMATS)
def test_lao_cai_report_through_pandoc_gives_the_docx_metadata(fmt: str) -> None:
    docx_plan = parse(REAL / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx")
    docx = docx_plan.metadata
    plan = parse(DATA / f"bc-lao-cai-chi-thi-38.{fmt}")
    m = plan.metadata
    assert (m.place, m.issuer, m.title) == (docx.place, docx.issuer, docx.title)
    assert (m.place, m.issuer) == ("Lào Cai", "Uỷ ban nhân dân tỉnh Lào Cai")  # the header's "UỶ"
    assert m.title is not None and m.title.startswith(
        "Kết quả thực hiện các nhiệm vụ trong Chỉ thị số 38/CT-TTg"
    )
    # the last recipient carries a subscript: "KT~(Thủy,\ Nho)~" in markdown reads back; in plain
    # text pandoc writes "KT_((Thủy, Nho))", which nothing can tell from text
    expected = docx.recipients if fmt != "pandoc.txt" else docx.recipients[:-1]
    assert m.recipients[: len(expected)] == expected
    assert m.recipients[1] == "Như trên" and (
        fmt == "pandoc.txt" or m.recipients[-1] == "Lưu: VT, KT(Thủy, Nho)"
    )
    # a báo cáo assigns no tasks. "… quy định tại" / "Điều 227 Bộ Luật hình sự …" is a wrapped
    # line, no article: pandoc separates blocks by blank lines and escapes what would open one
    assert len(plan.tasks) == len(docx_plan.tasks) == 0
    assert [s.title for s in plan.sections] == [s.title for s in docx_plan.sections]


def test_pandoc_markdown_reads_escaped_dashes_as_dashes(tmp_path: Path) -> None:
    """`\\-` opens a dash item, `1\\.` a numbered heading; neither keeps its backslash."""
    plan = parse(DATA / "tq-plan.pandoc.md")
    texts = [s.title for s in plan.sections]
    assert "Mục đích" in texts and not any("\\" in t for t in texts)


def test_pandoc_markdown_wrapped_line_joins_its_paragraph(tmp_path: Path) -> None:
    from plancompare.model.source import SourceFormat, SourceInfo
    from plancompare.readers.markdown import read_markdown

    text = (
        "\\- Xử lý vi phạm theo quy định tại\nĐiều 227 Bộ Luật hình sự.\n\n"
        "-   một mục\n-   mục hai\n\n1\\. Mục đích\n"
    )
    doc = read_markdown(text, SourceInfo(path="x.md", sha256="0", format=SourceFormat.MARKDOWN))
    assert [it.text for it in doc.items] == [  # type: ignore[union-attr]
        "- Xử lý vi phạm theo quy định tại Điều 227 Bộ Luật hình sự.",
        "- một mục",  # a tight list: each item opens a block
        "- mục hai",
        "1. Mục đích",
    ]
    assert doc.items[0].char_end == len("\\- Xử lý vi phạm theo quy định tại\nĐiều 227 Bộ Luật hình sự.")  # type: ignore[union-attr]


def test_plain_text_blank_line_ends_a_paragraph() -> None:
    """A long line, a blank line, a line opening upper case: two paragraphs (the length rule alone
    would join them); a line opening lower case after a blank line still continues (a page break)."""
    from plancompare.model.source import SourceFormat, SourceInfo
    from plancompare.pipeline import to_blocks
    from plancompare.readers.text import read_text

    long = "công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai xx"
    text = "\n".join([long] * 5 + ["", "Thực hiện Chỉ thị số 11-CT/TU của Ban Thường vụ", "", "tỉnh ủy."])
    doc = read_text(text, SourceInfo(path="x.txt", sha256="0", format=SourceFormat.TEXT))
    assert [ln.blank_before for ln in doc.lines()] == [False] * 5 + [True, True]
    paras = [b.text for b in to_blocks(doc)]  # type: ignore[union-attr]
    assert len(paras) == 2 and paras[1] == "Thực hiện Chỉ thị số 11-CT/TU của Ban Thường vụ tỉnh ủy."


@pytest.mark.parametrize("fmt", FORMATS)
def test_merged_cells_through_pandoc_give_the_docx_rows(fmt: str) -> None:
    """pandoc >= 3 draws a cell spanning columns without the bar between them, and one spanning
    rows by leaving the border under it open; the rows come out as the DOCX reader gives them (the
    spanned cells empty, the text in the first)."""
    from plancompare.readers import ParseOptions, read_path
    from plancompare.readers.document import Table

    doc = read_path(DATA / f"spans.{fmt}", ParseOptions())
    (table,) = [it for it in doc.items if isinstance(it, Table)]
    assert [r.cells for r in table.rows] == [
        ["STT", "Nội dung", "Chủ trì"],
        ["I", "HẠ TẦNG VÀ DỮ LIỆU", ""],
        ["1", "Xây dựng cơ sở dữ liệu người học", "Sở Giáo dục và Đào tạo"],
        ["2", "Bố trí kinh phí", ""],
    ]
    assert [r.line for r in table.rows] == [2, 4, 6, 9]
