"""The user's cache folder ($XDG_CACHE_HOME or ~/.cache, per the XDG convention), for what a run
can rebuild but should not rebuild at every start: the parsed message catalogue, compiled patterns.
Like Python's .pyc files, a cache file that cannot be read or written is simply not used."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "plancompare")


def read(name: str) -> bytes | None:
    try:
        with open(os.path.join(folder(), name), "rb") as fh:
            return fh.read()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Written whole or not at all: a temporary file renamed over the old one, so two processes
    writing at once (a batch's workers) never leave half a file."""
    path = os.path.join(folder(), name)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder(), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(tmp)


def parsed(kind: str, text: str, parse: Callable[[str], Any]) -> Any:
    """`parse(text)` for a data file the package ships (YAML, TOML), kept as JSON under the text's
    hash: json.loads takes a millisecond where importing and running the YAML or TOML parser took
    ~20 ms at every start. The value is always the JSON round trip (a YAML date becomes its ISO
    text), so a run that parsed and a run that read the cache see the same thing."""
    import hashlib
    import json

    name = f"{kind}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.json"
    data = read(name)
    if data is not None:
        try:
            return json.loads(data)
        except ValueError:
            pass
    encoded = json.dumps(parse(text), ensure_ascii=False, default=str)
    write(name, encoded.encode("utf-8"))
    return json.loads(encoded)
