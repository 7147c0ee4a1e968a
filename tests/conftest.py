from __future__ import annotations

import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


def load_gold(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((GOLD / name).read_text(encoding="utf-8"))
