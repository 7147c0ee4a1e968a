"""Write the letter fixtures of tests/data/serializations/: the công văn 7432/UBND-XD, the Quyết định
1074/QĐ-BXD and a Sở's công văn written from the NĐ 30/2020 conventions, each in the text layouts of
tests/letters.py (markdown as a web copy, header columns one after the other, hard-wrapped at 72
columns) and as `pdftotext` gives its PDF (plain, and `-layout` for the typeset one; the real PDFs'
`-layout` text is made by scripts/make_layout_fixtures.py); the công văn also typeset with the "Kính
gửi:" label beside the middle or the end of its list (`-layout` text). DOCX and the typeset PDF are built by the
tests themselves (tests/letters.py), as binary files are not committed.

    /work/venv-NAME/bin/python scripts/make_letter_fixtures.py [OUT_DIR]

Needs reportlab and the DejaVu fonts (fonts-dejavu-core) for the typeset PDF, and poppler's pdftotext
(22.12.0 when the fixtures were made; the manifest letters.md records the version that ran).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "serializations"
REAL_PDF = {
    "cv-7432": "corpora/real/CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf",
    "qd-1074": "corpora/real/QD-1074-QD-BXD-29-6-2026.pdf",
}


def pdftotext(pdf: Path, options: list[str], out: Path) -> None:
    subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), str(out)], check=True)


def main(out_dir: Path = OUT) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from letters import LETTERS, to_markdown, to_sequential, to_wrapped, write_pdf

    out_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
    version = (done.stderr or done.stdout).splitlines()[0].strip()
    manifest = [f"# Letter fixtures ({version}), written by scripts/make_letter_fixtures.py", ""]
    with tempfile.TemporaryDirectory() as tmp:
        for slug, letter in LETTERS.items():
            for suffix, render in (
                ("letter.md", to_markdown),
                ("columns.txt", to_sequential),
                ("wrapped72.txt", to_wrapped),
            ):
                (out_dir / f"{slug}.{suffix}").write_text(render(letter), encoding="utf-8")
                manifest.append(f"- {slug}.{suffix}: tests/letters.py {render.__name__}")
            if slug in REAL_PDF:
                pdf, source = ROOT / REAL_PDF[slug], REAL_PDF[slug]
            else:
                pdf, source = Path(tmp) / f"{slug}.pdf", f"tests/letters.py write_pdf({slug})"
                write_pdf(letter, pdf)
                pdftotext(pdf, ["-layout"], out_dir / f"{slug}.pdftotext-layout.txt")
                manifest.append(f"- {slug}.pdftotext-layout.txt: pdftotext -layout -enc UTF-8 of {source}")
            pdftotext(pdf, [], out_dir / f"{slug}.pdftotext.txt")
            manifest.append(f"- {slug}.pdftotext.txt: pdftotext -enc UTF-8 of {source}")
            for valign in ("MIDDLE", "BOTTOM"):  # the Kính gửi label beside the middle or the end of its list
                name = f"{slug}.label-{valign.lower()}.pdftotext-layout.txt"
                if letter.addressees:
                    typeset = Path(tmp) / f"{slug}-{valign}.pdf"
                    write_pdf(letter, typeset, label_valign=valign)
                    pdftotext(typeset, ["-layout"], out_dir / name)
                    manifest.append(
                        f"- {name}: pdftotext -layout -enc UTF-8 of tests/letters.py write_pdf({slug}, "
                        f"label_valign={valign!r})"
                    )
    (out_dir / "letters.md").write_text("\n".join(manifest) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
