"""Bytes of a text or markdown file -> str, whatever a provincial portal or an old Windows PC
wrote: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern gives it
away), Windows-1258 (tones as combining marks, composed later by NFC), and the pre-Unicode TCVN3
and VNI encodings, either as raw bytes or already turned into Latin-1 look-alikes by a converter.

Line endings and NFC are left to the readers (`normalize.split_lines`, `normalize.nfc`)."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from ..text import rx
from . import legacy

# Letters only Vietnamese uses; a count of words holding one says how Vietnamese a decoding reads.
_VIET_LETTER = rx.compile(r"[đĐăĂơƠưƯ\u1ea0-\u1ef9]")
_WORD = rx.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1258"
    legacy: legacy.Encoding | None = None  # TCVN3/VNI converted to Unicode


def vietnamese_words(text: str) -> int:
    """Words holding a letter only Vietnamese writes (ư, đ, ạ, ệ…)."""
    text = unicodedata.normalize("NFC", text)
    return sum(1 for m in _WORD.finditer(text) if _VIET_LETTER.search(m.group(0)))


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like BOM-less UTF-16 text: spaces, digits and
    ASCII letters put a NUL in every other byte, on one side only."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return _unlegacy(Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig"))
    if data.startswith(codecs.BOM_UTF16_LE):
        return _unlegacy(Decoded(data[2:].decode("utf-16-le", errors="replace"), "utf-16-le"))
    if data.startswith(codecs.BOM_UTF16_BE):
        return _unlegacy(Decoded(data[2:].decode("utf-16-be", errors="replace"), "utf-16-be"))
    bomless = utf16_without_bom(data)
    if bomless is not None:
        return _unlegacy(Decoded(data.decode(bomless, errors="replace"), bomless))
    try:
        return _unlegacy(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    # Not UTF-8: an 8-bit Vietnamese encoding. Windows-1258 and raw TCVN3/VNI bytes share the
    # range; read both ways and keep the one that gives more Vietnamese words.
    windows = data.decode("cp1258", errors="replace")
    latin = data.decode("latin-1")
    encoding = legacy.detect(latin)
    if encoding is not None:
        converted = legacy.convert(latin, encoding)
        if vietnamese_words(converted) > vietnamese_words(windows):
            return Decoded(converted, "latin-1", encoding)
    return Decoded(windows, "cp1258")


def _unlegacy(decoded: Decoded) -> Decoded:
    # TCVN3/VNI text pasted through a converter that mapped bytes to Latin-1 characters
    # ("Uû ban nh©n d©n"): decided for the whole file, since one word alone is weak evidence.
    encoding = legacy.detect(decoded.text)
    if encoding is None:
        return decoded
    converted = legacy.convert(decoded.text, encoding)
    if vietnamese_words(converted) <= vietnamese_words(decoded.text):
        return decoded
    return Decoded(converted, decoded.encoding, encoding)
