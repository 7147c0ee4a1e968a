"""The parse pipeline: RawDocument -> paragraphs -> layout zones -> sections and tables -> extracted
metadata, tasks, units, deadlines, targets -> Plan. Each stage lives in its own package; this module
only wires them together and keeps the account of every character."""

from __future__ import annotations

from collections import Counter

import regex

from .extract.closing import read_closing
from .extract.deadlines import find_deadlines
from .extract.linking import link_tasks_to_sections
from .extract.metadata import extract_metadata
from .extract.targets import find_targets
from .extract.tasks import tasks_from_body, tasks_from_table
from .guards import check_is_plan, check_time
from .model import warning_codes as codes
from .model.blocks import UnclassifiedBlock
from .model.common import Span
from .model.deadlines import DeadlineKind, DeadlineMention
from .model.plan import Plan, TextAccounting
from .model.sections import Section
from .model.targets import TargetMention
from .model.warnings import ParseWarning
from .options import ParseOptions
from .readers.document import Line, RawDocument, Table
from .structure.paragraphs import Paragraph, build_paragraphs, wrap_width
from .structure.patterns import ATTACHED_CAPTION
from .structure.sections import SectionBuilder, SectionNode
from .structure.tables import task_rows
from .structure.zones import Block, split_layout
from .text.normalize import non_space_len

_APPENDIX_ID = regex.compile(r"^PH[ỤU]\s*L[ỤU]C\s*(?:SỐ\s*)?([IVXL]+|\d{1,2})?\b", regex.IGNORECASE)


def to_blocks(raw: RawDocument) -> list[Block]:
    """Paragraphs built from each run of lines between tables, in reading order."""
    lines = raw.lines()
    width = wrap_width(lines)
    blocks: list[Block] = []
    run: list[Line] = []
    for item in raw.items:
        if isinstance(item, Table):
            blocks.extend(build_paragraphs(run, width))
            run = []
            blocks.append(item)
        else:
            run.append(item)
    blocks.extend(build_paragraphs(run, width))
    return blocks


def _sections_of(builder: SectionBuilder, body: list[Block], appendix: list[Block]) -> None:
    for block in body:
        if isinstance(block, Paragraph):
            builder.add(block)
    opened = False
    for block in appendix:
        if not isinstance(block, Paragraph):
            continue
        m = _APPENDIX_ID.match(block.text)
        if m:
            block.role = "appendix"
            builder.open(f"PL{m.group(1) or ''}", m.group(1), block.text, block)
            opened = True
            continue
        if (
            opened
            and builder.stack
            and len(builder.stack) == 1
            and block.marker is None
            and not ATTACHED_CAPTION.match(block.text)
            and (block.bold or block.caps)
        ):
            node = builder.stack[0]
            if len(node.paragraphs) == 1 or all(p.bold or p.caps for p in node.paragraphs[1:]):
                node.title = f"{node.title} {block.text}".strip()
                node.paragraphs.append(block)
                continue
        if not opened and (block.caps or block.bold) and block.marker is None:
            builder.open("PL", None, block.text, block)
            opened = True
            continue
        builder.add(block)


def _span(node: SectionNode) -> Span:
    first, last = node.paragraphs[0], node.paragraphs[-1]
    return Span(page=first.page, line_start=first.line_start, line_end=last.line_end)


def _section_model(node: SectionNode) -> Section:
    return Section(
        id=node.id,
        number=node.number,
        title=node.title,
        level=node.level,
        parent=node.parent.id if node.parent else None,
        kind=node.kind.name.lower() if node.kind is not None else "appendix",
        text=node.text,
        span=_span(node),
    )


def build_plan(raw: RawDocument, options: ParseOptions | None = None) -> Plan:
    options = options or ParseOptions()
    check_is_plan(raw)  # NotAPlan: no Vietnamese text at all (guards.py)
    blocks = to_blocks(raw)
    layout = split_layout(blocks)
    check_time("layout")  # --timeout (guards.py)
    builder = SectionBuilder(max_depth=options.max_nesting)
    _sections_of(builder, layout.body, layout.appendix)
    closing = read_closing(layout.closing)
    for p in closing.recipient_paras:
        p.role = "recipients"
    for p in closing.signature_paras:
        p.role = "signature"

    tables = [b for b in blocks if isinstance(b, Table)]
    rows, leftover_rows = task_rows(tables)
    table_tasks, groups = tasks_from_table(rows)
    nodes = builder.all()
    body_roots = [r for r in builder.roots if not r.id.startswith("PL")]
    if table_tasks:
        tasks = table_tasks
        link_tasks_to_sections(tasks, groups, body_roots)
    else:
        tasks = tasks_from_body(body_roots)

    all_text = "\n".join(
        [b.text for b in blocks if isinstance(b, Paragraph)]
        + ["\t".join(row.cells) for t in tables for row in t.rows]
    )
    meta, meta_warnings = extract_metadata(layout, closing, all_text, has_task_table=bool(table_tasks))

    check_time("extraction")
    targets: list[TargetMention] = []
    deadlines: list[DeadlineMention] = []
    for node in nodes:
        own = "\n".join([node.title, *(p.text for p in node.paragraphs[1:] if p.marker is None)])
        for t in find_targets(own):
            targets.append(TargetMention(**t.model_dump(), where=node.id))
        for d in find_deadlines(own):
            if d.kind is not DeadlineKind.UNSPECIFIED:
                deadlines.append(DeadlineMention(**d.model_dump(), where=node.id))
    for task in tasks:
        if task.origin == "table":
            targets.extend(TargetMention(**t.model_dump(), where=task.id) for t in task.targets)

    unclassified = [
        UnclassifiedBlock(text=p.text, span=Span(page=p.page, line_start=p.line_start, line_end=p.line_end))
        for p in [*closing.other, *builder.orphans]
    ] + [
        UnclassifiedBlock(
            text=" | ".join(c for c in row.cells if c.strip()),
            span=Span(page=row.page, line_start=row.line, line_end=row.line_end or row.line),
        )
        for row in leftover_rows
        if any(c.strip() for c in row.cells)
    ]
    for p in closing.other:
        p.role = "unclassified"
    for p in builder.orphans:
        p.role = "unclassified"

    warnings: list[ParseWarning] = [*raw.warnings, *meta_warnings]
    warnings.extend(
        ParseWarning(
            code=codes.NUMBER_REPAIRED,
            page=row.page,
            message=f"table row number '{row.number_read_as}' read as '{row.number}', as the numbering runs",
        )
        for row in rows
        if row.repaired
    )
    warnings.extend(
        ParseWarning(
            code=codes.NUMBER_REPAIRED,
            page=para.page,
            message=f"section number '{read}' read as '{fixed}' (line {para.line_start}): the number before it is the same",
        )
        for read, fixed, para in builder.repairs
    )
    if not tasks:
        warnings.append(
            ParseWarning(code=codes.TASKS_NOT_FOUND, message="no task table and no task section found")
        )
    if unclassified:
        chars = sum(non_space_len(u.text) for u in unclassified)
        warnings.append(
            ParseWarning(
                code=codes.UNCLASSIFIED_TEXT,
                message=f"{len(unclassified)} block(s), {chars} characters, were not placed; kept in 'unclassified'",
                page=unclassified[0].span.page,
            )
        )
    return Plan(
        source=raw.source,
        metadata=meta,
        preamble="\n".join(p.text for p in layout.preamble) or None,
        sections=[_section_model(n) for n in nodes],
        task_groups=groups,
        tasks=tasks,
        targets=targets,
        deadlines=deadlines,
        unclassified=unclassified,
        accounting=_account(blocks, leftover_rows_count=len(leftover_rows)),
        warnings=warnings,
    )


def _account(blocks: list[Block], leftover_rows_count: int) -> TextAccounting:
    by_role: Counter[str] = Counter()
    for b in blocks:
        if isinstance(b, Table):
            by_role["table"] += sum(non_space_len(c) for row in b.rows for c in row.cells)
        else:
            by_role[b.role or "body"] += non_space_len(b.text)
    return TextAccounting(total=sum(by_role.values()), by_role=dict(sorted(by_role.items())))
