"""Three letters and decisions, each written once as data and rendered in every layout a reader meets:
the real công văn 7432/UBND-XD and Quyết định 1074/QĐ-BXD (their text as printed in corpora/real),
and a công văn of a Sở written from the NĐ 30/2020 conventions (3-line V/v subject, a "Kính gửi:"
list of 4 units, one of them wrapped, 3 numbered instructions with lead units and deadlines).

Renderings: a PDF typeset with reportlab (header and closing as borderless 2-column tables), markdown
as a web copy writes it (header as a 2-column pipe table, bold), plain text with the header's columns
one after the other (left block, then right block), the same hard-wrapped at 72 columns, and a DOCX
(python-docx, header as a borderless 2-column table). `scripts/make_letter_fixtures.py` writes the
text renderings and the `pdftotext` conversions of the PDFs to tests/data/serializations/.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Letter:
    slug: str
    issuer: tuple[str, ...]  # the issuer's lines, top left
    number: str  # "Số: 7432/UBND-XD"
    place_date: str
    subject: tuple[str, ...] = ()  # a công văn's "V/v …" as wrapped in the left column
    type_line: str | None = None  # "QUYẾT ĐỊNH"
    title: tuple[str, ...] = ()  # a decision's trích yếu under the type line
    authority: str | None = None  # "BỘ TRƯỞNG BỘ XÂY DỰNG"
    addressees: tuple[str, ...] = ()  # "Kính gửi:" items, as printed
    body: tuple[str, ...] = ()  # paragraphs
    recipients: tuple[str, ...] = ()  # Nơi nhận items, as printed
    signature: tuple[str, ...] = ()  # capacity, title, name
    extra: dict[str, str] = field(default_factory=dict)


QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

CV_7432 = Letter(
    slug="cv-7432",
    issuer=("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"),
    number="Số: 7432/UBND-XD",
    place_date="Lào Cai, ngày 21 tháng 7 năm 2026",
    subject=(
        "V/v triển khai thực hiện Quyết định số",
        "1074/QĐ-BXD ngày 29/6/2026 của Bộ",
        "Xây dựng ban hành các giải pháp kỹ thuật",
        "nâng cao an toàn phòng cháy, chữa cháy",
        "đối với các cơ sở, công trình không bảo",
        "đảm yêu cầu về phòng cháy và chữa cháy",
    ),
    addressees=("- Các Sở, ban, ngành thuộc tỉnh;", "- Công an tỉnh;", "- Ủy ban nhân dân các xã, phường."),
    body=(
        "Ngày 29/6/2026, Bộ trưởng Bộ Xây dựng ban hành Quyết định số 1074/QĐ-BXD về việc ban hành các giải "
        "pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy cho các cơ sở, công trình không bảo đảm yêu cầu "
        "về phòng cháy và chữa cháy và không có khả năng khắc phục theo các tiêu chuẩn, quy chuẩn kỹ thuật tại "
        "thời điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực "
        "thi hành thuộc thẩm quyền quản lý của Bộ Xây dựng. Quyết định có hiệu lực kể từ ngày ký và giao Ủy "
        "ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo, kiểm tra, hướng dẫn việc triển khai "
        "thực hiện các giải pháp kỹ thuật đối với các cơ sở, công trình thuộc đối tượng áp dụng, hoàn thành "
        "chậm nhất đến ngày 01 tháng 7 năm 2028.",
        "Để tổ chức triển khai thực hiện nghiêm túc Quyết định của Bộ Xây dựng trên địa bàn tỉnh, Chủ tịch "
        "Ủy ban nhân dân tỉnh yêu cầu Công an tỉnh, các sở, ban, ngành, đoàn thể; Ủy ban nhân dân các xã, "
        "phường tập trung thực hiện một số nhiệm vụ sau:",
        "1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường",
        "Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền, phổ biến và triển khai thực hiện "
        "đầy đủ các nội dung của Quyết định số 1074/QĐ-BXD; tổ chức kiểm tra, rà soát các cơ sở, công trình "
        "không bảo đảm yêu cầu về phòng cháy và chữa cháy và không có khả năng khắc phục theo các tiêu chuẩn, "
        "quy chuẩn kỹ thuật tại thời điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy và cứu "
        "nạn, cứu hộ có hiệu lực thi hành thuộc đối tượng áp dụng của Giải pháp kỹ thuật để xây dựng kế hoạch "
        "tổ chức thực hiện theo đúng quy định.",
        "Đối với các cơ sở, công trình thuộc phạm vi quản lý, hướng dẫn chủ đầu tư, chủ sở hữu, người quản "
        "lý, sử dụng công trình nghiên cứu, áp dụng đầy đủ các giải pháp kỹ thuật nâng cao an toàn phòng "
        "cháy, chữa cháy phù hợp với từng loại công trình theo Quyết định số 1074/QĐ-BXD; tăng cường công tác "
        "kiểm tra, đôn đốc việc tổ chức thực hiện, bảo đảm hoàn thành việc áp dụng các giải pháp kỹ thuật "
        "đối với các cơ sở, công trình thuộc đối tượng áp dụng chậm nhất đến ngày 01 tháng 7 năm 2028 theo "
        "yêu cầu của Bộ Xây dựng.",
        "2. Giao Sở Xây dựng",
        "Chủ trì, phối hợp với Công an tỉnh và các sở, ngành, địa phương có liên quan tổ chức hướng dẫn triển "
        "khai thực hiện Quyết định số 1074/QĐ-BXD; hướng dẫn việc áp dụng các giải pháp kỹ thuật nâng cao an "
        "toàn phòng cháy, chữa cháy đối với các cơ sở, công trình thuộc đối tượng áp dụng của Giải pháp kỹ "
        "thuật; kịp thời giải đáp hoặc tổng hợp các khó khăn, vướng mắc phát sinh trong quá trình thực hiện "
        "để báo cáo cấp có thẩm quyền xem xét, giải quyết theo quy định.",
        "Đồng thời, chủ trì phối hợp với Công an tỉnh tăng cường công tác kiểm tra, đôn đốc việc triển khai "
        "thực hiện trên địa bàn tỉnh; tổng hợp tình hình, kết quả thực hiện, tham mưu Ủy ban nhân dân tỉnh "
        "chỉ đạo xử lý các nội dung phát sinh, bảo đảm việc triển khai đồng bộ, thống nhất và hoàn thành đúng "
        "thời hạn trước ngày 01 tháng 7 năm 2028 theo quy định của Bộ Xây dựng.",
        "3. Tổ chức thực hiện",
        "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường; người đứng "
        "đầu các cơ quan, đơn vị có liên quan chịu trách nhiệm tổ chức triển khai thực hiện nghiêm túc các nội "
        "dung nêu trên; trong quá trình thực hiện nếu phát sinh khó khăn, vướng mắc vượt thẩm quyền, kịp thời "
        "báo cáo Sở Xây dựng để tổng hợp, tham mưu Ủy ban nhân dân tỉnh xem xét, chỉ đạo theo quy định./.",
    ),
    recipients=(
        "- Như trên;",
        "- Chủ tịch UBND tỉnh;",
        "- Phó Chủ tịch UBND tỉnh (phụ trách XD);",
        "- Chánh VP, Phó CVP UBND tỉnh (Đ/c Minh);",
        "- Lưu: VT, TH, XD(Đông).",
    ),
    signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Trung Bá"),
)

QD_1074 = Letter(
    slug="qd-1074",
    issuer=("BỘ XÂY DỰNG",),
    number="Số: 1074/QĐ-BXD",
    place_date="Hà Nội, ngày 29 tháng 6 năm 2026",
    type_line="QUYẾT ĐỊNH",
    title=(
        "Ban hành các giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy cho",
        "các cơ sở, công trình không bảo đảm yêu cầu về phòng cháy và chữa cháy và",
        "không có khả năng khắc phục theo các tiêu chuẩn, quy chuẩn kỹ thuật tại thời",
        "điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy và cứu",
        "nạn, cứu hộ có hiệu lực thi hành thuộc thẩm quyền quản lý của Bộ Xây dựng",
    ),
    authority="BỘ TRƯỞNG BỘ XÂY DỰNG",
    body=(
        "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29 tháng 11 năm 2024;",
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025 được sửa "
        "đổi, bổ sung bởi Luật số 87/2025/QH15 ngày 25 tháng 6 năm 2025;",
        "Căn cứ Nghị định số 33/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm "
        "vụ, quyền hạn và cơ cấu tổ chức của Bộ Xây dựng;",
        "Căn cứ Nghị định số 105/2025/NĐ-CP ngày 15 tháng 5 năm 2025 của Chính phủ quy định chi tiết một số "
        "điều và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;",
        "Căn cứ Quyết định số 235/QĐ-TTg ngày 25 tháng 01 năm 2025 của Thủ tướng Chính phủ ban hành Kế hoạch "
        "triển khai thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;",
        "Theo đề nghị của Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này “các giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa "
        "cháy cho các cơ sở, công trình không bảo đảm yêu cầu về phòng cháy và chữa cháy và không có khả năng "
        "khắc phục theo các tiêu chuẩn, quy chuẩn kỹ thuật tại thời điểm đưa vào hoạt động đến trước ngày Luật "
        "Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực thi hành thuộc thẩm quyền quản lý của Bộ Xây "
        "dựng” (sau đây gọi tắt là Giải pháp kỹ thuật).",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Tổ chức thực hiện",
        "1. Ủy ban nhân dân các tỉnh, thành phố có trách nhiệm chỉ đạo, kiểm tra, hướng dẫn việc thực hiện các "
        "giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy đối với các cơ sở, công trình thuộc đối "
        "tượng áp dụng của Giải pháp kỹ thuật, hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028.",
        "2. Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ trưởng "
        "các đơn vị thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết "
        "định này./.",
    ),
    recipients=(
        "- Như Điều 3;",
        "- Thủ tướng Chính phủ (để b/c);",
        "- Các Phó Thủ tướng Chính phủ (để b/c);",
        "- Bộ trưởng (để b/c);",
        "- Các đ/c Thứ trưởng;",
        "- Văn phòng Chính phủ;",
        "- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;",
        "- HĐND, UBND các tỉnh, thành phố;",
        "- Công báo, Cổng TTĐT của Chính phủ;",
        "- Cổng TTĐT của Bộ Xây dựng (để đăng tải);",
        "- Lưu: VT, Vụ KHCNMT&VLXD(Hiển).",
    ),
    signature=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Minh Hà"),
)

# Written for the tests from NĐ 30/2020 (Phụ lục I, mẫu 1.4 công văn): a Sở writes to the communes
# and the irrigation companies before the flood season.
CV_SO = Letter(
    slug="cv-so-nnmt",
    issuer=("UBND TỈNH THANH HÓA", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
    number="Số: 1285/SNNMT-TL",
    place_date="Thanh Hóa, ngày 12 tháng 8 năm 2026",
    subject=(
        "V/v triển khai các biện pháp bảo đảm",
        "an toàn hồ, đập và công trình thủy lợi",
        "trong mùa mưa lũ năm 2026",
    ),
    addressees=(
        "- Ủy ban nhân dân các xã, phường;",
        "- Công ty TNHH MTV Thủy lợi Bắc Sông Mã;",
        "- Công ty TNHH MTV Thủy lợi Nam Sông Mã;",
        "- Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh.",
    ),
    body=(
        "Thực hiện Công điện số 12/CĐ-UBND ngày 05/8/2026 của Ủy ban nhân dân tỉnh về việc chủ động ứng phó "
        "với mưa lũ, Sở Nông nghiệp và Môi trường đề nghị các đơn vị thực hiện các nội dung sau:",
        "1. Ủy ban nhân dân các xã, phường chủ trì rà soát, kiểm tra toàn bộ hồ chứa nước nhỏ trên địa bàn, "
        "lập danh sách hồ xung yếu và phương án bảo vệ; hoàn thành trước ngày 25/8/2026.",
        "2. Công ty TNHH MTV Thủy lợi Bắc Sông Mã, Công ty TNHH MTV Thủy lợi Nam Sông Mã chủ trì, phối hợp "
        "với Ủy ban nhân dân các xã, phường vận hành hồ chứa theo đúng quy trình được phê duyệt, bố trí lực "
        "lượng trực 24/24 giờ; báo cáo tình hình hồ, đập hằng ngày trong thời gian có mưa lũ.",
        "3. Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh chỉ đạo "
        "nhà thầu bảo đảm an toàn các công trình đang thi công, hoàn thành phương án phòng, chống lũ trước "
        "ngày 31/8/2026.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị báo cáo về Sở Nông nghiệp "
        "và Môi trường (qua Chi cục Thủy lợi) để tổng hợp, xử lý./.",
    ),
    recipients=(
        "- Như trên;",
        "- UBND tỉnh (để b/c);",
        "- Giám đốc Sở (để b/c);",
        "- Lưu: VT, TL.",
    ),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Thắng"),
)

LETTERS = {x.slug: x for x in (CV_7432, QD_1074, CV_SO)}


def _subject_text(letter: Letter) -> str:
    return " ".join(letter.subject)


def _addressee_lines(letter: Letter) -> list[str]:
    if len(letter.addressees) == 1:
        return [f"Kính gửi: {letter.addressees[0].lstrip('- ')}"]
    return ["Kính gửi:", *letter.addressees]


def _head_after_header(letter: Letter) -> list[str]:
    """Type line, title and authority of a decision, one paragraph each."""
    out: list[str] = []
    if letter.type_line:
        out.append(letter.type_line)
    if letter.title:
        out.append(" ".join(letter.title))
    if letter.authority:
        out.append(letter.authority)
    return out


def to_markdown(letter: Letter, fused_issuer: bool = False) -> str:
    """A web copy: the header as a 2-column pipe table, names in bold, then paragraphs. `fused_issuer`:
    the issuer's lines run together in their cell ("UBND TỈNH X SỞ Y"), as some sites copy them."""
    left_top = "<br>".join(f"**{x}**" for x in letter.issuer)
    if fused_issuer:
        left_top = "**" + " ".join(letter.issuer) + "**"
    right_top = f"**{QUOC_HIEU[0]}**<br>**{QUOC_HIEU[1]}**"
    left_low = letter.number + (f"<br>{_subject_text(letter)}" if letter.subject else "")
    rows = [
        f"| {left_top} | {right_top} |",
        "|---|---|",
        f"| {left_low} | *{letter.place_date}* |",
    ]
    blocks = ["\n".join(rows)]
    head = _head_after_header(letter)
    if letter.type_line:
        blocks.append(f"**{head[0]}**")
        blocks += head[1:]
    if letter.addressees:
        blocks.append(
            "\n".join(f"{line}  " for line in _addressee_lines(letter)).replace("Kính gửi:", "**Kính gửi:**")
        )
    blocks += [f"**{p}**" if p == "QUYẾT ĐỊNH:" else p for p in letter.body]
    blocks.append("**Nơi nhận:**  \n" + "  \n".join(letter.recipients))
    blocks.append("**" + "**  \n**".join(letter.signature[:2]) + "**  \n\n" + f"**{letter.signature[-1]}**")
    return "\n\n".join(blocks) + "\n"


def to_sequential(letter: Letter) -> str:
    """Plain text with the header's two columns written one after the other (left, then right), as a
    copy from a word processor's table gives it; paragraphs one a line, blank lines between blocks."""
    left = [*letter.issuer, letter.number, *letter.subject]
    right = [*QUOC_HIEU, letter.place_date]
    blocks = ["\n".join(left), "\n".join(right)]
    blocks += _head_after_header(letter)
    if letter.addressees:
        blocks.append("\n".join(_addressee_lines(letter)))
    blocks += list(letter.body)
    blocks.append("Nơi nhận:\n" + "\n".join(letter.recipients))
    blocks.append("\n".join(letter.signature))
    return "\n\n".join(blocks) + "\n"


def to_wrapped(letter: Letter, width: int = 72) -> str:
    """The sequential text hard-wrapped at `width` columns, as an e-mail client sends it."""
    out: list[str] = []
    for block in to_sequential(letter).split("\n\n"):
        lines = block.split("\n")
        if len(lines) == 1:
            out.append(textwrap.fill(lines[0], width, break_on_hyphens=False, break_long_words=False))
        else:
            out.append("\n".join(textwrap.fill(x, width, break_on_hyphens=False) for x in lines))
    return "\n\n".join(out) + "\n"


def write_docx(letter: Letter, path: Path) -> None:
    """python-docx: the header as a borderless 2-column table, body paragraphs, the closing as a
    borderless 2-column table (Nơi nhận | signature)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()

    def cell_lines(cell, lines: list[str], bold_upto: int = 0, centre: bool = True) -> None:  # type: ignore[no-untyped-def]
        cell.paragraphs[0].text = ""
        for k, text in enumerate(lines):
            para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            run = para.add_run(text)
            run.bold = k < bold_upto
            if centre:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    head = d.add_table(rows=2, cols=2)  # the default style has no borders
    cell_lines(head.cell(0, 0), list(letter.issuer), bold_upto=len(letter.issuer))
    cell_lines(head.cell(0, 1), list(QUOC_HIEU), bold_upto=2)
    cell_lines(head.cell(1, 0), [letter.number, *letter.subject])
    cell_lines(head.cell(1, 1), [letter.place_date])
    for k, text in enumerate(_head_after_header(letter)):
        para = d.add_paragraph()
        para.add_run(text).bold = k == 0 or text == letter.authority
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if letter.addressees:
        for text in _addressee_lines(letter):
            d.add_paragraph(text)
    for text in letter.body:
        para = d.add_paragraph()
        para.add_run(text).bold = text == "QUYẾT ĐỊNH:"
    foot = d.add_table(rows=1, cols=2)
    cell_lines(foot.cell(0, 0), ["Nơi nhận:", *letter.recipients], bold_upto=1, centre=False)
    cell_lines(foot.cell(0, 1), [*letter.signature[:2], "", "", letter.signature[-1]], bold_upto=5)
    d.save(str(path))


def write_pdf(letter: Letter, path: Path, label_valign: str = "TOP") -> None:
    """reportlab, as tests/test_serializations.py::typeset_pdf does: header and closing as borderless
    2-column tables, the V/v subject wrapped in the left column, paragraphs justified. The "Kính gửi:"
    label sits beside its list at the top, or (`label_valign` "MIDDLE", "BOTTOM") centred or at the
    bottom of it, as Word tables often set it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(TTFont("DV", str(FONTS / "DejaVuSerif.ttf")))
    style = ParagraphStyle("v", fontName="DV", fontSize=11, leading=14, alignment=4, firstLineIndent=28)
    plain = ParagraphStyle("p", parent=style, alignment=0, firstLineIndent=0)
    centre = ParagraphStyle("c", parent=plain, alignment=1)
    small = ParagraphStyle("s", parent=centre, fontSize=10, leading=12)

    def p(text: str, st: ParagraphStyle = style) -> Paragraph:
        return Paragraph(text.replace("&", "&amp;"), st)

    left = "<br/>".join([*letter.issuer, "", letter.number])
    subject = "<br/>".join(letter.subject)
    story: list[object] = [
        Table(
            [
                [p(left, small), p("<br/>".join(QUOC_HIEU) + "<br/><br/>" + letter.place_date, small)],
                [p(subject, small) if subject else "", ""],
            ],
            colWidths=[215, 265],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        ),
        Spacer(1, 10),
    ]
    for text in _head_after_header(letter):
        story.append(p(text, centre))
    if letter.addressees:
        story.append(
            Table(
                [[p("Kính gửi:", plain), p("<br/>".join(letter.addressees), plain)]],
                colWidths=[90, 380],
                style=[("VALIGN", (0, 0), (0, 0), label_valign), ("VALIGN", (1, 0), (1, 0), "TOP")],
            )
        )
    story += [p(text, centre if text == "QUYẾT ĐỊNH:" else style) for text in letter.body]
    story.append(
        Table(
            [[p("<br/>".join(["Nơi nhận:", *letter.recipients]), ParagraphStyle("r", parent=plain, fontSize=9)),
              p("<br/>".join([*letter.signature[:2], "", "", letter.signature[-1]]), centre)]],
            colWidths=[260, 230],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        )
    )  # fmt: skip
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
