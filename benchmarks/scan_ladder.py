"""Degradation ladder for scanned plans: how much of the gold parse survives a worse scan.

    python benchmarks/scan_ladder.py [--levels NAME ...] [--jobs N] [--show-misses]

Renders the typeset Nghệ An plan (corpora/pdf, 18 pages, an 11-page ruled appendix table) as a
scan at each level of the ladder — resolution, blur, JPEG quality, skew, speckle — parses the
scanned PDF with OCR and prints, per level: the gold score (fields matched / fields checked by
the shared `gold_check.py`, out of what the text layer scores — a task not found at all counts
as one miss there, so the text layer's count is the honest denominator; the negated number of
mismatches of the project's own field checks when ../shared is absent), the
share of gold tasks found with the right lead units and deadline, the task count, and the time.
Deterministic: the noise is seeded. Needs tesseract with `vie`. No assertions: people judge.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from scanlab import Degradation, scan  # noqa: E402  (tests/ is put on the path just above)

SOURCE = ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf"
GOLD = ROOT / "tests" / "data" / "gold" / "nghe-an-686-KH-UBND-2025.json"
GOLD_CHECK = ROOT.parent / "shared" / "tools" / "gold_check.py"


LADDER: list[tuple[str, Degradation]] = [
    ("300dpi", Degradation(300)),
    ("200dpi", Degradation(200)),
    ("150dpi", Degradation(150)),
    ("200dpi-blur0.8", Degradation(200, blur=0.8)),
    ("200dpi-blur1.2", Degradation(200, blur=1.2)),
    ("200dpi-jpeg90", Degradation(200, jpeg=90)),
    ("200dpi-jpeg50", Degradation(200, jpeg=50)),
    ("200dpi-jpeg30", Degradation(200, jpeg=30)),
    ("200dpi-skew+2", Degradation(200, skew=2.0)),
    ("200dpi-skew-2", Degradation(200, skew=-2.0)),
    ("200dpi-speckle", Degradation(200, speckle=0.004)),
    ("200dpi-blur0.8-jpeg50 (goal)", Degradation(200, blur=0.8, jpeg=50)),
    ("150dpi-blur0.8-jpeg50", Degradation(150, blur=0.8, jpeg=50)),
    ("150dpi-blur0.8-jpeg30", Degradation(150, blur=0.8, jpeg=30)),
]


def _gold_checker() -> Any:
    if not GOLD_CHECK.exists():
        return None
    spec = importlib.util.spec_from_file_location("gold_check", GOLD_CHECK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def task_share(gold: dict[str, Any], got: dict[str, Any]) -> tuple[int, int]:
    """Gold tasks found (text start) with the same lead units and deadline kind and date."""
    from goldcompare import f

    right = 0
    for want in gold["tasks"]:
        task = next((t for t in got["tasks"] if f(t["text"]).startswith(f(want["starts_with"]))), None)
        if task is None:
            continue
        leads = sorted(f(u["text"]) for u in task["lead_units"]) == sorted(map(f, want["lead_units"]))
        wd, d = want["deadline"], task["deadline"]
        deadline = d["kind"] == wd["kind"] and (not wd.get("date") or d.get("date") == wd["date"])
        right += leads and deadline
    return right, len(gold["tasks"])


def gold_score(gold: dict[str, Any], got: dict[str, Any], checker: Any) -> tuple[int, int, list[str]]:
    if checker is not None:
        c = checker.compare(gold, got, "scan")
        return c.ok, c.total, c.misses
    from goldcompare import check_all

    misses = check_all(gold, got)
    return -len(misses), 0, misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levels", nargs="*", help="level names (or prefixes) to run; default all")
    ap.add_argument("--jobs", type=int, default=2, help="pages OCR'd in parallel")
    ap.add_argument("--show-misses", action="store_true", help="print each gold field missed")
    ap.add_argument("--save", type=Path, help="also write each level's scanned PDF into this folder")
    args = ap.parse_args()

    from plancompare import ParseOptions, parse, to_json

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    checker = _gold_checker()
    levels = [lv for lv in LADDER if not args.levels or any(lv[0].startswith(p) for p in args.levels)]
    text_plan = json.loads(to_json(parse(SOURCE)))
    ok, most, _ = gold_score(gold, text_plan, checker)
    right, n = task_share(gold, text_plan)
    print(f"{'level':40} {'gold':>9} {'tasks ok':>9} {'tasks':>5} {'seconds':>7}")
    print(f"{'text layer (reference)':40} {ok:>4}/{most:<4} {right:>4}/{n:<4} {len(text_plan['tasks']):>5}")
    for name, how in levels:
        data = scan(SOURCE, how)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name.split()[0]}.pdf").write_bytes(data)
        start = time.perf_counter()
        got = json.loads(to_json(parse(data, options=ParseOptions(jobs=args.jobs))))
        seconds = time.perf_counter() - start
        ok, _, misses = gold_score(gold, got, checker)
        right, n = task_share(gold, got)
        print(
            f"{name:40} {ok:>4}/{most:<4} {right:>4}/{n:<4} {len(got['tasks']):>5} {seconds:>7.1f}",
            flush=True,
        )
        if args.show_misses:
            for miss in misses:
                print(f"    {miss[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
