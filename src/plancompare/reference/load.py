"""`load_reference`: anything that can stand on the reference side, as a `Reference`."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputNotFound, InvalidReference
from ..model.plan import Plan
from ..model.reference import Reference, ReferenceGroup, ReferenceItem
from ..model.source import SourceFormat
from ..model.targets import Target, TargetMention
from .indicators import indicator_group, indicator_items
from .items import task_items, titled_groups
from .organisation import with_addressees
from .outline import bundled_outline, reference_from_outline
from .sections import body_evidence_sections

OUTLINE_SUFFIXES = (".yaml", ".yml")


def reference_from_plan(plan: Plan) -> Reference:
    """A parsed document as a reference: its tasks are the items, a body group of dash items split
    into them (`items.task_items`). A decision with an attached plan parses to the attached plan's
    tasks, so nothing special is needed for it. A plan without a task table also contributes its
    objective sections (see `body_evidence_sections`), because that is where such plans state their
    targets. Each item gets its addressee (`addressee.py`)."""
    items, split_groups = task_items(plan)
    targets_by_section: dict[str, list[TargetMention]] = {}
    for mention in plan.targets:
        if mention.where:
            targets_by_section.setdefault(mention.where, []).append(mention)
    taken = {item.id for item in items}
    for section in body_evidence_sections(plan):
        if section.id in taken:  # a dash item already split out of its group
            continue
        targets = [
            Target.model_validate(m.model_dump(exclude={"where"}))
            for m in targets_by_section.get(section.id, [])
        ]
        items.append(
            ReferenceItem(
                id=section.id,
                group=section.parent,
                text=section.text or section.title,
                targets=targets,
                span=section.span,
            )
        )
    indicators = indicator_items(plan)  # Phụ lục chỉ tiêu: one item per target row
    items += indicators
    if not items:
        raise InvalidReference(
            f"{plan.source.path}: no tasks or task sections were found, so it cannot serve as a reference"
        )
    groups = [ReferenceGroup(id=g.number, title=g.title) for g in plan.task_groups] + split_groups
    groups += titled_groups(plan, items, groups) + ([indicator_group()] if indicators else [])
    return Reference(
        source=plan.source,
        metadata=plan.metadata,
        groups=groups,
        items=with_addressees(plan, items),
        warnings=plan.warnings,
    )


def load_reference(source: str | Path | Plan | Reference | None = None) -> Reference:
    """The bundled QĐ 1560 outline (None), an outline YAML, a parsed `Plan`, or any document path."""
    if source is None:
        return bundled_outline()
    if isinstance(source, Reference):
        return source
    if isinstance(source, Plan):
        return reference_from_plan(source)
    path = Path(source)
    if not path.is_file():
        raise InputNotFound(f"{path}: no such file")
    from ..readers.sniff import sniff

    data = path.read_bytes()
    # a .yaml file can only be meant as an outline: one that is not is InvalidReference, not a plan
    if sniff(data[:65536], str(path)) is SourceFormat.OUTLINE or path.suffix.lower() in OUTLINE_SUFFIXES:
        return reference_from_outline(data, str(path))
    from ..api import parse

    return reference_from_plan(parse(path))
