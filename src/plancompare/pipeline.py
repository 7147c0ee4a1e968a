"""The parse pipeline: RawDocument -> paragraphs -> layout zones -> sections and tables -> extracted
metadata, tasks, units, deadlines, targets -> Plan. Each stage lives in its own package; this module
only wires them together and keeps the account of every character."""

from __future__ import annotations

from collections import Counter

from .extract.cell_checks import damaged_cell_warnings
from .extract.closing import read_closing
from .extract.linking import link_tasks_to_sections
from .extract.mentions import mentions
from .extract.metadata import extract_metadata
from .extract.site_hint import hint_warnings, site_hint
from .extract.tasks import tasks_from_body, tasks_from_table
from .guards import check_is_plan, check_time
from .model import warning_codes as codes
from .model.blocks import UnclassifiedBlock
from .model.common import Span
from .model.labels import ParagraphRole, SectionKind
from .model.notes import Note
from .model.plan import Plan, TextAccounting
from .model.sections import Section
from .model.tasks import Task
from .model.warnings import ParseWarning
from .options import ParseOptions
from .readers.document import Furniture, Line, RawDocument, Table, TableRow
from .readers.document import Note as RawNote
from .structure.outline import build_outline
from .structure.paragraphs import Paragraph, build_paragraphs, span_of, wrap_width
from .structure.sections import SectionBuilder, SectionNode
from .structure.tables import LogicalRow, task_rows
from .structure.zones import Block, split_layout
from .text.normalize import non_space_len


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


def _section_model(node: SectionNode) -> Section:
    return Section(
        id=node.id,
        number=node.number,
        title=node.title,
        level=node.level,
        parent=node.parent.id if node.parent else None,
        kind=SectionKind(node.kind.name.lower()) if node.kind is not None else SectionKind.APPENDIX,
        text=node.text,
        span=span_of(node.paragraphs),
    )


def _unclassified(paras: list[Paragraph], rows: list[TableRow]) -> list[UnclassifiedBlock]:
    out = [UnclassifiedBlock(text=p.text, span=span_of([p])) for p in paras]
    out += [
        UnclassifiedBlock(
            text=" | ".join(c for c in row.cells if c.strip()),
            span=Span(
                page=row.page,
                line_start=row.line,
                line_end=row.line_end or row.line,
                char_start=row.char_start,
                char_end=row.char_end,
            ),
        )
        for row in rows
        if any(c.strip() for c in row.cells)
    ]
    return out


def _pipeline_warnings(
    rows: list[LogicalRow], builder: SectionBuilder, tasks: list[Task], unclassified: list[UnclassifiedBlock]
) -> list[ParseWarning]:
    out = [
        ParseWarning(
            code=codes.NUMBER_REPAIRED,
            page=row.page,
            message=f"table row number '{row.number_read_as}' read as '{row.number}', as the numbering runs",
        )
        for row in rows
        if row.repaired
    ]
    out += [
        ParseWarning(
            code=codes.NUMBER_REPAIRED,
            page=para.page,
            message=f"section number '{read}' read as '{fixed}' (line {para.line_start}): "
            "the number before it is the same",
        )
        for read, fixed, para in builder.repairs
    ]
    if not tasks:
        out.append(
            ParseWarning(code=codes.TASKS_NOT_FOUND, message="no task table and no task section found")
        )
    if unclassified:
        chars = sum(non_space_len(u.text) for u in unclassified)
        out.append(
            ParseWarning(
                code=codes.UNCLASSIFIED_TEXT,
                message=f"{len(unclassified)} block(s), {chars} characters, were not placed; kept in 'unclassified'",
                page=unclassified[0].span.page,
            )
        )
    return out


def build_plan(raw: RawDocument, options: ParseOptions | None = None) -> Plan:
    options = options or ParseOptions()
    check_is_plan(raw)  # NotAPlan: no Vietnamese text at all (guards.py)
    blocks = to_blocks(raw)
    layout = split_layout(blocks)
    check_time("layout")  # --timeout (guards.py)
    builder = build_outline(layout.body, layout.appendix, options.max_nesting)
    closing = read_closing(layout.closing)
    for p in closing.recipient_paras:
        p.role = ParagraphRole.RECIPIENTS
    for p in closing.signature_paras:
        p.role = ParagraphRole.SIGNATURE

    tables = [b for b in blocks if isinstance(b, Table)]
    rows, leftover_rows = task_rows(tables)
    table_tasks, groups = tasks_from_table(rows)
    nodes = builder.all()
    body_roots = [r for r in builder.roots if not r.id.startswith("PL")]
    if table_tasks:
        tasks = table_tasks
        link_tasks_to_sections(tasks, groups, body_roots)
    else:
        attached = [r for r in builder.roots if r.id.startswith("PL")]
        tasks = tasks_from_body(body_roots, attached)

    all_text = "\n".join(
        [b.text for b in blocks if isinstance(b, Paragraph)]
        + ["\t".join(row.cells) for t in tables for row in t.rows]
    )
    notes_text = "\n".join(n.text for n in raw.notes)
    meta, meta_warnings = extract_metadata(
        layout, closing, all_text, has_task_table=bool(table_tasks), notes_text=notes_text
    )
    check_time("extraction")
    targets, deadlines = mentions(nodes, tasks)

    unplaced = [*closing.other, *builder.orphans]
    for p in unplaced:
        p.role = ParagraphRole.UNCLASSIFIED
    unclassified = _unclassified(unplaced, leftover_rows)
    hint = site_hint(raw.site_hint)
    return Plan(
        source=raw.source,
        source_hint=hint,
        metadata=meta,
        preamble="\n".join(p.text for p in layout.preamble) or None,
        sections=[_section_model(n) for n in nodes],
        task_groups=groups,
        tasks=tasks,
        targets=targets,
        deadlines=deadlines,
        unclassified=unclassified,
        notes=[_note_model(n) for n in raw.notes],
        accounting=_account(blocks, leftover_rows, raw.furniture, raw.notes),
        warnings=[
            *raw.warnings,
            *meta_warnings,
            *hint_warnings(hint, meta),
            *damaged_cell_warnings(rows),
            *_pipeline_warnings(rows, builder, tasks, unclassified),
        ],
    )


def _note_model(note: RawNote) -> Note:
    anchor = note.anchor
    return Note(
        kind=note.kind,
        id=note.note_id,
        number=note.number,
        text=note.text,
        span=Span(line_start=note.line, line_end=note.line_end),
        anchor=Span(line_start=anchor[0], line_end=anchor[1]) if anchor else None,
    )


def _account(
    blocks: list[Block], leftover_rows: list[TableRow], furniture: list[Furniture], notes: list[RawNote]
) -> TextAccounting:
    """Non-space characters per role. Table rows that are no task (another table's) are unclassified;
    page and site furniture and comments count under their own roles, footnotes and endnotes as notes."""
    by_role: Counter[str] = Counter()
    for f in furniture:
        by_role[f.kind.value] += non_space_len(f.text)
    for n in notes:
        by_role[ParagraphRole.NOTE.value] += non_space_len(n.text)
    leftover = {id(row) for row in leftover_rows}
    for b in blocks:
        if isinstance(b, Table):
            for row in b.rows:
                role = ParagraphRole.UNCLASSIFIED if id(row) in leftover else ParagraphRole.TABLE
                by_role[role.value] += sum(non_space_len(c) for c in row.cells)
        else:
            by_role[(b.role or ParagraphRole.BODY).value] += non_space_len(b.text)
    return TextAccounting(total=sum(by_role.values()), by_role=dict(sorted(by_role.items())))
