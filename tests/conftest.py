from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Iterator

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


def load_gold(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _cli_language_reset() -> Iterator[None]:
    """`plancompare.cli.main` keeps the language of the run (`--lang` before the command) in the
    process, as a one-shot CLI may; tests that call it in-process must not pass it to the next."""
    yield
    options = sys.modules.get("plancompare.cli_options")  # never imported here for a test that did not
    if options is not None:
        options.set_lang(None)
