"""The spaCy view: units from the glossary, cited documents, deadlines and targets as entities."""

from __future__ import annotations

import sys

from conftest import ROOT
from plancompare import parse


def test_entities_of_a_sentence() -> None:
    from plancompare.nlp import annotate

    doc = annotate(
        "Giao Sở Tài chính chủ trì, phối hợp với Chi nhánh NHCSXH tỉnh, UBND các xã, phường thực hiện "
        "Quyết định số 1560/QĐ-TTg; báo cáo trước ngày 30/9 hằng năm; đạt tối thiểu 15% tổng nguồn vốn."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Sở Tài chính", "UNIT"),
        ("Chi nhánh NHCSXH tỉnh", "UNIT"),
        ("UBND các xã, phường", "UNIT"),
        ("1560/QĐ-TTg", "DOC_REF"),
        ("trước ngày 30/9 hằng năm", "DEADLINE"),
        ("tối thiểu 15%", "TARGET"),
    ]
    assert "pyvi" not in sys.modules  # no word segmenter: syllables are the tokens


def test_task_docs() -> None:
    from plancompare.nlp import task_docs

    plan = parse(ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md")
    docs = task_docs(plan)
    assert len(docs) == 24 and docs[9].user_data["task_id"] == "4.1"
    assert {e.text for e in docs[9].ents if e.label_ == "TARGET"} == {"khoảng 15%-20%", "chiếm 15%"}
