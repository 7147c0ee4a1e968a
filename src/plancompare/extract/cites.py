"""Numbers of documents cited in the text, normalized: "1560/QĐ-TTg", "30/2020/NĐ-CP", "39-CT/TW"."""

from __future__ import annotations

import regex

_CODE = r"[\p{Lu}Đ][\p{L}Đđ&]*"
STATE = regex.compile(
    rf"(?<![\p{{L}}\d/])(\d{{1,5}})\s*/\s*(?:(\d{{4}})\s*/\s*)?({_CODE})\s*-\s*({_CODE}(?:\s*-\s*{_CODE})?\d*)(?![\p{{L}}])"
)
PARTY = regex.compile(rf"(?<![\p{{L}}\d/])(\d{{1,5}})\s*-\s*({_CODE})\s*/\s*({_CODE})(?![\p{{L}}])")


def normalize_number(number: str, ym: str | None, type_code: str, issuer: str) -> str:
    issuer = regex.sub(r"\s*-\s*", "-", issuer)
    return f"{int(number)}/{ym + '/' if ym else ''}{type_code}-{issuer}" if number else ""


def find_cites(text: str, own: str | None = None) -> list[str]:
    """Cited document numbers in order of first appearance, without the document's own number."""
    seen: dict[str, None] = {}
    for m in STATE.finditer(text):
        number, year, code, issuer = m.groups()
        if code.upper() != code and not code[:1].isupper():
            continue
        seen.setdefault(normalize_number(number, year, code, issuer), None)
    for m in PARTY.finditer(text):
        number, code, issuer = m.groups()
        seen.setdefault(f"{int(number)}-{code}/{issuer}", None)
    if own:
        seen.pop(own, None)
    return [c for c in seen if c]
