"""A claim's attribution is said once in every view: an attribution difference shows the relay
lines (who attributes it to whom, who states it as fact) under its label and reason, in place of
its values and of the relay lines after the differences; a hedge names its word; a cue that is only
punctuation is described, not quoted, in the HTML's tooltips."""

from __future__ import annotations

import dataclasses
import json
import re

from builders import make_article

from compare import compare, render
from compare.model import Attribution, Claim, Difference, Document, Member, Relay
from compare.report.labels import cue_phrase, relay_lines, relays_after, who_relays
from compare.report.markdown import render_markdown
from compare.report.terminal import render_text

FIRE = "the fire began in the engine room of the ferry on Thursday"
REVIEW = "the council plans a review of the ferry rules after the fire"


def _event():
    return compare(
        [
            make_article(
                "Daily Ledger",
                f"Harbour master Tomas Reyes said {FIRE}.",
                "The council reportedly plans a review of the ferry rules after the fire.",
            ),
            make_article("Coastal Times", f"{FIRE.capitalize()}.", f"{REVIEW.capitalize()}."),
            make_article(
                "Northern Wire",
                f"{FIRE.capitalize()}, the harbour master Tomas Reyes told reporters.",
                f"Officials said {REVIEW}.",
            ),
        ]
    )


def _claim_block(text: str, claim: str) -> str:
    """The lines of one claim in the terminal or Markdown output."""
    start = re.search(rf"^(### )?{claim}\b.*$", text, re.M)
    assert start, claim
    rest = text[start.end() :]
    end = re.search(r"^(### )?c\d+\b|^─|^## ", rest, re.M)
    return rest[: end.start()] if end else rest


def _attribution_claim(c):
    return next(cl for cl in c.claims if any(d.kind == "attribution" for d in cl.differences))


def test_the_event_has_an_attribution_difference_backed_by_relays():
    c = _event()
    claim = _attribution_claim(c)
    docs = {d.article.id: d for d in c.documents}
    assert [a for a, _ in who_relays(claim, docs)] == ["daily-ledger", "northern-wire"]
    assert relay_lines(claim, docs) == [
        ("Daily Ledger, Northern Wire attribute it to Tomas Reyes (person)", "yellow"),
        ("stated as fact, with no source named, by Coastal Times", "dim"),
    ]
    assert relays_after(claim, docs, relay_lines(claim, docs)) == []


def test_terminal_says_the_attribution_once_under_the_difference():
    c = _event()
    claim = _attribution_claim(c).id
    for width in (60, 100, 120):
        block = _claim_block(render_text(c, width=width), claim)
        flat = " ".join(block.split())
        assert flat.count("attribute it to Tomas Reyes (person)") == 1, block
        assert flat.count("stated as fact") == 1, block
        assert "(said)" not in flat and "(told)" not in flat, block
        assert "differs attribution: one outlet states as fact what another attributes" in flat
        # the relay lines sit under the difference's label, indented deeper than the label
        lines = block.splitlines()
        head = next(k for k, line in enumerate(lines) if "differs attribution" in line)
        assert any(line.startswith("    Daily Ledger, Northern") for line in lines[head + 1 : head + 4])


def test_markdown_nests_the_relay_lines_under_the_difference():
    c = _event()
    claim = _attribution_claim(c).id
    block = _claim_block(render_markdown(c), claim)
    assert "- differs (attribution) _(one outlet states as fact what another attributes" in block
    assert "  - Daily Ledger, Northern Wire attribute it to Tomas Reyes (person)" in block
    assert "  - stated as fact, with no source named, by Coastal Times" in block
    assert block.count("Tomas Reyes (person)") == 3  # two sentence badges, one relay line
    assert block.count("stated as fact") == 1  # the relay line, nothing more


def test_html_lists_the_relay_lines_in_the_difference():
    c = _event()
    claim = _attribution_claim(c).id
    html = render(c, "html")
    row = html.split(f'id="claim-{claim}"')[1].split('<div class="row')[0]
    item = row.split('<li class="differs"')[1].split("</ul></li>")[0]
    assert "differs: attribution" in item and '<ul class="who">' in item
    assert (
        '<li><span class="dv"><bdi class="dvo">Daily Ledger</bdi>, <bdi class="dvo">Northern Wire</bdi>'
        "</span> <bdi>attribute it to Tomas Reyes (person)</bdi></li>"
    ) in item
    assert (
        '<li>stated as fact, with no source named, by <span class="dv absent"><bdi class="dvo">'
        "Coastal Times</bdi></span></li>"
    ) in item
    assert "(said)" not in item and "stated as fact by" not in item
    mark = re.search(r'class="m differs k-attribution" title="([^"]*)"', html)
    assert mark and "Daily Ledger, Northern Wire attribute it to Tomas Reyes (person)" in mark.group(1)


def test_the_json_keeps_the_difference_values():
    data = json.loads(render(_event(), "json"))
    diffs = [d for cl in data["claims"] for d in cl["differences"] if d["kind"] == "attribution"]
    assert diffs[0]["values"] == {
        "daily-ledger": "Harbour master Tomas Reyes (said)",
        "coastal-times": "stated as fact",
        "northern-wire": "the harbour master Tomas Reyes (told)",
    }


def test_a_hedging_outlet_is_named_with_its_word_in_the_difference():
    c = _event()
    claim = [cl for cl in c.claims if any(d.kind == "attribution" for d in cl.differences)][1]
    block = " ".join(_claim_block(render_text(c, width=120), claim.id).split())
    assert "Daily Ledger hedges it with “reportedly”, naming no source" in block
    assert "Northern Wire attributes it to Officials" in block
    assert block.count("stated as fact") == 1  # the line naming Coastal Times


def test_a_hedge_names_its_word_and_is_not_repeated_after_the_hedge_difference():
    a = make_article("Alpha", "The plan reportedly works.")
    b = make_article("Beta", "The plan works.")
    c = compare([a, b])
    docs = {d.article.id: d for d in c.documents}
    claim = c.claims[0]
    att = Attribution("hedged", "reportedly", 9, 19)
    docs["alpha"] = dataclasses.replace(docs["alpha"], attributions=(att,))
    claim = Claim(
        "c1",
        (Member("alpha", (0,)), Member("beta", (0,))),
        0.9,
        differences=(Difference("hedge", (("alpha", "reportedly"),), False, salience=0.4),),
        firsthand=("beta",),
        relays=(Relay("alpha", None, None, type="hedged"),),
    )
    lines = relay_lines(claim, docs)
    assert lines[0] == ("Alpha hedges it with “reportedly”, naming no source", "yellow")
    assert relays_after(claim, docs, lines) == []
    no_hedge_difference = dataclasses.replace(claim, differences=())
    assert relays_after(no_hedge_difference, docs, lines) == lines


def test_the_lines_follow_the_sentence_the_difference_compared():
    """An outlet that the claim's relays count as stating it (under half its sentences attributed)
    but whose attributed sentence the difference compared is named with that source."""
    c = _event()
    claim = _attribution_claim(c)
    docs = {d.article.id: d for d in c.documents}
    fewer = dataclasses.replace(
        claim, relays=claim.relays[:1], firsthand=(*claim.firsthand, claim.relays[1].article)
    )
    assert (
        relay_lines(fewer, docs)[0][0] == "Daily Ledger, Northern Wire attribute it to Tomas Reyes (person)"
    )


def test_a_difference_without_relays_still_shows_its_values():
    c = _event()
    claim = _attribution_claim(c)
    bare = dataclasses.replace(
        claim,
        relays=(),
        firsthand=claim.articles,
        differences=tuple(dataclasses.replace(d, spans=()) for d in claim.differences),
    )
    c2 = dataclasses.replace(c, claims=tuple(bare if x.id == claim.id else x for x in c.claims))
    out = " ".join(_claim_block(render_text(c2, width=120), claim.id).split())
    assert "Harbour master Tomas Reyes (said)" in out and "stated as fact by Coastal Times" in out


def test_a_punctuation_cue_is_described():
    assert cue_phrase("said") == "cue “said”"
    assert cue_phrase(":") == "introduced by a colon"
    assert cue_phrase("“") == "in quotation marks"
    assert cue_phrase('"') == "in quotation marks"
    assert cue_phrase("—") == "marked by the punctuation “—”"


def test_html_tooltip_of_a_colon_cue_says_what_it_is():
    c = _event()
    doc = c.documents[0]
    s = doc.sentences[0]
    colon = Attribution(
        "attributed", ":", s.start + 5, s.start + 6, source="Tomas Reyes", source_kind="person"
    )
    docs = tuple(
        Document(d.article, d.sentences, d.quotations, d.details, (colon, *d.attributions[1:]))
        if d is doc
        else d
        for d in c.documents
    )
    html = render(dataclasses.replace(c, documents=docs), "html").split('id="storydiff-data"')[0]
    assert "attribution introduced by a colon: Tomas Reyes (person)" in html
    assert "second-hand (attributed), introduced by a colon" in html
    assert "“:”" not in html
