"""The Markdown view: untrusted article text and metadata cannot break the layout or inject links."""

from __future__ import annotations

import re

from builders import make_article

from compare import compare, render
from compare.report.markdown import _link_target


def test_links_only_http_urls():
    assert _link_target("https://example.org/a_(b)") == "<https://example.org/a_(b)>"
    assert _link_target("javascript:alert(1)") is None
    assert _link_target("https://x.org/a b") is None
    assert _link_target(None) is None


def test_markup_in_articles_is_escaped_and_conflicts_come_first():
    a = make_article(
        "Harbour Post",
        "Sixty people left the *burning* ferry on Thursday.",
        "The | harbour <b>master</b> praised the crew.",
        title="Ferry [fire]",
        url="javascript:alert(1)",
    )
    b = make_article("Valley Courier", "Fifty people left the burning ferry on Wednesday.")
    out = render(compare([a, b]), "markdown")
    assert "\\*burning\\*" in out and "\\<b\\>" in out and "The \\| harbour" in out
    assert "javascript:" not in out
    assert out.index("## At a glance") < out.index("**Conflicts:**") < out.index("## Claims")


def test_every_metadata_field_is_escaped_and_stays_in_its_cell():
    a = make_article(
        "Evil | Outlet\u202e",
        "The council approved the new budget on Monday after a long debate.",
        title="Line one\n| broken | table",
        url="https://example.org/a|b",
        published="<script>alert(1)</script>\n| x |",
    )
    b = make_article("Valley Courier", "The council approved the budget on Monday after a long debate.")
    out = render(compare([a, b]), "markdown")
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\u202e" not in out and "\\<U+202E\\>" in out
    row = next(line for line in out.splitlines() if line.startswith("| Evil"))
    # Six cells: every pipe inside a field is escaped (or percent-encoded in the link).
    assert len(re.findall(r"(?<!\\)\|", row)) == 9, row
    assert "<https://example.org/a%7Cb>" in row


def test_brief_is_the_glance_alone():
    a = make_article("Harbour Post", "Sixty people left the burning ferry on Thursday.")
    b = make_article("Valley Courier", "Fifty people left the burning ferry on Wednesday.")
    out = render(compare([a, b]), "markdown", brief=True)
    assert "## At a glance" in out and "## Claims" not in out and "**Conflicts:**" in out
