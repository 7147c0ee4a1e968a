"""Regenerate the PDF fixtures in tests/data/fixtures/ (deterministic: fixed seeds, invariant PDFs).

    python scripts/make_fixtures.py

Needs reportlab, Pillow, numpy, poppler-utils (pdftoppm) and the DejaVu fonts
(Debian: fonts-dejavu-core). Writes:

- nd30-sample.pdf   a short Kế hoạch typeset like NĐ 30/2020: two-column header, a ruled task
                    table that runs onto the next page (header repeated, one row split by the
                    page break), Nơi nhận beside the signature, page numbers, and lines set in
                    legacy fonts (.VnTime, .VnTimeH, VNI-Times) with their legacy bytes.
- scan-nd30.pdf     nd30-sample.pdf as a 200-dpi black-and-white scan: noise, ~0.5° skew.
- scan-nghe-an.pdf  the 18-page Nghệ An plan (corpora/pdf) scanned the same way.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "fixtures"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
SCAN_DPI = 200
FIXED_DATE = time.gmtime(1767600000)  # 2026-01-05


def _register_fonts() -> None:
    for name, file in (
        ("Serif", "DejaVuSerif.ttf"),
        ("Serif-Bold", "DejaVuSerif-Bold.ttf"),
        ("Serif-Italic", "DejaVuSerif-Italic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    # Legacy-encoded fonts: the PDF names them like the real ones; their glyphs are DejaVu's, so
    # the text layer carries the legacy bytes exactly as a .VnTime document's does.
    for name, face in ((".VnTime", b".VnTime"), (".VnTimeH", b".VnTimeH"), ("VNI-Times", b"VNI-Times")):
        font = TTFont(name, str(FONTS / "DejaVuSerif.ttf"))
        font.face.name = face
        pdfmetrics.registerFont(font)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Serif", fontSize=12, leading=16)
    return {
        "body": ParagraphStyle(
            "body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4
        ),
        "head": ParagraphStyle("head", parent=base, fontName="Serif-Bold", alignment=TA_LEFT, spaceAfter=4),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "center_b": ParagraphStyle("center_b", parent=base, fontName="Serif-Bold", alignment=TA_CENTER),
        "center_i": ParagraphStyle("center_i", parent=base, fontName="Serif-Italic", alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10.5, leading=13),
        "cell_b": ParagraphStyle(
            "cell_b", parent=base, fontName="Serif-Bold", fontSize=10.5, leading=13, alignment=TA_CENTER
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=10.5, leading=13),
        "small_bi": ParagraphStyle("small_bi", parent=base, fontName="Serif-Bold", fontSize=11, leading=13),
        "legacy": ParagraphStyle("legacy", parent=base, fontName=".VnTime", alignment=TA_LEFT),
        "legacy_h": ParagraphStyle("legacy_h", parent=base, fontName=".VnTimeH", alignment=TA_LEFT),
        "vni": ParagraphStyle("vni", parent=base, fontName="VNI-Times", alignment=TA_LEFT),
    }


BODY = [
    "Nhằm triển khai kịp thời, đồng bộ các nhiệm vụ được giao, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
    "thực hiện với các nội dung cụ thể như sau, bảo đảm phân công rõ trách nhiệm của từng cơ quan, đơn vị "
    "và gắn với việc kiểm tra, đánh giá kết quả thực hiện định kỳ hằng năm.",
    "Các sở, ban, ngành, đơn vị cấp tỉnh và Ủy ban nhân dân các xã, phường chủ động xây dựng kế hoạch "
    "cụ thể, bố trí nguồn lực và tổ chức thực hiện có hiệu quả; định kỳ báo cáo kết quả về Sở Tài chính "
    "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.",
]

TASKS = [
    (
        "1",
        "Tổ chức quán triệt, phổ biến nội dung Kế hoạch đến cán bộ, công chức, viên chức",
        "Sở Nội vụ",
        "Các sở, ban, ngành",
        "Quý I/2026",
    ),
    (
        "2",
        "Rà soát, hoàn thiện quy chế phối hợp giữa các cơ quan chuyên môn",
        "Sở Tư pháp",
        "Văn phòng UBND tỉnh",
        "Tháng 6/2026",
    ),
    (
        "3",
        "Xây dựng cơ sở dữ liệu chuyên ngành và kết nối với hệ thống thông tin của tỉnh",
        "Sở Khoa học và Công nghệ",
        "Các sở, ngành liên quan",
        "Năm 2026",
    ),
    (
        "4",
        "Kiểm tra, giám sát việc thực hiện tại các xã, phường; tổng hợp khó khăn, vướng mắc và đề xuất "
        "giải pháp tháo gỡ; theo dõi, đôn đốc việc khắc phục sau kiểm tra; báo cáo kết quả định kỳ; "
        "phối hợp với các cơ quan Trung ương trong việc hướng dẫn nghiệp vụ; tổ chức tập huấn cho đội ngũ "
        "cán bộ cấp xã về quy trình, thủ tục và kỹ năng quản lý; đánh giá, rút kinh nghiệm hằng năm; "
        "khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong tổ chức thực hiện",
        "Thanh tra tỉnh",
        "UBND các xã, phường",
        "Thường xuyên",
    ),
    (
        "5",
        "Bố trí kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp",
        "Sở Tài chính",
        "Các sở, ban, ngành",
        "Hằng năm",
    ),
    (
        "6",
        "Sơ kết, đánh giá kết quả thực hiện Kế hoạch",
        "Sở Tài chính",
        "Các sở, ban, ngành; UBND các xã, phường",
        "Tháng 12/2026",
    ),
]


class _RawLine(Flowable):  # type: ignore[misc]
    """One line drawn with drawString: Paragraph would treat TCVN3's 0xAD (ư) as a soft hyphen."""

    def __init__(self, text: str, font: str, size: float = 12) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.height = size * 1.35

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.height

    def draw(self) -> None:
        self.canv.setFont(self.font, self.size)
        self.canv.drawString(0, self.size * 0.3, self.text)


def _task_table(rows: list[list[object]]) -> Table:
    table = Table(rows, colWidths=[14 * mm, 70 * mm, 30 * mm, 32 * mm, 24 * mm], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def _page_number(canvas: object, doc: object) -> None:
    page = doc.page  # type: ignore[attr-defined]
    if page > 1:
        canvas.setFont("Serif", 12)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(page))  # type: ignore[attr-defined]


def make_nd30(path: Path) -> None:
    s = _styles()
    story: list[object] = []
    header = Table(
        [
            [
                [Paragraph("ỦY BAN NHÂN DÂN", s["center_b"]), Paragraph("TỈNH HƯNG YÊN", s["center_b"])],
                [
                    Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s["center_b"]),
                    Paragraph("Độc lập - Tự do - Hạnh phúc", s["center_b"]),
                ],
            ],
            [
                Paragraph("Số: 15/KH-UBND", s["center"]),
                Paragraph("Hưng Yên, ngày 05 tháng 01 năm 2026", s["center_i"]),
            ],
        ],
        colWidths=[62 * mm, 108 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [header, Spacer(1, 8 * mm)]
    story += [
        Paragraph("KẾ HOẠCH", s["center_b"]),
        Paragraph("Thực hiện nhiệm vụ cải cách hành chính năm 2026 trên địa bàn tỉnh", s["center_b"]),
        Spacer(1, 6 * mm),
        Paragraph("I. MỤC ĐÍCH, YÊU CẦU", s["head"]),
    ]
    story += [Paragraph(t, s["body"]) for t in BODY]
    story += [
        _RawLine("C¨n cø NghÞ ®Þnh sè 30/2020/N§-CP cña ChÝnh phñ vÒ c«ng t¸c v¨n th\u00ad;", ".VnTime"),
        _RawLine("kÕ ho¹ch thùc hiÖn", ".VnTimeH"),
        _RawLine("Keá hoaïch thöïc hieän naêm 2026", "VNI-Times"),
        Paragraph("II. NHIỆM VỤ CỤ THỂ", s["head"]),
    ]
    story += [Paragraph(t, s["body"]) for t in BODY]
    header_row = [
        Paragraph(h, s["cell_b"]) for h in ("STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn")
    ]
    # Task 4 breaks across the page the way word processors print it: its first lines close
    # page 1, the rest continue under the repeated header with an empty STT cell.
    long_text = TASKS[3][1]
    cut = long_text.index("; theo dõi")
    first = [[Paragraph(c, s["cell"]) for c in task] for task in TASKS[:3]]
    first.append([Paragraph(c, s["cell"]) for c in (TASKS[3][0], long_text[: cut + 1], *TASKS[3][2:])])
    second = [[Paragraph(c, s["cell"]) for c in ("", long_text[cut + 2 :], "", "", "")]]
    second += [[Paragraph(c, s["cell"]) for c in task] for task in TASKS[4:]]
    story += [_task_table([header_row, *first]), PageBreak(), _task_table([header_row, *second])]
    story += [
        Spacer(1, 4 * mm),
        Paragraph("III. TỔ CHỨC THỰC HIỆN", s["head"]),
        Paragraph(BODY[1], s["body"]),
    ]
    signature = Table(
        [
            [
                [
                    Paragraph("Nơi nhận:", s["small_bi"]),
                    Paragraph("- Văn phòng Chính phủ;", s["small"]),
                    Paragraph("- TT Tỉnh ủy, TT HĐND tỉnh;", s["small"]),
                    Paragraph("- Các sở, ban, ngành;", s["small"]),
                    Paragraph("- Lưu: VT.", s["small"]),
                ],
                [
                    Paragraph("TM. ỦY BAN NHÂN DÂN", s["center_b"]),
                    Paragraph("CHỦ TỊCH", s["center_b"]),
                    Spacer(1, 16 * mm),
                    Paragraph("Nguyễn Văn An", s["center_b"]),
                ],
            ]
        ],
        colWidths=[80 * mm, 90 * mm],
    )
    signature.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 6 * mm), signature]
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="Kế hoạch 15/KH-UBND (fixture)",
        author="plancompare fixtures",
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)


def scan(src: Path, dest: Path, seed: int) -> None:
    """Rasterise at 200 dpi, skew by about half a degree, add noise, threshold to 1 bit."""
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", str(src), f"{tmp}/p"], check=True)
        pages = []
        for k, file in enumerate(sorted(Path(tmp).glob("p-*.pgm"))):
            img = Image.open(file)
            angle = 0.5 if k % 2 == 0 else -0.4
            img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            arr = np.asarray(img, dtype=np.float32) + rng.normal(0.0, 10.0, (img.height, img.width))
            specks = rng.random(arr.shape)
            arr[specks < 0.0003] = 0.0
            arr[specks > 0.9997] = 255.0
            noisy = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(
                ImageFilter.GaussianBlur(0.6)
            )
            pages.append(noisy.point(lambda v: 255 if v > 150 else 0).convert("1"))
    buf = io.BytesIO()
    pages[0].save(
        buf,
        format="PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=SCAN_DPI,
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
        producer="plancompare fixtures",
    )
    dest.write_bytes(buf.getvalue())


def main() -> int:
    rl_config.invariant = 1  # no timestamps or random ids: the same bytes on every run
    OUT.mkdir(parents=True, exist_ok=True)
    _register_fonts()
    nd30 = OUT / "nd30-sample.pdf"
    make_nd30(nd30)
    scan(nd30, OUT / "scan-nd30.pdf", seed=30)
    scan(ROOT / "corpora" / "pdf" / "nghe-an-686-KH-UBND-2025.pdf", OUT / "scan-nghe-an.pdf", seed=686)
    total = 0
    for file in sorted(OUT.glob("*.pdf")):
        total += file.stat().st_size
        print(f"{file.relative_to(ROOT)}: {file.stat().st_size:,} bytes")
    print(f"total {total:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
