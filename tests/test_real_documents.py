"""Regression: the real Lào Cai / Ministry of Construction documents and the typeset Nghệ An PDF,
field by field against their gold files."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from conftest import ROOT, load_gold
from goldcompare import check_all, check_metadata, check_sections, check_tasks
from plancompare import parse, to_json

REAL = ROOT / "corpora" / "real"


@cache
def parsed(rel: str) -> dict[str, Any]:
    return json.loads(to_json(parse(ROOT / rel)))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "gold_name", ["qd-1074-QD-BXD-2026.json", "cv-7432-UBND-XD-2026.json", "lao-cai-KH-chi-thi-11-draft.json"]
)
def test_real_document_matches_gold(gold_name: str) -> None:
    gold = load_gold(gold_name)
    assert check_all(gold, parsed(gold["document"])) == []


def test_typeset_pdf_parses_like_the_markdown() -> None:
    gold = load_gold("nghe-an-686-KH-UBND-2025.json")
    got = parsed("corpora/pdf/nghe-an-686-KH-UBND-2025.pdf")
    # see test_plan_nghe_an: the gold's title prefix is not what the document says
    assert check_metadata(gold, got, skip=frozenset({"title"})) == []
    assert check_sections(gold, got) == []
    assert check_tasks(gold, got) == []
    assert got["source"]["format"] == "pdf" and got["source"]["pages"] == 18
    md = parsed("corpora/plans/nghe-an-686-KH-UBND-2025.md")
    for a, b in zip(got["tasks"], md["tasks"], strict=True):
        assert (a["id"], a["text"], a["lead_units"], a["support_units"], a["deadline"]) == (
            b["id"],
            b["text"],
            b["lead_units"],
            b["support_units"],
            b["deadline"],
        )


def test_pdf_provenance_has_pages() -> None:
    got = parsed("corpora/pdf/nghe-an-686-KH-UBND-2025.pdf")
    assert all(s["span"]["page"] for s in got["sections"])
    assert all(t["span"]["page"] for t in got["tasks"])
    pages = [t["span"]["page"] for t in got["tasks"]]
    assert pages == sorted(pages) and pages[0] >= 8  # the appendix table follows the 7-page body
    assert {t["where"] for t in got["targets"]} == {"4.1", "II.4.a"}


def test_decision_articles_and_assignments() -> None:
    got = parsed("corpora/real/QD-1074-QD-BXD-29-6-2026.pdf")
    ids = [s["id"] for s in got["sections"]]
    assert ids[:3] == ["Đ1", "Đ2", "Đ3"]
    assert got["sections"][0]["title"].startswith("Ban hành kèm theo Quyết định này")
    assert [t["id"] for t in got["tasks"]] == ["Đ3.1", "Đ3.2"]
    assert got["metadata"]["recipients"][0] == "Như Điều 3"
    assert got["unclassified"] == []


def test_cong_van_addressees_and_items() -> None:
    got = parsed("corpora/real/CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf")
    m = got["metadata"]
    assert m["recipients"][:3] == [
        "Các Sở, ban, ngành thuộc tỉnh",
        "Công an tỉnh",
        "Ủy ban nhân dân các xã, phường",
    ]
    assert m["cites"] == ["1074/QĐ-BXD"]
    assert "legacy_encoding" in {w["code"] for w in got["warnings"]}
    task2 = got["tasks"][1]
    assert [u["canonical"] for u in task2["lead_units"]] == ["Sở Xây dựng"]
    assert task2["support_units"][0]["text"] == "Công an tỉnh"


def test_draft_docx_task_table_and_blanks() -> None:
    got = parsed("corpora/real/KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx")
    assert [t["number"] for t in got["tasks"]] == [str(n) for n in range(1, 15)]
    assert all(t["origin"] == "table" for t in got["tasks"])
    codes = {w["code"] for w in got["warnings"]}
    assert {"number_blank", "date_blank"} <= codes
    assert got["metadata"]["number"] is None and got["metadata"]["date"] is None


def test_report_docx_is_not_a_task_list() -> None:
    got = parsed("corpora/real/BC-tinh-ket-qua-Chi-thi-38-TTg.docx")
    m = got["metadata"]
    assert (m["doc_type"], m["doc_type_name"], m["place"]) == ("BC", "Báo cáo", "Lào Cai")
    assert m["issuer"].casefold().replace("uỷ", "ủy") == "ủy ban nhân dân tỉnh lào cai"
    assert got["tasks"] == [] and "tasks_not_found" in {w["code"] for w in got["warnings"]}
