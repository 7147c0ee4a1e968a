"""The layout thresholds are one validated settings object carried by ParseOptions; the CLI's
defaults are ParseOptions' defaults."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from plancompare import limits
from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.options import LayoutSettings, ParseOptions
from plancompare.readers import read_bytes
from plancompare.readers.document import Line, Table

HEADER = "UBND TỈNH HÀ GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 9/KH-UBND\tHà Giang, ngày 01 tháng 6 năm 2026\n"


def test_settings_are_validated() -> None:
    with pytest.raises(ValidationError):
        LayoutSettings(side_gap=0)
    with pytest.raises(ValidationError):
        ParseOptions(layout={"max_cell_lines": 1})  # type: ignore[arg-type]


def test_settings_change_what_the_readers_decide() -> None:
    """A two-column grid of two rows places text side by side; with layout_max_columns=1 it is a table."""
    data = HEADER.encode()
    default = read_bytes(data, "h.txt")
    assert not default.tables() and {ln.column for ln in default.lines()} == {1, 2}
    strict = read_bytes(data, "h.txt", ParseOptions(layout=LayoutSettings(layout_max_columns=1)))
    assert isinstance(strict.items[0], Table) and not any(isinstance(x, Line) for x in strict.items)


def test_cli_defaults_are_the_options_defaults() -> None:
    from plancompare.cli_options import DEFAULT_MAX_BYTES, DEFAULT_MAX_DOCX

    o = ParseOptions()
    assert (o.max_bytes, o.max_docx_uncompressed) == (DEFAULT_MAX_BYTES, DEFAULT_MAX_DOCX)
    assert (o.max_pages, o.time_budget_s, o.max_nesting, o.jobs) == (
        limits.MAX_PAGES,
        limits.TIME_BUDGET_S,
        limits.MAX_NESTING,
        limits.JOBS,
    )


def test_source_info_is_unchanged_by_settings() -> None:
    doc = read_bytes(HEADER.encode(), "h.txt", ParseOptions(layout=LayoutSettings(side_gap=8)))
    assert doc.source == SourceInfo(path="h.txt", sha256=doc.source.sha256, format=SourceFormat.TEXT)
