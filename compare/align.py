"""Align sentences across outlets and merge the matches into N-way claims.

Pairwise: every two sentences of different articles get a probability of reporting the same
fact, from a logistic regression over the evidence in align_features.py (fitted on gold-dev by
bench/align.py; the weights are the named constants below). N-way: links above a threshold are
merged into claims, strongest first. A sentence joins a claim only when it links to every member
of the other articles, so a claim stays one fact; a sentence may sit in several claims (a lead
that packs several facts), and a claim may hold two neighbouring sentences of one article (a
sentence split in two elsewhere). Ties are broken by article id and sentence index, never by the
order of the input files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .align_features import pair_features
from .model import Article, Claim, Document, Member, Options, Sentence
from .vectorize import sentence_similarities

if TYPE_CHECKING:
    import numpy as np

# Logistic-regression weights over FEATURE_NAMES (same order). Fitted by `bench/align.py fit` on
# all 7 gold-dev events (our sentence split mapped to the gold split; a pair is positive when it
# maps to a gold claim pair: 15,083 pairs, 460 positive), C=1.0. Leave-one-event-out, the same
# recipe scored pooled pair F1 0.42 on thresholded pairs alone, and 0.41 after claim building with
# the thresholds below also chosen on the other six events (nested).
PAIR_INTERCEPT = -4.7751
PAIR_WEIGHTS = (
    2.5193,  # word_cos
    5.1821,  # char_cos
    1.6259,  # fuzz
    3.6903,  # containment
    0.5709,  # names
    1.3437,  # numbers
    0.2906,  # number_clash
    1.1317,  # quotes
    1.9128,  # gap_low
    1.7391,  # gap_high
    0.4476,  # mutual_best
    2.6042,  # neighbours
    -1.4788,  # position
    0.8231,  # lead
    0.2526,  # length_ratio
)
# A link is kept when its probability reaches this. Swept 0.10–0.50 with JOIN_MIN and JOIN_MEAN
# on gold-dev (`bench/align.py sweep`, leave-one-event-out probabilities): pair F1 is flat from
# 0.15 (0.420, P 0.44 R 0.40) to 0.30 (0.406, P 0.57 R 0.32). 0.20 (0.417, P 0.50 R 0.36) is kept:
# within 0.005 of the best on gold-dev, and on the five sample events (tests/gold/samples) it lifts
# pair precision from 0.66 to 0.72 at recall 0.85 (F1 0.75 -> 0.78).
LINK_THRESHOLD = 0.20
# A sentence joins an existing claim when its weakest link to the claim's members of other
# articles reaches JOIN_MIN and their mean reaches JOIN_MEAN (transitivity: A~B and B~C strong
# admit a weaker A~C). Swept together with LINK_THRESHOLD, as above.
JOIN_MIN = 0.05
JOIN_MEAN = 0.30

# With ``--vectors embeddings``: weights over FEATURE_NAMES + EMBEDDING_FEATURE_NAMES, fitted the
# same way (`bench/align.py fit --embeddings`, all-MiniLM-L6-v2 cosines added), and its own
# claim-building thresholds, swept the same way (best 0.25 / 0.05 / 0.10, chosen in 6 of 7 nested
# folds; pooled claim-pair F1 0.47, nested leave-one-event-out 0.47).
EMBEDDING_INTERCEPT = -4.4511
EMBEDDING_WEIGHTS = (
    1.7646,  # word_cos
    3.0595,  # char_cos
    -0.3055,  # fuzz
    2.4965,  # containment
    0.1588,  # names
    1.3457,  # numbers
    0.2848,  # number_clash
    0.9483,  # quotes
    1.4359,  # gap_low
    1.3224,  # gap_high
    0.3251,  # mutual_best
    2.2026,  # neighbours
    -1.5158,  # position
    0.5776,  # lead
    0.1542,  # length_ratio
    4.0328,  # emb_cos
    1.5124,  # emb_gap_low
    2.5909,  # emb_gap_high
)
EMBEDDING_LINK_THRESHOLD = 0.25
EMBEDDING_JOIN_MIN = 0.05
EMBEDDING_JOIN_MEAN = 0.10


def align(documents: Sequence[Document], options: Options | None = None) -> tuple[Claim, ...]:
    """Documents -> claims (ids c1, c2, … in story order; members in article order)."""
    options = options or Options()
    link = options.min_score if options.min_score is not None else LINK_THRESHOLD
    if len(documents) < 2 or sum(1 for d in documents if d.sentences) < 2:
        return ()
    probs, nodes = pair_probabilities(documents, options)
    if options.vectors == "embeddings":
        if options.min_score is None:
            link = EMBEDDING_LINK_THRESHOLD
        return build_claims(documents, probs, nodes, link, EMBEDDING_JOIN_MIN, EMBEDDING_JOIN_MEAN)
    return build_claims(documents, probs, nodes, link, JOIN_MIN, JOIN_MEAN)


def pair_probabilities(
    documents: Sequence[Document], options: Options | None = None
) -> tuple[np.ndarray, tuple[tuple[int, int], ...]]:
    """n×n probabilities that two sentences report the same fact (0 within one article), and
    the (document position, sentence index) of each row."""
    import numpy as np

    texts = [s.text for doc in documents for s in doc.sentences]
    sims = sentence_similarities(texts, options)
    feats = pair_features(documents, sims)
    if sims.embedding is not None:
        weights = np.asarray(EMBEDDING_WEIGHTS, dtype=float)
        intercept = EMBEDDING_INTERCEPT
    else:
        weights, intercept = np.asarray(PAIR_WEIGHTS, dtype=float), PAIR_INTERCEPT
    z = intercept + np.tensordot(weights, feats.planes, axes=1)
    probs = 1.0 / (1.0 + np.exp(-z))
    same = feats.doc_of[:, None] == feats.doc_of[None, :]
    probs[same] = 0.0
    return probs, feats.nodes


def sentence_pair_score(a: str, b: str, options: Options | None = None) -> float:
    """The pairwise probability for two lone sentences, each taken as a one-sentence article."""
    docs = []
    for k, text in enumerate((a, b)):
        art = Article(id=f"s{k}", outlet=f"s{k}", text=text)
        docs.append(Document(article=art, sentences=(Sentence(f"s{k}", 0, 0, len(text), text, 0),)))
    probs, _ = pair_probabilities(docs, options)
    return float(probs[0, 1])


def build_claims(
    documents: Sequence[Document],
    probs: np.ndarray,
    nodes: Sequence[tuple[int, int]],
    link: float,
    join_min: float,
    join_mean: float,
) -> tuple[Claim, ...]:
    """Merge links (probability >= ``link``) into claims, strongest first."""
    ids = [documents[d].article.id for d, _ in nodes]
    key = [(ids[k], nodes[k][1]) for k in range(len(nodes))]
    n = len(nodes)
    edges: list[tuple[float, int, int]] = []
    for u in range(n):
        for v in range(u + 1, n):
            if probs[u, v] >= link:
                a, b = (u, v) if key[u] <= key[v] else (v, u)
                edges.append((float(probs[u, v]), a, b))
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
        others = [float(probs[x, m]) for m in members if nodes[m][0] != doc_x]
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
    return _as_claims(documents, probs, nodes, kept)


def _as_claims(documents, probs, nodes, kept) -> tuple[Claim, ...]:
    order_of = {doc.article.id: d for d, doc in enumerate(documents)}
    ranked = []
    for c in kept:
        by_doc: dict[int, list[int]] = {}
        for m in c:
            by_doc.setdefault(nodes[m][0], []).append(nodes[m][1])
        scores = [float(probs[a, b]) for a in c for b in c if a < b and nodes[a][0] != nodes[b][0]]
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
