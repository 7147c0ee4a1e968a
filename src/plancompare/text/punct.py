"""Sentence shape: where a clause or sentence ends, where a continuation starts, and how two
fragments of one text cut by a line or page break are joined again."""

from __future__ import annotations

import regex

LOWER_START = regex.compile(r"^\p{Ll}")
CLAUSE_END = regex.compile(r"[.;:!?…]\s*[\"”’)]?$|\./\.$")
SENTENCE_END = regex.compile(r"[.!?]\s*[\"”’)]?$")
_GLUED_HYPHEN = regex.compile(r"\S-$")  # searched on the last few characters: a merged cell grows long


def join_fragments(left: str, right: str) -> str:
    """Join with a space, except a token cut right after its hyphen ("39-" + "NQ/TW")."""
    if not left:
        return right
    if not right:
        return left
    if _GLUED_HYPHEN.search(left[-8:]) and not right[:1].isspace():
        return left + right
    return f"{left} {right}"
