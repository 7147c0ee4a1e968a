"""Side-by-side highlighting: which words of one text the other text shares, and which it lacks.

Vietnamese words are often two syllables ("đối tượng", "chính sách"): a syllable is never judged
alone when it belongs to a term. A pair of adjacent syllables found adjacent in the other text is
shared as a whole; a syllable that is a function word only inside function phrases ("đối" of "đối
với") takes the mark of the syllable after it ("đối tượng"); and adjacent syllables with the same
mark are wrapped in one element, so a term is marked whole, never half.
"""

from __future__ import annotations

import html
import itertools
from enum import StrEnum

import regex

from ..align.vocabulary import STOP_WORDS, neutral_text
from ..text import rx
from ..text.fold import fold, words

_TOKEN = rx.compile(r"[\p{L}\p{N}][\p{L}\p{N}%]*")
_SPACE_ONLY = rx.compile(r"^[ \t]+$")
# function words that also begin content words: "đối tượng", "đối ứng" (but "đối với": function)
WORD_INITIAL_STOPS = frozenset({"đối"})


class Mark(StrEnum):
    PLAIN = "plain"
    SHARED = "shared"
    ONLY = "only"


def _vocabulary(text: str) -> set[str]:
    return set(words(neutral_text(text))) | set(words(fold(text)))


def _pairs(text: str) -> set[tuple[str, str]]:
    syllables = [fold(m.group(0)) for m in _TOKEN.finditer(text)]
    return set(itertools.pairwise(syllables))


def _joined(text: str, a: regex.Match[str], b: regex.Match[str]) -> bool:
    """Two tokens form one term only when nothing but spaces stands between them."""
    return bool(_SPACE_ONLY.match(text[a.end() : b.start()]))


def marks(text: str, other: str) -> list[tuple[regex.Match[str], Mark]]:
    """Each token of `text` with its mark against `other`."""
    vocab, pairs = _vocabulary(other), _pairs(other)
    tokens = list(_TOKEN.finditer(text))
    keys = [fold(m.group(0)) for m in tokens]
    out: list[Mark] = []
    for key in keys:
        if key in STOP_WORDS or key.isdigit():
            out.append(Mark.PLAIN)
        elif key in vocab or set(words(neutral_text(key))) <= vocab:
            out.append(Mark.SHARED)
        else:
            out.append(Mark.ONLY)
    for i in range(len(tokens) - 1):
        if not _joined(text, tokens[i], tokens[i + 1]):
            continue
        if (keys[i], keys[i + 1]) in pairs and not (keys[i] in STOP_WORDS and keys[i + 1] in STOP_WORDS):
            out[i] = out[i + 1] = Mark.SHARED
        elif keys[i] in WORD_INITIAL_STOPS and keys[i + 1] not in STOP_WORDS:
            out[i] = out[i + 1]
    return list(zip(tokens, out, strict=True))


def _open(mark: Mark) -> str:
    return '<mark class="only">' if mark is Mark.ONLY else '<span class="shared">'


def _close(mark: Mark) -> str:
    return "</mark>" if mark is Mark.ONLY else "</span>"


def highlight(text: str, other: str | None) -> str:
    """Escape `text`; wrap the terms `other` lacks in <mark class=only> and shared terms in
    <span class=shared>, a run of syllables with one mark in one element."""
    if not other:
        return html.escape(text)
    out: list[str] = []
    last, current = 0, Mark.PLAIN
    for match, mark in marks(text, other):
        gap = text[last : match.start()]
        if current is not Mark.PLAIN and (mark is not current or not _SPACE_ONLY.match(gap)):
            out.append(_close(current))
            current = Mark.PLAIN
        out.append(html.escape(gap))
        if mark is not Mark.PLAIN and current is Mark.PLAIN:
            out.append(_open(mark))
            current = mark
        out.append(html.escape(match.group(0)))
        last = match.end()
    if current is not Mark.PLAIN:
        out.append(_close(current))
    out.append(html.escape(text[last:]))
    return "".join(out)
