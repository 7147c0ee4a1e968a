"""The same plan in another form parses to the same tasks: a DOCX written at test time from the
markdown plan's text (body paragraphs and a native Word task table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from plancompare import parse
from plancompare.model import Plan

MD = ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md"
HEADER = ["STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "SẢN PHẨM", "THỜI GIAN THỰC HIỆN"]


def _units(units: list) -> str:  # type: ignore[type-arg]
    return "; ".join(u.text for u in units)


def write_docx(plan: Plan, body_lines: list[str], path: Path) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in body_lines:
        doc.add_paragraph(line)
    doc.add_paragraph("PHỤ LỤC")
    table = doc.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    groups = {g.number: g.title for g in plan.task_groups}
    seen: set[str] = set()
    for t in plan.tasks:
        if t.group and t.group in groups and t.group not in seen:
            seen.add(t.group)
            row = table.add_row().cells
            row[0].text, row[1].text = t.group, groups[t.group]
        row = table.add_row().cells
        values = [
            t.number or "",
            t.text,
            _units(t.lead_units),
            _units(t.support_units),
            t.product or "",
            t.deadline.text or "",
        ]
        for cell, text in zip(row, values, strict=True):
            cell.text = text
    doc.save(str(path))


def test_docx_rendering_gives_the_same_tasks(tmp_path: Path) -> None:
    md_plan = parse(MD)
    text = MD.read_text(encoding="utf-8")
    body = text[: text.index("**PHỤ LỤC:**")].replace("**", "").replace("*", "")
    lines = [ln.lstrip("# ").strip() for ln in body.splitlines() if ln.strip()]
    path = tmp_path / "nghe-an.docx"
    write_docx(md_plan, lines, path)
    docx_plan = parse(path)
    assert docx_plan.source.format.value == "docx"
    assert docx_plan.metadata.number == "686/KH-UBND" and docx_plan.metadata.date == "2025-08-21"
    assert [t.id for t in docx_plan.tasks] == [t.id for t in md_plan.tasks]
    for a, b in zip(docx_plan.tasks, md_plan.tasks, strict=True):
        assert (a.text, a.lead_units, a.support_units, a.deadline, a.targets) == (
            b.text,
            b.lead_units,
            b.support_units,
            b.deadline,
            b.targets,
        ), a.id
    assert [s.id for s in docx_plan.sections if s.id != "PL"] == [
        s.id for s in md_plan.sections if s.id != "PL"
    ]
