"""The views sort a claim's differences by salience and fold the minor ones (issue 11); the JSON
keeps every difference in the pipeline's order."""

from __future__ import annotations

import dataclasses
import json

from test_report_html import hand_comparison

from compare import render
from compare.differences.salience import MINOR_BELOW
from compare.model import Comparison, Difference
from compare.report.labels import ranked_differences


def _diff(kind: str, value: str, salience: float, conflict: bool = False) -> Difference:
    return Difference(
        kind,
        (("harbour-gazette", value), ("daily-ledger", value + "!")),
        conflict,
        salience=salience,
        salience_reason=f"reason for <{kind}>",
    )


def _with_differences(*diffs: Difference) -> Comparison:
    c = hand_comparison()
    first = dataclasses.replace(c.claims[0], differences=diffs)
    return dataclasses.replace(c, claims=(first, *c.claims[1:]))


DIFFS = (
    _diff("quote", "quoted words", 0.25),
    _diff("number", "sixty", 0.5),
    _diff("name", "Reyes", 0.3),
    _diff("date", "Thursday", 0.85, conflict=True),
    _diff("hedge", "reportedly", 0.2, conflict=True),  # a conflict is never minor
)


def test_ranked_differences_sorts_by_salience_and_splits_the_minor_ones() -> None:
    claim = _with_differences(*DIFFS).claims[0]
    shown, minor = ranked_differences(claim)
    assert [d.kind for d in shown] == ["date", "number", "hedge"]
    assert [d.kind for d in minor] == ["name", "quote"]
    assert all(d.salience < MINOR_BELOW and not d.conflict for d in minor)


def test_markdown_and_terminal_fold_the_minor_differences_after_the_others() -> None:
    c = _with_differences(*DIFFS)
    md = render(c, "markdown")
    head = md.index("minor differences (2):")
    assert md.index("conflict (date)") < md.index("differs (number)") < head
    assert head < md.index("- name: ") < md.index("- quote: ")
    text = render(c, "text", width=120)
    head = text.index("minor differences (2):")
    assert text.index("conflict date") < text.index("differs number") < head < text.index("name: Harbour")


def test_html_folds_the_minor_differences_in_a_details_block_with_escaped_reasons() -> None:
    html = render(_with_differences(*DIFFS), "html")
    block = html[html.index('<details class="minor">') : html.index("</details>")]
    assert "minor differences (2)" in block
    assert "Reyes" in block and "quoted words" in block and "sixty" not in block
    assert 'title="reason for &lt;number&gt;"' in html and "reason for <number>" not in html


def test_json_keeps_every_difference_in_the_pipeline_order() -> None:
    data = json.loads(render(_with_differences(*DIFFS), "json"))
    claim = next(c for c in data["claims"] if c["id"] == "c1")
    assert [d["kind"] for d in claim["differences"]] == [d.kind for d in DIFFS]
