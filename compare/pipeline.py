"""Orchestrate the stages: segment → details → attribution → align → differences → summaries."""

from __future__ import annotations

from collections.abc import Sequence

from .align import align
from .errors import UsageError
from .model import Article, Comparison, Options
from .segment import segment


def compare(articles: Sequence[Article], options: Options | None = None) -> Comparison:
    """Compare the articles of one event. Pure: no I/O, same input gives the same output."""
    options = options or Options()
    if not articles:
        raise UsageError("nothing to compare: no articles given")
    documents = tuple(segment(a, options) for a in articles)
    claims = align(documents, options)
    return Comparison(documents=documents, claims=claims, options=options)
