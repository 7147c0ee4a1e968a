"""Regenerate tests/data/bad/: malformed and hostile inputs, each with its expected outcome in
manifest.json. Deterministic (fixed seeds, reportlab `invariant=1`): running it twice gives the
same bytes. Big inputs that compress badly (the 2 MB single line) are not written here; the test
builds them at run time with `build_generated`.

    python scripts/make_bad_inputs.py            # writes tests/data/bad/
    python scripts/make_bad_inputs.py --check    # fails when the committed files differ
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import random
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "bad"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Hà Tĩnh, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Triển khai thực hiện Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ được giao tại Quyết định số 1560/QĐ-TTg phù hợp với điều kiện của tỉnh.
2. Đến năm 2030, tỷ lệ hộ nghèo giảm bình quân 1,5% mỗi năm.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí nguồn vốn; hoàn thành trong Quý IV/2025.
2. Ủy ban nhân dân các xã, phường tổ chức tuyên truyền, phổ biến nội dung Kế hoạch; thực hiện thường xuyên.
3. Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ triển khai thực hiện nghiêm túc Kế hoạch này./.

Nơi nhận:
- Thủ tướng Chính phủ (b/c);
- Các sở, ban, ngành;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""

ENGLISH = """PROVINCIAL DEVELOPMENT REPORT
Annual review of the digital transformation programme

1. Background
The programme was launched in 2024 to improve online public services.
2. Results
Ninety percent of administrative procedures are now available online.
3. Next steps
The department will publish a new roadmap before the end of the year.
"""


def _font() -> Path:
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    raise SystemExit("DejaVuSans.ttf is needed to draw Vietnamese text (apt-get install fonts-dejavu-core)")


def _canvas(buf: io.BytesIO, **kwargs: Any) -> Any:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(_font())))
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **kwargs)
    c.setFont("DejaVu", 11)
    return c


def plan_pdf(**kwargs: Any) -> bytes:
    """The sample plan on two A4 pages."""
    buf = io.BytesIO()
    c = _canvas(buf, **kwargs)
    lines = PLAN.splitlines()
    for page_lines in (lines[:16], lines[16:]):
        y = 800.0
        c.setFont("DejaVu", 11)
        for line in page_lines:
            c.drawString(56, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf_with_corrupt_page() -> bytes:
    """Three pages; the second page object is overwritten with a string, so pdfium cannot load it."""
    buf = io.BytesIO()
    c = _canvas(buf, pageCompression=0)
    chunks = (PLAN.splitlines()[:16], ["Trang hỏng: nội dung này không đọc được."], PLAN.splitlines()[16:])
    for chunk in chunks:
        c.setFont("DejaVu", 11)
        y = 800.0
        for line in chunk:
            c.drawString(56, y, line)
            y -= 16
        c.showPage()
    c.save()
    data = buf.getvalue()
    kids = data.index(b"/Kids [")
    second = data[kids:].split(b" 0 R")[1].split()[-1]  # object number of page 2
    start = data.index(b"\n" + second + b" 0 obj") + len(second) + 7
    end = data.index(b"endobj", start)
    filler = b"\n(" + b"x" * (end - start - 4) + b")\n"
    return data[:start] + filler + data[end:]


def broken_xref_pdf() -> bytes:
    """Every xref offset is wrong and startxref points nowhere: readers must rebuild the table."""
    data = plan_pdf()
    head, _, tail = data.rpartition(b"startxref")
    tail = b"startxref\n999999\n%%EOF\n"
    xref = head.rindex(b"\nxref")
    entries = head[xref:].replace(b" 00000 n", b" 00000 n").split(b"\n")
    garbled = [
        (b"%010d" % (7 + 13 * i) + e[10:]) if len(e) >= 18 and e[:10].isdigit() else e
        for i, e in enumerate(entries)
    ]
    return head[:xref] + b"\n".join(garbled) + tail


def encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    enc.prepare = _deterministic_prepare(enc.prepare)
    return plan_pdf(encrypt=enc)


def _deterministic_prepare(prepare: Callable[..., Any]) -> Callable[..., Any]:
    # reportlab seeds the file key from os.urandom; fix it so the file is the same on every run.
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        import reportlab.lib.pdfencrypt as pe

        saved = pe.os_urandom
        pe.os_urandom = lambda n: bytes(range(n))
        try:
            return prepare(*args, **kwargs)
        finally:
            pe.os_urandom = saved

    return wrapped


def _text_image(fmt: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (640, 160), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(_font()), 22)
    draw.text((20, 20), "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", fill=0, font=font)
    draw.text((20, 70), "KẾ HOẠCH triển khai nhiệm vụ năm 2025", fill=0, font=font)
    out = io.BytesIO()
    img.save(out, format=fmt, **({"compression": "tiff_lzw"} if fmt == "TIFF" else {}))
    return out.getvalue()


def image_only_pdf() -> bytes:
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(io.BytesIO(_text_image("PNG"))), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    return buf.getvalue()


def many_pages_pdf(n: int = 600) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, pageCompression=1)
    for i in range(1, n + 1):
        c.setFont("DejaVu", 11)
        c.drawString(56, 800, f"{i}. Nhiệm vụ số {i} của Kế hoạch: Sở Tài chính chủ trì thực hiện.")
        c.showPage()
    c.save()
    return buf.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content, compresslevel=9)
    return buf.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal valid .docx written by hand (python-docx stamps the current time)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{_xml(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zip(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/>'
                b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
            "word/document.xml": document.encode(),
        }
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_zip_bomb() -> bytes:
    """A .docx whose document.xml unpacks to 120 MB of spaces (~120 kB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in (
            ("[Content_Types].xml", b"<Types/>"),
            ("_rels/.rels", b"<Relationships/>"),
        ):
            zf.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), content)
        info = zipfile.ZipInfo("word/document.xml", date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(120):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def tcvn3(text: str) -> str:
    """Unicode -> TCVN3 surface characters (lower case only: TCVN3 has no toned capitals)."""
    sys.path.insert(0, str(ROOT / "src"))
    from plancompare.readers import legacy

    inverse = {v: k for k, v in legacy.TCVN3_TABLE.items()}
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text.lower()))


def vni(text: str) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from plancompare.readers import legacy

    inverse = sorted(((v, k) for k, v in legacy.VNI_TABLE.items()), key=lambda kv: -len(kv[0]))
    out = unicodedata.normalize("NFC", text)
    single = {v: k for v, k in inverse if len(v) == 1}
    return "".join(single.get(ch, ch) for ch in out)


def markdown_big_table(rows: int = 10_000) -> bytes:
    head = "# KẾ HOẠCH\n\nTriển khai nhiệm vụ năm 2025 của Ủy ban nhân dân tỉnh.\n\nPHỤ LỤC\n\n"
    lines = ["TT\tNhiệm vụ\tChủ trì\tThời hạn"]
    lines += [f"{i}\tViệc {i}\tSở Tài chính\t2025" for i in range(1, rows + 1)]
    return (head + "\n".join(lines) + "\n").encode()


def nested_markers(depth: int = 40) -> bytes:
    lines = ["KẾ HOẠCH", "Triển khai nhiệm vụ năm 2025 của Ủy ban nhân dân tỉnh"]
    for d in range(1, depth + 1):
        marker = ".".join(["1"] * d) + "."
        lines.append("  " * (d - 1) + f"{marker} Nội dung cấp {d} do Sở Nội vụ thực hiện")
    for d in range(depth):
        lines.append("  " * d + "- Gạch đầu dòng lồng nhau cấp " + str(d + 1))
    return ("\n".join(lines) + "\n").encode()


def noise(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def build() -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """(file name -> bytes, manifest entries). An entry expects either `error` (an exception class
    name of plancompare.errors) or `warning` (a warning code in the parsed plan)."""
    files: dict[str, bytes] = {}
    manifest: list[dict[str, Any]] = []

    def add(name: str, data: bytes | None, why: str, **expect: Any) -> None:
        if data is not None:
            files[name] = data
        manifest.append({"file": name, "why": why, **expect})

    plan_utf8 = PLAN.encode()
    add("empty.txt", b"", "zero bytes", error="UnreadableDocument")
    add("one-byte.txt", b"A", "a single byte", error="NotAPlan")
    add("whitespace.txt", b" \n\t\r\n  \n", "only blanks", error="UnreadableDocument")
    add("bom-only.txt", codecs.BOM_UTF8, "a UTF-8 BOM and nothing else", error="NotAPlan")
    add("markup-only.md", b"# \n\n**  **\n\n---\n", "markdown markup without words", error="NotAPlan")
    add("english.txt", ENGLISH.encode(), "an English report", error="NotAPlan")
    add("english.docx", docx_bytes(ENGLISH.splitlines()), "an English Word document", error="NotAPlan")
    add(
        "not-outline.yaml",
        b"name: budget\nitems:\n  - id: 1\n    value: 20\n",
        "YAML that is not a reference outline",
        error="NotAPlan",
    )
    add(
        "not-a-plan.json",
        b'{"items": [1, 2, 3], "name": "x"}\n',
        "JSON, not a saved plan",
        error="UnsupportedFormat",
    )
    add("deep.json", b"[" * 5000 + b"]" * 5000, "JSON nested 5000 deep", error="UnsupportedFormat")
    add("noise.bin", noise(4096, 1), "random bytes", error="UnsupportedFormat")
    add("noise.pdf", noise(4096, 2), "random bytes named .pdf", error="UnsupportedFormat")
    add(
        "html-error.pdf",
        b"<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not found</body></html>\n",
        "a portal's HTML error page saved as .pdf",
        error="UnsupportedFormat",
    )
    add(
        "xml.pdf",
        b'<?xml version="1.0"?>\n<root><a>1</a></root>\n',
        "XML named .pdf",
        error="UnsupportedFormat",
    )
    add("png-renamed.pdf", _text_image("PNG"), "a PNG screenshot named .pdf", error="UnsupportedFormat")
    add("scan.jpg", _text_image("JPEG"), "a JPEG scan", error="UnsupportedFormat")
    add("scan.tif", _text_image("TIFF"), "a TIFF scan named", error="UnsupportedFormat")
    add(
        "rtf-renamed.docx",
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}}K\\'e1 ho\\'e1ch}\n",
        "RTF named .docx",
        error="UnsupportedFormat",
    )
    add(
        "old-word.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "an OLE (Word 97-2003) header",
        error="UnsupportedFormat",
    )
    add(
        "zip-of-csv.docx",
        _zip({"data.csv": b"a,b\n1,2\n"}),
        "a ZIP of something else named .docx",
        error="UnsupportedFormat",
    )
    add(
        "xlsx-renamed.docx",
        _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}),
        "an Excel workbook named .docx",
        error="UnsupportedFormat",
    )
    add("docx-zip-bomb.docx", docx_zip_bomb(), "document.xml unpacks to 120 MB", error="DocumentTooLarge")
    good_docx = docx_bytes(PLAN.splitlines())
    add(
        "truncated.docx",
        good_docx[: len(good_docx) // 2],
        "a download cut in half",
        error="UnreadableDocument",
    )
    add("pdf-header-only.pdf", b"%PDF-1.7\n", "a PDF header and nothing else", error="UnreadableDocument")
    pdf = plan_pdf()
    add("truncated.pdf", pdf[: len(pdf) * 2 // 5], "the first 40% of a PDF", error="UnreadableDocument")
    add("broken-xref.pdf", broken_xref_pdf(), "wrong xref offsets and startxref (rebuilt)", warning=None)
    add("encrypted.pdf", encrypted_pdf(), "user password 'secret'", error="EncryptedDocument")
    add(
        "corrupt-page.pdf",
        pdf_with_corrupt_page(),
        "page 2 is not a page object",
        warning="page_error",
        page=2,
    )
    add(
        "image-only.pdf",
        image_only_pdf(),
        "a scan without text layer; tesseract hidden from PATH",
        error="OcrUnavailable",
        env="no_tesseract",
    )
    add(
        "image-only-ocr-never.pdf",
        None,
        "the same scan with --ocr never",
        error="NotAPlan",
        same_as="image-only.pdf",
        options={"ocr": "never"},
    )
    add("pages-600.pdf", many_pages_pdf(600), "600 pages, one line each", warning="limit_reached")
    add(
        "plan-lines-doubled.txt",
        "".join(ln + "\n" + ln + "\n" for ln in PLAN.splitlines()).encode(),
        "every line written twice",
        warning=None,
        accounting=True,
    )
    add(
        "plan-nfd.txt",
        unicodedata.normalize("NFD", PLAN).encode(),
        "decomposed (NFD) text",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add("plan-utf8.txt", plan_utf8, "the reference rendering", warning=None, accounting=True)
    add(
        "plan-crlf.txt",
        PLAN.replace("\n", "\r\n").encode(),
        "Windows line endings",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-cr.txt",
        PLAN.replace("\n", "\r").encode(),
        "old Mac line endings",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-utf8-bom.txt",
        codecs.BOM_UTF8 + plan_utf8,
        "UTF-8 with BOM",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-utf16le.txt",
        codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"),
        "UTF-16 LE with BOM",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-utf16be.txt",
        codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"),
        "UTF-16 BE with BOM",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-utf16-nobom.txt",
        PLAN.encode("utf-16-le"),
        "UTF-16 LE without BOM",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add(
        "plan-cp1258.txt",
        _cp1258(PLAN),
        "Windows-1258 (tones as combining marks)",
        warning=None,
        same_plan_as="plan-utf8.txt",
    )
    add("plan-tcvn3.txt", tcvn3(PLAN).encode("latin-1"), "raw TCVN3 bytes", warning="legacy_encoding")
    add(
        "plan-tcvn3-unicode.txt",
        tcvn3(PLAN).encode("utf-8"),
        "TCVN3 look-alikes saved as UTF-8",
        warning="legacy_encoding",
    )
    add(
        "plan-no-diacritics.txt", _strip_marks(PLAN).encode(), "tone marks stripped by a portal", warning=None
    )
    add(
        "plan-vni.txt",
        vni(PLAN).encode("latin-1"),
        "raw VNI-Windows bytes",
        warning="legacy_encoding",
        same_plan_as="plan-utf8.txt",
    )
    add(
        "pptx-renamed.docx",
        _zip({"ppt/presentation.xml": b"<p/>", "[Content_Types].xml": b"<Types/>"}),
        "a PowerPoint file named .docx",
        error="UnsupportedFormat",
    )
    add(
        "odt-renamed.docx",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"}),
        "an OpenDocument text named .docx",
        error="UnsupportedFormat",
    )
    add(
        "gzip.pdf",
        gzip.compress(PLAN.encode(), mtime=0),
        "a gzip-compressed plan named .pdf",
        error="UnsupportedFormat",
    )
    add("plan-renamed.pdf", plan_utf8, "a text plan named .pdf", warning="format_mismatch")
    add(
        "table-10000.md",
        markdown_big_table(),
        "a markdown table of 10,000 rows",
        warning=None,
        accounting=True,
    )
    add("nested-40.txt", nested_markers(40), "list markers nested 40 levels", warning=None, accounting=True)
    add("long-line.txt", None, "2 MB on one line (built at test time)", warning=None, generated="long_line")
    add(
        "over-max-bytes.txt",
        None,
        "the plan with --max-bytes 100",
        error="DocumentTooLarge",
        same_as="plan-utf8.txt",
        options={"max_bytes": 100},
    )
    add(
        "over-time.pdf",
        None,
        "600 pages with --timeout 0.05",
        error="DocumentTooLarge",
        same_as="pages-600.pdf",
        options={"time_budget_s": 0.05},
    )
    return files, manifest


def _cp1258(text: str) -> bytes:
    # cp1258 has few precomposed toned letters: write the letter without its tone, then the tone
    # as a combining mark, as Windows does.
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            shape = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += shape.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return bytes(out)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build_generated(kind: str) -> bytes:
    """Inputs too big to commit, built by the test that needs them."""
    if kind == "long_line":
        sentence = "Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện nhiệm vụ năm 2025; "
        return (sentence * (2_000_000 // len(sentence.encode()) + 1)).encode()
    raise ValueError(kind)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files")
    args = ap.parse_args()
    files, manifest = build()
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode()
    if args.check:
        bad = [n for n, d in files.items() if not (OUT / n).is_file() or (OUT / n).read_bytes() != d]
        if (OUT / "manifest.json").read_bytes() != manifest_bytes:
            bad.append("manifest.json")
        print("\n".join(bad) or "up to date")
        return 1 if bad else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.is_file():
            old.unlink()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    (OUT / "manifest.json").write_bytes(manifest_bytes)
    total = sum(len(d) for d in files.values())
    print(f"{len(manifest)} cases, {len(files)} files, {total:,} bytes in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
