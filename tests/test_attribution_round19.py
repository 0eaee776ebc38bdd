"""Round nineteen of attribution (docs/attribution.md): non-statements, nested quotation marks and
errors read in fresh samples of real news, each fixed by a general rule. Every sentence here is
written for the tests; none is real news."""

from __future__ import annotations

import pytest
from builders import attribution_of, attributions
from builders import relations as _rels

from compare.segment import find_quotations, paragraph_spans


# ---- non-statements: nothing was said -------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Calls and e-mails to three aides were not returned on Monday.",
        "Calls to the mayor's office were not returned.",
        "Charges against the two clerks were dropped in May.",
    ],
)
def test_a_plural_noun_opening_a_sentence_is_no_cue(sentence: str) -> None:
    assert attribution_of(attributions("The vote was close.", sentence), sentence[:12]) is None


def test_declined_to_comment_after_a_quotation_relays_nothing() -> None:
    atts = attributions(
        "“We will be proved right,” Ann Lee said. “It is only a matter of time.”",
        "Spokesmen for the county office in Dover, Jo Roe, and for the state police declined to comment.",
    )
    assert attribution_of(atts, "declined to comment") is None


def test_a_quoted_question_before_a_planned_ask_still_relays() -> None:
    assert _rels("“What comes next?” Mr. Roe planned to ask.") == [("planned to ask", "Mr. Roe")]


def test_requests_for_further_comment_hold_a_noun() -> None:
    atts = attributions(
        "Ms. Vale, who did not respond to repeated requests for further comment, later posted an apology,"
        " saying she regretted her words."
    )
    att = attribution_of(atts, "Ms. Vale")
    assert (att.source, att.cue) == ("Ms. Vale", "saying")


@pytest.mark.parametrize("opening", ["Reports say", "News reports said"])
def test_reports_say_is_hearsay_not_a_source(opening: str) -> None:
    att = attribution_of(attributions("The mayor was quiet.", f"{opening} the mayor will resign."), "resign")
    assert (att.type, att.source) == ("hedged", None)


def test_a_plural_document_before_say_is_the_source() -> None:
    assert _rels("Police reports say the man fled.") == [("say", "Police reports")]
    assert _rels("The Ledger reports that the mayor will resign.") == [("reports", "The Ledger")]


# ---- a single-quoted passage inside a double-quoted one, spaced apart --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "She said the rule \"puts us 'above the law,' \" and left. Then the vote came.",
        "\"It is, in his words, 'the best deal' \" she said. Then the vote came.",
        "She called it \u201cin his words, \u2018the best deal,\u2019 \u201d and left. Then the vote came.",
    ],
)
def test_a_spaced_double_mark_after_a_single_one_closes_the_quotation(text: str) -> None:
    (quote,) = find_quotations(text, paragraph_spans(text))
    assert quote.closed and text[quote.end :].startswith((" and left", " she said"))


def test_a_spaced_double_mark_before_a_single_one_opens_the_quotation() -> None:
    text = "\" 'Not now,' he told me,\" Ms. Lee said. Then the vote came."
    (quote,) = find_quotations(text, paragraph_spans(text))
    assert quote.start == 0 and quote.closed and text[quote.end :].startswith(" Ms. Lee said")


def test_a_possessive_before_a_title_in_quotes_is_no_closing_mark() -> None:
    text = "He said so on Fox News' \"The Evening Hour\" program. Then the vote came."
    (quote,) = find_quotations(text, paragraph_spans(text))
    assert text[quote.start : quote.end] == '"The Evening Hour"'
