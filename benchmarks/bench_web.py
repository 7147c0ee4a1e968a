"""What the web page adds to a comparison: jobs through the API (upload, pool, polling, coverage
files) against the same plans parsed and compared by the library in this process.

    PYTHONPATH=src python benchmarks/bench_web.py [--jobs 10] [--workers 2]

Prints the library's time for the plans one after another (the baseline), the page's time for the
same plans uploaded as parallel jobs, and their ratio.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = [ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt", ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"]


def _library(paths: list[Path]) -> float:
    import plancompare

    started = time.perf_counter()
    for path in paths:
        plancompare.compare(None, plancompare.parse(path))
    return time.perf_counter() - started


def _page(paths: list[Path], workers: int) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from plancompare.web.app import create_app
    from plancompare.web.settings import WebSettings

    def one(client: TestClient, path: Path) -> str:
        job = client.post("/api/jobs", files=[("files", (path.name, path.read_bytes()))]).json()["id"]
        while client.get(f"/api/jobs/{job}").json()["status"] not in ("done", "failed"):
            time.sleep(0.02)
        return str(job)

    with tempfile.TemporaryDirectory() as root:
        settings = WebSettings(workers=workers, temp_root=Path(root))
        with TestClient(create_app(settings)) as client, ThreadPoolExecutor(max_workers=len(paths)) as pool:
            started = time.perf_counter()
            list(pool.map(lambda p: one(client, p), paths))
            return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    paths = [PLANS[i % len(PLANS)] for i in range(args.jobs)]
    _library(paths[:2])  # warm: imports, outline, vocabulary
    baseline = _library(paths)
    page = _page(paths, args.workers)
    print(f"{args.jobs} plans, library one after another: {baseline:.2f} s (baseline)")
    print(
        f"{args.jobs} parallel jobs through the page, {args.workers} workers: {page:.2f} s "
        f"(ratio {page / baseline:.2f})"
    )


if __name__ == "__main__":
    main()
