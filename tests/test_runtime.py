"""Run-time guarantees of `plancompare parse`: byte-identical JSON across runs, hash seeds and
--jobs values; no network access (a sitecustomize.py makes every socket connect fail); the time
budget turns into a typed error, never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from plancompare import ParseOptions, parse, to_json
from plancompare.errors import DocumentTooLarge
from plancompare.guards import check_time, hard_timeout, time_budget

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    ROOT / "corpora" / "plans" / "an-giang-KH-UBND-2025.txt",
    ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md",
    ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf",
]
NO_NETWORK = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network access attempted during a test that forbids it")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def _cli(path: Path, *, seed: str, jobs: int, sitedir: Path | None) -> subprocess.CompletedProcess[bytes]:
    pythonpath = [str(ROOT / "src")]
    if sitedir is not None:
        pythonpath.insert(0, str(sitedir))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(pythonpath), "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "plancompare", "parse", str(path), "--format", "json", "--jobs", str(jobs)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], subprocess.CompletedProcess[bytes]]:
    sitedir = tmp_path_factory.mktemp("nonet")
    (sitedir / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    jobs = [(doc, "plain", dict(seed="1", jobs=1, sitedir=None)) for doc in DOCS] + [
        (doc, "nonet", dict(seed="2", jobs=2, sitedir=sitedir)) for doc in DOCS
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda j: _cli(j[0], **j[2]), jobs))  # type: ignore[arg-type]
    return {(j[0].name, j[1]): r for j, r in zip(jobs, done, strict=True)}


def test_sitecustomize_blocks_sockets(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    probe = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError as e:\n    print(e)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        timeout=30,
        check=False,
    )
    assert "forbids it" in out.stdout


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.suffix)
def test_parse_works_without_network(doc: Path, runs) -> None:  # type: ignore[no-untyped-def]
    result = runs[(doc.name, "nonet")]
    assert result.returncode == 0, result.stderr.decode()
    assert b"forbids it" not in result.stderr


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.suffix)
def test_output_is_byte_identical_across_runs_seeds_and_jobs(doc: Path, runs) -> None:  # type: ignore[no-untyped-def]
    a, b = runs[(doc.name, "plain")], runs[(doc.name, "nonet")]
    assert a.returncode == 0 and b.returncode == 0
    assert a.stdout == b.stdout
    if doc.suffix != ".pdf":  # the library gives the CLI's bytes too (the PDF is covered by a == b)
        assert a.stdout == to_json(parse(doc)).encode("utf-8")


def test_time_budget_is_a_typed_error() -> None:
    with pytest.raises(DocumentTooLarge, match="--timeout"):
        parse(DOCS[1], options=ParseOptions(time_budget_s=0.001))


def test_check_time_outside_a_parse_is_a_no_op() -> None:
    check_time("anywhere")
    with time_budget("x", 100.0):
        check_time("inside")


def test_hard_timeout_interrupts_a_stuck_stage() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTooLarge, match="time budget"), hard_timeout(0.2, "stuck.txt"):
        while True:  # a stage that never reaches a cooperative check
            time.sleep(0.01)
    assert time.monotonic() - started < 5


def test_max_pages_is_a_warning_not_an_error() -> None:
    plan = parse(DOCS[2], options=ParseOptions(max_pages=2))
    assert plan.source.pages == 18
    assert any(w.code == "limit_reached" and "2 of 18" in w.message for w in plan.warnings)
