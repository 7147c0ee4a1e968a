"""Evidence a reader can check: the outline item's confidence and targets in every format, the summary
that explains coverage with divergent items, links relative to the report (or none), whole-term
highlighting, and kinds this version does not know."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from plancompare import compare
from plancompare.i18n import Lang
from plancompare.model.comparison import Comparison, Evidence, Finding
from plancompare.report.compare_common import describe_target, reference_facts
from plancompare.report.compare_csv import render_comparison_csv
from plancompare.report.compare_html import render_comparison_html
from plancompare.report.compare_md import render_comparison_md
from plancompare.report.compare_text import render_comparison
from plancompare.report.highlight import highlight
from plancompare.report.terminal import Terminal

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


@pytest.fixture(scope="module")
def nghe_an() -> Comparison:
    return compare(None, NGHE_AN)


def _text(c: Comparison, lang: Lang = Lang.VI, width: int = 400) -> str:
    buffer = io.StringIO()
    render_comparison(c, Terminal(buffer, width), lang)  # wide: cells do not wrap
    return buffer.getvalue()


def _all_formats(c: Comparison, lang: Lang = Lang.VI) -> dict[str, str]:
    return {
        "text": _text(c, lang),
        "md": render_comparison_md(c, lang),
        "csv": render_comparison_csv(c, lang),
        "html": render_comparison_html(c, lang, None),
    }


def test_coverage_with_divergent_items_is_explained(nghe_an: Comparison) -> None:
    assert nghe_an.summary.coverage == 1.0 and nghe_an.summary.divergent == 2
    for fmt, out in _all_formats(nghe_an).items():
        if fmt != "csv":
            assert "Trong 24 nội dung đã có trong kế hoạch, 2 nội dung có khác biệt" in " ".join(
                out.split()
            ), fmt


def test_outline_confidence_and_targets_are_shown_in_every_format(nghe_an: Comparison) -> None:
    item = next(f for f in nghe_an.findings if f.reference_id == "4.1")
    assert item.evidence.reference_confidence == "probable" and len(item.evidence.reference_targets) == 2
    for fmt, out in _all_formats(nghe_an).items():
        flat = " ".join(out.split())
        assert (
            "có cơ sở" in flat and "từ 15% đến 20% hằng năm" in flat and "tối thiểu 15% đến năm 2030" in flat
        ), fmt


def test_a_divergence_never_cites_a_target_the_reader_cannot_see(nghe_an: Comparison) -> None:
    cited = [(f, d) for f in nghe_an.findings for d in f.divergences if d.reference_target is not None]
    assert cited
    for finding, divergence in cited:
        shown = " ".join(reference_facts(finding, Lang.VI))
        assert describe_target(divergence.reference_target, Lang.VI) in shown  # type: ignore[arg-type]


def test_missing_items_carry_the_closest_plan_text() -> None:
    c = compare(None, AN_GIANG)
    missing = [f for f in c.findings if f.kind == "missing"]
    assert len(missing) == 13
    assert all(f.evidence.closest_plan_text and f.evidence.closest_plan_span for f in missing)
    assert all(f.evidence.plan_text is None and f.plan_ids == [] for f in missing)  # CONTRACT unchanged
    rows = list(csv.DictReader(io.StringIO(render_comparison_csv(c, Lang.EN, bom=False))))
    first = next(r for r in rows if r["Reference item"] == "1.1")
    assert first["Closest plan text"].startswith("III.2 (l. 171-177): Chi nhánh NHCSXH tỉnh phối hợp")


def test_links_are_relative_to_the_report_or_absent(nghe_an: Comparison, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    page = render_comparison_html(nghe_an, Lang.VI, folder)
    href = page.split('class="loc" href="', 1)[1].split('"', 1)[0]
    path, _, anchor = href.partition("#")
    assert not path.startswith("/") and "file:" not in page
    assert Path(os.path.normpath(folder / path)) == NGHE_AN.resolve() and anchor.startswith("L")
    assert 'href="' not in render_comparison_html(nghe_an, Lang.VI, None).split("<main>", 1)[1]


def test_the_legend_comes_before_the_findings(nghe_an: Comparison) -> None:
    page = render_comparison_html(nghe_an, Lang.VI)
    assert page.index('id="legend"') < page.index('class="finding"') < page.index("Theo nhóm nhiệm vụ")
    assert render_comparison_md(nghe_an).index("Cách đọc báo cáo") < render_comparison_md(nghe_an).index(
        "## Kết quả"
    )


def test_reports_are_byte_identical_across_runs(nghe_an: Comparison) -> None:
    again = compare(None, NGHE_AN)
    assert _all_formats(nghe_an) == _all_formats(again)


def test_highlighting_marks_whole_terms() -> None:
    out = highlight("cho vay các đối tượng chính sách khác", "cho vay đối với người nghèo")
    assert out == (
        '<span class="shared">cho vay</span> các <mark class="only">đối tượng chính sách khác</mark>'
    )
    both = highlight("các đối tượng chính sách", "người nghèo và các đối tượng chính sách khác")
    assert both == 'các <span class="shared">đối tượng chính sách</span>'
    assert highlight("đối với hộ nghèo", "hộ nghèo") == 'đối với <span class="shared">hộ nghèo</span>'


def test_a_kind_this_version_does_not_know_is_shown_not_dropped(nghe_an: Comparison) -> None:
    extra = Finding.model_construct(
        kind="not_applicable", reference_id="9.9", plan_ids=[], score=0.0, divergences=[],
        evidence=Evidence(reference_text="Nội dung chỉ áp dụng ở cấp trung ương."), group=None, links=[],
        matched_targets=[], note="central level only",
    )  # fmt: skip
    c = nghe_an.model_copy(update={"findings": [*nghe_an.findings, extra]})
    for fmt, out in _all_formats(c).items():
        assert "Không áp dụng" in out, fmt
    assert "Not applicable" in _text(c, Lang.EN)
    other = c.model_copy(
        update={"findings": [Finding.model_construct(**{**dict(extra), "kind": "brand_new"})]}
    )
    assert "brand_new" in render_comparison_md(other)


def test_a_section_joined_across_a_page_break_ends_on_the_next_page() -> None:
    from plancompare.readers.document import Line
    from plancompare.structure.paragraphs import Paragraph, span_of

    lines = [
        Line(text="Tăng cường nghiên cứu, phổ biến", page=2, line=20),
        Line(text="chủ trương", page=3, line=5),
    ]
    para = Paragraph(
        text="Tăng cường nghiên cứu, phổ biến chủ trương", line_start=20, line_end=5, page=2, lines=lines
    )
    span = span_of([para])
    assert (span.page, span.page_end, span.line_start, span.line_end) == (2, 3, 20, 5)
    assert span_of([Paragraph(text="Một trang", line_start=3, line_end=4, page=2)]).page_end is None
