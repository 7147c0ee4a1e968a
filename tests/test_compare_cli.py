"""The diff, check and batch commands: formats, exit codes, and the HTML report in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "plancompare", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_check_json_and_fail_under() -> None:
    done = run("check", str(AN_GIANG), "--format", "json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["reference"]["source"]["format"] == "outline"
    assert data["reference"]["provenance"] == "reconstructed outline; not the official text"
    failed = run("check", str(AN_GIANG), "--format", "json", "--fail-under", "0.9")
    assert failed.returncode == 1 and "thấp hơn ngưỡng" in failed.stderr
    assert run("check", str(NGHE_AN), "-f", "csv", "--fail-under", "0.9").returncode == 0


def test_unreadable_input_exits_2_with_one_line(tmp_path: Path) -> None:
    done = run("diff", str(tmp_path / "nope.md"), str(AN_GIANG))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups: 3\n", encoding="utf-8")
    done = run("diff", str(bad), str(AN_GIANG))
    assert done.returncode == 2 and "outline" in done.stderr


def test_csv_md_text_and_batch() -> None:
    done = run("diff", str(NGHE_AN), str(AN_GIANG), "-f", "csv", "--lang", "en", "--no-bom")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["Finding (code)"] for r in rows} >= {"covered", "missing", "divergent", "added"}
    assert "reconstructed outline" in run("--lang", "en", "check", str(AN_GIANG), "-f", "md").stdout
    assert "dàn ý dựng lại" in run("check", str(AN_GIANG), "-f", "md").stdout
    assert "Mức độ bao phủ" in run("check", str(AN_GIANG), "-f", "text").stdout
    batch = list(csv.DictReader(io.StringIO(run("batch", str(NGHE_AN), str(AN_GIANG), "--no-bom").stdout)))
    assert [r["Mức độ bao phủ"] for r in batch] == ["1.0000", "0.4375"]
    md = run("batch", str(NGHE_AN), str(AN_GIANG), "--reference", str(NGHE_AN), "-f", "md").stdout
    assert md.count("\n") == 4


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="chromium is not installed (apt-get install chromium)"
)
def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    assert run("check", str(AN_GIANG), "-f", "html", "-o", str(html)).returncode == 0
    text = html.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text  # self-contained
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,1600", f"--screenshot={shot}", "--enable-logging=stderr", "--v=0", html.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    assert shot.stat().st_size > 10_000
    console = [ln for ln in done.stderr.splitlines() if "CONSOLE" in ln]
    assert console == [], console
