"""A web copy's info box, checked against what the document itself says.

The info box is the site's summary, written by the site's editors: often right, sometimes not
("Nơi ban hành: Tỉnh Nghệ An" where the issuer is the provincial People's Committee). It never fills
the metadata; where the box and the document disagree on the number or the date, a warning says so,
so a reviewer can check which copy they hold."""

from __future__ import annotations

import datetime as dt

from ..model import warning_codes as codes
from ..model.metadata import DocumentMeta
from ..model.source import SourceHint
from ..model.warnings import ParseWarning
from ..text import rx
from .cites import cite_key

_DMY = rx.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def site_hint(raw: dict[str, str]) -> SourceHint | None:
    if not raw:
        return None
    return SourceHint(**{k: v for k, v in raw.items() if k in SourceHint.model_fields})


def _iso(text: str | None) -> str | None:
    m = _DMY.match(text or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


def hint_warnings(hint: SourceHint | None, meta: DocumentMeta) -> list[ParseWarning]:
    if hint is None:
        return []
    out = []
    if hint.number and meta.number and cite_key(hint.number) != cite_key(meta.number):
        out.append(f"number: the site says '{hint.number}', the document '{meta.number}'")
    hint_date = _iso(hint.date)
    if hint_date and meta.date and hint_date != meta.date:
        out.append(f"date: the site says '{hint.date}', the document '{meta.date}'")
    return [
        ParseWarning(
            code=codes.SITE_INFO_DISAGREES,
            message=f"the website's info box disagrees with the document ({what}); the document's own text is used",
        )
        for what in out
    ]
