"""The story at a glance, shared by every view: headline and dates, what all outlets agree on, what
conflicts, what only one outlet says, and who relays whom, with sources grouped by entity. One
article alone gets its sourcing profile instead (what it states itself, what it relays, from whom).

Plain data only; each view lays it out. The JSON view carries it as ``glance``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Comparison, Difference, Document, WordEdit

# A claim's gist: its shortest member sentence, cut at a word boundary. 90 characters fit one line
# of the glance list and the coverage matrix at 1280 px and two lines at 390 px (by eye on
# newswcl50-0 and the samples).
GIST_CHARS = 90
# Agreed claims listed in the glance; the rest are one filter click away. Ten fill one screen
# with the rest of the glance on newswcl50-0 at 1280x900.
GLANCE_AGREED = 10
GLANCE_SOURCES = 8
# Word edits are shown only where they cover at most this share of a sentence's letters: above it
# the two wordings are paraphrases and the highlight covers most of the sentence, saying nothing.
# On newswcl50-0 (131 members with edits) the edited share has median 0.80, 5th percentile 0.53;
# in samples/portville-ferry-fire (40) it runs 0.11-0.99 and, read by eye, members below about 0.45
# are near-copies whose highlight points at a changed phrase. 0.45 keeps 5/131 and 7/40.
EDIT_SHARE_MAX = 0.45
# How sure a claim is, from its score (the mean calibrated probability that its sentences state one
# fact). 40 corpus claims outside the gold, read by hand (docs/alignment.md, round nine): right 15 of
# 18 at 0.5 and over, 4 (and 1 partly) of 11 at 0.3-0.5, 2 of 11 under 0.3; gold pair precision of
# the leave-one-event-out claims 0.72 / 0.66 (gold-dev / gold-train) at 0.5 and over, 0.45 / 0.39 at
# 0.3-0.5, 0.22-0.57 under 0.3. Weak claims mostly share names or a topic, not a fact.
STRONG_FROM = 0.5
WEAK_BELOW = 0.3
STRENGTHS = ("strong", "moderate", "weak")
_WORD = re.compile(r"\w+")
# Words left out when titles vote for the event's headline.
_STOP = frozenset(
    "a an and the of to in on at for by with from as is are was were be has have had it its that this".split()
)


def strength(score: float) -> str:
    """'strong', 'moderate' or 'weak': how sure a claim is, from its score as the views print it."""
    shown = round(score, 2)
    return "strong" if shown >= STRONG_FROM else "weak" if shown < WEAK_BELOW else "moderate"


def quote_fragment(doc: Document, index: int) -> bool:
    """Sentence ``index`` is all quotation, or goes on with a quotation opened in an earlier
    sentence: alone it says neither who speaks nor, often, about what."""
    s = doc.sentences[index]
    return s.quotation is not None or any(doc.quotations[q].start < s.start for q in s.quotations)


def quote_tail(doc: Document, index: int) -> bool:
    """Sentence ``index`` goes on with a quotation opened in an earlier sentence ("At all?” after
    a question that opened the quote): listed alone, the views mark it as a continuation."""
    s = doc.sentences[index]
    return any(doc.quotations[q].start < s.start for q in s.quotations)


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters, with an ellipsis;
    a quotation the cut leaves open is closed after the ellipsis (‘said the plan was “a fine…”’),
    so the reader sees where the quoted words stop being the outlet's. A word is cut only when it
    is the text's first (one token longer than the limit)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    for room in (limit - 1, limit - 2):  # the second leaves room for a closing quotation mark
        cut = flat[:room]
        space = cut.rfind(" ")
        if space > 0 and (space > limit // 2 or flat[room] != " "):
            cut = cut[:space]
        cut = cut.rstrip(" ,;:–—-“")
        if cut.count('"') % 2:
            cut = cut.removesuffix('"').rstrip(" ,;:–—-")
        closing = ('"' if cut.count('"') % 2 else "") + ("”" if cut.count("“") > cut.count("”") else "")
        if len(cut) + 1 + len(closing) <= limit:
            return cut + "…" + closing
    return cut + "…" + closing


def close_quotes(text: str) -> str:
    """``text`` with a quotation it opens and does not close marked as going on (" …”"): a sentence
    that opens a quotation ended in a later sentence read, alone in the glance, as a stray mark
    ('Fox News (1 sentence): "This is punishable by prison.', basil-2010-38f7cbb7)."""
    if text.count('"') % 2:
        return text + ' …"'
    if text.count("“") > text.count("”"):
        return text + " …”"
    return text


def entity_key(source: str, kind: str | None) -> str:
    """The node a source wording belongs to ("Mr. Trump" and "Trump" meet). One place to switch to
    the attribution stage's canonical entity once the model carries it."""
    from ..attribution.sources import source_key

    key = source_key(source, kind)
    if key in _STOP:  # "A hospital spokeswoman" gives "a": a description, not a name to meet on
        key = " ".join(source.lower().split())
    return f"{kind or ''}:{key}"


@dataclass(frozen=True, slots=True)
class SourceNode:
    """One source entity and how many sentences each article rests on it."""

    key: str
    label: str  # the wording used most often
    kind: str | None
    sentences: int
    articles: tuple[tuple[str, int], ...]  # (article id, sentences), most first
    wordings: tuple[str, ...]
    compared: bool  # the source is one of the compared outlets


@dataclass(frozen=True, slots=True)
class Conflict:
    claim: str
    kind: str
    values: tuple[tuple[str, str], ...]  # (article id, wording)
    also: tuple[str, ...] = ()  # other claims holding the same conflict (the same wordings)


def distinct_conflicts(claims: Collection[Claim]) -> list[tuple[Claim, Difference, tuple[str, ...]]]:
    """Each conflict once, in claim order, with the other claims that hold it again: a conflict
    whose outlets' wordings all appear in a conflict of the same kind with more (or as many)
    outlets is the same disagreement (one lead sentence sits in two claims: "Thursday evening"
    against "Wednesday night" twice), so a reader is told it once, "also in c2"."""
    pairs = ((c, d) for c in claims for d in c.differences if d.conflict)
    found = [(n, c, d) for n, (c, d) in enumerate(pairs)]
    kept: list[tuple[int, Claim, Difference, list[str]]] = []
    for n, c, d in sorted(found, key=lambda f: (-len(f[2].values), f[0])):
        host = next((k for k in kept if k[2].kind == d.kind and set(d.values) <= set(k[2].values)), None)
        if host is None:
            kept.append((n, c, d, []))
        elif c.id != host[1].id and c.id not in host[3]:
            host[3].append(c.id)
    return [(c, d, tuple(also)) for _, c, d, also in sorted(kept, key=lambda k: k[0])]


@dataclass(frozen=True, slots=True)
class Agreed:
    """A claim the glance lists as agreed: its gist and how sure the match is."""

    claim: str
    gist: str
    score: float
    strength: str  # one of STRENGTHS


@dataclass(frozen=True, slots=True)
class Glance:
    headline: str
    first_published: str | None
    last_published: str | None
    agreed: tuple[Agreed, ...]  # strong matches first, quote fragments last among equals, then story order
    agreed_outlets: int  # how many outlets carry each agreed claim (all of them, when any claim is)
    agreed_total: int
    conflicts: tuple[Conflict, ...]
    only: tuple[tuple[str, int, str], ...]  # (article, sentences no other outlet has, gist of the first)
    sources: tuple[SourceNode, ...]
    firsthand: tuple[tuple[str, int, int], ...]  # (article, sentences stated itself, sentences)
    chains: tuple[tuple[str, tuple[str, ...], int], ...]  # (article, relay chain outward, sentences)

    def as_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "published": {"first": self.first_published, "last": self.last_published},
            "agreed": [
                {"claim": a.claim, "gist": a.gist, "score": round(a.score, 2), "strength": a.strength}
                for a in self.agreed
            ],
            "agreed_outlets": self.agreed_outlets,
            "agreed_total": self.agreed_total,
            "conflicts": [
                {"claim": c.claim, "kind": c.kind, "values": dict(c.values), "also_in": list(c.also)}
                for c in self.conflicts
            ],
            "only": [{"article": a, "sentences": n, "gist": g} for a, n, g in self.only],
            "sources": [
                {
                    "key": s.key,
                    "label": s.label,
                    "kind": s.kind,
                    "sentences": s.sentences,
                    "articles": dict(s.articles),
                    "wordings": list(s.wordings),
                    "compared": s.compared,
                }
                for s in self.sources
            ],
            "firsthand": {a: n for a, n, _ in self.firsthand},
            "chains": [{"article": a, "chain": list(ch), "sentences": n} for a, ch, n in self.chains],
        }


def gist(
    claim: Claim, docs: dict[str, Document], limit: int = GIST_CHARS, taken: Collection[str] = ()
) -> str:
    """The claim in a few words: its shortest member wording, passing over wordings in ``taken``
    (gists already shown for other claims) while the claim has another, so that two claims
    sharing a sentence are not listed under the same words. A wording that is a bare quotation or
    the tail of one (``quote_fragment``) is taken only when every wording is."""
    members = [m for m in claim.members if m.sentences]
    if not members:
        return claim.id
    whole = [m for m in members if not quote_fragment(docs[m.article], m.sentences[0])] or members
    texts = [" ".join(docs[m.article].sentences[i].text for i in m.sentences) for m in whole]
    fresh = [t for t in texts if clip(t, limit) not in taken]
    return clip(min(fresh or texts, key=len), limit)


def fragment_claim(claim: Claim, docs: dict[str, Document]) -> bool:
    """Every member of the claim opens with a quote fragment (``quote_fragment``)."""
    return all(quote_fragment(docs[m.article], m.sentences[0]) for m in claim.members if m.sentences)


def glance_order(claims: list[Claim], docs: dict[str, Document]) -> list[Claim]:
    """The order the glance lists agreed claims in: story order, except that weak matches come
    last and, among the rest, claims made only of quote fragments after those some outlet states
    in a sentence of its own. Story order puts the lead first, and on the gold events the lead is
    as often right as the strongest claim (bench/glance.py); weak ones are mostly wrong."""
    return sorted(claims, key=lambda c: (strength(c.score) == "weak", fragment_claim(c, docs)))


def headline(comparison: Comparison) -> str:
    """The title whose words the other titles share most (the first title on a tie)."""
    titles = [
        d.article.title.strip() for d in comparison.documents if d.article.title and d.article.title.strip()
    ]
    if not titles:
        return ""
    bags = [{w.lower() for w in _WORD.findall(t)} - _STOP for t in titles]
    votes = Counter(w for bag in bags for w in bag)
    scores = [sum(votes[w] - 1 for w in bag) / (len(bag) ** 0.5 or 1) for bag in bags]
    best = max(range(len(titles)), key=lambda k: (scores[k], -k))
    return clip(titles[best], 160)


def source_nodes(comparison: Comparison) -> tuple[SourceNode, ...]:
    """Provenance edges grouped by source entity across the articles, most cited first."""
    outlets = {" ".join(d.article.outlet.lower().split()).removeprefix("the ") for d in comparison.documents}
    groups: dict[str, dict[str, Any]] = {}
    for aid, src, kind, n in provenance_edges(comparison):
        g = groups.setdefault(entity_key(src, kind), {"kind": kind, "forms": Counter(), "arts": Counter()})
        g["forms"][src] += n
        g["arts"][aid] += n
    out = []
    for key, g in groups.items():
        forms: Counter[str] = g["forms"]
        heads: Counter[str] = Counter()
        for f, k in forms.items():
            heads[f.split(",")[0].strip() or f] += k
        label = max(heads, key=lambda f: (heads[f], len(f), f))
        arts = sorted(g["arts"].items(), key=lambda kv: (-kv[1], kv[0]))
        norm = " ".join(label.lower().split()).removeprefix("the ")
        out.append(
            SourceNode(
                key, label, g["kind"], sum(forms.values()), tuple(arts), tuple(sorted(forms)), norm in outlets
            )
        )
    return tuple(sorted(out, key=lambda s: (-s.sentences, s.label)))


def provenance_edges(comparison: Comparison) -> list[tuple[str, str, str | None, int]]:
    """(article, nearest source, kind, sentences): the pipeline's edges, or counted from the
    attributions when a comparison was built without them."""
    if comparison.provenance is not None:
        return [(e.article, e.source, e.source_kind, e.sentences) for e in comparison.provenance.edges]
    counts: Counter[tuple[str, str, str | None]] = Counter()
    for doc in comparison.documents:
        for att in doc.attributions:
            if att is not None and (att.via or att.source):
                first = att.via[0] if att.via else None
                src, kind = (
                    (first.source, first.source_kind) if first else (att.source or "", att.source_kind)
                )
                counts[(doc.article.id, src, kind)] += 1
    return [(a, s, k, n) for (a, s, k), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _chains(comparison: Comparison) -> tuple[tuple[str, tuple[str, ...], int], ...]:
    counts: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for doc in comparison.documents:
        for att in doc.attributions:
            if att is not None and att.via:
                chain = (*(v.source for v in att.via), att.source or "unnamed source")
                counts[(doc.article.id, chain)] += 1
    return tuple((a, ch, n) for (a, ch), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(published: str) -> str:
    m = _ISO_DAY.match(published)
    return m.group() if m else published


def heading(comparison: Comparison) -> tuple[str, str, str]:
    """What tells one event from another in a list: its headline, first and last publication day
    ("" where unknown). The batch index shows these."""
    # The day is what tells stories apart; a time of day would only make one day look like a range.
    dates = sorted(_day(d.article.published) for d in comparison.documents if d.article.published)
    return headline(comparison), dates[0] if dates else "", dates[-1] if dates else ""


def glance(comparison: Comparison) -> Glance:
    docs = {d.article.id: d for d in comparison.documents}
    n = len(comparison.documents)
    carried = {c.id: len({m.article for m in c.members}) for c in comparison.claims}
    most = max(carried.values(), default=0)
    # With no claim in every outlet, the glance shows what most outlets agree on instead.
    width = n if most == n else most
    agreed_all = [c for c in comparison.claims if width >= 2 and carried[c.id] == width]
    conflicts = tuple(
        Conflict(c.id, d.kind, d.values, also) for c, d, also in distinct_conflicts(comparison.claims)
    )
    # A sentence with a possible match is not told by one outlet alone ("maybe" is not "no").
    claimed = set(comparison.claim_index()) | {m for p in comparison.possible for m in p.members}
    only = []
    for doc in comparison.documents:
        own = [s for s in doc.sentences if (doc.article.id, s.index) not in claimed]
        if own and n > 1:
            # its first sentence that is not a quote fragment, when it has one
            lead = next((s for s in own if not quote_fragment(doc, s.index)), own[0])
            only.append((doc.article.id, len(own), close_quotes(clip(lead.text, GIST_CHARS))))
    agreed: list[Agreed] = []
    for c in glance_order(agreed_all, docs)[:GLANCE_AGREED]:
        text = gist(c, docs, taken={a.gist for a in agreed})
        agreed.append(Agreed(c.id, text, c.score, strength(c.score)))
    title, first, last = heading(comparison)
    return Glance(
        headline=title,
        first_published=first or None,
        last_published=last or None,
        agreed=tuple(agreed),
        agreed_outlets=width if agreed_all else 0,
        agreed_total=len(agreed_all),
        conflicts=conflicts,
        only=tuple(only),
        sources=source_nodes(comparison),
        firsthand=tuple(
            (
                d.article.id,
                sum(1 for a in d.attributions if a is None) + len(d.sentences) - len(d.attributions),
                len(d.sentences),
            )
            for d in comparison.documents
        ),
        chains=_chains(comparison),
    )


def shown_edits(claim: Claim, docs: dict[str, Document]) -> tuple[WordEdit, ...]:
    """The claim's word edits, without those of members that paraphrase the reference: there the
    differing details (difference spans) say what differs and a wall of highlight would not."""
    keep = []
    for m in claim.members:
        edits = [e for e in claim.edits if e.article == m.article]
        if not edits:
            continue
        doc = docs[m.article]
        letters = sum(len(doc.sentences[i].text.replace(" ", "")) for i in m.sentences)
        covered = sum(len(doc.article.text[e.start : e.end].replace(" ", "")) for e in edits)
        if letters and covered / letters <= EDIT_SHARE_MAX:
            keep += edits
    return tuple(keep)
