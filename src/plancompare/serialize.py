"""JSON output per CONTRACT.md: UTF-8, NFC, ensure_ascii=False, stable key order, integral numbers
written as integers. Kept outside the models so the models stay plain data."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def _tidy(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    return value


def to_data(model: BaseModel) -> Any:
    return _tidy(model.model_dump(mode="json"))


def to_json(model: BaseModel, indent: int | None = 2) -> str:
    return json.dumps(to_data(model), ensure_ascii=False, indent=indent) + "\n"
