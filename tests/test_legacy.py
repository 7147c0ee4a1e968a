from __future__ import annotations

import pytest

from plancompare.readers.legacy import (
    Encoding,
    convert,
    detect,
    encoding_from_font,
    fix_text,
    is_caps_font,
    tcvn3_table,
    vni_table,
)

# Word pairs: TCVN3 surface text (as a PDF or DOCX gives it) -> Unicode. The first comes from the
# real công văn 7432/UBND-XD (its PDF /Title); the others are the fixed phrases of NĐ 30 documents
# and common plan vocabulary, each exercising different table rows.
TCVN3_PAIRS = [
    ("uû ban nh©n d©n tØnh", "uỷ ban nhân dân tỉnh"),
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("QuyÕt ®Þnh", "Quyết định"),
    ("KÕ ho¹ch", "Kế hoạch"),
    ("C¨n cø NghÞ ®Þnh sè", "Căn cứ Nghị định số"),
    ("Thñ t­íng ChÝnh phñ", "Thủ tướng Chính phủ"),
    ("N¬i nhËn", "Nơi nhận"),
    ("L­u: VT", "Lưu: VT"),
    ("Së X©y dùng", "Sở Xây dựng"),
    ("sö dông ®Êt", "sử dụng đất"),
    ("tæ chøc thùc hiÖn", "tổ chức thực hiện"),
    ("nhiÖm vô", "nhiệm vụ"),
    ("b¸o c¸o", "báo cáo"),
    ("phßng ch¸y, ch÷a ch¸y", "phòng cháy, chữa cháy"),
    ("kiÓm tra, gi¸m s¸t", "kiểm tra, giám sát"),
    ("h­íng dÉn", "hướng dẫn"),
    ("tr­íc ngµy", "trước ngày"),
    ("th­êng xuyªn", "thường xuyên"),
    ("tuyªn truyÒn", "tuyên truyền"),
    ("kho¸ng s¶n", "khoáng sản"),
    ("tµi nguyªn", "tài nguyên"),
    ("ng©n s¸ch", "ngân sách"),
    ("quü", "quỹ"),
    ("thuë", "thuở"),
    ("n¨m", "năm"),
    ("b»ng", "bằng"),
    ("¾t", "ắt"),
    ("ph¼ng", "phẳng"),
    ("®Æt", "đặt"),
    ("Çu", "ầu"),
    ("®Èy", "đẩy"),
    ("bÉy", "bẫy"),
    ("Ên", "ấn"),
    ("vÌ", "vè"),
    ("lÎ", "lẻ"),
    ("vÏ", "vẽ"),
    ("nÐt", "nét"),
    ("mÑ", "mẹ"),
    ("hÒ", "hề"),
    ("mÓ", "mể"),
    ("mÔ", "mễ"),
    ("ViÕt", "Viết"),
    ("m×nh", "mình"),
    ("ngâ", "ngõ"),
    ("cã", "có"),
    ("tå", "tồ"),
    ("tç", "tỗ"),
    ("gië", "giở"),
    ("mì", "mỡ"),
    ("lîi", "lợi"),
    ("mïa", "mùa"),
    ("ròng", "rũng"),
    ("õng", "ừng"),
    ("÷a", "ữa"),
    ("kú", "kỳ"),
    ("Ký", "Ký"),
    ("lþ", "lỵ"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_PAIRS)
def test_tcvn3_pairs(legacy: str, unicode: str) -> None:
    assert convert(legacy, Encoding.TCVN3) == unicode


def test_tcvn3_capitals_of_base_letters() -> None:
    assert convert("¡ ¢ £ ¤ ¥ ¦ §", Encoding.TCVN3) == "Ă Â Ê Ô Ơ Ư Đ"


def test_tcvn3_caps_font_upper_cases() -> None:
    # .VnTimeH draws lowercase codes as capitals: the same bytes typed in the header font.
    assert convert("céng hoµ x· héi chñ nghÜa viÖt nam", Encoding.TCVN3, caps=True) == (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert convert("uû ban nh©n d©n", Encoding.TCVN3, caps=True) == "UỶ BAN NHÂN DÂN"


def test_tcvn3_pdf_glyph_substitutes() -> None:
    # Some producers map 0xAD (ư) to U+2212 when writing the PDF.
    assert convert("Thñ t\u2212íng", Encoding.TCVN3) == "Thủ tướng"


def test_tcvn3_table_is_complete() -> None:
    # 12 vowel rows x 5 tones + 14 base letters.
    assert len(tcvn3_table()) == 74
    assert len(set(tcvn3_table().values())) == 74


VNI_PAIRS = [
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
    ("Keá hoaïch", "Kế hoạch"),
    ("Quyeát ñònh", "Quyết định"),
    ("ñöôïc", "được"),
    ("cuûa", "của"),
    ("Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),
    ("naêm", "năm"),
    ("baèng", "bằng"),
    ("ñaët", "đặt"),
    ("nhieäm vuï", "nhiệm vụ"),
    ("tæ", "tỉ"),
    ("kyø", "kỳ"),
    ("lî", "lỵ"),
    ("ngöôøi", "người"),
    ("sôû", "sở"),
    ("Ñaø Naüng", "Đà Nẵng"),
]


@pytest.mark.parametrize(("legacy", "unicode"), VNI_PAIRS)
def test_vni_pairs(legacy: str, unicode: str) -> None:
    assert convert(legacy, Encoding.VNI) == unicode


def test_vni_table_has_upper_and_lower() -> None:
    assert vni_table()["aø"] == "à" and vni_table()["AØ"] == "À"


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", Encoding.TCVN3),
        (".VnTimeH", Encoding.TCVN3),
        ("ABCDEF+VnArial", Encoding.TCVN3),
        ("VNI-Times", Encoding.VNI),
        ("BCDEFG+VNI-Helve-Bold", Encoding.VNI),
        ("TimesNewRomanPSMT", None),
        ("LiberationSerif-Bold", None),
        (None, None),
    ],
)
def test_encoding_from_font(font: str | None, expected: Encoding | None) -> None:
    assert encoding_from_font(font) == expected


def test_caps_font() -> None:
    assert is_caps_font(".VnTimeH")
    assert is_caps_font("VnArialH,Bold")
    assert not is_caps_font(".VnTime")
    assert not is_caps_font("TimesNewRomanPSMT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uû ban nh©n d©n tØnh", Encoding.TCVN3),
        ("Xin chaøo caùc baïn", Encoding.VNI),
        ("Kế hoạch 686/KH-UBND", None),
        ("Cộng hoà xã hội", None),
        ("Công văn", None),
        ("thuê nhà", None),
        ("Report 2026", None),
    ],
)
def test_detect(text: str, expected: Encoding | None) -> None:
    assert detect(text) == expected


def test_fix_text_leaves_unicode_alone() -> None:
    assert fix_text("Ủy ban nhân dân tỉnh Lào Cai") == ("Ủy ban nhân dân tỉnh Lào Cai", None)
