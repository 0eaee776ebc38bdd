"""Orchestrate the stages: segment → details → attribution → align → differences → summaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .align import alignment
from .attribution import attribute, claim_relays, provenance, same_entities
from .details import extract_details
from .differences import compare_claims, find_unique
from .errors import UsageError
from .limits import check_chars, check_sentences
from .model import Article, Comparison, Document, Options
from .segment import segment


def analyze(article: Article, options: Options, outlets: Sequence[str]) -> Document:
    """One article on its own: sentences, their details and their attribution."""
    return describe(segment(article, options), outlets)


def describe(doc: Document, outlets: Sequence[str]) -> Document:
    """A segmented article with the details and attribution of each sentence."""
    text = doc.article.text
    doc = replace(doc, details=tuple(extract_details(text, s, doc.quotations) for s in doc.sentences))
    return replace(doc, attributions=attribute(doc, outlets))


def compare(articles: Sequence[Article], options: Options | None = None) -> Comparison:
    """Compare the articles of one event. Pure: no I/O, and the same input gives the same output."""
    options = options or Options()
    if not articles:
        raise UsageError("nothing to compare: no articles given")
    check_chars(articles, options)
    outlets = tuple(dict.fromkeys([a.outlet for a in articles] + list(options.extra_outlets)))
    segmented = [segment(a, options) for a in articles]
    check_sentences(segmented, options)
    documents = same_entities([describe(d, outlets) for d in segmented])
    by_id = {d.article.id: d for d in documents}
    aligned = alignment(documents, options)
    claims = tuple(claim_relays(c, by_id) for c in compare_claims(aligned.claims, by_id))
    maybe = {x for m in aligned.possible for x in m.members}
    return Comparison(
        documents=documents,
        claims=claims,
        unique=find_unique(documents, claims, maybe),
        provenance=provenance(documents),
        options=options,
        possible=aligned.possible,
    )
