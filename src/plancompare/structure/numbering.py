"""Numbering is a sequence. A number that breaks it in a way a misreading explains — a dot lost
("41" after group "4"), a look-alike glyph ("3L" for "3.1"), a repeated Roman numeral ("II" after
"II") — is read as the number the sequence expects. Used for OCR'd and hand-typed documents alike;
every repair is reported as a warning by the caller."""

from __future__ import annotations

from ..text import rx
from .markers import VN_LETTERS

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
# glyphs OCR and hasty typing swap for digits and for the dot
_LOOKALIKE = str.maketrans({"l": "1", "L": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0",
                            "S": "5", "B": "8", ",": ".", "·": ".", " ": "."})  # fmt: skip
_NUMBER = rx.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}$")


def successor(label: str) -> str | None:
    """The label after `label` in its own style: "II" -> "III", "4" -> "5", "3.1" -> "3.2", "d" -> "đ"."""
    if label in _ROMAN:
        i = _ROMAN.index(label)
        return _ROMAN[i + 1] if i + 1 < len(_ROMAN) else None
    if label.isdigit():
        return str(int(label) + 1)
    head, _, tail = label.rpartition(".")
    if head and tail.isdigit():
        return f"{head}.{int(tail) + 1}"
    if len(label) == 1 and label in VN_LETTERS and label != VN_LETTERS[-1]:
        return VN_LETTERS[VN_LETTERS.index(label) + 1]
    if (
        len(label) == 1
        and label.lower() in VN_LETTERS
        and label.isupper()
        and label.lower() != VN_LETTERS[-1]
    ):
        return VN_LETTERS[VN_LETTERS.index(label.lower()) + 1].upper()  # group letters A, B, C …
    return None


def expected_row_numbers(previous: str | None) -> list[str]:
    """Numbers that may follow `previous` in a task table: its first child, its successor, or the
    successor of its parent ("3.4" -> "3.4.1", "3.5", "4")."""
    if previous is None:
        return ["1", "1.1", "I"]
    out = [f"{previous}.1"]
    nxt = successor(previous)
    if nxt:
        out.append(nxt)
    head, _, _ = previous.rpartition(".")
    if head and (up := successor(head)):
        out.append(up)
    return out


def repair_row_number(raw: str, previous: str | None, last_roman: str | None = None) -> str | None:
    """The number `raw` stands for, when it is not a well-formed number in sequence but a misread
    one; None when `raw` should be kept as it is (or is no number at all). A Roman numeral that
    continues the Roman groups ("I" first, "II" after "I") is a group's number, not a misread "11"."""
    expected = expected_row_numbers(previous)
    if raw in expected:
        return None
    roman = raw.strip().rstrip(".")
    if roman in _ROMAN and roman == (successor(last_roman) if last_roman else "I"):
        return None
    if len(roman) == 1 and roman.isupper() and roman == (successor(last_roman) if last_roman else "A"):
        return None  # group "B" after group "A", not a misread "8"
    cleaned = raw.strip().rstrip(".").translate(_LOOKALIKE)
    if cleaned in expected:
        return cleaned
    for candidate in expected:  # the dot was lost: "41" after "4" is "4.1"
        if "." in candidate and cleaned.replace(".", "") == candidate.replace(".", ""):
            return candidate
    return None


def is_row_number(raw: str) -> bool:
    return bool(_NUMBER.match(raw.strip().rstrip("."))) or raw.strip().rstrip(".") in _ROMAN


def is_roman(label: str) -> bool:
    """A group label: a Roman numeral, or a capital letter ("A", "B")."""
    return label in _ROMAN or (len(label) == 1 and label.isalpha() and label.isupper())
