"""Fixed phrases of NĐ 30/2020 documents that mark where one part ends and the next begins."""

from __future__ import annotations

import regex

from ..text import rx
from ..text.fold import fold_ascii

# Type names (Điều 7, Phụ lục III of NĐ 30/2020) and Party types, with their codes.
TYPE_NAMES: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "CTr",  # Party and Government programmes; before "CHƯƠNG TRÌNH"
    "CHƯƠNG TRÌNH": "CTr",
    "KẾT LUẬN": "KL",  # Party type (Hướng dẫn 36-HD/VPTW)
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
    "CÔNG VĂN": "",
}
TYPE_CODES = {code: name for name, code in TYPE_NAMES.items() if code}
_TYPE_BY_FOLD = {fold_ascii(name): name for name in TYPE_NAMES}


def type_name_of(text: str) -> str | None:
    """'KẾ HOẠCH' -> 'KẾ HOẠCH' (a type line), else None. 'QUYẾT ĐỊNH:' (with a colon) is the
    operative word of a decision, not its type line."""
    t = text.strip()
    if t.endswith(":"):
        return None
    return _TYPE_BY_FOLD.get(fold_ascii(t))


QUOC_HIEU = rx.compile(r"^C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I", regex.IGNORECASE)
# the Quốc hiệu's second half on its own line ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", wrapped)
QUOC_HIEU_TAIL = rx.compile(r"^(?:X[ÃA]\s+H[ỘO]I\s+)?CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", regex.IGNORECASE)
# the Quốc hiệu inside a line that a converter fused with the issuer ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI …")
QUOC_HIEU_INSIDE = rx.compile(r"\s+C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\b.*$", regex.IGNORECASE)
# "Số: 03/NQ-CP" before the place and date on one line (a side-by-side row written as one line)
SO_PREFIX = rx.compile(r"^S[ốô]\s*[:.]?\s*[\d\s._…]*/\s*\S+\s+(?=\S)")
TIEU_NGU = rx.compile(r"^Độc\s+lập\s*[-–]\s*Tự\s+do", regex.IGNORECASE)
SO_LINE = rx.compile(r"^S[ốô]\s*[:.]?\s*(.*)$")
PLACE_DATE = rx.compile(
    r"^(?P<place>[^,]{2,40}?)\s*,\s*ngày\s*(?P<day>\d{1,2})?[\s.…_]*tháng\s*(?P<month>\d{1,2})?[\s.…_]*"
    r"năm\s*(?P<year>\d{4})?",
    regex.IGNORECASE,
)
VV_LINE = rx.compile(r"^V/v\s*[:.]?\s*(.*)$", regex.IGNORECASE)
KINH_GUI = rx.compile(r"^Kính\s+gửi\s*:?\s*(.*)$", regex.IGNORECASE)
NOI_NHAN = rx.compile(r"^Nơi\s+nhận\s*:?\s*(.*)$", regex.IGNORECASE)
# state "TM. …", "KT. …"; Party "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ" (docs/party-documents.md)
CAPACITY = rx.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\s*\.|T\s*/\s*M|K\s*/\s*T|T\s*/\s*L)\s*(\S.*)$")
PREAMBLE_START = rx.compile(r"^(Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\b")
OPERATIVE = rx.compile(r"^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ)\s*:\s*$")
APPENDIX = rx.compile(r"^PH[ỤU]\s*L[ỤU]C\b", regex.IGNORECASE)
ATTACHED_CAPTION = rx.compile(r"^\(\s*(Ban\s+hành\s+)?kèm\s+theo\b", regex.IGNORECASE)
SEPARATOR = rx.compile(r"^[-_–—=.*\s]{3,}$")
