"""Regenerate the pandoc fixtures in tests/data/serializations/ (`*.pandoc.md`, `*.pandoc-60.md`,
`*.pandoc.txt`): three documents converted by pandoc the way staff convert DOCX files.

    /work/venv-tools/bin/python scripts/make_pandoc_fixtures.py [PANDOC]

Documents: the two DOCX in corpora/real/, the Tuyên Quang plan of plan-tabs.md written as a DOCX
the way `tests/test_serializations.py::docx` writes it (body paragraphs, the appendix as a Word
table), and a small task table with merged cells (`spans`: a group row spanning two columns, a
lead unit spanning two rows; pandoc >= 3 draws both in its grid tables). Commands, per document:

    pandoc X.docx -t markdown -o NAME.pandoc.md       (grid tables, backslash escapes)
    pandoc X.docx -t markdown --columns=60 -o NAME.pandoc-60.md
    pandoc X.docx -t plain -o NAME.pandoc.txt

Made with pandoc 3.9 (pypandoc-binary); needs python-docx. PANDOC defaults to pypandoc's binary.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "serializations"
REAL = ROOT / "corpora" / "real"
DOCUMENTS = {
    "kh-lao-cai-chi-thi-11": REAL / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx",
    "bc-lao-cai-chi-thi-38": REAL / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx",
}
FORMATS = {
    "pandoc.md": ["-t", "markdown"],
    "pandoc-60.md": ["-t", "markdown", "--columns=60"],
    "pandoc.txt": ["-t", "plain"],
}


def spans_docx(path: Path) -> None:
    """A task table with a cell spanning columns (the group row) and one spanning rows (a lead unit)."""
    from docx import Document

    rows = [
        ["STT", "Nội dung", "Chủ trì"],
        ["I", "HẠ TẦNG VÀ DỮ LIỆU", ""],
        ["1", "Xây dựng cơ sở dữ liệu người học", "Sở Giáo dục và Đào tạo"],
        ["2", "Bố trí kinh phí", ""],
    ]
    doc = Document()
    table = doc.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(1, 2)).text = "HẠ TẦNG VÀ DỮ LIỆU"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "Sở Giáo dục và Đào tạo"
    doc.save(str(path))


def default_pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def plan_docx(folder: Path) -> Path:
    """The Tuyên Quang plan as a DOCX, built by the tests' own builder (one plan, every layout)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_serializations import docx

    return docx(folder)


def main() -> None:
    pandoc = sys.argv[1] if len(sys.argv) > 1 else default_pandoc()
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout
    print(version.splitlines()[0])
    with tempfile.TemporaryDirectory() as tmp:
        documents = dict(DOCUMENTS)
        documents["tq-plan"] = plan_docx(Path(tmp))
        documents["spans"] = Path(tmp) / "spans.docx"
        spans_docx(documents["spans"])
        for name, docx in documents.items():
            for suffix, args in FORMATS.items():
                target = OUT / f"{name}.{suffix}"
                subprocess.run([pandoc, str(docx), *args, "-o", str(target)], check=True)
                print("wrote", target.relative_to(ROOT))


if __name__ == "__main__":
    main()
