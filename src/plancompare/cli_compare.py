"""Comparison commands (diff, check, batch), registered on the main CLI app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the comparison commands to `app`."""
