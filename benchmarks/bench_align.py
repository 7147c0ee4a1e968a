"""Alignment time for plans of 125, 250, 500 and 1,000 tasks, each compared with itself.

    PYTHONPATH=src python benchmarks/bench_align.py [--sizes 125,250,500,1000] [--baseline-up-to 250]

Prints, per size, the time of `compare` (alignment, findings, groups; the parse is excluded) with
the all-pairs scoring, and for sizes up to --baseline-up-to the same comparison with every pair
scored on its own (`score_matrix_pairwise`, the definition), measured in this process: the ratio
is the speed-up, and the findings must be identical.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_plans import big_plan


def _timed_compare(plan: object) -> tuple[float, str]:
    import plancompare
    from plancompare.serialize import to_json

    started = time.perf_counter()
    comparison = plancompare.compare(plan, plan)  # type: ignore[arg-type]
    return time.perf_counter() - started, to_json(comparison)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="125,250,500,1000")
    parser.add_argument("--baseline-up-to", type=int, default=250)
    args = parser.parse_args()
    import plancompare
    from plancompare.align import decide, scores

    plancompare.compare(None, plancompare.parse(big_plan(20).encode("utf-8"), name="warm.md"))  # imports
    print(f"{'tasks':>6} {'pairs':>9} {'all-pairs s':>12} {'pair-by-pair s':>15} {'speed-up':>9}  findings")
    for size in (int(s) for s in args.sizes.split(",")):
        plan = plancompare.parse(big_plan(size).encode("utf-8"), name=f"big-{size}.md")
        fast_s, fast_json = _timed_compare(plan)
        line = f"{size:>6} {size * size:>9} {fast_s:>12.2f}"
        if size <= args.baseline_up_to:
            fast_matrix = decide.score_matrix
            decide.score_matrix = scores.score_matrix_pairwise  # type: ignore[assignment]
            try:
                slow_s, slow_json = _timed_compare(plan)
            finally:
                decide.score_matrix = fast_matrix
            same = "identical" if slow_json == fast_json else "DIFFERENT"
            line += f" {slow_s:>15.2f} {slow_s / fast_s:>8.1f}x  {same}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
