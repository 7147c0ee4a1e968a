"""Normalization applied to every input text once, at the reader boundary."""

from __future__ import annotations

import unicodedata

from . import rx

_ZERO_WIDTH = rx.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = rx.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """NFC, without zero-width characters and soft hyphens. Keeps everything else as written."""
    return str(_ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)))


def split_lines(text: str) -> list[str]:
    """Split on \\r\\n, \\r and \\n alike (pypdfium2 and Windows files give \\r\\n)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces (incl. NBSP) into one space and strip the ends."""
    return str(_SPACES.sub(" ", text)).strip()


def non_space_len(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def line_offsets(lines: list[str]) -> list[int]:
    """Where each of `lines` (from `split_lines`) starts in the text they were split from, with
    "\n" line ends: the offsets `Span.char_start`/`char_end` refer to."""
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out
