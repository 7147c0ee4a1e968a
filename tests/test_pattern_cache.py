"""Compiled patterns kept between runs (`plancompare.text.rx`): the same matches from the cache, a
damaged or foreign cache file ignored, never more than MAX_PATTERNS kept."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex

from plancompare.text import rx

PATTERN = r"(?P<cmp>tối thiểu|ít nhất)\s+(?P<v>\d+(?:,\d+)?)\s*%"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty user cache and a run that has not read it yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(rx, "_state", {"store": None, "new": 0})
    return tmp_path / "plancompare" / rx._FILE


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    rx._save()  # what the first run does at exit
    monkeypatch.setattr(rx, "_state", {"store": None, "new": 0})


def test_a_pattern_compiled_once_comes_from_the_cache_next_run(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = rx.compile(PATTERN, regex.IGNORECASE)
    assert not fresh.exists()  # written at exit, once
    _next_run(monkeypatch)
    assert fresh.is_file()
    calls: list[str] = []
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    again = rx.compile(PATTERN, regex.IGNORECASE)
    assert calls == []  # not parsed again
    text = "Tỷ lệ hộ nghèo được vay vốn ÍT NHẤT 15,5% đến năm 2030"
    assert again.search(text).groupdict() == first.search(text).groupdict() == {"cmp": "ÍT NHẤT", "v": "15,5"}
    assert again.flags == first.flags


def test_a_damaged_or_foreign_cache_file_is_ignored(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"\x80\x04 not a pickle")
    assert rx.compile(r"\d+").match("42")
    monkeypatch.setattr(rx, "_state", {"store": None, "new": 0})
    fresh.write_bytes(pickle.dumps({("x", 0): os.getcwd}))  # a pickle that builds something else
    assert rx._store() == {}
    assert rx.compile(r"\d+").match("42")


def test_the_cache_stops_growing(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rx, "MAX_PATTERNS", 2)
    for n in range(5):
        assert rx.compile(rf"a{{{n}}}").fullmatch("a" * n)
    assert len(rx._store()) == 2


def test_an_unwritable_cache_is_not_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(rx, "_state", {"store": None, "new": 0})
    assert rx.compile(r"\w+").match("Sở")
    rx._save()
    assert blocker.read_text(encoding="utf-8") == "not a folder"
