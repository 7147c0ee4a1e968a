"""Parse time of each wide-corpus document against its format's plain reader, in one process.

    python benchmarks/bench_wide.py [--repeat 7]

Baseline: reading the file's bytes and tokenizing it with markdown-it-py (the CommonMark parser
rich already depends on) — what any markdown tool pays to read the same bytes. plancompare does
that much and more: site and page furniture, one-cell-per-line tables, the section tree, units,
deadlines, targets. Prints best-of-N milliseconds and the ratio per document.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import best_of

ROOT = Path(__file__).resolve().parent.parent
WIDE = ROOT / "corpora" / "wide"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    from markdown_it import MarkdownIt

    import plancompare

    md = MarkdownIt()
    plancompare.parse(next(WIDE.glob("*.md")))  # load the glossary and the lazy modules once
    print(f"{'document':<52} {'lines':>6} {'markdown-it':>12} {'plancompare':>12} {'ratio':>7}")
    ratios = []
    for path in sorted(WIDE.glob("*.md")):
        lines = path.read_text(encoding="utf-8").count("\n")
        base = best_of(args.repeat, lambda p=path: md.parse(p.read_bytes().decode("utf-8")))
        ours = best_of(args.repeat, lambda p=path: plancompare.parse(p))
        ratios.append(ours / base)
        print(
            f"{path.name:<52} {lines:>6} {base * 1000:>10.1f}ms {ours * 1000:>10.1f}ms {ours / base:>6.1f}x"
        )
    ratios.sort()
    print(f"median ratio {ratios[len(ratios) // 2]:.1f}x (best of {args.repeat}, same process)")


if __name__ == "__main__":
    main()
