"""Vietnamese number formats: decimal comma, thousands dot ("3,5%", "16.508 tỷ đồng")."""

from __future__ import annotations

from . import rx

NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d)"
_THOUSANDS = rx.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def parse_vn_number(text: str) -> float:
    """'16.508' -> 16508, '3,5' -> 3.5, '15' -> 15. A lone dot with 1-2 decimals ('3.5', common
    in English-trained typists' drafts) is read as a decimal point."""
    t = text.strip()
    if _THOUSANDS.match(t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))
