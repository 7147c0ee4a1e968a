"""Write the JSON schema of the public models to docs/ (a test checks it is current).

python scripts/gen_schema.py
"""

from __future__ import annotations

import json
import pathlib
import sys

from plancompare.model import Plan
from plancompare.model.comparison import Comparison
from plancompare.model.reference import Reference

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"


def schemas() -> dict[str, str]:
    models = {"plan": Plan, "comparison": Comparison, "reference": Reference}
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        for name, model in models.items()
    }


def main() -> int:
    for name, text in schemas().items():
        (DOCS / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
