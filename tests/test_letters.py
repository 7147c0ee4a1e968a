"""Công văn and decisions in every layout: the real công văn 7432/UBND-XD and Quyết định 1074/QĐ-BXD,
and a Sở's công văn written for the tests (tests/letters.py), each read from its PDF, a DOCX, the
`pdftotext -layout` and plain `pdftotext` text of the PDF, a web copy's markdown, plain text with the
header's columns one after the other, and that text hard-wrapped at 72 columns. Every layout must give
the same metadata and tasks, and those are the values printed in the documents (written out below
from reading them, not from the parser). Text fixtures: scripts/make_letter_fixtures.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from letters import CV_7432, CV_SO, FONTS, QD_1074, Letter, to_markdown, write_docx, write_pdf
from plancompare.api import parse
from plancompare.extract.actors import lead_units, support_units
from plancompare.extract.deadlines import find_deadline
from plancompare.extract.header_names import split_fused_issuer
from plancompare.model.plan import Plan
from plancompare.readers.document import Line
from plancompare.readers.text import blanks_separate_paragraphs
from plancompare.structure.markers import parse_marker
from plancompare.structure.paragraphs import Paragraph, build_paragraphs, joins
from plancompare.structure.zones import continues_subject, is_addressee

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "serializations"
REAL_PDF = {
    "cv-7432": ROOT / "corpora/real/CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf",
    "qd-1074": ROOT / "corpora/real/QD-1074-QD-BXD-29-6-2026.pdf",
}
LAYOUTS = ("pdf", "docx", "pdftotext-layout", "pdftotext", "markdown", "columns", "wrapped72")

# What each document says, read from it: (metadata, tasks as (number, lead units, due date or None))
EXPECTED: dict[str, dict[str, object]] = {
    "cv-7432": {
        "number": "7432/UBND-XD",
        "date": "2026-07-21",
        "place": "Lào Cai",
        "issuer": "Ủy ban nhân dân tỉnh Lào Cai",
        "doc_type": None,
        "doc_type_name": "Công văn",
        "title": "triển khai thực hiện Quyết định số 1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây dựng ban hành các "
        "giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy đối với các cơ sở, công trình không bảo "
        "đảm yêu cầu về phòng cháy và chữa cháy",
        "addressees": ["Các Sở, ban, ngành thuộc tỉnh", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"],
        "closing": [
            "Như trên",
            "Chủ tịch UBND tỉnh",
            "Phó Chủ tịch UBND tỉnh (phụ trách XD)",
            "Chánh VP, Phó CVP UBND tỉnh (Đ/c Minh)",
            "Lưu: VT, TH, XD(Đông)",
        ],
        "signer": ("Phan Trung Bá", "Phó Chủ tịch", "KT. Chủ tịch"),
        "tasks": [
            (
                "1",
                ["Công an tỉnh", "các sở, ban, ngành, đoàn thể tỉnh", "Ủy ban nhân dân các xã, phường"],
                "2028-07-01",
            ),
            ("2", ["Sở Xây dựng"], "2028-07-01"),
        ],
    },
    "qd-1074": {
        "number": "1074/QĐ-BXD",
        "date": "2026-06-29",
        "place": "Hà Nội",
        "issuer": "Bộ Xây dựng",
        "doc_type": "QĐ",
        "doc_type_name": "Quyết định",
        "title": "Ban hành các giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy cho các cơ sở, công "
        "trình không bảo đảm yêu cầu về phòng cháy và chữa cháy và không có khả năng khắc phục theo các tiêu "
        "chuẩn, quy chuẩn kỹ thuật tại thời điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy "
        "và cứu nạn, cứu hộ có hiệu lực thi hành thuộc thẩm quyền quản lý của Bộ Xây dựng",
        "addressees": [],
        "closing": [
            "Như Điều 3",
            "Thủ tướng Chính phủ (để b/c)",
            "Các Phó Thủ tướng Chính phủ (để b/c)",
            "Bộ trưởng (để b/c)",
            "Các đ/c Thứ trưởng",
            "Văn phòng Chính phủ",
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
            "HĐND, UBND các tỉnh, thành phố",
            "Công báo, Cổng TTĐT của Chính phủ",
            "Cổng TTĐT của Bộ Xây dựng (để đăng tải)",
            "Lưu: VT, Vụ KHCNMT&VLXD(Hiển)",
        ],
        "signer": ("Phạm Minh Hà", "Thứ trưởng", "KT. Bộ trưởng"),
        # Điều 3, khoản 1 and 2; khoản 2 names officials ("Chánh Văn phòng Bộ, …"), no unit
        "tasks": [("1", ["Ủy ban nhân dân các tỉnh, thành phố"], "2028-07-01"), ("2", None, None)],
    },
    "cv-so-nnmt": {
        "number": "1285/SNNMT-TL",
        "date": "2026-08-12",
        "place": "Thanh Hóa",
        "issuer": "Sở Nông nghiệp và Môi trường",
        "doc_type": None,
        "doc_type_name": "Công văn",
        "title": "triển khai các biện pháp bảo đảm an toàn hồ, đập và công trình thủy lợi trong mùa mưa lũ "
        "năm 2026",
        "addressees": [
            "Ủy ban nhân dân các xã, phường",
            "Công ty TNHH MTV Thủy lợi Bắc Sông Mã",
            "Công ty TNHH MTV Thủy lợi Nam Sông Mã",
            "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh",
        ],
        "closing": ["Như trên", "UBND tỉnh (để b/c)", "Giám đốc Sở (để b/c)", "Lưu: VT, TL"],
        "signer": ("Lê Văn Thắng", "Phó Giám đốc", "KT. Giám đốc"),
        "tasks": [
            ("1", ["Ủy ban nhân dân các xã, phường"], "2026-08-25"),
            ("2", ["Công ty TNHH MTV Thủy lợi Bắc Sông Mã", "Công ty TNHH MTV Thủy lợi Nam Sông Mã"], None),
            (
                "3",
                ["Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh"],
                "2026-08-31",
            ),
        ],
    },
}
LETTERS = {x.slug: x for x in (CV_7432, QD_1074, CV_SO)}


def _typeset(letter: Letter, path: Path) -> Path:
    pytest.importorskip("reportlab")
    if not (FONTS / "DejaVuSerif.ttf").is_file():
        pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed")
    write_pdf(letter, path)
    return path


def _source(slug: str, layout: str, tmp: Path) -> Path:
    letter = LETTERS[slug]
    if layout == "pdf":
        return REAL_PDF[slug] if slug in REAL_PDF else _typeset(letter, tmp / f"{slug}.pdf")
    if layout == "docx":
        pytest.importorskip("docx")
        write_docx(letter, tmp / f"{slug}.docx")
        return tmp / f"{slug}.docx"
    if layout == "pdftotext-layout" and slug in REAL_PDF:
        return DATA / f"{slug}-pdftotext-layout.txt"  # made by scripts/make_layout_fixtures.py
    suffix = {"markdown": "letter.md", "columns": "columns.txt", "wrapped72": "wrapped72.txt"}.get(layout)
    return DATA / f"{slug}.{suffix or layout + '.txt'}"


_PLANS: dict[tuple[str, str], Plan] = {}


def _plan(slug: str, layout: str, tmp: Path) -> Plan:
    if (slug, layout) not in _PLANS:
        _PLANS[slug, layout] = parse(_source(slug, layout, tmp))
    return _PLANS[slug, layout]


CASES = [(slug, layout) for slug in EXPECTED for layout in LAYOUTS]


@pytest.mark.parametrize(("slug", "layout"), CASES)
def test_header_fields(slug: str, layout: str, tmp_path: Path) -> None:
    m = _plan(slug, layout, tmp_path).metadata
    want = EXPECTED[slug]
    got = {k: getattr(m, k) for k in ("number", "date", "place", "issuer", "doc_type", "doc_type_name")}
    assert got == {k: want[k] for k in got}


@pytest.mark.parametrize(("slug", "layout"), CASES)
def test_subject_joined_whole(slug: str, layout: str, tmp_path: Path) -> None:
    """The V/v subject (3 to 6 lines in the left column) or the decision's title, joined, "V/v" dropped."""
    assert _plan(slug, layout, tmp_path).metadata.title == EXPECTED[slug]["title"]


@pytest.mark.parametrize(("slug", "layout"), CASES)
def test_addressees_and_recipients(slug: str, layout: str, tmp_path: Path) -> None:
    m = _plan(slug, layout, tmp_path).metadata
    want = EXPECTED[slug]
    assert m.addressees == want["addressees"]
    assert m.recipients == [*want["addressees"], *want["closing"]]  # type: ignore[misc]


@pytest.mark.parametrize(("slug", "layout"), CASES)
def test_signature(slug: str, layout: str, tmp_path: Path) -> None:
    m = _plan(slug, layout, tmp_path).metadata
    assert (m.signer, m.signer_title, m.signing_capacity) == EXPECTED[slug]["signer"]


@pytest.mark.parametrize(("slug", "layout"), CASES)
def test_tasks(slug: str, layout: str, tmp_path: Path) -> None:
    tasks = _plan(slug, layout, tmp_path).tasks
    want = EXPECTED[slug]["tasks"]
    assert [t.number for t in tasks] == [w[0] for w in want]  # type: ignore[union-attr]
    for task, (_, leads, due) in zip(tasks, want, strict=True):  # type: ignore[arg-type]
        if leads is not None:
            assert [u.text for u in task.lead_units] == leads
        assert task.deadline.date == due


@pytest.mark.parametrize("layout", LAYOUTS)
def test_support_units_of_the_letters(layout: str, tmp_path: Path) -> None:
    by_number = {t.number: t for t in _plan("cv-so-nnmt", layout, tmp_path).tasks}
    assert [u.text for u in by_number["2"].support_units] == ["Ủy ban nhân dân các xã, phường"]
    by_number = {t.number: t for t in _plan("cv-7432", layout, tmp_path).tasks}
    assert [u.text for u in by_number["2"].support_units] == [
        "Công an tỉnh",
        "các sở, ngành",
        "địa phương có liên quan",
    ]


# --- the rules, one at a time ---------------------------------------------------------------------


def _para(text: str, column: int = 0) -> Paragraph:
    line = Line(text=text, line=1, column=column)
    return Paragraph(
        text=text, line_start=1, line_end=1, column=column, marker=parse_marker(text), lines=[line]
    )


def test_a_subject_line_never_continues_the_number_line() -> None:
    """In a text whose blank lines part paragraphs, "V/v …" right under "Số: …" still opens the trích yếu."""
    line = Line(text="V/v triển khai các biện pháp bảo đảm", line=2, soft_wrap=True)
    assert not joins(_para("Số: 1285/SNNMT-TL"), line, 72)
    assert not joins(_para("Công an tỉnh;"), Line(text="Kính gửi: Sở Y tế", line=2, soft_wrap=True), 72)
    assert not joins(_para("xử lý./."), Line(text="Nơi nhận:", line=2, soft_wrap=True), 72)


def test_a_closed_dash_item_ends_under_soft_wraps() -> None:
    item = _para("- Ủy ban nhân dân các xã, phường.")
    assert not joins(item, Line(text="Ngày 29/6/2026, Bộ trưởng Bộ Xây dựng", line=2, soft_wrap=True), 72)
    wrapped = _para("- Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp")
    assert joins(wrapped, Line(text="và phát triển nông thôn tỉnh.", line=2, soft_wrap=True), 72)


def test_a_number_wrapped_under_so_joins() -> None:
    prev = _para("V/v triển khai thực hiện Quyết định số")
    assert joins(prev, Line(text="1074/QĐ-BXD ngày 29/6/2026 của Bộ", line=2), 80)
    assert not joins(_para("3. Chuyển đổi số"), Line(text="Tăng cường hạ tầng", line=2), 80)


def test_wrapped_addressee_item_is_one_addressee() -> None:
    lines = [
        Line(text="- Công ty TNHH MTV Thủy lợi Nam Sông Mã;", line=1),
        Line(text="- Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp", line=2),
        Line(text="và phát triển nông thôn tỉnh.", line=3),
        Line(text="Thực hiện Công điện số 12/CĐ-UBND ngày 05/8/2026", line=4),
    ]
    texts = [p.text for p in build_paragraphs(lines, 80)]
    assert (
        texts[1]
        == "- Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh."
    )
    assert len(texts) == 3


def test_pdftotext_blank_lines_do_not_part_paragraphs() -> None:
    """pdftotext leaves blank lines between the header, body and closing blocks only; its paragraphs
    follow one another. A markdown or e-mail text parts every paragraph with a blank line."""
    pdftotext = (DATA / "cv-7432.pdftotext.txt").read_text(encoding="utf-8").splitlines()
    assert not blanks_separate_paragraphs(pdftotext)
    email = (DATA / "cv-7432.wrapped72.txt").read_text(encoding="utf-8").splitlines()
    assert blanks_separate_paragraphs(email)


def test_subject_continues_in_its_column_until_a_header_line() -> None:
    subject = _para("V/v triển khai thực hiện Quyết định số", column=1)
    assert continues_subject(_para("1074/QĐ-BXD ngày 29/6/2026 của Bộ", column=1), subject)  # short: still it
    assert not continues_subject(_para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", column=1), subject)
    assert not continues_subject(_para("Lào Cai, ngày 21 tháng 7 năm 2026", column=1), subject)
    assert not continues_subject(_para("Kính gửi: Sở Xây dựng", column=1), subject)
    assert not continues_subject(_para("Xây dựng ban hành", column=2), subject)
    assert not continues_subject(
        _para("Ngày 29/6/2026, Bộ Xây dựng ban hành Quyết định số 1074/QĐ-BXD."), subject
    )


def test_addressee_list_ends_at_its_first_non_item() -> None:
    taken = [_para("Kính gửi:"), _para("- Các Sở, ban, ngành thuộc tỉnh;")]
    assert is_addressee(_para("- Công an tỉnh;"), taken)
    assert not is_addressee(
        _para("Ngày 29/6/2026, Bộ trưởng Bộ Xây dựng ban hành"), taken
    )  # short, still body
    assert is_addressee(
        _para("Ủy ban nhân dân tỉnh Lào Cai"), [_para("Kính gửi:")]
    )  # one name under a bare label
    assert not is_addressee(_para("Ngày 29/6/2026, Bộ trưởng ban hành"), [_para("Kính gửi: Sở Xây dựng")])
    assert not is_addressee(_para("1. Giao Sở Xây dựng"), [_para("Kính gửi:")])


def test_companies_lead_and_investment_boards_keep_their_name() -> None:
    text = "Công ty A, Công ty B chủ trì, phối hợp với Ủy ban nhân dân các xã, phường vận hành hồ chứa"
    assert [u.text for u in lead_units(text)] == ["Công ty A", "Công ty B"]
    assert [u.text for u in support_units(text)] == ["Ủy ban nhân dân các xã, phường"]
    board = "Ban Quản lý dự án đầu tư xây dựng tỉnh chỉ đạo nhà thầu"
    assert [u.text for u in lead_units(board)] == ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]


def test_at_the_latest_by_a_date_is_a_deadline() -> None:
    d = find_deadline("hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028.")
    assert (d.text, d.date) == ("chậm nhất đến ngày 01 tháng 7 năm 2028", "2028-07-01")


def test_issuer_lines_run_together_split_after_the_province(tmp_path: Path) -> None:
    assert split_fused_issuer("UBND TỈNH THANH HÓA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") == [
        "UBND TỈNH THANH HÓA",
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    ]
    # "PHÒNG" of Hải Phòng is no unit's first word; a committee alone stays whole
    assert split_fused_issuer("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG SỞ Y TẾ")[1] == "SỞ Y TẾ"
    assert split_fused_issuer("ỦY BAN NHÂN DÂN TỈNH LÀO CAI") == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]
    web = tmp_path / "fused.md"
    web.write_text(to_markdown(CV_SO, fused_issuer=True), encoding="utf-8")
    m = parse(web).metadata
    assert (m.issuer, m.parent_issuer) == ("Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân tỉnh Thanh Hóa")


@pytest.mark.parametrize("slug", ["cv-7432", "cv-so-nnmt"])
@pytest.mark.parametrize("valign", ["middle", "bottom"])
def test_kinh_gui_label_beside_the_middle_or_end_of_its_list(slug: str, valign: str) -> None:
    """Items above the label are addressees too; the label beside an item's wrapped rest joins it."""
    m = parse(DATA / f"{slug}.label-{valign}.pdftotext-layout.txt").metadata
    assert m.addressees == EXPECTED[slug]["addressees"]
    assert m.title == EXPECTED[slug]["title"]


def test_kinh_gui_label_centred_in_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "centred.pdf"
    _typeset(CV_SO, pdf)
    write_pdf(CV_SO, pdf, label_valign="MIDDLE")
    assert parse(pdf).metadata.addressees == EXPECTED["cv-so-nnmt"]["addressees"]


def test_label_beside_a_wrapped_rest_joins_the_item_above() -> None:
    from plancompare.extract.closing import addressees

    paras = [
        _para("- Ban Quản lý dự án nông nghiệp"),
        _para("Kính gửi: và phát triển nông thôn tỉnh."),
        _para("- Sở Y tế."),
    ]
    assert addressees(paras) == ["Ban Quản lý dự án nông nghiệp và phát triển nông thôn tỉnh", "Sở Y tế"]
