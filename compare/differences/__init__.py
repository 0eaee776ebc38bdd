"""Differences: how the members of a claim differ (numbers, names, dates, quotations, hedges,
attribution, wording) and what only one outlet reports."""

from __future__ import annotations

from .core import compare_claim, compare_claims
from .salience import MINOR_BELOW, is_minor
from .unique import find_unique

__all__ = ["MINOR_BELOW", "compare_claim", "compare_claims", "find_unique", "is_minor"]
