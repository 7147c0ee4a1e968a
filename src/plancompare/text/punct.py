"""Sentence shape: where a clause or sentence ends, where a continuation starts, and how two
fragments of one text cut by a line or page break are joined again."""

from __future__ import annotations

from . import rx

LOWER_START = rx.compile(r"^\p{Ll}")
CLAUSE_END = rx.compile(r"[.;:!?…]\s*[\"”’)]?$|\./\.$")
SENTENCE_END = rx.compile(r"[.!?]\s*[\"”’)]?$")
_GLUED_HYPHEN = rx.compile(r"\S-$")  # searched on the last few characters: a merged cell grows long


def join_fragments(left: str, right: str) -> str:
    """Join with a space, except a token cut right after its hyphen ("39-" + "NQ/TW")."""
    if not left:
        return right
    if not right:
        return left
    if _GLUED_HYPHEN.search(left[-8:]) and not right[:1].isspace():
        return left + right
    return f"{left} {right}"
