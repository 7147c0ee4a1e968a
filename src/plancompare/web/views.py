"""Responses built from a finished job: a plan's HTML report (the `--format html` renderer, without
links to files the server does not serve), its JSON, CSV and Markdown, and the coverage files.
Names asked for are looked up in what the job holds, never joined to a path."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePosixPath
from urllib.parse import quote

from fastapi.responses import Response

from ..errors import InputNotFound
from ..i18n import Lang, t
from ..model.comparison import Comparison
from ..text import rx
from .jobs import Job

_UNSAFE = rx.compile(r"[^\p{L}\p{N}._-]+")
MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class PlanFormat(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"


def comparison_of(job: Job, index: int) -> Comparison:
    found = job.comparisons.get(index)
    if found is None:
        raise InputNotFound(t("web.no_download", Lang.VI, job=job.id, name=f"report/{index}"))
    return found


def report_html(job: Job, index: int, lang: Lang) -> str:
    from ..report.compare_html import render_comparison_html

    return render_comparison_html(comparison_of(job, index), lang, None)


def _attachment(content: bytes, file_name: str) -> Response:
    media = MEDIA_TYPES.get(PurePosixPath(file_name).suffix, "application/octet-stream")
    disposition = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


def plan_download(job: Job, index: int, fmt: str, lang: Lang) -> Response:
    comparison = comparison_of(job, index)
    try:
        chosen = PlanFormat(fmt)
    except ValueError as exc:
        raise InputNotFound(t("web.no_download", Lang.VI, job=job.id, name=fmt)) from exc
    if chosen is PlanFormat.json:
        from ..serialize import to_json

        text = to_json(comparison)
    elif chosen is PlanFormat.csv:
        from ..report.compare_csv import render_comparison_csv

        text = render_comparison_csv(comparison, lang)
    else:
        from ..report.compare_md import render_comparison_md

        text = render_comparison_md(comparison, lang)
    stem = _UNSAFE.sub("-", PurePosixPath(comparison.plan.source.path).stem).strip("-") or "plan"
    return _attachment(text.encode("utf-8"), f"{stem}.{chosen.value}")


def download(job_id: str, name: str, content: bytes | None) -> Response:
    if content is None:
        raise InputNotFound(t("web.no_download", Lang.VI, job=job_id, name=name))
    if name.endswith(".png"):
        return Response(content, media_type="image/png")
    return _attachment(content, name)
