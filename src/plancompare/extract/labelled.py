"""Tasks written as an item with labelled lines, the body's own form of a task table:

    1. Phổ biến, giáo dục Luật Việc làm …
    - Nội dung thực hiện: Tổ chức phổ biến …
    - Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo.
    - Cơ quan phối hợp: Bảo hiểm xã hội Thành phố, …
    - Thời gian thực hiện: Năm 2025 và các năm tiếp theo.

Each label names a column a task table would have; an item with at least two such lines is a task
whatever its section is called ("II. NỘI DUNG"), and its fields come from the labels. The labels
are matched on folded text, so "Thời hạn hoàn thành", "Đơn vị thực hiện" and "Sản phẩm" count too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.tasks import Task
from ..structure.markers import MarkerKind
from ..structure.sections import SectionNode
from ..text import rx
from ..text.fold import fold_ascii
from .actors import lead_units
from .assignments import item_task
from .deadlines import parse_deadline
from .units import unit_refs

_LABEL = rx.compile(
    r"^(?P<label>noi dung(?: thuc hien| cong viec)?|co quan(?:, don vi)? (?:chu tri|thuc hien|phoi hop)"
    r"|don vi (?:chu tri|thuc hien|phoi hop)|chu tri|phoi hop|thoi gian(?: thuc hien| hoan thanh)?"
    r"|thoi han(?: hoan thanh| thuc hien)?|tien do|san pham(?: du kien)?|ket qua(?: du kien)?)\s*:\s*"
)
# first match wins: "Nội dung thực hiện" and "Thời gian thực hiện" are no "thực hiện" (lead) label
_ROLE = (("noi dung", "text"), ("thoi", "deadline"), ("tien do", "deadline"), ("san pham", "product"),
         ("ket qua", "product"), ("phoi hop", "support"), ("chu tri", "lead"), ("thuc hien", "lead"))  # fmt: skip
MIN_LABELS = 2


@dataclass(slots=True)
class Fields:
    text: str = ""
    lead: str = ""
    support: str = ""
    deadline: str = ""
    product: str = ""


def _role(label: str) -> str:
    return next(role for key, role in _ROLE if key in label)


def labelled_fields(node: SectionNode) -> Fields | None:
    """The fields of an item whose dash children are labelled lines; None when fewer than two are."""
    fields = Fields()
    found = 0
    for child in node.children:
        if child.kind not in (MarkerKind.DASH, MarkerKind.PLUS):
            continue
        text = child.text
        m = _LABEL.match(fold_ascii(text))
        if m is None:
            continue
        # the folded match has the original's length only without a changed prefix: cut by label words
        value = text.split(":", 1)[1].strip() if ":" in text else ""
        role = _role(m.group("label"))
        setattr(fields, role, " ".join(x for x in (getattr(fields, role), value) if x))
        found += 1
    return fields if found >= MIN_LABELS else None


def labelled_task(node: SectionNode, fields: Fields) -> Task:
    text = " ".join(x for x in (node.title, fields.text) if x)
    # "Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp và … chủ động …": a sentence names the lead first
    lead = lead_units(fields.lead) or unit_refs(fields.lead) if fields.lead else []
    task = item_task(node, text, lead, node.parent.id if node.parent else None)
    if fields.support:
        task.support_units = unit_refs(fields.support)
    if fields.deadline:
        task.deadline = parse_deadline(fields.deadline.rstrip(" ."))
    if fields.product:
        task.product = fields.product.rstrip(" .")
    return task


def labelled_sections(roots: list[SectionNode]) -> list[SectionNode]:
    """Sections whose items are written with labelled lines: all their items are tasks, an item
    without labels too ("3. Xây dựng các văn bản …" whose actor and timing sit in one sentence)."""
    out: list[SectionNode] = []
    for node in (n for r in roots for n in r.walk()):
        if node.kind in (MarkerKind.DASH, MarkerKind.PLUS) or node.parent is None:
            continue
        if labelled_fields(node) is not None and node.parent not in out:
            out.append(node.parent)
    return out
