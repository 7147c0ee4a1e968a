"""Write the `pdftotext -layout` fixtures of tests/data/serializations/ (text with columns aligned by
spaces, as staff get it when they only have the text of a PDF), and a manifest of how each was made.

    /work/venv-NAME/bin/python scripts/make_layout_fixtures.py [OUT_DIR]

Sources: the typeset Nghệ An plan (corpora/pdf), two real PDFs (corpora/real: a decision and the
province's dispatch implementing it; no tables, they test prose and side-by-side blocks), and the
Tuyên Quang plan typeset as a PDF by tests/test_serializations.py (its builder, written to a
temporary file; needs reportlab and the DejaVu fonts), as the test typesets it and with narrower
columns, its cells aligned to the top of their row or centred. Each PDF is converted with
`pdftotext -layout`; the Tuyên Quang plan also with `-fixed 4` (a fixed pitch of 4 points per
character: other gutters and positions). Narrower pitches (`-fixed 3`) spread the words of
justified prose over runs of spaces, so prose lines look like aligned columns; wider ones (`-fixed 6`)
close the gutters: neither is kept as a fixture. Made with poppler's pdftotext 22.12.0; the manifest
records the version that ran.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "serializations"

# (fixture name, source PDF relative to the project, pdftotext options)
FROM_FILES = [
    ("nghe-an-686-pdftotext-layout.txt", "corpora/pdf/nghe-an-686-KH-UBND-2025.pdf", ["-layout"]),
    ("qd-1074-pdftotext-layout.txt", "corpora/real/QD-1074-QD-BXD-29-6-2026.pdf", ["-layout"]),
    (
        "cv-7432-pdftotext-layout.txt",
        "corpora/real/CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf",
        ["-layout"],
    ),
]
# (fixture name, pdftotext options, cell alignment, column widths) for the Tuyên Quang plan typeset
# by the serialization tests: as they typeset it, and with narrower columns, its cells aligned to
# the top of their row or centred
WIDE, NARROW = (40, 300, 130, 170, 110), (36, 200, 150, 200, 120)
TYPESET = [
    ("tuyen-quang-27-pdftotext-layout.txt", ["-layout"], None, WIDE),
    ("tuyen-quang-27-pdftotext-fixed4.txt", ["-fixed", "4"], None, WIDE),
    ("tuyen-quang-27-top-narrow-pdftotext-layout.txt", ["-layout"], "TOP", NARROW),
    ("tuyen-quang-27-middle-narrow-pdftotext-layout.txt", ["-layout"], "MIDDLE", NARROW),
]


def pdftotext_version() -> str:
    done = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).splitlines()[0].strip()


def convert(pdf: Path, options: list[str], out: Path) -> None:
    subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), str(out)], check=True)


def main(out_dir: Path = OUT) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    version = pdftotext_version()
    manifest = [f"# Layout fixtures ({version}), written by scripts/make_layout_fixtures.py", ""]
    for name, source, options in FROM_FILES:
        convert(ROOT / source, options, out_dir / name)
        manifest.append(f"- {name}: pdftotext {' '.join(options)} -enc UTF-8 {source}")
    sys.path.insert(0, str(ROOT / "tests"))
    from test_serializations import typeset_pdf  # the test's own builder: one plan, every layout

    with tempfile.TemporaryDirectory() as tmp:
        for name, options, valign, widths in TYPESET:
            pdf = Path(tmp) / f"{name}.pdf"
            typeset_pdf(pdf, valign, widths)
            convert(pdf, options, out_dir / name)
            manifest.append(
                f"- {name}: pdftotext {' '.join(options)} -enc UTF-8 of the PDF typeset by "
                f"tests/test_serializations.py::typeset_pdf(valign={valign!r}, widths={widths})"
            )
    (out_dir / "layout-fixtures.md").write_text("\n".join(manifest) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
