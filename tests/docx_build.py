"""Small Word plans built in memory for the DOCX reader's tests: python-docx's blank document
(its styles, settings and numbering parts, as Word writes them) with the body replaced by raw
WordprocessingML and extra parts (footnotes, endnotes, headers, footers, comments) added to the
package with their relationships and content types. Nothing here is read from a file.

The plan: an NĐ 30 header table (issuer, number | Quốc hiệu, place and date), "KẾ HOẠCH" and its
title, two sections, a signature table, and an appendix task table of three tasks. Each builder
argument puts one Word feature into it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def para(*content: str, bold: bool = False, center: bool = False) -> str:
    """A paragraph; plain strings become runs, strings starting with '<' are raw XML."""
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    body = "".join(c if c.startswith("<") else run(c, "<w:b/>" if bold else "") for c in content)
    return f"<w:p>{ppr}{body}</w:p>"


def cell(*paras: str) -> str:
    return f"<w:tc>{''.join(paras) or '<w:p/>'}</w:tc>"


def table(rows: list[list[str] | str], borders: bool = True, header_rows: int = 0) -> str:
    """Rows of cells; a plain string cell is one paragraph, a string starting with '<w:tc' is raw;
    a row given as one string is a raw `<w:tr>`."""
    tblpr = (
        "<w:tblPr><w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr>"
        if borders
        else "<w:tblPr/>"
    )
    out = []
    for k, row in enumerate(rows):
        if isinstance(row, str):
            out.append(row)
            continue
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if k < header_rows else ""
        out.append(
            f"<w:tr>{trpr}" + "".join(c if c.startswith("<w:tc") else cell(para(c)) for c in row) + "</w:tr>"
        )
    return f"<w:tbl>{tblpr}{''.join(out)}</w:tbl>"


TASK_HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TASKS = [
    [
        "1",
        "Rà soát, cập nhật quy hoạch khoáng sản của tỉnh",
        "Sở Nông nghiệp và Môi trường",
        "Sở Xây dựng",
        "Quý II/2026",
    ],
    [
        "2",
        "Kiểm tra hoạt động khai thác khoáng sản trái phép",
        "Công an tỉnh",
        "UBND các xã, phường",
        "Thường xuyên",
    ],
    [
        "3",
        "Tổng hợp, báo cáo kết quả thực hiện",
        "Sở Nông nghiệp và Môi trường",
        "Các sở, ngành",
        "Trước ngày 15/12/2026",
    ],
]


@dataclass
class PlanParts:
    """What goes into one built plan: raw XML pieces put where Word puts them."""

    number_cell: str = field(default_factory=lambda: para("Số: 45/KH-UBND", center=True))
    date_line: str = field(default_factory=lambda: para("Hà Giang, ngày 10 tháng 3 năm 2026", center=True))
    preamble: str = field(
        default_factory=lambda: para(
            "Thực hiện các văn bản chỉ đạo của Trung ương và của Tỉnh ủy về khoáng sản;"
        )
    )
    purpose: str = field(
        default_factory=lambda: para(
            "Nâng cao hiệu lực, hiệu quả quản lý nhà nước về khoáng sản trên địa bàn tỉnh."
        )
    )
    extra_body: str = ""
    outline: str | None = None  # replaces the two sections (I with its purpose, II) when given
    task_rows: list[list[str] | str] = field(default_factory=lambda: [list(r) for r in TASKS])
    parts: dict[str, tuple[str, str, str]] = field(
        default_factory=dict
    )  # name -> (reltype, content type, xml)
    sect_refs: str = ""  # headerReference / footerReference elements


def body_xml(p: PlanParts) -> str:
    header = table(
        [
            [
                cell(
                    para("ỦY BAN NHÂN DÂN", center=True),
                    para("TỈNH HÀ GIANG", bold=True, center=True),
                    p.number_cell,
                ),
                cell(
                    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True),
                    para("Độc lập - Tự do - Hạnh phúc", bold=True, center=True),
                    p.date_line,
                ),
            ]
        ],
        borders=False,
    )
    signature = table(
        [
            [
                cell(
                    para("Nơi nhận:", bold=True),
                    para("- Bộ Nông nghiệp và Môi trường;"),
                    para("- Lưu: VT, KT."),
                ),
                cell(
                    para("TM. ỦY BAN NHÂN DÂN", bold=True, center=True),
                    para("KT. CHỦ TỊCH", bold=True, center=True),
                    para("PHÓ CHỦ TỊCH", bold=True, center=True),
                    para("Nguyễn Văn An", bold=True, center=True),
                ),
            ]
        ],
        borders=False,
    )
    return "".join(
        [
            header,
            para("KẾ HOẠCH", bold=True, center=True),
            para("Tăng cường quản lý nhà nước về khoáng sản năm 2026", bold=True, center=True),
            p.preamble,
            p.outline
            if p.outline is not None
            else "".join(
                [
                    para("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
                    para("1. Mục đích"),
                    p.purpose,
                    p.extra_body,
                    para("II. NHIỆM VỤ, GIẢI PHÁP", bold=True),
                    para("Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
                ]
            ),
            signature,
            para("PHỤ LỤC", bold=True, center=True),
            para("NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH", bold=True, center=True),
            table([TASK_HEADER, *p.task_rows], header_rows=1),
        ]
    )


def build(p: PlanParts) -> bytes:
    """The plan as DOCX bytes: python-docx's blank document, body and parts replaced or added."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        files = {name: src.read(name) for name in src.namelist()}
    document = files["word/document.xml"].decode("utf-8")
    start = document.index("<w:body>") + len("<w:body>")
    sect = document.index("<w:sectPr", start)
    sect_open_end = document.index(">", sect) + 1
    document = (
        document[:start] + body_xml(p) + document[sect:sect_open_end] + p.sect_refs + document[sect_open_end:]
    )
    files["word/document.xml"] = document.encode("utf-8")
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    for k, (name, (reltype, content_type, xml)) in enumerate(sorted(p.parts.items()), start=1):
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdX{k}" Type="{REL}{reltype}" Target="{name}"/></Relationships>',
        )
        types = types.replace(
            "</Types>", f'<Override PartName="/word/{name}" ContentType="{CT}{content_type}+xml"/></Types>'
        )
        files[f"word/{name}"] = xml.encode("utf-8")
    files["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    files["[Content_Types].xml"] = types.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def notes_part(kind: str, notes: dict[str, str]) -> str:
    """footnotes.xml / endnotes.xml with Word's two separator notes and the given notes."""
    tag = kind  # "footnote" / "endnote"
    sep = (
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
    )
    body = "".join(
        f'<w:{tag} w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Ref/></w:r>{run(" ")}{text}</w:p></w:{tag}>'
        for nid, text in notes.items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{tag}s {W_NS}>{sep}{body}</w:{tag}s>'


def note_mark(kind: str, nid: str) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{nid}"/></w:r>'


def hdr_part(root: str, paras: str) -> str:
    """header*.xml (root "hdr") or footer*.xml (root "ftr")."""
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {W_NS} {R_NS}>{paras}</w:{root}>'


def complex_field(instruction: str, result: str) -> str:
    """A field as Word saves it: begin, instruction, separate, the displayed result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def text_box(paras: str) -> str:
    """A text box as Word 2010+ saves it: a DrawingML shape (mc:Choice) and its VML copy
    (mc:Fallback), both holding the same paragraphs."""
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1828800" cy="304800"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
        f'<a:graphic {a}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    )
    fallback = (
        '<mc:Fallback><w:pict><v:shape id="Text Box 1" style="width:144pt;height:24pt">'
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    )
    return f"<w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>"


def build_bare(p: PlanParts, numbering: str) -> bytes:
    """The plan as another editor saves it (LibreOffice, Google Docs): no styles part, no settings,
    no docDefaults; only the document, its numbering definitions and the relationships."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT}document.main+xml"/>'
            f'<Override PartName="/word/numbering.xml" ContentType="{CT}numbering+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId2" Type="{REL}numbering" Target="numbering.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS} {R_NS}><w:body>{body_xml(p)}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
        ),
        "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W_NS}>{numbering}</w:numbering>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


def numbered(text: str, num_id: int, level: int = 0, bold: bool = False) -> str:
    """A paragraph numbered by the editor's list `num_id` (the label is not in the text)."""
    numpr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{numpr}{run(text, '<w:b/>' if bold else '')}</w:p>"
