"""A SQLite cache of comparisons, keyed by what decides them: the plan's bytes (sha256), the
reference, the parse options and the library version. A rerun after adding ten plans compares ten;
a run that was interrupted resumes, since each result is committed as soon as it is done. Failures
are not cached: the next run tries the file again."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

from .. import __version__
from ..model.comparison import Comparison
from ..model.reference import Reference
from ..options import ParseOptions
from .model import PlanResult
from .run import file_sha256

CACHE_FILE = "plancompare-cache.sqlite"


def default_cache_dir() -> Path:
    """The user cache folder ($XDG_CACHE_HOME or ~/.cache, per the XDG convention)."""
    from .. import user_cache

    return Path(user_cache.folder())


class ResultCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS comparisons (key TEXT PRIMARY KEY, path TEXT, data BLOB)"
        )
        self._context = ""
        self.hits = 0

    def bind(self, reference: Reference, options: ParseOptions, include_not_applicable: bool = False) -> None:
        """Results are valid for one reference, one set of options and one library version."""
        digest = hashlib.sha256()
        scope = "with-not-applicable" if include_not_applicable else ""  # empty: keys as before
        for part in (
            __version__,
            reference.model_dump_json(),
            options.model_dump_json(),
            *filter(None, [scope]),
        ):
            digest.update(part.encode("utf-8") + b"\0")
        self._context = digest.hexdigest()

    def _key(self, sha256: str) -> str:
        return hashlib.sha256(f"{self._context}:{sha256}".encode()).hexdigest()

    def split(self, paths: list[str]) -> tuple[list[str], Iterator[PlanResult]]:
        """(paths to compare, cached results of the others, loaded lazily)."""
        todo: list[str] = []
        found: list[tuple[str, str, str]] = []
        for path in paths:
            sha = file_sha256(path)
            key = self._key(sha) if sha else None
            row = key and self._db.execute("SELECT 1 FROM comparisons WHERE key = ?", (key,)).fetchone()
            if row and sha and key:
                found.append((path, sha, key))
            else:
                todo.append(path)
        self.hits += len(found)
        return todo, self._load(found)

    def _load(self, found: list[tuple[str, str, str]]) -> Iterator[PlanResult]:
        for path, sha, key in found:
            (data,) = self._db.execute("SELECT data FROM comparisons WHERE key = ?", (key,)).fetchone()
            comparison = Comparison.model_validate_json(zlib.decompress(data))
            comparison.plan.source.path = path  # the same bytes may have been met under another name
            yield PlanResult(path=path, sha256=sha, comparison=comparison, cached=True)

    def put(self, result: PlanResult) -> None:
        if result.comparison is None or result.sha256 is None:
            return
        data = zlib.compress(result.comparison.model_dump_json().encode("utf-8"))
        self._db.execute(
            "INSERT OR REPLACE INTO comparisons (key, path, data) VALUES (?, ?, ?)",
            (self._key(result.sha256), result.path, data),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
