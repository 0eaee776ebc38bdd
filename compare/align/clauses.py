"""Clause-level evidence: does one clause of a sentence state what a clause of the other states?

A lead that packs several facts, or a long sentence that shares one fact with a short one, looks
only half-similar as a whole. Split at clause bounds (semicolons, dashes, colons, a comma before a
conjunction, relative or subordinate word, a reporting tail "…, X said"), the shared fact shows
as one clause pair that matches well. The aligner gets four planes (align_features.py):

- ``clause_max``: the best clause-pair cosine (word and character TF-IDF over the event's clauses);
- ``clause_share``: the share of the sentence with fewer clauses whose clauses have a match;
- ``clause_cover_hi`` / ``clause_cover_lo``: how much of a clause of one sentence (IDF-weighted
  content words) the other sentence contains, best clause, higher and lower of the two sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .vectorize import CHAR_NGRAMS, tfidf_rows, token_idf

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


def clause_planes(texts: Sequence[str], stop_words: frozenset[str]) -> dict[str, np.ndarray]:
    """The four clause planes (n×n, symmetric) over the event's sentences."""
    import numpy as np
    from scipy import sparse

    n = len(texts)
    names = ("clause_max", "clause_share", "clause_cover_hi", "clause_cover_lo")
    if n == 0:
        return {name: np.zeros((0, 0)) for name in names}
    clauses: list[str] = []
    owner: list[int] = []
    for k, text in enumerate(texts):
        for c in split_clauses(text, stop_words):
            clauses.append(c)
            owner.append(k)
    own = np.asarray(owner, dtype=int)
    starts = np.searchsorted(own, np.arange(n))

    sim = np.zeros((len(clauses), len(clauses)))
    word = tfidf_rows(clauses, stop_words="english")
    char = tfidf_rows(clauses, analyzer="char_wb", ngrams=CHAR_NGRAMS)
    for m, weight in ((word, CLAUSE_WORD_WEIGHT), (char, 1.0 - CLAUSE_WORD_WEIGHT)):
        if m is not None:
            sim += weight * (m @ m.T).toarray()
    best = np.maximum.reduceat(np.maximum.reduceat(sim, starts, axis=0), starts, axis=1)
    matched = (sim >= CLAUSE_MATCH).astype(float)
    count = np.add.reduceat(np.add.reduceat(matched, starts, axis=0), starts, axis=1)
    sizes = np.bincount(own, minlength=n).astype(float)
    share = np.clip(count / np.minimum(sizes[:, None], sizes[None, :]), 0.0, 1.0)

    # cover[a, b]: the best clause of b, as a share of its IDF weight found among a's words
    sentence_words = [set(content_words(t, stop_words)) for t in texts]
    clause_words = [set(content_words(c, stop_words)) for c in clauses]
    word_idf = token_idf([frozenset(ws) for ws in sentence_words])
    vocab = {w: k for k, w in enumerate(sorted(word_idf.keys() | set().union(*clause_words)))}
    idf = np.ones(len(vocab))
    for w, weight in word_idf.items():
        idf[vocab[w]] = weight
    s_rows = [k for k, ws in enumerate(sentence_words) for _ in ws]
    s_cols = [vocab[w] for ws in sentence_words for w in ws]
    in_sentence = sparse.csr_matrix((np.ones(len(s_cols)), (s_rows, s_cols)), shape=(n, len(vocab)))
    c_rows = [k for k, ws in enumerate(clause_words) for _ in ws]
    c_cols = [vocab[w] for ws in clause_words for w in ws]
    in_clause = sparse.csr_matrix(
        (idf[c_cols] if c_cols else np.zeros(0), (c_rows, c_cols)), shape=(len(clauses), len(vocab))
    )
    clause_weight = np.asarray(in_clause.sum(axis=1)).ravel()
    found = (in_sentence @ in_clause.T).toarray()  # n × clauses
    found = np.divide(found, clause_weight, out=np.zeros_like(found), where=clause_weight > 0)
    cover = np.maximum.reduceat(found, starts, axis=1)
    planes = (np.clip(best, 0.0, 1.0), share, np.maximum(cover, cover.T), np.minimum(cover, cover.T))
    return dict(zip(names, planes, strict=True))
