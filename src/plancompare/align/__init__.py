"""Align reference items with plan units: lexical scores plus group order, then a thresholded decision."""

from .decide import Alignment, align
from .units import Unit, fallback_units, plan_units, reference_units

__all__ = ["Alignment", "Unit", "align", "fallback_units", "plan_units", "reference_units"]
