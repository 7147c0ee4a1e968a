"""`plancompare serve` on the command line: off loopback it needs a token, its help is in the
catalogue, and neither `--help` nor any other command loads the web framework."""

from __future__ import annotations

import subprocess
import sys

import pytest

from plancompare.cli import main
from plancompare.cli_serve import page_url


def test_another_host_without_a_token_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--host", "0.0.0.0"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert (
        err == "plancompare: --host 0.0.0.0 mở trang cho máy khác: cần --token (một mã bí mật dùng chung)\n"
    )


def test_serve_help_comes_from_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "Mở trang web trên máy này" in out and "plancompare serve --open" in out


def test_the_page_address_carries_the_token() -> None:
    assert page_url("127.0.0.1", 8765, None) == "http://127.0.0.1:8765/"
    assert page_url("::1", 80, "a b") == "http://[::1]:80/?token=a%20b"


def test_help_does_not_load_the_web_framework() -> None:
    code = (
        "import sys\nfrom plancompare.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'plancompare.web') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
