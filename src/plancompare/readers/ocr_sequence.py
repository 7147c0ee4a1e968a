"""Task numbers of a scanned table, mended as a sequence.

OCR loses the dot of "2.1" ("21"), reads it as a digit ("2.3" -> "243"), or returns letters
("K" for "3.1"). A table's numbering is a sequence where each number is the first child, the next
sibling or the next sibling of a parent of the one before (1 -> 1.1 -> 1.2 -> 2 -> 2.1), so each
reading is given the numbers its digits could stand for (the reading itself, the same digits
with other dots, the digits less one), and the reading of the whole column that keeps the
sequence best is chosen; a reading is changed only when that joins up more of the sequence.
A cell with no digit at all is mended only when exactly one number fits between its neighbours.
"""

from __future__ import annotations

import itertools

from ..text import rx

Number = tuple[int, ...]
UNREAD = "\ufffd"  # a number cell with ink that no reading made sense of
_ARABIC = rx.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_ROMAN = rx.compile(r"^[IVX]{1,5}\.?$")
# Cost of reading a cell as each kind of candidate, against 1 for each neighbour it links to: a
# new dot must link one more neighbour, a dropped digit two.
_LITERAL, _REDOTTED, _DROPPED = 0.0, 0.3, 1.2


def parse_number(text: str) -> Number | None:
    if not _ARABIC.match(text):
        return None
    return tuple(int(p) for p in text.rstrip(".").split("."))


def successors(number: Number) -> list[Number]:
    """Numbers that may come right after `number`: its first child, its next sibling, or the
    next sibling of one of its parents (1.2 -> 1.2.1, 1.3, 2)."""
    out = [(*number, 1)]
    for depth in range(len(number), 0, -1):
        out.append((*number[: depth - 1], number[depth - 1] + 1))
    return out


def _compositions(digits: str) -> list[Number]:
    """Every way to put dots between the digits (no part starting with 0)."""
    out: list[Number] = []
    for cuts in itertools.product((False, True), repeat=max(len(digits) - 1, 0)):
        parts, current = [], digits[0]
        for digit, cut in zip(digits[1:], cuts, strict=True):
            if cut:
                parts.append(current)
                current = digit
            else:
                current += digit
        parts.append(current)
        if all(not p.startswith("0") for p in parts) and len(parts) <= 4:
            out.append(tuple(int(p) for p in parts))
    return out


_LIKE_ONE = frozenset("iIl|!tj")


def _spellings(reading: str) -> list[str]:
    """The reading with each character that is no digit taken as a dot, as nothing, or (when it
    looks like one) as a 1: "2i" -> "2.", "2", "21"."""
    odd = [k for k, ch in enumerate(reading) if not ch.isdigit() and ch != "."]
    if len(odd) > 3:
        return []
    choices = [[".", ""] + (["1"] if reading[k] in _LIKE_ONE else []) for k in odd]
    out = []
    for picks in itertools.product(*choices):
        chars = list(reading)
        for k, pick in zip(odd, picks, strict=True):
            chars[k] = pick
        out.append("".join(chars).strip("."))
    return [s for s in out if s]


def candidates(reading: str) -> dict[Number, float]:
    """Numbers a reading may stand for, with the cost of assuming each."""
    out: dict[Number, float] = {}

    def offer(number: Number, cost: float) -> None:
        out[number] = min(cost, out.get(number, cost))

    for spelling in _spellings(reading):
        digits = "".join(ch for ch in spelling if ch.isdigit())
        if not digits or len(digits) > 6:
            continue
        for k in range(len(digits)) if len(digits) > 1 else []:
            for number in _compositions(digits[:k] + digits[k + 1 :]):
                offer(number, _DROPPED)
        for number in _compositions(digits):
            offer(number, _REDOTTED)
    literal = parse_number(reading)
    if literal is not None:
        out[literal] = _LITERAL
    return out


def _follows(after: Number, before: Number, skipped: int) -> bool:
    """`after` can come next after `before` with `skipped` unreadable cells between them."""
    reach = successors(before)
    for _ in range(skipped):
        reach = reach + [n for r in reach for n in successors(r)]
    return after in reach


def _best_path(options: list[dict[Number, float]], skipped: list[int]) -> list[Number]:
    """The candidate per cell that links the most neighbours as successors, less the costs."""
    scores: list[dict[Number, tuple[float, Number | None]]] = []
    for k, cell in enumerate(options):
        here: dict[Number, tuple[float, Number | None]] = {}
        for number, cost in cell.items():
            best: tuple[float, Number | None] = (-cost, None) if k == 0 else (float("-inf"), None)
            for before, (score, _) in scores[k - 1].items() if k else []:
                gain = score + (1.0 if _follows(number, before, skipped[k]) else 0.0) - cost
                if gain > best[0]:
                    best = (gain, before)
            here[number] = best
        scores.append(here)
    path: list[Number] = []
    current = max(scores[-1], key=lambda n: (scores[-1][n][0], -options[-1][n]))
    for k in range(len(options) - 1, -1, -1):
        path.append(current)
        previous = scores[k][current][1]
        if previous is not None:
            current = previous
    return path[::-1]


def _text(number: Number) -> str:
    return ".".join(str(p) for p in number)


def _fits(number: Number, reading: str) -> bool:
    """The reading's digits appear, in order, among the number's."""
    wanted = iter(_text(number))
    return all(any(d == c for c in wanted) for d in reading if d.isdigit())


def _repair_run(cells: list[str]) -> list[str]:
    out = list(cells)
    numbered = [k for k, c in enumerate(cells) if candidates(c.strip())]
    lonely: set[int] = set()  # cells whose number links to neither neighbour
    if numbered:
        # cells with a reading but no digit between two numbered ones: numbers the path may skip
        skipped = [0] + [
            sum(1 for c in cells[a + 1 : b] if c.strip()) for a, b in itertools.pairwise(numbered)
        ]
        path = _best_path([candidates(cells[k].strip()) for k in numbered], skipped)
        for j, (k, number) in enumerate(zip(numbered, path, strict=True)):
            left = j == 0 or _follows(number, path[j - 1], skipped[j])
            right = j == len(path) - 1 or _follows(path[j + 1], number, skipped[j + 1])
            if parse_number(cells[k].strip()) != number and left and right:
                out[k] = _text(number)
            elif not left and not right:
                lonely.add(k)
    for k, cell in enumerate(out):
        reading = cell.strip()
        if not reading or (parse_number(reading) and k not in lonely):
            continue
        before = next((parse_number(c) for c in reversed(out[:k]) if parse_number(c)), None)
        after = next((parse_number(c) for c in out[k + 1 :] if parse_number(c)), None)
        fits = [n for n in successors(before) if after in successors(n)] if before and after else []
        fits = [n for n in fits if _fits(n, reading)]
        if len(fits) == 1:
            out[k] = _text(fits[0])
        elif reading == UNREAD:
            out[k] = ""
    return out


def repair_sequence(cells: list[str]) -> list[str]:
    """Number cells of consecutive data rows (header rows left out), misreadings mended. A Roman
    numeral starts the numbering afresh."""
    out = list(cells)
    start = 0
    for k in [*(i for i, c in enumerate(cells) if _ROMAN.match(c.strip())), len(cells)]:
        out[start:k] = _repair_run(cells[start:k])
        start = k + 1
    return out
