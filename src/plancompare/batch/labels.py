"""Vietnamese labels of the batch outputs (what people read), with the machine keys beside them.
A finding kind without a label here (one added to the model later) shows its key."""

from __future__ import annotations

from ..model.comparison import FindingKind

KIND_LABELS: dict[str, str] = {
    "covered": "Đã thể hiện",
    "partial": "Thể hiện một phần",
    "missing": "Thiếu",
    "divergent": "Khác biệt",
    "added": "Bổ sung",
    "not_applicable": "Không áp dụng",
}
# heatmap and HTML colours; an unknown kind is grey
KIND_COLOURS: dict[str, str] = {
    "covered": "#2e7d32",
    "partial": "#f9a825",
    "missing": "#c62828",
    "divergent": "#8e24aa",
    "added": "#00838f",
    "not_applicable": "#9e9e9e",
}
DEFAULT_COLOUR = "#bdbdbd"
ERROR_COLOUR = "#424242"

COLUMN_LABELS: dict[str, str] = {
    "plan": "Kế hoạch (tệp)",
    "number": "Số, ký hiệu",
    "issuer": "Cơ quan ban hành",
    "date": "Ngày ban hành",
    "reference_items": "Số nhiệm vụ tham chiếu",
    "coverage": "Tỷ lệ bao phủ",
    "warnings": "Cảnh báo",
    "report": "Báo cáo",
    "error_class": "Loại lỗi",
    "error": "Lỗi",
}


def kinds() -> list[FindingKind]:
    """Every kind the model defines, in its declared order."""
    return list(FindingKind)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def column_label(key: str) -> str:
    return COLUMN_LABELS.get(key) or kind_label(key)
