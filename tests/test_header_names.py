"""The header's names repaired with the unit glossary (`extract/header_names.py`): lines a copy wrapped
mid-name joined, words a converter ran together separated, a parent and its issuer on one line split;
a parent over its issuer stays two levels. Document-level: the web copies of the wide corpus without
their bold (`tests/variants.py`), whose header cells are one line per wrap."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from letters import CV_SO, to_markdown
from plancompare.api import parse
from plancompare.extract.header_names import (
    join_broken_names,
    separate_fused_words,
    split_fused_issuer,
    starts_a_name,
)
from test_plan_wide import WIDE
from variants import VARIANTS


@pytest.mark.parametrize(
    "text",
    ["ỦY BAN NHÂN", "THỦ TƯỚNG CHÍNH PHỦ", "UBND TỈNH LÀO CAI", "CỘNG HÒA XÃ", "BỘ GIÁO DỤC VÀ"],
)
def test_a_name_or_its_beginning(text: str) -> None:
    assert starts_a_name(text)


@pytest.mark.parametrize(
    "text",
    ["THỦ TƯỚNG CHÍ", "BAN NHÂN DÂN", "UBND TỈNH THANH HÓA SỞ TÀI CHÍNH", "ỦY BAN NHÂN DÂNTỈNH", ""],
)
def test_no_name_begins_with(text: str) -> None:
    assert not starts_a_name(text)


def test_a_wrap_inside_a_name_is_joined() -> None:
    assert join_broken_names(["THỦ TƯỚNG CHÍNH", "PHỦ", "Số: 2553/QĐ-TTg"]) == [
        "THỦ TƯỚNG CHÍNH PHỦ",
        "Số: 2553/QĐ-TTg",
    ]
    assert join_broken_names(["ỦY BAN", "NHÂN DÂN", "TỈNH LÀO CAI"]) == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]


def test_a_wrap_inside_the_quoc_hieu_is_joined() -> None:
    assert join_broken_names(["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_a_new_unit_on_the_next_line_stays_a_level_of_its_own() -> None:
    assert join_broken_names(["UBND TỈNH THANH HÓA", "SỞ TÀI CHÍNH"]) == [
        "UBND TỈNH THANH HÓA",
        "SỞ TÀI CHÍNH",
    ]
    assert join_broken_names(["BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) == [
        "BỘ TÀI CHÍNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]


def test_a_line_with_small_letters_is_never_joined() -> None:
    assert join_broken_names(["ỦY BAN NHÂN", "dân"]) == ["ỦY BAN NHÂN", "dân"]


def test_a_lost_break_between_two_names_is_put_back() -> None:
    assert separate_fused_words("UỶ BAN NHÂN DÂNTỈNH LÀO CAI") == "UỶ BAN NHÂN DÂN TỈNH LÀO CAI"
    assert separate_fused_words("BỘ TÀI CHÍNHCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == (
        "BỘ TÀI CHÍNHCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )  # two names, not one: nothing the glossary confirms


@pytest.mark.parametrize("line", ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "CÔNG TY TNHH ABCDE", "Số: 12/KH-UBND"])
def test_a_line_without_a_lost_break_is_left_as_written(line: str) -> None:
    assert separate_fused_words(line) == line


@pytest.mark.parametrize("province", ["THANH HÓA", "THANH HOÁ"])
def test_a_fused_parent_and_issuer_split_whatever_the_tone_placement(province: str) -> None:
    assert split_fused_issuer(f"UBND TỈNH {province} SỞ TÀI CHÍNH") == [
        f"UBND TỈNH {province}",
        "SỞ TÀI CHÍNH",
    ]


def test_old_tone_placement_in_a_fused_header_gives_two_levels(tmp_path: Path) -> None:
    letter = replace(CV_SO, issuer=("UBND TỈNH THANH HOÁ", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"))
    web = tmp_path / "fused.md"
    web.write_text(to_markdown(letter, fused_issuer=True), encoding="utf-8")
    m = parse(web).metadata
    assert (m.issuer, m.parent_issuer) == ("Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân tỉnh Thanh Hoá")


@pytest.mark.parametrize("variant", ["plain", "wrap72", "crlf"])
@pytest.mark.parametrize(
    ("doc", "issuer"),
    [
        # "ỦY BAN NHÂN" / "DÂN" / "THÀNH PHỐ HÀ NỘI" beside "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"
        ("hanoi-kh310-UBND-2025-5g-iot.md", "Ủy ban nhân dân thành phố Hà Nội"),
        # "THỦ TƯỚNG CHÍNH" / "PHỦ"
        ("national-qd2553-TTg-2025-lai-suat-nhcsxh.md", "Thủ tướng Chính phủ"),
        ("nghean-kh980-UBND-2025-phong-thu-dan-su.md", "Ủy ban nhân dân tỉnh Nghệ An"),
    ],
)
def test_the_issuer_of_a_web_copy_without_its_bold(
    tmp_path: Path, doc: str, variant: str, issuer: str
) -> None:
    path = tmp_path / "copy.txt"
    path.write_bytes(VARIANTS[variant]((WIDE / doc).read_text(encoding="utf-8")).encode("utf-8"))
    m = parse(path).metadata
    assert (m.issuer, m.parent_issuer) == (issuer, None)
