"""compare_many on a dask.distributed LocalCluster: the same code as on one machine, the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.batch import compare_many
from plancompare.serialize import to_json

distributed = pytest.importorskip("distributed")  # in the dev extra; skipped only where dask is absent

ROOT = Path(__file__).resolve().parents[1]
PLANS = [ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md", ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"]


def test_local_cluster_executor_matches_in_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    paths = [*map(str, PLANS), str(bad)]
    expected = {
        r.path: (to_json(r.comparison) if r.comparison else r.error) for r in compare_many(None, paths)
    }
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(compare_many(None, paths, executor=client.get_executor()))
    got = {r.path: (to_json(r.comparison) if r.comparison else r.error) for r in results}
    assert got == expected
    assert got[str(bad)].error_class == "UnreadableDocument"
