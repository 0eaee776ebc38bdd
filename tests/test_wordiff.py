"""Word-level diff: whole words, merged replacements, no punctuation- or case-only edits."""

from __future__ import annotations

from compare.differences.wording import claim_edits, diff_tokens, tokenize, word_edits
from compare.model import Article, Claim, Document, Member, Sentence


def edits(reference: str, member: str) -> list[tuple[str, str, str]]:
    ref, mem = tokenize(reference), tokenize(member)
    return [(e.op, member[e.start : e.end], e.other) for e in word_edits("m", member, reference, ref, mem)]


def test_replacement_is_one_edit_of_whole_words() -> None:
    assert edits("The council adopted the plan.", "The council approved the plan.") == [
        ("replace", "approved", "adopted")
    ]


def test_adjacent_delete_and_insert_merge_into_a_replacement() -> None:
    ops = diff_tokens(tokenize("sixty sailors were saved"), tokenize("dozens of crew were saved"))
    assert ops == [("replace", 0, 2, 0, 3)]


def test_insertions() -> None:
    assert edits("The ferry sank.", "The old ferry sank quickly.") == [
        ("insert", "old", ""),
        ("insert", "quickly", ""),
    ]


def test_punctuation_and_case_only_changes_are_ignored() -> None:
    assert edits("Sixty sailors died, officials said.", "sixty Sailors died - officials said!") == []
    assert edits("the tax-filing rules", "the tax filing rules") == []
    assert edits("the mayor’s office", "the mayor's office") == []


def test_deletions_have_no_span_in_the_member() -> None:
    assert edits("The old ferry sank.", "The ferry sank.") == []


def test_single_function_word_between_changes_is_absorbed() -> None:
    assert edits("The cat sat on the mat", "A dog sat under the rug") == [
        ("replace", "A dog", "The cat"),
        ("replace", "under the rug", "on the mat"),
    ]


def test_edits_never_cross_sentences_and_offsets_are_article_offsets() -> None:
    text = "Intro. The ferry sank. Nobody died."
    art = Article("a", "A", text)
    sents = (
        Sentence("a", 0, 0, 6, "Intro.", 0),
        Sentence("a", 1, 7, 22, "The ferry sank.", 0),
        Sentence("a", 2, 23, 35, "Nobody died.", 0),
    )
    other = "The big ferry sank and nobody died."
    art_b = Article("b", "B", other)
    sents_b = (Sentence("b", 0, 0, len(other), other, 0),)
    docs = {"a": Document(art, sents), "b": Document(art_b, sents_b)}
    claim = Claim("c1", (Member("a", (1, 2)), Member("b", (0,))), 0.9)
    reference, found = claim_edits(claim, docs)
    assert reference == "a"  # two members tie; the first is the reference
    assert [(e.article, other[e.start : e.end], e.op) for e in found] == [
        ("b", "big", "insert"),
        ("b", "and", "insert"),
    ]
    claim = Claim("c1", (Member("b", (0,)), Member("a", (1, 2))), 0.9)
    reference, found = claim_edits(claim, docs)
    assert reference == "b"
    assert found == ()  # "a" only lacks words; nothing of its own to highlight


def test_reference_is_the_medoid() -> None:
    texts = {
        "a": "The council approved the new budget on Monday.",
        "b": "The council approved the budget on Monday.",
        "c": "On Monday councillors finally voted through a much larger budget.",
    }
    docs = {k: Document(Article(k, k, t), (Sentence(k, 0, 0, len(t), t, 0),)) for k, t in texts.items()}
    claim = Claim("c1", tuple(Member(k, (0,)) for k in ("c", "a", "b")), 0.7)
    reference, found = claim_edits(claim, docs)
    assert reference in ("a", "b")
    assert {e.article for e in found} <= {"a", "b", "c"} - {reference}
    for e in found:
        assert e.start < e.end
