"""The Markdown view: untrusted article text and metadata cannot break the layout or inject links."""

from __future__ import annotations

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
    assert out.index("## Conflicts") < out.index("## Claims")
