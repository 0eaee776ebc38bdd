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
from typing import Any

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

# First articles whose candidate cosines are computed in one sparse product: bounds that step's memory.
_ROW_BLOCK = 512
# Hashed feature space of the TF-IDF vectors: 2^21 columns keep collisions between the terms of
# two articles negligible (a few per million term pairs) with no vocabulary held in memory.
_HASH_FEATURES = 1 << 21
# Blocking: two articles are compared only when they share one of their TOP_TERMS heaviest terms
# (and, where both are dated, lie in the same or neighbouring date windows). A term that is among
# the heaviest of more than _MAX_POSTING articles in one window keys nothing (too common to say
# two articles are one event; the articles still meet through their rarer terms). Chosen on the 110
# real events mixed: see docs/batch.md (the pair figures match the all-pairs scan's).
_TOP_TERMS = 40
_MAX_POSTING = 200
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


def _vectors(texts: Sequence[str]) -> Any:
    """L2-normalised sublinear TF-IDF rows over hashed word uni- and bigrams (English stop words
    out). Hashing keeps no vocabulary, so memory grows with the text, not with its distinct bigrams."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    hashed = HashingVectorizer(
        ngram_range=NGRAMS,
        stop_words="english",
        n_features=_HASH_FEATURES,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    ).transform(texts)
    return TfidfTransformer(sublinear_tf=True).fit_transform(hashed).astype(np.float32, copy=False).tocsr()


def _top_terms(x: Any, k: int) -> tuple[Any, Any]:
    """(row, term) of each row's ``k`` heaviest terms that another article has too: the keys two
    articles must share to be compared (a term no other article has could key nothing)."""
    import numpy as np

    shared = np.bincount(x.indices, minlength=x.shape[1]) >= 2
    weight = np.where(shared[x.indices], x.data, 0.0)
    rows, cols = [], []
    for i in range(x.shape[0]):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        w = weight[lo:hi]
        pick = np.flatnonzero(w > 0)
        if len(pick) > k:
            pick = pick[np.argpartition(-w[pick], k)[:k]]
        rows.append(np.full(len(pick), i, dtype=np.int64))
        cols.append(x.indices[lo + pick].astype(np.int64))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def _shared_keys(n: int, rows: Any, keys: Any) -> Any:
    """Pairs (i < j) that share a key, ignoring keys held by more than ``_MAX_POSTING`` rows."""
    import numpy as np
    from scipy import sparse

    if len(keys) == 0:
        return sparse.csr_matrix((n, n), dtype=np.int32)
    uniq, col = np.unique(keys, return_inverse=True)
    t = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, col)), shape=(n, len(uniq)))
    t.data[:] = 1  # a key listed twice in one row counts once
    df = np.asarray(t.sum(axis=0)).ravel()
    keep = np.flatnonzero((df >= 2) & (df <= _MAX_POSTING))
    t = t[:, keep].tocsr()
    return sparse.triu(t @ t.T, k=1).tocsr()


def candidate_pairs(x: Any, days: Sequence[int | None], max_gap_days: int | None) -> tuple[Any, Any]:
    """Article pairs worth a cosine: those sharing one of their ``_TOP_TERMS`` heaviest terms,
    within the same or the next ``max_gap_days``-wide date window (blocking by date); an article
    without a date is paired through its terms alone."""
    import numpy as np

    n = x.shape[0]
    rows, terms = _top_terms(x, _TOP_TERMS)
    dated = np.array([d is not None for d in days], dtype=bool)
    if max_gap_days is None or not dated.any():
        pairs = _shared_keys(n, rows, terms)
    else:
        width = max(1, max_gap_days)
        window = np.array([(d // width) if d is not None else 0 for d in days], dtype=np.int64)
        base = int(window.min()) if dated.any() else 0
        span = int(window.max()) - base + 3
        on = dated[rows]
        # Two dates at most a window apart fall in the same or in neighbouring windows: each dated
        # article is keyed in its window and the next, so such pairs share a key; others do not.
        w = window[rows[on]] - base
        keyed_rows = np.concatenate([rows[on], rows[on]])
        keyed = np.concatenate([terms[on] * span + w, terms[on] * span + w + 1])
        pairs = _shared_keys(n, keyed_rows, keyed)
        if not dated.all():  # undated articles against every article, through terms alone
            loose = _shared_keys(n, rows, terms).tocoo()
            either = ~dated[loose.row] | ~dated[loose.col]
            from scipy import sparse

            extra = sparse.csr_matrix(
                (loose.data[either], (loose.row[either], loose.col[either])), shape=(n, n)
            )
            pairs = (pairs + extra).tocsr()
    coo = pairs.tocoo()
    return coo.row.astype(np.int64), coo.col.astype(np.int64)


def similarity_edges(
    texts: Sequence[str],
    floor: float,
    days: Sequence[int | None] | None = None,
    max_gap_days: int | None = None,
) -> dict[tuple[int, int], float]:
    """Cosine similarity of the candidate pairs (i < j) that reaches ``floor``.

    Candidates come from shared heavy terms within date windows (``candidate_pairs``), so the
    cost grows with the number of articles times the articles they share terms with, not with
    its square.
    """
    import numpy as np

    if len(texts) < 2:
        return {}
    x = _vectors(texts)
    if x.nnz == 0:  # nothing but stop words everywhere
        return {}
    left, right = candidate_pairs(x, days or [None] * len(texts), max_gap_days)
    edges: dict[tuple[int, int], float] = {}
    # Pairs come sorted by their first article: a block of first articles against the articles
    # they are paired with, as one small sparse product, then the candidate cells read out.
    starts = np.searchsorted(left, np.arange(0, x.shape[0] + _ROW_BLOCK, _ROW_BLOCK))
    for lo, hi in zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True):
        if lo == hi:
            continue
        i, j = left[lo:hi], right[lo:hi]
        rows, ri = np.unique(i, return_inverse=True)
        cols, ci = np.unique(j, return_inverse=True)
        block = (x[rows] @ x[cols].T).tocsr()
        cos = np.asarray(block[ri, ci]).ravel()
        hit = np.flatnonzero(cos >= floor)
        for a, b, c in zip(i[hit].tolist(), j[hit].tolist(), cos[hit].tolist(), strict=True):
            edges[(a, b)] = c
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
    dates = [parse_date(articles[i].published) for i in kept]
    days = [d.toordinal() if d else None for d in dates]
    floor = min(LINK_SIMILARITY, threshold)
    edges = similarity_edges([_document(articles[i]) for i in kept], floor, days, max_gap_days)
    # Near copies: fold each into the earliest article it copies, then drop it from clustering.
    near: dict[int, int] = {}
    for (a, b), s in sorted(edges.items()):
        if s >= NEAR_DUPLICATE_SIMILARITY and b not in near:
            near[b] = near.get(a, a)
    duplicates.extend((kept[b], kept[a]) for b, a in near.items())
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
