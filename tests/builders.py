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


def attributions(*paragraphs: str) -> dict[str, object]:
    """Sentence text -> its attribution (or None), for an article of these paragraphs."""
    from compare.attribution.resolve import attribute
    from compare.segment import segment

    doc = segment(make_article("Daily Planet", *paragraphs))
    return {s.text: a for s, a in zip(doc.sentences, attribute(doc), strict=True)}


def attribution_of(atts: dict[str, object], fragment: str):
    """The attribution of the one sentence of ``atts`` that holds ``fragment``."""
    for text, att in atts.items():
        if fragment in text:
            return att
    raise AssertionError(f"no sentence holds {fragment!r}")


def relations(text: str) -> list[tuple[str, str | None]]:
    """(cue, source) of every relation the cue finder reads in ``text``."""
    from compare.attribution.cues import find_relations

    return [(r.cue, r.source) for r in find_relations(text, 0, len(text))]
