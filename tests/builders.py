"""Builders that make articles and documents in code, for unit tests."""

from __future__ import annotations

from compare.load import outlet_from_name, slugify
from compare.model import Article


def make_article(outlet: str, *paragraphs: str, title: str | None = None, **meta: str) -> Article:
    """An article whose paragraphs are separated by blank lines; id is the outlet's slug."""
    text = "\n\n".join(paragraphs)
    body_start = 0
    if title:
        text = f"{title}\n\n{text}"
        body_start = len(title) + 2
    return Article(
        id=slugify(outlet),
        outlet=outlet if outlet != slugify(outlet) else outlet_from_name(outlet),
        text=text,
        title=title,
        body_start=body_start,
        source=f"{slugify(outlet)}.txt",
        **meta,
    )
