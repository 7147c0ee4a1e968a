"""Numbers of documents cited in the text, normalized: "1560/QĐ-TTg", "30/2020/NĐ-CP", "39-CT/TW"."""

from __future__ import annotations

import regex

from ..text import rx

_CODE = r"[\p{Lu}Đ][\p{L}Đđ&]*"
STATE = rx.compile(
    rf"(?<![\p{{L}}\d/])(\d{{1,5}})\s*/\s*(?:(\d{{4}})\s*/\s*)?({_CODE})\s*-\s*({_CODE}(?:\s*-\s*{_CODE})?\d*)(?![\p{{L}}])"
)
PARTY = rx.compile(rf"(?<![\p{{L}}\d/])(\d{{1,5}})\s*-\s*({_CODE})\s*/\s*({_CODE})(?![\p{{L}}])")


def normalize_number(number: str, ym: str | None, type_code: str, issuer: str) -> str:
    """Spaces removed, digits as printed ("03/NQ-CP" stays "03/NQ-CP")."""
    issuer = regex.sub(r"\s*-\s*", "-", issuer)
    return f"{number}/{ym + '/' if ym else ''}{type_code}-{issuer}" if number else ""


def cite_key(cite: str) -> str:
    """One key for the ways one number is printed: "3/NQ-CP" = "03/NQ-CP", "1899/QĐ-TTG" = "1899/QĐ-TTg"."""
    return str(regex.sub(r"(?<!\d)0+(?=\d)", "", cite)).upper()


def find_cites(text: str, own: str | None = None) -> list[str]:
    """Cited document numbers in order of first appearance, without the document's own number.
    A number printed in capitals (a title in capitals) is shown as the text prints it elsewhere."""
    seen: dict[str, str] = {}

    def add(cite: str) -> None:
        key = cite_key(cite)
        if key not in seen or (seen[key] == seen[key].upper() and cite != cite.upper()):
            seen[key] = cite

    found: list[tuple[int, str]] = []
    for m in STATE.finditer(text):
        number, year, code, issuer = m.groups()
        if code.upper() != code and not code[:1].isupper():
            continue
        found.append((m.start(), normalize_number(number, year, code, issuer)))
    for m in PARTY.finditer(text):
        number, code, issuer = m.groups()
        found.append((m.start(), f"{number}-{code}/{issuer}"))
    for _, cite in sorted(found):
        add(cite)
    if own:
        seen.pop(cite_key(own), None)
    return [c for c in seen.values() if c]
