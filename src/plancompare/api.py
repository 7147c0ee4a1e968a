"""The library API: `parse` a document into a `Plan`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from .errors import InputNotFound, PlanCompareError, UnreadableDocument
from .model.plan import Plan
from .model.source import SourceFormat
from .options import ParseOptions
from .readers import RawDocument, read_bytes, read_path
from .readers.sniff import sniff


def parse(
    source: str | Path | bytes, *, options: ParseOptions | None = None, name: str | None = None
) -> Plan:
    """Parse a plan from a path or from bytes (PDF, DOCX, HTML, text, markdown, or a saved plan JSON)."""
    from .guards import time_budget

    options = options or ParseOptions()
    label = (name or "<bytes>") if isinstance(source, bytes) else str(source)
    try:
        with time_budget(label, options.time_budget_s):  # --timeout: checked between pages and stages
            return _parse(source, options, name)
    except PlanCompareError as exc:
        if label in str(exc):
            raise
        # Every message names the input, so a batch log line says which file failed.
        raise type(exc)(f"{label}: {exc}") from exc


def _parse(source: str | Path | bytes, options: ParseOptions, name: str | None) -> Plan:
    if isinstance(source, bytes):
        if sniff(source, name or "") is SourceFormat.PLAN_JSON:
            return load_plan_json(source, name or "<bytes>")
        return _build(read_bytes(source, name or "<bytes>", options), options)
    path = Path(source)
    if path.is_file() and path.stat().st_size < options.max_bytes:
        head = path.read_bytes()[:4096]
        if head.lstrip().startswith(b"{") and sniff(head, str(path)) is SourceFormat.PLAN_JSON:
            return load_plan_json(path.read_bytes(), str(path))
    return _build(read_path(path, options), options)


def _build(raw: RawDocument, options: ParseOptions) -> Plan:
    # Imported after reading: an unreadable file fails without loading the extraction stages.
    from .pipeline import build_plan

    return build_plan(raw, options)


def load_plan_json(data: bytes | str | Path, name: str | None = None) -> Plan:
    """A plan saved with `plancompare parse --format json`."""
    if isinstance(data, Path):
        if not data.is_file():
            raise InputNotFound(f"{data}: no such file")
        name, data = str(data), data.read_bytes()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        plan = Plan.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise UnreadableDocument(
            f"{name or 'input'}: not a valid plancompare plan JSON ({where}: {first.get('msg')})"
        ) from exc
    plan.source.format = SourceFormat.PLAN_JSON
    plan.source.path = name or plan.source.path
    plan.source.sha256 = hashlib.sha256(raw).hexdigest()
    return plan
