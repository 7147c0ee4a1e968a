"""The output formats of `plancompare coverage` (no imports: the command line loads this)."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"
    json = "json"
    html = "html"  # the index and each plan's report
    png = "png"  # the heatmap


DEFAULT_FORMATS = (OutputFormat.csv, OutputFormat.xlsx, OutputFormat.html, OutputFormat.png)
