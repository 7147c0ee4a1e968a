"""Variants of a markdown document as staff receive it in other ways: copied as plain text,
hard-wrapped by a mail client or a text export, or saved with Windows line ends.

Every variant is a pure string transform of the markdown (no per-document code):
- `plain`: markup stripped (emphasis markers, heading hashes, link and image syntax, backslash
  escapes, HTML entities); the line breaks of the source kept;
- `wrap72` / `wrap100`: `plain` with each paragraph re-filled at 72 / 100 columns (`textwrap.fill`);
- `crlf`: `plain` with CRLF line ends and trailing spaces;
- `md_crlf`: the markdown itself (markup kept) with CRLF line ends and trailing spaces;
- `packed72`: `wrap72` without its blank lines (an export that drops them: only the wrap is left to
  tell where a paragraph ends).
Tables are kept as they are in every variant: a blank-line-separated block holding a line that starts
with "|" (a pipe table, or a web copy's one-cell-per-line layout closed by bare "|" lines) is never
stripped or wrapped.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable

import regex

_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_IMAGE = regex.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]+)\]\([^)]*\)")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_STARS = regex.compile(r"\*+")
_BULLET = regex.compile(r"^\s*[-+*•]\s")


def strip_line(line: str) -> str:
    """One line of markdown as a plain-text copy shows it."""
    m = _HEADING.match(line)
    if m:
        line = m.group(1)
    bullet = _BULLET.match(line)
    head, body = (line[: bullet.end()], line[bullet.end() :]) if bullet else ("", line)
    head = head.replace("*", "-")  # "* item" shows as a dash
    body = _IMAGE.sub(r"\1", body)
    body = _LINK.sub(r"\1", body)
    body = _STARS.sub("", body)
    body = _ESCAPE.sub(r"\1", body)
    return (head + html.unescape(body)).rstrip()


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines; blank lines between them are dropped (one is put back)."""
    out: list[list[str]] = []
    run: list[str] = []
    for line in text.splitlines():
        if line.strip():
            run.append(line)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def _is_table(block: list[str]) -> bool:
    return any(line.lstrip().startswith("|") for line in block)


def _paragraphs(block: list[str]) -> list[list[str]]:
    """A block's paragraphs: a bullet or a heading line starts a new one, and a line after a hard
    break (two trailing spaces or a backslash) or a heading (markdown's own rules)."""
    out: list[list[str]] = []
    for line in block:
        after_break = bool(out) and (out[-1][-1].endswith("  ") or out[-1][-1].endswith("\\"))
        starts = (
            not out
            or after_break
            or _BULLET.match(line)
            or _HEADING.match(line)
            or _HEADING.match(out[-1][-1])
        )
        if starts:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _render(text: str, fill: Callable[[list[str]], list[str]]) -> str:
    parts: list[str] = []
    for block in _blocks(text):
        if _is_table(block):
            parts.append("\n".join(strip_line(line) if line.strip() != "|" else line for line in block))
            continue
        lines: list[str] = []
        for para in _paragraphs(block):
            stripped = [s for s in (strip_line(x) for x in para) if s.strip()]
            if stripped:
                lines.extend(fill(stripped))
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def plain(text: str) -> str:
    return _render(text, lambda lines: [ln.strip() for ln in lines])


def wrapped(text: str, width: int) -> str:
    def fill(lines: list[str]) -> list[str]:
        joined = " ".join(" ".join(ln.split()) for ln in lines)
        return textwrap.wrap(joined, width=width, break_long_words=False, break_on_hyphens=False)

    return _render(text, fill)


def with_crlf(text: str) -> str:
    """Windows line ends and trailing spaces (one to three, varying line by line)."""
    return "".join(f"{line}{' ' * (1 + n % 3)}\r\n" for n, line in enumerate(text.rstrip("\n").split("\n")))


def crlf(text: str) -> str:
    return with_crlf(plain(text))


def packed(text: str, width: int) -> str:
    return "".join(f"{line}\n" for line in wrapped(text, width).splitlines() if line.strip())


VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": plain,
    "wrap72": lambda text: wrapped(text, 72),
    "wrap100": lambda text: wrapped(text, 100),
    "crlf": crlf,
    "md_crlf": with_crlf,
    "packed72": lambda text: packed(text, 72),
}
