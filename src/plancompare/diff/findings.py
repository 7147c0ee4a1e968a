"""From an alignment to findings: one per reference item, plus one per plan task linked to none."""

from __future__ import annotations

from ..align.decide import COVERED, Alignment
from ..align.units import Unit
from ..model.comparison import Divergence, Evidence, Finding, FindingKind, Link
from ..model.reference import ReferenceItem
from .deadlines import deadline_divergence
from .explain import word_overlap
from .targets import compare_targets
from .units import dedupe, unit_divergences

JOIN = " … "


def _evidence(a: Alignment, ref: Unit, units: list[Unit]) -> Evidence:
    if not units:
        return Evidence(reference_text=ref.text)
    plan_text = JOIN.join(u.text for u in units)
    shared, ref_only, plan_only = word_overlap(ref.match_text, plan_text, a.scorer.common)
    return Evidence(
        reference_text=ref.text,
        plan_text=plan_text,
        plan_span=units[0].span,
        shared_words=shared,
        reference_only_words=ref_only,
        plan_only_words=plan_only,
    )


def _divergences(ref: Unit, units: list[Unit]) -> tuple[list[Divergence], list[str]]:
    out, matched = compare_targets(ref.targets, [t for u in units for t in u.targets])
    deadline = deadline_divergence(ref.deadline, [u.deadline for u in units])
    if deadline is not None:
        out.append(deadline)
    out += unit_divergences(
        ref.lead_units,
        ref.support_units,
        dedupe([x for u in units for x in u.lead_units]),
        dedupe([x for u in units for x in u.support_units]),
    )
    return out, matched


def _links(a: Alignment, i: int, js: list[int]) -> list[Link]:
    out = []
    for j in js:
        s = a.scores[i][j]
        shared, _, _ = word_overlap(a.refs[i].match_text, a.plan[j].text, a.scorer.common)
        out.append(
            Link(
                plan_id=a.plan[j].id,
                score=s.score,
                tfidf=s.tfidf,
                token_set=s.token_set,
                group_affinity=s.group_affinity,
                shared_words=shared,
            )
        )
    return out


def _joint_score(a: Alignment, i: int, js: list[int]) -> float:
    """An item spread over several units is judged on their joined text as well as on each alone."""
    best = max(a.scores[i][j].score for j in js)
    if len(js) < 2:
        return best
    tfidf, token_set = a.scorer.lexical(a.refs[i].match_text, " ".join(a.plan[j].match_text for j in js))
    affinity = max(a.scores[i][j].group_affinity for j in js)
    return max(best, a.scorer.combine(tfidf, token_set, affinity).score)


def reference_finding(a: Alignment, i: int) -> Finding:
    ref = a.refs[i]
    js = a.links.get(i, [])
    if js:
        units = [a.plan[j] for j in js]
        score = _joint_score(a, i, js)
        divergences, matched_targets = _divergences(ref, units)
        kind = FindingKind.COVERED if score >= COVERED else FindingKind.PARTIAL
        note = (
            None if kind is FindingKind.COVERED else "linked, but the plan text carries the item only in part"
        )
        if divergences and kind is FindingKind.COVERED:
            # a weak link (partial) keeps its kind: its differences are listed, but a difference
            # found on a chance match would be a false alarm
            kind = FindingKind.DIVERGENT
        return Finding(
            kind=kind,
            reference_id=ref.id,
            plan_ids=[u.id for u in units],
            score=score,
            divergences=divergences,
            evidence=_evidence(a, ref, units),
            group=ref.group,
            links=_links(a, i, js),
            matched_targets=matched_targets,
            note=note,
        )
    best = a.best(i)
    score = a.scores[i][best].score if best is not None else 0.0
    pair = a.ambiguous.get(i, [])
    if pair and score >= COVERED:
        names = " and ".join(a.plan[j].id for j in pair)
        return Finding(
            kind=FindingKind.PARTIAL,
            reference_id=ref.id,
            plan_ids=[a.plan[j].id for j in pair],
            score=score,
            evidence=_evidence(a, ref, [a.plan[j] for j in pair]),
            group=ref.group,
            links=_links(a, i, pair),
            note=f"ambiguous: {names} match about equally well",
        )
    note = f"closest plan text: {a.plan[best].id} (score {score:.2f})" if best is not None else None
    closest = a.plan[best] if best is not None else None
    return Finding(
        kind=FindingKind.MISSING,
        reference_id=ref.id,
        score=score,
        evidence=Evidence(
            reference_text=ref.text,
            closest_plan_id=closest.id if closest else None,
            closest_plan_text=closest.text if closest else None,
            closest_plan_span=closest.span if closest else None,
            closest_score=score if closest else None,
        ),
        group=ref.group,
        note=note,
    )


def added_findings(a: Alignment) -> list[Finding]:
    linked = a.linked_plan()
    out = []
    for j, unit in enumerate(a.plan):
        if j in linked or unit.kind != "task":
            continue
        column = [a.scores[i][j].score for i in range(len(a.refs))]
        best = max(range(len(column)), key=lambda i: (column[i], -i)) if column else None
        out.append(
            Finding(
                kind=FindingKind.ADDED,
                reference_id=None,
                plan_ids=[unit.id],
                score=column[best] if best is not None else 0.0,
                evidence=Evidence(plan_text=unit.text, plan_span=unit.span),
                group=unit.group,
                note=f"closest reference item: {a.refs[best].id}" if best is not None else None,
            )
        )
    return out


def with_reference_facts(finding: Finding, item: ReferenceItem) -> Finding:
    """The reference item's targets and confidence on its finding: a report shows them next to the
    item, so every target a divergence cites is one the reader can see."""
    evidence = finding.evidence.model_copy(
        update={"reference_targets": list(item.targets), "reference_confidence": item.confidence}
    )
    return finding.model_copy(update={"evidence": evidence})
