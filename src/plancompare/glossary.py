"""The unit glossary (data/units.yaml): canonical names, abbreviations, aliases and counterparts one
level up or down (Bộ Tài chính ≈ Sở Tài chính). Loaded once, lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from .text import rx
from .text.fold import fold, fold_ascii

_EDGE = rx.compile(r"^[\s\-–•.;,:]+|[\s.;,:]+$")
_LEADING_CAC = rx.compile(r"^(?:các|cac)\s+")
_NOTE = rx.compile(r"\s*\((?:để\s+)?(?:b/c|biết|t/h|thực hiện|phối hợp)[^)]*\)\s*$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    id: str
    name: str
    level: str | None
    kind: str | None
    counterparts: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(slots=True)
class Glossary:
    entries: dict[str, UnitEntry]
    provinces: list[str]
    _exact: dict[str, str] = field(default_factory=dict)
    _ascii: dict[str, str] = field(default_factory=dict)
    _patterns: list[tuple[regex.Pattern[str], str]] = field(default_factory=list)
    _surface: list[str] = field(default_factory=list)
    _hyphenated: list[regex.Pattern[str]] | None = None
    _names: regex.Pattern[str] | None = None

    def lookup(self, text: str) -> UnitEntry | None:
        """The glossary entry `text` names, tolerant of case, tone placement, "các", marks lost to
        OCR or typing, and small typos; None when nothing matches closely."""
        key = clean_unit_key(text)
        if not key:
            return None
        for k in (key, _LEADING_CAC.sub("", key)):
            if k in self._exact:
                return self.entries[self._exact[k]]
        for pattern, unit_id in self._patterns:
            if pattern.fullmatch(key) or pattern.fullmatch(_LEADING_CAC.sub("", key)):
                return self.entries[unit_id]
        akey = fold_ascii(key)
        for k in (akey, _LEADING_CAC.sub("", akey)):
            if k in self._ascii:
                return self.entries[self._ascii[k]]
        return self._fuzzy(akey)

    def _fuzzy(self, akey: str) -> UnitEntry | None:
        from rapidfuzz import fuzz, process

        if len(akey) < 8:
            return None
        hit = process.extractOne(akey, self._ascii.keys(), scorer=fuzz.ratio, score_cutoff=92)
        return self.entries[self._ascii[hit[0]]] if hit else None

    def surface_forms(self) -> list[str]:
        """Every name, alias and abbreviation as written in the glossary (for phrase matchers)."""
        return list(self._surface)

    def names_pattern(self) -> regex.Pattern[str]:
        """Every name and alias, folded (`clean_unit_key`), "{tinh}" ones as their patterns: one
        alternation to test a folded text against, whole (`fullmatch`) or as a name's beginning
        (`fullmatch(..., partial=True)`)."""
        if self._names is None:
            alternatives = sorted(
                {regex.escape(clean_unit_key(n)) for n in self._surface if clean_unit_key(n)}
            )
            alternatives += [pattern.pattern for pattern, _ in self._patterns]
            self._names = rx.compile("|".join(f"(?:{a})" for a in alternatives))
        return self._names

    def hyphenated_patterns(self) -> list[regex.Pattern[str]]:
        """Names the glossary spells with a spaced hyphen ("Bộ Lao động - Thương binh và Xã hội"),
        as patterns that find them in text whatever the spacing and case around the hyphen."""
        if self._hyphenated is None:
            names = sorted({n for n in self._surface if regex.search(r"\s[-–]\s", n)}, key=len, reverse=True)
            self._hyphenated = [
                rx.compile(
                    r"\s*[-–]\s*".join(regex.escape(p) for p in regex.split(r"\s*[-–]\s*", n)), regex.I
                )
                for n in names
            ]
        return self._hyphenated

    def same_role(self, a: str, b: str) -> bool:
        """Two canonical units do the same job, at the same or neighbouring levels: one is the
        other's counterpart or member, or they share one ("UBND các cấp", whose members include
        UBND tỉnh, and "UBND các xã, phường", whose counterpart is UBND tỉnh)."""
        if a == b:
            return True
        ea, eb = self.entries.get(a), self.entries.get(b)
        if ea is None or eb is None:
            return False
        return bool(self._role_set(ea) & self._role_set(eb))

    @staticmethod
    def _role_set(e: UnitEntry) -> set[str]:
        return {e.id, *e.counterparts, *e.members}

    def find_province(self, text: str) -> str | None:
        t = fold(text)
        for name in self.provinces:
            if regex.search(rf"(?<!\p{{L}}){regex.escape(fold(name))}(?!\p{{L}})", t):
                return name
        return None


def clean_unit_key(text: str) -> str:
    t = _NOTE.sub("", text)
    return str(_EDGE.sub("", fold(t)))


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _load_yaml(text: str) -> Any:
    import yaml

    # libyaml's loader is 25x faster than the pure-Python one (9 ms vs 220 ms for the glossary)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    from . import user_cache

    text = resources.files("plancompare.data").joinpath("units.yaml").read_text("utf-8")
    raw = user_cache.parsed("units", text, _load_yaml)
    entries: dict[str, UnitEntry] = {}
    names: dict[str, list[str]] = {}
    for section in ("units", "groups", "former_units"):
        for item in raw.get(section) or []:
            counterparts = [
                *_as_list(item.get("province_counterpart")),
                *_as_list(item.get("central_counterpart")),
                *_as_list(item.get("commune_counterpart")),
                *_as_list(item.get("merged_into")),
                *_as_list(item.get("absorbed")),
            ]
            entry = UnitEntry(
                id=item["id"],
                name=item["name"],
                level=item.get("level"),
                kind=item.get("kind") or section.rstrip("s"),
                counterparts=tuple(counterparts),
                members=tuple(_as_list(item.get("members"))),
            )
            entries[entry.id] = entry
            names[entry.id] = [item["name"], *_as_list(item.get("aliases")), *_as_list(item.get("abbr"))]
    provinces = [p["name"] for p in raw.get("provinces") or []]
    g = Glossary(entries=entries, provinces=sorted(provinces, key=len, reverse=True))
    province_alt = "|".join(regex.escape(fold(p)) for p in g.provinces)
    for unit_id, aliases in names.items():
        for alias in aliases:
            if "{tinh}" in alias or "{N}" in alias:
                pattern = regex.escape(clean_unit_key(alias.replace("{tinh}", "\0").replace("{N}", "\1")))
                pattern = pattern.replace("\\\0", f"(?:tỉnh|thành phố|{province_alt})").replace(
                    "\0", f"(?:tỉnh|thành phố|{province_alt})"
                )
                pattern = pattern.replace("\\\1", r"\d{1,2}").replace("\1", r"\d{1,2}")
                g._patterns.append((rx.compile(pattern), unit_id))
                continue
            key = clean_unit_key(alias)
            g._surface.append(alias)
            # first writer wins: units before groups before former units, names before aliases
            g._exact.setdefault(key, unit_id)
            g._ascii.setdefault(fold_ascii(key), unit_id)
    return g
