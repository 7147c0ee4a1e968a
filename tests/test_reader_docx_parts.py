"""Everything Word puts in a file is read or counted: footnotes and endnotes (the document's notes),
headers and footers (page furniture), comments (a reviewer's, counted apart), text boxes (read once),
tracked changes, fields, symbols and breaks, and a package without Word's styles.

Each test builds a small plan (tests/docx_build.py) with one feature and asserts the values it
must give; the expected texts are the ones written into the fixture."""

from __future__ import annotations

from functools import cache
from typing import Any

from lxml import etree

from docx_build import (
    TASKS,
    PlanParts,
    build,
    build_bare,
    cell,
    complex_field,
    hdr_part,
    note_mark,
    notes_part,
    numbered,
    para,
    run,
    text_box,
)
from plancompare.model import warning_codes as codes
from plancompare.model.labels import NoteKind
from plancompare.model.plan import Plan
from plancompare.pipeline import build_plan
from plancompare.readers import read_bytes
from plancompare.readers.document import FurnitureKind, RawDocument, Table
from plancompare.readers.docx_runs import run_text, symbol_text, text_boxes, visible_runs


def _parse(parts: PlanParts) -> tuple[RawDocument, Plan]:
    raw = read_bytes(build(parts), "plan.docx")
    return raw, build_plan(raw)


def _ns(text: str) -> int:
    return len("".join(text.split()))


def _tasks(plan: Plan) -> list[tuple[Any, ...]]:
    return [
        (t.id, t.text, [u.text for u in t.lead_units], [u.text for u in t.support_units], t.deadline.text)
        for t in plan.tasks
    ]


@cache
def _base() -> tuple[RawDocument, Plan]:
    return _parse(PlanParts())


def _texts(raw: RawDocument) -> list[str]:
    """Every line and table cell the body gives."""
    return [ln.text for ln in raw.lines()] + [c for t in raw.tables() for r in t.rows for c in r.cells]


def test_the_base_plan() -> None:
    _, plan = _base()
    m = plan.metadata
    assert (m.number, m.issuer, m.date, m.signer) == (
        "45/KH-UBND",
        "Ủy ban nhân dân tỉnh Hà Giang",
        "2026-03-10",
        "Nguyễn Văn An",
    )
    assert _tasks(plan) == [(r[0], r[1], [r[2]], [r[3]], r[4]) for r in TASKS]
    assert m.cites == [] and plan.notes == []
    assert not {"note", "comment", "page_furniture"} & set(plan.accounting.by_role)
    assert not {codes.TRACKED_CHANGES, codes.REVIEW_COMMENTS} & {w.code for w in plan.warnings}


FOOT_1 = "Quyết định số 1560/QĐ-TTg ngày 10/12/2025 của Thủ tướng Chính phủ; Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."
FOOT_2 = "Theo Nghị định số 193/2025/NĐ-CP ngày 02/7/2025 của Chính phủ."
FOOT_ORPHAN = "Ghi chú không còn dấu chú thích trong văn bản."
END_1 = "Số liệu tổng hợp đến ngày 31/12/2025."
PREAMBLE = "Thực hiện các văn bản chỉ đạo của Trung ương và của Tỉnh ủy về khoáng sản;"


def _with_notes() -> PlanParts:
    # Word's ids are not the printed numbers: the marks are numbered in the order they appear.
    rows: list[list[str] | str] = [list(r) for r in TASKS]
    row = TASKS[1]
    rows[1] = (
        "<w:tr>"
        + cell(para(row[0]))
        + cell(para(row[1], note_mark("footnote", "3")))
        + "".join(cell(para(c)) for c in row[2:])
        + "</w:tr>"
    )
    return PlanParts(
        preamble=para(
            "Thực hiện các văn bản chỉ đạo của Trung ương",
            note_mark("footnote", "5"),
            " và của Tỉnh ủy về khoáng sản;",
        ),
        purpose=para(
            "Nâng cao hiệu lực, hiệu quả quản lý nhà nước về khoáng sản trên địa bàn tỉnh.",
            note_mark("endnote", "2"),
        ),
        task_rows=rows,
        parts={
            "footnotes.xml": (
                "footnotes",
                "footnotes",
                notes_part("footnote", {"3": run(FOOT_2), "5": run(FOOT_1), "9": run(FOOT_ORPHAN)}),
            ),
            "endnotes.xml": ("endnotes", "endnotes", notes_part("endnote", {"2": run(END_1)})),
        },
    )


def test_footnotes_and_endnotes_are_notes_with_their_marks() -> None:
    raw, plan = _parse(_with_notes())
    got = [(n.kind, n.id, n.number, n.text) for n in plan.notes]
    assert got == [
        (NoteKind.FOOTNOTE, "5", 1, FOOT_1),
        (NoteKind.FOOTNOTE, "3", 2, FOOT_2),
        (NoteKind.FOOTNOTE, "9", None, FOOT_ORPHAN),
        (NoteKind.ENDNOTE, "2", 1, END_1),
    ]
    preamble = next(ln for ln in raw.lines() if ln.text.startswith("Thực hiện"))
    assert preamble.text == PREAMBLE  # no mark digit glued to the text, no note text in the body
    assert plan.preamble == PREAMBLE
    first, second, orphan, end = plan.notes
    assert (first.anchor.line_start, first.anchor.line_end) == (preamble.line, preamble.line)  # type: ignore[union-attr]
    assert second.anchor.line_start == plan.tasks[1].span.line_start  # type: ignore[union-attr]
    assert orphan.anchor is None
    purpose = next(ln for ln in raw.lines() if ln.text.startswith("Nâng cao"))
    assert end.anchor.line_start == purpose.line  # type: ignore[union-attr]
    body_end = max(
        [ln.line for ln in raw.lines()] + [r.line_end or r.line for t in raw.tables() for r in t.rows]
    )
    assert [n.span.line_start for n in plan.notes] == [body_end + k for k in range(1, 5)]
    assert not any("1560" in t or "Số liệu tổng hợp" in t for t in _texts(raw))


def test_notes_cite_documents_and_are_counted() -> None:
    raw, plan = _parse(_with_notes())
    assert plan.metadata.cites == ["1560/QĐ-TTg", "57-NQ/TW", "193/2025/NĐ-CP"]
    roles = dict(plan.accounting.by_role)
    assert roles.pop("note") == sum(_ns(t) for t in (FOOT_1, FOOT_2, FOOT_ORPHAN, END_1))
    assert roles == _base()[1].accounting.by_role
    assert plan.accounting.total == raw.total_chars
    assert _tasks(plan) == _tasks(_base()[1])


RUNNING_TITLE = "Kế hoạch triển khai Quyết định số 1560/QĐ-TTg"


def _with_header_and_footer() -> PlanParts:
    page = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
    pages = '<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT "><w:r><w:t>3</w:t></w:r></w:fldSimple>'
    header = para(complex_field("PAGE   \\* MERGEFORMAT", "2"), center=True) + para(RUNNING_TITLE)
    return PlanParts(
        parts={
            "header1.xml": ("header", "header", hdr_part("hdr", header)),
            "header2.xml": ("header", "header", hdr_part("hdr", "<w:p/>")),  # the first page's: empty
            "footer1.xml": ("footer", "footer", hdr_part("ftr", para("Trang ", page, "/", pages))),
        },
        sect_refs='<w:headerReference w:type="default" r:id="rIdX1"/><w:headerReference w:type="first" r:id="rIdX2"/>'
        '<w:footerReference w:type="default" r:id="rIdX3"/>',
    )


def test_headers_and_footers_are_page_furniture() -> None:
    raw, plan = _parse(_with_header_and_footer())
    assert [(f.text, f.kind) for f in raw.furniture] == [
        ("2", FurnitureKind.PAGE),
        (RUNNING_TITLE, FurnitureKind.PAGE),
        ("Trang 2/3", FurnitureKind.PAGE),
    ]
    roles = dict(plan.accounting.by_role)
    assert roles.pop("page_furniture") == _ns("2" + RUNNING_TITLE + "Trang 2/3")
    assert roles == _base()[1].accounting.by_role
    assert plan.accounting.total == raw.total_chars
    everything = _texts(raw) + [f.text for f in raw.furniture]
    assert not any("PAGE" in t or "MERGEFORMAT" in t for t in everything)  # field instructions never shown
    assert not any(RUNNING_TITLE in t for t in _texts(raw))
    assert plan.metadata.cites == []  # furniture is never parsed
    assert _tasks(plan) == _tasks(_base()[1])


def test_text_boxes_are_read_once_where_they_are_anchored() -> None:
    parts = PlanParts(
        number_cell=para(text_box(para("Số: 45/KH-UBND", center=True))),
        extra_body=para("2. Yêu cầu", text_box(para("Bảo đảm đúng tiến độ, hiệu quả, tiết kiệm."))),
    )
    raw, plan = _parse(parts)
    texts = [(ln.column, ln.text) for ln in raw.lines()]
    assert texts[:3] == [(1, "ỦY BAN NHÂN DÂN"), (1, "TỈNH HÀ GIANG"), (1, "Số: 45/KH-UBND")]
    assert sum(t == "Số: 45/KH-UBND" for _, t in texts) == 1  # the shape and its VML copy: one text
    k = texts.index((0, "2. Yêu cầu"))
    assert texts[k + 1] == (0, "Bảo đảm đúng tiến độ, hiệu quả, tiết kiệm.")
    assert sum(t.startswith("Bảo đảm") for _, t in texts) == 1
    assert plan.metadata.number == "45/KH-UBND"
    assert _tasks(plan) == _tasks(_base()[1])


def _element(xml: str) -> Any:
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    )
    return etree.fromstring(xml.replace("<w:p>", f"<w:p {ns}>", 1))


def test_text_box_choice_or_fallback() -> None:
    vml_only = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VML</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    assert len(text_boxes(_element(f"<w:p>{vml_only}</w:p>"))) == 1
    # a Choice without text (a plain line) and a Fallback with a box: the Fallback is read
    alternate = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
        f"<mc:Fallback>{vml_only[5:-6]}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    (box,) = text_boxes(_element(f"<w:p>{alternate}</w:p>"))
    assert "".join(box.itertext()) == "VML"
    both = _element(para(text_box(para("Một lần"))))
    assert len(text_boxes(both)) == 1
    # run-level alternate content (a w14 symbol, its Wingdings fallback): the Choice's text, once
    tick = _element(
        "<w:p>"
        + run("Đã hoàn thành ")
        + '<mc:AlternateContent><mc:Choice Requires="w14">'
        + run("✓")
        + '</mc:Choice><mc:Fallback><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></mc:Fallback>'
        + "</mc:AlternateContent></w:p>"
    )
    assert "".join(run_text(r) for r in visible_runs(tick)) == "Đã hoàn thành ✓"


DELETED_ROW = (
    '<w:tr><w:trPr><w:del w:id="20" w:author="Phòng KT" w:date="2026-03-01T08:00:00Z"/></w:trPr>'
    + "".join(
        cell(
            f'<w:p><w:del w:id="{21 + k}" w:author="Phòng KT"><w:r><w:delText>{c}</w:delText></w:r></w:del></w:p>'
        )
        for k, c in enumerate(["3", "Nhiệm vụ đã bỏ khi góp ý", "Sở Tài chính", "Các sở, ngành", "Năm 2026"])
    )
    + "</w:tr>"
)


def test_tracked_changes_insertions_kept_deletions_dropped() -> None:
    ins = '<w:ins w:id="2" w:author="Phòng KT">' + run("Trung ương") + "</w:ins>"
    dele = '<w:del w:id="1" w:author="Phòng KT"><w:r><w:delText>Chính phủ</w:delText></w:r></w:del>'
    moved_from = '<w:moveFrom w:id="3" w:author="Phòng KT">' + run(" nhà nước") + "</w:moveFrom>"
    moved_to = '<w:moveTo w:id="4" w:author="Phòng KT">' + run(" nhà nước") + "</w:moveTo>"
    rows: list[list[str] | str] = [list(r) for r in TASKS]
    first = TASKS[0]
    support = para("Sở Xây dựng", '<w:ins w:id="5" w:author="Phòng KT">' + run("; Sở Tài chính") + "</w:ins>")
    rows[0] = (
        "<w:tr>"
        + "".join(cell(para(c)) for c in first[:3])
        + cell(support)
        + cell(para(first[4]))
        + "</w:tr>"
    )
    rows.insert(2, DELETED_ROW)
    parts = PlanParts(
        preamble=para("Thực hiện các văn bản chỉ đạo của ", dele, ins, " về khoáng sản;"),
        purpose=para(
            "Nâng cao hiệu lực quản lý", moved_from, " về khoáng sản", moved_to, " trên địa bàn tỉnh."
        ),
        extra_body='<w:p><w:del w:id="6" w:author="Phòng KT"><w:r><w:delText>Đoạn văn đã xóa.</w:delText></w:r></w:del></w:p>',
        task_rows=rows,
    )
    raw, plan = _parse(parts)
    lines = [ln.text for ln in raw.lines()]
    assert "Thực hiện các văn bản chỉ đạo của Trung ương về khoáng sản;" in lines
    assert "Nâng cao hiệu lực quản lý về khoáng sản nhà nước trên địa bàn tỉnh." in lines
    assert not any("Chính phủ" in t or "Đoạn văn đã xóa" in t or "đã bỏ" in t for t in _texts(raw))
    want = _tasks(_base()[1])
    want[0] = (*want[0][:3], ["Sở Xây dựng", "Sở Tài chính"], want[0][4])
    assert _tasks(plan) == want
    (table,) = [t for t in raw.items if isinstance(t, Table)]
    assert len(table.rows) == 4  # header + 3 tasks: the deleted row is gone
    assert codes.TRACKED_CHANGES in {w.code for w in plan.warnings}


COMMENT = "Đề nghị xem lại thời hạn của nhiệm vụ này."


def test_comments_are_counted_apart_from_the_text() -> None:
    rows: list[list[str] | str] = [list(r) for r in TASKS]
    third = TASKS[2]
    deadline = (
        '<w:p><w:commentRangeStart w:id="0"/>'
        + run(third[4])
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    rows[2] = "<w:tr>" + "".join(cell(para(c)) for c in third[:4]) + cell(deadline) + "</w:tr>"
    comments = (
        '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:comment w:id="0" w:author="Phòng Kinh tế" w:initials="KT">{para(COMMENT)}</w:comment></w:comments>'
    )
    raw, plan = _parse(PlanParts(task_rows=rows, parts={"comments.xml": ("comments", "comments", comments)}))
    assert [(f.text, f.kind) for f in raw.furniture] == [(COMMENT, FurnitureKind.COMMENT)]
    roles = dict(plan.accounting.by_role)
    assert roles.pop("comment") == _ns(COMMENT)
    assert roles == _base()[1].accounting.by_role
    assert not any("Đề nghị" in t for t in _texts(raw))
    (warning,) = [w for w in plan.warnings if w.code == codes.REVIEW_COMMENTS]
    assert warning.message.startswith("1 line(s) of reviewers' comments")
    assert _tasks(plan) == _tasks(_base()[1])


def test_fields_show_their_result_never_their_instruction() -> None:
    year = '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy&quot; "><w:r><w:t>2026</w:t></w:r></w:fldSimple>'
    link = complex_field('HYPERLINK \\l "_Toc1"', "Quyết định số 1560/QĐ-TTg")
    parts = PlanParts(
        preamble=para("Thực hiện ", link, " ngày 10/12/2025 của Thủ tướng Chính phủ;"),
        date_line=para("Hà Giang, ngày 10 tháng 3 năm ", year, center=True),
    )
    raw, plan = _parse(parts)
    assert plan.metadata.date == "2026-03-10"
    assert "Hà Giang, ngày 10 tháng 3 năm 2026" in [ln.text for ln in raw.lines()]
    assert "Thực hiện Quyết định số 1560/QĐ-TTg ngày 10/12/2025 của Thủ tướng Chính phủ;" in [
        ln.text for ln in raw.lines()
    ]
    assert plan.metadata.cites == ["1560/QĐ-TTg"]
    assert not any("HYPERLINK" in t or "_Toc1" in t for t in _texts(raw))


def test_nested_field_in_an_instruction_stays_hidden() -> None:
    # { IF { PAGE } > 1 "…" } : the inner PAGE's result "7" is part of the IF's instruction
    p = _element(
        "<w:p>"
        + run("Trước ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        + complex_field("PAGE", "7")
        + '<w:r><w:instrText> &gt; 1 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("kết quả")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + run(" sau")
        + "</w:p>"
    )
    assert "".join(run_text(r) for r in visible_runs(p)) == "Trước kết quả sau"
    # a field never closed in its paragraph hides only its own instruction
    broken = _element("<w:p>" + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + run("x") + "</w:p>")
    assert [run_text(r) for r in visible_runs(broken)] == []


def test_symbols_tabs_hyphens_and_breaks() -> None:
    def r(xml: str) -> str:
        return f"<w:r>{xml}</w:r>"

    target = para(
        "Phấn đấu tỷ lệ mỏ được kiểm tra ",
        r('<w:sym w:font="Symbol" w:char="F0B3"/>'),
        " 90% số mỏ đang hoạt động.",
    )
    cite = para(
        "Căn cứ Quyết định số 1560/QĐ",
        r("<w:noBreakHyphen/>"),
        "TTg;",
        r("<w:tab/>"),
        "hệ thống Geo\u00adportal",
        r("<w:softHyphen/>"),
        "s;",
        r("<w:br/>"),
        "dòng sau",
        r('<w:br w:type="page"/>'),
        "trang sau",
        r("<w:cr/>"),
        "cuối",
    )
    raw, plan = _parse(PlanParts(purpose=target, extra_body=cite))
    lines = [ln.text for ln in raw.lines()]
    assert "Phấn đấu tỷ lệ mỏ được kiểm tra ≥ 90% số mỏ đang hoạt động." in lines
    k = lines.index("Căn cứ Quyết định số 1560/QĐ-TTg; hệ thống Geoportals;")
    assert lines[k + 1 : k + 4] == ["dòng sau", "trang sau", "cuối"]
    assert "1560/QĐ-TTg" in plan.metadata.cites
    math = (
        '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>≥</m:t></m:r><m:r><m:t>80%</m:t></m:r></m:oMath>"
    )
    equation = _element(
        "<w:p>" + run("Tỷ lệ hộ được cấp nước sạch ") + math + run(" vào năm 2030.") + "</w:p>"
    )
    assert (
        "".join(run_text(r) for r in visible_runs(equation))
        == "Tỷ lệ hộ được cấp nước sạch ≥80% vào năm 2030."
    )
    assert symbol_text("Wingdings", "F0FC") == "•" and symbol_text("Times New Roman", "2013") == "–"
    assert symbol_text("Symbol", "F02D") == "-" and symbol_text("Symbol", "F0AE") == "→"


# LibreOffice writes each list's levels in full with a suffix element and Symbol-font bullets in the
# private use area; Google Docs writes one abstract list per list, "%1." decimals and "●" bullets.
LIBREOFFICE_AND_GOOGLE_LISTS = (
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="●"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
    "</w:lvl></w:abstractNum>"
    '<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="–"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>'
)


def test_a_docx_saved_without_word_styles_and_other_lists() -> None:
    outline = "".join(
        [
            numbered("MỤC ĐÍCH, YÊU CẦU", 1, bold=True),
            numbered("Mục đích", 2),
            numbered("Nâng cao hiệu lực, hiệu quả quản lý nhà nước về khoáng sản.", 3),
            numbered("Yêu cầu", 2),
            numbered("Bảo đảm đúng tiến độ, hiệu quả, tiết kiệm.", 4),
            numbered("Phân công rõ trách nhiệm của từng cơ quan.", 2, level=1),
            numbered("NHIỆM VỤ, GIẢI PHÁP", 1, bold=True),
            para("Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
        ]
    )
    raw = read_bytes(build_bare(PlanParts(outline=outline), LIBREOFFICE_AND_GOOGLE_LISTS), "lo.docx")
    lines = [ln.text for ln in raw.lines()]
    k = lines.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert lines[k : k + 7] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "• Nâng cao hiệu lực, hiệu quả quản lý nhà nước về khoáng sản.",
        "2. Yêu cầu",
        "– Bảo đảm đúng tiến độ, hiệu quả, tiết kiệm.",
        "● Phân công rõ trách nhiệm của từng cơ quan.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
    ]
    plan = build_plan(raw)
    base = _base()[1]
    assert plan.metadata.model_dump() == base.metadata.model_dump()
    assert _tasks(plan) == _tasks(base)
    assert [s.id for s in plan.sections if s.level <= 2][:4] == ["I", "I.1", "I.2", "II"]
    assert plan.accounting.total == raw.total_chars
