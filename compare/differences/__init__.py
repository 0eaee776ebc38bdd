"""Differences: how the members of a claim differ (numbers, names, dates, quotations, hedges,
attribution, wording) and what only one outlet reports."""

from __future__ import annotations

from .core import compare_claim, compare_claims
from .unique import find_unique

__all__ = ["compare_claim", "compare_claims", "find_unique"]
