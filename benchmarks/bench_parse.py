"""Parse speed against the libraries underneath, in one process, best of N runs.

    python benchmarks/bench_parse.py [PDF ...] [--runs N] [--ocr]

Times, over the same pages: pypdfium2 text alone (the floor), pdfplumber `extract_text` (the
yardstick: the target is a whole parse at most 1.0x of it), plancompare's PDF reader, and the
whole parse (`plancompare.api.parse`: reader + structure + extraction). With --ocr it also times
the scanned fixture (tesseract; jobs = CPU count). No assertions: CI prints, people judge.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT = [
    ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf",
    ROOT / "corpora" / "real" / "QD-1074-QD-BXD-29-6-2026.pdf",
    ROOT / "corpora" / "real" / "CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf",
]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def reader(path: Path) -> None:
    from plancompare.readers import read_path

    read_path(path)


def whole_parse(path: Path) -> None:
    try:
        from plancompare.api import parse
    except ImportError:  # before the pipeline existed, the reader was the whole parse
        reader(path)
        return
    parse(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ocr", action="store_true", help="also time OCR of the scanned fixture")
    args = ap.parse_args()
    for path in args.pdfs:
        # Warm imports and caches once so the first timed run is not charged for them.
        whole_parse(path)
        plumber_text(path)
        floor = best_of(args.runs, lambda p=path: pdfium_text(p))
        yard = best_of(args.runs, lambda p=path: plumber_text(p))
        ours = best_of(args.runs, lambda p=path: reader(p))
        whole = best_of(args.runs, lambda p=path: whole_parse(p))
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print(f"  pypdfium2 text        {floor * 1000:8.1f} ms   {floor / yard:5.2f}x pdfplumber")
        print(f"  pdfplumber text       {yard * 1000:8.1f} ms   1.00x")
        print(f"  plancompare reader    {ours * 1000:8.1f} ms   {ours / yard:5.2f}x pdfplumber")
        print(
            f"  plancompare parse     {whole * 1000:8.1f} ms   {whole / yard:5.2f}x pdfplumber (target <= 1.00x)"
        )
    if args.ocr:
        from plancompare.options import ParseOptions
        from plancompare.readers import read_path

        scan = ROOT / "tests" / "data" / "fixtures" / "scan-nghe-an.pdf"
        jobs = os.cpu_count() or 1
        seconds = best_of(1, lambda: read_path(scan, ParseOptions(jobs=jobs)))
        print(f"{scan.relative_to(ROOT)}: OCR read {seconds:.1f} s with {jobs} jobs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
