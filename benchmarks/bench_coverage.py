"""Many-plan throughput of `plancompare coverage`, in one run.

    PYTHONPATH=src python benchmarks/bench_coverage.py [--sizes 50,200,1000] [--jobs 1,2]

Prints:
- plans per minute and peak RSS (the command and its workers) for each N text plans (variants
  from benchmarks/generate_plans.py) at each --jobs, whole command, no cache; per-plan time and
  RSS relative to the smallest N (flat memory and linear time give ratios near 1);
- where the time of one plan goes: parse, compare (align + findings), report (HTML);
- the per-plan cost of a PDF plan (the Nghệ An 18-page PDF) relative to its markdown text;
- a cached rerun of the largest N at the highest --jobs, relative to the first run.
Every ratio is against a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_plans import NGHE_AN, ROOT, write_variants

PDF = ROOT / "corpora/pdf/nghe-an-686-KH-UBND-2025.pdf"


def run_coverage(
    plans: Path, out: Path, jobs: int, cache: bool, formats: tuple[str, ...] = ("csv", "html")
) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the command and its workers)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_CACHE_HOME": str(out / "user-cache")}
    args = [sys.executable, "-m", "plancompare", "coverage", "-", str(plans), "--out", str(out)]
    args += [
        "--jobs",
        str(jobs),
        *(x for f in formats for x in ("-f", f)),
        *([] if cache else ["--no-cache"]),
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"coverage failed: {proc.stderr.read().decode() if proc.stderr else status}")
    return elapsed, usage.ru_maxrss / 1024


def subset(folder: Path, variants: list[Path], n: int) -> Path:
    target = folder / f"n{n}"
    target.mkdir()
    for path in variants[:n]:
        os.link(path, target / path.name)
    return target


def stage_shares(plans: list[Path]) -> dict[str, float]:
    from plancompare.batch import compare_many
    from plancompare.report.compare_html import render_comparison_html

    totals = {"parse": 0.0, "compare": 0.0, "report": 0.0}
    for result in compare_many(None, plans):
        totals["parse"] += result.timings.parse_s
        totals["compare"] += result.timings.compare_s
        if result.comparison is not None:
            started = time.perf_counter()
            render_comparison_html(result.comparison)
            totals["report"] += time.perf_counter() - started
    return totals


def per_plan_seconds(path: Path, repeat: int) -> float:
    from plancompare.batch import compare_path
    from plancompare.reference import load_reference

    reference = load_reference(None)
    compare_path(reference, str(path))  # warm: imports, caches
    started = time.perf_counter()
    for _ in range(repeat):
        compare_path(reference, str(path))
    return (time.perf_counter() - started) / repeat


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="plancompare-bench-"))
    try:
        variants = write_variants(work / "all", max(sizes))
        print(
            f"{'N':>6} {'jobs':>4} {'seconds':>8} {'plans/min':>10} {'peak RSS MB':>12} {'s/plan vs N0':>13} {'RSS vs N0':>10}"
        )
        base: dict[int, tuple[float, float]] = {}
        uncached: dict[tuple[int, int], float] = {}
        for n in sizes:
            folder = subset(work, variants, n)
            for j in jobs:
                elapsed, rss = run_coverage(folder, work / f"out-{n}-{j}", j, cache=False)
                uncached[(n, j)] = elapsed
                b = base.setdefault(j, (elapsed / n, rss))
                print(
                    f"{n:>6} {j:>4} {elapsed:>8.1f} {n / elapsed * 60:>10.0f} {rss:>12.0f} "
                    f"{elapsed / n / b[0]:>12.2f}x {rss / b[1]:>9.2f}x",
                    flush=True,
                )
        # the whole corpora, the largest N variants and an unreadable file, every output, then again
        n, j = sizes[-1], jobs[-1]
        folder = work / f"n{n}"
        shutil.copytree(ROOT / "corpora", folder / "corpora")
        (folder / "unreadable.pdf").write_bytes(b"%PDF-1.7 truncated download")
        out = work / "cached"
        every = ("csv", "xlsx", "json", "html", "png")
        first, _ = run_coverage(folder, out, j, cache=True, formats=every)
        again, _ = run_coverage(folder, out, j, cache=True, formats=every)
        written = " ".join(sorted(f.name for f in out.iterdir() if f.is_file()))
        bad_row = "unreadable.pdf" in (out / "summary.csv").read_text(encoding="utf-8")
        print(
            f"corpora + {n} variants + 1 unreadable file, --jobs {j}: {written}; unreadable file as a row: {bad_row}"
        )
        print(f"cached rerun, every output: {again:.1f}s vs {first:.1f}s, {first / again:.1f}x faster")
        # the same N plans alone, csv + html, against the uncached run of the table above
        variants_only = work / f"again-{n}"
        variants_only.mkdir()
        for path in (work / f"n{n}").glob("v*"):
            os.link(path, variants_only / path.name)
        run_coverage(variants_only, work / "cached-variants", j, cache=True)
        rerun, _ = run_coverage(variants_only, work / "cached-variants", j, cache=True)
        base_s = uncached[(n, j)]
        print(
            f"cached rerun of N={n}, csv + html: {rerun:.1f}s vs {base_s:.1f}s uncached, {base_s / rerun:.1f}x faster"
        )
        shares = stage_shares(variants[: min(50, len(variants))])
        total = sum(shares.values())
        print("time per stage: " + ", ".join(f"{k} {v / total:.0%}" for k, v in shares.items()))
        text_s = per_plan_seconds(NGHE_AN, 5)
        pdf_s = per_plan_seconds(PDF, 3)
        print(
            f"one plan: markdown {text_s:.3f}s, 18-page PDF {pdf_s:.3f}s ({pdf_s / text_s:.1f}x the markdown)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
