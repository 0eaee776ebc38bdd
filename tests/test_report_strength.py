"""How sure a claim is, shown alike in every view: a weak match (claim score under 0.3) is labelled
and muted, the glance counts weak matches apart and counts the strengths, and relay lines name a
person by the entity the attribution stage resolved rather than by a description."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import replace

from test_report_html import hand_comparison, make_doc

from compare.model import Attribution, Claim, Comparison, Document, Member, Relay
from compare.report.htmlreport import render_html
from compare.report.jsonout import render_json
from compare.report.labels import relay_label, relay_lines, source_name
from compare.report.markdown import render_markdown
from compare.report.terminal import render_text


def weak_first() -> Comparison:
    """The hand comparison with its first claim (carried by all three outlets) at 0.24."""
    c = hand_comparison()
    return replace(c, claims=(replace(c.claims[0], score=0.24), *c.claims[1:]))


def test_terminal_labels_and_orders_a_weak_match():
    out = render_text(weak_first(), width=100)
    glance = out[out.index("At a glance") : out.index("Claims")]
    assert "All 3 outlets report (matches: 1 strong, 1 weak):" in glance
    # The weak match is not listed as something all outlets report: one line counts it.
    assert "  c3 " in glance and "  c1 " not in glance.split("Conflicts")[0]
    assert "  and 1 weak match: the sentences may share only names or a topic" in glance
    assert "c1  CONFLICT  all 3 outlets  match 0.24, weak" in out
    assert "weak match: the sentences may share only names or a topic, not a fact" in out
    assert "match 0.58, strong" in out and "similarity" not in out


def test_markdown_labels_a_weak_match():
    md = render_markdown(weak_first())
    assert "**All 3 outlets report** (matches: 1 strong, 1 weak):" in md
    assert not re.search(r"^- c1: ", md, re.M) and re.search(r"^- c3: ", md, re.M)
    assert "- and 1 weak match: the sentences may share only names or a topic" in md
    assert "### c1 (3 outlets, match 0.24, weak)" in md and "### c3 (3 outlets, match 0.58, strong)" in md
    assert "_Weak match: the sentences may share only names or a topic, not a fact._" in md


def test_html_mutes_a_weak_match_and_explains_the_score():
    html = render_html(weak_first())
    assert re.search(r'<div class="row claim conflict st-weak" id="claim-c1"', html)
    assert '<span class="badge st-weak" title="match 0.24, weak: the sentences' in html
    glance = html[html.index('<section id="glance"') : html.index('<section id="overview"')]
    listed = re.findall(r'<li data-claim="(c\d+)" class="st-(\w+)">', glance)
    assert listed == [("c3", "strong")]
    assert "matches: 1 strong, 1 weak</p>" in glance
    assert '<p class="more">and 1 weak match: the sentences may share only names or a topic</p>' in glance
    assert "more: <a" not in glance  # the folded weak match is not counted again as "more"
    assert '<p class="bands">' in html and "under 0.3: the sentences may share only names" in html


def test_json_glance_carries_score_and_strength():
    data = json.loads(render_json(weak_first()))
    assert data["glance"]["agreed"][1] == {
        "claim": "c1",
        "gist": data["glance"]["agreed"][1]["gist"],
        "score": 0.24,
        "strength": "weak",
    }


def test_relay_lines_name_the_person_not_the_description():
    doc = make_doc("Alpha", [["GOP rival Jane Roe said the plan works.", "It rained."]])
    b = make_doc("Beta", [["The plan works, Ms. Roe said.", "Sun."]])
    s = doc.sentences[0]
    att = Attribution(
        "attributed",
        "said",
        s.start + 21,
        s.start + 25,
        source="GOP rival Jane Roe",
        source_kind="person",
        entity="Jane Roe",
    )
    doc = Document(doc.article, doc.sentences, attributions=(att, None))
    claim = Claim(
        "c1",
        (Member("alpha", (0,)), Member("beta", (0,))),
        0.6,
        firsthand=("beta",),
        relays=(Relay("alpha", "GOP rival Jane Roe", "person"),),
    )
    lines = [text for text, _ in relay_lines(claim, {"alpha": doc, "beta": b})]
    assert lines == [
        "Alpha attributes it to Jane Roe (person)",
        "stated as fact, with no source named, by Beta",
    ]
    assert relay_label(att) == "Jane Roe (person)"
    assert source_name("Maggie Doe, a founder of the group", "person") == "Maggie Doe"
    assert source_name("the lawsuit", "document", "lawsuit") == "the lawsuit"
    nobody = replace(claim, firsthand=(), relays=(*claim.relays, Relay("beta", "Roe", "person")))
    assert relay_lines(nobody, {"alpha": doc, "beta": b})[-1][0] == (
        "every outlet attributes it to a source or hedges it"
    )


def test_relay_lines_group_the_outlets_that_name_one_source():
    a = make_doc("Alpha", [["Jane Roe said the plan works."]])
    b = make_doc("Beta", [["The plan works, Jane Roe said."]])
    c = make_doc("Gamma", [["The plan reportedly works."]])
    claim = Claim(
        "c1",
        (Member("alpha", (0,)), Member("beta", (0,)), Member("gamma", (0,))),
        0.6,
        relays=(
            Relay("alpha", "Jane Roe", "person"),
            Relay("beta", "Jane Roe", "person"),
            Relay("gamma", None, None, type="hedged"),
        ),
    )
    lines = [text for text, _ in relay_lines(claim, {"alpha": a, "beta": b, "gamma": c})]
    assert lines == [
        "Alpha, Beta attribute it to Jane Roe (person)",
        "Gamma hedges it, naming no source",
        "every outlet attributes it to a source or hedges it",
    ]


def test_weak_matches_are_listed_when_nothing_else_is_agreed():
    from compare.report.glance import glance
    from compare.report.labels import agreed_shown

    g = glance(weak_first())
    only_weak = dataclasses.replace(g, agreed=tuple(a for a in g.agreed if a.strength == "weak"))
    assert agreed_shown(only_weak) == (only_weak.agreed, 0)
    assert agreed_shown(g) == (tuple(a for a in g.agreed if a.strength != "weak"), 1)
