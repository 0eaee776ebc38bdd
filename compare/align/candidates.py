"""Candidate pairs: for each sentence, its few nearest sentences in every other article.

No stage of the aligner looks at all n² sentence pairs at once. Similarities are computed a
block of rows at a time (a block × n array, then dropped), and each row keeps only its best
``k`` partners per other article, its best and second-best score there (for the margins in
features.py) and which sentence was best (for mutual best partners). Pair evidence is then
computed for the candidates only, so memory grows about linearly with the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Rows of the similarity computed at once: a block is BLOCK_ROWS × n floats (8 MB for n = 4,000).
BLOCK_ROWS = 256


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Per sentence (row) and article (column): its best and second-best similarity to that
    article's sentences, and the best one's row (-1 for its own article or an empty one)."""

    best: np.ndarray  # n × D
    second: np.ndarray  # n × D
    best_row: np.ndarray  # n × D
    pairs: np.ndarray  # m × 2 candidate pairs (u < v), sorted
    values: tuple[np.ndarray, ...] = ()  # per part (nearest's ``parts``): its product for each pair


def nearest(rows, doc_of: np.ndarray, n_docs: int, k: int, floor: float = 0.0, parts=()) -> Neighbours:  # type: ignore[no-untyped-def]
    """Top-``k`` partners of each row in each other article (ties at the k-th value kept, so the
    input order does not matter), among those with similarity ≥ ``floor`` and above 0.

    ``rows`` is a sparse or dense matrix of unit rows (a product is a cosine). With ``parts``,
    (matrix, weight) pairs whose weighted products sum to the similarity, ``rows`` is not used:
    each part's block is computed once, and its product for every kept pair is returned too."""
    import numpy as np

    n = len(doc_of)
    best = np.zeros((n, n_docs))
    second = np.zeros((n, n_docs))
    best_row = np.full((n, n_docs), -1, dtype=np.intp)
    found: list[np.ndarray] = []
    found_values: list[list[np.ndarray]] = [[] for _ in parts]
    bounds = _segments(doc_of, n_docs)
    sources = list(parts) or [(rows, 1.0)]
    transposed = [m.T if isinstance(m, np.ndarray) else m.T.tocsc() for m, _ in sources]
    for lo in range(0, n, BLOCK_ROWS):
        hi = min(n, lo + BLOCK_ROWS)
        blocks = []
        for (m, _), mt in zip(sources, transposed, strict=True):
            b = m[lo:hi] @ mt
            blocks.append(np.asarray(b if isinstance(b, np.ndarray) else b.toarray(), dtype=float))
        sim = blocks[0] * sources[0][1]
        for (_, w), b in zip(sources[1:], blocks[1:], strict=True):
            sim += w * b
        own = doc_of[lo:hi]
        for b, (sb, eb) in enumerate(bounds):
            nb = eb - sb
            if nb == 0:
                continue
            block = sim[:, sb:eb]
            other = own != b
            if not other.any():
                continue
            idx = np.flatnonzero(other)
            block = block[idx]
            top = block.argmax(axis=1)
            best[lo + idx, b] = block[np.arange(len(idx)), top]
            best_row[lo + idx, b] = sb + top
            if nb > 1:
                second[lo + idx, b] = np.partition(block, nb - 2, axis=1)[:, nb - 2]
            keep = (block > 0) & (block >= floor)
            if nb > k:
                kth = -np.partition(-block, k - 1, axis=1)[:, k - 1]
                keep &= block >= kth[:, None]
            r, c = np.nonzero(keep)
            if len(r):
                found.append(np.stack([lo + idx[r], sb + c], axis=1))
                for store, b in zip(found_values, blocks, strict=False):
                    store.append(b[idx[r], sb + c])
    if not found:
        empty = tuple(np.zeros(0) for _ in parts)
        return Neighbours(best, second, best_row, np.zeros((0, 2), dtype=np.intp), empty)
    pairs = np.sort(np.concatenate(found), axis=1)
    pairs, first, inverse = np.unique(pairs, axis=0, return_index=True, return_inverse=True)
    values = []
    for store in found_values:  # a pair found from both sides: the larger of its two products,
        v = np.full(len(pairs), -np.inf)  # so the result does not depend on which side came first
        np.maximum.at(v, inverse.ravel(), np.concatenate(store))
        values.append(np.clip(v, 0.0, 1.0))
    return Neighbours(best, second, best_row, pairs.astype(np.intp), tuple(values))


def _segments(doc_of: np.ndarray, n_docs: int) -> Sequence[tuple[int, int]]:
    """(start, end) rows of each article; the rows of one article are contiguous."""
    import numpy as np

    starts = np.searchsorted(doc_of, np.arange(n_docs), side="left")
    ends = np.searchsorted(doc_of, np.arange(n_docs), side="right")
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]
