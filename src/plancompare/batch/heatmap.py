"""The coverage heatmap: plans (rows, best coverage first) × reference items (columns, by group),
one colour per finding kind; failed plans at the bottom in dark grey. matplotlib is imported here
only (extra `coverage`), with the Agg backend so no display is needed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import MissingDependency
from ..model.reference import Reference
from .labels import DEFAULT_COLOUR, ERROR_COLOUR, KIND_COLOURS, kind_label, kinds
from .model import PlanRow

MAX_LABELLED_ROWS = 60  # beyond this, row labels would overlap: the index lists the plans


def ordered_items(reference: Reference) -> list[str]:
    """Item ids grouped by their group, groups in declared order, items in reference order."""
    rank = {g.id: k for k, g in enumerate(reference.groups)}
    order = sorted(
        range(len(reference.items)),
        key=lambda k: (rank.get(reference.items[k].group or "", len(rank)), k),
    )
    return [reference.items[k].id for k in order]


def ordered_rows(rows: Sequence[PlanRow]) -> list[PlanRow]:
    return sorted(rows, key=lambda r: (r.error is not None, -(r.coverage or 0.0), r.path))


def write_heatmap(path: Path, reference: Reference, rows: Sequence[PlanRow]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.colors import ListedColormap
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise MissingDependency.extra("the heatmap", "coverage", "matplotlib") from exc
    ids = ordered_items(reference)
    plans = ordered_rows(rows)
    palette = [KIND_COLOURS.get(k.value, DEFAULT_COLOUR) for k in kinds()] + [DEFAULT_COLOUR, ERROR_COLOUR]
    code = {k: n for n, k in enumerate(kinds())}
    blank, failed = len(palette) - 2, len(palette) - 1
    grid = [
        [failed] * len(ids) if r.error else [code[c] if (c := r.cells.get(i)) else blank for i in ids]
        for r in plans
    ]
    height = min(40.0, 1.5 + 0.18 * max(1, len(plans)))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.35 * len(ids) + 3), height))
    ax.imshow(grid or [[blank]], cmap=ListedColormap(palette), vmin=0, vmax=len(palette) - 1, aspect="auto")
    ax.set_xticks(range(len(ids)), ids, rotation=90, fontsize=7)
    if len(plans) <= MAX_LABELLED_ROWS:
        ax.set_yticks(range(len(plans)), [Path(r.path).name for r in plans], fontsize=6)
    else:
        ax.set_yticks([])
        ax.set_ylabel(f"{len(plans)} kế hoạch, độ bao phủ giảm dần")
    ax.set_xlabel("Nhiệm vụ tham chiếu (theo nhóm)")
    handles = [Patch(color=palette[code[k]], label=kind_label(k.value)) for k in kinds()]
    handles.append(Patch(color=ERROR_COLOUR, label="Lỗi đọc tệp"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7)
    ax.set_title("Mức độ thể hiện nhiệm vụ tham chiếu trong từng kế hoạch", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120, metadata={"Software": None})
    plt.close(fig)
