"""Site furniture around a document copied from a legal-document website.

A web copy carries the site around the document: a copyright banner, a "what changed" widget, an
info box ("Số hiệu: … Loại văn bản: … Nơi ban hành: …"), sometimes a news summary, and after the
document the site's title line, "Văn bản liên quan", help text and notices. None of it is the
document. The document runs from its own header (the issuer beside the Quốc hiệu, or "ĐẢNG CỘNG
SẢN VIỆT NAM") to the end of its last appendix; what lies outside is `site_furniture`.

The info box is kept as a hint (`SiteHint`) and never used as the document's metadata: the box of
one copy said "Nơi ban hành: Tỉnh Nghệ An" where the issuer is the provincial People's Committee.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..text import rx
from ..text.fold import fold_ascii
from .cell_lines import is_separator
from .markup import strip_emphasis

# Folded to ASCII: the copy's own marks are not always right.
_NATIONAL_MOTTO = rx.compile(r"^(?:cong hoa xa hoi(?: chu nghia viet nam)?|dang cong san viet nam)\b")
_COLUMN_GAP = rx.compile(r"\s{3,}")
_MOTTO_TAIL = rx.compile(r"^chu nghia viet nam\b")
_INFO_LABEL = rx.compile(
    r"^(so hieu|loai van ban|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|ngay cong bao|so cong bao"
    r"|tinh trang|linh vuc|co quan ban hanh)\s*:"
)
# Lines only a site writes: the site's name anywhere, or a widget label as the whole line's start.
_BANNER = rx.compile(
    r"thu vien phap luat|thuvienphapluat|luatvietnam"
    r"|^(?:dang tai van ban|ban dich nay thuoc|cac noi dung duoc sua doi|click vao phan"
    r"|van ban nay chua cap nhat|van ban lien quan$|van ban goc$|cam on da dung|thua quy khach"
    r"|tai van ban$|luoc do$|noi dung mix|dang nhap)"
)
# The site's title line after the document: "Kế hoạch 980/KH-UBND năm 2025 thực hiện … ban hành"
# (a type name directly followed by the number, without "số").
_SITE_TITLE = rx.compile(
    r"^(ke hoach|quyet dinh|nghi quyet|cong van|thong tu|chi thi|nghi dinh|thong bao|bao cao|chuong trinh"
    r"|huong dan|ket luan|quy dinh|luat)\s+\d+\s*/.{0,30}?\s(?:nam|ngay)\s"
)
_HINT_KEYS = {
    "so hieu": "number",
    "loai van ban": "doc_type_name",
    "noi ban hanh": "issuer",
    "nguoi ky": "signer",
    "ngay ban hanh": "date",
}


@dataclass(slots=True)
class SiteBounds:
    start: int  # first line (0-based) of the document
    end: int  # one past its last line
    hint: dict[str, str] = field(default_factory=dict)  # info-box values by field name


def _key(raw: str) -> str:
    return fold_ascii(strip_emphasis(raw.strip().lstrip("#").strip())).strip(" *")


def is_furniture_line(raw: str) -> bool:
    """A site's line: a banner, or an info-box label (also in a cell of a table row)."""
    key = _key(raw)
    if not key:
        return False
    if _INFO_LABEL.match(key) or _BANNER.search(key):
        return True
    cells = row_cells(raw)
    return len(cells) > 1 and any(_INFO_LABEL.match(_key(c)) for c in cells)


def row_cells(raw: str) -> list[str]:
    """A line's cells when it lays out a table row: a pipe table's cells (`| ỦY BAN … | CỘNG HÒA … |`),
    or the columns of an aligned row (pandoc's multiline table), split at gaps of three spaces."""
    text = raw.strip()
    if text.startswith("|"):
        return [c for c in text.strip("|").split("|") if c.strip()]
    return [c for c in _COLUMN_GAP.split(text) if c.strip()]


def _motto_in_row(raw: str) -> bool:
    """The Quốc hiệu in a cell after the first, the issuer's cell before it on the same row."""
    cells = row_cells(raw)
    return len(cells) > 1 and any(_NATIONAL_MOTTO.match(_key(c)) for c in cells[1:])


def _motto_at(raw: list[str]) -> int | None:
    for i, line in enumerate(raw):
        key = _key(line)
        if _NATIONAL_MOTTO.match(key) or _motto_in_row(line):
            return i
        if key.endswith("cong hoa xa hoi") and i + 1 < len(raw) and _MOTTO_TAIL.match(_key(raw[i + 1])):
            return i
    return None


def _issuer_start(raw: list[str], motto: int) -> int:
    """Back from the Quốc hiệu over the issuer block beside it: in a web copy, the cell before it
    (up to the separator that opens the header row); otherwise the few lines right above it."""
    k = motto - 1
    if _motto_in_row(raw[motto]):  # the issuer is on this row; the table's own lines above it
        while k >= 0 and raw[k].strip() and not is_furniture_line(raw[k]):
            k -= 1
        return k + 1
    if k >= 0 and is_separator(raw[k]):
        k -= 1
        while k >= 0 and not is_separator(raw[k]) and raw[k].strip():
            k -= 1
        return k if k >= 0 and is_separator(raw[k]) else k + 1
    taken = 0
    while k >= 0 and raw[k].strip() and taken < 4 and not is_furniture_line(raw[k]):
        k -= 1
        taken += 1
    return k + 1


def _row_hint(line: str, out: dict[str, str]) -> None:
    """An info box as a table row: `| Số hiệu: | 27/KH-UBND | Loại văn bản: | Kế hoạch |`, or its
    columns aligned with spaces (pandoc's simple table)."""
    cells = [strip_emphasis(c.strip()) for c in row_cells(line)]
    for label, value in itertools.pairwise(cells):
        m = _INFO_LABEL.match(_key(label))
        if m and m.group(1) in _HINT_KEYS and value and not _INFO_LABEL.match(_key(value)):
            out.setdefault(_HINT_KEYS[m.group(1)], " ".join(value.split()))


def _hint(raw: list[str]) -> dict[str, str]:
    """Values of the info box: each label's value is the next non-separator line (or cell)."""
    out: dict[str, str] = {}
    for i, line in enumerate(raw):
        if len(row_cells(line)) > 1:
            _row_hint(line, out)
            continue
        m = _INFO_LABEL.match(_key(line))
        if not m or m.group(1) not in _HINT_KEYS:
            continue
        value = next(
            (strip_emphasis(v.strip()) for v in raw[i + 1 : i + 4] if v.strip() and not is_separator(v)),
            "",
        )
        if value and not _INFO_LABEL.match(_key(value)):
            out.setdefault(_HINT_KEYS[m.group(1)], " ".join(value.split()))
    return out


def _end(raw: list[str], start: int) -> int:
    """The first footer line after the document's closing: a furniture line, or the site's title
    line right before one."""
    for i in range(start, len(raw)):
        key = _key(raw[i])
        if not key:
            continue
        if _SITE_TITLE.match(key) and any(is_furniture_line(x) for x in raw[i + 1 : i + 4]):
            return i
        if _BANNER.search(key) and len(key) < 120:
            return i
    return len(raw)


def document_bounds(raw: list[str]) -> SiteBounds:
    """Where the document itself lies in a copied page. A file with no site furniture before its
    header keeps everything before it (a header that lost its Quốc hiệu, a stamp)."""
    motto = _motto_at(raw)
    start = 0
    if motto is not None:
        before = raw[: _issuer_start(raw, motto)]
        if any(is_furniture_line(x) for x in before):
            start = _issuer_start(raw, motto)
    head_furniture = raw[:start]
    end = _end(raw, start + 1)
    return SiteBounds(start=start, end=end, hint=_hint(head_furniture) if start else {})
