"""Property tests (hypothesis): on arbitrary Unicode the readers and extractors raise nothing but
PlanCompareError, unwrapping keeps every character, and every character the reader extracted is
accounted for in the plan (`plan.accounting.total == RawDocument.total_chars`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancompare import pipeline
from plancompare.errors import PlanCompareError
from plancompare.extract.deadlines import parse_deadline
from plancompare.extract.targets import find_targets
from plancompare.extract.units import split_units
from plancompare.model.source import SourceFormat, SourceInfo
from plancompare.readers import read_bytes
from plancompare.readers.document import Line
from plancompare.readers.encoding import decode
from plancompare.readers.markdown import read_markdown
from plancompare.readers.text import read_text
from plancompare.structure.markers import parse_marker
from plancompare.structure.paragraphs import build_paragraphs

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLAN_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces plans are made of, so the generator reaches the structure rules and not only noise.
PIECES = [
    "I.", "II.", "1.", "1.1.", "a)", "-", "+", "*", "**", "#", "## ", "\t", "\n", "\r\n", "\r", " ",
    "Số: 12/KH-UBND", "ngày 05 tháng 9 năm 2025", "KẾ HOẠCH", "Nơi nhận:", "KT. CHỦ TỊCH",
    "Sở Tài chính", "UBND các xã, phường", "chủ trì", "phối hợp", "trước ngày 15/12 hằng năm",
    "Quý IV/2025", "đạt 95%", "không thấp hơn 20%", "giảm 1,5%", "nhiệm vụ", "triển khai", "./.",
    "PHỤ LỤC", "TT\tNhiệm vụ\tChủ trì\tThời hạn", "<br>", "<b>", "&amp;", "Ủy ban nhân dân tỉnh",
    "\u0301", "\u00ad", "\u200b", "\ufeff", "ư", "Đ", "ệ", "x",
]  # fmt: skip
plan_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=300), plan_like)


def _source(fmt: SourceFormat = SourceFormat.TEXT) -> SourceInfo:
    return SourceInfo(path="<test>", sha256="0" * 64, format=fmt)


def _non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


# --- readers --------------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=400))
def test_read_bytes_raises_only_plancompare_errors(data: bytes) -> None:
    try:
        doc = read_bytes(data, "fuzz.txt")
    except PlanCompareError:
        return
    assert doc.total_chars >= 0


@FAST
@given(st.binary(max_size=400))
def test_decode_never_raises(data: bytes) -> None:
    assert isinstance(decode(data).text, str)


@FAST
@given(any_text)
def test_text_reader_total_is_its_items(text: str) -> None:
    doc = read_text(text, _source())
    assert doc.total_chars == _counted(doc)


@FAST
@given(any_text)
def test_markdown_reader_total_is_its_items(text: str) -> None:
    doc = read_markdown(text, _source(SourceFormat.MARKDOWN))
    assert doc.total_chars == _counted(doc)


def _counted(doc) -> int:  # type: ignore[no-untyped-def]
    """Every character a reader kept: its lines, its table cells and the furniture it set aside."""
    counted = sum(len(_non_space(ln.text)) for ln in doc.lines())
    counted += sum(len(_non_space(c)) for t in doc.tables() for r in t.rows for c in r.cells)
    return counted + sum(len(_non_space(f.text)) for f in doc.furniture)


# --- accounting through the whole pipeline ----------------------------------------------------


def _plan_without_guard(monkeypatch: pytest.MonkeyPatch, doc: object) -> object:
    # The accounting invariant is about text that *is* parsed; random text is usually NotAPlan.
    monkeypatch.setattr(pipeline, "check_is_plan", lambda raw: None)
    return pipeline.build_plan(doc)  # type: ignore[arg-type]


@PLAN_SETTINGS
@given(text=plan_like)
def test_accounting_text(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        doc = read_text(text, _source())
        plan = _plan_without_guard(mp, doc)
    assert plan.accounting.total == doc.total_chars  # type: ignore[attr-defined]


@PLAN_SETTINGS
@given(text=plan_like)
def test_accounting_markdown(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        doc = read_markdown(text, _source(SourceFormat.MARKDOWN))
        plan = _plan_without_guard(mp, doc)
    assert plan.accounting.total == doc.total_chars  # type: ignore[attr-defined]


def test_accounting_on_the_corpora(root) -> None:  # type: ignore[no-untyped-def]
    from plancompare.readers import read_path

    for name in ("plans/an-giang-KH-UBND-2025.txt", "plans/nghe-an-686-KH-UBND-2025.md"):
        doc = read_path(root / "corpora" / name)
        plan = pipeline.build_plan(doc)
        assert plan.accounting.total == doc.total_chars, name
        assert sum(plan.accounting.by_role.values()) == plan.accounting.total


# --- extractors ---------------------------------------------------------------------------------


@FAST
@given(any_text)
def test_parse_deadline_total(text: str) -> None:
    parse_deadline(text)
    parse_deadline(None)


@FAST
@given(any_text)
def test_find_targets_total(text: str) -> None:
    for target in find_targets(text):
        assert target.text


@FAST
@given(any_text)
def test_split_units_total(text: str) -> None:
    assert all(isinstance(unit, str) and unit for unit in split_units(text))


@FAST
@given(any_text, st.one_of(st.none(), st.sampled_from(["I", "1", "1.1", "a", "-", "+"]), st.text(max_size=5)))
def test_parse_marker_total(text: str, previous: str | None) -> None:
    parse_marker(text, previous)


lines_strategy = st.lists(
    st.tuples(
        any_text.map(lambda t: " ".join(t.split())), st.booleans(), st.sampled_from([None, True, False])
    ),
    max_size=30,
)


@FAST
@given(lines_strategy, st.one_of(st.none(), st.integers(min_value=0, max_value=200)))
def test_unwrapping_keeps_every_character(
    rows: list[tuple[str, bool, bool | None]], width: int | None
) -> None:
    lines = [
        Line(text=text, line=i + 1, bold=bold, soft_wrap=soft)
        for i, (text, bold, soft) in enumerate(rows)
        if text
    ]
    paragraphs = build_paragraphs(lines, width)
    assert _non_space("".join(p.text for p in paragraphs)) == _non_space("".join(ln.text for ln in lines))
