"""Scans made at test (and benchmark) time: render PDF pages, degrade them as a scanner and a
JPEG encoder would, and wrap them in an image-only PDF. Seeded, so every run sees the same pixels."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Degradation:
    dpi: int = 200
    blur: float = 0.0  # Gaussian radius in pixels
    jpeg: int = 95  # JPEG quality of the page images in the PDF
    skew: float = 0.0  # degrees, counter-clockwise
    speckle: float = 0.0  # share of pixels flipped to black or white
    noise: float = 6.0  # sensor noise (standard deviation, grey levels)


def render(source: Path, indexes: list[int] | None, dpi: int) -> list[Any]:
    """Grey page images of the given 0-based pages (all when None)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        wanted = range(len(pdf)) if indexes is None else indexes
        images = []
        for k in wanted:
            page = pdf[k]
            images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            page.close()
        return images
    finally:
        pdf.close()


def degrade(image: Any, how: Degradation, seed: int) -> Any:
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    if how.skew:
        image = image.rotate(how.skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if how.blur:
        image = image.filter(ImageFilter.GaussianBlur(how.blur))
    arr = np.asarray(image, dtype=np.float32)
    if how.noise:
        arr = arr + rng.normal(0.0, how.noise, arr.shape)
    if how.speckle:
        flip = rng.random(arr.shape)
        arr[flip < how.speckle / 2] = 0.0
        arr[flip > 1 - how.speckle / 2] = 255.0
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _rule_groups(dark_share: Any, share: float) -> list[list[int]]:
    groups: list[list[int]] = []
    for y in (dark_share > share).nonzero()[0].tolist():
        if groups and y - groups[-1][-1] <= 2:
            groups[-1].append(y)
        else:
            groups.append([y])
    return groups


def fade_inner_rules(image: Any, keep: int = 2) -> Any:
    """The page with every horizontal rule but the first `keep` and the last faded to near-white
    (a rule a photocopier lost): rows of pixels that are dark across most of the table."""
    import numpy as np
    from PIL import Image

    arr = np.array(image, dtype=np.uint8)
    for group in _rule_groups((arr < 128).mean(axis=1), 0.5)[keep:-1]:
        band = arr[group[0] : group[-1] + 1]
        band[band < 200] = 235
    return Image.fromarray(arr)


def fade_column_rule(image: Any, index: int) -> Any:
    """The page with its `index`-th vertical rule (counted from the left) faded to near-white."""
    import numpy as np
    from PIL import Image

    arr = np.array(image, dtype=np.uint8)
    group = _rule_groups((arr < 128).mean(axis=0), 0.3)[index]
    band = arr[:, group[0] : group[-1] + 1]
    band[band < 200] = 235
    return Image.fromarray(arr)


def to_pdf(images: list[Any], dpi: int, jpeg: int) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=jpeg)
    return buf.getvalue()


def scan(source: Path, how: Degradation, indexes: list[int] | None = None, seed: int = 686) -> bytes:
    """The pages as an image-only PDF at the degradation's resolution and JPEG quality."""
    pages = render(source, indexes, how.dpi)
    return to_pdf([degrade(p, how, seed + k) for k, p in enumerate(pages)], how.dpi, how.jpeg)
