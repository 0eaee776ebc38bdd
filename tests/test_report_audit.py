"""What a newcomer read wrong in the views (views5 audit): counts that add up, possible matches beside
the claims they may belong to, tags that never break inside, differences that belong to no single
outlet, values named as what they are. Every view, and article text escaped in each."""

from __future__ import annotations

import json
import re

import pytest
from test_report_html import SCRIPT, hand_comparison, make_doc, sample_paths

from compare.model import Claim, Comparison, Member, PossibleMatch, Unique
from compare.report.data import to_dict
from compare.report.glance import close_quotes
from compare.report.htmlreport import render_html
from compare.report.labels import maybe_elsewhere, shown_value, summarize_unique, whereabouts
from compare.report.markdown import render_markdown
from compare.report.summary import summarize
from compare.report.terminal import _kept, _wrap_keeping, render_text

BIDI = "\u202e"


@pytest.fixture(scope="module")
def sample() -> Comparison:
    """The Portville sample through the real pipeline (it has relay tags and possible matches)."""
    import os

    from compare import compare, load_articles

    paths = sample_paths("portville-ferry-fire")
    here = os.getcwd()
    try:
        os.chdir(sample_paths.__globals__["SAMPLES"].parent)
        return compare(load_articles(paths))
    finally:
        os.chdir(here)


def maybe_event() -> Comparison:
    """Two outlets share a claim; a third has a hostile sentence that may tell the same fact."""
    a = make_doc("Harbour Gazette", [["The ferry caught fire on Thursday evening."]])
    b = make_doc("Daily Ledger", [["A fire broke out on the ferry on Thursday."]])
    c = make_doc(
        f"Evil {BIDI}Wire",
        [[f"Flames {SCRIPT} on the \x1b[31mboat\x1b[0m {BIDI}late.", "Nothing else happened."]],
        id="evil",
    )
    claim = Claim("c1", (Member(a.article.id, (0,)), Member(b.article.id, (0,))), 0.8)
    possible = (
        PossibleMatch((("evil", 0), ("harbour-gazette", 0)), 0.18),
        PossibleMatch((("daily-ledger", 0), ("evil", 0)), 0.12),  # weaker pair, same outlet
        PossibleMatch((("evil", 1), ("daily-ledger", 0)), 0.05),  # weaker sentence of the same outlet
    )
    unique = tuple(Unique(d.article.id, (), ()) for d in (a, b, c))
    return Comparison((a, b, c), (claim,), unique=unique, possible=possible)


# -- counts that add up --------------------------------------------------------------------------


def test_whereabouts_add_up_to_each_article_in_the_json_and_every_view(sample):
    s = summarize(sample)
    sizes = {d.article.id: len(d.sentences) for d in sample.documents}
    for aid, total, claimed, maybe, only in s.whereabouts():
        assert total == sizes[aid] == claimed + maybe + only
    data = to_dict(sample)["summary"]
    for aid, n in sizes.items():
        parts = data["claimed_sentences"][aid], data["possible_only_sentences"][aid]
        assert sum(parts) + data["unique_sentences"][aid] == n
    text = render_text(sample, width=100)
    assert "Harbour Gazette: 11 sentences, 8 in claims, 3 with only a possible match, 0 in no other" in text
    assert text.index("possible pairs of sentences") < text.index("\nc1 ")  # beside the counts
    assert "sentences only one outlet has" not in text
    md = render_markdown(sample)
    assert "| in claims | possible match only | only here |" in md
    assert "| Harbour Gazette | " in md and " | 11 | 8 | 3 | 0 | 3 |" in md


def test_whereabouts_leave_out_possible_matches_when_the_event_has_none():
    assert whereabouts("Fox News", 3, 2, 0, 1, possible=False) == (
        "Fox News: 3 sentences, 2 in claims, 1 in no other outlet"
    )
    assert whereabouts("X", 1, 1, 0, 0, possible=True) == (
        "X: 1 sentence, 1 in claim, 0 with only a possible match, 0 in no other outlet"
    )


def test_html_outlet_table_adds_up(sample):
    html = render_html(sample)
    table = html[html.index('<table class="outlets">') : html.index("</table>")]
    assert '<th scope="col" class="num">In claims</th>' in table and ">Maybe</th>" in table
    for row in re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S):
        nums = [int(n) for n in re.findall(r'<td class="num">(?:<a [^>]*>)?(\d+)', row)]
        assert len(nums) == 4 and nums[0] == nums[1] + nums[2] + nums[3], row


# -- possible matches beside the claims ----------------------------------------------------------


def test_maybe_elsewhere_keeps_the_best_pair_per_outlet_outside_the_claim():
    c = maybe_event()
    assert maybe_elsewhere(c.claims[0], c) == (("evil", 0, 0.18),)
    # An outlet inside the claim is never "maybe also".
    inside = Comparison(
        c.documents, c.claims, possible=(PossibleMatch((("daily-ledger", 0), ("harbour-gazette", 0)), 0.2),)
    )
    assert maybe_elsewhere(inside.claims[0], inside) == ()


def test_every_view_names_the_possible_match_escaped():
    c = maybe_event()
    text = render_text(c, width=100)
    assert "maybe also in Evil <U+202E>Wire (possible match 0.18, too unsure for the claim): Flames" in text
    assert "\x1b" not in text and BIDI not in text
    md = render_markdown(c)
    assert "_Maybe also in:_" in md
    assert "- Evil <U+202E>Wire (possible match 0.18" in md.replace("\\<", "<").replace("\\>", ">")
    assert "<script>" not in md
    html = render_html(c)
    cell = html[html.index('<a class="maybe"') :]
    cell = cell[: cell.index("</a>")]
    assert 'href="#s-evil-0"' in cell and "maybe 0.18: <bdi>Flames &lt;script&gt;" in cell
    assert "<script>alert" not in html
    assert 'role="img" aria-label="maybe"' in html  # the coverage ring has a name


def test_sample_claim_points_at_its_possible_match(sample):
    html = render_html(sample)
    row = html[html.index('id="claim-c3"') :]
    row = row[: row.index('<div class="row')]
    assert '<a class="maybe" href="#s-northern-wire-1"' in row
    assert "not reported" not in html and "no match found" in html


# -- tags never broken inside --------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 47, 60, 73, 80, 100, 120, 140])
def test_no_line_ends_inside_a_tag_that_fits(sample, width):
    lines = render_text(sample, width=width).splitlines()
    assert not any(line.rstrip().endswith(("[↪", "[")) for line in lines)
    assert not any(line.endswith(" ") for line in lines if "─" not in line)
    if width >= 80:  # every tag of the sample fits on a line there
        for line in lines:
            assert line.count("[↪") == line.count("(person)]") + line.count("(organization)]") + line.count(
                "(anonymous)]"
            ) + line.count("(outlet)]") + len(re.findall(r"\[↪ hedged: [^\]]*\]", line)), line


def test_wrap_keeping_moves_a_tag_whole_and_breaks_a_long_one_after_its_first_word():
    from rich.text import Text

    body = Text("one two three four")
    body.append(" [↪ Tomas Reyes (person)]", style="dim yellow")
    lines = [str(x) for x in _wrap_keeping(body, 24, _kept(body, 24))]
    assert lines == ["one two three four", "[↪ Tomas Reyes (person)]"]
    long = Text("a b")
    long.append(" [↪ the White House press office spokesman (organization)]", style="dim yellow")
    lines = [str(x) for x in _wrap_keeping(long, 20, _kept(long, 20))]
    assert "[↪ the" in lines[0] and not lines[0].endswith("[↪")  # too long to move: it breaks later
    assert all(len(x) <= 20 for x in lines)


# -- wording -------------------------------------------------------------------------------------


def test_markdown_differences_are_not_nested_under_the_last_outlet():
    md = render_markdown(hand_comparison())
    block = md[md.index("### c1") : md.index("### c2")]
    assert "_What differs:_" in block
    assert not re.search(r"^ +- (conflict|differs) ", block, re.M)


def test_a_value_given_twice_is_listed_once_but_a_quote_is_left_alone():
    assert shown_value("name", "Obama; Obama") == "Obama"
    assert shown_value("date", "Tuesday; later this month; Tuesday") == "Tuesday; later this month"
    assert shown_value("quote", "yes; yes") == "yes; yes"


def test_a_quotation_left_open_is_marked_as_going_on():
    assert close_quotes('"This is punishable by prison.') == '"This is punishable by prison. …"'
    assert close_quotes("“So much for balls and strikes.") == "“So much for balls and strikes. …”"
    assert close_quotes('He said "no" twice.') == 'He said "no" twice.'


def test_only_details_are_named_as_such():
    u = Unique("x", (1,), ())
    assert summarize_unique(u, "") == "1 sentence no other outlet carries"


def test_no_conflict_box_does_not_say_the_outlets_agree(sample):
    c = maybe_event()
    html = render_html(c)
    box = html[html.index('id="glance-conflicts"') :]
    box = box[: box.index("</div>")]
    assert "agree" not in box and "listed under each claim" in box


def test_json_contract_is_only_extended(sample):
    data = to_dict(sample)
    summary = data["summary"]
    for key in ("unique_sentences", "relayed_sentences", "claims", "claims_with_conflicts"):
        assert key in summary
    json.dumps(data)


def test_the_tail_of_a_quotation_is_marked_as_going_on_where_it_stands_alone():
    from builders import make_article

    from compare import compare
    from compare.report.glance import quote_tail

    a = make_article(
        "Valley Courier",
        "The council approved the budget on Monday after a long debate.",
        "“Will anyone pay for the new bridge? Nobody knows,” the mayor said on the steps.",
    )
    b = make_article("Metro Wire", "The council approved the budget on Monday after a long debate.")
    c = compare([a, b])
    doc = c.documents[0]
    assert [quote_tail(doc, s.index) for s in doc.sentences] == [False, False, True]
    assert "- … Nobody knows,” the mayor said" in render_markdown(c)
    assert "  • … Nobody knows,” the mayor said" in render_text(c, width=100)
    assert "  • “Will anyone pay" in render_text(c, width=100)  # the opening is not marked


def test_legend_examples_come_from_the_story_escaped_else_defaults():
    from dataclasses import replace

    from test_report_html import detail

    from compare.report.htmlreport import LEGEND_DEFAULTS, legend_examples

    c = maybe_event()
    assert legend_examples(c) == LEGEND_DEFAULTS  # no detail at all: the defaults
    a = make_doc("Harbour Gazette", [[f"The <b>Evil</b>{BIDI} ferry caught fire on Thursday."]])
    hostile = f"<b>Evil</b>{BIDI}"
    a = replace(a, details=((detail(a, 0, "name", hostile), detail(a, 0, "date", "on Thursday")),))
    c = Comparison((a, *c.documents[1:]), c.claims, unique=c.unique, possible=c.possible)
    shown = legend_examples(c)
    assert shown["name"] == hostile and shown["date"] == "on Thursday" and shown["number"] == "three"
    html = render_html(c)
    legend = html[html.index('<ul class="legend">') :]
    legend = legend[: legend.index("</ul>")]
    assert "<bdi>&lt;b&gt;Evil&lt;/b&gt;\u202e</bdi>" in legend and "Portville" not in legend


def test_the_glance_says_how_many_sentences_it_leaves_out_for_a_possible_match():
    from compare.report.labels import maybe_note

    c = maybe_event()  # Evil Wire's first sentence is in two possible pairs, its second in one
    none = tuple(Unique(d.article.id, (), ()) for d in c.documents)
    c = Comparison(c.documents, c.claims, unique=none, possible=c.possible)
    assert (
        maybe_note(2) == "2 more sentences have a possible match in another outlet (too unsure for a claim)"
    )
    assert maybe_note(1).startswith("1 more sentence has a possible match")
    # With nothing told by one outlet alone, the glance has no "only one outlet says" to qualify.
    assert "more sentences have a possible match" not in render_text(c, width=100, brief=True)
    solo = make_doc("Solo Post", [["An unrelated line about the weather."]], id="solo")
    c = Comparison(
        (*c.documents, solo), c.claims, unique=(*none, Unique("solo", (0,), ())), possible=c.possible
    )
    text = render_text(c, width=120, brief=True)
    assert "Only one outlet says:" in text and "  2 more sentences have a possible match" in text
    assert "- _2 more sentences have a possible match" in render_markdown(c, brief=True)
    assert "2 more sentences have a possible match in another outlet (too unsure for a claim).</p>" in (
        render_html(c)
    )
