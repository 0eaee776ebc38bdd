"""Counts that every view shows: shared claims, conflicts, unique sentences, relayed share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Comparison


@dataclass(frozen=True, slots=True)
class Summary:
    articles: int
    claims: int
    claims_all: int  # carried by every article
    claims_some: int
    conflicts: int  # claims with at least one conflicting difference
    unique: tuple[tuple[str, int], ...]  # (article, sentences in no claim)
    relayed: tuple[tuple[str, int, int], ...]  # (article, relayed sentences, sentences)
    # (article, sentences in a claim, sentences in no claim but with a possible match): with
    # ``unique`` they add up to the article's sentences, so a view can say where each one went.
    placed: tuple[tuple[str, int, int], ...] = ()

    def whereabouts(self) -> tuple[tuple[str, int, int, int, int], ...]:
        """(article, sentences, in a claim, possible match only, only here) for each article."""
        unique = dict(self.unique)
        total = {a: t for a, _, t in self.relayed}
        return tuple((a, total.get(a, 0), c, p, unique.get(a, 0)) for a, c, p in self.placed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "claims": self.claims,
            "claims_all_outlets": self.claims_all,
            "claims_some_outlets": self.claims_some,
            "claims_with_conflicts": self.conflicts,
            "unique_sentences": dict(self.unique),
            "relayed_sentences": {a: n for a, n, _ in self.relayed},
            "claimed_sentences": {a: c for a, c, _ in self.placed},
            "possible_only_sentences": {a: p for a, _, p in self.placed},
        }


def summarize(comparison: Comparison) -> Summary:
    n = len(comparison.documents)
    claimed = comparison.claim_index()
    maybe = {m for p in comparison.possible for m in p.members} - set(claimed)
    seen = set(claimed) | maybe
    all_ = sum(1 for c in comparison.claims if len({m.article for m in c.members}) == n)
    return Summary(
        articles=n,
        claims=len(comparison.claims),
        claims_all=all_,
        claims_some=len(comparison.claims) - all_,
        conflicts=sum(1 for c in comparison.claims if any(d.conflict for d in c.differences)),
        unique=tuple((u.article, len(u.sentences)) for u in comparison.unique)
        or tuple(
            (d.article.id, sum(1 for s in d.sentences if (d.article.id, s.index) not in seen))
            for d in comparison.documents
        ),  # comparison.unique leaves out sentences with a possible match
        relayed=tuple(
            (d.article.id, sum(1 for a in d.attributions if a is not None), len(d.sentences))
            for d in comparison.documents
        ),
        placed=tuple(
            (
                d.article.id,
                sum(1 for s in d.sentences if (d.article.id, s.index) in claimed),
                sum(1 for s in d.sentences if (d.article.id, s.index) in maybe),
            )
            for d in comparison.documents
        ),
    )
