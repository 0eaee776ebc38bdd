"""Property-based tests (hypothesis): the segmenter and the whole pipeline on random text end with a
bounded result whose every offset is exact, and compare() is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import compare
from compare.align.claims import PARTNER_RANK
from compare.model import Article, Comparison
from compare.segment import MAX_SENTENCE_CHARS, segment

# Pieces news text is made of, and the marks that trip splitters: abbreviations, initialisms,
# quotes of every kind, dashes, ellipses, brackets, numbers, blank lines, no-break spaces.
_WORDS = st.sampled_from(
    "the council said Gov. Jones U.S. ferry 9 p.m. Jan. 12 $4.5 million 40% “quoted” ‘single’ "
    "'plain' \"double\" (AP) — – ... … ; : , ! ? . Mr. Ruiz's don't 3,000 e.g. KYIV, Ukraine".split()
)
_SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\u00a0", "  "])
_CHARS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_TOKEN = st.one_of(_WORDS, _WORDS, _WORDS, _CHARS)


@st.composite
def news_like(draw: st.DrawFn, max_tokens: int = 300) -> str:
    tokens = draw(st.lists(st.tuples(_TOKEN, _SPACES), max_size=max_tokens))
    return "".join(t + s for t, s in tokens)


# Long runs with no sentence mark (a transcript, a pasted list): the splitter must cut them up.
_LONG_RUN = st.builds(
    lambda word, n, sep: sep.join([word] * n),
    st.sampled_from(["river", "x" * 50, "ferry crew", "a,b"]),
    st.integers(1, 3_000),
    st.sampled_from([" ", "", ", ", "\n"]),
)

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_document(text: str) -> None:
    doc = segment(Article(id="a", outlet="A", text=text))
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert len(s.text) <= MAX_SENTENCE_CHARS
        previous_end = s.end
    assert len(doc.sentences) <= len(text)
    for q in doc.quotations:
        assert 0 <= q.start < q.end <= len(text)
    for s in doc.sentences:
        assert all(0 <= k < len(doc.quotations) for k in s.quotations)


@PROPERTY
@given(news_like())
def test_segmenter_offsets_exact_and_bounded(text: str) -> None:
    _check_document(text)


@PROPERTY
@given(_LONG_RUN, st.sampled_from(["", "It began. ", "“We are here,” she said. "]))
def test_segmenter_bounds_long_unpunctuated_runs(run: str, lead: str) -> None:
    _check_document(lead + run)


def _check_offsets(result: Comparison) -> None:
    texts = {d.article.id: d.article.text for d in result.documents}
    sizes = {d.article.id: len(d.sentences) for d in result.documents}
    for doc in result.documents:
        text = doc.article.text
        assert len(doc.details) == len(doc.attributions) == len(doc.sentences)
        for sentence, details, attribution in zip(doc.sentences, doc.details, doc.attributions, strict=True):
            assert text[sentence.start : sentence.end] == sentence.text
            for d in details:
                assert sentence.start <= d.start < d.end <= sentence.end
                assert text[d.start : d.end] == d.text
            if attribution is not None:
                assert 0 <= attribution.start <= attribution.end <= len(text)
    # A sentence may join several claims (a lead that packs several facts), but each of its links
    # survives only among its partner-rank best in every other article: claims stay linear in text.
    rank = PARTNER_RANK or max(sizes.values())
    assert len(result.claims) <= rank * sum(sizes.values()) * max(1, len(sizes) - 1)
    for claim in result.claims:
        assert len({m.article for m in claim.members}) == len(claim.members) >= 2
        for m in claim.members:
            assert m.sentences and all(0 <= i < sizes[m.article] for i in m.sentences)
        for diff in claim.differences:
            for article, start, end in diff.spans:
                assert 0 <= start <= end <= len(texts[article])
        for edit in claim.edits:
            assert 0 <= edit.start <= edit.end <= len(texts[edit.article])


_SENTENCES = st.lists(
    st.builds(
        lambda who, verb, n, what: f"{who} {verb} {n} {what}.",
        st.sampled_from(["The council", "Mayor Ana Ruiz", "Police", "A spokesman", "Residents"]),
        st.sampled_from(["said", "reported", "denied", "confirmed that"]),
        st.integers(0, 5_000),
        st.sampled_from(["people left the mill", "homes lost power", "ferries were cancelled", "jobs"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_SENTENCES.map(" ".join), news_like(80)), min_size=1, max_size=4))
def test_pipeline_offsets_exact_bounded_and_deterministic(texts: list[str]) -> None:
    articles = [
        Article(id=f"outlet-{i}", outlet=f"Outlet {i}", text=t, source=f"outlet-{i}.txt")
        for i, t in enumerate(texts)
        if t.strip()
    ]
    if not articles:
        return
    first = compare(articles)
    _check_offsets(first)
    assert compare(articles) == first
