"""Cold start of `plancompare diff` on two text plans, whole process, against the baseline
`python -c "import pdfplumber"` measured in the same run (goal: within 4x).

    python benchmarks/bench_cold_start.py [--rounds 15]

Runs alternate (baseline, diff text, diff json, …) so both see the same machine load; the best of
the rounds is compared, since load only ever adds time. Wall-clock time is the goal's measure; the
processes' CPU time (user + system) is printed too, because on a shared machine it varies less.
The runs use the user cache as it is after the warm-up run (compiled patterns and parsed data files
kept there, as Python keeps .pyc files); the first run after installing, with an empty cache, is
printed too. Also lists the heaviest imports of the diff path (python -X importtime), to show what a start-up
pays for.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = [ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md", ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"]
BASELINE = [sys.executable, "-c", "import pdfplumber"]
DIFF = [sys.executable, "-m", "plancompare", "diff", *map(str, PLANS)]
GOAL = 4.0


def _env(cache: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "0"}
    if cache is not None:
        env["XDG_CACHE_HOME"] = cache
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _seconds(command: list[str], cache: str | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of `command` (with `cache` as the user cache folder)."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(cache), check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def _first_run() -> float:
    """The text diff with an empty user cache, as on the first run after installing."""
    with tempfile.TemporaryDirectory() as cache:
        return _seconds(DIFF, cache)[0]


def heaviest_imports(command: list[str], top: int = 12) -> list[tuple[int, str]]:
    """Top-level packages by cumulative import time (microseconds), from -X importtime."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, env=_env(), check=True
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            if not name.startswith("  "):  # imported by the program itself, not by another module
                rows.append((int(parts[1]), name.strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    commands = {"baseline": BASELINE, "diff (text)": DIFF, "diff (json)": [*DIFF, "-f", "json"]}
    for command in commands.values():  # warm the file cache and the bytecode
        _seconds(command)
    wall = {name: float("inf") for name in commands}
    cpu = dict(wall)
    for _ in range(rounds):
        for name, command in commands.items():
            seconds, cpu_seconds = _seconds(command)
            wall[name], cpu[name] = min(wall[name], seconds), min(cpu[name], cpu_seconds)
    print(
        f"baseline  python -c 'import pdfplumber': {wall['baseline'] * 1000:.0f} ms wall, "
        f"{cpu['baseline'] * 1000:.0f} ms CPU (best of {rounds})"
    )
    for name in ("diff (text)", "diff (json)"):
        ratio = wall[name] / wall["baseline"]
        verdict = "ok" if ratio <= GOAL else f"over the {GOAL:g}x goal"
        print(
            f"{name:12} plancompare diff (2 text plans): {wall[name] * 1000:.0f} ms = {ratio:.2f}x baseline "
            f"({verdict}); CPU {cpu[name] / cpu['baseline']:.2f}x"
        )
    first = min(_first_run() for _ in range(max(3, rounds // 3)))
    print(
        f"first run after installing (empty user cache: patterns compiled, data files parsed, both "
        f"written): {first * 1000:.0f} ms = {first / wall['baseline']:.2f}x baseline"
    )
    print("heaviest imports of `plancompare diff` (cumulative ms):")
    for micros, name in heaviest_imports(DIFF):
        print(f"  {micros / 1000:7.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
