"""The HTML report of each bundled plan, rendered by headless Chromium in both languages: the labels
are the reader's language, the legend sits above the first finding, missing items show the closest
plan text, and a task cut by a page break cites both pages. Skipped when chromium is absent."""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import regex

from plancompare import compare
from plancompare.i18n import Lang
from plancompare.model.comparison import Comparison
from plancompare.report.compare_html import render_comparison_html

ROOT = Path(__file__).resolve().parents[1]
PLANS = {
    "nghe-an-md": ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md",
    "an-giang-txt": ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt",
    "nghe-an-pdf": ROOT / "corpora/pdf/nghe-an-686-KH-UBND-2025.pdf",
}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# measured in the page after layout, written where --dump-dom shows it
PROBE = """<script>(function(){
  var legend=document.getElementById('legend').getBoundingClientRect().top;
  var first=document.querySelector('.finding').getBoundingClientRect().top;
  document.body.setAttribute('data-probe', JSON.stringify({legend: legend, first: first,
    shown: document.getElementById('shown').textContent, lang: document.documentElement.lang,
    closest: document.querySelectorAll('.finding .closest').length}));
})();</script></body>"""
LABELS = {
    Lang.VI: [
        "Đối chiếu kế hoạch với văn bản tham chiếu",
        "Cách đọc báo cáo",
        "Đã cụ thể hóa",
        "Mức độ bao phủ",
    ],
    Lang.EN: ["Plan comparison", "How to read this report", "Covered", "Coverage"],
}
CROSS_PAGE = {Lang.VI: "tr. 13 dòng 22 – tr. 14 dòng 11", Lang.EN: "p. 13 l. 22 – p. 14 l. 11"}
_PROBE_ATTR = regex.compile(r'data-probe="([^"]*)"')
_TAG = regex.compile(r"<[^>]+>")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


def _dump_dom(page: Path, profile: Path) -> str:
    done = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
            "--window-size=1280,1600", "--virtual-time-budget=3000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    return {name: compare(None, path) for name, path in PLANS.items()}


@pytest.fixture(scope="module")
def rendered(
    comparisons: dict[str, Comparison], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, Lang], str]:
    folder = tmp_path_factory.mktemp("html")
    jobs = []
    for name, comparison in comparisons.items():
        for lang in Lang:
            page = folder / f"{name}-{lang}.html"
            page.write_text(
                render_comparison_html(comparison, lang, folder).replace("</body>", PROBE), encoding="utf-8"
            )
            jobs.append(((name, lang), page, folder / f"profile-{name}-{lang}"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        doms = list(pool.map(lambda job: _dump_dom(job[1], job[2]), jobs))
    return {key: dom for (key, _, _), dom in zip(jobs, doms, strict=True)}


def _probe(dom: str) -> dict[str, object]:
    found = _PROBE_ATTR.search(dom)
    assert found, "the probe script did not run"
    return json.loads(found.group(1).replace("&quot;", '"'))


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("name", list(PLANS))
def test_report_renders_with_its_language_legend_first(
    rendered: dict[tuple[str, Lang], str], comparisons: dict[str, Comparison], name: str, lang: Lang
) -> None:
    dom = rendered[(name, lang)]
    probe = _probe(dom)
    assert probe["lang"] == lang.value
    assert float(probe["legend"]) < float(probe["first"])  # type: ignore[arg-type]
    assert probe["shown"] == str(len(comparisons[name].findings))  # the filter script ran over every finding
    for label in LABELS[lang]:
        assert label in dom, label
    other = Lang.EN if lang is Lang.VI else Lang.VI
    assert LABELS[other][1] not in dom
    missing = comparisons[name].summary.missing
    assert probe["closest"] == missing


def test_missing_items_show_the_closest_plan_text(rendered: dict[tuple[str, Lang], str]) -> None:
    dom = rendered[("an-giang-txt", Lang.VI)]
    assert _probe(dom)["closest"] == 13
    assert "Nội dung gần nhất trong kế hoạch: III.2 (điểm 0,47), dòng 171-177" in dom
    assert "Chi nhánh NHCSXH tỉnh phối hợp với các cơ quan" in _TAG.sub("", dom)  # highlighted, in full


@pytest.mark.parametrize("lang", list(Lang))
def test_a_task_cut_by_a_page_break_cites_both_pages(
    rendered: dict[tuple[str, Lang], str], comparisons: dict[str, Comparison], lang: Lang
) -> None:
    task = next(f for f in comparisons["nghe-an-pdf"].findings if "4.2" in f.plan_ids)
    span = task.evidence.plan_span
    assert span is not None and (span.page, span.page_end, span.line_start, span.line_end) == (13, 14, 22, 11)
    assert CROSS_PAGE[lang] in rendered[("nghe-an-pdf", lang)]
