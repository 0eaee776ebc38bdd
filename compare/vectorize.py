"""Turn an event's sentences into a similarity matrix (scikit-learn stays inside this module).

TF-IDF is fitted over the event's own sentences: word 1–2-grams carry the shared terms, and
character n-grams within word bounds catch inflections and rewordings ("troops"/"troop",
"attack"/"attacked") that whole words miss.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import Options

if TYPE_CHECKING:
    import numpy as np

# Weight of the word-n-gram cosine in the combined score (the rest goes to character n-grams).
# NOT YET CALIBRATED: an even split until bench/align.py sweeps it on gold-dev.
WORD_WEIGHT = 0.5
CHAR_NGRAMS = (3, 5)


def similarity_matrix(texts: Sequence[str], options: Options | None = None) -> np.ndarray:
    """Cosine similarity of every pair of sentences, in [0, 1], as a dense float array."""
    import numpy as np

    options = options or Options()
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0))
    if options.vectors == "embeddings":
        return _embedding_similarity(texts)
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, stop_words="english", min_df=1, lowercase=True
    )
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, lowercase=True)
    sims = []
    for vec in (word, char):
        try:
            m = vec.fit_transform(texts)
        except ValueError:  # empty vocabulary: only stop words or punctuation
            sims.append(np.zeros((n, n)))
            continue
        sims.append((m @ m.T).toarray())
    out = WORD_WEIGHT * sims[0] + (1 - WORD_WEIGHT) * sims[1]
    np.clip(out, 0.0, 1.0, out=out)
    return out


def _embedding_similarity(texts: Sequence[str]) -> np.ndarray:
    """Sentence-embedding cosine (optional extra: ``pip install storydiff[embeddings]``)."""
    import os

    from .errors import UsageError

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:
        raise UsageError(
            "--vectors embeddings needs the optional extra", hint="pip install 'storydiff[embeddings]'"
        ) from exc
    import numpy as np

    model = SentenceTransformer("all-MiniLM-L6-v2")
    emb = model.encode(list(texts), normalize_embeddings=True)
    out = np.asarray(emb @ emb.T, dtype=float)
    np.clip(out, 0.0, 1.0, out=out)
    return out
