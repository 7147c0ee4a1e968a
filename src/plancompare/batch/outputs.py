"""Writes a batch to its output folder as results arrive: each plan's own HTML report at once (the
comparison is then dropped, only its small row is kept), the tables, workbook, heatmap and index
at the end, rows sorted by path so the same inputs give the same files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..model.reference import Reference
from ..text import rx
from . import tables
from .formats import OutputFormat
from .model import PlanResult, PlanRow, plan_row

_UNSAFE = rx.compile(r"[^\p{L}\p{N}._-]+")


def report_name(path: str, sha256: str | None, reference_tag: str) -> str:
    stem = _UNSAFE.sub("-", Path(path).stem).strip("-")[:60] or "plan"
    return f"reports/{stem}-{(sha256 or 'nohash')[:8]}-{reference_tag}.html"


class CoverageWriter:
    def __init__(self, out: Path, reference: Reference, formats: Iterable[OutputFormat]) -> None:
        self.out = out
        self.reference = reference
        self.formats = set(formats)
        self.rows: list[PlanRow] = []
        self.report_s = 0.0
        self._tag = hashlib.sha256(reference.model_dump_json().encode("utf-8")).hexdigest()[:6]
        out.mkdir(parents=True, exist_ok=True)

    def add(self, result: PlanResult) -> PlanRow:
        import time

        started = time.perf_counter()
        report = None
        if result.comparison is not None and OutputFormat.html in self.formats:
            report = report_name(result.path, result.sha256, self._tag)
            target = self.out / report
            # a cached result whose report is already there: same plan bytes, same reference
            if not (result.cached and target.exists()):
                from ..report.compare_html import render_comparison_html

                target.parent.mkdir(exist_ok=True)
                target.write_text(render_comparison_html(result.comparison), encoding="utf-8")
        row = plan_row(result, report)
        self.rows.append(row)
        self.report_s += time.perf_counter() - started
        return row

    def finish(self) -> list[str]:
        """Write the tables and the index; returns the files written, relative to the folder."""
        rows = sorted(self.rows, key=lambda r: r.path)
        ids = tables.item_ids(self.reference)
        written: list[str] = []

        def text(name: str, content: str) -> None:
            (self.out / name).write_text(content, encoding="utf-8")
            written.append(name)

        if OutputFormat.csv in self.formats:
            text(
                "summary.csv", tables.to_csv(tables.summary_columns(), [tables.summary_row(r) for r in rows])
            )
            text(
                "matrix.csv",
                tables.to_csv(tables.matrix_columns(ids), [tables.matrix_row(r, ids) for r in rows]),
            )
        if OutputFormat.json in self.formats:
            text("coverage.json", tables.to_json(self.reference, rows))
        if OutputFormat.xlsx in self.formats:
            tables.write_xlsx(self.out / "coverage.xlsx", self.reference, rows)
            written.append("coverage.xlsx")
        if OutputFormat.parquet in self.formats:
            tables.write_parquet(self.out, self.reference, rows)
            written += ["summary.parquet", "matrix.parquet"]
        if OutputFormat.png in self.formats:
            from .heatmap import write_heatmap

            write_heatmap(self.out / "heatmap.png", self.reference, rows)
            written.append("heatmap.png")
        if OutputFormat.html in self.formats:
            from .index import render_index

            text("index.html", render_index(self.reference, rows, written))
        return written
