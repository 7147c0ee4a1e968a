"""The closing of a document: Nơi nhận (recipients) and the signature block (capacity, title, name).
Also the "Kính gửi" addressees of a công văn, which the contract reports as recipients too."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..structure.markers import MarkerKind
from ..structure.paragraphs import Paragraph
from ..structure.patterns import CAPACITY, KINH_GUI, NOI_NHAN
from ..structure.zones import looks_like_name
from ..text import rx
from ..text.punct import LOWER_START
from .casing import capacity_case, title_case_role

_CLEAN = rx.compile(r"^[\s\-–•+]+|[\s;,.]+$")


@dataclass(slots=True)
class Closing:
    recipients: list[str] = field(default_factory=list)
    capacities: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer: str | None = None
    recipient_paras: list[Paragraph] = field(default_factory=list)
    signature_paras: list[Paragraph] = field(default_factory=list)
    other: list[Paragraph] = field(default_factory=list)


def clean_recipient(text: str) -> str:
    return str(_CLEAN.sub("", text))


def addressees(paras: list[Paragraph]) -> list[str]:
    out: list[str] = []
    for p in paras:
        m = KINH_GUI.match(p.text)
        text = m.group(1) if m else p.text
        cleaned = clean_recipient(text)
        if m and out and LOWER_START.match(cleaned):
            # the label beside an item's wrapped rest ("Kính gửi:   và phát triển nông thôn tỉnh.")
            out[-1] = clean_recipient(f"{out[-1]} {cleaned}")
        elif cleaned:
            out.append(cleaned)
    return out


def read_closing(paras: list[Paragraph]) -> Closing:
    c = Closing()
    in_recipients = False
    recipients_column: int | None = None
    for p in paras:
        t = p.text
        m = NOI_NHAN.match(t)
        if m:
            in_recipients = True
            recipients_column = p.column
            c.recipient_paras.append(p)
            if clean_recipient(m.group(1)):
                c.recipients.append(clean_recipient(m.group(1)))
            continue
        is_dash = p.marker is not None and p.marker.kind in (MarkerKind.DASH, MarkerKind.PLUS)
        same_column = recipients_column is None or p.column == recipients_column or p.column == 0
        listed = t.rstrip().endswith((";", ",")) or t.startswith("Lưu")  # a list without dashes
        if (
            in_recipients
            and same_column
            and (is_dash or listed or (p.column and p.column == recipients_column))
        ):
            c.recipient_paras.append(p)
            c.recipients.append(clean_recipient(t))
            if t.startswith("Lưu"):
                in_recipients = False  # "Lưu: VT, …" closes the list
            continue
        if CAPACITY.match(t):
            c.capacities.append(capacity_case(t))
            c.signature_paras.append(p)
            continue
        if p.caps and len(t.split()) <= 6 and c.signer is None:
            c.signer_title = title_case_role(t)
            c.signature_paras.append(p)
            continue
        if looks_like_name(t):
            c.signer = " ".join(t.split())
            c.signature_paras.append(p)
            continue
        c.other.append(p)
    return c


def capacity_and_principal(capacities: list[str]) -> tuple[str | None, str | None]:
    """(signing capacity, on behalf of): the innermost of KT./TL./TUQ./Q. wins; TM. is the body
    signed for. A lone TM. is the capacity itself."""
    tm = next((c for c in capacities if c.startswith("TM.")), None)
    inner = next((c for c in reversed(capacities) if not c.startswith("TM.")), None)
    if inner is not None:
        return inner, tm
    return tm, None
