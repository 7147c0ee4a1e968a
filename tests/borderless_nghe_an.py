"""The Nghệ An plan 686/KH-UBND typeset from `corpora/plans/nghe-an-686-KH-UBND-2025.md` with its
appendix as a table without ruling lines (reportlab 5.1, DejaVu Serif, made in the tests).

The markdown is the PDF converted: the appendix is tab-separated, its header repeated after each
page break and a row cut by the break continued in a row without a number. Here the rows are
joined again and reportlab lays the table out anew, header repeated on each page. The national
header block, which the converted markdown lost, is set as the signed document has it (a
borderless two-column table), and so are the recipients beside the signature.
"""

from __future__ import annotations

from pathlib import Path

import regex

from conftest import ROOT

SOURCE = ROOT / "corpora" / "plans" / "nghe-an-686-KH-UBND-2025.md"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
_MARKUP = regex.compile(r"^#+\s*|\*\*|\*")
_LIST_ITEM = regex.compile(r"\s*<li>")
_LIST_TAG = regex.compile(r"\s*</?(?:ul[^>]*|/li)>\s*|\s*</li>\s*")


def _inline(text: str) -> str:
    """A markdown line as reportlab paragraph markup."""
    return _MARKUP.sub("", text.strip()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """An appendix cell as reportlab markup: bold kept, a list's items on lines of their own."""
    text = _LIST_TAG.sub(" ", _LIST_ITEM.sub("<br/>", text)).strip()
    text = text.removeprefix("<br/>").strip()
    return text.replace("&", "&amp;")


def appendix_rows(lines: list[str]) -> list[list[str]]:
    """The appendix's rows: the header once, a row cut by a page break joined to its first part
    (after a repeated header, a row without a number continues the row above)."""
    rows: list[list[str]] = []
    after_header = False
    for line in lines:
        cells = line.split("\t")
        if cells[0] == "STT":
            after_header = bool(rows)
            if not rows:
                rows.append(cells)
            continue
        if after_header and not cells[0].strip() and rows:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
        after_header = False
    return rows


def typeset_nghe_an(path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Table,
    )
    from reportlab.platypus.frames import Frame

    pdfmetrics.registerFont(TTFont("DV", str(FONTS / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("DVB", str(FONTS / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFontFamily("DV", normal="DV", bold="DVB", italic="DV", boldItalic="DVB")
    style = ParagraphStyle("v", fontName="DV", fontSize=11, leading=14, spaceAfter=4)
    centre = ParagraphStyle("c", parent=style, alignment=1)
    small = ParagraphStyle("s", parent=style, fontSize=9.5, leading=12, spaceAfter=0)
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = next(k for k, x in enumerate(lines) if x.startswith("## KẾ HOẠCH"))
    received = next(k for k, x in enumerate(lines) if "Nơi nhận" in x)
    appendix = next(k for k, x in enumerate(lines) if x.startswith("**PHỤ LỤC"))
    table_start = next(k for k, x in enumerate(lines) if x.startswith("STT\t"))
    story: list[object] = [
        Table(
            [[Paragraph("ỦY BAN NHÂN DÂN<br/>TỈNH NGHỆ AN", centre),
              Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", centre)],
             [Paragraph("Số: 686 /KH-UBND", centre), Paragraph("Nghệ An, ngày 21 tháng 8 năm 2025", centre)]],
            colWidths=[200, 280],
        )
    ]  # fmt: skip
    story += [Paragraph(_inline(x), centre if k < 2 else style) for k, x in enumerate(
        x for x in lines[start:received] if x.strip()
    )]  # fmt: skip
    recipients = "<br/>".join(
        _inline(x) for x in lines[received:appendix] if x.strip().startswith(("-", "*Nơi"))
    )
    signature = "<br/>".join(_inline(x) for x in lines[received:appendix] if x.startswith("**"))
    sign = Table([[Paragraph(recipients, small), Paragraph(signature, centre)]], colWidths=[240, 240])
    sign.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])  # as Word sets the signature beside the list
    story.append(sign)
    story += [NextPageTemplate("wide"), PageBreak()]
    story += [Paragraph(_inline(x), centre) for x in lines[appendix:table_start] if x.strip()]
    rows = appendix_rows([x for x in lines[table_start:] if "\t" in x])
    table = Table(
        [[Paragraph(_cell(c), small) for c in row] for row in rows],
        colWidths=[34, 300, 120, 130, 90, 88],
        repeatRows=1,
    )
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    story.append(table)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    wide = landscape(A4)
    doc.addPageTemplates(
        [
            PageTemplate("tall", [Frame(50, 50, A4[0] - 100, A4[1] - 100)], pagesize=A4),
            PageTemplate("wide", [Frame(40, 40, wide[0] - 80, wide[1] - 80)], pagesize=wide),
        ]
    )
    doc.build(story)
