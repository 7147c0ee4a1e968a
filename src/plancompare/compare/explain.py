"""Why two texts were linked: the content words they share, and those only one side has."""

from __future__ import annotations

from ..align.vocabulary import content_words


def _unique(seq: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(seq))


def word_overlap(reference: str, plan: str) -> tuple[list[str], list[str], list[str]]:
    """(shared, reference only, plan only), folded, in order of first appearance."""
    r, p = _unique(content_words(reference)), _unique(content_words(plan))
    pset, rset = set(p), set(r)
    return [w for w in r if w in pset], [w for w in r if w not in pset], [w for w in p if w not in rset]
