"""The NotAPlan guard: Vietnamese text always parses (header or not, diacritics or not); text with
no Vietnamese in it is NotAPlan with a message saying what plancompare reads."""

from __future__ import annotations

import pytest

from plancompare import parse
from plancompare.errors import NotAPlan

NO_HEADER = (
    "Thực hiện Quyết định số 1560/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n"
    "1. Sở Tài chính chủ trì tham mưu bố trí vốn.\n"
)


def test_vietnamese_without_header_parses_with_warnings() -> None:
    plan = parse(NO_HEADER.encode(), name="no-header.txt")
    assert "header_missing" in {w.code for w in plan.warnings}


def test_vietnamese_without_diacritics_parses() -> None:
    text = "Ke hoach trien khai thuc hien nhiem vu nam 2025\n1. So Tai chinh chu tri thuc hien.\n"
    assert parse(text.encode(), name="ascii.txt").source.format.value == "text"


@pytest.mark.parametrize(
    "text",
    [
        "Annual report on the programme. The department of finance met Mr Nguyễn Văn An in Hà Nội "
        "to discuss the budget for the coming years and the plan for online services.\n" * 3,
        "0123 4567 89 -- ## ** %% $$\n",
        "Le plan départemental prévoit une hausse des crédits.\n",
    ],
    ids=["english-with-names", "symbols", "french"],
)
def test_not_vietnamese_is_not_a_plan(text: str) -> None:
    with pytest.raises(NotAPlan, match=r"plancompare reads Vietnamese|no text"):
        parse(text.encode(), name="x.txt")
