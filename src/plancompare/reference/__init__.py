"""Build the reference side of a comparison: the bundled outline, or any parsed document."""

from .load import load_reference, reference_from_plan

__all__ = ["load_reference", "reference_from_plan"]
