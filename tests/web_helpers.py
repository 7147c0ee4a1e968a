"""Shared by the web tests: a TestClient over the app with its own temporary root, and polling."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
HA_TINH = ROOT / "tests/data/bad/plan-utf8.txt"
TRUNCATED = ROOT / "tests/data/bad/truncated.pdf"
FINISHED = {"done", "failed"}


def wait_for(client: Any, job_id: str, token: str | None = None, limit_s: float = 120.0) -> dict[str, Any]:
    """Poll the job until it ends (the limit only stops a hung test; nothing is asserted on time)."""
    headers = {"x-plancompare-token": token} if token else {}
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        view = client.get(f"/api/jobs/{job_id}", headers=headers).json()
        if view["status"] in FINISHED:
            return view  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def leftovers(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*"))
