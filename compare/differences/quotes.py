"""Quotations of a claim's members: one member quotes what another paraphrases, or the members
quote different words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Detail, Difference
from .members import FUNCTION_WORDS, MemberView, article_names, details_of, make_difference

# Two members quote "the same" words when this share of the distinct quoted words is common to
# both. 0.9 and 1.0 score the same (gold claims F1 0.581); 0.8 lost a gold quote difference (0.579):
# the annotators count even a partial against a full quotation as a difference.
QUOTE_SAME_SHARE = 1.0
# Scare quotes shorter than this do not make a member "quote" a statement: 1 gave 25 found / 18
# extra quote differences, 3 gave 23 / 13, 5 gave 22 / 9 (F1 flat, 0.581–0.584).
MIN_QUOTE_WORDS = 3
# Share of a quotation's content words that must appear in the other members for it to count as
# quoting the claim: 0.0 gave 29 found / 34 extra quote differences (F1 0.572), 0.2 gave 23 / 13
# (0.581), 0.3 gave 18 / 12 (0.564).
QUOTE_RELEVANCE = 0.2
# Source kinds whose quoted words are a report's text, not a statement: Fox News quoting a New
# York Times column that the Times itself paraphrases is not a quote difference (gold-dev: 2 of 13
# extra quote kinds on gold claims with gold attribution, no found one lost; no change with the
# tool's attribution, which labels these sources as people).
_RELAYED_TEXT = ("outlet", "document")


def _quotes(m: MemberView, members: Sequence[MemberView]) -> list[Detail]:
    """The member's quotations that are about the claim: long enough, and sharing enough content
    words with the other members (a quotation from a sentence that only partly belongs to the claim
    is often about something else)."""
    others = " ".join(o.body for o in members if o is not m)
    other_words = set(re.findall(r"[a-z0-9]+", others.replace("'", "")))
    if m.attribution is not None and m.attribution.source_kind in _RELAYED_TEXT:
        return []  # words quoted from another outlet's report: a relay, shown as attribution
    out = []
    for d in details_of(m, "quote"):
        words = d.key.split()
        if len(words) < MIN_QUOTE_WORDS:
            continue
        content = [w for w in words if w not in FUNCTION_WORDS]
        if content and sum(w in other_words for w in content) / len(content) >= QUOTE_RELEVANCE:
            out.append(d)
    return out


def quote_difference(members: Sequence[MemberView]) -> Difference | None:
    """Some members quote and others paraphrase, or the quoted words differ."""
    shown = {m.article: _quotes(m, members) for m in members}
    keys = {a: [d.key for d in ds] for a, ds in shown.items()}
    quoting = [m for m in members if keys[m.article]]
    if not quoting:
        return None
    shown = {a: ds for a, ds in shown.items() if ds}
    paraphrasing = [m for m in members if not keys[m.article]]
    if paraphrasing:
        return make_difference(
            "quote",
            shown,
            False,
            f"{article_names(paraphrasing)} paraphrase{'s' if len(paraphrasing) == 1 else ''}",
        )
    joined = {a: " ".join(k) for a, k in keys.items()}
    first = joined[quoting[0].article]
    if all(_same_words(first, joined[m.article]) for m in quoting[1:]):
        return None
    return make_difference("quote", shown, False, "the quoted words differ")


def _same_words(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    common = len(set(wa) & set(wb))
    return common >= QUOTE_SAME_SHARE * max(len(set(wa)), len(set(wb)))
