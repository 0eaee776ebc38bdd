"""Pairwise evidence that two sentences of different articles report the same fact.

Every feature is an n×n array over the event's sentences (all articles concatenated), so the
aligner can score every cross-article pair at once. Besides the two TF-IDF cosines, the evidence
is what a reader checks: shared rare words, names, numbers and quoted words (weighted by how
rare they are in the event), near-identical wording (rapidfuzz), where the two sit in their
stories, whether their neighbours match too, whether each is the other's best partner, and
whether one clause of each states the same thing (align_clauses.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Options
from .candidates import Neighbours, nearest
from .clauses import WORD_TOKEN, clause_columns, content_words, split_clauses
from .vectorize import WORD_WEIGHT, EventVectors, english_stop_words, event_vectors, row_dots, token_idf

if TYPE_CHECKING:
    import numpy as np

# Candidate pairs (candidates.py): each sentence's CANDIDATES most similar sentences (combined
# TF-IDF cosine) in each other article, among those at CANDIDATE_FLOOR or above. Measured on the
# 17 gold events (bench/align.py candidates): see docs/alignment.md.
CANDIDATES = 8
CANDIDATE_FLOOR = 0.0

# The order of the columns of ``PairFeatures.planes``; the fitted weights in align.py follow it.
FEATURE_NAMES = (
    "word_cos",  # word 1–2-gram TF-IDF cosine
    "char_cos",  # character 3–5-gram TF-IDF cosine
    "fuzz",  # rapidfuzz token_set_ratio / 100
    "containment",  # IDF-weighted share of the shorter sentence's content words found in the other
    "names",  # IDF-weighted overlap of capitalised names (0 when either has none)
    "numbers",  # share of the numbers of the sentence with fewer numbers found in the other
    "number_clash",  # both carry numbers and share none
    "quotes",  # overlap of quoted words, when both quote someone
    "gap_low",  # combined cosine minus the best other partner in the same article: the lower of
    "gap_high",  # the two sides' margins, and the higher (so the pair's order does not matter)
    "mutual_best",  # each is the other's best partner in that article
    "neighbours",  # best combined cosine of the diagonal neighbours (i-1, j-1) / (i+1, j+1)
    "position",  # difference of relative positions in the two stories
    "lead",  # one of the two is its article's first sentence
    "length_ratio",  # shorter / longer, in words
    "clause_max",  # best clause-pair cosine (align_clauses.py)
    "clause_share",  # share of the sentence with fewer clauses whose clauses match the other's
    "clause_cover_hi",  # how much of one sentence's best clause the other contains (IDF-weighted),
    "clause_cover_lo",  # higher and lower of the two sides
    "rare_shared",  # how many rare word stems the two share (RARE_STEM_* below), capped, over the cap
)
# Context evidence (context_columns): what the sentences' story around them says.
CONTEXT_FEATURE_NAMES = (
    "same_source",  # both relay a named source, and the two names share a word (attribution stage)
    "source_clash",  # both relay named sources that share no word
    "relay_mismatch",  # one relays a source, the other states it as its own
    "both_quoted",  # both sit inside quotation marks
    "dates",  # share of the dates of the sentence with fewer dates found in the other (details)
)

# Extra columns appended when sentence embeddings are on (``--vectors embeddings`` or ``e5``).
EMBEDDING_FEATURE_NAMES = (
    "emb_cos",  # MiniLM or e5 cosine
    "emb_gap_low",  # its margins over the best other partner, as gap_low / gap_high
    "emb_gap_high",
)

# ``rare_shared``: a word stem is its first RARE_STEM_LETTERS letters (tolerance / tolerating,
# racism / racist, bigotry / bigots), and it is rare when at most RARE_STEM_SHARE of the event's
# sentences (and at least two) hold it: not the story's topic words. Counting up to RARE_STEM_CAP
# shared rare stems raised the nested leave-one-event-out claim-pair F1 by about 0.025 (gold-dev)
# and 0.015 (gold-train); a share or sum of IDF instead of the count, other shares and caps did
# less or the same (docs/alignment.md, round five).
RARE_STEM_LETTERS = 5
RARE_STEM_SHARE = 0.12
RARE_STEM_CAP = 4

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*|[A-Z]{2,}s?)\b")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "dozen": "12",
    "twenty": "20",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
}


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    """The comparable bits of one sentence."""

    words: frozenset[str]  # lower-cased content words (no stop words)
    names: frozenset[str]  # capitalised words not opening the sentence, lower-cased
    numbers: frozenset[str]  # normalised numerals and number words
    quoted: frozenset[str]  # content words inside quotation marks
    length: int  # words
    stems: frozenset[str] = frozenset()  # the content words' first RARE_STEM_LETTERS letters


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """Evidence rows (m × F, columns as FEATURE_NAMES [+ EMBEDDING_FEATURE_NAMES]) for the m
    candidate pairs (u < v, rows of the concatenated sentences), and each row's (doc, index)."""

    values: np.ndarray
    pairs: np.ndarray  # m × 2
    nodes: tuple[tuple[int, int], ...]
    doc_of: np.ndarray  # document position of each concatenated sentence


def sentence_evidence(text: str, stop_words: frozenset[str]) -> SentenceEvidence:
    tokens = WORD_TOKEN.findall(text)
    lower = [t.lower().strip("'’-") for t in tokens]
    words = frozenset(content_words(text, stop_words))
    names = set()
    for m in _NAME.finditer(text):
        if m.start() == 0 or text[: m.start()].rstrip().endswith(("“", '"', ":")):
            continue  # an opening capital says nothing
        if m.group().lower() not in stop_words:
            names.add(m.group().lower())
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}
    numbers |= {_NUMBER_WORDS[w] for w in lower if w in _NUMBER_WORDS}
    quoted = set()
    for q in _QUOTED.findall(text):
        quoted |= {w.lower() for w in WORD_TOKEN.findall(q) if w.lower() not in stop_words}
    stems = frozenset(w[:RARE_STEM_LETTERS] for w in words)
    return SentenceEvidence(
        words, frozenset(names), frozenset(numbers), frozenset(quoted), len(tokens), stems
    )


def pair_features(
    documents: Sequence[Document], options: Options | None = None, extra: tuple[str, ...] = ()
) -> PairFeatures:
    """Evidence for the candidate pairs of the event's sentences (documents in the given order);
    ``extra`` names CONTEXT_FEATURE_NAMES columns to append (bench/align.py tries them)."""
    import numpy as np

    options = options or Options()
    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    nodes = tuple((d, s.index) for d, doc in enumerate(documents) for s in doc.sentences)
    texts = [s.text for doc in documents for s in doc.sentences]
    doc_of = np.array([d for d, _ in nodes], dtype=np.intp)
    clauses = [split_clauses(t, stop) for t in texts]
    vectors = event_vectors(texts, [c for cs in clauses for c in cs], options)
    parts = ((vectors.word, WORD_WEIGHT), (vectors.char, 1.0 - WORD_WEIGHT))
    near = nearest(None, doc_of, len(documents), CANDIDATES, CANDIDATE_FLOOR, parts=parts)
    pairs = near.pairs  # the TF-IDF candidates, with or without embeddings (as they were fitted)
    emb_near = None
    if vectors.embedding is not None:
        emb_near = nearest(vectors.embedding, doc_of, len(documents), CANDIDATES, CANDIDATE_FLOOR)
    names = FEATURE_NAMES + (EMBEDDING_FEATURE_NAMES if vectors.embedding is not None else ()) + extra
    values = np.zeros((len(pairs), len(names)))
    if not len(pairs):
        return PairFeatures(values, pairs, nodes, doc_of)
    u, v = pairs[:, 0], pairs[:, 1]
    col = {name: k for k, name in enumerate(names)}
    word, char = near.values
    values[:, col["word_cos"]] = word
    values[:, col["char_cos"]] = char
    comb = WORD_WEIGHT * word + (1.0 - WORD_WEIGHT) * char
    for name, column in _overlap_columns(texts, pairs, stop).items():
        values[:, col[name]] = column
    values[:, col["gap_low"]], values[:, col["gap_high"]] = _gaps(comb, near, u, v, doc_of)
    mutual = (near.best_row[u, doc_of[v]] == v) & (near.best_row[v, doc_of[u]] == u)
    values[:, col["mutual_best"]] = mutual
    values[:, col["neighbours"]] = _neighbours(vectors, u, v, doc_of)
    index = np.array([i for _, i in nodes], dtype=float)
    sizes = np.array([len(documents[d].sentences) for d, _ in nodes], dtype=float)
    rel = index / np.maximum(1.0, sizes - 1)
    values[:, col["position"]] = np.abs(rel[u] - rel[v])
    values[:, col["lead"]] = (index[u] == 0) | (index[v] == 0)
    for name, column in clause_columns(vectors, clauses, texts, pairs, stop).items():
        values[:, col[name]] = column
    if extra:
        for name, column in context_columns(documents, pairs, stop).items():
            if name in col:
                values[:, col[name]] = column
    if vectors.embedding is not None and emb_near is not None:
        emb = row_dots(vectors.embedding, u, v)
        values[:, col["emb_cos"]] = emb
        values[:, col["emb_gap_low"]], values[:, col["emb_gap_high"]] = _gaps(emb, emb_near, u, v, doc_of)
    return PairFeatures(values, pairs, nodes, doc_of)


def context_columns(
    documents: Sequence[Document], pairs: np.ndarray, stop: frozenset[str]
) -> dict[str, np.ndarray]:
    """Evidence from the stages before alignment: who is relayed (attribution), quotation marks
    and dates (details). Zero where a document carries no such annotation."""
    import numpy as np

    sources: list[frozenset[str] | None] = []  # None: own statement; empty: unnamed source
    quoted: list[bool] = []
    dates: list[frozenset[str]] = []
    for doc in documents:
        for k, sent in enumerate(doc.sentences):
            att = doc.attributions[k] if k < len(doc.attributions) else None
            if att is None:
                sources.append(None)
            else:
                words = WORD_TOKEN.findall(att.source or "")
                sources.append(frozenset(w.lower() for w in words if w.lower() not in stop and len(w) > 2))
            quoted.append(sent.quotation is not None or bool(sent.quotations))
            ds = doc.details[k] if k < len(doc.details) else ()
            dates.append(frozenset(d.key or d.text.lower() for d in ds if d.kind == "date"))
    out = {name: np.zeros(len(pairs)) for name in CONTEXT_FEATURE_NAMES}
    for k, (i, j) in enumerate(pairs.tolist()):
        si, sj = sources[i], sources[j]
        if si is not None and sj is not None:
            if si and sj:
                if si & sj:
                    out["same_source"][k] = 1.0
                else:
                    out["source_clash"][k] = 1.0
        elif (si is None) != (sj is None):
            out["relay_mismatch"][k] = 1.0
        out["both_quoted"][k] = float(quoted[i] and quoted[j])
        if dates[i] and dates[j]:
            out["dates"][k] = len(dates[i] & dates[j]) / min(len(dates[i]), len(dates[j]))
    return out


def _overlap_columns(texts: Sequence[str], pairs: np.ndarray, stop: frozenset[str]) -> dict[str, np.ndarray]:
    """Word-level evidence per pair: fuzz, containment, names, numbers, quotes, length ratio and
    shared rare stems."""
    import numpy as np
    from rapidfuzz import fuzz

    evidence = [sentence_evidence(t, stop) for t in texts]
    idf = token_idf([e.words | e.names for e in evidence])
    weight = [math.fsum(idf[w] for w in e.words) for e in evidence]
    name_weight = [math.fsum(idf[w] for w in e.names) for e in evidence]
    stem_count: dict[str, int] = {}
    for e in evidence:
        for x in e.stems:
            stem_count[x] = stem_count.get(x, 0) + 1
    rare_cut = max(2.0, RARE_STEM_SHARE * len(evidence))
    rare = [frozenset(x for x in e.stems if stem_count[x] <= rare_cut) for e in evidence]
    names = (
        "fuzz",
        "containment",
        "names",
        "numbers",
        "number_clash",
        "quotes",
        "length_ratio",
        "rare_shared",
    )
    # Filled as lists, one value per pair, and made arrays at the end: a numpy item assignment per
    # value and column cost more than the evidence itself.
    cols: dict[str, list[float]] = {name: [] for name in names}
    (fuzz_col, containment, name_col, number_col, clash_col, quote_col, length_col, rare_col) = (
        cols[name] for name in names
    )
    ratio = fuzz.token_set_ratio
    for i, j in pairs.tolist():
        ei, ej = evidence[i], evidence[j]
        # token_set_ratio is symmetric (tests/test_fuzz_symmetry.py checks it on the corpus), so one
        # call gives what (ratio(a, b) + ratio(b, a)) / 200 gave, to the bit (docs/speed.md, round 4).
        fuzz_col.append(ratio(texts[i], texts[j]) / 100.0)
        shared = ei.words & ej.words
        lo = min(weight[i], weight[j])
        containment.append(math.fsum(idf[w] for w in shared) / lo if shared and lo else 0.0)
        common = ei.names & ej.names if ei.names and ej.names else None
        name_col.append(
            math.fsum(idf[w] for w in common) / min(name_weight[i], name_weight[j]) if common else 0.0
        )
        if ei.numbers and ej.numbers:
            common_n = ei.numbers & ej.numbers
            number_col.append(len(common_n) / min(len(ei.numbers), len(ej.numbers)))
            clash_col.append(float(not common_n))
        else:
            number_col.append(0.0)
            clash_col.append(0.0)
        if ei.quoted and ej.quoted:
            quote_col.append(len(ei.quoted & ej.quoted) / min(len(ei.quoted), len(ej.quoted)))
        else:
            quote_col.append(0.0)
        lengths = sorted((max(1, ei.length), max(1, ej.length)))
        length_col.append(lengths[0] / lengths[1])
        if rare[i] and rare[j]:
            rare_col.append(min(len(rare[i] & rare[j]), RARE_STEM_CAP) / RARE_STEM_CAP)
        else:
            rare_col.append(0.0)
    return {name: np.array(cols[name], dtype=float).reshape(len(pairs)) for name in names}


def _gaps(score: np.ndarray, near: Neighbours, u: np.ndarray, v: np.ndarray, doc_of: np.ndarray):  # type: ignore[no-untyped-def]
    """Each pair's margin over its best rival, lower and higher of its two sides: the rival of u
    is its best partner in v's article other than v (its second best when v is the best)."""
    import numpy as np

    sides = []
    for a, b in ((u, v), (v, u)):
        top = near.best[a, doc_of[b]]
        rival = np.where(score >= top - 1e-9, near.second[a, doc_of[b]], top)
        sides.append(score - rival)
    return np.minimum(*sides), np.maximum(*sides)


def _neighbours(vectors: EventVectors, u: np.ndarray, v: np.ndarray, doc_of: np.ndarray) -> np.ndarray:
    """Best combined cosine of the diagonal neighbours (u-1, v-1) and (u+1, v+1), same articles."""
    import numpy as np

    n = len(doc_of)
    out = np.zeros(len(u))
    for step in (-1, 1):
        a, b = u + step, v + step
        ok = (a >= 0) & (b >= 0) & (a < n) & (b < n)
        ok[ok] &= (doc_of[a[ok]] == doc_of[u[ok]]) & (doc_of[b[ok]] == doc_of[v[ok]])
        both = WORD_WEIGHT * row_dots(vectors.word, a[ok], b[ok])
        both += (1.0 - WORD_WEIGHT) * row_dots(vectors.char, a[ok], b[ok])
        out[ok] = np.maximum(out[ok], both)
    return out
