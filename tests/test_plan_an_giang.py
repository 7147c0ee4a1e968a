"""Regression: the An Giang plan (hard-wrapped plain text, header lost) against its gold file."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, load_gold
from goldcompare import check_all
from plancompare import parse, to_json

DOC = ROOT / "corpora" / "plans" / "an-giang-KH-UBND-2025.txt"


@pytest.fixture(scope="module")
def got() -> dict:  # type: ignore[type-arg]
    return json.loads(to_json(parse(DOC)))


def test_matches_gold_field_by_field(got: dict) -> None:  # type: ignore[type-arg]
    assert check_all(load_gold("an-giang-KH-UBND-2025.json"), got) == []


def test_missing_number_and_date_are_null_with_warnings(got: dict) -> None:  # type: ignore[type-arg]
    m = got["metadata"]
    assert m["number"] is None and m["date"] is None and m["place"] is None
    codes = [w["code"] for w in got["warnings"]]
    for code in ("number_missing", "date_missing", "place_missing", "appendix_absent", "header_missing"):
        assert code in codes


def test_appendix_referenced_but_absent(got: dict) -> None:  # type: ignore[type-arg]
    assert got["metadata"]["appendix"] == {"present": False, "referenced": True}


def test_title_keeps_source_typo(got: dict) -> None:  # type: ignore[type-arg]
    # "ngày 30 ngày 10 năm 2024" is the source's typo: kept in the text, not corrected
    assert got["metadata"]["title"] == (
        "Triển khai thực hiện Chỉ thị số 39-CT/TW ngày 30 ngày 10 năm 2024 của Ban Bí thư Trung ương Đảng "
        "về nâng cao hiệu quả của tín dụng chính sách xã hội trong giai đoạn mới"
    )


def test_hard_wraps_undone_without_merging_items(got: dict) -> None:  # type: ignore[type-arg]
    by_id = {s["id"]: s for s in got["sections"]}
    assert [k for k in by_id if k.startswith("II.1.")] == [f"II.1.{c}" for c in "abcdđegh"]
    assert by_id["III.2"]["title"].endswith("hàng năm báo cáo tình hình thực hiện Chỉ thị số 39-CT/TW.")
    assert "chính trị - xã hội" in by_id["III.3"]["title"]


def test_recipients_and_signature(got: dict) -> None:  # type: ignore[type-arg]
    m = got["metadata"]
    assert m["recipients"][0] == "TT. Tỉnh ủy" and m["recipients"][-1] == "Lưu: VT, pthoanh"
    assert m["signing_capacity"] == "KT. Chủ tịch" and m["on_behalf_of"] is None


def test_every_character_accounted_for(got: dict) -> None:  # type: ignore[type-arg]
    acc = got["accounting"]
    raw = (ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt").read_text(encoding="utf-8")
    assert acc["total"] == sum(1 for ch in raw if not ch.isspace())
