"""Alignment: which sentences of different articles tell the same thing, merged into N-way claims.

``vectorize`` turns sentences into TF-IDF (or embedding) similarities, ``clauses`` and
``features`` compute the pairwise evidence, and ``claims`` scores pairs and merges them.
"""

from __future__ import annotations

from .claims import Alignment, align, alignment

__all__ = ["Alignment", "align", "alignment"]
