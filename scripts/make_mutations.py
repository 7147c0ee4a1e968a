"""Write the mutation suite of a plan to a folder: one markdown file per mutation plus expected.json.

python scripts/make_mutations.py corpora/plans/nghe-an-686-KH-UBND-2025.md OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from mutations import build


def main(plan: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    expected = {}
    for m in build(Path(plan).read_text(encoding="utf-8")):
        (out / f"{m.name}.md").write_text(m.text, encoding="utf-8")
        expected[m.name] = sorted([list(e) for e in m.expected])
    (out / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"{len(expected)} mutations written to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
