"""Uploaded files into a job's temporary folder, within the CLI's limits. A file is stored under a
name this module makes (`0007.pdf`), never under the name it came with: that name is only a label.
A zip of plans is unpacked member by member, bounded in count and total size, refusing members
whose names climb out of the archive and zips inside zips."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import IO

from ..errors import DocumentTooLarge, InvalidArgument, UnsupportedFormat
from ..model.base import StrictModel
from .settings import PLAN_SUFFIXES, ZIP_SUFFIX, WebSettings

CHUNK = 1 << 20


class StoredFile(StrictModel):
    """An upload kept on disk: `label` is what the person called it, `path` where we put it."""

    label: str
    path: Path


def display_name(name: str | None) -> str:
    """The last part of an upload's name, for reading only (browsers may send a whole path)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name.strip()
    return base[:120] or "tep-khong-ten"


def suffix_of(label: str, allowed: Iterable[str]) -> str:
    suffix = PurePosixPath(label).suffix.lower()
    if suffix not in allowed:
        kinds = " ".join(sorted(allowed))
        raise UnsupportedFormat(f"{label}: not a file type the page reads (accepted: {kinds})")
    return suffix


def copy_bounded(source: IO[bytes], target: Path, limit: int, label: str) -> int:
    """Copy in chunks and stop as soon as `limit` bytes are passed: a huge upload is never kept."""
    written = 0
    with target.open("wb") as out:
        while block := source.read(CHUNK):
            written += len(block)
            if written > limit:
                raise DocumentTooLarge(f"{label}: larger than the limit of {limit} bytes (--max-bytes)")
            out.write(block)
    return written


class UploadFolder:
    """The files of one job, numbered in arrival order inside `folder`."""

    def __init__(self, folder: Path, settings: WebSettings) -> None:
        self.folder = folder
        self.settings = settings
        self.files: list[StoredFile] = []

    def _target(self, suffix: str) -> Path:
        return self.folder / f"{len(self.files):04d}{suffix}"

    def _check_count(self) -> None:
        if len(self.files) >= self.settings.max_files:
            raise InvalidArgument(f"more than {self.settings.max_files} plans in one upload")

    def add(self, name: str | None, source: IO[bytes], allowed: Iterable[str] = PLAN_SUFFIXES) -> None:
        """One uploaded file: a plan (or reference) kept as is, or a zip whose plans are added."""
        label = display_name(name)
        allowed = frozenset(allowed)
        suffix = suffix_of(label, allowed | {ZIP_SUFFIX})
        self._check_count()
        target = self._target(suffix)
        copy_bounded(source, target, self.settings.parse.max_bytes, label)
        if suffix == ZIP_SUFFIX:
            try:
                self._unzip(target, label, allowed)
            finally:
                target.unlink(missing_ok=True)
            return
        self.files.append(StoredFile(label=label, path=target))

    def add_single(self, name: str | None, source: IO[bytes], allowed: Iterable[str]) -> StoredFile:
        """A reference: exactly one file, no zip."""
        label = display_name(name)
        target = self.folder / f"reference{suffix_of(label, allowed)}"
        copy_bounded(source, target, self.settings.parse.max_bytes, label)
        return StoredFile(label=label, path=target)

    def _unzip(self, archive: Path, label: str, allowed: frozenset[str]) -> None:
        try:
            with zipfile.ZipFile(archive) as zf:
                members = plan_members(zf.infolist(), label, allowed)
                self._check_zip_bounds(members, label)
                budget = self.settings.zip.max_total_bytes
                for info in members:
                    self._check_count()
                    budget -= self._extract(zf, info, label, budget)
        except zipfile.BadZipFile as exc:
            raise UnsupportedFormat(f"{label}: not a readable zip ({exc})") from exc

    def _check_zip_bounds(self, members: list[zipfile.ZipInfo], label: str) -> None:
        limits = self.settings.zip
        if len(members) > limits.max_members:
            raise DocumentTooLarge(f"{label}: more than {limits.max_members} plans in the zip")
        if sum(m.file_size for m in members) > limits.max_total_bytes:
            raise DocumentTooLarge(f"{label}: unpacks to more than {limits.max_total_bytes} bytes")

    def _extract(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, budget: int) -> int:
        """The declared sizes were checked; the real bytes are bounded again while reading (a zip
        may lie about them), by the file limit and by what is left of the total."""
        member = display_name(info.filename)
        target = self._target(PurePosixPath(member).suffix.lower())
        limit = min(self.settings.parse.max_bytes, budget)
        with zf.open(info) as source:
            written = copy_bounded(source, target, limit, f"{label}: {member}")
        self.files.append(StoredFile(label=member, path=target))
        return written


def plan_members(infos: list[zipfile.ZipInfo], label: str, allowed: frozenset[str]) -> list[zipfile.ZipInfo]:
    """The zip's plan files; folders, hidden files and other types are passed over. A member whose
    name is absolute or climbs with `..`, or a zip inside the zip, refuses the whole archive."""
    members = []
    for info in infos:
        parts = PurePosixPath(info.filename.replace("\\", "/")).parts
        if info.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            raise UnsupportedFormat(f"{label}: a member's name leaves the archive ({info.filename})")
        suffix = PurePosixPath(info.filename).suffix.lower()
        if suffix == ZIP_SUFFIX:
            raise UnsupportedFormat(f"{label}: a zip inside the zip ({info.filename}); unpack it first")
        hidden = any(p.startswith((".", "__MACOSX")) for p in parts)
        if not info.is_dir() and not hidden and suffix in allowed:
            members.append(info)
    return members
