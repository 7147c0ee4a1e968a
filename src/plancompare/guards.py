"""Guards on what a parse accepts and how long it may run.

* `check_is_plan`: a document that reads fine but holds no Vietnamese text (an English report,
  a data dump, a scan read without OCR) is `NotAPlan`, not an empty plan that looks like a result.
  Vietnamese text that merely lacks a header still parses, with warnings.
* `time_budget` / `check_time`: the per-document wall-clock budget (`--timeout`), checked
  cooperatively between pages and stages. Running over raises `DocumentTooLarge`; a partial plan
  would depend on the machine's speed, and output must be the same on every run.
* `hard_timeout`: the CLI's backstop for a stage that never reaches a check (a pathological regex
  in an extractor); it interrupts the main thread with the same error.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType

from .errors import DocumentTooLarge, NotAPlan
from .model import warning_codes as codes
from .readers.document import RawDocument, Table
from .readers.encoding import vietnamese_words
from .text import rx

# Words of Vietnamese administrative documents, compared after folding (no diacritics): text that
# lost its tone marks (a portal that strips them) is still Vietnamese.
_ADMIN_WORDS = rx.compile(
    r"\b(?:ke hoach|uy ban|nhan dan|quyet dinh|nhiem vu|thuc hien|trien khai|cong van|chu tich|"
    r"cong hoa|doc lap|tu do|hanh phuc|chi thi|nghi quyet|so, ban, nganh|don vi|noi nhan)\b"
)
_LETTERS = rx.compile(r"\p{L}")
# Share of words that must hold a Vietnamese-only letter: the plans in corpora/ have 57 %, their
# least Vietnamese lines 12-30 %; an English report naming Vietnamese people and places has ~10 %.
MIN_VIETNAMESE_SHARE = 0.15
_SAMPLE_CHARS = 200_000  # deciding on the first 200k characters is as good as reading them all


def _sample(raw: RawDocument) -> str:
    parts: list[str] = []
    size = 0
    for item in raw.items:
        texts = [c for row in item.rows for c in row.cells] if isinstance(item, Table) else [item.text]
        for text in texts:
            parts.append(text)
            size += len(text)
        if size > _SAMPLE_CHARS:
            break
    return "\n".join(parts)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def check_is_plan(raw: RawDocument) -> None:
    """Raise `NotAPlan` when the document has no Vietnamese text at all."""
    text = _sample(raw)
    name = raw.source.path
    if not _LETTERS.search(text):
        hint = next((w.message for w in raw.warnings if w.code == codes.PAGE_ERROR), None)
        raise NotAPlan(
            f"{name}: no text was found in the document"
            + (f" ({hint})" if hint else "; if it is a scan, parse it with --ocr auto")
        )
    words = sum(1 for w in text.split() if _LETTERS.search(w))
    if vietnamese_words(text) >= max(1.0, MIN_VIETNAMESE_SHARE * words):
        return
    if len(set(_ADMIN_WORDS.findall(_strip_marks(text)))) >= 2:
        return  # Vietnamese written without diacritics
    raise NotAPlan(
        f"{name}: the text is not Vietnamese (English, another language, or data); plancompare "
        "reads Vietnamese administrative documents (Kế hoạch, Quyết định, Công văn…)"
    )


@dataclass(frozen=True, slots=True)
class Deadline:
    name: str
    budget_s: float
    started: float

    def check(self, stage: str) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.budget_s:
            raise DocumentTooLarge(
                f"{self.name}: parsing took longer than the time budget of {self.budget_s:g} s "
                f"(stopped at {stage}); raise --timeout or split the document"
            )


_DEADLINE: ContextVar[Deadline | None] = ContextVar("plancompare_deadline", default=None)


@contextlib.contextmanager
def time_budget(name: str, budget_s: float) -> Iterator[Deadline]:
    """Start the clock of one parse; `check_time` calls inside it compare against it."""
    deadline = Deadline(name, budget_s, time.monotonic())
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def check_time(stage: str) -> None:
    """Raise `DocumentTooLarge` when the running parse is over its budget; no-op outside one."""
    deadline = _DEADLINE.get()
    if deadline is not None:
        deadline.check(stage)


@contextlib.contextmanager
def hard_timeout(seconds: float, name: str) -> Iterator[None]:
    """Interrupt the block after `seconds` with `DocumentTooLarge` (main thread, POSIX only;
    elsewhere it does nothing and the cooperative checks are all there is)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise DocumentTooLarge(
            f"{name}: parsing was stopped after the time budget of {seconds:g} s; "
            "raise --timeout or split the document"
        )

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
