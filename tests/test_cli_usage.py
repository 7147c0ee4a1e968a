"""Usage errors are one line in the reader's language (exit 2), naming what is wrong and where the
help is; the help's own usage line is in that language too."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.cli import main

PLAN = str(Path(__file__).resolve().parents[1] / "corpora/plans/nghe-an-686-KH-UBND-2025.md")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture(autouse=True)
def _no_lang_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANCOMPARE_LANG", raising=False)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["diff", PLAN], "plancompare diff: thiếu tham số <plan> — xem: plancompare diff -h"),
        (
            ["frobnicate"],
            "plancompare: không có lệnh frobnicate; các lệnh: parse, diff, check, batch, coverage, serve"
            " — xem: plancompare -h",
        ),
        (
            ["check", PLAN, "-f", "pdf"],
            "plancompare check: giá trị không hợp lệ cho --format/-f: pdf"
            " (chọn một trong: text, json, md, html, csv) — xem: plancompare check -h",
        ),
        (
            ["check", PLAN, "--format=docx"],
            "plancompare check: giá trị không hợp lệ cho --format/-f: docx"
            " (chọn một trong: text, json, md, html, csv) — xem: plancompare check -h",
        ),
        (
            ["check", PLAN, "--formt", "md"],
            "plancompare check: không có tùy chọn --formt; có phải ý bạn là --format, --ocr?"
            " — xem: plancompare check -h",
        ),
        (
            ["parse", PLAN, "--max-pages", "-3"],
            "plancompare parse: giá trị không hợp lệ cho --max-pages: -3 (cần một số nguyên, không nhỏ hơn 1)"
            " — xem: plancompare parse -h",
        ),
        (
            ["check", PLAN, "--timeout", "0"],
            "plancompare check: giá trị không hợp lệ cho --timeout: 0 (cần một số, không nhỏ hơn 0,001)"
            " — xem: plancompare check -h",
        ),
        (["diff", PLAN, PLAN, "thua"], "plancompare diff: thừa tham số: thua — xem: plancompare diff -h"),
    ],
)
def test_a_usage_error_is_one_vietnamese_line(
    capsys: pytest.CaptureFixture[str], args: list[str], line: str
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out, err) == (2, "", line + "\n")


def test_a_usage_error_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "check", "--lang", "en")
    assert (code, err) == (2, "plancompare check: missing argument <plan> — see: plancompare check -h\n")
    monkeypatch.setenv("PLANCOMPARE_LANG", "en")
    code, _, err = run(capsys, "check", PLAN, "-f")
    assert code == 2 and err.count("\n") == 1 and "option -f needs a value" in err


def test_the_help_usage_line_is_in_the_reader_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "-h")
    assert code == 0 and "Cách dùng: plancompare diff [TÙY CHỌN]" in out and "[bắt buộc]" in out
    assert "Usage:" not in out and "[required]" not in out
    code, out, _ = run(capsys, "--lang", "en", "-h")
    assert code == 0 and "Usage: plancompare [OPTIONS] COMMAND [ARGS]..." in out
