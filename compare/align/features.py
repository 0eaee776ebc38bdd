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

from ..model import Document
from .clauses import WORD_TOKEN, clause_planes, content_words
from .vectorize import Similarities, english_stop_words, token_idf

if TYPE_CHECKING:
    import numpy as np

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
)

# Extra columns appended when sentence embeddings are on (``--vectors embeddings``).
EMBEDDING_FEATURE_NAMES = (
    "emb_cos",  # MiniLM cosine
    "emb_gap_low",  # its margins over the best other partner, as gap_low / gap_high
    "emb_gap_high",
)

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


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """Feature planes (F×n×n) over the concatenated sentences, and each sentence's (doc, index)."""

    planes: np.ndarray
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
    return SentenceEvidence(words, frozenset(names), frozenset(numbers), frozenset(quoted), len(tokens))


def pair_features(documents: Sequence[Document], sims: Similarities) -> PairFeatures:
    """Evidence planes for every pair of the event's sentences (documents in the given order)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    nodes = tuple((d, s.index) for d, doc in enumerate(documents) for s in doc.sentences)
    texts = [s.text for doc in documents for s in doc.sentences]
    n = len(texts)
    doc_of = np.array([d for d, _ in nodes], dtype=int)
    evidence = [sentence_evidence(t, stop) for t in texts]
    idf = token_idf([e.words | e.names for e in evidence])

    names = FEATURE_NAMES + (EMBEDDING_FEATURE_NAMES if sims.embedding is not None else ())
    planes = np.zeros((len(names), n, n))
    col = {name: k for k, name in enumerate(names)}
    planes[col["word_cos"]] = sims.word
    planes[col["char_cos"]] = sims.char
    ratio = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=1) / 100.0
    planes[col["fuzz"]] = (ratio + ratio.T) / 2  # exactly symmetric, whatever the input order

    weight = [math.fsum(idf[w] for w in e.words) for e in evidence]
    name_weight = [math.fsum(idf[w] for w in e.names) for e in evidence]
    for i in range(n):
        ei = evidence[i]
        for j in range(i + 1, n):
            if doc_of[i] == doc_of[j]:
                continue
            ej = evidence[j]
            shared = ei.words & ej.words
            lo = min(weight[i], weight[j])
            if shared and lo:
                planes[col["containment"], i, j] = math.fsum(idf[w] for w in shared) / lo
            if ei.names and ej.names:
                common = ei.names & ej.names
                if common:
                    planes[col["names"], i, j] = math.fsum(idf[w] for w in common) / min(
                        name_weight[i], name_weight[j]
                    )
            if ei.numbers and ej.numbers:
                common_n = ei.numbers & ej.numbers
                planes[col["numbers"], i, j] = len(common_n) / min(len(ei.numbers), len(ej.numbers))
                planes[col["number_clash"], i, j] = float(not common_n)
            if ei.quoted and ej.quoted:
                planes[col["quotes"], i, j] = len(ei.quoted & ej.quoted) / min(len(ei.quoted), len(ej.quoted))
            lengths = sorted((max(1, ei.length), max(1, ej.length)))
            planes[col["length_ratio"], i, j] = lengths[0] / lengths[1]
    for name in ("containment", "names", "numbers", "number_clash", "quotes", "length_ratio"):
        p = planes[col[name]]
        p += np.triu(p, 1).T

    for name, plane in clause_planes(texts, stop).items():
        planes[col[name]] = plane
    if sims.embedding is not None:
        planes[col["emb_cos"]] = sims.embedding
    combined = sims.combined
    index = np.array([i for _, i in nodes], dtype=float)
    sizes = np.array([len(documents[d].sentences) for d, _ in nodes], dtype=float)
    rel = index / np.maximum(1.0, sizes - 1)
    planes[col["position"]] = np.abs(rel[:, None] - rel[None, :])
    first = index == 0
    planes[col["lead"]] = (first[:, None] | first[None, :]).astype(float)

    starts: dict[int, int] = {}
    for k, (d, _) in enumerate(nodes):
        starts.setdefault(d, k)
    for da, sa in starts.items():
        na = len(documents[da].sentences)
        for db, sb in starts.items():
            if da == db:
                continue
            nb = len(documents[db].sentences)
            block = combined[sa : sa + na, sb : sb + nb]
            _gaps(planes[col["gap_low"]], planes[col["gap_high"]], block, sa, sb)
            if sims.embedding is not None:
                emb = sims.embedding[sa : sa + na, sb : sb + nb]
                _gaps(planes[col["emb_gap_low"]], planes[col["emb_gap_high"]], emb, sa, sb)
            best_row = block.argmax(axis=1)
            best_col = block.argmax(axis=0)
            mutual = np.zeros_like(block)
            for i, j in enumerate(best_row):
                if best_col[j] == i:
                    mutual[i, j] = 1.0
            planes[col["mutual_best"], sa : sa + na, sb : sb + nb] = mutual
            diag = np.zeros_like(block)
            if na > 1 and nb > 1:
                diag[1:, 1:] = block[:-1, :-1]
                diag[:-1, :-1] = np.maximum(diag[:-1, :-1], block[1:, 1:])
            planes[col["neighbours"], sa : sa + na, sb : sb + nb] = diag
    same = doc_of[:, None] == doc_of[None, :]
    planes[:, same] = 0.0
    return PairFeatures(planes=planes, nodes=nodes, doc_of=doc_of)


def _gaps(low: np.ndarray, high: np.ndarray, block: np.ndarray, sa: int, sb: int) -> None:
    """Write each cell's margin over its best rival, lower and higher of its two sides."""
    import numpy as np

    row_gap = block - _best_other(block, axis=1)
    col_gap = block - _best_other(block, axis=0)
    na, nb = block.shape
    low[sa : sa + na, sb : sb + nb] = np.minimum(row_gap, col_gap)
    high[sa : sa + na, sb : sb + nb] = np.maximum(row_gap, col_gap)


def _best_other(block: np.ndarray, axis: int) -> np.ndarray:
    """For each cell, the best value in its row (axis=1) or column (axis=0) excluding itself."""
    import numpy as np

    if block.shape[axis] < 2:
        return np.zeros_like(block)
    srt = np.sort(block, axis=axis)
    top = np.take(srt, -1, axis=axis)
    second = np.take(srt, -2, axis=axis)
    top = np.expand_dims(top, axis)
    second = np.expand_dims(second, axis)
    return np.where(block >= top, second, top)
