"""docs/notebook.ipynb runs from top to bottom and shows what a researcher expects to see."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]


def _text(cell: dict) -> str:  # type: ignore[type-arg]
    parts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        parts.append(
            str(data.get("text/html", "")) + str(data.get("text/plain", "")) + str(output.get("text", ""))
        )
    return "\n".join(parts)


def test_notebook_executes_with_readable_outputs(tmp_path: Path) -> None:
    nb = nbformat.read(ROOT / "docs/notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute(
        env={"MPLCONFIGDIR": str(tmp_path), "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    )
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(o.get("output_type") != "error" for c in code for o in c.outputs)
    plan_view, tasks, units, comparison_view, findings, summary, by_group, _plot = map(_text, code)
    assert "Kế hoạch 686/KH-UBND" in plan_view and "<table" in plan_view
    assert "Sở Tài chính" in tasks and "2025-08-31" in tasks
    assert "Các sở, ban, ngành cấp tỉnh" in units
    assert "độ bao phủ <b>100%</b>" in comparison_view
    assert "divergent" in findings and "→" in findings
    assert "0.4375" in summary and "InputNotFound" in summary
    assert "an-giang-KH-UBND-2025.txt" in by_group
    assert any("image/png" in o.get("data", {}) for o in code[-1].outputs)
