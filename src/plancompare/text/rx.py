"""Compiled patterns, kept between runs.

The `regex` module parses a pattern in Python: compiling the ~280 patterns of a run cost ~55 ms,
an eighth of a whole `plancompare diff` (issue #10). A compiled pattern pickles to its opcodes
(regex's own pickle support) and unpickles without being parsed again, so the patterns a run
compiles are kept in the user cache, in one file per regex and Python version, and read in one go
at the first `compile` of the next run. Only the package's own patterns go through here — never
one built from a document's text — and the file stops growing at MAX_PATTERNS.

The file is read with an unpickler that builds nothing but compiled patterns.
"""

from __future__ import annotations

import atexit
import io
import pickle
import sys
from typing import Any, AnyStr

import regex

from .. import user_cache

MAX_PATTERNS = 4096
_FILE = f"patterns-regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
_state: dict[str, Any] = {"store": None, "new": 0}
_at_exit: list[bool] = []


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def _store() -> dict[tuple[str | bytes, int], regex.Pattern[Any]]:
    store = _state["store"]
    if store is None:
        store = {}
        data = user_cache.read(_FILE)
        if data:
            try:
                loaded = _PatternUnpickler(io.BytesIO(data)).load()
                if isinstance(loaded, dict):
                    store = loaded
            except Exception:
                store = {}
        _state["store"] = store
        if not _at_exit:
            atexit.register(_save)
            _at_exit.append(True)
    return store  # type: ignore[no-any-return]


def _save() -> None:
    if _state["new"]:
        user_cache.write(_FILE, pickle.dumps(_state["store"], protocol=pickle.HIGHEST_PROTOCOL))
        _state["new"] = 0


def compile(pattern: AnyStr, flags: int = 0) -> regex.Pattern[AnyStr]:
    """`regex.compile(pattern, flags)`, from the cache when a run has compiled it before."""
    store = _store()
    key = (pattern, int(flags) | int(regex.DEFAULT_VERSION))  # a pattern's meaning depends on both
    compiled = store.get(key)
    if compiled is None:
        compiled = regex.compile(pattern, flags)
        if len(store) < MAX_PATTERNS:
            store[key] = compiled
            _state["new"] += 1
    return compiled
