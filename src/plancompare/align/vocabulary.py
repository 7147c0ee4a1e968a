"""Words for matching: folded, with level-specific wording neutralized and function words dropped.

Provinces copy national tasks and swap the level words ("các bộ, ngành" -> "các sở, ban, ngành cấp
tỉnh", "cả nước" -> "tỉnh") and abbreviate unit names (NHCSXH, UBND). Those swaps say nothing about
the task, so both sides lose them before any score is computed.
"""

from __future__ import annotations

from functools import lru_cache

from ..text import rx
from ..text.fold import fold, words

# abbreviations expanded so "NHCSXH" and "Ngân hàng Chính sách xã hội" share words
_EXPAND = [
    (r"\bnhcsxh\b", "ngân hàng chính sách xã hội"),
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\btdcsxh\b", "tín dụng chính sách xã hội"),
    (r"\bhàng năm\b", "hằng năm"),
    (r"\bđảm bảo\b", "bảo đảm"),
]
# level-specific wording: dropped on both sides (order matters: longer phrases first)
_LEVEL = [
    r"các sở,? ban,? ngành(?:,? đơn vị)?(?:,? đoàn thể)?(?: cấp tỉnh)?",
    r"các bộ,? (?:cơ quan ngang bộ,? )?ngành(?: trung ương)?",
    r"(?:các |trên )?(?:địa bàn )?(?:cả nước|toàn quốc)",
    r"trên địa bàn(?: tỉnh| thành phố)?",
    r"(?:các )?xã,? phường(?:,? đặc khu)?",
    r"(?:ở |tại )?(?:các cấp|cấp tỉnh|cấp xã|cấp huyện|cấp thôn|trung ương|địa phương)",
    r"chi nhánh tỉnh",
    r"(?:của |các )?tỉnh",
]
# document numbers and dates ("39-CT/TW", "1560/QĐ-TTg", "18/7/2025"): every plan cites the same few
# documents, so their codes would make unrelated tasks look alike
_CITATION_RE = rx.compile(r"(?<![\p{L}\d])\d+(?:\s*[-/.]\s*[\p{L}\d]+)+")
# one pass for all expansions (no replacement contains another pattern, so order does not matter)
_EXPANSIONS = {p.removeprefix(r"\b").removesuffix(r"\b"): r for p, r in _EXPAND}
_EXPAND_RE = rx.compile(r"\b(?:" + "|".join(_EXPANSIONS) + r")\b")
_SPACES_RE = rx.compile(r"\s+")
_LEVEL_RE = rx.compile(r"(?<!\p{L})(?:" + "|".join(_LEVEL) + r")(?!\p{L})")

STOP_WORDS = frozenset(
    [
        "các",
        "và",
        "của",
        "cho",
        "với",
        "trong",
        "để",
        "có",
        "được",
        "là",
        "theo",
        "từ",
        "đến",
        "những",
        "này",
        "đó",
        "tại",
        "về",
        "trên",
        "nhằm",
        "đối",
        "việc",
        "khi",
        "thì",
        "một",
        "sự",
        "đã",
        "sẽ",
        "hoặc",
        "hay",
        "như",
        "cũng",
        "vào",
        "ra",
        "bị",
        "do",
        "mà",
        "nên",
        "nếu",
        "vì",
        "bằng",
        "đồng",
        "thời",
        "trong",
        "đó",
        "cùng",
        "gì",
        "nào",
        "đây",
        "kia",
        "ở",
        "qua",
        "lại",
        "rất",
    ]
)


@lru_cache(maxsize=8192)
def neutral_text(text: str) -> str:
    """Folded text with abbreviations expanded and level words removed."""
    t = _CITATION_RE.sub(" ", fold(text))
    t = _EXPAND_RE.sub(lambda m: _EXPANSIONS[m.group(0)], t)
    t = _LEVEL_RE.sub(" ", t)
    return str(_SPACES_RE.sub(" ", t)).strip()


@lru_cache(maxsize=8192)
def content_words(text: str) -> tuple[str, ...]:
    """Folded content words in order (function words dropped), for scores and explanations."""
    return tuple(w for w in words(neutral_text(text)) if w not in STOP_WORDS and not w.isdigit())
