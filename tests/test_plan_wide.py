"""Regression: the seven real 2025 documents of the wide corpus (web copies with one cell per line
closed by `|`, site furniture, two documents in one file, a decision that is no plan) against their
gold files, field by field, and the traps `tests/data/gold/WIDE-NOTES.md` describes."""

from __future__ import annotations

import json
from functools import cache

import pytest

from conftest import ROOT, load_gold
from goldcompare import check_all
from plancompare import parse, to_json

WIDE = ROOT / "corpora" / "wide"
GOLDS = {
    "wide-nq03.json": "national-nq03-NQ-CP-2025-ctr-hanh-dong-nq57.md",
    "wide-kh310.json": "hanoi-kh310-UBND-2025-5g-iot.md",
    "wide-kh980.json": "nghean-kh980-UBND-2025-phong-thu-dan-su.md",
    "wide-kh144.json": "bacninh-kh144-UBND-2025-kinh-te-so.md",
    "wide-kh172.json": "hcm-kh172-UBND-2025-luat-viec-lam.md",
    "wide-kh982.json": "nghean-kh982-UBND-2025-thi-dua-dh14.md",
    "wide-qd2553.json": "national-qd2553-TTg-2025-lai-suat-nhcsxh.md",
}


@cache
def parsed(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads(to_json(parse(WIDE / name)))


# Where the document says more than its gold file lists (see the test after this one).
KNOWN_GOLD_GAPS = {"wide-kh144.json": {"task I.2: 2 targets, want 1"}}


@pytest.mark.parametrize("gold_name", sorted(GOLDS))
def test_matches_gold_field_by_field(gold_name: str) -> None:
    misses = check_all(load_gold(gold_name), parsed(GOLDS[gold_name]))
    assert [m for m in misses if m not in KNOWN_GOLD_GAPS.get(gold_name, set())] == []


def test_kh144_indicator_row_states_two_targets() -> None:
    """The gold lists one target for KH 144's indicator row 2, but its cell (lines 1393-1400) states
    two: "có tối thiểu 05 kịch bản ứng dụng dữ liệu" and "Đến năm 2030, … ít nhất 20 tập dữ liệu mở"."""
    row = next(
        t for t in parsed(GOLDS["wide-kh144.json"])["tasks"] if t["text"].startswith("Phấn đấu mỗi năm")
    )
    assert sorted((x["comparator"], x["value"], x["by_year"]) for x in row["targets"]) == [
        (">=", 5.0, None),
        (">=", 20.0, 2030),
    ]


def test_site_furniture_is_counted_not_parsed() -> None:
    """KH 980 is a legal-site scrape: banner, info box and footer are furniture, not sections."""
    got = parsed(GOLDS["wide-kh980.json"])
    acc = got["accounting"]
    assert acc["by_role"]["site_furniture"] > 1000  # the banner, info box, related documents, notices
    assert acc["total"] == sum(acc["by_role"].values())
    titles = " ".join(s["title"] for s in got["sections"])
    assert "THƯ VIỆN PHÁP LUẬT" not in titles.upper() and "Văn bản liên quan" not in titles
    # the info box said "Nơi ban hành: Tỉnh Nghệ An": a hint only, never the issuer
    assert got["metadata"]["issuer"] == "Ủy ban nhân dân tỉnh Nghệ An"
    assert "13/2023/NĐ-CP" not in got["metadata"]["cites"]  # cited by the site's notice, not the plan


def test_web_copy_gap_is_reported() -> None:
    """A line of dots stands where the copy lost rows: a warning, and the rows after it are kept."""
    got = parsed(GOLDS["wide-kh980.json"])
    assert "table_gap" in {w["code"] for w in got["warnings"]}
    assert [t["number"] for t in got["tasks"]][-2:] == ["1", "2"]


def test_news_summary_before_the_header_is_not_the_decision() -> None:
    """QĐ 2553's page carries a news summary with its own (1)(2)(3) list and a citation the decision
    does not make; the decision starts at its own header."""
    got = parsed(GOLDS["wide-qd2553.json"])
    assert "31/2007/QĐ-TTg" not in got["metadata"]["cites"]
    assert got["tasks"] == []
    assert [s["id"] for s in got["sections"] if s["level"] == 1] == ["Đ1", "Đ2", "Đ3"]


def test_side_by_side_header_fused_in_one_line() -> None:
    """NQ 03 writes issuer and Quốc hiệu in one heading and 'Số: 03/NQ-CP Hà Nội, ngày …' in one line."""
    m = parsed(GOLDS["wide-nq03.json"])["metadata"]
    assert (m["issuer"], m["place"], m["number"]) == ("Chính phủ", "Hà Nội", "03/NQ-CP")


def test_cell_wrap_inside_a_unit_name_is_no_separator() -> None:
    """KH 310 task 5: 'Sở Khoa học và' / 'Công nghệ' is one unit."""
    tasks = {t["number"]: t for t in parsed(GOLDS["wide-kh310.json"])["tasks"]}
    assert [u["text"] for u in tasks["5"]["support_units"]] == [
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
        "Sở Khoa học và Công nghệ",
        "Sở Công Thương",
    ]


@pytest.mark.parametrize(
    ("gold_name", "row", "units"),
    [
        ("wide-kh310.json", "1", ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các phường, xã"]),
        ("wide-nq03.json", "8", ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]),
    ],
)
def test_unit_cell_missing_a_separator_is_read_and_reported(
    gold_name: str, row: str, units: list[str]
) -> None:
    """KH 310 task 1 ("Sở Khoa học và Công nghệ Sở Công Thương; …") and NQ 03 task 8 (two ministries
    without a separator): read as the units they are, with a warning naming the row."""
    got = parsed(GOLDS[gold_name])
    task = next(t for t in got["tasks"] if t["number"] and t["number"].rstrip(".") == row)
    cell = task["support_units"] if gold_name == "wide-kh310.json" else task["lead_units"]
    assert [u["text"] for u in cell] == units
    warned = [w["message"] for w in got["warnings"] if w["code"] == "unit_separator_missing"]
    assert any(w.startswith(f"row {row}") and units[1] in w for w in warned)


def _tasks(got: dict) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [
        (
            t["number"],
            " ".join(t["text"].split())[:60],
            [u["text"] for u in t["lead_units"]],
            t["deadline"]["text"],
        )
        for t in got["tasks"]
    ]


@pytest.mark.parametrize("gold_name", ["wide-kh980.json", "wide-kh310.json", "wide-nq03.json"])
def test_the_same_copy_without_markup_gives_the_same_tasks(gold_name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A copy saved as plain text loses `**`, `*` and `#`: its header cells and task tables must still
    come together (a place name wrapped before ", ngày", lines that cannot end a line)."""
    source = (WIDE / GOLDS[gold_name]).read_text(encoding="utf-8")
    plain = "\n".join(line.replace("*", "").lstrip("#").lstrip() for line in source.split("\n"))
    path = tmp_path / (GOLDS[gold_name].removesuffix(".md") + ".txt")
    path.write_text(plain, encoding="utf-8")
    got = json.loads(to_json(parse(path)))
    assert _tasks(got) == _tasks(parsed(GOLDS[gold_name]))
    m, want = got["metadata"], parsed(GOLDS[gold_name])["metadata"]
    assert (m["number"], m["date"], m["place"]) == (want["number"], want["date"], want["place"])
