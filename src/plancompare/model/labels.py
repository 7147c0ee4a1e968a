"""Labels decided once and read everywhere: paragraph roles, section kinds, task origins.

String enums, so the JSON keeps the same words and a notebook user can compare with plain strings
(`task.origin == "table"`), while code spells them from one place."""

from __future__ import annotations

from enum import StrEnum


class ParagraphRole(StrEnum):
    """Where a paragraph stands in the document (NĐ 30/2020 layout); the keys of `accounting.by_role`."""

    HEADER = "header"  # issuer, Quốc hiệu, Số, place and date
    TYPE = "type"  # "KẾ HOẠCH"
    TITLE = "title"  # trích yếu
    ADDRESSEES = "addressees"  # "Kính gửi: …" (công văn)
    PREAMBLE = "preamble"  # "Căn cứ …", "Thực hiện …"
    BODY = "body"
    RECIPIENTS = "recipients"  # Nơi nhận
    SIGNATURE = "signature"
    APPENDIX = "appendix"
    TABLE = "table"  # a task table's cells
    UNCLASSIFIED = "unclassified"  # kept with its lines: no rule placed it
    SITE_FURNITURE = "site_furniture"  # a website's banner, info box, related documents
    PAGE_FURNITURE = "page_furniture"  # running headers and footers, page markers
    NOTE = "note"  # a footnote or endnote (DOCX): the document's text, kept apart from the body
    COMMENT = "comment"  # a reviewer's comment (DOCX): not the document's text


class NoteKind(StrEnum):
    """Which notes part a note comes from."""

    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"


class SectionKind(StrEnum):
    """How a section is numbered (the marker that opens it), or an appendix."""

    PART = "part"  # Phần I
    CHAPTER = "chapter"  # Chương I
    MUC = "muc"  # Mục 1
    ROMAN = "roman"  # I.
    ARTICLE = "article"  # Điều 1.
    ARABIC = "arabic"  # 1.
    DECIMAL = "decimal"  # 1.1
    LETTER = "letter"  # a)
    DASH = "dash"  # -
    PLUS = "plus"  # +
    APPENDIX = "appendix"  # Phụ lục, an attached document


class TaskOrigin(StrEnum):
    """Where a task was read from."""

    TABLE = "table"  # a row of a task table
    BODY = "body"  # an item of the body (a Nhiệm vụ section, labelled lines, a công văn's assignment)
