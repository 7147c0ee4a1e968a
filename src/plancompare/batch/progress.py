"""Progress of a batch on stderr: a rich bar (count, failures, rate, ETA) on a terminal; plain
lines every few seconds otherwise (a log file, CI), so a long run is never silent."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from ..i18n import Lang, t

PLAIN_INTERVAL_S = 10.0


class Progress(Protocol):
    def advance(self, ok: bool) -> None: ...
    def close(self) -> None: ...


def _rate_eta(done: int, total: int, elapsed: float) -> tuple[float, str]:
    rate = done / elapsed * 60 if elapsed > 0 else 0.0
    if not done or done >= total:
        return rate, "0:00:00" if done >= total else "?"
    left = int((total - done) * elapsed / done)
    return rate, f"{left // 3600}:{left % 3600 // 60:02d}:{left % 60:02d}"


class PlainProgress:
    def __init__(
        self, total: int, stream: TextIO, interval: float = PLAIN_INTERVAL_S, lang: Lang = Lang.VI
    ) -> None:
        self.total, self.stream, self.interval, self.lang = total, stream, interval, lang
        self.done = self.failed = 0
        self.started = self._last = time.monotonic()

    def line(self) -> str:
        rate, eta = _rate_eta(self.done, self.total, time.monotonic() - self.started)
        text = t(
            "progress.line",
            self.lang,
            done=self.done,
            total=self.total,
            failed=self.failed,
            rate=f"{rate:.0f}",
            eta=eta,
        )
        return f"plancompare: {text}"

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            print(self.line(), file=self.stream, flush=True)

    def close(self) -> None:
        print(self.line(), file=self.stream, flush=True)


class RichProgress:
    def __init__(self, total: int, lang: Lang = Lang.VI) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.failed = 0
        self.bar = Bar(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(t("progress.failed", lang) + " {task.fields[failed]}"),
            TextColumn("{task.fields[rate]} " + t("progress.rate", lang)),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.started = time.monotonic()
        self.task = self.bar.add_task(t("progress.title", lang), total=total, failed=0, rate="-")
        self.bar.start()

    def advance(self, ok: bool) -> None:
        self.failed += not ok
        done = int(self.bar.tasks[0].completed) + 1
        rate, _ = _rate_eta(done, int(self.bar.tasks[0].total or 0), time.monotonic() - self.started)
        self.bar.update(self.task, advance=1, failed=self.failed, rate=f"{rate:.0f}")

    def close(self) -> None:
        self.bar.stop()


def make_progress(
    total: int, stream: TextIO | None = None, quiet: bool = False, lang: Lang = Lang.VI
) -> Progress:
    stream = stream or sys.stderr
    if quiet:
        return PlainProgress(total, stream, interval=float("inf"), lang=lang)
    if stream.isatty():
        return RichProgress(total, lang)
    return PlainProgress(total, stream, lang=lang)
