"""Many plans against one reference: compare_many on executors, error rows, the cache, the
`coverage` command's outputs and exit codes, and `batch` carrying on past a bad file."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from plancompare.batch import compare_many, discover
from plancompare.batch.cache import ResultCache
from plancompare.batch.model import plan_row
from plancompare.batch.progress import PlainProgress
from plancompare.batch.tables import summary_columns
from plancompare.i18n import Lang
from plancompare.model.comparison import FindingKind
from plancompare.reference import load_reference
from plancompare.serialize import to_json

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # the user cache folder (plancompare's cache, matplotlib's fonts) of each test is its own
    cache = Path(tempfile.mkdtemp(prefix="plancompare-test-cache-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "XDG_CACHE_HOME": str(cache),
        "MPLCONFIGDIR": str(cache),
    }
    return subprocess.run(
        [sys.executable, "-m", "plancompare", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


@pytest.fixture()
def plans(tmp_path: Path) -> Path:
    """Two real plans, a copy of one under another name, and a file that is not a plan."""
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(NGHE_AN, folder / NGHE_AN.name)
    shutil.copy(AN_GIANG, folder / "sub" / AN_GIANG.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    (folder / "notes.xyz").write_text("ignored: not a plan extension", encoding="utf-8")
    return folder


def test_discover_walks_folders_and_keeps_missing_names(plans: Path) -> None:
    found = discover([plans, plans / "nope.md"])
    names = [Path(p).name for p in found]
    assert names == ["broken.pdf", "nghe-an-686-KH-UBND-2025.md", "nope.md", "an-giang-KH-UBND-2025.txt"]


def test_a_bad_file_is_one_error_result(plans: Path) -> None:
    results = list(compare_many(None, discover([plans, plans / "nope.md"])))
    errors = {Path(r.path).name: r.error.error_class for r in results if r.error}
    assert errors == {"broken.pdf": "UnreadableDocument", "nope.md": "InputNotFound"}
    good = {Path(r.path).name: r.comparison.summary.coverage for r in results if r.comparison}
    assert good == {"nghe-an-686-KH-UBND-2025.md": 1.0, "an-giang-KH-UBND-2025.txt": 0.4375}
    assert all(str(r.path) in r.error.message for r in results if r.error)


def test_executor_gives_the_same_comparisons(plans: Path) -> None:
    paths = discover([plans])
    alone = {r.path: to_json(r.comparison) for r in compare_many(None, paths) if r.comparison}
    with ThreadPoolExecutor(max_workers=2) as pool:
        pooled = {
            r.path: to_json(r.comparison)
            for r in compare_many(None, paths, executor=pool, window=1)
            if r.comparison
        }
    assert pooled == alone and len(alone) == 2


def test_cache_hits_by_content_and_resumes(plans: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache.sqlite")
    first = list(compare_many(None, discover([plans]), cache=cache))
    assert not any(r.cached for r in first)
    shutil.copy(NGHE_AN, plans / "renamed.md")  # same bytes, another name: no work
    second = {Path(r.path).name: r for r in compare_many(None, discover([plans]), cache=cache)}
    assert {n for n, r in second.items() if r.cached} == {
        "nghe-an-686-KH-UBND-2025.md", "renamed.md", "an-giang-KH-UBND-2025.txt",
    }  # fmt: skip
    assert second["renamed.md"].comparison.plan.source.path.endswith("renamed.md")
    assert second["broken.pdf"].error is not None and not second["broken.pdf"].cached  # failures retried
    original = next(r for r in first if r.path.endswith("nghe-an-686-KH-UBND-2025.md"))
    assert to_json(second["nghe-an-686-KH-UBND-2025.md"].comparison) == to_json(original.comparison)
    # another reference is another key
    other = list(compare_many(load_reference(AN_GIANG), discover([plans]), cache=cache))
    assert not any(r.cached for r in other)
    cache.close()


def test_rows_count_every_kind_of_the_model(plans: Path) -> None:
    result = next(r for r in compare_many(None, [NGHE_AN]))
    row = plan_row(result)
    assert set(row.counts) == set(FindingKind)
    assert sum(row.counts.values()) == len(result.comparison.findings)
    assert all(k.value in summary_columns() for k in FindingKind)
    assert row.cells["4.1"] == FindingKind.DIVERGENT and len(row.cells) == 24


def test_plain_progress_lines() -> None:
    stream = io.StringIO()
    progress = PlainProgress(3, stream, interval=0.0)
    for ok in (True, False, True):
        progress.advance(ok)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("plancompare: 1/3 kế hoạch, 0 lỗi")
    assert lines[-1].startswith("plancompare: 3/3 kế hoạch, 1 lỗi") and "còn khoảng 0:00:00" in lines[-1]
    stream = io.StringIO()
    english = PlainProgress(1, stream, interval=0.0, lang=Lang.EN)
    english.advance(True)
    assert stream.getvalue().startswith("plancompare: 1/1 plans, 0 failed")


def test_coverage_command_writes_every_output(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run(
        "coverage",
        "-",
        str(plans),
        "--out",
        str(out),
        "-f",
        "csv",
        "-f",
        "json",
        "-f",
        "html",
        "-f",
        "xlsx",
        "-f",
        "png",
    )
    assert done.returncode == 0, done.stderr
    assert "broken.pdf" in done.stderr and "Traceback" not in done.stderr
    summary = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert [Path(r["plan"]).name for r in summary] == [
        "broken.pdf", "nghe-an-686-KH-UBND-2025.md", "an-giang-KH-UBND-2025.txt",
    ]  # fmt: skip
    assert summary[0]["error_class"] == "UnreadableDocument" and summary[0]["coverage"] == ""
    assert summary[1]["coverage"] == "1.0" and summary[1]["divergent"] == "2" and summary[1]["added"] == "1"
    matrix = list(csv.reader((out / "matrix.csv").open(encoding="utf-8")))
    assert matrix[0][:4] == ["plan", "coverage", "1.1", "1.2"] and len(matrix[0]) == 26
    assert matrix[2][matrix[0].index("4.1")] == "divergent"
    data = json.loads((out / "coverage.json").read_text(encoding="utf-8"))
    assert len(data["reference"]["items"]) == 24 and len(data["plans"]) == 3
    index = (out / "index.html").read_text(encoding="utf-8")
    for row in summary[1:]:
        assert f'href="{row["report"]}"' in index and (out / row["report"]).is_file()
    assert (out / "heatmap.png").read_bytes()[:4] == b"\x89PNG"
    from openpyxl import load_workbook

    book = load_workbook(out / "coverage.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Ma trận"]
    assert book["Tổng hợp"].freeze_panes == "B3" and book["Ma trận"].freeze_panes == "C2"
    assert book["Tổng hợp"]["A2"].value == "plan" and book["Tổng hợp"].max_row == 5
    # second run: everything from the cache, same tables; --strict reports the bad file
    again = run("coverage", "--outline", str(plans), "--out", str(out), "-f", "csv", "--strict")
    assert again.returncode == 3
    rerun = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert [{**r, "report": ""} for r in rerun] == [{**r, "report": ""} for r in summary]  # no html asked


def test_coverage_to_stdout_and_fail_under(tmp_path: Path) -> None:
    done = run(
        "coverage", "-", str(NGHE_AN), str(AN_GIANG), "--fail-under", "0.5", "--jobs", "2", cwd=tmp_path
    )
    assert done.returncode == 1
    assert "plancompare: 1 kế hoạch có mức độ bao phủ thấp hơn ngưỡng --fail-under 0,50" in done.stderr
    percent = run("coverage", "-", str(NGHE_AN), "--fail-under", "80%", cwd=tmp_path)
    assert percent.returncode == 0  # 100% ≥ 80%: the percentage form `check` takes
    wrong = run("coverage", "-", str(NGHE_AN), "--fail-under", "180", cwd=tmp_path)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "--fail-under" in wrong.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["coverage"] for r in rows] == ["0.4375", "1.0"]  # sorted by path: an-giang first


def test_coverage_bad_reference_and_missing_extra(tmp_path: Path) -> None:
    done = run("coverage", str(tmp_path / "nope.yaml"), str(NGHE_AN), cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_batch_carries_on_past_a_bad_file(plans: Path) -> None:
    done = run("batch", str(NGHE_AN), str(plans / "broken.pdf"), str(AN_GIANG), "-f", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["plans"]  # JSON keys stay English; the CSV's headers are Vietnamese
    assert [r["coverage"] for r in rows] == [1.0, 0.4375, None]
    assert rows[2]["error"].startswith("UnreadableDocument: ") and "broken.pdf" in rows[2]["error"]
    assert all(r["error"] is None for r in rows[:2])
    table = run("batch", str(NGHE_AN), str(plans / "broken.pdf"), "--no-bom").stdout.splitlines()
    assert table[0].endswith(",Lỗi") and table[2].startswith(str(plans / "broken.pdf") + ",")
    assert "UnreadableDocument: " in table[2]
    assert run("batch", str(NGHE_AN), str(plans / "broken.pdf"), "--strict").returncode == 3


def test_cli_import_stays_light() -> None:
    code = (
        "import sys, plancompare.cli; print(sorted(m for m in ('numpy', 'scipy', 'pandas', 'matplotlib',"
        " 'openpyxl', 'dask', 'pydantic', 'sqlite3') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_worker_failure_is_an_error_row_of_its_file() -> None:
    from concurrent.futures import Future

    from plancompare.batch.run import _outcome

    future: Future[object] = Future()
    future.set_exception(MemoryError("worker killed"))
    result = _outcome(future, "plans/huge.pdf")  # type: ignore[arg-type]
    assert result.error is not None and result.error.error_class == "MemoryError"
    assert result.error.message == "plans/huge.pdf: internal error: worker killed"


def test_rich_progress_on_a_terminal() -> None:
    from plancompare.batch.progress import RichProgress, make_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    progress = make_progress(2, Terminal())
    assert isinstance(progress, RichProgress)
    progress.advance(True)
    progress.advance(False)
    assert progress.failed == 1 and progress.bar.tasks[0].completed == 2
    progress.close()


def test_same_inputs_same_tables(plans: Path, tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        done = run("coverage", "-", str(plans), "--out", str(out), "--no-cache", "-f", "csv", "-f", "json")
        assert done.returncode == 0, done.stderr
        outputs.append([(out / f).read_bytes() for f in ("summary.csv", "matrix.csv", "coverage.json")])
    assert outputs[0] == outputs[1]
    assert not (tmp_path / "a" / "plancompare-cache.sqlite").exists()  # --no-cache writes no cache


def test_a_plan_over_its_time_budget_is_an_error_row(tmp_path: Path) -> None:
    done = run("coverage", "-", str(NGHE_AN), "--timeout", "0.001", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (row,) = list(csv.DictReader(io.StringIO(done.stdout)))
    assert row["error_class"] == "DocumentTooLarge" and row["coverage"] == ""


def test_coverage_can_count_items_addressed_to_other_levels(tmp_path: Path) -> None:
    """As `check --include-not-applicable`: a national decision's items for ministries are "not
    applicable" to a province's plan by default, and reported with the flag; the cache keeps the two apart."""
    national = ROOT / "tests" / "data" / "national"
    decision, province = national / "qd-412-ttg-thien-tai.txt", national / "kh-233-nghe-an-thien-tai.txt"
    by_default = list(compare_many(decision, [province]))
    counted = list(compare_many(decision, [province], include_not_applicable=True))
    assert by_default[0].comparison is not None and counted[0].comparison is not None
    assert by_default[0].comparison.summary.not_applicable == 4
    assert counted[0].comparison.summary.not_applicable == 0
    out = tmp_path / "out"
    first = run("coverage", str(decision), str(province), "--out", str(out), "-f", "csv", cwd=tmp_path)
    second = run(
        "coverage", str(decision), str(province), "--out", str(out), "-f", "csv", "--include-not-applicable",
        cwd=tmp_path,
    )  # fmt: skip
    assert first.returncode == 0 and second.returncode == 0
    row = next(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert row["not_applicable"] == "0"  # not the cached default-run row


def test_coverage_as_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out"
    done = run("coverage", "-", str(NGHE_AN), str(AN_GIANG), "--out", str(out), "-f", "parquet", cwd=tmp_path)
    assert done.returncode == 0
    summary = pd.read_parquet(out / "summary.parquet").sort_values("plan")
    assert list(summary["coverage"]) == [0.4375, 1.0]  # an-giang, then nghe-an
    matrix = pd.read_parquet(out / "matrix.parquet")
    assert {"plan", "coverage", "4.1"} <= set(matrix.columns) and len(matrix) == 2
