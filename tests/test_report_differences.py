"""How the views show one difference: who gives a value and who does not, why a conflict is one,
and no punctuation as an attribution's verb; plus the article heading in a narrow terminal."""

from __future__ import annotations

import dataclasses
import json

from builders import make_article
from test_report_html import hand_comparison

from compare import compare, render
from compare.model import Comparison, Difference
from compare.report.labels import clip_apart, difference_line, shown_value, with_outlet_names
from compare.report.markdown import render_markdown
from compare.report.terminal import render_text

OUTLETS = {
    "harbour-gazette": "Harbour Gazette",
    "daily-ledger": "Daily Ledger",
    "evil": "Evil & Co <b>bold</b>",
}


def with_differences(*diffs: Difference) -> Comparison:
    """The hand comparison whose first claim (Harbour Gazette, Daily Ledger, Evil) has ``diffs``."""
    c = hand_comparison()
    first = dataclasses.replace(c.claims[0], differences=diffs)
    return dataclasses.replace(c, claims=(first, *c.claims[1:]))


ONLY_DATE = Difference(
    "date", (("daily-ledger", "on Friday"),), False, "only daily-ledger gives it", salience=0.6
)


def test_difference_line_names_the_outlets_that_give_no_value():
    claim = with_differences(ONLY_DATE).claims[0]
    line = difference_line(ONLY_DATE, claim, OUTLETS)
    assert line.values == (("daily-ledger", "on Friday"),)
    assert line.absent == ("harbour-gazette", "evil") and line.absent_label == "not given by"
    assert line.why == ""  # not a conflict: the values and the silent outlets say it
    quote = Difference("quote", (("evil", "we ran"),), False, "harbour-gazette, daily-ledger paraphrase")
    assert difference_line(quote, claim, OUTLETS).absent_label == "not quoted by"
    hedge = Difference("hedge", (("evil", "reportedly"),), False, "evil hedges")
    assert difference_line(hedge, claim, OUTLETS).absent_label == "stated plainly by"


def test_stated_as_fact_is_named_as_outlets_not_quoted_as_a_wording():
    values = (
        ("harbour-gazette", "stated as fact"),
        ("daily-ledger", "the mayor (said)"),
        ("evil", "stated as fact"),
    )
    d = Difference("attribution", values, False, "daily-ledger attributes it")
    line = difference_line(d, with_differences(d).claims[0], OUTLETS)
    assert line.values == (("daily-ledger", "the mayor (said)"),)
    assert line.absent == ("harbour-gazette", "evil") and line.absent_label == "stated as fact by"


def test_a_punctuation_cue_is_not_shown_as_the_verb():
    assert shown_value("attribution", "the full text via Wire (:)") == "the full text via Wire"
    assert shown_value("attribution", "the mayor (—)") == "the mayor"
    assert shown_value("attribution", "the mayor (said)") == "the mayor (said)"
    assert shown_value("attribution", "the council (Ohio) (wrote)") == "the council (Ohio) (wrote)"
    assert shown_value("quote", "yes (:)") == "yes (:)"  # only attributions carry a cue
    values = (("daily-ledger", "the full text via Wire (:)"), ("evil", "Ann (said)"))
    d = Difference("attribution", values, False, salience=0.6)
    c = with_differences(d)
    for out in (render_text(c, width=120), render_markdown(c), render(c, "html")):
        assert "via Wire" in out and "(:)" not in out.split('id="storydiff-data"')[0]


def test_a_conflict_says_why_with_outlet_names_not_ids():
    d = Difference(
        "number",
        (("harbour-gazette", "60"), ("daily-ledger", "dozens")),
        True,
        "harbour-gazette says 60, daily-ledger says dozens",
        reason="60 against dozens; evil paraphrases",
    )
    line = difference_line(d, with_differences(d).claims[0], OUTLETS)
    assert line.why == "60 against dozens; Evil & Co <b>bold</b> paraphrases"
    assert line.absent == ("evil",)
    no_reason = dataclasses.replace(d, reason="")
    assert difference_line(no_reason, with_differences(d).claims[0], OUTLETS).why == (
        "Harbour Gazette says 60, Daily Ledger says dozens"
    )


def test_with_outlet_names_takes_the_longest_id_and_whole_words_only():
    names = {"times": "The Times", "new-york-times": "New York Times"}
    assert with_outlet_names("new-york-times says 3, times says 4", names) == (
        "New York Times says 3, The Times says 4"
    )
    assert with_outlet_names("sometimes, two times-tables", names) == "sometimes, two times-tables"


def test_terminal_shows_who_gives_the_value_and_who_does_not():
    out = render_text(with_differences(ONLY_DATE), width=120)
    line = next(x for x in out.splitlines() if x.startswith("  differs date: "))
    assert line == (
        "  differs date: Daily Ledger: on Friday | not given by Harbour Gazette, Evil & Co <b>bold</b>"
    )


def test_terminal_puts_each_outlet_on_its_own_line_when_the_difference_is_long():
    long = "a sentence-long quotation that several outlets give in other words " * 2
    d = Difference("quote", (("harbour-gazette", long), ("daily-ledger", "short words")), False, salience=0.6)
    lines = render_text(with_differences(d), width=60).splitlines()
    k = lines.index("  differs quote:")
    assert lines[k + 1].startswith("    Harbour Gazette: a sentence-long")
    assert lines[k + 2].startswith("      ")  # the long value wraps under its outlet
    rest = lines[k + 1 :]
    assert "    Daily Ledger: short words" in rest and "    not quoted by Evil & Co <b>bold</b>" in rest
    assert all(len(x) <= 60 for x in lines)


def test_terminal_glance_conflict_names_the_silent_outlet_and_the_reason():
    d = Difference(
        "date",
        (("harbour-gazette", "on Thursday"), ("daily-ledger", "on Wednesday")),
        True,
        "harbour-gazette says on Thursday, daily-ledger says on Wednesday",
    )
    wide = render_text(with_differences(d), width=200, brief=True)
    assert (
        "  c1 date: Harbour Gazette: on Thursday | Daily Ledger: on Wednesday | not given by Evil & Co "
        "<b>bold</b> (Harbour Gazette says on Thursday, Daily Ledger says on Wednesday)"
    ) in wide
    lines = render_text(with_differences(d), width=80, brief=True).splitlines()
    k = lines.index("  c1 date: Harbour Gazette says on Thursday, Daily Ledger says on Wednesday")
    assert lines[k + 1 : k + 4] == [
        "    Harbour Gazette: on Thursday",
        "    Daily Ledger: on Wednesday",
        "    not given by Evil & Co <b>bold</b>",
    ]


def test_markdown_shows_who_gives_the_value_and_who_does_not_escaped():
    md = render_markdown(with_differences(ONLY_DATE))
    assert (
        "- differs (date): Daily Ledger: “on Friday”; not given by Harbour Gazette, "
        "Evil & Co \\<b\\>bold\\</b\\>" in md.replace("\\&", "&")
    )


def test_html_shows_who_gives_the_value_and_who_does_not_escaped():
    html = render(with_differences(ONLY_DATE), "html")
    item = html[html.index('<li class="differs"') :]
    item = item[: item.index("</li>")]
    assert '<span class="dv absent">not given by <bdi class="dvo">Harbour Gazette</bdi>, ' in item
    assert '<bdi class="dvo">Evil &amp; Co &lt;b&gt;bold&lt;/b&gt;</bdi></span>' in item
    assert "only daily-ledger gives it" not in item  # the ids of the note are not shown


def test_json_is_unchanged_by_the_views():
    c = with_differences(ONLY_DATE)
    data = json.loads(render(c, "json"))
    diff = data["claims"][0]["differences"][0]
    assert diff["values"] == {"daily-ledger": "on Friday"} and diff["note"] == "only daily-ledger gives it"


LONG_TITLE = "A council vote on the riverside baths draws a crowd of swimmers, parents and one angry goose"


def test_article_heading_keeps_the_title_on_its_own_lines_at_any_width():
    a = make_article("Valley Courier", "The council approved the budget on Monday.", title=LONG_TITLE)
    b = make_article("North Star Daily", "The council approved the budget on Monday.", title="Budget passes")
    for width in (60, 100, 120):
        lines = render_text(compare([a, b]), width=width, brief=True).splitlines()
        assert lines[1] == "Valley Courier  1 sentence  [valley-courier]"
        k = lines.index("North Star Daily  1 sentence  [north-star-daily]")
        assert lines[2].startswith("  A council vote") and all(x.startswith("  ") for x in lines[2:k])
        assert " ".join(x.strip() for x in lines[2:k]) == LONG_TITLE
        assert lines[k + 1] == "  Budget passes"
        assert all(len(x) <= width for x in lines)


def test_a_long_outlet_name_is_never_cut_in_a_narrow_terminal():
    a = make_article("The Very Long Name Evening Gazette", "The council approved the budget on Monday.")
    b = make_article("Daily Post", "The council approved the budget on Monday.")
    lines = render_text(compare([a, b]), width=60).splitlines()
    k = lines.index(" The Very Long Name Evening Gazette")
    # the claim's names stack, each over its text, so the text keeps the line's width
    assert lines[k + 1] == "    The council approved the budget on Monday."
    assert lines[k + 2 : k + 4] == [" Daily Post", "    The council approved the budget on Monday."]
    assert not any("…" in x for x in lines)
    wide = render_text(compare([a, b]), width=160).splitlines()
    assert any(
        x.startswith(" Daily Post") and x.endswith("The council approved the budget on Monday.") for x in wide
    )


def test_a_title_glued_to_its_lede_is_cut_in_the_heading():
    glued = "Budget passes after a long night " + "and the lede of the story runs on and on " * 8
    a = make_article("Valley Courier", "The council approved the budget on Monday.", title=glued)
    b = make_article("Daily Post", "The council approved the budget on Monday.")
    lines = render_text(compare([a, b]), width=80, brief=True).splitlines()
    k = lines.index("Daily Post  1 sentence  [daily-post]")
    assert k == 4 and lines[3].endswith("…")  # the title takes two lines at most


def test_clipped_values_that_differ_still_look_different():
    shared = "the harbour board met for an hour and then the chair said that the " * 2
    a, b = shared + "red ferry will sail again soon", shared + "blue ferry will sail again soon"
    out = clip_apart([a, b, "a short one"], 60)
    assert out[0] != out[1] and "red ferry" in out[0] and "blue ferry" in out[1]
    assert out[0].startswith("…") and all(len(x) <= 60 for x in out) and out[2] == "a short one"
    assert clip_apart([a, a], 60)[0] == clip_apart([a, a], 60)[1]  # the same value stays the same
    long = Difference("quote", (("harbour-gazette", a), ("daily-ledger", b)), True, "red against blue")
    html = render(with_differences(long), "html")
    glance = html[html.index('<ul class="gconf">') :]
    glance = glance[: glance.index("</ul>")]
    assert "red ferry" in glance and "blue ferry" in glance


def test_a_hostile_silent_outlet_stays_inert_in_every_view():
    evil = make_article(
        "Evil\x1b]0;pwned\x07 Wire\u202e", "The council approved the budget after a long debate."
    )
    good = make_article("Valley Courier", "The council approved the budget on Monday after a long debate.")
    c = compare([evil, good])
    text = render(c, "text", width=100)
    assert "  differs date: Valley Courier: on Monday | not given by Evil Wire<U+202E>" in text
    assert "1 claim: 1 carried by all outlets" in text and "**1 claim**: " in render(c, "markdown")
    assert "\x1b" not in text and "\u202e" not in text
    md = render(c, "markdown")
    assert "not given by Evil \\]0;pwned Wire\\<U+202E\\>" in md and "\x1b" not in md
    html = render(c, "html")
    assert '<span class="dv absent">not given by <bdi class="dvo">Evil' in html


def test_two_givers_and_a_silent_outlet_say_whether_the_givers_differ():
    both = Difference(
        "date",
        (("harbour-gazette", "Friday"), ("daily-ledger", "On Friday")),
        False,
        "only harbour-gazette, daily-ledger give it",
        salience=0.6,
        salience_reason="a date only some give",
    )
    line = difference_line(both, with_differences(both).claims[0], OUTLETS)
    assert line.absent == ("evil",) and line.why == "a date only some give"
    text = render_text(with_differences(both), width=160)
    assert (
        "  differs date: Harbour Gazette: Friday | Daily Ledger: On Friday | not given by Evil & Co "
        "<b>bold</b> (a date only some give)"
    ) in text
    assert difference_line(ONLY_DATE, with_differences(ONLY_DATE).claims[0], OUTLETS).why == ""


def test_a_claim_head_says_all_outlets_or_names_the_ones_that_carry_it():
    out = render_text(hand_comparison(), width=120)
    assert "c1  CONFLICT  all 3 outlets  match 0.71, strong" in out
    assert "c2  2 outlets (Harbour Gazette, Daily Ledger)  match 0.64, strong" in out
