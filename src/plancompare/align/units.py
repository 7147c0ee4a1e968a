"""The things aligned: reference items on one side, plan evidence units (tasks, and body sections of
plans without a task table) on the other, in one shape."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model.common import Span
from ..model.deadlines import Deadline
from ..model.plan import Plan
from ..model.reference import Reference, ReferenceItem
from ..model.sections import Section
from ..model.targets import Target
from ..model.tasks import Task
from ..model.units import UnitRef
from ..reference.sections import body_evidence_sections, fallback_sections
from ..text.fold import fold


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    group: str | None
    text: str
    order: int
    # "task" | "section" (body text used as evidence, never reported as "added") | "indicator" (a row
    # of the plan's indicator table, evidence for targets)
    kind: str = "task"
    span: Span | None = None
    targets: tuple[Target, ...] = ()
    deadline: Deadline = field(default_factory=Deadline)
    lead_units: tuple[UnitRef, ...] = ()
    support_units: tuple[UnitRef, ...] = ()

    @property
    def match_text(self) -> str:
        """The text scored: the statement plus the metrics of its targets when the statement does not
        already say them (an outline states "nợ quá hạn dưới 1%" only as a target)."""
        folded = fold(self.text)
        extra = [t.metric for t in self.targets if t.metric and fold(t.metric) not in folded]
        return " ".join([self.text, *extra])


def _unit(source: ReferenceItem | Task, order: int) -> Unit:
    """A reference item or a plan task as an alignment unit (they share these fields)."""
    return Unit(
        id=source.id,
        group=source.group,
        text=source.text,
        order=order,
        span=source.span,
        targets=tuple(source.targets),
        deadline=source.deadline,
        lead_units=tuple(source.lead_units),
        support_units=tuple(source.support_units),
    )


def reference_units(ref: Reference) -> list[Unit]:
    return [_unit(item, i) for i, item in enumerate(ref.items)]


def plan_units(plan: Plan) -> list[Unit]:
    units = [_unit(t, i) for i, t in enumerate(plan.tasks)]
    units += _section_units(plan, body_evidence_sections(plan), len(units))
    return units + _indicator_units(plan, len(units))


def _indicator_units(plan: Plan, start: int) -> list[Unit]:
    """Rows of the plan's own indicator table (reference/indicators.py), as evidence for targets."""
    from ..reference.indicators import indicator_items

    return [replace(_unit(item, start + k), kind="indicator") for k, item in enumerate(indicator_items(plan))]


def _section_units(plan: Plan, sections: list[Section], start: int) -> list[Unit]:
    targets: dict[str, list[Target]] = {}
    for m in plan.targets:
        if m.where:
            targets.setdefault(m.where, []).append(Target.model_validate(m.model_dump(exclude={"where"})))
    return [
        Unit(
            id=s.id,
            group=s.parent,
            text=s.text or s.title,
            order=start + k,
            kind="section",
            span=s.span,
            targets=tuple(targets.get(s.id, [])),
        )
        for k, s in enumerate(sections)
    ]


def fallback_units(plan: Plan) -> list[Unit]:
    """Body sections of a plan with a task table, tried only for items its tasks do not carry."""
    return _section_units(plan, fallback_sections(plan), len(plan.tasks))
