"""Write the HTML and markdown fixtures of converters' output (tests/test_reader_html_converters.py).

Run from the project root with the tools' python (pypandoc-binary, markitdown[docx] with mammoth):

    /work/venv-tools/bin/python scripts/make_html_fixtures.py

It writes into tests/data/serializations/ and records the tool versions and commands in
html-converters.txt beside them. plan-libreoffice.html is written by hand (LibreOffice-like markup:
`<font>`, `<span style>`, `&nbsp;`, `<ol type="I" start="2">`, a `border="0"` header table).
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "serializations"
LAO_CAI = ROOT / "corpora" / "real" / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"
SITE = OUT / "plan-site.html"


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def run_pandoc(args: list[str], out: Path, log: list[str]) -> None:
    subprocess.run([pandoc(), *args, "-o", str(out)], check=True)
    log.append(f"pandoc {' '.join(args)} -o {out.name}")


def run_mammoth(docx: Path, out: Path, log: list[str]) -> None:
    import mammoth

    with docx.open("rb") as f:
        out.write_text(mammoth.convert_to_html(f).value, encoding="utf-8")
    log.append(f"mammoth.convert_to_html({rel(docx)}).value > {out.name}")


def run_markitdown(src: Path, out: Path, log: list[str]) -> None:
    markitdown = Path(sys.executable).with_name("markitdown")
    result = subprocess.run([str(markitdown), str(src)], check=True, capture_output=True, text=True)
    out.write_text(result.stdout, encoding="utf-8")
    log.append(f"markitdown {rel(src)} > {out.name}")


def main() -> None:
    log = [
        f"pandoc {subprocess.run([pandoc(), '--version'], capture_output=True, text=True).stdout.split()[1]}"
        f" (pypandoc-binary {version('pypandoc-binary')})",
        f"mammoth {version('mammoth')}; markitdown {version('markitdown')} (markdownify {version('markdownify')})",
        "",
    ]
    lc_html = OUT / "lao-cai-kh-chi-thi-11.pandoc.html"
    run_pandoc(["-f", "docx", "-t", "html", "-s", rel(LAO_CAI)], lc_html, log)
    run_pandoc(
        ["-f", "docx", "-t", "html", rel(LAO_CAI)], OUT / "lao-cai-kh-chi-thi-11.pandoc-fragment.html", log
    )
    run_mammoth(LAO_CAI, OUT / "lao-cai-kh-chi-thi-11.mammoth.html", log)
    run_pandoc(
        ["-f", "html", "-t", "gfm", rel(lc_html)], OUT / "lao-cai-kh-chi-thi-11.html.pandoc-gfm.md", log
    )
    run_pandoc(
        ["-f", "html", "-t", "markdown", rel(lc_html)], OUT / "lao-cai-kh-chi-thi-11.html.pandoc-md.md", log
    )
    run_markitdown(SITE, OUT / "tuyen-quang-kh27.site.markitdown.md", log)
    run_pandoc(["-f", "html", "-t", "markdown", rel(SITE)], OUT / "tuyen-quang-kh27.site.pandoc-md.md", log)
    run_markitdown(OUT / "plan-libreoffice.html", OUT / "plan-libreoffice.markitdown.md", log)
    (OUT / "html-converters.txt").write_text("\n".join(log) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
