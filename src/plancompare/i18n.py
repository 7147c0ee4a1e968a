"""The one message catalogue: every label and sentence a person reads, Vietnamese first.

The texts live in `data/messages.toml`, both languages side by side, so a translator edits one
file without reading code (see README, "Languages"). This module loads and checks it: every message
has both languages with the same `{placeholders}`. JSON output never goes through here: its keys and
codes stay as in CONTRACT.md.

The language is `vi` unless `--lang en` or `PLANCOMPARE_LANG=en` says otherwise.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

ENV_VAR = "PLANCOMPARE_LANG"


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


DEFAULT_LANG = Lang.VI


@dataclass(frozen=True, slots=True)
class Message:
    """One message in both languages. A plain dataclass, not pydantic: the catalogue is read on the
    `--help` path, which must stay instant."""

    vi: str
    en: str

    def __post_init__(self) -> None:
        if not isinstance(self.vi, str) or not isinstance(self.en, str):
            raise TypeError(f"a message needs text in both languages: {self!r}")
        if placeholders(self.vi) != placeholders(self.en):
            raise ValueError(f"placeholders differ: {self.vi!r} / {self.en!r}")

    def text(self, lang: Lang) -> str:
        return self.vi if lang is Lang.VI else self.en


@dataclass(frozen=True, slots=True)
class Catalogue:
    messages: dict[str, Message]

    def get(self, key: str, lang: Lang, **values: object) -> str:
        text = self.messages[key].text(lang)
        return text.format(**values) if values else text

    def find(self, key: str, lang: Lang, **values: object) -> str | None:
        """The message, or None when the catalogue has no such key (a code this version does not know)."""
        return self.get(key, lang, **values) if key in self.messages else None


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    """TOML sections [a.b] nest; a table holding the language keys is one message "a.b"."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if not isinstance(value, Mapping):
            continue
        name = f"{prefix}{key}"
        if set(value) & {lang.value for lang in Lang}:
            out[name] = dict(value)
        else:
            out.update(_flatten(value, f"{name}."))
    return out


def _parsed(text: str) -> dict[str, dict[str, str]]:
    """The catalogue's TOML, flattened. Parsing it (and importing tomllib) costs ~20 ms at every
    start; the result is kept as JSON in the user's cache folder, keyed by the text's hash, like
    Python's own .pyc files. A cache that cannot be read or written is simply not used."""
    from . import user_cache

    def parse(toml: str) -> dict[str, dict[str, str]]:
        import tomllib

        return _flatten(tomllib.loads(toml))

    cached: dict[str, dict[str, str]] = user_cache.parsed("messages", text, parse)
    return cached


@cache
def catalogue() -> Catalogue:
    from importlib.resources import files

    text = files("plancompare.data").joinpath("messages.toml").read_text(encoding="utf-8")
    return Catalogue({key: Message(**texts) for key, texts in _parsed(text).items()})


def parse_lang(value: str | None) -> Lang | None:
    """ "vi", "en", "en_US.UTF-8", "VI" -> a Lang; anything else -> None."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return next((lang for lang in Lang if lang.value == code), None)


def lang_from_args(args: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """`--lang X` / `--lang=X` anywhere on the command line wins, then PLANCOMPARE_LANG, then vi.
    Read before the command line is parsed, because help text is shown in this language."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return parse_lang(arg.partition("=")[2]) or DEFAULT_LANG
        if arg == "--lang" and i + 1 < len(args):
            return parse_lang(args[i + 1]) or DEFAULT_LANG
    env = os.environ if environ is None else environ
    return parse_lang(env.get(ENV_VAR)) or DEFAULT_LANG


def t(key: str, lang: Lang, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return catalogue().get(key, lang, **values)


def t_or(key: str, fallback: str, lang: Lang, **values: object) -> str:
    """The message `key`, or `fallback` when the catalogue does not have it (e.g. a new finding kind)."""
    found = catalogue().find(key, lang, **values)
    return fallback if found is None else found


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number as the reader writes it: decimal comma and thousands dot in Vietnamese."""
    text = f"{value:,.{decimals}f}"
    if lang is Lang.VI:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(fraction: float, lang: Lang) -> str:
    return f"{number(fraction * 100, lang)}%"
