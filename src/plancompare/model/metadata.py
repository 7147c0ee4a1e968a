"""Document metadata per Nghị định 30/2020 (thể thức văn bản)."""

from __future__ import annotations

from .base import StrictModel


class AppendixInfo(StrictModel):
    present: bool = False
    referenced: bool = False


class DocumentMeta(StrictModel):
    doc_type: str | None = None
    doc_type_name: str | None = None
    number: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    signing_capacity: str | None = None
    on_behalf_of: str | None = None
    cites: list[str] = []
    recipients: list[str] = []
    # the "Kính gửi" addressees alone (a công văn's), also listed first in `recipients` (CONTRACT)
    addressees: list[str] = []
    appendix: AppendixInfo = AppendixInfo()
