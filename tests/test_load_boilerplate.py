"""Page furniture stays out of the article text, in every input format; prose that merely
mentions cookies, subscribers, photographs or Reuters stays in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare import compare
from compare.load import load_file
from compare.load.boilerplate import is_boilerplate, strip_boilerplate

STORY = [
    "Floodwater reached the reading room of the Millbrook library on Sunday night.",
    "Staff moved 4,000 books to the upper floor before the river peaked, the librarian said.",
    "The building will stay closed until the end of the month.",
]

# A blog post saved from a browser: share counts on lines of their own at the top, furniture
# between the paragraphs.
SAVED_POST = """0
1077

Library flooded as river rises

Share
Tweet
Email

{}

Advertisement

Photo: Jane Doe/Getty Images

{}

Read more: Council to vote on flood defences
Subscribe to our newsletter for the day's news in your inbox.

{}

We use cookies to improve your experience. By continuing you agree.
Accept all
Home | News | Sport | Weather
""".format(*STORY)


@pytest.mark.parametrize(
    "line",
    [
        "0",
        "1077",
        "1.2K",
        "12 shares",
        "Share Tweet Email",
        "Share on Facebook",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Photo: Jane Doe/Getty Images",
        "(Photo by Jane Doe/AFP via Getty Images)",
        "Image copyright Reuters",
        "© Harbour Gazette",
        "Read more: Council to vote on flood defences",
        "READ MORE",
        "Related: Five things to know about the flood",
        "Related articles",
        "Most read",
        "Subscribe to our newsletter for the day's news in your inbox.",
        "Sign up for our morning briefing newsletter",
        "Already a subscriber? Sign in",
        "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
        "This website uses cookies.",
        "Accept all",
        "Manage preferences",
        "Skip to content",
        "Home | News | Sport | Weather",
        "Home > News > Local",
        "[Read more](https://example.org/x)",
        "## Related",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        *STORY,
        "Related charges were filed on Monday.",
        "More than 200 people attended the meeting.",
        "Watch officials said they would review the footage.",
        "Subscribers to the service rose 12 percent last year, the company said.",
        "The EU's cookie rules, which took effect in 2012, require websites to ask users first.",
        "Photographs taken by residents showed water up to the windows.",
        "He told Reuters the talks would resume on Friday.",
        "Share prices fell 3 percent in early trading.",
        "Register of deeds officials said the account was closed.",
        "The vote was 4 | 3 in favour, with one abstention.",
        "Home Secretary Jane Doe visited the town on Monday.",
        "2,000 residents were evacuated.",
        "“Read more books,” the librarian urged the children.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_text_without_furniture_is_returned_unchanged() -> None:
    text = "Title\n\n" + "\n\n".join(STORY) + "\n"
    assert strip_boilerplate(text) is text


def test_saved_post_txt(tmp_path: Path) -> None:
    path = tmp_path / "valley-blog.txt"
    path.write_text(SAVED_POST, encoding="utf-8")
    (art,) = load_file(str(path))
    assert art.title == "Library flooded as river rises"
    assert art.text[art.body_start :] == "\n\n".join(STORY) + "\n"
    document = compare([art]).documents[0]
    assert document.sentences[0].text == STORY[0]  # not "0 1077"


def test_markdown_and_json_inputs(tmp_path: Path) -> None:
    md = tmp_path / "post.md"
    md.write_text("---\noutlet: Valley Blog\n---\n" + SAVED_POST, encoding="utf-8")
    (from_md,) = load_file(str(md))
    js = tmp_path / "post.json"
    js.write_text(json.dumps({"outlet": "Valley Blog", "text": SAVED_POST}), encoding="utf-8")
    (from_json,) = load_file(str(js))
    for art in (from_md, from_json):
        for bad in (
            "1077",
            "Advertisement",
            "Getty",
            "Read more",
            "Subscribe",
            "cookies",
            "Accept all",
            "Home |",
        ):
            assert bad not in art.text, (art.source, bad)
        for sentence in STORY:
            assert sentence in art.text


def test_html_page_in_plain_markup(tmp_path: Path) -> None:
    paras = "".join(f"<p>{line}</p>" for line in SAVED_POST.split("\n") if line.strip())
    title = "<title>Library flooded as river rises</title>"
    page = f"<html><head>{title}</head><body><div>{paras}</div></body></html>"
    path = tmp_path / "valley-blog.html"
    path.write_text(page, encoding="utf-8")
    (art,) = load_file(str(path))
    assert art.text == "\n\n".join(STORY)
