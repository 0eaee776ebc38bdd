"""Outlets that show the same wording are named together, in every view, and a difference whose
values all look alike says what differs (who gives it, or its note)."""

from __future__ import annotations

import dataclasses
import json

from test_report_differences import OUTLETS, with_differences

from compare import render
from compare.model import Difference
from compare.report.labels import SAME_WORDING, difference_line
from compare.report.markdown import render_markdown
from compare.report.terminal import render_text

TWO_ALIKE = Difference(
    "date",
    (("harbour-gazette", "Thursday"), ("daily-ledger", "Thursday")),
    False,
    "only harbour-gazette, daily-ledger give it",
    salience=0.6,
    salience_reason="a date only some give",
)
ALL_ALIKE = Difference(
    "date",
    (("harbour-gazette", "Thursday"), ("daily-ledger", "Thursday"), ("evil", "Thursday")),
    False,
    "daily-ledger dates the fire, harbour-gazette the rescue",
    salience=0.6,
)
SPLIT = Difference(
    "date",
    (("harbour-gazette", "on Friday"), ("daily-ledger", "Thursday"), ("evil", "on Friday")),
    False,
    salience=0.6,
    salience_reason="the dates differ",
)


def test_groups_put_equal_wordings_together_in_order_of_first_appearance():
    line = difference_line(SPLIT, with_differences(SPLIT).claims[0], OUTLETS)
    assert line.values == SPLIT.values  # the values themselves are kept, one per outlet
    assert line.groups == ((("harbour-gazette", "evil"), "on Friday"), (("daily-ledger",), "Thursday"))


def test_alike_values_say_who_gives_them_or_what_differs():
    line = difference_line(TWO_ALIKE, with_differences(TWO_ALIKE).claims[0], OUTLETS)
    assert line.groups == ((("harbour-gazette", "daily-ledger"), "Thursday"),)
    assert line.absent == ("evil",) and line.why == "a date only some give"
    line = difference_line(ALL_ALIKE, with_differences(ALL_ALIKE).claims[0], OUTLETS)
    # Every outlet shows "Thursday": the note, with outlet names, says what differs.
    assert line.why == "Daily Ledger dates the fire, Harbour Gazette the rescue"
    bare = dataclasses.replace(ALL_ALIKE, note="")
    assert difference_line(bare, with_differences(bare).claims[0], OUTLETS).why == SAME_WORDING


def test_every_view_names_the_outlets_of_one_wording_together():
    c = with_differences(TWO_ALIKE)
    text = render_text(c, width=200)
    assert (
        "differs date: Harbour Gazette, Daily Ledger: Thursday | not given by Evil & Co <b>bold</b>" in text
    )
    assert "Harbour Gazette: Thursday" not in text
    md = render_markdown(c)
    assert "Harbour Gazette, Daily Ledger: “Thursday”; not given by Evil" in md
    html = render(c, "html")
    item = (
        '<span class="dv"><bdi class="dvo">Harbour Gazette</bdi>, <bdi class="dvo">Daily Ledger</bdi>'
        " <bdi>“Thursday”</bdi></span>"
    )
    assert item in html
    # Escaped where a grouped outlet name is hostile.
    hostile = with_differences(ALL_ALIKE)
    html = render(hostile, "html")
    assert '<bdi class="dvo">Evil &amp; Co &lt;b&gt;bold&lt;/b&gt;</bdi> <bdi>“Thursday”</bdi>' in html
    assert "Daily Ledger, Evil \\& Co \\<b\\>bold\\</b\\>: “Thursday”" in render_markdown(hostile)


def test_json_keeps_one_value_per_outlet():
    out = json.loads(render(with_differences(TWO_ALIKE), "json"))
    diff = out["claims"][0]["differences"][0]
    assert diff["values"] == {"harbour-gazette": "Thursday", "daily-ledger": "Thursday"}
