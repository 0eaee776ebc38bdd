"""The story at a glance: agreement, conflicts, single-outlet sentences, sources by entity."""

from __future__ import annotations

from dataclasses import replace

from test_report_html import hand_comparison, make_doc

from compare.model import (
    Attribution,
    Claim,
    Comparison,
    Document,
    Member,
    PossibleMatch,
    Provenance,
    ProvenanceEdge,
    Quotation,
    WordEdit,
)
from compare.report.glance import (
    clip,
    entity_key,
    glance,
    headline,
    quote_fragment,
    shown_edits,
    source_nodes,
    strength,
)


def test_glance_of_the_hand_comparison():
    g = glance(hand_comparison())
    assert [a.claim for a in g.agreed] == ["c1", "c3"] and g.agreed_outlets == 3 and g.agreed_total == 2
    assert g.agreed[1].gist == "Two people were taken to hospital."  # the shortest wording
    assert [(x.claim, x.kind) for x in g.conflicts] == [("c1", "number"), ("c3", "number")]
    assert dict(g.conflicts[0].values)["daily-ledger"] == "dozens"
    assert [(a, n) for a, n, _ in g.only] == [("harbour-gazette", 1), ("daily-ledger", 1)]
    (src,) = g.sources
    assert (src.label, src.kind, src.sentences, src.compared) == ("Harbour Gazette", "outlet", 2, True)
    assert dict(src.articles) == {"daily-ledger": 1, "evil": 1}
    assert g.first_published == g.last_published == "2025-03-14"
    assert dict((a, n) for a, n, _ in g.firsthand) == {"harbour-gazette": 3, "daily-ledger": 3, "evil": 1}
    assert g.chains == (("evil", ("Harbour Gazette", "Officials"), 1),)
    d = g.as_dict()
    assert d["sources"][0]["articles"] == {"daily-ledger": 1, "evil": 1}
    assert d["published"] == {"first": "2025-03-14", "last": "2025-03-14"}


def test_sources_group_by_entity_across_outlets():
    a = make_doc("Alpha News", [["One."]])
    b = make_doc("Beta Times", [["Two."]])
    edges = (
        ("alpha-news", "Mr. Trump", "person", 2),
        ("beta-times", "Trump", "person", 3),
        ("beta-times", "President Trump", "person", 1),
        ("alpha-news", "Abe", "person", 1),
        ("beta-times", "the White House", "organization", 2),
        ("alpha-news", "White House", "organization", 1),
    )
    comp = Comparison((a, b), (), provenance=Provenance(tuple(ProvenanceEdge(*e) for e in edges), ()))
    nodes = source_nodes(comp)
    assert [(n.label, n.sentences) for n in nodes] == [("Trump", 6), ("the White House", 3), ("Abe", 1)]
    assert nodes[0].wordings == ("Mr. Trump", "President Trump", "Trump")
    assert dict(nodes[0].articles) == {"beta-times": 4, "alpha-news": 2}
    assert entity_key("Mr. Trump", "person") == entity_key("Trump", "person")
    assert entity_key("Trump", "person") != entity_key("Trump", "organization")
    # Two descriptions that start with an article stay two sources.
    assert entity_key("A hospital spokeswoman", "person") != entity_key("A police officer", "person")


def test_label_is_the_name_before_an_apposition():
    a = make_doc("Alpha News", [["One."]])
    edges = (
        ("alpha-news", "Larry Kudlow, the chief economic adviser", "person", 2),
        ("alpha-news", "Kudlow", "person", 1),
    )
    (node,) = source_nodes(
        Comparison((a,), (), provenance=Provenance(tuple(ProvenanceEdge(*e) for e in edges), ()))
    )
    assert node.label == "Larry Kudlow" and node.sentences == 3


def test_headline_is_the_title_others_share_words_with():
    docs = [
        make_doc("A", [["x."]], title="Storm closes coastal road"),
        make_doc("B", [["x."]], title="Live: what we know"),
        make_doc("C", [["x."]], title="Coastal road closed as storm hits"),
    ]
    assert headline(Comparison(tuple(docs), ())) == "Storm closes coastal road"
    assert headline(Comparison((make_doc("D", [["x."]]),), ())) == ""


def test_clip_cuts_at_a_word():
    assert clip("one two three four", 12) == "one two…"
    assert clip("short", 12) == "short"
    assert clip("a\nb", 12) == "a b"


def test_paraphrase_edits_are_left_out():
    a = make_doc("Alpha", [["The council approved the budget on Monday evening."]])
    b = make_doc("Beta", [["Councillors voted the spending plan through at the start of the week."]])
    c = make_doc("Gamma", [["The council approved the budget on Monday night."]])
    sb, sc = b.sentences[0], c.sentences[0]
    wall = WordEdit("beta", "replace", sb.start, sb.end - 1, other="The council approved the budget")
    small = WordEdit("gamma", "replace", sc.end - 6, sc.end - 1, other="evening")
    claim = Claim(
        "c1",
        (Member("alpha", (0,)), Member("beta", (0,)), Member("gamma", (0,))),
        0.5,
        edits=(wall, small),
        reference="alpha",
    )
    docs = {d.article.id: d for d in (a, b, c)}
    assert shown_edits(claim, docs) == (small,)


def test_one_article_gets_its_sourcing_profile():
    doc = make_doc("Solo Blog", [["The Express says the mine will close.", "We think it is sad."]])
    s = doc.sentences[0]
    att = Attribution(
        "attributed", "says", s.start + 12, s.start + 16, source="The Express", source_kind="outlet"
    )
    doc = Document(doc.article, doc.sentences, details=((), ()), attributions=(att, None))
    g = glance(Comparison((doc,), ()))
    assert g.firsthand == (("solo-blog", 1, 2),)
    assert [(x.label, x.sentences) for x in g.sources] == [("The Express", 1)]
    assert g.only == () and g.agreed == ()


def test_a_possible_match_is_not_listed_as_only_one_outlet():
    a = make_doc("Alpha", [["The bridge reopened at noon.", "Traffic was light."]])
    b = make_doc("Beta", [["The bridge opened again at midday.", "Cyclists cheered."]])
    claim = Claim("c1", (Member("alpha", (0,)), Member("beta", (0,))), 0.6)
    plain = glance(Comparison((a, b), (claim,)))
    assert [(x, n) for x, n, _ in plain.only] == [("alpha", 1), ("beta", 1)]
    maybe = PossibleMatch((("alpha", 1), ("beta", 1)), 0.2)
    g = glance(Comparison((a, b), (claim,), possible=(maybe,)))
    assert g.only == ()


def test_two_agreed_claims_sharing_a_sentence_get_different_gists():
    a = make_doc("Alpha", [["Rain closed the bridge and the ferry.", "The bridge shut."]])
    b = make_doc("Beta", [["The bridge was closed by rain.", "The ferry stopped running."]])
    c1 = Claim("c1", (Member("alpha", (0,)), Member("beta", (0,))), 0.6)
    c2 = Claim("c2", (Member("alpha", (0,)), Member("beta", (1,))), 0.5)
    g = glance(Comparison((a, b), (c1, c2)))
    assert [(a.claim, a.gist, a.strength) for a in g.agreed] == [
        ("c1", "The bridge was closed by rain.", "strong"),
        ("c2", "The ferry stopped running.", "strong"),
    ]
    # c3 passes over the wording c1 showed; c4, whose every wording was shown, keeps its shortest.
    c3 = Claim("c3", (Member("alpha", (1,)), Member("beta", (0,))), 0.5)
    c4 = Claim("c4", (Member("alpha", (1,)), Member("beta", (0,))), 0.4)
    g = glance(Comparison((a, b), (c1, c3, c4)))
    assert [a.gist for a in g.agreed] == [
        "The bridge was closed by rain.",
        "The bridge shut.",
        "The bridge shut.",
    ]


def test_strength_bands_follow_the_score_as_printed():
    assert [strength(x) for x in (0.0, 0.294, 0.296, 0.3, 0.49, 0.496, 0.5, 1.0)] == [
        "weak",
        "weak",
        "moderate",
        "moderate",
        "moderate",
        "strong",
        "strong",
        "strong",
    ]


def _quoted_doc(name: str, first: str, second: str) -> Document:
    """Two sentences in one paragraph, the second a quotation opened in the first."""
    doc = make_doc(name, [[first, second]])
    s0, s1 = doc.sentences
    opening = s0.start + first.index("\u201c")
    q = Quotation(0, opening, s1.end)
    sentences = (replace(s0, quotations=(0,)), replace(s1, quotation=0, quotations=(0,)))
    return replace(doc, sentences=sentences, quotations=(q,))


def test_quote_fragments_and_weak_matches_go_last_in_the_glance():
    a = _quoted_doc("Alpha", "The mayor said \u201cwe will rebuild.", "It will take years.\u201d")
    b = _quoted_doc("Beta", "The mayor vowed \u201cto rebuild.", "It takes years.\u201d")
    assert not quote_fragment(a, 0) and quote_fragment(a, 1)
    fragments = Claim("c1", (Member("alpha", (1,)), Member("beta", (1,))), 0.9)
    weak = Claim("c2", (Member("alpha", (0,)), Member("beta", (1,))), 0.2)
    lead = Claim("c3", (Member("alpha", (0,)), Member("beta", (0,))), 0.35)
    g = glance(Comparison((a, b), (fragments, weak, lead)))
    assert [(x.claim, x.strength) for x in g.agreed] == [("c3", "moderate"), ("c1", "strong"), ("c2", "weak")]
    # c2's gist is Alpha's wording, not Beta's shorter quote fragment
    assert g.agreed[2].gist.startswith("The mayor said")
    expected = {"claim": "c2", "gist": g.agreed[2].gist, "score": 0.2, "strength": "weak"}
    assert g.as_dict()["agreed"][2] == expected


def test_a_conflict_held_again_by_another_claim_is_listed_once_with_it():
    from compare.model import Difference
    from compare.report.glance import distinct_conflicts

    both = (("daily-ledger", "on Thursday"), ("northern-wire", "on Wednesday"))
    wide = Difference("date", (("coastal-times", "on Thursday"), *both), True, "")
    narrow = Difference("date", both, True, "")
    other = Difference("number", (("daily-ledger", "60"), ("northern-wire", "50")), True, "")
    claims = [
        Claim("c1", (Member("daily-ledger", (0,)),), 0.9, (narrow,)),
        Claim("c2", (Member("daily-ledger", (0,)),), 0.9, (wide, other)),
        Claim("c3", (Member("daily-ledger", (1,)),), 0.9, (narrow,)),
    ]
    got = [(c.id, d.kind, also) for c, d, also in distinct_conflicts(claims)]
    assert got == [("c2", "date", ("c1", "c3")), ("c2", "number", ())]
    comparison = replace(hand_comparison(), claims=tuple(claims))
    assert [(x.claim, x.also) for x in glance(comparison).conflicts] == [("c2", ("c1", "c3")), ("c2", ())]


def test_clip_closes_a_quotation_it_cuts_and_never_cuts_a_word():
    from compare.report.glance import clip

    curly = "The mayor said, “We will rebuild the harbour wall before the winter storms arrive here”"
    out = clip(curly, 60)
    assert out.endswith("…”") and len(out) <= 60 and out.count("“") == out.count("”")
    straight = 'The mayor said "we will rebuild the harbour wall before the winter storms arrive here"'
    out = clip(straight, 60)
    assert out.endswith('…"') and out.count('"') == 2 and len(out) <= 60
    # A cut just after an opening mark drops the mark rather than close an empty quotation.
    assert clip("Officials in the port city said only “nothing more to add today”", 36) == (
        "Officials in the port city said…"
    )
    # Words are whole: the cut falls at the last space even in the first half of the limit.
    words = "Short words then Supercalifragilisticexpialidociousandmoreletters"
    assert clip(words, 40) == "Short words then…"
    assert clip("x" * 80, 30) == "x" * 29 + "…"  # one token longer than the limit
    assert clip("Closed “quote” then more words beyond the limit here", 30).count("”") == 1
