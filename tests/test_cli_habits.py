"""Command-line habits: --version, -h with examples, Vietnamese help and reports by default and English
with --lang en or PLANCOMPARE_LANG, format from -o, parse options on every command, --fail-under
range, one-line errors (directory, unwritable output, invalid reference), CSV BOM, null in JSON."""

from __future__ import annotations

import csv
import io
import json
import os
from importlib.metadata import version
from pathlib import Path

import pytest

from plancompare.cli import main
from plancompare.cli_options import PIPED_WIDTH

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in this process (exit status, stdout, stderr)."""
    try:
        main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    else:
        code = 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_lang_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANCOMPARE_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)


def test_version_and_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.strip() == f"plancompare {version('plancompare')}"
    code, out, _ = cli(capsys, "check", "-h")
    assert code == 0
    assert "Ví dụ:" in out and "plancompare check ke-hoach.pdf" in out and "Tùy chọn" in out
    assert "--max-pages" in out and "--jobs" in out and "--ocr" in out  # parse options on check


def test_help_in_english_with_lang_or_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli(capsys, "--lang", "en", "diff", "--help")
    assert code == 0 and "Examples:" in out and "Options" in out and "Ví dụ" not in out
    monkeypatch.setenv("PLANCOMPARE_LANG", "en")
    code, out, _ = cli(capsys, "batch", "-h")
    assert code == 0 and "A coverage table over many plans" in out
    code, out, _ = cli(capsys, "batch", "-h", "--lang", "vi")
    assert "Bảng mức độ bao phủ" in out


def test_every_command_takes_the_parse_options(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("parse", "diff", "check", "batch"):
        code, out, _ = cli(capsys, "--lang", "en", command, "-h")
        for option in ("--max-pages", "--max-bytes", "--timeout", "--max-nesting", "--ocr", "--jobs"):
            assert option in out, (command, option)
    code, out, _ = cli(
        capsys, "check", str(AN_GIANG), "-f", "json", "--max-pages", "3", "--ocr", "never", "--jobs", "2"
    )
    assert code == 0 and json.loads(out)["summary"]["reference_items"] == 24


def test_format_follows_the_output_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name, start in (
        ("r.html", "<!DOCTYPE html>"),
        ("r.md", "# Đối chiếu"),
        ("r.json", "{"),
        ("r.csv", "\ufeffKết quả"),
    ):
        code, _, err = cli(capsys, "check", str(AN_GIANG), "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    code, _, _ = cli(capsys, "parse", str(NGHE_AN), "-o", str(tmp_path / "plan.txt"))
    assert (tmp_path / "plan.txt").read_text(encoding="utf-8").startswith("Loại văn bản")
    code, _, _ = cli(capsys, "check", str(AN_GIANG), "-o", str(tmp_path / "r.html"), "-f", "md")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("# Đối chiếu")  # -f wins


@pytest.mark.parametrize(("value", "code"), [("0.4", 0), ("40", 0), ("40%", 0), ("0.5", 1), ("50%", 1)])
def test_fail_under_takes_a_fraction_or_a_percentage(
    capsys: pytest.CaptureFixture[str], value: str, code: int
) -> None:
    done, _, err = cli(capsys, "check", str(AN_GIANG), "-f", "json", "--fail-under", value)
    assert done == code
    if code:
        assert err.strip() == "plancompare: mức độ bao phủ 0,44 thấp hơn ngưỡng --fail-under 0,50"


@pytest.mark.parametrize("value", ["150", "-0.1", "abc", "101%"])
def test_fail_under_out_of_range_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, out, err = cli(capsys, "check", str(AN_GIANG), "--fail-under", value)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--fail-under phải từ 0 đến 1" in err


def test_a_directory_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "parse", str(ROOT / "corpora"))
    assert code == 2 and err.count("\n") == 1 and "là thư mục, không phải tệp" in err
    code, _, err = cli(capsys, "--lang", "en", "diff", str(ROOT / "corpora"), str(AN_GIANG))
    assert code == 2 and "is a directory, not a file" in err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        code, _, err = cli(capsys, "check", str(AN_GIANG), "-o", str(tmp_path / "r.html"))
    finally:
        tmp_path.chmod(0o700)
    assert code == 2 and err.count("\n") == 1 and "không có quyền ghi" in err


def test_an_output_that_cannot_be_written_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for target, reason in (
        (tmp_path / "no" / "r.html", "thư mục không tồn tại"),
        (tmp_path, "đây là một thư mục"),
    ):
        code, out, err = cli(capsys, "check", str(AN_GIANG), "-o", str(target))
        assert code == 2 and out == "" and err.count("\n") == 1
        assert err.startswith("plancompare: không ghi được tệp") and reason in err
        assert "internal error" not in err and "lỗi nội bộ" not in err


def test_invalid_reference_yaml_is_invalid_reference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from plancompare.errors import InvalidReference
    from plancompare.reference.load import load_reference

    bad = tmp_path / "notes.yaml"
    bad.write_text("title: ghi chú họp\nitems: [1, 2]\n", encoding="utf-8")
    with pytest.raises(InvalidReference):
        load_reference(bad)
    code, _, err = cli(capsys, "diff", str(bad), str(AN_GIANG))
    assert code == 2 and err.count("\n") == 1 and "outline" in err


def test_csv_has_a_bom_by_default_and_empty_cells_for_absent_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, with_bom, _ = cli(capsys, "check", str(AN_GIANG), "-f", "csv")
    _, without, _ = cli(capsys, "check", str(AN_GIANG), "-f", "csv", "--no-bom")
    assert with_bom.startswith("\ufeff") and not without.startswith("\ufeff") and with_bom[1:] == without
    rows = list(csv.DictReader(io.StringIO(without)))
    missing = [r for r in rows if r["Kết quả (mã)"] == "missing"]
    assert missing and all(r["Trang"] == "" and r["Nội dung kế hoạch"] == "" for r in missing)
    assert all(r["Nội dung gần nhất trong kế hoạch"] for r in missing)
    _, batch, _ = cli(capsys, "batch", str(AN_GIANG), str(NGHE_AN))
    assert next(csv.reader(io.StringIO(batch.lstrip("\ufeff"))))[:3] == [
        "Kế hoạch",
        "Số, ký hiệu",
        "Cơ quan ban hành",
    ]


def test_batch_json_writes_null_for_absent_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "batch", str(AN_GIANG), str(NGHE_AN), "-f", "json")
    rows = json.loads(out)["plans"]
    assert code == 0 and rows[0]["number"] is None and rows[1]["number"] == "686/KH-UBND"
    assert rows[0]["coverage"] == 0.4375 and "" not in rows[0].values()


def test_text_is_120_columns_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", str(NGHE_AN))
    widths = {len(line) for line in out.splitlines() if line.startswith(("┏", "└"))}
    assert code == 0 and widths == {PIPED_WIDTH}
    assert "Mức độ bao phủ:" in out and "Theo nhóm nhiệm vụ" in out


def test_lang_en_reports_and_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = cli(capsys, "check", str(NGHE_AN), "-f", "md", "--lang", "en")
    assert out.startswith("# Plan comparison") and "Of the 24 items the plan carries, 2 diverge" in out
    monkeypatch.setenv("PLANCOMPARE_LANG", "en")
    _, out, _ = cli(capsys, "check", str(NGHE_AN), "-f", "md")
    assert out.startswith("# Plan comparison")
    code, _, err = cli(capsys, "check", str(NGHE_AN), "--lang", "fr")
    assert code == 2 and "fr" in err


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_write_that_fails_midway_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, _, err = cli(capsys, "check", str(AN_GIANG), "-f", fmt, "-o", "/proc/version")  # opens, then EIO
    assert (
        code == 2 and err.count("\n") == 1 and err.startswith("plancompare: không ghi được tệp /proc/version")
    )
