"""Who does a task written as a sentence: "Các sở, ban, ngành; Ủy ban nhân dân các cấp chủ động…",
"Giao Ngân hàng Chính sách xã hội Chi nhánh tỉnh chủ trì, phối hợp với các sở, ban, ngành…",
"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức … chủ động, phối hợp với …".
The lead units are the subject before the first predicate; the support units follow "phối hợp với"."""

from __future__ import annotations

import regex

from ..glossary import load_glossary
from ..model.units import UnitRef
from ..text import rx
from .units import split_units, starts_like_unit, to_ref

_PREFIX = rx.compile(r"^(?:kính\s+)?(?:giao\s+cho|giao|đề\s+nghị|yêu\s+cầu|chỉ\s+đạo)\s+", regex.IGNORECASE)
_PREDICATES = (
    "chủ trì", "phối hợp", "chủ động", "căn cứ", "theo chức năng", "có trách nhiệm", "tham mưu",
    "tổ chức", "thực hiện", "triển khai", "xây dựng", "theo dõi", "tiếp tục", "chỉ đạo", "nghiên cứu",
    "rà soát", "tăng cường", "hướng dẫn", "kiểm tra", "đôn đốc", "báo cáo", "nâng cao", "bố trí",
    "ưu tiên", "đẩy mạnh", "quán triệt", "phổ biến", "xác nhận", "cân đối", "vận động", "khẩn trương",
    "định kỳ", "là cơ quan", "là đầu mối", "làm đầu mối", "quan tâm", "ban hành", "phân bổ", "bảo đảm",
    "đảm bảo", "thường xuyên", "tích cực", "kịp thời", "cung cấp", "hỗ trợ", "tạo điều kiện",
    "tổng hợp", "đề xuất", "giám sát", "chịu trách nhiệm", "quản lý", "xác định", "bổ sung",
    "cập nhật", "xử lý", "thẩm định", "phê duyệt", "tập trung", "đẩy nhanh", "tiếp nhận", "lồng ghép",
    "vận hành",
    "lãnh đạo",  # Party documents: "Ban cán sự đảng … lãnh đạo", "Các tỉnh ủy, thành ủy lãnh đạo"
)  # fmt: skip
# Case-sensitive on purpose: a predicate inside a sentence is lower case, while the same words in
# a unit's name are capitalized ("Sở Xây dựng", "Ban Tổ chức"). "tổ chức" after "các"/"," is a noun,
# and so is "xây dựng" in "đầu tư xây dựng" ("Ban Quản lý dự án đầu tư xây dựng …").
_PREDICATE = rx.compile(
    r"(?<!\b(?:các|những|và)\s)(?<!,\s)(?<!\bđầu\s+tư\s)(?<=\s)(?:"
    + "|".join(regex.escape(p) for p in _PREDICATES)
    + r")(?!\p{L})"
)
_SUPPORT = rx.compile(r"\bphối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+", regex.IGNORECASE)
_SUPPORT_END = rx.compile(
    r"[.;:]|\s(?:để|nhằm|tham mưu|triển khai|theo dõi|thực hiện|tổ chức thực hiện|xây dựng|hướng dẫn|kiểm tra|"
    r"đôn đốc|báo cáo|rà soát|nghiên cứu|chỉ đạo|trong việc|tiếp tục|(?<!các\s)(?<!,\s)tổ chức)(?!\p{L})"
)
MAX_SUBJECT = 240


def _subject_units(clause: str) -> list[UnitRef]:
    """Units named before the first predicate of `clause`, when the clause opens with a unit."""
    t = _PREFIX.sub("", clause.strip())
    m = _PREDICATE.search(t)
    if m is None or m.start() == 0 or m.start() > MAX_SUBJECT:
        return []
    subject = t[: m.start()].strip(" ,;")
    units = split_units(subject)
    if not (starts_like_unit(subject) or (units and load_glossary().lookup(units[0]))):
        return []
    return [to_ref(u) for u in units]


# "… do Sở Tài chính chủ trì", "giao Sở Y tế chủ trì": the lead named inside the sentence
_DO_LEAD = rx.compile(
    r"\b(?:do|giao(?:\s+cho)?)\s+(?P<units>\p{Lu}[^.;:]{2,200}?)\s+(?:chủ trì|là cơ quan chủ trì|làm đầu mối)\b"
)
_CLAUSE = rx.compile(r"[^.;]+")


_COLON_SUBJECT = rx.compile(r"^\s*(?P<units>[^:;.]{3,200}?)\s*:\s+\S")


def lead_units(text: str) -> list[UnitRef]:
    """The lead units of a task sentence: the units named before a colon ("Sở Tài chính: Chủ trì, phối
    hợp với …"); else the subject it opens with; else the units after "do"/"giao" before "chủ trì";
    else the subject of a later clause that says "chủ trì"."""
    colon = _COLON_SUBJECT.match(_PREFIX.sub("", text.strip()))
    if (
        colon
        and not _PREDICATE.search(f" {colon.group('units')}")
        and (named := heading_units(colon.group("units")))
    ):
        return named
    found = _subject_units(text)
    if found:
        return found
    m = _DO_LEAD.search(text)
    if m and starts_like_unit(m.group("units")):
        return [to_ref(u) for u in split_units(m.group("units"))]
    for clause in _CLAUSE.findall(text)[1:]:
        if "chủ trì" in clause and (units := _subject_units(clause)):
            return units
    return []


def support_units(text: str) -> list[UnitRef]:
    m = _SUPPORT.search(text)
    if m is None:
        return []
    rest = text[m.end() :]
    # the span ends at a clause end or the next predicate ("… các xã, phường vận hành hồ chứa …")
    ends = [m.start() for m in (_SUPPORT_END.search(rest), _PREDICATE.search(rest)) if m is not None]
    span = rest[: min(ends)] if ends else rest
    span = span.strip(" ,")
    if not span or not starts_like_unit(span):
        return []
    return [to_ref(u) for u in split_units(span)]


def heading_units(title: str) -> list[UnitRef]:
    """An item whose heading only names who does it ("2. Giao Sở Xây dựng", "1. Công an tỉnh, các
    sở, ban, ngành và Ủy ban nhân dân các xã, phường") over the paragraph saying what."""
    t = _PREFIX.sub("", title.strip()).rstrip(" :.")
    if not t or len(t) > MAX_SUBJECT or _PREDICATE.search(t) or not starts_like_unit(t):
        return []
    units = split_units(t)
    glossary = load_glossary()
    if not all(starts_like_unit(u) or glossary.lookup(u) for u in units):
        return []
    return [to_ref(u) for u in units]
