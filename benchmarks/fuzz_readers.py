"""Coverage-guided fuzzing of the readers (and the pipeline behind them) with atheris.

Not part of the test suite or CI: run it by hand for a bounded time.

    pip install 'plancompare[fuzz]'     # atheris
    PYTHONPATH=src python benchmarks/fuzz_readers.py --target text --seconds 120
    PYTHONPATH=src python benchmarks/fuzz_readers.py --target pdf --seconds 120

A finding is any exception other than PlanCompareError (the typed errors bad input must end in),
a hard crash in a native library, or one input running longer than --per-input seconds. libFuzzer
writes the input to ./crash-* / ./timeout-*; replay it with
`PYTHONPATH=src python -m plancompare --debug parse crash-…`.

Seeds: tests/data/bad/ and the corpora plans (text target) or the small PDFs (pdf target).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_SIZE_LIMIT = 64 * 1024  # libFuzzer mutates small inputs far better than megabytes


def _seeds(target: str) -> list[Path]:
    bad = ROOT / "tests" / "data" / "bad"
    if target == "pdf":
        paths = sorted(bad.glob("*.pdf"))
    else:
        paths = [p for p in sorted(bad.iterdir()) if p.suffix in (".txt", ".md", ".json", ".yaml")]
        paths += sorted((ROOT / "corpora" / "plans").glob("*"))
    return [p for p in paths if p.is_file() and 0 < p.stat().st_size <= SEED_SIZE_LIMIT]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", choices=("text", "markdown", "pdf"), default="text")
    ap.add_argument("--seconds", type=int, default=60, help="total fuzzing time")
    ap.add_argument("--per-input", type=int, default=20, help="seconds one input may take")
    ap.add_argument("--max-len", type=int, default=16384, help="largest generated input, bytes")
    args, rest = ap.parse_known_args()

    import atheris

    with atheris.instrument_imports():
        from plancompare.errors import PlanCompareError
        from plancompare.options import OcrMode, ParseOptions
        from plancompare.pipeline import build_plan
        from plancompare.readers import read_bytes

    # OCR off: fuzzing tesseract is not the point, and it would dominate the time.
    options = ParseOptions(ocr=OcrMode.NEVER, max_pages=20, time_budget_s=float(args.per_input))
    name = {"text": "fuzz.txt", "markdown": "fuzz.md", "pdf": "fuzz.pdf"}[args.target]

    def one_input(data: bytes) -> None:
        # A typed error with a message is the correct outcome for bad bytes; anything else escapes.
        with contextlib.suppress(PlanCompareError):
            build_plan(read_bytes(data, name, options), options)

    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{args.target}-"))
    for seed in _seeds(args.target):
        shutil.copy(seed, corpus / seed.name)
    libfuzzer_args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={args.seconds}",
        f"-timeout={args.per_input}",
        f"-max_len={args.max_len}",
        "-rss_limit_mb=3072",
        "-print_final_stats=1",
        *rest,
    ]
    atheris.Setup(libfuzzer_args, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
