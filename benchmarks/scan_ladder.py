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
import io
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

SOURCE = ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf"
GOLD = ROOT / "tests" / "data" / "gold" / "nghe-an-686-KH-UBND-2025.json"
GOLD_CHECK = ROOT.parent / "shared" / "tools" / "gold_check.py"


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    dpi: int
    blur: float = 0.0  # Gaussian radius in pixels
    jpeg: int = 95  # JPEG quality of the page images in the PDF
    skew: float = 0.0  # degrees, counter-clockwise
    speckle: float = 0.0  # share of pixels flipped to black or white
    noise: float = 6.0  # sensor noise (standard deviation, grey levels)


LADDER = [
    Level("300dpi", 300),
    Level("200dpi", 200),
    Level("150dpi", 150),
    Level("200dpi-blur0.8", 200, blur=0.8),
    Level("200dpi-blur1.2", 200, blur=1.2),
    Level("200dpi-jpeg90", 200, jpeg=90),
    Level("200dpi-jpeg70", 200, jpeg=70),
    Level("200dpi-jpeg50", 200, jpeg=50),
    Level("200dpi-jpeg30", 200, jpeg=30),
    Level("200dpi-skew+2", 200, skew=2.0),
    Level("200dpi-skew-2", 200, skew=-2.0),
    Level("200dpi-speckle", 200, speckle=0.004),
    Level("200dpi-blur0.8-jpeg50 (goal)", 200, blur=0.8, jpeg=50),
    Level("200dpi-blur0.8-jpeg50-skew1-speckle", 200, blur=0.8, jpeg=50, skew=1.0, speckle=0.002),
    Level("150dpi-blur0.8-jpeg50", 150, blur=0.8, jpeg=50),
    Level("150dpi-jpeg30", 150, jpeg=30),
]


def degrade_page(image: Any, level: Level, seed: int) -> Any:
    """One rendered page as a scanner and its JPEG encoder would leave it (before encoding)."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    if level.skew:
        image = image.rotate(level.skew, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    if level.blur:
        image = image.filter(ImageFilter.GaussianBlur(level.blur))
    arr = np.asarray(image, dtype=np.float32)
    if level.noise:
        arr = arr + rng.normal(0.0, level.noise, arr.shape)
    if level.speckle:
        flip = rng.random(arr.shape)
        arr[flip < level.speckle / 2] = 0.0
        arr[flip > 1 - level.speckle / 2] = 255.0
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def scan_pdf(source: Path, level: Level, seed: int = 686, only: range | None = None) -> bytes:
    """The document (or some of its pages) as an image-only PDF at the level's resolution and
    JPEG quality."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    pages = []
    try:
        for k, page in enumerate(pdf):
            if only is not None and k not in only:
                continue
            image = page.render(scale=level.dpi / 72, grayscale=True).to_pil().convert("L")
            pages.append(degrade_page(image, level, seed + k))
            page.close()
    finally:
        pdf.close()
    buf = io.BytesIO()
    pages[0].save(
        buf, format="PDF", save_all=True, append_images=pages[1:], resolution=level.dpi, quality=level.jpeg
    )
    return buf.getvalue()


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
    levels = [lv for lv in LADDER if not args.levels or any(lv.name.startswith(p) for p in args.levels)]
    text_plan = json.loads(to_json(parse(SOURCE)))
    ok, most, _ = gold_score(gold, text_plan, checker)
    right, n = task_share(gold, text_plan)
    print(f"{'level':40} {'gold':>9} {'tasks ok':>9} {'tasks':>5} {'seconds':>7}")
    print(f"{'text layer (reference)':40} {ok:>4}/{most:<4} {right:>4}/{n:<4} {len(text_plan['tasks']):>5}")
    for level in levels:
        data = scan_pdf(SOURCE, level)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{level.name.split()[0]}.pdf").write_bytes(data)
        start = time.perf_counter()
        got = json.loads(to_json(parse(data, options=ParseOptions(jobs=args.jobs))))
        seconds = time.perf_counter() - start
        ok, _, misses = gold_score(gold, got, checker)
        right, n = task_share(gold, got)
        print(
            f"{level.name:40} {ok:>4}/{most:<4} {right:>4}/{n:<4} {len(got['tasks']):>5} {seconds:>7.1f}",
            flush=True,
        )
        if args.show_misses:
            for miss in misses:
                print(f"    {miss[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
