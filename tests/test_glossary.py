"""The unit glossary: lookup tolerance and roles across levels."""

from __future__ import annotations

import pytest

from plancompare.glossary import load_glossary


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("so_tai_chinh", "bo_tai_chinh", True),  # counterparts one level apart
        ("chi_nhanh_nhcsxh_tinh", "ngan_hang_chinh_sach_xa_hoi", True),
        ("ubnd_cac_cap", "ubnd_cac_xa", True),  # a collective and a group sharing UBND tỉnh
        ("so_ke_hoach_va_dau_tu", "so_tai_chinh", True),  # merged in 2025
        ("so_tai_chinh", "so_xay_dung", False),
        ("so_tai_chinh", "bo_xay_dung", False),
        ("cac_so_ban_nganh_tinh", "ubnd_cac_xa", False),
        ("ubnd_tinh", "so_tai_chinh", False),
    ],
)
def test_same_role(a: str, b: str, same: bool) -> None:
    g = load_glossary()
    assert g.same_role(a, b) is same and g.same_role(b, a) is same


def test_lookup_provinces_and_numbered_regions() -> None:
    g = load_glossary()
    assert g.lookup("UBND tỉnh Nghệ An").id == "ubnd_tinh"  # type: ignore[union-attr]
    assert g.lookup("Chi nhánh NHCSXH tỉnh Lào Cai").id == "chi_nhanh_nhcsxh_tinh"  # type: ignore[union-attr]
    assert g.lookup("NHNN Khu vực 12").id == "nhnn_khu_vuc"  # type: ignore[union-attr]
    assert g.lookup("Sở Kế hoạch và Đầu tư").id == "so_ke_hoach_va_dau_tu"  # type: ignore[union-attr]
    assert g.lookup("Hội Khuyến học tỉnh") is None
    assert g.find_province("Báo và Phát thanh - Truyền hình An Giang") == "An Giang"
