"""Clause-level evidence: does one clause of a sentence state what a clause of the other states?

A lead that packs several facts, or a long sentence that shares one fact with a short one, looks
only half-similar as a whole. Split at clause bounds (semicolons, dashes, colons, a comma before a
conjunction, relative or subordinate word, a reporting tail "…, X said", an "and" before a verb in
-ed that opens a second predicate), the shared fact shows as one clause pair that matches well.
The aligner gets four planes (align_features.py):

- ``clause_max``: the best clause-pair cosine (word and character TF-IDF over the event's clauses);
- ``clause_share``: the share of the sentence with fewer clauses whose clauses have a match;
- ``clause_cover_hi`` / ``clause_cover_lo``: how much of a clause of one sentence (IDF-weighted
  content words) the other sentence contains, best clause, higher and lower of the two sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .vectorize import EventVectors, row_dots, token_idf

if TYPE_CHECKING:
    import numpy as np

# A piece with fewer content words than this is glued to its neighbour ("he said", "on Tuesday",
# a dateline's state). Chosen before measuring, not tuned: with it, the four clause planes lifted
# leave-one-event-out claim-pair F1 on gold-dev from 0.417 to 0.434 at the old thresholds.
CLAUSE_MIN_WORDS = 3
# Two clauses "match" for ``clause_share`` at this combined cosine: the level at which a clause
# pair reads as the same statement in a look at gold-dev pairs; not tuned.
CLAUSE_MATCH = 0.3
# Word versus character TF-IDF in the clause cosine: even, as vectorize.WORD_WEIGHT.
CLAUSE_WORD_WEIGHT = 0.5

_SUBORDINATE = (
    r"and|but|or|which|who|whom|whose|where|while|after|as|because|although|though|when|since"
    r"|despite|before|until|saying|according"
)
_BOUND = re.compile(
    r"\s*(?:;|:|\s[—–]\s|\s--\s|\((?=[^)]{15,})|\))\s*"  # semicolon, colon, dash, long parenthesis
    rf"|,\s*(?=(?:{_SUBORDINATE})\b)"  # ", which …", ", after …"
    r"|\s(?=(?:but|while|after|because|although|though|whereas|despite|saying)\b)"
    r"|,\s*(?=[^,]{0,40}\b(?:said|says|told|added|according)\b[^,]{0,40}[.?!]?[\"”’]?\s*$)"  # ", X said."
    r"|(?<=[,.])[\"”]\s*"  # the end of a quotation inside the sentence
    r"|,\s"
    r"|\s(?=and\s[a-z]+ed\b)"  # "… sent three people to hospital and halted all sailings"
)
# A word or a number, as align_features tokenises too.
WORD_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d")
_TRIM = ' ,"“”'


def content_words(text: str, stop_words: frozenset[str]) -> list[str]:
    """Lower-cased words that are not stop words (as align_features counts them)."""
    out = []
    for token in WORD_TOKEN.findall(text):
        w = token.lower().strip("'’-")
        if w not in stop_words and len(w) > 1:
            out.append(w)
    return out


def split_clauses(text: str, stop_words: frozenset[str]) -> tuple[str, ...]:
    """The sentence's clauses; short pieces join their neighbour, so every clause says something."""
    parts, last = [], 0
    for m in _BOUND.finditer(text):
        if m.start() > last:
            parts.append(text[last : m.start()])
        last = m.end()
    parts.append(text[last:])
    pieces = [p.strip(_TRIM) for p in parts if p.strip(_TRIM)]
    out: list[str] = []
    for p in pieces:
        if out and len(content_words(p, stop_words)) < CLAUSE_MIN_WORDS:
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    if len(out) > 1 and len(content_words(out[0], stop_words)) < CLAUSE_MIN_WORDS:
        out = [out[0] + " " + out[1], *out[2:]]
    return tuple(out) or (text,)


def clause_columns(
    vectors: EventVectors,
    clauses: Sequence[Sequence[str]],
    texts: Sequence[str],
    pairs: np.ndarray,
    stop_words: frozenset[str],
) -> dict[str, np.ndarray]:
    """The four clause features for each candidate pair (u < v) of the event's sentences.

    ``clauses[k]`` are sentence k's clauses (split_clauses), in the order of ``vectors``' clause rows."""
    import numpy as np
    from scipy import sparse

    names = ("clause_max", "clause_share", "clause_cover_hi", "clause_cover_lo")
    m = len(pairs)
    if m == 0:
        return {name: np.zeros(0) for name in names}
    sizes = np.array([len(cs) for cs in clauses], dtype=np.intp)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    u, v = pairs[:, 0], pairs[:, 1]
    # every clause pair of every candidate pair, grouped by candidate pair
    per_pair = sizes[u] * sizes[v]
    group = np.repeat(np.arange(m), per_pair)
    offset = np.concatenate([[0], np.cumsum(per_pair)[:-1]])
    r = np.arange(len(group)) - offset[group]
    ca = starts[u][group] + r // sizes[v][group]
    cb = starts[v][group] + r % sizes[v][group]
    sim = CLAUSE_WORD_WEIGHT * row_dots(vectors.clause_word, ca, cb)
    sim += (1.0 - CLAUSE_WORD_WEIGHT) * row_dots(vectors.clause_char, ca, cb)
    best = np.maximum.reduceat(sim, offset)
    count = np.add.reduceat((sim >= CLAUSE_MATCH).astype(float), offset)
    share = np.clip(count / np.minimum(sizes[u], sizes[v]), 0.0, 1.0)

    # cover(a -> clause c of b): the share of c's IDF weight found among a's words
    flat = [c for cs in clauses for c in cs]
    sentence_words = [set(content_words(t, stop_words)) for t in texts]
    clause_words = [set(content_words(c, stop_words)) for c in flat]
    word_idf = token_idf([frozenset(ws) for ws in sentence_words])
    vocab = {w: k for k, w in enumerate(sorted(word_idf.keys() | set().union(*clause_words)))}
    idf = np.ones(len(vocab))
    for w, weight in word_idf.items():
        idf[vocab[w]] = weight
    n = len(texts)
    s_rows = [k for k, ws in enumerate(sentence_words) for _ in ws]
    s_cols = [vocab[w] for ws in sentence_words for w in ws]
    in_sentence = sparse.csr_matrix((np.ones(len(s_cols)), (s_rows, s_cols)), shape=(n, len(vocab)))
    c_rows = [k for k, ws in enumerate(clause_words) for _ in ws]
    c_cols = [vocab[w] for ws in clause_words for w in ws]
    in_clause = sparse.csr_matrix(
        (idf[c_cols] if c_cols else np.zeros(0), (c_rows, c_cols)), shape=(len(flat), len(vocab))
    )
    clause_weight = np.asarray(in_clause.sum(axis=1)).ravel()
    covers = []
    for sentence, clause in ((u[group], cb), (v[group], ca)):
        found = _cross_dots(in_sentence, sentence, in_clause, clause)
        found = np.divide(
            found, clause_weight[clause], out=np.zeros_like(found), where=clause_weight[clause] > 0
        )
        covers.append(np.maximum.reduceat(found, offset))
    return dict(
        zip(
            names,
            (np.clip(best, 0.0, 1.0), share, np.maximum(*covers), np.minimum(*covers)),
            strict=True,
        )
    )


def _cross_dots(a, rows_a: np.ndarray, b, rows_b: np.ndarray, chunk: int = 65536) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Products of row ``rows_a[k]`` of ``a`` with row ``rows_b[k]`` of ``b``, in chunks."""
    import numpy as np

    out = np.zeros(len(rows_a))
    for lo in range(0, len(rows_a), chunk):
        x = a[rows_a[lo : lo + chunk]].multiply(b[rows_b[lo : lo + chunk]])
        out[lo : lo + chunk] = np.asarray(x.sum(axis=1)).ravel()
    return out
