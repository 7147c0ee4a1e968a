"""The Tuyên Quang appendix typeset without ruling lines, as Word exports tables whose borders are
turned off: reportlab table styles passed to `test_serializations.typeset_pdf` (reportlab 5.1,
DejaVu Serif; the PDFs are made in the tests, nothing is committed)."""

from __future__ import annotations

from pathlib import Path

from test_serializations import typeset_pdf

GREY = (0.85, 0.85, 0.85)


def _style(name: str) -> list[tuple[object, ...]]:
    from reportlab.lib import colors

    black, grey = colors.black, colors.Color(*GREY)
    return {
        "no-lines": [],
        "header-rule": [("LINEBELOW", (0, 0), (-1, 0), 0.8, black)],
        "booktabs": [
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, black),
        ],
        "shaded-header": [("BACKGROUND", (0, 0), (-1, 0), grey)],
        "wrapped-top": [("VALIGN", (0, 0), (-1, -1), "TOP")],
        "two-pages": [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 1), (-1, -1), 60)],
        "two-pages-no-repeat": [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 1), (-1, -1), 60)],
    }[name]


VARIANTS = (
    "no-lines",
    "header-rule",
    "booktabs",
    "shaded-header",
    "wrapped-top",
    "two-pages",
    "two-pages-no-repeat",
)


def typeset_variant(path: Path, name: str) -> None:
    """(a) no lines, (b) a rule under the header, (c) horizontal rules between rows only, (d) a
    shaded header and no lines, (e) no lines, narrow columns wrapping cells to 3-4 lines, cells
    aligned to the top, (f) a portrait page where the table runs over two pages, header repeated,
    (g) the same without the header repeated (the second page carries the first page's columns)."""
    if name == "wrapped-top":
        typeset_pdf(path, widths=(40, 150, 80, 90, 70), rules=_style(name))
    elif name.startswith("two-pages"):
        repeat = name == "two-pages"
        typeset_pdf(
            path, widths=(40, 185, 90, 110, 80), rules=_style(name), tall_appendix=True, repeat_header=repeat
        )
    else:
        typeset_pdf(path, rules=_style(name))
