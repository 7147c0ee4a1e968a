"""Regression: the Nghệ An plan 686/KH-UBND (markdown converted from PDF) against its gold file."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, load_gold
from goldcompare import check_body_deadlines, check_body_targets, check_metadata, check_sections, check_tasks
from plancompare import parse, to_json

DOC = ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md"


@pytest.fixture(scope="module")
def got() -> dict:  # type: ignore[type-arg]
    return json.loads(to_json(parse(DOC)))


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return load_gold("nghe-an-686-KH-UBND-2025.json")


def test_metadata(got: dict, gold: dict) -> None:  # type: ignore[type-arg]
    # the trích yếu opens with the decision it implements (the shared gold now says so too)
    assert check_metadata(gold, got) == []
    assert got["metadata"]["title"].startswith(
        "Triển khai thực hiện Quyết định số 1560/QĐ-TTg ngày 18/7/2025"
    )
    assert got["metadata"]["title"].endswith("trong giai đoạn mới")
    assert got["metadata"]["on_behalf_of"] == "TM. Ủy ban nhân dân"


def test_sections(got: dict, gold: dict) -> None:  # type: ignore[type-arg]
    assert check_sections(gold, got) == []
    ids = [s["id"] for s in got["sections"]]
    assert ids[:3] == ["I", "I.1", "I.1.a"]
    by_id = {s["id"]: s for s in got["sections"]}
    # the sentence cut by a page break (lines 21-25) is one item
    assert by_id["I.1.c"]["title"].endswith("chương trình tín dụng chính sách trong giai đoạn mới.")
    span = by_id["I.1.c"]["span"]
    assert (span["page"], span["line_start"], span["line_end"]) == (None, 21, 25)
    source = DOC.read_text(encoding="utf-8")
    cut = source[span["char_start"] : span["char_end"]]  # offsets into the (NFC, \n) source text
    assert cut.startswith("c) Tăng cường sự lãnh đạo") and cut.endswith("trong giai đoạn mới.")
    assert by_id["II.2.a.-4"]["title"].startswith("Đẩy mạnh vận động đóng góp vào Quỹ")
    assert by_id["II.3"]["parent"] == "II" and by_id["II.3.a"]["level"] == 3


def test_all_24_tasks(got: dict, gold: dict) -> None:  # type: ignore[type-arg]
    assert check_tasks(gold, got) == []
    assert [t["id"] for t in got["tasks"]][-4:] == ["5.8", "5.9", "5.10", "6"]
    assert [t["number"] for t in got["tasks"]][-3:] == [None, None, "6"]


def test_tasks_link_to_body_sections(got: dict) -> None:  # type: ignore[type-arg]
    section = {t["id"]: t["section"] for t in got["tasks"]}
    assert section["1.1"] == "II.1"
    assert section["4.1"] == "II.4.a"
    assert section["5.3"] == "II.5.a.-3"
    assert [g["section"] for g in got["task_groups"]] == ["II.1", "II.2", "II.3", "II.4", "II.5"]


def test_units_are_canonical(got: dict) -> None:  # type: ignore[type-arg]
    t41 = next(t for t in got["tasks"] if t["id"] == "4.1")
    assert [u["canonical"] for u in t41["lead_units"]] == [
        "Sở Tài chính",
        "Ủy ban nhân dân các xã, phường, đặc khu",
    ]
    assert t41["support_units"][0]["canonical"] == "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"
    every = [u for t in got["tasks"] for u in t["lead_units"] + t["support_units"]]
    assert all(u["canonical"] for u in every), [u["text"] for u in every if not u["canonical"]]


def test_targets_and_body_deadlines(got: dict, gold: dict) -> None:  # type: ignore[type-arg]
    assert check_body_targets(gold, got) == []
    assert check_body_deadlines(gold, got) == []
    # the only percentages in the plan are the two of 4.1 (in the table) and II.4.a (in the body)
    assert sorted(t["where"] for t in got["targets"]) == ["4.1", "4.1", "II.4.a", "II.4.a"]


def test_nothing_lost(got: dict) -> None:  # type: ignore[type-arg]
    acc = got["accounting"]
    assert acc["total"] == sum(acc["by_role"].values())
    assert acc["by_role"].get("unclassified", 0) == 0
    assert got["unclassified"] == []
    assert acc["by_role"]["table"] > 10_000 and acc["by_role"]["body"] > 10_000


def test_warnings_say_what_is_missing(got: dict) -> None:  # type: ignore[type-arg]
    codes = {w["code"] for w in got["warnings"]}
    assert "issuer_inferred" in codes  # the header lines were lost in the PDF-to-markdown conversion
    assert "number_missing" not in codes and "date_missing" not in codes
