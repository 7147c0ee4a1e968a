"""Image work before OCR: skew correction and table rules (numpy + Pillow only)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

Rule = tuple[float, float, float]


def _score(small: Any, angle: float) -> float:
    from PIL import Image

    rotated = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    dark = np.asarray(rotated, dtype=np.uint8) < 160
    profile = dark.sum(axis=1).astype(np.float64)
    # Text lines and rules line up with pixel rows when the angle is right: the row profile is
    # then most peaked.
    return float(np.square(np.diff(profile)).sum())


def estimate_skew(image: Any) -> float:
    """Skew in degrees (counter-clockwise rotation that straightens the page), within ±3°."""
    small = image.reduce(4) if min(image.size) > 800 else image
    best = max((a / 4 for a in range(-12, 13)), key=lambda a: _score(small, a))
    fine = [best + k / 50 for k in range(-12, 13)]
    return max(fine, key=lambda a: _score(small, a))


def deskew(image: Any) -> Any:
    from PIL import Image

    angle = estimate_skew(image)
    if abs(angle) < 0.05:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def despeckle(image: Any) -> Any:
    """The page without isolated specks: a dark pixel with at most one dark neighbour is paper.
    Tesseract reads a speck beside a word as "-", "." or "'", and a "-" at the end of a unit's
    cell becomes a list item; the smallest mark of real text (the dot of an i at 150 dpi) has
    more than one dark neighbour."""
    from PIL import Image

    arr = np.array(image, dtype=np.uint8)
    dark = arr < 128
    padded = np.pad(dark, 1).astype(np.uint8)
    h, w = dark.shape
    neighbours = sum(
        padded[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx
    )
    specks = dark & (neighbours <= 1)
    if not specks.any():
        return image
    arr[specks] = 255
    return Image.fromarray(arr)


def _runs(dark: NDArray[np.bool_], min_len: int) -> list[tuple[int, int, int]]:
    """Runs of True along axis 1 at least min_len long: (row, start, end)."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    diff = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    keep = (ends - starts) >= min_len
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _group(runs: list[tuple[int, int, int]]) -> list[Rule]:
    """Runs on neighbouring rows that overlap form one rule: (position, start, end)."""
    open_rules: list[list[int]] = []  # [first_row, last_row, start, end, row_sum, count]
    done: list[list[int]] = []
    for row, start, end in sorted(runs):
        for rule in open_rules:
            if row - rule[1] <= 2 and start < rule[3] and end > rule[2]:
                rule[1] = row
                rule[2] = min(rule[2], start)
                rule[3] = max(rule[3], end)
                rule[4] += row
                rule[5] += 1
                break
        else:
            open_rules.append([row, row, start, end, row, 1])
        still: list[list[int]] = []
        for rule in open_rules:
            (still if row - rule[1] <= 2 else done).append(rule)
        open_rules = still
    done.extend(open_rules)
    return [(r[4] / r[5], float(r[2]), float(r[3])) for r in done]


def _thicken(a: NDArray[np.bool_], axis: int) -> NDArray[np.bool_]:
    out = a.copy()
    if axis == 0:
        out[1:, :] |= a[:-1, :]
        out[:-1, :] |= a[1:, :]
    else:
        out[:, 1:] |= a[:, :-1]
        out[:, :-1] |= a[:, 1:]
    return out


def _bridge(a: NDArray[np.bool_], axis: int, gap: int = 2) -> NDArray[np.bool_]:
    out = a.copy()
    for k in range(1, gap + 1):
        if axis == 1:
            out[:, k:] |= a[:, :-k]
        else:
            out[k:, :] |= a[:-k, :]
    return out


def _long_runs(dark: Any, dpi: int, h_len: float, v_len: float) -> tuple[list[Any], list[Any]]:
    # Scanning punches holes in thin rules; fill them from the neighbouring rows (columns) and
    # bridge two-pixel gaps along the rule, so a rule stays one long run.
    closed_h = _bridge(_thicken(dark, axis=0), axis=1)
    closed_v = _bridge(_thicken(dark, axis=1), axis=0)
    return _runs(closed_h, int(dpi * h_len)), _runs(closed_v.T, int(dpi * v_len))


def faint_threshold(arr: NDArray[np.uint8]) -> int:
    """Grey level under which a blurred rule still lies: most of the way from the paper
    (the page's median) to the ink (its darkest half percent), never above 215."""
    paper = float(np.percentile(arr, 50))
    ink = float(np.percentile(arr, 0.5))
    return int(min(215.0, max(140.0, paper - 0.25 * (paper - ink))))


def find_rules(image: Any, dpi: int) -> tuple[list[Rule], list[Rule], NDArray[np.bool_]]:
    """Horizontal rules (y, x0, x1), vertical rules (x, top, bottom) in pixels, and their mask.

    Two passes at the scan's own resolution: dark runs a quarter (a fifth) of an inch long, and
    paler runs that are long — an inch across, half an inch down. Blur and JPEG leave a thin
    rule lighter than text strokes (a hairline at 200 dpi with a 1.2 px blur is grey 135); a
    pale run that long is a rule, never a word (an inch of letters always has a gap) or a stack
    of letters.
    """
    arr = np.asarray(image, dtype=np.uint8)
    h_runs, v_runs = _long_runs(arr < 140, dpi, 0.25, 0.2)
    faint_h, faint_v = _long_runs(arr < faint_threshold(arr), dpi, 1.0, 0.5)
    h_runs = sorted(set(h_runs) | set(faint_h))
    v_runs = sorted(set(v_runs) | set(faint_v))
    mask = np.zeros(arr.shape, dtype=bool)
    for row, start, end in h_runs:
        mask[max(row - 1, 0) : row + 2, start:end] = True
    for col, start, end in v_runs:
        mask[start:end, max(col - 1, 0) : col + 2] = True
    return _group(h_runs), _group(v_runs), mask


def erase(image: Any, mask: NDArray[np.bool_]) -> Any:
    from PIL import Image

    arr = np.array(image, dtype=np.uint8)
    arr[mask] = 255
    return Image.fromarray(arr)
