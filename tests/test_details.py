"""Detail extraction (numbers, names, dates, quotations, hedges), claim differences and unique content."""

from __future__ import annotations

from builders import make_article

from compare.details import extract_details
from compare.differences import compare_claim, find_unique
from compare.model import Attribution, Claim, Detail, Document, Member, Quotation, Sentence
from compare.report.labels import summarize_unique
from compare.segment import find_quotations, segment


def sentence(text: str) -> Sentence:
    return Sentence(article="a", index=0, start=0, end=len(text), text=text, paragraph=0)


def details(text: str, kind: str | None = None) -> list[Detail]:
    quotations = find_quotations(text, [(0, len(text))])
    s = Sentence("a", 0, 0, len(text), text, 0, quotations=tuple(q.index for q in quotations))
    found = extract_details(text, s, quotations)
    for d in found:
        assert text[d.start : d.end] == d.text
    return [d for d in found if kind is None or d.kind == kind]


def texts(text: str, kind: str) -> list[str]:
    return [d.text for d in details(text, kind)]


# ---------------------------------------------------------------- extraction


def test_offsets_are_article_offsets_and_sorted() -> None:
    text = "Intro line.\n\nOn Monday, 60 firefighters reportedly fought the blaze, Chief Ana Ruiz said."
    doc = segment(make_article("Express", "Intro line.", text.split("\n\n")[1]))
    s = doc.sentences[1]
    found = extract_details(doc.article.text, s, doc.quotations)
    assert found == tuple(sorted(found, key=lambda d: d.start))
    for d in found:
        assert doc.article.text[d.start : d.end] == d.text
        assert s.start <= d.start < d.end <= s.end
    assert {d.kind for d in found} == {"date", "number", "hedge", "name"}


def test_numbers_with_values_and_ranges() -> None:
    nums = details("Rescuers pulled 60 people and dozens of dogs from about 1,200 flooded homes.", "number")
    assert [(d.text, d.value, d.low, d.high) for d in nums] == [
        ("60", 60, None, None),
        ("dozens", None, 24, 99),
        ("about 1,200", 1200, 1080, 1320),
    ]


def test_years_inside_dates_are_not_numbers() -> None:
    found = details("The pier reopened on Jan. 5, 2018, after 14 months of repairs.")
    assert [(d.kind, d.text) for d in found if d.kind in ("date", "number")] == [
        ("date", "Jan. 5, 2018"),
        ("number", "14 months"),
    ]


def test_dates_keys() -> None:
    got = {
        d.text: d.key
        for d in details(
            "Late Tuesday night the council met; by 5 p.m. on June 3 it had voted, as it did last week "
            "and in 2016, before the Easter weekend.",
            "date",
        )
    }
    assert got["Late Tuesday night"] == "weekday:tuesday"
    assert got["5 p.m."] == "time:17:00"
    assert got["June 3"] == "date:06-03"
    assert got["last week"] == "relative:last week"
    assert got["2016"] == "year:2016"
    assert got["Easter weekend"].startswith("holiday:easter")


def test_may_the_verb_is_not_a_month() -> None:
    assert texts("The mayor may resign in May.", "date") == ["May"]
    assert [d.text for d in details("The mayor may resign in May.", "hedge")] == ["may"]


def test_names_titles_and_possessives_share_a_key() -> None:
    keys = set()
    for text in (
        "Defence Minister Pavel Brodsky visited the port.",
        "Mr. Brodsky's visit was brief.",
        "Officials said Brodsky left early.",
    ):
        (name,) = [d for d in details(text, "name") if "Brodsky" in d.text]
        keys.add(name.key)
    assert keys == {"brodsky"}


def test_name_spans_and_labels() -> None:
    found = {
        d.text: d.label
        for d in details(
            "Harbour Authority chief Lena Ostrova told the Coastal Workers Union in Port Talbot, Wales, "
            "that Senator Joe Ames of Ohio agreed.",
            "name",
        )
    }
    assert found["Harbour Authority"] == "organization"
    assert found["Lena Ostrova"] == "person"
    assert found["Coastal Workers Union"] == "organization"
    assert found["Wales"] == "place"
    assert found["Senator Joe Ames"] == "person"
    assert found["Ohio"] == "place"


def test_title_after_an_organisation_splits_the_name() -> None:
    assert texts("Union President Maria Lopez resigned.", "name") == ["Union", "President Maria Lopez"]


def test_sentence_opening_words_and_datelines_are_not_names() -> None:
    assert texts("However, the ferry sank.", "name") == []
    assert texts("PORTVILLE — The ferry sank near Hale Point.", "name") == ["Hale Point"]


def test_acronym_meets_its_spelled_out_name() -> None:
    (short,) = details("The ABCD voted.", "name")
    (full,) = details("The Association for Bright Coastal Docks voted.", "name")
    assert short.key == full.key


def test_quotes_with_speaker() -> None:
    (q,) = details('"We lost everything in an hour," said Maria Lopez, who runs the bakery.', "quote")
    assert q.text == "We lost everything in an hour"
    assert q.key == "we lost everything in an hour"
    assert q.speaker == "Maria Lopez"


def test_quote_running_past_the_sentence_and_curly_marks() -> None:
    (q,) = details("He added: “The water came fast.", "quote")
    assert q.text == "The water came fast."
    text = "“It was over. The crowd left,” she said."
    doc = segment(make_article("Express", "Intro line.", text))
    (q,) = [
        d for d in extract_details(doc.article.text, doc.sentences[2], doc.quotations) if d.kind == "quote"
    ]
    assert q.text == "The crowd left"


def test_quoted_words_come_from_the_segmenters_quotations() -> None:
    # A closing mark typed after a space ('over, "she said') ends the quoted words; a closing mark
    # whose opening the segmenter never saw makes no quotation (one detector: compare.segment).
    text = 'She said: "It is over, "and left.'
    (q,) = details(text, "quote")
    assert q.text == "It is over"
    assert details("It was over.” The crowd left.", "quote") == []


def test_sentence_wholly_inside_a_quotation() -> None:
    text = "We will rebuild the pier."
    s = Sentence("a", 0, 0, len(text), text, 0, quotation=0, quotations=(0,))
    quotation = Quotation(0, -1, len(text) + 1)
    (q,) = [d for d in extract_details(text, s, (quotation,)) if d.kind == "quote"]
    assert q.text == text


def test_hedges_outside_quotes_only() -> None:
    assert [
        d.key for d in details("The mayor reportedly resigned and is said to have left town.", "hedge")
    ] == ["reportedly", "said to"]
    assert details('"It may rain," she said.', "hedge") == []
    assert [d.text for d in details("About 40 homes were hit.", "hedge")] == ["About"]


def test_purporting_and_supposed_are_hedges() -> None:
    assert texts("He showed photos purporting to show the depot.", "hedge") == ["purporting to"]
    assert texts("They described the supposed meeting at the port.", "hedge") == ["supposed"]
    assert texts("The ferry was supposed to leave at noon.", "hedge") == []  # an obligation, not a doubt


# ---------------------------------------------------------------- differences within a claim


def document(outlet: str, *paragraphs: str, attributions: dict[int, Attribution] | None = None) -> Document:
    doc = segment(make_article(outlet, *paragraphs))
    dets = tuple(extract_details(doc.article.text, s, doc.quotations) for s in doc.sentences)
    atts = tuple((attributions or {}).get(i) for i in range(len(doc.sentences)))
    return Document(doc.article, doc.sentences, doc.quotations, dets, atts)


def claim_of(*docs: Document, sentences: tuple[int, ...] = (0,)) -> tuple[Claim, dict[str, Document]]:
    by_id = {d.article.id: d for d in docs}
    members = tuple(Member(d.article.id, sentences) for d in docs)
    return compare_claim(Claim("c1", members, 0.9), by_id), by_id


def kinds(claim: Claim) -> dict[str, bool]:
    return {d.kind: d.conflict for d in claim.differences}


def test_a_figure_two_outlets_give_and_a_third_lacks() -> None:
    a = document("Express", "The mayor spent $48,000 of city money on two cars.")
    b = document("Daily Mail", "The mayor spent $48,000 of city money, including a $9,500 painting.")
    c = document("Courier", "The mayor spent city money on a $9,500 painting and 15 dinners.")
    claim, _ = claim_of(a, b, c)
    (diff,) = [d for d in claim.differences if d.kind == "number"]
    assert not diff.conflict
    values = dict(diff.values)
    assert "$48,000" in values["express"] and "$48,000" in values["daily-mail"]
    assert "$48,000" not in values.get("courier", "")
    # every outlet gives some figure, so the note must not say that only some give a number
    assert diff.note == "not every outlet gives each figure"


def test_number_conflict_and_vaguer() -> None:
    a = document("Express", "Rescuers saved 60 sailors from the ferry on Thursday.")
    b = document("Daily Mail", "Rescuers saved 50 sailors from the ferry on Thursday.")
    c = document("Courier", "Rescuers saved dozens of sailors from the ferry on Thursday.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"number": True}
    (diff,) = claim.differences
    assert dict(diff.values) == {"express": "60", "daily-mail": "50"}
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"number": False}
    assert "vaguer" in claim.differences[0].note


def test_date_conflict_and_added_date() -> None:
    a = document("Express", "The ferry sank on Thursday near Hale Point.")
    b = document("Daily Mail", "The ferry sank on Wednesday near Hale Point.")
    c = document("Courier", "The ferry sank near Hale Point.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": True}
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"date": False}
    assert dict(claim.differences[0].values) == {"express": "on Thursday"}


def test_agreeing_members_have_no_differences() -> None:
    a = document("Express", "Captain Ivo Marsh said 60 sailors were rescued on Thursday.")
    b = document("Daily Mail", "On Thursday 60 sailors were rescued, Capt. Ivo Marsh said.")
    claim, _ = claim_of(a, b)
    assert claim.differences == ()


def test_name_given_in_one_member_only() -> None:
    a = document("Express", "Harbour master Ivo Marsh closed the port.")
    b = document("Daily Mail", "The harbour master closed the port.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"name": False}


def test_name_shortened_where_the_article_names_it_elsewhere_is_no_difference() -> None:
    a = document("Express", "Harbour master Ivo Marsh closed the port.")
    b = document("Daily Mail", "The harbour master closed the port.", "Ivo Marsh has run it since 2009.")
    claim, _ = claim_of(a, b)
    assert "name" not in kinds(claim)


def test_quote_against_paraphrase_and_different_words() -> None:
    a = document("Express", '"The water came up to our knees in minutes," the baker said.')
    b = document("Daily Mail", "The baker said the water came up to their knees within minutes.")
    c = document("Courier", '"Water came to our knees within minutes," the baker said.')
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"quote": False}
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"quote": False}
    assert claim.differences[0].note == "the quoted words differ: express: the up in; courier: within"
    claim, _ = claim_of(
        a, document("Post", '"The water came up to our knees in minutes," the baker told us.')
    )
    assert claim.differences == ()


def test_marks_case_punctuation_and_ellipses_never_make_a_quote_difference() -> None:
    a = document("Express", '"We will rebuild the pier, and we will open it by June," the mayor said.')
    b = document("Courier", "“We will rebuild the pier... and we will open it by June,” the mayor said.")
    c = document("Post", "'WE WILL REBUILD THE PIER - and we will open it by June!' the mayor said.")
    for other in (b, c):
        claim, _ = claim_of(a, other)
        assert "quote" not in kinds(claim)


def test_one_statement_quoted_with_other_words_is_a_conflict_with_its_reason() -> None:
    said = '"Every day that passes, the harbour gets closer and closer to a {}," Ruiz said.'
    a = document("Express", said.format("full closure"))
    b = document("Courier", said.format("total shutdown"))
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "quote"]
    assert diff.conflict
    assert "full closure" in diff.note and "total shutdown" in diff.note
    assert "both cannot be the exact words" in diff.reason
    # another spelling or form of the same words is not a misquote
    c = document("Post", said.format("full closures"))
    claim, _ = claim_of(a, c)
    assert not any(d.conflict for d in claim.differences)
    # a third outlet paraphrasing does not hide the misquote
    p = document("Herald", "Ruiz said the harbour was nearing a full closure every day.")
    claim, _ = claim_of(a, b, p)
    (diff,) = [d for d in claim.differences if d.kind == "quote"]
    assert diff.conflict and "herald paraphrases" in diff.reason


def test_one_statement_rendered_with_several_stretches_reworded_only_differs() -> None:
    # One replaced word inside a shared quotation is a misquote; several reworded stretches are two
    # renderings of what was said (a translation, a speech and an interview): in doubt, it differs.
    a = document(
        "Express",
        '"Even after the storm, the town kept rebuilding its old stone harbour for future trade," Ruiz said.',
    )
    b = document(
        "Courier",
        '"Even after the storm was over, the town kept rebuilding its old stone quay for trade at a later '
        'date," Ruiz said.',
    )
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "quote"]
    assert not diff.conflict
    assert diff.note.startswith("the quoted words differ")


def test_every_difference_has_a_salience_and_a_reason() -> None:
    a = document("Express", "Rescuers pulled 60 people from the river on Thursday, the mayor reportedly said")
    b = document("Courier", "Rescuers pulled 45 people from the river on Thursday, the mayor said.")
    claim, _ = claim_of(a, b)
    assert claim.differences
    for d in claim.differences:
        assert 0 < d.salience <= 1 and d.salience_reason
    ranked = sorted(claim.differences, key=lambda d: -d.salience)
    assert ranked[0].conflict and ranked[0].kind == "number"


def test_minor_differences_are_low_salience_and_never_conflicts() -> None:
    from dataclasses import replace

    from compare.differences import MINOR_BELOW, is_minor
    from compare.model import Difference

    low = Difference("name", (("a", "Ms. Ruiz"),), False, "only a gives it", (), salience=MINOR_BELOW - 0.05)
    assert is_minor(low)
    assert not is_minor(replace(low, salience=MINOR_BELOW))
    assert not is_minor(replace(low, conflict=True))


def test_hedge_against_plain_statement() -> None:
    a = document("Express", "The mayor reportedly resigned over the flood.")
    b = document("Daily Mail", "The mayor resigned over the flood.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"hedge": False}
    assert dict(claim.differences[0].values) == {"express": "reportedly"}


def test_hedged_with_different_words() -> None:
    a = document("Express", "The mayor reportedly resigned over the flood.")
    b = document("Daily Mail", "The mayor is expected to resign over the flood.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"hedge": False}
    (diff,) = claim.differences
    assert dict(diff.values) == {"express": "reportedly", "daily-mail": "is expected to"}
    assert diff.note == "express, daily-mail hedge with different words"
    assert diff.salience_reason.startswith("the outlets hedge with different words")
    # the same hedge word in both is the same caution
    c = document("Courier", "The mayor reportedly quit over the flood.")
    claim, _ = claim_of(a, c)
    assert "hedge" not in kinds(claim)


def test_attribution_against_fact_and_different_sources() -> None:
    text = "The mayor resigned over the flood, council leader Ana Ruiz said."
    said = Attribution(
        "attributed", "said", text.index("said"), text.index("said") + 4, "council leader Ana Ruiz", "person"
    )
    a = document("Express", text, attributions={0: said})
    b = document("Daily Mail", "The mayor resigned over the flood.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"attribution": False, "name": False}  # the source is named in one only
    (diff,) = [d for d in claim.differences if d.kind == "attribution"]
    assert dict(diff.values) == {"express": "council leader Ana Ruiz (said)", "daily-mail": "stated as fact"}
    assert diff.spans == (("express", said.start, said.end),)
    other = Attribution("attributed", "told", 0, 0, "Police Chief Tom Hale", "person")
    c = document(
        "Courier",
        "The mayor resigned over the flood, Police Chief Tom Hale told us.",
        attributions={0: other},
    )
    claim, _ = claim_of(a, c)
    assert [d.note for d in claim.differences if d.kind == "attribution"] == ["different sources"]
    # a source given only by description may be the same person: no difference
    vague = Attribution("attributed", "told", 0, 0, "a council spokesman", "person")
    d = document(
        "Post", "The mayor resigned over the flood, a council spokesman told us.", attributions={0: vague}
    )
    claim, _ = claim_of(a, d)
    assert "attribution" not in kinds(claim)


def test_different_kinds_of_source() -> None:
    text = "The plant will close in May, {} said."
    a_text, b_text, c_text = (
        text.format(w) for w in ("Mayor Ana Ruiz", "the council's report", "the council")
    )
    person = Attribution("attributed", "said", 0, 0, "Mayor Ana Ruiz", "person")
    report = Attribution("attributed", "said", 0, 0, "the council's report", "document")
    council = Attribution("attributed", "said", 0, 0, "the council", "organization")
    a = document("Express", a_text, attributions={0: person})
    b = document("Daily Mail", b_text, attributions={0: report})
    c = document("Courier", c_text, attributions={0: council})
    claim, _ = claim_of(a, b)
    assert [d.note for d in claim.differences if d.kind == "attribution"] == ["different sources"]
    # an organisation speaks through its documents: the council and its report are one source
    claim, _ = claim_of(b, c)
    assert "attribution" not in kinds(claim)


def test_an_outlet_naming_the_cited_source_in_its_own_words_does_not_state_it_as_fact() -> None:
    said = Attribution("attributed", "said", 0, 0, "Mayor Ana Ruiz", "person")
    a = document(
        "Express", "The pier is unsafe and will close in May, Mayor Ana Ruiz said.", attributions={0: said}
    )
    b = document("Daily Mail", "Mayor Ana Ruiz called the pier unsafe and closed it until May.")
    claim, _ = claim_of(a, b)
    assert "attribution" not in kinds(claim)
    c = document("Courier", "The pier is unsafe and will close in May.")
    claim, _ = claim_of(a, c)
    (diff,) = [d for d in claim.differences if d.kind == "attribution"]
    assert diff.note == "express attributes it; courier states it as fact"


def test_an_attributed_sentence_outweighs_a_hedged_one() -> None:
    hedged = Attribution("hedged", "reportedly", 0, 0)
    said = Attribution("attributed", "said", 0, 0, "Mayor Ana Ruiz", "person")
    a = document(
        "Express",
        "The plant will reportedly close.",
        "It will close in May, Mayor Ana Ruiz said.",
        attributions={0: hedged, 1: said},
    )
    b = document("Daily Mail", "The plant will close.", "It will close in May.")
    claim, _ = claim_of(a, b, sentences=(0, 1))
    (diff,) = [d for d in claim.differences if d.kind == "attribution"]
    assert dict(diff.values)["express"].startswith("Mayor Ana Ruiz")


def test_hedged_member_is_a_hedge_not_an_attribution_difference() -> None:
    hedged = Attribution("hedged", "reportedly", 10, 20)
    a = document("Express", "The mayor reportedly resigned over the flood.", attributions={0: hedged})
    b = document("Daily Mail", "The mayor resigned over the flood.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"hedge": False}


def test_conflicts_come_first() -> None:
    a = document("Express", "The mayor reportedly resigned on Thursday with 60 staff.")
    b = document("Daily Mail", "The mayor resigned on Wednesday with 60 staff.")
    claim, _ = claim_of(a, b)
    assert [d.kind for d in claim.differences] == ["date", "hedge"]
    assert claim.differences[0].conflict


def test_edits_and_reference_are_set() -> None:
    a = document("Express", "The mayor resigned on Thursday after the flood.")
    b = document("Daily Mail", "The mayor quit on Thursday after the flood.")
    c = document("Courier", "The mayor resigned on Thursday after the big flood.")
    claim, by_id = claim_of(a, b, c)
    assert claim.reference == "express"
    spans = {(e.article, by_id[e.article].article.text[e.start : e.end], e.op, e.other) for e in claim.edits}
    assert spans == {("daily-mail", "quit", "replace", "resigned"), ("courier", "big", "insert", "")}


def test_multi_sentence_member_uses_all_its_sentences() -> None:
    a = document("Express", "The ferry sank. It was Thursday.")
    b = document("Daily Mail", "The ferry sank on Wednesday.")
    by_id = {d.article.id: d for d in (a, b)}
    claim = compare_claim(Claim("c1", (Member("express", (0, 1)), Member("daily-mail", (0,))), 0.8), by_id)
    assert kinds(claim) == {"date": True}


# ---------------------------------------------------------------- only in one outlet


def test_find_unique_sentences_and_distinctive_details() -> None:
    a = document("Express", "The ferry sank near Hale Point.", "Captain Ivo Marsh, 52, had 30 years at sea.")
    b = document("Daily Mail", "The ferry sank close to Hale Point.", "Ivo Marsh was the captain.")
    claim = Claim("c1", (Member("express", (0,)), Member("daily-mail", (0,))), 0.9)
    unique = {u.article: u for u in find_unique((a, b), (claim,))}
    assert unique["express"].sentences == (1,)
    assert [d.text for d in unique["express"].details] == ["52", "30 years"]  # Ivo Marsh is shared
    assert unique["daily-mail"].sentences == (1,)
    assert unique["daily-mail"].details == ()
    summary = summarize_unique(unique["express"], "Express")
    assert summary == (
        "Express: 1 sentence no other outlet carries; details no other outlet gives: “52”, “30 years”"
    )


def test_bracketed_currency_conversion_is_not_a_second_figure() -> None:
    assert texts("It sells 6.4 billion euros ($7.7 billion) of steel a year.", "number") == [
        "6.4 billion euros"
    ]


def test_year_like_counts_and_year_ranges() -> None:
    found = details("In 2016 the army sent 2000 troops to end the 1950-53 war, 5 years after 2011.")
    assert [(d.kind, d.text) for d in found if d.kind in ("date", "number")] == [
        ("date", "2016"),
        ("number", "2000"),
        ("date", "1950"),
        ("number", "5 years"),
        ("date", "2011"),
    ]


def test_dates_far_apart_are_two_events_not_a_conflict() -> None:
    a = document("Express", "The tariffs announced on March 8 were delayed.")
    b = document("Daily Mail", "The tariffs were delayed until June 1.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": False}
    c = document("Courier", "The tariffs announced on March 9 were delayed.")
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"date": True}


def test_percentages_of_different_things_do_not_conflict() -> None:
    a = document("Express", "The levy covered 30 percent of all imports, officials said.")
    b = document("Daily Mail", "The levy is a 25 percent tariff on imports, officials said.")
    claim, _ = claim_of(a, b)
    # Two figures of different things are not a difference in figures: each is its own facet.
    assert "number" not in kinds(claim)
    c = document("Courier", "The levy covered 35 percent of all imports, officials said.")
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"number": True}


def test_small_counts_of_different_nouns_do_not_conflict_but_crowds_do() -> None:
    a = document("Express", "Officials released 15 pages of memos.")
    b = document("Daily Mail", "Officials released memos to three committees.")
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences)
    c = document("Courier", "The petition drew hundreds of thousands of signatures.")
    d = document("Post", "The petition drew more than 1.8 million people.")
    claim, _ = claim_of(c, d)
    assert kinds(claim) == {"number": True}


def test_claim_with_one_member_or_without_extracted_details() -> None:
    a = document("Express", "The ferry sank on Thursday.")
    claim, _ = claim_of(a)
    assert claim.differences == () and claim.edits == () and claim.reference == "express"
    bare = segment(make_article("Daily Mail", "The ferry sank on Wednesday."))  # details not extracted
    claim = compare_claim(
        Claim("c1", (Member("express", (0,)), Member("daily-mail", (0,))), 0.9),
        {"express": a, "daily-mail": bare},
    )
    assert kinds(claim) == {"date": False}
    assert dict(claim.differences[0].values) == {"express": "on Thursday"}


# ---------------------------------------------------------------- second round: precision


def test_sentence_opening_plurals_headlines_and_adjectives_are_not_names() -> None:
    assert texts("Firefighters battled the blaze at Hale Point.", "name") == ["Hale Point"]
    assert texts("Passengers on the Corran Belle waited.", "name") == ["Corran Belle"]
    assert texts("Mayor Tilda Voss Throws His Hat in the Ring", "name") == ["Ring"]  # not "… His Hat"
    assert texts("Voss ran a New Jersey-style campaign.", "name") == ["Voss"]
    # a surname ending in s is kept once the article gives the full name
    assert "Rhodes" in texts("Rhodes spoke first. Later Ada Rhodes left.", "name")


def test_possessives_places_and_acronym_lists_split_names() -> None:
    names = details("The Velda League's Marsh bureau chief Ola Pike spoke.", "name")
    assert [d.text for d in names] == ["Velda League", "Marsh", "Ola Pike"]
    names = details("Delegates met in Kansas City of the Union of Fenwick Growers.", "name")
    assert [d.text for d in names] == ["Kansas City", "Union of Fenwick Growers"]
    assert texts("The Department of Health and Human Services agreed.", "name") == [
        "Department of Health and Human Services"
    ]
    (rose,) = details("Journalist Amos Reed asked the questions.", "name")
    assert rose.label == "person" and rose.key == "reed"


def test_numbers_pair_by_what_they_count() -> None:
    a = document(
        "Express", "A fire forced dozens of passengers off the ferry and sent three people to hospital."
    )
    b = document("Daily Mail", "A fire on the ferry forced the evacuation of 60 passengers.")
    c = document("Courier", "Fire broke out on one of its two ferries. About 50 passengers were led off.")
    claim, _ = claim_of(a, b, c, sentences=(0, 1))
    (diff,) = [d for d in claim.differences if d.kind == "number"]
    assert diff.conflict
    # only the passenger counts are compared: not "three people" nor "two ferries"
    assert dict(diff.values) == {"express": "dozens", "daily-mail": "60", "courier": "About 50"}


def test_ages_are_not_compared_with_counts() -> None:
    a = document("Express", "Della Marsh, 34, said the crew led everyone off the ferry.")
    b = document("Daily Mail", "Della Marsh said the crew led 40 people off the ferry.")
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences)
    c = document("Courier", "Della Marsh, 43, said the crew led everyone off the ferry.")
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"number": True}  # ages do conflict with ages


def test_rounded_and_quoted_figures_do_not_conflict() -> None:
    a = document("Express", "The couple paid $43 million in federal taxes from 2007 to 2014.")
    b = document("Daily Mail", "The couple paid $43,885,310 in federal taxes from 2007 to 2014.")
    claim, _ = claim_of(a, b)
    assert kinds(claim).get("number") is False
    c = document("Courier", '"He cut $700 billion in Medicare funding," the mayor said.')
    d = document("Post", '"He cut $716 billion in Medicare funding," the ad says.')
    e = document("Star", '"He cut $500 billion in Medicare funding," the ad says.')
    claim, _ = claim_of(c, d)
    assert kinds(claim).get("number") is False and "vaguer" in claim.differences[0].note  # a rounding
    claim, _ = claim_of(d, e)
    assert kinds(claim).get("number") is False  # each quotes someone: what they said, not a conflict
    f = document("Courier", "He cut $500 billion in Medicare funding, the audit found.")
    g = document("Post", "He cut $716 billion in Medicare funding, the audit found.")
    claim, _ = claim_of(f, g)
    assert kinds(claim).get("number") is True


def test_figures_of_different_objects_are_not_paired() -> None:
    a = document(
        "Express", "Exporters face a 25 percent tariff on steel and a 10 percent tariff on aluminum."
    )
    b = document("Daily Mail", "Exporters face a 25 percent tariff on steel.")
    claim, _ = claim_of(a, b)
    assert "number" not in kinds(claim)  # both give the steel tariff; aluminum is a figure of another thing


def test_statement_dates_of_different_speakers_do_not_conflict() -> None:
    said = Attribution("attributed", "said", 0, 0, "Mayor Ilse Brandt", "person")
    other = Attribution("attributed", "said", 0, 0, "the Harbour Board", "organization")
    a = document(
        "Express", "The ferry will not sail again, Mayor Ilse Brandt said Monday.", attributions={0: said}
    )
    b = document(
        "Daily Mail",
        "The ferry will not sail again, the Harbour Board said on Tuesday.",
        attributions={0: other},
    )
    claim, _ = claim_of(a, b)
    assert kinds(claim)["date"] is False
    c = document(
        "Courier", "The ferry will not sail again, Mayor Ilse Brandt said on Tuesday.", attributions={0: said}
    )
    claim, _ = claim_of(a, c)
    assert kinds(claim)["date"] is True  # one speaker, two days


def test_weekdays_more_than_a_day_apart_are_two_steps_not_a_conflict() -> None:
    a = document("Express", "The ferry sank off the pier on Monday, the coastguard said.")
    b = document("Daily Mail", "The ferry sank off the pier on Thursday, the coastguard said.")
    claim, _ = claim_of(a, b)
    assert kinds(claim)["date"] is False
    c = document("Courier", "The ferry sank off the pier on Tuesday, the coastguard said.")
    claim, _ = claim_of(a, c)
    (diff,) = [d for d in claim.differences if d.kind == "date"]
    assert diff.conflict and "pier" in diff.reason


def test_figures_meeting_only_at_a_value_one_leaves_out_conflict() -> None:
    a = document("Express", "Rescuers pulled at least 48 passengers from the river on Monday.")
    b = document("Courier", "Rescuers pulled almost 48 passengers from the river on Monday.")
    claim, _ = claim_of(a, b)
    assert kinds(claim)["number"] is True
    c = document("Post", "Rescuers pulled about 48 passengers from the river on Monday.")
    claim, _ = claim_of(a, c)
    assert kinds(claim)["number"] is False


def test_figures_far_apart_are_two_counts_not_a_conflict() -> None:
    a = document("Express", "Rescuers pulled 60 people from the river on Monday.")
    b = document("Courier", "Rescuers pulled 20 people from the river on Monday.")
    claim, _ = claim_of(a, b)
    assert kinds(claim)["number"] is False


def test_a_clock_time_outside_the_part_of_the_day_conflicts() -> None:
    a = document("Express", "The minister will open the bridge at 11am from the town square.")
    b = document("Courier", "The minister opened the bridge on Friday afternoon from the town square.")
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "date"]
    assert diff.conflict and "bridge" in diff.reason
    c = document("Post", "The minister opened the bridge at 3 p.m. from the town square.")
    claim, _ = claim_of(c, b)
    assert "date" not in kinds(claim) or kinds(claim)["date"] is False
    # a weekday without a part of the day says nothing about the hour
    d = document("Herald", "The minister opened the bridge on Friday from the town square.")
    claim, _ = claim_of(a, d)
    assert kinds(claim)["date"] is False


def test_dates_either_side_of_midnight_do_not_conflict() -> None:
    a = document("Express", "The exemptions ran until the end of Monday, when the tariffs were due.")
    b = document(
        "Daily Mail", "The exemptions were due to expire at 12:01 a.m. on Tuesday, when the tariffs were due."
    )
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences)


def test_dates_of_two_steps_of_a_story_do_not_conflict() -> None:
    a = document("Express", "Council leaders kept up pressure on the mayor Sunday to explain the closure.")
    b = document("Daily Mail", "Critics rounded on the council leader on Friday after her announcement.")
    claim, _ = claim_of(a, b)
    assert kinds(claim)["date"] is False
    c = document("Courier", "Council leaders kept up pressure on the mayor Saturday to explain the closure.")
    claim, _ = claim_of(a, c)
    assert kinds(claim)["date"] is True


def test_today_is_not_a_date_difference() -> None:
    a = document("Express", "The governor will announce her run today, aides said.")
    b = document("Daily Mail", "The governor will announce her run, aides said.")
    claim, _ = claim_of(a, b)
    assert "date" not in kinds(claim)


def test_party_labels_are_not_name_differences() -> None:
    a = document("Express", "The Minnesota Republican defended the vote in the chamber.")
    b = document("Daily Mail", "The congresswoman defended the vote in the chamber.")
    claim, _ = claim_of(a, b)
    assert "name" not in kinds(claim)


def test_organisation_in_a_background_clause_is_not_a_name_difference() -> None:
    a = document(
        "Express",
        "The mayor closed the baths on Monday, a move first reported by the Tidewater Herald last spring.",
    )
    b = document("Daily Mail", "The mayor closed the baths on Monday.")
    claim, _ = claim_of(a, b)
    assert "name" not in kinds(claim)
    c = document(
        "Courier", "The mayor closed the baths of the Tidewater Trust on Monday."
    )  # a trust: organisation
    claim, _ = claim_of(c, b)
    assert kinds(claim).get("name") is False  # the organisation is part of what is told


def test_words_quoted_from_another_outlet_are_no_quote_difference() -> None:
    relay = Attribution("attributed", "wrote", 0, 0, "The Tidewater Gazette", "outlet")
    a = document(
        "Express",
        'The Tidewater Gazette wrote: "The mayor will sell his record as his main asset."',
        attributions={0: relay},
    )
    b = document("Daily Mail", "The mayor will sell his record as his main asset.")
    claim, _ = claim_of(a, b)
    assert "quote" not in kinds(claim)


def test_spans_of_time_conflict() -> None:
    a = document("Express", "The former port chief was jailed for seven years on Tuesday.")
    b = document("Daily Mail", "The former port chief was jailed on Tuesday for six years.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": True}
    c = document("Courier", "The former port chief was jailed on Tuesday for a few years.")
    claim, _ = claim_of(a, c)
    assert kinds(claim) == {"date": False}  # vague: not a contradiction


def test_span_of_time_given_as_a_date_carries_the_same_figure() -> None:
    a = document("Express", "The council approved a 30-day delay to the closure.")
    b = document("Daily Mail", "The council will delay the closure for the next 30 days.")
    claim, _ = claim_of(a, b)
    assert "number" not in kinds(claim)


def test_a_duration_is_compared_with_durations_not_dates() -> None:
    a = document("Express", "Crews had the flames out within two hours, the chief said.")
    b = document("Daily Mail", "It took crews nearly two hours to put the flames out, the chief said.")
    claim, _ = claim_of(a, b)
    assert "date" not in kinds(claim)  # "within two hours" is the same span as "nearly two hours"


def test_a_date_given_inside_a_quotation_still_counts_as_carried():
    from compare.model import Options
    from compare.pipeline import analyze

    a = make_article("Harbour Post", "Operations chief Dana Whitlow said the line should reopen by Saturday.")
    b = make_article(
        "Valley Courier", "“We expect the line to reopen by Saturday,” said operations chief Dana Whitlow."
    )
    docs = {
        d.article.id: d
        for d in (analyze(a, Options(), ("Harbour Post", "Valley Courier")), analyze(b, Options(), ()))
    }
    claim = Claim("c1", (Member("harbour-post", (0,)), Member("valley-courier", (0,))), 0.9)
    kinds = {d.kind for d in compare_claim(claim, docs).differences}
    assert "date" not in kinds
    assert "quote" in kinds


def test_qualified_figures_leave_their_end_out():
    """ "more than 50" and "almost 48" leave the figure out: they meet "at least 48" or "50" only
    where a rounded figure's rounding lets them."""
    from compare.quantities import agree_when_rounded, compatible, open_ends, parse_quantity

    def q(text):
        found = parse_quantity(text)
        assert found is not None, text
        return found

    assert open_ends(q("more than 50")) == (True, False)
    assert open_ends(q("almost four dozen")) == (False, True)
    assert open_ends(q("at least 48")) == (False, False)
    assert not compatible(q("at least 48"), q("almost four dozen"))
    assert compatible(q("up to 48"), q("at least 48"))
    assert not compatible(q("more than 150"), q("150"))
    assert compatible(q("more than 50"), q("about 50"))
    # a rounded figure stands for what rounds to it; a small count does not
    assert agree_when_rounded(q("$15 million"), q("nearly $15 million"))
    assert agree_when_rounded(q("over 55,000"), q("55,000"))
    assert not agree_when_rounded(q("more than 150"), q("150"))


def test_a_date_with_its_year_is_the_same_date() -> None:
    from compare.differences.dates import same_date

    def date(text):
        (d,) = [
            d
            for d in extract_details(text, Sentence("a", 0, 0, len(text), text, 0, None, ()))
            if d.kind == "date"
        ]
        return d

    assert same_date(date("It met on Feb. 8."), date("It met on Feb. 8, 2017."))
    assert same_date(date("It began in January 2017."), date("It began in January."))
    assert not same_date(date("It met on Feb. 9."), date("It met on Feb. 8, 2017."))
    assert not same_date(date("It began in January 2016."), date("It began in January 2017."))


def test_a_quotation_left_open_ends_at_an_odd_count_of_marks() -> None:
    """A closing mark typed after a space ('lifetime. "') ends the quotation the segmenter left
    open: the next sentence is the outlet's own; two marks closed it and opened another."""
    closed = 'He said it was "an attack on the law. " Officials gave the list of questions on Monday.'
    reopened = 'He said "it was made, "the mayor said. "Officials gave the list of questions on Monday.'
    for text, quoted in ((closed, False), (reopened, True)):
        quotations = (Quotation(0, text.index('"'), len(text), False),)
        start = text.index("Officials")
        sentence = Sentence("a", 1, start, len(text), text[start:], 0, 0, (0,))
        kinds = {d.kind for d in extract_details(text, sentence, quotations)}
        assert ("quote" in kinds) == quoted, text


def test_conflict_over_a_minority_of_members_only_differs():
    from compare.differences.core import minority_conflict
    from compare.differences.members import MemberView
    from compare.model import Detail, Difference

    def view(article, kinds):
        details = tuple(Detail(k, "x", 0, 1) for k in kinds)
        return MemberView(article, details, None, "x", 1, "x", ())

    diff = Difference("number", (("a", "60"), ("b", "50")), True, "a says 60, b says 50", reason="r")
    few = [view("a", ["number"]), view("b", ["number"]), view("c", ["name"]), view("d", [])]
    demoted = minority_conflict(diff, few)
    assert not demoted.conflict and "only 2 of the claim's 4 outlets" in demoted.reason
    most = [view("a", ["number"]), view("b", ["number"]), view("c", ["number"])]
    assert minority_conflict(diff, most).conflict


def test_salience_is_a_probability_and_conflicts_rank_first():
    from compare.differences.members import MemberView
    from compare.differences.salience import listed_probability, rank
    from compare.model import Difference

    members = [MemberView(a, (), None, "x", 1, "x", ()) for a in ("a", "b")]
    words = Difference("quote", (("a", "x"), ("b", "y")), False, "the quoted words differ: a: x")
    lone = Difference("name", (("a", "X"),), False, "only a gives it")
    assert 0 < listed_probability(lone, members) < listed_probability(words, members) < 1
    conflict = rank(Difference("number", (("a", "1"), ("b", "2")), True, "a says 1, b says 2"), members)
    assert conflict.salience == 0.9 and conflict.salience > rank(words, members).salience


def _dated(outlet: str, text: str, published: str | None = None) -> Document:
    doc = segment(make_article(outlet, text, **({"published": published} if published else {})))
    dets = tuple(extract_details(doc.article.text, s, doc.quotations) for s in doc.sentences)
    return Document(doc.article, doc.sentences, doc.quotations, dets, (None,) * len(doc.sentences))


def test_relative_points_of_one_unit_a_unit_apart_conflict() -> None:
    a = _dated("Express", "Two weeks ago, the council hired former harbour master Ivo Marsh as its adviser.")
    b = _dated("Daily Mail", "The council hired former harbour master Ivo Marsh last week as its adviser.")
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "date"]
    assert diff.conflict and "hired" in diff.reason
    # Published a week apart, both name the same week: no conflict.
    a = _dated("Express", "Two weeks ago, the council hired Ivo Marsh as its adviser.", "2024-05-15")
    b = _dated("Daily Mail", "Last week, the council hired Ivo Marsh as its adviser.", "2024-05-08")
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences)
    # Published three days apart, a week blurs either way: in doubt, no conflict.
    b = _dated("Daily Mail", "Last week, the council hired Ivo Marsh as its adviser.", "2024-05-12")
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences)


def test_relative_points_further_apart_or_of_other_units_only_differ() -> None:
    a = _dated("Express", "Three weeks ago, the council hired Ivo Marsh as its adviser.")
    b = _dated("Daily Mail", "Last week, the council hired Ivo Marsh as its adviser.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": False}
    b = _dated("Daily Mail", "Last month, the council hired Ivo Marsh as its adviser.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": False}


def test_a_part_of_the_day_one_outlet_adds_is_a_date_difference() -> None:
    a = document("Express", "The ferry sank on Thursday morning near Hale Point.")
    b = document("Daily Mail", "The ferry sank on Thursday near Hale Point.")
    claim, _ = claim_of(a, b)
    assert kinds(claim) == {"date": False}
    assert dict(claim.differences[0].values) == {"express": "on Thursday morning"}
    c = document("Courier", "The ferry sank on Thursday morning near Hale Point.")
    claim, _ = claim_of(a, c)
    assert claim.differences == ()


def test_a_one_word_name_that_speaks_is_a_person() -> None:
    text = "Voters liked him, Marsh said. But Marsh won the seat with 56 percent of the vote."
    names = [d for d in details(text, "name") if d.text == "Marsh"]
    assert names and all(d.label == "person" for d in names)
    # A word the article writes in lower case is no name, even when it opens "... said".
    text = "Officials said so. Officials in the port and other officials agreed."
    assert all(d.label != "person" for d in details(text, "name"))
    # A contraction that opens "... told" is no speaker's name.
    text = "He smiled. I'm told the port will open, O'Rourke said."
    labels = {d.text: d.label for d in details(text, "name")}
    assert labels.get("I'm") != "person" and labels.get("O'Rourke") == "person"


# ---------------------------------------------------------------- names read wrong on real news (round 9)


def labelled(text: str) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.label, d.key) for d in details(text, "name")]


def test_and_joins_one_organisation_not_two_people() -> None:
    assert texts("Brill Kappel and Tova Marsh debated on Monday.", "name") == ["Brill Kappel", "Tova Marsh"]
    got = labelled("He met Premier Alda Voss and Prime Minister Ines Harlow.")
    assert got == [
        ("Premier Alda Voss", "person", "voss"),
        ("Prime Minister Ines Harlow", "person", "harlow"),
    ]
    # an organisation word on either side keeps "and" inside the name
    assert texts("The Department of Health and Human Services said so.", "name") == [
        "Department of Health and Human Services"
    ]
    got = texts("The Harbour Safety and Works Committee met.", "name")
    assert got == ["Harbour Safety and Works Committee"]


def test_pronoun_i_and_contractions_are_no_names() -> None:
    assert texts("Kathy and I are grateful, Brill Kappel said.", "name") == ["Kathy", "Brill Kappel"]
    assert texts("Tonight I'm here, and We've come far.", "name") == []
    # a contraction inside capitalised words marks a headline in title case
    assert texts("Tova Marsh Announces She's Running For Mayor", "name") == []


def test_for_after_a_person_or_place_ends_the_name() -> None:
    assert texts("Governor Alda Voss for the Liberal nomination spoke.", "name")[0] == "Governor Alda Voss"
    assert texts("He flew to Moscow for the Miss Universe contest.", "name")[0] == "Moscow"
    # one word, or an organisation word, before "for" is one name ("Citizens for Clean Water")
    assert texts("A group, Citizens for Clean Water, sued.", "name") == ["Citizens for Clean Water"]


def test_a_title_word_that_is_the_surname_stays_in_the_name() -> None:
    assert labelled("It was Rep. Steve King of Iowa.")[0] == ("Rep. Steve King", "person", "king")
    assert labelled("Harbour Board Chairman Ola Brant spoke.")[1] == ("Chairman Ola Brant", "person", "brant")


def test_titles_alone_places_and_businesses_are_not_people() -> None:
    assert labelled("The Attorney General said no.") == [("Attorney General", None, "general")]
    assert labelled("The Justice Department said it would appeal.") == [
        ("Justice Department", "organization", "dj")
    ]
    assert labelled("Ships crossed the Middle East and the Persian Gulf.") == [
        ("Middle East", "place", "middle east"),
        ("Persian Gulf", "place", "persian gulf"),
    ]
    assert labelled("She shopped at the Tova Boutique.")[0][1] == "organization"
    text = "Staff said the Norland Embassy was shut; the embassy reopens soon."
    assert labelled(text)[-1][:2] == ("Norland Embassy", "organization")


def test_all_caps_labels_are_not_names() -> None:
    assert texts("UPDATE: Police arrested Brill Kappel.", "name") == ["Police", "Brill Kappel"]
    assert "SECRET" not in texts("The file was marked SECRET, Brill Kappel said.", "name")
    assert texts("The NAACP met.", "name") == ["NAACP"]


def test_a_title_and_a_middle_initial_make_a_surname() -> None:
    # "Kappel" alone is a person once the article writes "President Ola J. Kappel"
    text = "He met President Ola J. Kappel at noon; at one, Kappel left."
    assert labelled(text)[-1] == ("Kappel", "person", "kappel")
    assert labelled("He met Ola at noon; at one, Kappel left.")[-1][1] is None


def test_a_title_opening_the_sentence_stays_in_the_name() -> None:
    text = "President Ola Kappel spoke; the president left."
    assert labelled(text)[0] == ("President Ola Kappel", "person", "kappel")


def test_a_possessive_place_is_a_place() -> None:
    assert labelled("It ends the United States’ part in the war.") == [("United States", "place", "us")]


def test_committee_on_a_subject_is_one_organisation() -> None:
    got = labelled("She spoke before the House Committee on Harbour and Works Reform, Brill Kappel said.")
    assert got[0] == ("House Committee on Harbour and Works Reform", "organization", "chhrw")
    assert labelled("A fellow at the Council on Foreign Relations said so.")[0][1] == "organization"
    # a weekday after "on" is the date of the meeting, not the subject
    assert texts("The Harbour Committee on Monday voted.", "name") == ["Harbour Committee"]


def test_of_after_a_named_person_ends_the_name() -> None:
    text = "Brill Kappel of Tovanet asked. Later Brill Kappel spoke."
    assert texts(text, "name")[:2] == ["Brill Kappel", "Tovanet"]
    # an organisation word keeps "of" inside one name
    assert texts("The Bank of Norland lent it.", "name") == ["Bank of Norland"]


def test_bracketed_words_before_a_name_join_it() -> None:
    text = "He said that (Norland President Ola) Kappel had called."
    assert labelled(text)[-1] == ("President Ola) Kappel", "person", "kappel")
    # an acronym in brackets after the spelled-out name stays apart
    got = texts("The Harbour Safety Board (HSB) Director Ola Kappel spoke.", "name")
    assert got == ["Harbour Safety Board", "HSB", "Director Ola Kappel"]


def test_events_and_laws_are_no_people() -> None:
    assert labelled("He watched the Super Bowl and the World Cup.") == [
        ("Super Bowl", None, "bs"),
        ("World Cup", None, "cw"),
    ]
    assert labelled("He cited the Fifth Amendment.")[0][1] is None


def test_one_word_organisations() -> None:
    assert labelled("He wrote on Twitter that it was over.") == [("Twitter", "organization", "twitter")]
    text = "Kappel told Tovaweek he would go, the Tovaweek magazine reported."
    assert labelled(text)[1][:2] == ("Tovaweek", "organization")
    assert labelled("He sat with Al Qaeda and Al Gore.") == [
        ("Al Qaeda", "organization", "aadeq"),
        ("Al Gore", "person", "gore"),
    ]
    # a name whose spokesman speaks is a group
    text = "Tovacorp declined to comment, a Tovacorp spokesman said."
    assert labelled(text)[0][:2] == ("Tovacorp", "organization")
    # a word the article writes in lower case is none ("time")
    assert labelled("It was Time to go; no time left.") == []


def test_a_possessive_ends_a_surname_run() -> None:
    # "Medicare" in "Brill Kappel’s Medicare ad" is no surname, so alone it is no person
    assert labelled("Brill Kappel’s Medicare ad ran. Medicare grew.")[-1][1] is None
    assert labelled("He named Joseph I. Lieberman.")[0] == ("Joseph I. Lieberman", "person", "lieberman")


def test_a_person_with_a_middle_initial_after_and_is_a_second_name() -> None:
    got = texts("Judges of the Harbour Court of Appeals and Ola J. Kappel of Norland met.", "name")
    assert got[:2] == ["Harbour Court of Appeals", "Ola J. Kappel"]


def test_a_part_of_a_place_and_a_party_adjective_before_a_place() -> None:
    assert labelled("He grew up in South Boston.") == [("South Boston", "place", "south boston")]
    assert labelled("He won heavily Democratic Connecticut.")[0][1] is None


def test_roles_campaigns_and_groups_ending_in_a_common_word() -> None:
    assert labelled("The U.S. Attorney’s office said so.")[0][1] is None
    assert labelled("He gave to Kappel for Governor.")[0][1] == "organization"
    assert labelled("Sen. Angus King of Norland spoke.")[0] == ("Sen. Angus King", "person", "king")
    assert labelled("The ad by Secure Tova Now ran.")[0][1] == "organization"


def test_demonyms_particles_patrols_and_a_person_before_and() -> None:
    assert labelled("North Korean troops moved.")[0][1] is None
    assert texts("It's O.K., Alex van der Kappel said.", "name") == ["Alex van der Kappel"]
    assert labelled("The Norland Highway Patrol came.")[0][1] == "organization"


def test_a_party_member_who_speaks_is_no_person_named() -> None:
    assert labelled("The committee's senior Democrat said so.") == [("Democrat", None, "democrat")]


def test_a_masthead_word_is_no_surname() -> None:
    text = "The National Enquirer ran it. The Enquirer's owner spoke."
    assert [lab for _, lab, _ in labelled(text)] == ["organization", "organization"]


# ---------------------------------------------------------------- round 11


def test_a_range_takes_the_unit_of_its_second_figure() -> None:
    nums = details("The judge may give him 30 to 40 months, and sales rose from 10 to 20 percent.", "number")
    assert [(d.text, d.low, d.high, d.unit) for d in nums][0] == ("30 to 40 months", 30, 40, "months")
    assert [d.text for d in nums][1:] == ["10", "20 percent"]  # "from ... to" is a change


def test_a_maximum_of_and_multimillion_are_figures() -> None:
    (cap,) = details("The charge carries a maximum of two years in jail.", "number")
    assert (cap.text, cap.high, cap.unit) == ("a maximum of two years", 2, "years")
    (suit,) = details("The club filed a multimillion-dollar lawsuit.", "number")
    assert (suit.low, suit.high, suit.label) == (2e6, 9.99e8, "vague")


def test_years_meet_months_as_one_span() -> None:
    a = document("Express", "The baker faces up to four years in prison.")
    b = document("Daily Mail", "Lawyers asked that the baker serve 30 to 40 months in prison.")
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "number"]
    assert not diff.conflict and "vaguer" in diff.note


def test_a_precise_sum_and_the_round_sum_it_rounds_to_are_one_figure() -> None:
    a = document("Express", "The mayor bought a $21,640 silver-plated clock and a rug.")
    b = document("Daily Mail", "The mayor bought a $22,000 clock, a rug and a boat.")
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "number"]
    assert not diff.conflict and "vaguer" in diff.note
    c = document("Courier", "The mayor spent over $500 at a florist.")
    d = document("Ledger", "The mayor spent $512.30 at a florist and $1,874.55 at a bakery.")
    claim, _ = claim_of(c, d)
    (diff,) = [x for x in claim.differences if x.kind == "number"]
    assert dict(diff.values)["ledger"].startswith("$512.30")


def test_rounded_twins_need_money_and_a_precise_figure() -> None:
    from compare.differences.numbers import rounded_twins

    def money(text: str, value: float, unit: str | None = "$") -> Detail:
        return Detail("number", text, 0, 0, text, value, None, None, unit)

    assert rounded_twins(money("$4,272.78", 4272.78), money("$4,000", 4000))
    assert not rounded_twins(money("$3,544.00", 3544), money("over $300", 300))
    assert not rounded_twins(money("$750,000", 750000), money("$700,000", 700000))
    assert not rounded_twins(money("4,272", 4272, None), money("4,000", 4000, None))
    assert not rounded_twins(money("$43,999", 43999), money("$43,000", 43000))  # rounds to $44,000


def test_a_year_as_modifier_meets_a_month_of_that_year() -> None:
    a = document("Express", "The panel asked about a 2019 meeting at the harbour office.")
    b = document(
        "Daily Mail", "The panel asked about a March 2019 meeting at the harbour office with the mayor."
    )
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "date"]
    assert dict(diff.values) == {"express": "2019", "daily-mail": "March 2019"}
    c = document("Courier", "The panel asked about the 2019 vote at the harbour office.")
    d = document("Ledger", "The panel asked about the vote at the harbour office.")
    claim, _ = claim_of(c, d)
    assert not [x for x in claim.differences if x.kind == "date"]


def test_a_date_only_one_outlet_quotes_is_a_date_it_gives() -> None:
    a = document("Express", '"In nine years the pact will lapse," the minister said.')
    b = document("Daily Mail", "The minister said the pact would lapse.")
    claim, _ = claim_of(a, b)
    (diff,) = [d for d in claim.differences if d.kind == "date"]
    assert not diff.conflict and dict(diff.values) == {"express": "In nine years"}


def test_quoted_dates_never_conflict() -> None:
    a = document("Express", '"The ferry sank on Monday," the captain said of the ferry.')
    b = document("Daily Mail", '"The ferry sank on Tuesday," the captain said of the ferry.')
    claim, _ = claim_of(a, b)
    assert not any(d.conflict for d in claim.differences if d.kind == "date")


def test_a_short_quotation_two_outlets_share_is_quoting() -> None:
    a = document("Express", 'The mayor called the lawsuit "reckless" on Monday.')
    b = document("Daily Mail", 'The mayor called the lawsuit "reckless" in a statement.')
    c = document("Courier", "The mayor called the lawsuit reckless.")
    claim, _ = claim_of(a, b, c)
    (diff,) = [d for d in claim.differences if d.kind == "quote"]
    assert diff.note == "courier paraphrases"
    claim, _ = claim_of(a, c)  # one outlet's scare quotes alone do not make a quotation
    assert not [d for d in claim.differences if d.kind == "quote"]


def _names(text: str) -> list[tuple[str, str | None, str]]:
    doc = segment(make_article("Express", text))
    return [
        (d.text, d.label, d.key)
        for s in doc.sentences
        for d in extract_details(doc.article.text, s, doc.quotations)
        if d.kind == "name"
    ]


def test_a_surname_written_first_keys_the_person() -> None:
    found = _names("Leader Kim Jong Un met envoys on Monday. On Tuesday Kim Jong Un left, and Kim waved.")
    assert ("Kim", "person", "kim") in found and ("Kim Jong Un", "person", "kim") in found
    # Two words without a hyphen: "Kim" is a given name.
    assert ("Kim Halloran", "person", "halloran") in _names("The envoy Kim Halloran spoke.")


def test_a_place_that_is_also_a_name() -> None:
    person = _names("The panel met Rep. Tom Jordan on Monday. The talks went well, Jordan said.")
    assert ("Jordan", "person", "jordan") in person
    place = _names("The ministers met in Jordan on Monday, and flew to Puerto Rico and Sacramento.")
    assert {(t, label) for t, label, _ in place} >= {("Jordan", "place"), ("Puerto Rico", "place")}
    assert ("Sacramento", "place") in {(t, label) for t, label, _ in place}


def test_a_phrase_in_title_case_and_a_run_over_two_sentences_are_nobody() -> None:
    found = _names("The aide mocked the Very Serious meetings at the harbour office on Monday.")
    assert not [n for n in found if n[1] == "person"]
    # "Harbourtown. North Korean ..." is two sentences: "Korean" is no surname.
    text = (
        "Athletes met in Harbourtown. North Korean and South Korean athletes walked. "
        "North Korean state media said so."
    )
    assert not [n for n in _names(text) if n[1] == "person"]


def test_wars_speeches_and_doctrines_are_no_people() -> None:
    text = "Veterans of the Harbour War heard of the Rowan Doctrine in the Inaugural Address."
    found = {(t, label) for t, label, _ in _names(text)}
    assert not [t for t, label in found if label == "person"]
    assert ("Harbourline Wireless", "organization") in {
        (t, label) for t, label, _ in _names("Customers of Harbourline Wireless complained.")
    }


def test_an_outlet_naming_itself_is_no_name_difference() -> None:
    a = document("Harbour Times", "A senior official told the Harbour Times that the pier would close.")
    b = document("Daily Mail", "The pier would close, a senior official said.")
    claim, _ = claim_of(a, b)
    assert not [d for d in claim.differences if d.kind == "name"]


def test_a_title_case_headline_names_only_what_the_article_names() -> None:
    from compare.details import headline_only

    text = "Harbour Board Vote to Close Pier Angers Some Fishermen\n\nThe Harbour Board voted on Monday."
    doc = segment(make_article("Express", *text.split("\n\n")))
    found = [extract_details(doc.article.text, s, doc.quotations) for s in doc.sentences]
    names = [d for ds in found for d in ds if d.kind == "name"]
    junk = [d.text for d in names if headline_only(doc.article.text, d)]
    assert "Close Pier Angers Some Fishermen" in junk
    assert [d.text for d in names if not headline_only(doc.article.text, d)] == ["Harbour Board"]
    a = Document(doc.article, doc.sentences, doc.quotations, tuple(found))
    b = document("Daily Mail", "The harbour board voted to close the pier.")
    claim, _ = claim_of(a, b)
    assert not [d for d in claim.differences if d.kind == "name"]


def test_could_of_perception_is_no_hedge() -> None:
    found = details("She could see the boats, and the pier could close.", "hedge")
    assert [(d.text, d.start) for d in found] == [("could", 38)]  # "the pier could close"


# ---------------------------------------------------------------- shared surnames


def test_a_lone_given_name_before_and_shares_the_surname_that_follows() -> None:
    assert labelled("The aide wrote that Tova and Lena Kappel should smile more.") == [
        ("Tova", "person", "kappel"),
        ("Lena Kappel", "person", "kappel"),
    ]
    # Inside a longer name, after "the", a repeated word or a capitalised suffix: no sharing.
    assert ("Budget", None, "budget") in labelled("The Centre on Budget and Policy Norms said so.")
    assert labelled("He saw the Housing and Urban Renewal plan.")[0] == ("Housing", None, "housing")
    assert labelled("She studied at Norland and Norland Law.")[0] == ("Norland", None, "norland")
    assert labelled("He worked at Glovan and Pereo PC last year.")[0][1] != "person"


def test_two_members_naming_the_same_two_sisters_in_another_order_differ_in_no_name() -> None:
    a = document("Express", "The aide mocked Tova and Lena Kappel at the fair on Friday.")
    b = document("Daily Mail", "On Friday the aide mocked Lena and Tova Kappel at the fair.")
    claim, _ = claim_of(a, b)
    assert "name" not in kinds(claim)
    c = document("Daily Mail", "On Friday the aide mocked Lena Kappel at the fair.")
    d = document("Express", "The aide mocked Tova Kappel at the fair on Friday.")
    claim, _ = claim_of(c, d)
    assert "name" in kinds(claim)  # one sister against the other is a difference


def test_a_given_name_ending_in_s_opens_a_sentence() -> None:
    """Round 12: "James B. Comey" opening a sentence lost "James" as a common plural, so the
    outlet seemed to name him with another given name ("B.") than the others."""
    assert ("James R. Holloway", "person", "holloway") in _names("James R. Holloway, the envoy, left.")
    assert ("Charles Pemberly", "person", "pemberly") in _names("Charles Pemberly said no on Monday.")
    assert ("Lucas T. Hale", "person", "hale") in _names("Lucas T. Hale declined to comment.")
    # a capitalised plural opening the sentence is still a common word
    assert not [n for n in _names("Firefighters Ana Ruiz and Tom Bell arrived.") if n[0].startswith("Fire")]


def test_one_quotation_transcribed_twice_is_no_quote_difference() -> None:
    """Round 12: a name spelled otherwise inside an editor's bracket, or an "and" one outlet adds
    to a list, made the same quotation a quote difference."""
    said = '"Nobody knows what is going on, and now it looks like ({}) will win the port," Ruiz said.'
    a = document("Express", said.format("harbour chief Mohammed al-Rashidi"))
    b = document("Courier", said.format("harbour chief Muhammad Rashidi"))
    claim, _ = claim_of(a, b)
    assert "quote" not in kinds(claim)
    a = document("Express", '"Ann Lee, Tom Bell, Jo Park, the mayor have nothing on Kit," Ruiz said.')
    b = document("Courier", '"Ann Lee, Tom Bell, Jo Park and the mayor have nothing on Kit," Ruiz said.')
    claim, _ = claim_of(a, b)
    assert "quote" not in kinds(claim)
    # other words, or a negation, still differ
    c = document("Courier", '"Ann Lee, Tom Bell, Jo Park and the mayor have nothing on Sam," Ruiz said.')
    assert "quote" in kinds(claim_of(a, c)[0])
    d = document("Courier", '"Ann Lee, Tom Bell, Jo Park, the mayor have not nothing on Kit," Ruiz said.')
    assert "quote" in kinds(claim_of(a, d)[0])


def test_a_nickname_in_quotation_marks_is_no_quotation() -> None:
    """Round 12: William "Bo" Carter's nickname was a quotation, and two outlets writing it made a
    quote difference against a third."""
    assert texts('The governor picked William "Bo" Carter for the seat.', "quote") == []
    assert texts('The governor called it "Bo" in a speech.', "quote") == ["Bo"]
    assert texts('Carter said "Yes" to the offer.', "quote") == ["Yes"]


def test_a_shorter_excerpt_and_a_replaced_word_still_differ() -> None:
    a = document("Express", '"I went too far with the harbour plan," Ruiz said.')
    b = document("Courier", 'Ruiz said he "went too far with the harbour plan."')
    assert "quote" in kinds(claim_of(a, b)[0])
    a = document("Express", '"Why would the mayor not do that for the port?" Ruiz said.')
    b = document("Courier", '"Why would the mayor not do it for the port?" Ruiz said.')
    assert "quote" in kinds(claim_of(a, b)[0])
    assert [n[1] for n in _names("He met Middle Eastern envoys on Monday.")] == [None]


def test_a_word_with_another_ending_in_a_quotation_still_differs() -> None:
    a = document("Express", '"The mayor raised the harbour fees thing and said it bothered him," Ruiz said.')
    b = document("Courier", '"The mayor raised the harbour fee thing and said it bothered him," Ruiz said.')
    assert "quote" in kinds(claim_of(a, b)[0])


def test_a_verb_opening_a_sentence_is_no_given_name() -> None:
    """Round 12: "Praising Ana Ruiz, ..." named a person "Praising Ana Ruiz"."""
    assert ("Ana Ruiz", "person", "ruiz") in _names("Praising Ana Ruiz, the mayor thanked the crews.")
    assert ("Ana Ruiz", "person", "ruiz") in _names("Attacking Ana Ruiz was easy for him.")
    # a surname the article uses, or a place, still opens a name
    found = _names("The clerk Tom Manning arrived. Manning Holloway said no. Wyoming Senate leaders met.")
    assert ("Manning Holloway", "person", "holloway") in found
    assert any(n[0] == "Wyoming Senate" for n in found)
    assert ("Fleeting Street", "place", "fleeting street") in _names("Fleeting Street was closed.")


def test_a_party_label_after_a_place_of_two_words_is_no_name_difference() -> None:
    """Round 12: "the South Carolina Republican" was someone only one outlet names."""
    a = document("Express", "The South Carolina Republican defended the harbour vote in the chamber.")
    b = document("Daily Mail", "The congresswoman defended the harbour vote in the chamber.")
    assert "name" not in kinds(claim_of(a, b)[0])
    c = document("Courier", "Senator Ana Ruiz, a Republican, defended the harbour vote in the chamber.")
    assert "name" in kinds(claim_of(c, b)[0])  # a person beside a party label is still named


def test_dc_is_a_place() -> None:
    """Round 12: "Washington, D.C." made "D.C." an organisation only one outlet names."""
    found = _names("The senator will run in the Washington, D.C., primary next week.")
    assert ("D.C.", "place") in [(n[0], n[1]) for n in found]
    a = document("Express", "The senator will run in the Washington, D.C., primary next week.")
    b = document("Courier", "The senator will run in the primary here in Washington next week.")
    assert "name" not in kinds(claim_of(a, b)[0])


def test_an_agency_named_by_what_it_does_is_one_organisation() -> None:
    """Round 12: "U.S. Customs and Border Protection" was read as two people."""
    found = _names("Agents of U.S. Customs and Border Protection closed the crossing on Monday.")
    assert [(n[0], n[1]) for n in found] == [("U.S. Customs and Border Protection", "organization")]
    found = _names("Officers of Immigration and Customs Enforcement met the mayor.")
    assert [(n[0], n[1]) for n in found] == [("Immigration and Customs Enforcement", "organization")]


def test_gardens_spanish_place_names_and_peoples_are_no_persons() -> None:
    """Round 12: "Rose Garden", "San Ysidro" and "Central Americans" were read as people."""
    text = "At the Lily Garden, he spoke of San Marcelo and of Central Americans."
    labels = {n[0]: n[1] for n in _names(text)}
    paper = _names("He wrote for the Las Palmas Times.")
    assert ("Las Palmas Times", "organization") in [(n[0], n[1]) for n in paper]
    assert labels == {"Lily Garden": "place", "San Marcelo": "place", "Central Americans": None}


def test_a_headline_the_body_repeats_names_only_what_the_article_names() -> None:
    """Round 12: a body opening with its headline again made the repeat's title-case words names."""
    from compare.details import headline_only

    head = "Harbour Board Vote to Close Pier Angers Some Fishermen"
    doc = segment(make_article("Express", head, head, "The Harbour Board voted on Monday."))
    found = [d for s in doc.sentences for d in extract_details(doc.article.text, s, doc.quotations)]
    names = [d for d in found if d.kind == "name"]
    kept = [d.text for d in names if not headline_only(doc.article.text, d)]
    assert "Close Pier Angers Some Fishermen" not in kept and "Harbour Board" in kept
