"""Group a flat folder of articles into events: content similarity (TF-IDF) and date proximity.

``group_articles`` is pure: articles in, index groups out. Exact copies and near copies count
once (the first in input order stays, the others are listed as duplicates of it). Articles that
fit no event are listed as ungrouped; they are never forced into a group.

Clustering is average linkage over a sparse graph of article pairs: a pair is linked when its
cosine similarity reaches ``LINK_SIMILARITY`` and, where both dates are known, the dates lie at
most ``MAX_DATE_GAP_DAYS`` apart. Two clusters merge while the mean similarity over all their
cross pairs (unlinked pairs count 0) reaches ``GROUP_SIMILARITY``, best pair first.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Article

# Mean cosine similarity (TF-IDF over title and body: English stop words removed, sublinear tf,
# word unigrams and bigrams) that two clusters must share to merge. Calibrated on ECB+ topics
# 1-35 (its usual train split: 772 documents in 70 sub-topic events; each topic holds two
# look-alike events of one kind, e.g. two different earthquakes, so it is harder than a news
# folder). Pairwise F1 of same-event pairs is flat at 0.81-0.83 for thresholds 0.06-0.10; 0.10
# (P 0.88 / R 0.78, F1 0.83) is taken for precision, since an ungrouped article is listed while a
# wrong merge pollutes a report. Unigrams alone peak at F1 0.77. ``bench/batch.py --calibrate``.
GROUP_SIMILARITY = 0.10

# A pair below this similarity gets no edge at all (it counts 0 in a cluster mean). Raising the
# floor from 0.05 to 0.08 raised precision at 0.10 from 0.79 to 0.88 on ECB+ train for 4 points of
# recall. It must stay at or below GROUP_SIMILARITY.
LINK_SIMILARITY = 0.08

# Two texts this similar are the same article (a copy with another headline, byline or
# boilerplate). On ECB+ train, 14 pairs reach 0.92, all of them one event's wire copy republished
# elsewhere, and no pair of different events does.
NEAR_DUPLICATE_SIMILARITY = 0.92

# Reports of one event appear within days of each other. A week is a prior with margin, not a
# fit: ECB+ has no dates; in the 100 dated BASIL triplets the outlets lie at most 4 days apart
# (51 the same day, 94 within 2 days).
MAX_DATE_GAP_DAYS = 7

# Rows of the similarity matrix computed at once: bounds memory to this many dense rows.
_BLOCK_ROWS = 512
# Word n-grams of the TF-IDF vectors: bigrams lift ECB+ train pairwise F1 from 0.77 to 0.83.
NGRAMS = (1, 2)

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Grouping:
    """Indices into the articles given to ``group_articles``."""

    events: tuple[tuple[int, ...], ...]  # two or more distinct articles each, in input order
    duplicates: tuple[tuple[int, int], ...]  # (copy, the article it copies)
    ungrouped: tuple[int, ...]  # articles that fit no event


def parse_date(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string, else None."""
    if not value:
        return None
    m = _DATE.search(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _fingerprint(article: Article) -> str:
    body = " ".join(article.text[article.body_start :].split()).lower()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _document(article: Article) -> str:
    title = article.title or ""
    return f"{title}\n{article.text[article.body_start :]}"


def similarity_edges(texts: Sequence[str], floor: float) -> dict[tuple[int, int], float]:
    """Cosine similarity of every pair (i < j) that reaches ``floor``, block by block."""
    import numpy as np

    from ..align.vectorize import tfidf_rows

    if len(texts) < 2:
        return {}
    x = tfidf_rows(texts, ngrams=NGRAMS, stop_words="english", dtype=np.float32)
    if x is None:  # nothing but stop words everywhere
        return {}
    xt = x.T.tocsr()
    edges: dict[tuple[int, int], float] = {}
    n = x.shape[0]
    for lo in range(0, n, _BLOCK_ROWS):
        block = (x[lo : lo + _BLOCK_ROWS] @ xt).toarray()
        rows, cols = np.nonzero(block >= floor)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = lo + r
            if i < c:
                edges[(i, c)] = float(block[r, c])
    return edges


def _average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Merge clusters while their mean cross-pair similarity reaches ``threshold``."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in edges.items():
        sums[i][j] = s
        sums[j][i] = s
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # stale: one side has merged since
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(b)
        merged: dict[int, float] = {}
        for side in (a, b):
            for k, s in sums.pop(side).items():
                if k in (a, b):
                    continue
                merged[k] = merged.get(k, 0.0) + s
                del sums[k][side]
        sums[c] = merged
        size_c = len(members[c])
        for k, s in merged.items():
            sums[k][c] = s
            mean = s / (size_c * len(members[k]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(c, k), max(c, k)))
    return [sorted(m) for m in members.values()]


def group_articles(
    articles: Sequence[Article],
    *,
    threshold: float = GROUP_SIMILARITY,
    max_gap_days: int | None = MAX_DATE_GAP_DAYS,
) -> Grouping:
    """Cluster articles into events; list copies and articles that fit no event apart."""
    first_of: dict[str, int] = {}
    duplicates: list[tuple[int, int]] = []
    kept: list[int] = []
    for i, art in enumerate(articles):
        key = _fingerprint(art)
        if key in first_of:
            duplicates.append((i, first_of[key]))
        else:
            first_of[key] = i
            kept.append(i)
    edges = similarity_edges([_document(articles[i]) for i in kept], min(LINK_SIMILARITY, threshold))
    # Near copies: fold each into the earliest article it copies, then drop it from clustering.
    near: dict[int, int] = {}
    for (a, b), s in sorted(edges.items()):
        if s >= NEAR_DUPLICATE_SIMILARITY and b not in near:
            near[b] = near.get(a, a)
    duplicates.extend((kept[b], kept[a]) for b, a in near.items())
    dates = [parse_date(articles[i].published) for i in kept]
    local = [k for k in range(len(kept)) if k not in near]
    pos = {k: p for p, k in enumerate(local)}
    graph: dict[tuple[int, int], float] = {}
    for (a, b), s in edges.items():
        if a in near or b in near:
            continue
        da, db = dates[a], dates[b]
        if max_gap_days is not None and da and db and abs((da - db).days) > max_gap_days:
            continue
        graph[(pos[a], pos[b])] = s
    clusters = _average_linkage(len(local), graph, threshold)
    events = sorted(tuple(sorted(kept[local[p]] for p in c)) for c in clusters if len(c) > 1)
    ungrouped = sorted(kept[local[c[0]]] for c in clusters if len(c) == 1)
    return Grouping(events=tuple(events), duplicates=tuple(sorted(duplicates)), ungrouped=tuple(ungrouped))


def pair_scores(predicted: Sequence[Sequence[int]], gold: Sequence[int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of same-event pairs; ``gold[i]`` is article i's event."""
    from collections import Counter

    pred_pairs = {(a, b) for g in predicted for a in g for b in g if a < b}
    tp = sum(1 for a, b in pred_pairs if gold[a] == gold[b])
    sizes = Counter(gold)
    gold_pairs = sum(k * (k - 1) // 2 for k in sizes.values())
    p = tp / len(pred_pairs) if pred_pairs else 0.0
    r = tp / gold_pairs if gold_pairs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
