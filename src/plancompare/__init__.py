"""plancompare: read Vietnamese government plans and check them against the national plan.

    import plancompare
    plan = plancompare.parse("corpora/plans/nghe-an-686-KH-UBND-2025.md")
    plan.tasks[0].lead_units

Names are loaded on first use, so `import plancompare` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "parse": ("plancompare.api", "parse"),
    "load_plan_json": ("plancompare.api", "load_plan_json"),
    "ParseOptions": ("plancompare.options", "ParseOptions"),
    "Plan": ("plancompare.model", "Plan"),
    "to_json": ("plancompare.serialize", "to_json"),
    "PlanCompareError": ("plancompare.errors", "PlanCompareError"),
    "compare": ("plancompare.diff", "compare"),
    "compare_many": ("plancompare.batch.run", "compare_many"),
    "load_reference": ("plancompare.reference", "load_reference"),
}

if TYPE_CHECKING:
    from .api import load_plan_json, parse
    from .batch.run import compare_many
    from .diff import compare
    from .errors import PlanCompareError
    from .model import Plan
    from .options import ParseOptions
    from .reference import load_reference
    from .serialize import to_json

__all__ = [
    "ParseOptions",
    "Plan",
    "PlanCompareError",
    "__version__",
    "compare",
    "compare_many",
    "load_plan_json",
    "load_reference",
    "parse",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plancompare' has no attribute {name!r}")
