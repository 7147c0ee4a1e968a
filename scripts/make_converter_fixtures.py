"""Regenerate the converter outputs in tests/data/serializations/: markdown as pandoc and markitdown
write it from the same DOCX the tests parse.

    /work/venv-tools/bin/python scripts/make_converter_fixtures.py

Needs pypandoc-binary (it ships pandoc), markitdown[docx] and python-docx: tools for making
fixtures, not dependencies of the project. For each DOCX — the two real Lào Cai documents in
corpora/real/ and the Tuyên Quang plan that tests/test_serializations.py builds from plan-tabs.md
(rebuilt here by the same steps) — it writes

- NAME.pandoc-gfm.md    `pandoc -f docx -t gfm` (default wrap at 72 columns): a table whose cells
                        hold paragraphs is written as a raw HTML `<table>` block;
- NAME.markitdown.md    `markitdown FILE.docx`: every table as a GFM pipe table;

and, from the site page plan-site.html, tuyen-quang-kh27.site.pandoc-gfm.md (`pandoc -f html -t gfm`:
the site's menus, info box and banner around a raw HTML header table); and converters.txt with the
tool versions and the commands run. The files are written as the
tools print them, byte for byte. tuyen-quang-kh27.pymupdf4llm.md is hand-written (pymupdf4llm is not
installed here): see its own first lines.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypandoc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "serializations"
REAL = ROOT / "corpora" / "real"
SOURCES = {
    "lao-cai-kh-chi-thi-11": REAL / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx",
    "lao-cai-bc-chi-thi-38": REAL / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx",
}


def plan_docx(folder: Path) -> Path:
    """The Tuyên Quang plan as a DOCX, built by the tests' own builder (one plan, every layout)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_serializations import docx

    return docx(folder)


def main() -> int:
    pandoc = pypandoc.get_pandoc_path()
    markitdown = shutil.which("markitdown", path=str(Path(sys.executable).parent))
    if markitdown is None:
        raise SystemExit("markitdown is not installed beside this python")
    pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True)
    log = [
        f"pandoc {pandoc_version.stdout.splitlines()[0].split()[-1]} (pypandoc-binary "
        f"{importlib.metadata.version('pypandoc-binary')})",
        f"markitdown {importlib.metadata.version('markitdown')} (mammoth {importlib.metadata.version('mammoth')}, "
        f"markdownify {importlib.metadata.version('markdownify')})",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        sources = dict(SOURCES)
        sources["tuyen-quang-kh27"] = plan_docx(Path(tmp))
        for name, docx in sources.items():
            shown = (
                docx.relative_to(ROOT) if docx.is_relative_to(ROOT) else "plan.docx (built from plan-tabs.md)"
            )
            gfm = subprocess.run(
                [pandoc, "-f", "docx", "-t", "gfm", str(docx)], capture_output=True, check=True
            )
            (OUT / f"{name}.pandoc-gfm.md").write_bytes(gfm.stdout)
            log.append(f"pandoc -f docx -t gfm {shown} > {name}.pandoc-gfm.md")
            md = subprocess.run([markitdown, str(docx)], capture_output=True, check=True)
            (OUT / f"{name}.markitdown.md").write_bytes(md.stdout)
            log.append(f"markitdown {shown} > {name}.markitdown.md")
    page = OUT / "plan-site.html"  # the same plan as a legal-document site's page
    site = subprocess.run([pandoc, "-f", "html", "-t", "gfm", str(page)], capture_output=True, check=True)
    (OUT / "tuyen-quang-kh27.site.pandoc-gfm.md").write_bytes(site.stdout)
    log.append(f"pandoc -f html -t gfm {page.relative_to(ROOT)} > tuyen-quang-kh27.site.pandoc-gfm.md")
    (OUT / "converters.txt").write_text("\n".join(log) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
