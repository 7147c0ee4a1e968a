"""Why two texts were linked: the content words they share, and those only one side has."""

from __future__ import annotations

from ..align.vocabulary import content_words


def _unique(seq: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(seq))


def word_overlap(
    reference: str, plan: str, boilerplate: frozenset[str] = frozenset()
) -> tuple[list[str], list[str], list[str]]:
    """(shared, reference only, plan only), folded, in order of first appearance. Words found in
    most texts of the comparison (`boilerplate`: "tín dụng chính sách xã hội") explain nothing and
    are left out."""
    r = [w for w in _unique(content_words(reference)) if w not in boilerplate]
    p = [w for w in _unique(content_words(plan)) if w not in boilerplate]
    pset, rset = set(p), set(r)
    return [w for w in r if w in pset], [w for w in r if w not in pset], [w for w in p if w not in rset]
