"""The one base class of every public model: strict, so a misspelt key is an error, not a silent drop."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)
