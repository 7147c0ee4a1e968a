"""Precision and recall of findings on mutations of the Nghệ An plan.

    PYTHONPATH=src python benchmarks/bench_mutations.py [PLAN.md] [-v]

Reference: the unmutated plan, parsed. Each mutation must be reported (recall) and nothing else may
be (precision). Target: >= 0.95 each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutations import build, reported

DEFAULT = Path(__file__).resolve().parents[1] / "corpora/plans/nghe-an-686-KH-UBND-2025.md"


def run(plan_path: Path, verbose: bool = False) -> tuple[float, float]:
    from plancompare.api import parse
    from plancompare.diff import compare
    from plancompare.reference import reference_from_plan
    from plancompare.serialize import to_data

    text = plan_path.read_text(encoding="utf-8")
    reference = reference_from_plan(parse(plan_path))
    tp = fp = fn = 0
    started = time.perf_counter()
    mutations = build(text)
    for mutation in mutations:
        plan = parse(mutation.text.encode("utf-8"), name=f"{mutation.name}.md")
        got = reported(to_data(compare(reference, plan))["findings"])
        hit = got & mutation.expected
        tp += len(hit)
        fp += len(got - mutation.expected)
        fn += len(mutation.expected - got)
        if verbose or got != mutation.expected:
            status = "ok " if got == mutation.expected else "BAD"
            print(f"{status} {mutation.name}: expected {sorted(mutation.expected)} got {sorted(got)}")
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{len(mutations)} mutations, {tp + fn} expected findings: precision {precision:.3f}, "
        f"recall {recall:.3f} ({elapsed:.2f}s, {elapsed / len(mutations) * 1000:.0f} ms per mutation)"
    )
    return precision, recall


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    p, r = run(Path(args[0]) if args else DEFAULT, verbose="-v" in sys.argv)
    sys.exit(0 if p >= 0.95 and r >= 0.95 else 1)
