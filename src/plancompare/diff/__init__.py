"""Compare a plan with a reference: findings per reference item, divergences per aspect."""

from .engine import compare

__all__ = ["compare"]
