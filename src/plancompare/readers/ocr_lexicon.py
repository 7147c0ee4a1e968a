"""Tone-mark correction of OCR text against the vocabulary plancompare ships.

At 200 dpi the hook above a vowel (dấu hỏi) is a couple of pixels and reads as an acute or a
tilde ("tổ chức" -> "tố chức", "Đẩy mạnh" -> "Đấy mạnh"), and a speck over an i makes "Chi" into
"Chỉ". Each such syllable is a valid word on its own, so only context can tell: a syllable is
changed to another tone (hỏi, sắc, ngã or none) when that makes more of its two word pairs known
phrases of administrative Vietnamese, taken from the bundled unit glossary and reference outline
plus the fixed phrases of NĐ 30/2020 documents. A pair that is already known is never changed.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import cache
from importlib import resources

from ..text import rx

_CONFUSABLE = ("\u0309", "\u0301", "\u0303", "\u0300", "")  # hỏi, sắc, ngã, huyền, no mark
_ALL_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_TOKEN = rx.compile(r"\p{L}+")
_DATA_FILES = ("units.yaml", "qd-1560-outline.yaml")
# Phrases every NĐ 30 document and plan table uses, whatever the glossary holds.
_FIXED = """
Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Nơi nhận. Kính gửi. Lưu văn thư.
Ủy ban nhân dân tỉnh. Hội đồng nhân dân tỉnh. Chủ tịch. Phó Chủ tịch. Thủ tướng Chính phủ.
Kế hoạch. Quyết định. Chỉ thị. Công văn. Báo cáo. Thông báo. Phụ lục. Ban hành kèm theo.
Số thứ tự. Nội dung nhiệm vụ. Đơn vị chủ trì. Đơn vị phối hợp. Sản phẩm. Thời gian thực hiện.
Thời hạn hoàn thành. Ghi chú. Thường xuyên. Hằng năm. Hàng năm. Định kỳ. Giai đoạn. Trước ngày.
Tổ chức thực hiện. Mục đích, yêu cầu. Nhiệm vụ và giải pháp. Kinh phí thực hiện. Chế độ báo cáo.
Cụ thể. Phổ biến. Quán triệt. Triển khai. Đẩy mạnh. Tăng cường. Kiểm tra, giám sát. Tổng hợp.
Sở, ban, ngành. Các sở, ban, ngành, đơn vị cấp tỉnh. Ủy ban nhân dân các xã, phường, đặc khu.
Tiếp tục đổi mới. Hiện đại hóa. Cải cách hành chính. Chuyển đổi số. Định kỳ hằng năm. Sơ kết, tổng kết.
"""


def _words(text: str) -> list[str]:
    return [unicodedata.normalize("NFC", w.lower()) for w in _TOKEN.findall(text)]


@cache
def known_pairs() -> frozenset[tuple[str, str]]:
    texts = [_FIXED]
    package = resources.files("plancompare.data")
    for name in _DATA_FILES:
        try:
            texts.append(package.joinpath(name).read_text(encoding="utf-8"))
        except (FileNotFoundError, OSError):
            continue
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        for line in text.splitlines():
            words = _words(line)
            pairs.update(itertools.pairwise(words))
    return frozenset(pairs)


def _variants(word: str) -> list[str]:
    """The word with its tone mark replaced by each confusable one, and with the circumflex of
    its vowel dropped or added (a hook over â reads as a tilde over a: "Đẩy" -> "Đãy")."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _ALL_TONES]
    if len(tones) > 1 or (tones and tones[0] not in _CONFUSABLE):
        return []
    bare = "".join(ch for ch in decomposed if ch not in _ALL_TONES)
    vowels = [k for k, ch in enumerate(bare) if ch.lower() in "aeiouy"]
    if tones:
        marked = decomposed.index(tones[0])
        vowels = [len([ch for ch in decomposed[:marked] if ch not in _ALL_TONES]) - 1]
    bases = {bare}
    for k in vowels:
        has_hat = k + 1 < len(bare) and bare[k + 1] == "\u0302"
        if has_hat:
            bases.add(bare[: k + 1] + bare[k + 2 :])
        elif bare[k].lower() in "aeo" and not (k + 1 < len(bare) and unicodedata.combining(bare[k + 1])):
            bases.add(bare[: k + 1] + "\u0302" + bare[k + 1 :])
    original = unicodedata.normalize("NFC", word)
    out: list[str] = []
    for base in sorted(bases):
        positions = [k for k, ch in enumerate(base) if ch.lower() in "aeiouy"]
        if tones:
            # the same vowel as before (its index does not move: only marks after it change)
            positions = [vowels[0]]
        for tone in _CONFUSABLE:
            for pos in positions:
                k = pos + 1
                while k < len(base) and unicodedata.combining(base[k]):
                    k += 1
                candidate = unicodedata.normalize("NFC", base[:k] + tone + base[k:])
                if candidate != original and candidate not in out:
                    out.append(candidate)
    return out


def correct(text: str) -> tuple[str, int]:
    """Text with confusable tone marks fixed from context, and the number of words changed."""
    pairs = known_pairs()
    matches = list(_TOKEN.finditer(text))
    if len(matches) < 2:
        return text, 0
    words = [unicodedata.normalize("NFC", m.group(0)) for m in matches]
    lower = [w.lower() for w in words]
    changed = 0
    for k in range(len(words)):
        left = lower[k - 1] if k > 0 else None
        right = lower[k + 1] if k + 1 < len(words) else None

        def score(w: str, left: str | None = left, right: str | None = right) -> int:
            return int(left is not None and (left, w) in pairs) + int(
                right is not None and (w, right) in pairs
            )

        current = score(lower[k])
        if current == 2 or (current == 1 and (left is None or right is None)):
            continue
        best, best_score = None, current
        for candidate in _variants(lower[k]):
            s = score(candidate)
            if s > best_score:
                best, best_score = candidate, s
            elif s == best_score and best is not None and s > current:
                best = None  # two variants fit equally well: leave the word alone
        if best is not None:
            lower[k] = best
            words[k] = (
                best.upper()
                if words[k].isupper()
                else (best[:1].upper() + best[1:])
                if words[k][:1].isupper()
                else best
            )
            changed += 1
    if not changed:
        return text, 0
    out: list[str] = []
    last = 0
    for m, w in zip(matches, words, strict=True):
        out.append(text[last : m.start()])
        out.append(w)
        last = m.end()
    out.append(text[last:])
    return "".join(out), changed
