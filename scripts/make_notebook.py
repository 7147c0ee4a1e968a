"""Writes docs/notebook.ipynb from the cells below, executed so that it reads with its outputs
(tables, plot) where notebooks are rendered; the test suite executes it again and checks them.

    python scripts/make_notebook.py            # from the repository root
"""

from __future__ import annotations

from pathlib import Path

import nbformat

CELLS: list[tuple[str, str]] = [
    (
        "md",
        "# plancompare trong notebook\n\nĐọc một kế hoạch, đối chiếu với QĐ 1560/QĐ-TTg, rồi xem độ bao phủ của nhiều kế hoạch theo từng nhóm nhiệm vụ.\n\n*Read a plan, compare it with QĐ 1560/QĐ-TTg, then look at the coverage of many plans per task group.* Run from the repository root; needs `pip install 'plancompare[notebook,coverage]'`.",
    ),
    (
        "code",
        'import plancompare\n\nplan = plancompare.parse("corpora/plans/nghe-an-686-KH-UBND-2025.md")\nplan',
    ),
    (
        "md",
        "## Nhiệm vụ của kế hoạch — one row per task\n\nĐơn vị chủ trì, thời hạn và chỉ tiêu là cột thường, không phải dict lồng nhau.",
    ),
    (
        "code",
        'tasks = plan.to_dataframe()\ntasks[tasks.group.isin(["1", "4"])][["number", "lead_units", "deadline_kind", "deadline_date", "targets"]]',
    ),
    (
        "code",
        'units = plan.units_frame()\nunits[units.role == "lead"].groupby("canonical").size().sort_values(ascending=False).head(6)',
    ),
    ("md", "## Đối chiếu với QĐ 1560 — compare with the bundled outline"),
    ("code", "comparison = plancompare.compare(None, plan)\ncomparison"),
    (
        "code",
        'findings = comparison.to_dataframe()\nfindings[findings.kind != "covered"][["kind", "reference_id", "plan_ids", "target", "deadline", "lead_unit"]]',
    ),
    (
        "md",
        "## Nhiều kế hoạch — many plans\n\n`compare_many` trả kết quả khi từng kế hoạch xong; một tệp lỗi là một dòng lỗi. Truyền `executor=` (ProcessPoolExecutor, hoặc `Client.get_executor()` của dask) để chạy song song.",
    ),
    (
        "code",
        'from plancompare.batch import compare_many, discover\nfrom plancompare.frames import matrix_frame, summary_frame\n\nresults = list(compare_many(None, discover(["corpora/plans", "no-such-plan.pdf"])))\nsummary = summary_frame(results)\nsummary[["plan", "number", "coverage", "covered", "partial", "missing", "divergent", "error_class"]]',
    ),
    ("md", "## Độ bao phủ theo nhóm — coverage per reference group"),
    (
        "code",
        'reference = plancompare.load_reference(None)\ngroup_of = {item.id: item.group for item in reference.items}\nmatrix = matrix_frame(results, list(group_of)).dropna(subset=["coverage"])\ncells = matrix.melt(id_vars=["plan", "coverage"], var_name="item", value_name="kind")\ncells["group"] = cells["item"].map(group_of)\ncells["carried"] = cells["kind"].map({"covered": 1.0, "divergent": 1.0, "partial": 0.5}).fillna(0.0)\nby_group = cells.pivot_table(index="group", columns="plan", values="carried", aggfunc="mean")\nby_group.columns = [name.split("/")[-1] for name in by_group.columns]\nby_group.round(2)',
    ),
    (
        "code",
        'ax = by_group.plot.bar(figsize=(8, 3.5), ylim=(0, 1), rot=0)\nax.set_xlabel("Nhóm nhiệm vụ QĐ 1560")\nax.set_ylabel("Tỷ lệ thể hiện")\nax.legend(fontsize=7);',
    ),
]


def build() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        for kind, text in CELLS
    ]
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{k:02d}"  # stable ids: the file does not change when rebuilt
    return nb


def execute(nb: nbformat.NotebookNode, root: Path) -> None:
    from nbclient import NotebookClient

    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(root)}},
    ).execute()


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    notebook = build()
    execute(notebook, root)
    nbformat.write(notebook, root / "docs/notebook.ipynb")
    print(f"wrote {root / 'docs/notebook.ipynb'}")
