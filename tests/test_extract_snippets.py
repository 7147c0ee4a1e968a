"""Extractors on small hand-written snippets in styles beyond the two corpus plans."""

from __future__ import annotations

import pytest

from plancompare.extract.casing import capacity_case, organization_case, title_case_role
from plancompare.extract.cites import find_cites
from plancompare.extract.deadlines import find_deadline, parse_deadline
from plancompare.extract.metadata import parse_number
from plancompare.extract.targets import find_targets
from plancompare.extract.units import split_units, unit_refs
from plancompare.structure.patterns import PLACE_DATE


@pytest.mark.parametrize(
    ("text", "number", "code", "blank"),
    [
        ("05/KH-UBND", "05/KH-UBND", "KH", False),  # digits as printed
        ("686 /KH-UBND", "686/KH-UBND", "KH", False),
        ("1074/QĐ-BXD", "1074/QĐ-BXD", "QĐ", False),
        ("7432/UBND-XD", "7432/UBND-XD", None, False),  # công văn: no type code
        ("666/2015/QĐ-UBND", "666/2015/QĐ-UBND", "QĐ", False),
        ("           /KH-UBND", None, "KH", True),  # a draft: number left blank
        ("12/CTr-UBND", "12/CTr-UBND", "CTr", False),
    ],
)
def test_parse_number(text: str, number: str | None, code: str | None, blank: bool) -> None:
    assert parse_number(text) == (number, code, blank)


@pytest.mark.parametrize(
    ("line", "place", "day", "month", "year"),
    [
        ("TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2026", "TP. Hồ Chí Minh", "01", "02", "2026"),
        ("Nghệ An, ngày 21 tháng 8 năm 2025", "Nghệ An", "21", "8", "2025"),
        ("Lào Cai, ngày       tháng      năm 2026", "Lào Cai", None, None, "2026"),
        ("Đà Nẵng, ngày 5 tháng 11 năm 2025", "Đà Nẵng", "5", "11", "2025"),
    ],
)
def test_place_and_date_line(line: str, place: str, day: str | None, month: str | None, year: str) -> None:
    m = PLACE_DATE.match(line)
    assert m is not None
    assert (m.group("place").strip(), m.group("day"), m.group("month"), m.group("year")) == (
        place,
        day,
        month,
        year,
    )


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Q. CHỦ TỊCH", "Q. Chủ tịch"),
        ("KT. CHỦ TỊCH", "KT. Chủ tịch"),
        ("TM. ỦY BAN NHÂN DÂN", "TM. Ủy ban nhân dân"),
        ("KT. BỘ TRƯỞNG", "KT. Bộ trưởng"),
        ("TL. GIÁM ĐỐC", "TL. Giám đốc"),
    ],
)
def test_capacity_case(raw: str, want: str) -> None:
    assert capacity_case(raw) == want


def test_role_and_organization_case() -> None:
    assert title_case_role("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert title_case_role("THỨ TRƯỞNG") == "Thứ trưởng"
    assert title_case_role("PHÓ GIÁM ĐỐC") == "Phó Giám đốc"
    assert organization_case("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH") == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert organization_case("BỘ XÂY DỰNG") == "Bộ Xây dựng"
    assert organization_case("SỞ TÀI CHÍNH") == "Sở Tài chính"


@pytest.mark.parametrize(
    ("text", "kind", "extra"),
    [
        ("Thường xuyên", "continuous", {}),
        ("Tháng 8/2025", "date", {"date": "2025-08-31"}),
        ("Quý III/2026", "date", {"date": "2026-09-30"}),
        ("Quý 1/2027", "date", {"date": "2027-03-31"}),
        ("Trong năm 2026", "date", {"date": "2026-12-31"}),
        ("Xong trong tháng 2/2028", "date", {"date": "2028-02-29"}),
        ("trước ngày 15/12/2025", "date", {"date": "2025-12-15", "before": True}),
        ("giai đoạn 2026-2030", "period", {"year_from": 2026, "year_to": 2030}),
        ("Giai đoạn 2026 – 2030", "period", {"year_from": 2026, "year_to": 2030}),
        ("Hằng năm", "annual", {"recurs": "annual"}),
        ("Định kỳ hằng năm (trước ngày 01/10)", "annual", {"day_month": "01/10", "before": True}),
        ("Định kỳ hằng năm trước ngày 5/1", "annual", {"day_month": "05/01"}),
        ("Theo kế hoạch của các cơ quan, đơn vị", "per_schedule", {}),
        ("Theo tiến độ của Bộ Tài chính", "per_schedule", {}),
        ("Khi có chỉ đạo", "other", {}),
        ("", "unspecified", {}),
        # a range of months ends with its last month, and is no day "9/10/2025"
        ("Tháng 9 - 10/2025", "date", {"date": "2025-10-31"}),
        ("Từ tháng 9 đến tháng 12/2025", "date", {"date": "2025-12-31"}),
        ("9/10/2025", "date", {"date": "2025-10-09"}),
    ],
)
def test_parse_deadline(text: str, kind: str, extra: dict) -> None:  # type: ignore[type-arg]
    d = parse_deadline(text)
    assert d.kind.value == kind
    for key, value in extra.items():
        assert getattr(d, key) == value, key


def test_deadline_in_running_text_ignores_cited_dates() -> None:
    d = find_deadline("Thực hiện Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ.")
    assert d.kind.value == "unspecified"
    d = find_deadline("Các sở báo cáo kết quả về Sở Tài chính trước ngày 15/11 hằng năm để tổng hợp.")
    assert (d.kind.value, d.day_month, d.text) == ("annual", "15/11", "trước ngày 15/11 hằng năm")
    d = find_deadline("Xây dựng kế hoạch, hoàn thành trong Quý IV/2025.")
    assert (d.kind.value, d.date) == ("date", "2025-12-31")
    # "hằng năm" qualifying a budget is not a deadline
    assert (
        find_deadline(
            "bố trí trong kế hoạch đầu tư công trung hạn và hàng năm ủy thác qua Chi nhánh."
        ).kind.value
        == "unspecified"
    )


def test_a_recurring_act_done_each_year_is_annual() -> None:
    d = find_deadline("Chủ trì rà soát hộ nghèo, hộ cận nghèo hằng năm.")
    assert (d.kind.value, d.recurs) == ("annual", "annual")
    assert find_deadline("Kiểm tra, giám sát việc sử dụng vốn vay hằng năm.").kind.value == "annual"


def test_continuous_in_running_text_only_where_it_says_when() -> None:
    d = find_deadline(
        "Công an xã phối hợp với các thôn bảo đảm an ninh tại điểm giao dịch; thực hiện thường xuyên."
    )
    assert (d.kind.value, d.text) == ("continuous", "thực hiện thường xuyên")
    d = find_deadline("Rà soát hộ nghèo. Thời gian thực hiện: thường xuyên.")
    assert (d.kind.value, d.text) == ("continuous", "Thời gian thực hiện: thường xuyên")
    # an adverb of manner, not a time frame
    assert (
        find_deadline("Thường xuyên tuyên truyền về tín dụng chính sách xã hội.").kind.value == "unspecified"
    )


@pytest.mark.parametrize(
    ("text", "cmp", "value", "value_max", "unit", "extra"),
    [
        ("tỷ lệ hộ nghèo giảm 3,5% mỗi năm", "=", 3.5, None, "%", {"period": "annual"}),
        ("tỷ lệ không thấp hơn 20%", ">=", 20, None, "%", {}),
        ("phấn đấu đến năm 2030 đạt tối thiểu 15% tổng nguồn vốn", ">=", 15, None, "%", {"by_year": 2030}),
        ("hằng năm chiếm khoảng 15%-20% tăng trưởng", "range", 15, 20, "%", {"period": "annual"}),
        ("từ 15-20% tăng trưởng", "range", 15, 20, "%", {}),
        ("nợ quá hạn dưới 1%/tổng dư nợ", "<", 1, None, "%", {"metric": "nợ quá hạn / tổng dư nợ"}),
        ("tối đa 2,5% tổng dư nợ", "<=", 2.5, None, "%", {}),
        ("bố trí 16.508 tỷ đồng", "=", 16508, None, "tỷ đồng", {}),
        ("đạt từ 10% trở lên", ">=", 10, None, "%", {}),
        # comparison signs, as tables of indicators write them
        ("tỷ lệ hộ được vay vốn ≥ 90%", ">=", 90, None, "%", {"metric": "tỷ lệ hộ được vay vốn"}),
        ("nợ quá hạn <1% tổng dư nợ", "<", 1, None, "%", {}),
        ("tỷ lệ giải ngân >= 95%", ">=", 95, None, "%", {}),
        ("chi phí ≤ 2,5% tổng dư nợ", "<=", 2.5, None, "%", {}),
    ],
)
def test_find_targets(
    text: str, cmp: str, value: float, value_max: float | None, unit: str, extra: dict
) -> None:  # type: ignore[type-arg]
    (t,) = find_targets(text)
    assert (t.comparator.value, t.value, t.value_max, t.unit) == (cmp, value, value_max, unit)
    for key, want in extra.items():
        assert getattr(t, key) == want, key


def test_no_targets_in_years_and_periods() -> None:
    assert (
        find_targets("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030; nhiệm kỳ 2025 – 2030") == []
    )


def test_cites() -> None:
    text = (
        "Căn cứ Nghị định số 30/2020/NĐ-CP; Quyết định số 1560/QĐ-TTg; Chỉ thị số 39-CT/TW; "
        "Kế hoạch số 194-KH/TU của Thành ủy; Công văn số 4339/NHCS-TDNN; Kế hoạch số: 05 /KH-UBND"
    )
    assert find_cites(text, own="05/KH-UBND") == [  # in the order the text cites them
        "30/2020/NĐ-CP",
        "1560/QĐ-TTg",
        "39-CT/TW",
        "194-KH/TU",
        "4339/NHCS-TDNN",
    ]
    # one document printed two ways is one cite, shown as the text prints it outside capitals
    assert find_cites(
        "QUYẾT ĐỊNH SỐ 1899/QĐ-TTG; Quyết định số 1899/QĐ-TTg; Nghị quyết 03/NQ-CP, 3/NQ-CP"
    ) == [
        "1899/QĐ-TTg",
        "03/NQ-CP",
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường",
            ["Các sở, ban, ngành, đơn vị cấp tỉnh", "UBND các xã, phường"],
        ),
        ("Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
        ("Sở Y tế và Sở Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
        ("các tổ chức chính trị - xã hội cấp tỉnh", ["các tổ chức chính trị - xã hội cấp tỉnh"]),
        ("- Công an tỉnh;\n- Bộ Chỉ huy quân sự tỉnh.", ["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]),
        ("UBND các phường, xã, đặc khu", ["UBND các phường, xã, đặc khu"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_units_canonical_tolerates_case_tones_and_typos() -> None:
    refs = unit_refs(
        "Uỷ ban Mặt trận tổ quốc Việt nam tỉnh; Sở Tai chinh; Ngân hàng Nhà nước Khu vực 3; Hội Khuyến học"
    )
    assert [r.canonical for r in refs] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Sở Tài chính",
        "Ngân hàng Nhà nước Khu vực {N}",
        None,
    ]
    assert refs[0].text == "Uỷ ban Mặt trận tổ quốc Việt nam tỉnh"  # display keeps the source's spelling


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "Các sở, ban, ngành; Ủy ban nhân dân các cấp chủ động triển khai.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các cấp"],
        ),
        ("Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh.", ["Sở Xây dựng"]),
        (
            "Rà soát các chính sách; nhiệm vụ này do Sở Tài chính chủ trì, phối hợp với các sở.",
            ["Sở Tài chính"],
        ),
        ("Tăng cường kiểm tra, giám sát; Sở Y tế chủ trì, phối hợp với UBND các xã.", ["Sở Y tế"]),
        ("Đẩy mạnh tuyên truyền, nâng cao nhận thức về tín dụng chính sách xã hội.", []),
    ],
)
def test_lead_units_in_sentences(text: str, lead: list[str]) -> None:
    from plancompare.extract.actors import lead_units

    assert [u.text for u in lead_units(text)] == lead
