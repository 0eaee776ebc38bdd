"""``escape_text`` (the HTML report's escaping of article text) writes what markupsafe writes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from compare.report.htmlreport import escape_text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&'\"ab ;#“”’\u202e\x00é") | st.characters(), max_size=60))
def test_escape_text_is_markupsafe_escape(text: str) -> None:
    assert escape_text(text) == str(escape(text))


def test_escape_text_on_every_special_character() -> None:
    text = "a<b>c&d'e\"f&amp;&#39;<script>"
    assert (
        escape_text(text)
        == str(escape(text))
        == "a&lt;b&gt;c&amp;d&#39;e&#34;f&amp;amp;&amp;#39;&lt;script&gt;"
    )
