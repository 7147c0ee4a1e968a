"""Build the section tree from marked paragraphs. Nesting follows the marker kind (Roman > 1. > 1.1
> a) > - > +), never the markdown heading level, which PDF-to-markdown converters get wrong."""

from __future__ import annotations

from dataclasses import dataclass, field

from .markers import Marker, MarkerKind
from .numbering import successor
from .paragraphs import Paragraph


@dataclass(slots=True)
class SectionNode:
    id: str
    number: str | None
    title: str
    kind: MarkerKind | None
    level: int
    parent: SectionNode | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[SectionNode] = field(default_factory=list)

    @property
    def text(self) -> str:
        rest = [p.text for p in self.paragraphs[1:]]
        return "\n".join([self.title, *rest]) if rest else self.title

    @property
    def own_text(self) -> str:
        """The marker paragraph only (an item's own words, without the paragraphs after it)."""
        return self.title

    def walk(self) -> list[SectionNode]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def _label(kind: MarkerKind, label: str, parent: SectionNode | None, siblings: int) -> str:
    if kind is MarkerKind.DASH:
        return f"-{siblings + 1}"
    if kind is MarkerKind.PLUS:
        return f"+{siblings + 1}"
    if kind is MarkerKind.DECIMAL and parent is not None and parent.number is not None:
        head, _, tail = label.rpartition(".")
        if head == parent.number or head.endswith("." + parent.number):
            return tail
    if kind is MarkerKind.ARTICLE:
        return f"Đ{label}"  # "Đ1", "Đ2.3": short ids without spaces, as for "II.3"
    return label


class SectionBuilder:
    """Feed paragraphs in order; markers open sections, other paragraphs join the open one."""

    def __init__(self, max_depth: int = 12) -> None:
        self.roots: list[SectionNode] = []
        self.stack: list[SectionNode] = []
        self.max_depth = max_depth
        self.orphans: list[Paragraph] = []
        self.repairs: list[tuple[str, str, Paragraph]] = []  # (as written, read as, where)
        self._ids: set[str] = set()

    def _unique(self, ident: str) -> str:
        if ident not in self._ids:
            self._ids.add(ident)
            return ident
        n = 2
        while f"{ident}~{n}" in self._ids:
            n += 1
        self._ids.add(f"{ident}~{n}")
        return f"{ident}~{n}"

    def open(self, ident: str, number: str | None, title: str, para: Paragraph | None) -> SectionNode:
        """A section that has no list marker (an appendix heading): a new root."""
        node = SectionNode(self._unique(ident), number, title, None, 1, None)
        if para is not None:
            node.paragraphs.append(para)
        self.roots.append(node)
        self.stack = [node]
        return node

    def add(self, para: Paragraph) -> SectionNode | None:
        m = para.marker
        if m is None or (len(self.stack) >= self.max_depth and m.kind > self.stack[-1].kind):  # type: ignore[operator]
            if self.stack:
                # the paragraph that ends the text ("… xem xét, giải quyết./.") closes the part, not
                # the last item before it
                target = self.stack[0] if para.text.rstrip().endswith("./.") else self.stack[-1]
                target.paragraphs.append(para)
                return target
            self.orphans.append(para)
            return None
        while self.stack and self.stack[-1].kind is not None and self.stack[-1].kind >= m.kind:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        same_kind = [c for c in (parent.children if parent else self.roots) if c.kind is m.kind]
        label = _label(m.kind, m.label, parent, len(same_kind))
        if same_kind and same_kind[-1].number == m.label and m.kind is not MarkerKind.ARTICLE:
            # a repeated number is a misread of the next one ("II" after "II" is "III")
            nxt = successor(m.label)
            if nxt is not None:
                self.repairs.append((m.label, nxt, para))
                m = Marker(m.kind, nxt, m.rest)
                label = _label(m.kind, nxt, parent, len(same_kind))
        ident = self._unique(f"{parent.id}.{label}" if parent else label)
        number = None if m.kind in (MarkerKind.DASH, MarkerKind.PLUS) else m.label
        node = SectionNode(ident, number, m.rest, m.kind, len(self.stack) + 1, parent, [para])
        (parent.children if parent else self.roots).append(node)
        self.stack.append(node)
        return node

    def all(self) -> list[SectionNode]:
        out: list[SectionNode] = []
        for root in self.roots:
            out.extend(root.walk())
        return out
