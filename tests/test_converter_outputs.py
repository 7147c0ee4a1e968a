"""The same DOCX as converters turn it into markdown (tests/data/serializations/*.pandoc-gfm.md,
*.markitdown.md, made by scripts/make_converter_fixtures.py; *.pymupdf4llm.md hand-written as
pymupdf4llm writes a typeset PDF) gives the tasks and the metadata of the DOCX parse.

pandoc `-t gfm` writes the header (issuer | Quốc hiệu), the Nơi nhận | signature block and an
appendix whose cells hold paragraphs as raw HTML `<table>` blocks; markitdown writes every table
as a pipe table whose cell paragraphs are joined by two spaces. The differences left are the
converters' own, each named where it is asserted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, load_gold
from goldcompare import check_all
from plan_facts import meta_facts, parsed, task_facts
from plancompare import parse, to_json
from plancompare.model.plan import Plan

DATA = ROOT / "tests" / "data" / "serializations"
REAL = ROOT / "corpora" / "real"
KH = REAL / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"
BC = REAL / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx"


def test_the_lao_cai_plan_as_pandoc_gfm_matches_its_gold() -> None:
    """Every field of the DOCX's gold file: the header and signature tables (raw HTML) give the
    issuer, place and signer; the appendix table (raw HTML, <h4> in two cells) gives 14 tasks."""
    gold = load_gold("lao-cai-KH-chi-thi-11-draft.json")
    got: dict[str, Any] = json.loads(to_json(parsed(DATA / "lao-cai-kh-chi-thi-11.pandoc-gfm.md")))
    assert check_all(gold, got) == []


def test_the_lao_cai_plan_read_from_the_raw_tables() -> None:
    plan = parsed(DATA / "lao-cai-kh-chi-thi-11.pandoc-gfm.md")
    assert (plan.metadata.issuer, plan.metadata.place) == ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai")
    assert [t.id for t in plan.tasks] == [str(k) for k in range(1, 15)]
    task = plan.tasks[10]  # row 11: "Công an tỉnh | … | Xong trong Quý II/2026"
    assert task.text.startswith(
        "Xử lý nghiêm và xử lý dứt điểm các hành vi khai thác khoáng sản bằng tàu cuốc"
    )
    assert [u.text for u in task.lead_units] == ["Công an tỉnh"]
    assert task.deadline.date == "2026-06-30"
    assert plan.tasks[12].text.startswith("Tăng cường công tác thanh tra, kiểm tra")  # the <h4> cell


@pytest.mark.parametrize(
    "name", ["lao-cai-kh-chi-thi-11.pandoc-gfm.md", "lao-cai-kh-chi-thi-11.markitdown.md"]
)
def test_the_lao_cai_plan_gives_the_docx_tasks_and_metadata(name: str) -> None:
    docx, plan = parsed(KH), parsed(DATA / name)
    assert meta_facts(plan) == meta_facts(docx)
    want = task_facts(docx)
    if name.endswith("markitdown.md"):
        # markitdown drops a Word run that holds only a space ("theo quy định" | " " | "và tổ chức"):
        # task 6 reads "quy địnhvà". The converter's loss; the rest must be the DOCX's.
        six = want[5]
        want[5] = (six[0], str(six[1]).replace("quy định và", "quy địnhvà"), *six[2:])
    assert task_facts(plan) == want


@pytest.mark.parametrize(
    "name", ["lao-cai-kh-chi-thi-11.pandoc-gfm.md", "lao-cai-kh-chi-thi-11.markitdown.md"]
)
def test_the_lao_cai_plan_cites_its_footnote_in_every_copy(name: str) -> None:
    """The footnote on "… pháp luật của Nhà nước về địa chất, khoáng sản¹" lists the documents the
    plan rests on; the converters write it at the end, the DOCX keeps it in its notes part."""
    docx = parsed(KH)
    from_note = ["10-NQ/TW", "88/NQ-CP", "38-CT/TTg", "35-NQ/TU"]  # as the footnote prints them
    assert docx.metadata.cites[-4:] == from_note
    assert docx.metadata.cites == parsed(DATA / name).metadata.cites


def test_the_lao_cai_plan_as_markitdown_finds_the_signer_in_a_two_space_cell() -> None:
    plan = parsed(DATA / "lao-cai-kh-chi-thi-11.markitdown.md")
    m = plan.metadata
    assert m.signer == "Nguyễn Thành Sinh"
    assert m.recipients[:2] == [
        "Bộ Nông nghiệp và Môi trường (để báo cáo)",
        "Thường trực Tỉnh ủy (để báo cáo)",
    ]
    # markitdown also drops the Word line break in "KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH": the two titles
    # come as one line, which no reader can split back; the DOCX says "KT. Chủ tịch" and "Phó Chủ tịch"
    assert m.signing_capacity == "KT. Chủ tịch phó chủ tịch"


def test_the_lao_cai_report_as_pandoc_gfm_has_the_docx_metadata() -> None:
    """The header is a raw table whose cells are Word headings (<h1>): the issuer beside the Quốc hiệu."""
    docx, plan = parsed(BC), parsed(DATA / "lao-cai-bc-chi-thi-38.pandoc-gfm.md")
    assert meta_facts(plan) == meta_facts(docx)
    assert (plan.metadata.issuer, plan.metadata.place) == ("Uỷ ban nhân dân tỉnh Lào Cai", "Lào Cai")
    assert plan.metadata.title.startswith("Kết quả thực hiện các nhiệm vụ trong Chỉ thị số 38/CT-TTg")
    # "… và quy định tại" / "Điều 227 Bộ Luật hình sự …": pandoc's 72-column wrap put the article
    # reference at a line start; it is no article
    assert not any(t.id.startswith("Đ") for t in plan.tasks)


def test_the_lao_cai_report_as_pandoc_gfm_without_escapes_gives_the_docxtask_facts(tmp_path: Path) -> None:
    """pandoc escapes a paragraph's leading dash ("\\- Đối với …"); reading those escapes is the
    grid-table branch's work. Without them, the report gives the DOCX's tasks (none: a report)."""
    text = (DATA / "lao-cai-bc-chi-thi-38.pandoc-gfm.md").read_text(encoding="utf-8")
    path = tmp_path / "bc.md"
    path.write_text(text.replace("\n\\- ", "\n- "), encoding="utf-8")
    assert task_facts(parse(path)) == task_facts(parsed(BC)) == []


def test_the_lao_cai_report_as_markitdown() -> None:
    docx, plan = parsed(BC), parsed(DATA / "lao-cai-bc-chi-thi-38.markitdown.md")
    assert task_facts(plan) == task_facts(docx)
    # markitdown joins the header cell's two Word paragraphs "UỶ BAN NHÂN DÂN" | "TỈNH LÀO CAI" with
    # nothing between them ("DÂNTỈNH"); the glossary puts the space back (`separate_fused_words`)
    assert meta_facts(plan) == meta_facts(docx)
    assert plan.metadata.issuer == "Uỷ ban nhân dân tỉnh Lào Cai"


def _tuyen_quang_docx(tmp_path: Path) -> Plan:
    from test_serializations import docx

    return parse(docx(tmp_path))


@pytest.mark.parametrize("name", ["tuyen-quang-kh27.pandoc-gfm.md", "tuyen-quang-kh27.markitdown.md"])
def test_the_tuyen_quang_plan_converted_from_its_docx(tmp_path: Path, name: str) -> None:
    docx = _tuyen_quang_docx(tmp_path)
    plan = parsed(DATA / name)
    assert task_facts(plan) == task_facts(docx)
    # the DOCX test_serializations builds has no bold and no styles; the title is still the line
    # under "KẾ HOẠCH" (a plain-text paragraph of its own), in the DOCX and in both conversions
    assert meta_facts(plan) == meta_facts(docx)
    assert meta_facts(plan)["number"] == "27/KH-UBND"
    assert meta_facts(plan)["title"] == "Chuyển đổi số trong giáo dục nghề nghiệp giai đoạn 2025 - 2026"


def test_the_tuyen_quang_plan_as_pymupdf4llm_writes_it() -> None:
    """Pipe table cells with a `<br>` at each printed line ("Sở Giáo dục và Đào<br>tạo"): wraps."""
    baseline = parsed(DATA / "plan-tabs.md")
    plan = parsed(DATA / "tuyen-quang-kh27.pymupdf4llm.md")
    assert task_facts(plan) == task_facts(baseline)
    assert meta_facts(plan) == meta_facts(baseline)
    assert [u.text for u in plan.tasks[0].support_units] == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh, Truyền hình tỉnh",
    ]
    assert plan.tasks[4].deadline.day_month == "15/12"
    assert plan.unclassified == []  # the "-----" between pages is page furniture


def test_reading_raw_html_markdown_is_deterministic() -> None:
    path = DATA / "lao-cai-kh-chi-thi-11.pandoc-gfm.md"
    assert to_json(parse(path)) == to_json(parse(path))


def test_the_site_page_as_pandoc_gfm_gives_the_page_tasks_and_metadata() -> None:
    """pandoc's gfm of a legal-document site's page: the site's menus, banner and info box (a pipe
    table) stand before a raw HTML header table. The site rule reads the text the raw HTML shows, so
    the document opens with that table (not inside it) and the site is set aside as on the page."""
    page = parsed(DATA / "plan-site.html")
    plan = parsed(DATA / "tuyen-quang-kh27.site.pandoc-gfm.md")
    assert task_facts(plan) == task_facts(page)
    assert meta_facts(plan) == meta_facts(page)
    assert plan.metadata.issuer == "Ủy ban nhân dân tỉnh Tuyên Quang" and plan.metadata.number == "27/KH-UBND"
    assert plan.accounting.by_role["site_furniture"] > 0
    assert not any("Đăng nhập" in s.title for s in plan.sections)
