"""The page in a real browser (Playwright driving Debian's chromium; skipped without it): the An Giang
plan's report shows the findings `plancompare check --format json` gives, three plans give the
coverage table and heatmap, a truncated PDF gives the one-line Vietnamese error, English switches.
With PLANCOMPARE_SCREENSHOTS=1 the screenshots go to docs/img/ (the README shows one)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
playwright_api = pytest.importorskip("playwright.sync_api")

from web_helpers import AN_GIANG, HA_TINH, NGHE_AN, ROOT, TRUNCATED, leftovers  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from plancompare.web.app import create_app
    from plancompare.web.settings import WebSettings

    root = tmp_path_factory.mktemp("web")
    port = _free_port()
    app = create_app(WebSettings(port=port, temp_root=root))
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started and thread.is_alive():
        thread.join(0.05)
    yield f"http://127.0.0.1:{port}/", root
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server: tuple[str, Path]) -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        # bypass_csp: Playwright evaluates its waits as strings; the page itself needs no eval
        tab = browser.new_page(viewport={"width": 1100, "height": 820}, bypass_csp=True)
        requested: list[str] = []
        tab.on("request", lambda r: requested.append(r.url))
        tab.goto(server[0])
        yield tab
        assert requested and [u for u in requested if not u.startswith(server[0])] == []  # all local
        browser.close()


def _shots(tmp_path: Path) -> Path:
    return ROOT / "docs/img" if os.environ.get("PLANCOMPARE_SCREENSHOTS") else tmp_path


def _submit(tab, files: list[Path]):  # type: ignore[no-untyped-def]
    """Upload, then the newest job's box once it has ended."""
    before = tab.locator(".job").count()
    tab.set_input_files("#files", [str(f) for f in files])
    tab.click("#submit")
    tab.wait_for_function(f"document.querySelectorAll('.job').length > {before}")
    job = tab.locator(".job").first
    tab.wait_for_function(
        "() => ['done','failed'].includes(document.querySelector('.job').dataset.status)", timeout=120_000
    )
    return job


def _cli_findings(plan: Path) -> list[tuple[str, str | None]]:
    done = subprocess.run(
        [sys.executable, "-m", "plancompare", "check", str(plan), "--format", "json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return [(f["kind"], f["reference_id"]) for f in json.loads(done.stdout)["findings"]]


def test_one_plan_report_matches_check_json(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = page
    assert tab.title() == "Đối chiếu kế hoạch với văn bản tham chiếu"
    job = _submit(tab, [AN_GIANG])
    assert job.get_attribute("data-status") == "done"
    frame = tab.frame_locator("iframe.report")
    frame.locator(".finding").first.wait_for()
    shown = frame.locator(".finding").evaluate_all(
        "els => els.map(e => [e.dataset.kind, e.querySelector('h2').textContent])"
    )
    expected = _cli_findings(AN_GIANG)
    assert [kind for kind, _ in shown] == [kind for kind, _ in expected]
    for (_, title), (_, reference_id) in zip(shown, expected, strict=True):
        assert reference_id is None or reference_id in title
    assert frame.locator("h1").text_content() == "Đối chiếu kế hoạch với văn bản tham chiếu"
    tab.screenshot(path=str(_shots(tmp_path) / "web-report.png"))
    tab.click("#lang-switch")
    assert tab.locator("h1").text_content() == "Compare plans with a reference"
    tab.frame_locator("iframe.report").locator("h1", has_text="Plan comparison").wait_for()
    tab.click("#lang-switch")
    assert tab.locator("h1").text_content() == "Đối chiếu kế hoạch với văn bản tham chiếu"


def test_three_plans_give_the_coverage_table_and_heatmap(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = page
    job = _submit(tab, [AN_GIANG, HA_TINH, NGHE_AN])
    assert job.get_attribute("data-status") == "done"
    rows = job.locator("table.coverage tr[data-plan]")
    assert sorted(rows.evaluate_all("els => els.map(e => e.dataset.plan)")) == sorted(
        p.name for p in (AN_GIANG, HA_TINH, NGHE_AN)
    )
    values = job.locator("td.coverage-value").all_text_contents()
    assert len(values) == 3 and all(v.endswith("%") for v in values)
    heatmap = job.locator("img.heatmap")
    heatmap.wait_for()
    tab.wait_for_function("() => document.querySelector('img.heatmap').naturalWidth > 0")
    links = job.locator(".downloads a").evaluate_all("els => els.map(e => e.textContent)")
    assert {"Sổ Excel (.xlsx)", "Ma trận (CSV)", "Kết quả (JSON)"} <= set(links)
    job.screenshot(path=str(_shots(tmp_path) / "web-coverage.png"))


def test_a_bad_file_shows_the_one_line_error(page, server) -> None:  # type: ignore[no-untyped-def]
    job = _submit(page, [TRUNCATED])
    assert job.get_attribute("data-status") == "failed"
    error = job.locator(".job-error").text_content()
    assert error.startswith("Không đọc được tệp: truncated.pdf: not a readable PDF") and "\n" not in error
    page.wait_for_timeout(100)
    assert len(leftovers(server[1])) == 1  # only the store's root: every upload folder is gone
