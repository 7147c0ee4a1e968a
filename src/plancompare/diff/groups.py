"""Group coverage: is each reference group carried item by item, or only in summary form?

A summary plan restates a group in one or two sentences ("Ưu tiên tập trung nguồn lực, đa dạng hóa
các kênh huy động vốn…") instead of listing its items. The group's form follows from its items'
findings; the plan units that speak for the group as a whole are those whose best match among the
group profiles (heading plus all item texts) is this group, by MARGIN, at PARTIAL or above.
"""

from __future__ import annotations

from collections import Counter

from ..align.decide import MARGIN, PAIRWISE_UP_TO, PARTIAL, Alignment
from ..align.scores import EPS, W_TFIDF, W_TOKEN_SET
from ..align.units import Unit
from ..model.comparison import Finding, FindingKind, GroupCoverage
from ..model.reference import ReferenceGroup


def _profile_scores(a: Alignment, profiles: list[str], texts: list[str]) -> list[list[float]]:
    """Lexical score (no affinity) of each profile against each text; exact for each text's two
    best profiles, which are all the decision reads."""
    if len(profiles) * len(texts) <= PAIRWISE_UP_TO:  # small: pair by pair, no numpy (decide.py)
        return [
            [
                round(min(1.0, W_TFIDF * c + W_TOKEN_SET * t), 4)
                for c, t in (a.scorer.lexical(p, x) for x in texts)
            ]
            for p in profiles
        ]
    from ..align.matrix import round4, second_largest

    cosines = a.scorer.cosine_matrix(profiles, texts)
    ratios = a.scorer.token_sets(profiles, texts)
    shared = ratios.bounds.shared
    low = a.scorer.flat(cosines, ratios.ratio, shared)
    high = a.scorer.flat(cosines, ratios.upper(EPS), shared)
    ratios.settle(high >= second_largest(low, 0) - EPS)
    flat = a.scorer.flat(cosines, ratios.ratio, shared)
    return round4(flat.clip(max=1.0))


def _group_units(a: Alignment, groups: list[ReferenceGroup]) -> dict[str, list[str]]:
    profiles = {g.id: " ".join([g.title, *(r.match_text for r in a.refs if r.group == g.id)]) for g in groups}
    out: dict[str, list[str]] = {g.id: [] for g in groups}
    if len(profiles) < 2:
        return out
    units = a.plan[: a.primary]
    ids = list(profiles)
    scores = _profile_scores(a, list(profiles.values()), [u.match_text for u in units])
    for j, unit in enumerate(units):
        scored = sorted(((scores[k][j], gid) for k, gid in enumerate(ids)), key=lambda x: (-x[0], x[1]))
        if scored[0][0] >= PARTIAL and scored[0][0] - scored[1][0] >= MARGIN:
            out[scored[0][1]].append(unit.id)
    return out


def group_coverage(
    a: Alignment, groups: list[ReferenceGroup], findings: list[Finding]
) -> list[GroupCoverage]:
    about = _group_units(a, groups)
    kinds: dict[str | None, Counter[FindingKind]] = {}
    for f in findings:
        if f.reference_id is not None:
            kinds.setdefault(f.group, Counter())[f.kind] += 1
    out = []
    for g in groups:
        c = kinds.get(g.id, Counter())
        detailed = c[FindingKind.COVERED] + c[FindingKind.DIVERGENT]
        applicable = sum(c.values()) - c[FindingKind.NOT_APPLICABLE]
        if c[FindingKind.NOT_APPLICABLE] and not applicable:
            form = "not_applicable"
        elif applicable and detailed == applicable:
            form = "detailed"
        elif detailed + c[FindingKind.PARTIAL]:
            form = "summary"
        else:
            form = "missing"
        out.append(
            GroupCoverage(
                group=g.id,
                title=g.title,
                form=form,
                plan_ids=about.get(g.id, []),
                covered=c[FindingKind.COVERED],
                partial=c[FindingKind.PARTIAL],
                divergent=c[FindingKind.DIVERGENT],
                missing=c[FindingKind.MISSING],
                not_applicable=c[FindingKind.NOT_APPLICABLE],
            )
        )
    return out


def groups_of(refs: list[Unit], declared: list[ReferenceGroup]) -> list[ReferenceGroup]:
    """Declared groups, plus any group an item names that was not declared (untitled)."""
    known = {g.id for g in declared}
    extra = {r.group: ReferenceGroup(id=r.group, title="") for r in refs if r.group and r.group not in known}
    return [*declared, *extra.values()]
