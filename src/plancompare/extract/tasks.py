"""Tasks from the appendix task table when the plan has one, else from the items of the body's
task sections (Nhiệm vụ…, Tổ chức thực hiện)."""

from __future__ import annotations

import regex

from ..model.common import Span
from ..model.labels import TaskOrigin
from ..model.tasks import ExtraCell, Task, TaskGroup
from ..structure.markers import MarkerKind
from ..structure.sections import SectionNode
from ..structure.tables import LogicalRow
from ..text import rx
from ..text.fold import fold_ascii
from .actors import heading_units, lead_units
from .assignments import assignment_tasks, inherited_lead, item_task
from .deadlines import parse_deadline
from .labelled import labelled_fields, labelled_sections, labelled_task
from .role_cells import split_role_cell
from .targets import find_targets

# A decision's last article ("Các Bộ trưởng … chịu trách nhiệm thi hành Quyết định này") and its
# entry into force name who executes it; neither assigns a task of its own.
EXECUTION_CLAUSE = rx.compile(
    r"chịu trách nhiệm (?:thi hành|tổ chức thực hiện|thực hiện) (?:Quyết định|Nghị quyết|Chỉ thị|Thông tư) này"
    r"|(?:Quyết định|Nghị quyết|Chỉ thị|Thông tư) này có hiệu lực",
    regex.IGNORECASE,
)
_TASK_SECTION_WORDS = ("nhiem vu", "giai phap", "to chuc thuc hien", "trach nhiem")


def _group_of(number: str | None, current: str | None) -> str | None:
    if number and "." in number:
        return number.split(".")[0]
    return current


def tasks_from_table(rows: list[LogicalRow]) -> tuple[list[Task], list[TaskGroup]]:
    tasks: list[Task] = []
    groups: list[TaskGroup] = []
    # "6. Chế độ báo cáo" with units and a deadline among groups "1".."5" is a group of its own;
    # "3" under Roman groups "I", "II" is a task of the current group
    arabic_groups = any(r.kind == "group" and (r.number or "").isdigit() for r in rows)
    current: str | None = None
    # numbering that restarts in every group ("I: 1, 2; II: 1–8") is told apart by its group
    bare = [r.number for r in rows if r.kind != "group" and r.number and r.number.isdigit()]
    restarts = len(bare) != len(set(bare))
    unnumbered = 0
    last_number: str | None = None
    numbered = any("number" in r.cells for r in rows)
    used: set[str] = set()
    for row in rows:
        number = row.number
        if row.kind == "group":
            current = number
            groups.append(TaskGroup(number=number or "", title=row.cells.get("text", "")))
            last_number, unnumbered = number, 0
            continue
        group = _group_of(number, current)
        if number and number.isdigit() and arabic_groups:
            group = current = number
        if number:
            ident, last_number, unnumbered = number, number, 0
            if restarts and current and number.isdigit():
                ident = f"{current}.{number}"
        else:
            # a row the source left unnumbered gets the next number after the last one, by position
            unnumbered += 1
            if last_number is None and not numbered:
                ident = str(unnumbered)  # a table without an STT column: its rows by position
            else:
                base = last_number or "0"
                head, _, tail = base.rpartition(".")
                ident = (
                    f"{head}.{int(tail) + unnumbered}" if tail.isdigit() and head else f"{base}.{unnumbered}"
                )
        while ident in used:
            ident += "'"
        used.add(ident)
        text = row.cells.get("text", "")
        lead, support = split_role_cell(row.cells.get("lead", ""), row.cells.get("support", ""))
        tasks.append(
            Task(
                id=ident,
                number=number,
                group=group,
                text=text,
                lead_units=lead,
                support_units=support,
                product=row.cells.get("product") or None,
                deadline=parse_deadline(row.cells.get("deadline")),
                targets=find_targets(text),
                extra=[ExtraCell(header=h, text=v) for h, v in row.extra.items() if v],
                origin=TaskOrigin.TABLE,
                span=Span(
                    page=row.page,
                    page_end=row.pages[-1] if len(row.pages) > 1 else None,
                    line_start=row.line_start,
                    line_end=row.line_end,
                    char_start=row.char_start,
                    char_end=row.char_end,
                ),
            )
        )
    return tasks, groups


def _is_task_section(node: SectionNode) -> bool:
    title = fold_ascii(node.title)
    heading_kinds = (
        MarkerKind.ROMAN,
        MarkerKind.ARABIC,
        MarkerKind.PART,
        MarkerKind.CHAPTER,
        MarkerKind.ARTICLE,
    )
    return node.kind in heading_kinds and any(w in title[:60] for w in _TASK_SECTION_WORDS)


def _task_sections(roots: list[SectionNode]) -> list[SectionNode]:
    """The deepest sections whose heading names tasks ("2. Nhiệm vụ và giải pháp" inside
    "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP"), and "Tổ chức thực hiện"."""
    out: list[SectionNode] = []
    for node in (n for r in roots for n in r.walk()):
        if not _is_task_section(node) or not node.children:
            continue
        if any(_is_task_section(c) and c.children for c in node.children):
            continue
        out.append(node)
    return out


def _leaves(node: SectionNode) -> list[SectionNode]:
    if not node.children:
        return [node]
    items = [c for c in node.children if c.kind not in (MarkerKind.DASH, MarkerKind.PLUS)]
    if not items:
        return [node]
    return [leaf for c in items for leaf in _leaves(c)]


def _is_heading(text: str) -> bool:
    return len(text) < 100 and not text.rstrip().endswith((".", ";"))


def _body_task(leaf: SectionNode) -> Task | None:
    """A task from a body item; None for an item that names no actor when actors are required."""
    items = [c for c in leaf.children if c.kind in (MarkerKind.DASH, MarkerKind.PLUS)]
    if items and _is_heading(leaf.own_text) and (named := heading_units(leaf.own_text)):
        # "2. Sở Nội vụ:" over "- Chủ trì rà soát …" / "- Phối hợp với …": the heading names who does
        # the items under it; the task is the items' work
        text = "\n".join([leaf.text, *(f"- {c.text}" for c in items)])
        return item_task(leaf, text, named, leaf.parent.id if leaf.parent else None)
    heading = _is_heading(leaf.own_text) and len(leaf.paragraphs) > 1
    text = leaf.text if heading else leaf.own_text
    lead = lead_units(leaf.own_text)
    if not lead and heading:
        lead = heading_units(leaf.own_text) or lead_units(leaf.paragraphs[1].text)
    if not lead:  # "1. Bộ Y tế:" over "a) Chủ trì …": the heading names who does its items
        lead = inherited_lead(leaf)
    return item_task(leaf, text, lead, leaf.parent.id if leaf.parent else None)


def _labelled_or_body(item: SectionNode) -> Task:
    fields = labelled_fields(item)
    if fields is not None:
        return labelled_task(item, fields)
    return _body_task(item) or item_task(item, item.text, [], item.parent.id if item.parent else None)


def tasks_from_body(roots: list[SectionNode], attached: list[SectionNode] | None = None) -> list[Task]:
    """Items of the task sections; else those of an attached document (a decision's "Kế hoạch …
    ban hành kèm theo"); else the numbered items that assign work to a unit (a công văn's "1. Giao
    Sở Xây dựng …")."""
    for scope in (roots, attached or []):
        labelled = labelled_sections(scope)
        if labelled:  # items written "- Cơ quan chủ trì: … - Thời gian thực hiện: …" (labelled.py)
            items = [
                c for s in labelled for c in s.children if c.kind not in (MarkerKind.DASH, MarkerKind.PLUS)
            ]
            return [_labelled_or_body(c) for c in items]
        sections = _task_sections(scope)
        if sections:
            leaves = [leaf for s in sections for leaf in _leaves(s) if leaf is not s]
            return [t for leaf in leaves if (t := _body_task(leaf)) is not None]
    items = [
        n
        for r in roots
        for n in r.walk()
        if n.level <= 2 and n.kind not in (MarkerKind.DASH, MarkerKind.PLUS)
    ]
    tasks: list[Task] = []
    for n in items:
        assigned = assignment_tasks(n)  # "1. Giao Sở X: - …" (assignments.py)
        if assigned is not None:
            tasks += assigned
        elif not n.children and (t := _body_task(n)) is not None:
            tasks.append(t)
    return [t for t in tasks if t.lead_units and not EXECUTION_CLAUSE.search(t.text)]
