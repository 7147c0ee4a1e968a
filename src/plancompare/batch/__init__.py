"""Many plans against one reference: `compare_many` (any `concurrent.futures.Executor`), the cache,
and the outputs of `plancompare coverage` (matrix, summary, workbook, heatmap, HTML index).

Names are loaded on first use, so the command line can name the output formats cheaply."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import PlanError, PlanResult, PlanRow
    from .run import compare_many, compare_path, discover

_LAZY = {
    "PlanError": ".model",
    "PlanResult": ".model",
    "PlanRow": ".model",
    "compare_many": ".run",
    "compare_path": ".run",
    "discover": ".run",
}
__all__ = ["PlanError", "PlanResult", "PlanRow", "compare_many", "compare_path", "discover"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
