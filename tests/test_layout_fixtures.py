"""`pdftotext -layout` of PDFs whose own parse is known: the text must give the same tasks and
metadata as the PDF (scripts/make_layout_fixtures.py made the fixtures; layout-fixtures.md says
how). The expected values come from the PDF parse of the same file and, for the Nghệ An appendix,
from reading the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from plancompare import parse
from plancompare.model.plan import Plan
from test_serializations import SOURCE, _meta, _tasks

DATA = ROOT / "tests" / "data" / "serializations"


def _facts(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (
            t.id,
            t.number,
            " ".join(t.text.split()),
            [u.text for u in t.lead_units],
            [u.text for u in t.support_units],
            t.product,
            t.deadline.text if t.deadline else None,
        )
        for t in plan.tasks
    ]


@pytest.fixture(scope="module")
def nghe_an() -> Plan:
    return parse(DATA / "nghe-an-686-pdftotext-layout.txt")


def test_nghe_an_appendix_gives_every_task(nghe_an: Plan) -> None:
    """The landscape appendix: header repeated at the top of each page and in mid-page, columns a
    few positions apart from page to page and row to row, cells run into the next column with one
    space, two rows without a number."""
    ids = [t.id for t in nghe_an.tasks]
    assert ids == [
        *("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4"),
        *(f"5.{k}" for k in range(1, 11)),
        "6",
    ]
    by_id = {t.id: t for t in nghe_an.tasks}
    # "…các chương trình tín dụng Các sở, ban, ngành, đơn" / "…trên cơ vị cấp tỉnh": one space apart
    assert [u.text for u in by_id["3.1"].lead_units] == ["Các sở, ban, ngành, đơn vị cấp tỉnh"]
    assert by_id["3.1"].text.startswith(
        "Rà soát, đánh giá hiệu quả các chương trình tín dụng chính sách xã hội"
    )
    assert "trên cơ sở đó nghiên cứu" in by_id["3.1"].text
    # "…Ngân hàng Chính sách xã Sở Tài chính; UBND" / "…có hiệu quả các xã, phường"
    assert [u.text for u in by_id["4.1"].lead_units] == ["Sở Tài chính", "UBND các xã, phường"]
    assert [u.text for u in by_id["4.1"].support_units] == [
        "NHCSXH Chi nhánh tỉnh",
        "Các sở, ban, ngành, đơn vị cấp tỉnh",
    ]
    assert [u.text for u in by_id["1.1"].support_units][
        1
    ] == "các tổ chức chính trị - xã hội nhận ủy thác cấp tỉnh"
    assert by_id["1.1"].product == "Văn bản/Kế hoạch triển khai"
    assert (by_id["5.3"].product, [u.text for u in by_id["5.3"].support_units]) == (
        None,
        ["NHCSXH Chi nhánh tỉnh"],
    )
    # rows 5.9 and 5.10 have an empty STT cell; 5.10 opens a page
    assert by_id["5.9"].number is None and by_id["5.9"].text.startswith("Nâng cao hiệu quả hoạt động")
    assert [u.text for u in by_id["5.10"].lead_units] == ["NHCSXH Chi nhánh tỉnh"]
    assert by_id["5.10"].text.startswith("Tiếp tục đổi mới, hiện đại hóa")
    assert by_id["6"].deadline.text == "Định kỳ hằng năm (trước ngày 01/10)"
    assert by_id["6"].deadline.day_month == "01/10"
    assert by_id["2.1"].text.endswith("các công việc Ngân hàng Chính sách xã hội (NHCSXH) ủy thác.")


def test_nghe_an_text_and_pdf_agree(nghe_an: Plan) -> None:
    pdf = parse(ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf")
    assert _facts(nghe_an) == _facts(pdf)
    assert nghe_an.metadata == pdf.metadata  # the signer beside a long recipient list included


@pytest.mark.parametrize(
    "name",
    [
        "tuyen-quang-27-pdftotext-layout.txt",
        "tuyen-quang-27-pdftotext-fixed4.txt",
        "tuyen-quang-27-top-narrow-pdftotext-layout.txt",
        "tuyen-quang-27-middle-narrow-pdftotext-layout.txt",
    ],
)
def test_typeset_tuyen_quang_plan_as_layout_text(name: str) -> None:
    """Cells aligned to the bottom of their row (reportlab's default: each row's number on its last
    line, its text starting above), to the top, or centred (the number alone on a line in the middle
    of its row's text); the header's last cell stacked ("Thời gian hoàn" / "thành")."""
    baseline = parse(SOURCE)
    plan = parse(DATA / name)
    assert _tasks(plan) == _tasks(baseline)
    assert _meta(plan) == _meta(baseline)
    assert plan.metadata.recipients == ["Bộ Giáo dục và Đào tạo (b/c)", "Các sở, ban, ngành", "Lưu: VT"]


def test_real_decision_as_layout_text() -> None:
    """No table: prose, a side-by-side header, and the signer's name nine lines below "KT. BỘ
    TRƯỞNG", beside the recipient list."""
    text = parse(DATA / "qd-1074-pdftotext-layout.txt")
    pdf = parse(ROOT / "corpora" / "real" / "QD-1074-QD-BXD-29-6-2026.pdf")
    assert _facts(text) == _facts(pdf)
    assert text.metadata == pdf.metadata
    assert (text.metadata.signer, text.metadata.number) == ("Phạm Minh Hà", "1074/QĐ-BXD")


def test_real_dispatch_as_layout_text() -> None:
    """The dispatch's tasks and header agree with the PDF's. Its subject ("V/v …") and "Kính gửi"
    list do not, for want of what the PDF has (line geometry) and no fault of the table reader:
    the subject's lines are half as long as the body's, so the rule that joins wrapped lines by
    their length leaves its second line ("1074/QĐ-BXD …" after "… Quyết định số") on its own, read
    as a header line; the first paragraph's indented opening line is as short, so the addressee
    list runs on into it."""
    text = parse(DATA / "cv-7432-pdftotext-layout.txt")
    pdf = parse(ROOT / "corpora" / "real" / "CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf")
    assert _facts(text) == _facts(pdf)
    fields = ("number", "date", "place", "issuer", "signer", "signer_title", "signing_capacity", "doc_type")
    assert [getattr(text.metadata, f) for f in fields] == [getattr(pdf.metadata, f) for f in fields]
    assert text.metadata.signer == "Phan Trung Bá"


def test_fixture_manifest_names_every_layout_fixture() -> None:
    manifest = (DATA / "layout-fixtures.md").read_text(encoding="utf-8")
    assert "pdftotext version" in manifest
    for path in sorted(Path(DATA).glob("*-pdftotext-*.txt")):
        assert path.name in manifest


def test_prose_after_the_appendix_stays_text(tmp_path: Path) -> None:
    """A closing paragraph right under the table's last row (no blank line) is not a wrapped cell."""
    closing = (
        "     Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các sở, ban, ngành,\n"
        "đơn vị cấp tỉnh và UBND các xã, phường kịp thời báo cáo UBND tỉnh (qua Ngân hàng Chính\n"
        "sách xã hội Chi nhánh tỉnh) để xem xét, chỉ đạo giải quyết theo quy định./.\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(
        (DATA / "nghe-an-686-pdftotext-layout.txt").read_text(encoding="utf-8") + closing, encoding="utf-8"
    )
    plan = parse(path)
    assert len(plan.tasks) == 24
    assert plan.tasks[-1].text.endswith("gửi về Ngân hàng Chính sách xã hội Chi nhánh tỉnh để tổng hợp.")
    assert not any("khó khăn, vướng mắc, các sở" in t.text for t in plan.tasks)
