"""Reading articles: formats, metadata, encodings, offsets, and clean errors for bad input."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from compare.errors import BadFormat, EmptyArticle, StorydiffError, UnreadableArticle, UsageError
from compare.load import (
    load_articles,
    load_file,
    normalise_text,
    outlet_from_name,
    read_text,
    site_name,
    slugify,
    unique_ids,
)
from compare.load.folder import article_files
from compare.model import Article, Options

BODY = "The council approved the budget on Tuesday. Taxes will rise by 3.5 percent."

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tram depot fire halts services | The Valley Courier</title>
{site}
<meta property="og:title" content="Tram depot fire halts services">
{date}
<link rel="canonical" href="https://valleycourier.example/news/tram-depot-fire">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe now for just $1 a week</a></li></ul></nav></header>
<main><article>
<h1>Tram depot fire halts services</h1>
<p>A fire at the Eastgate tram depot stopped all services on the northern line on Thursday
morning, the transit authority said.</p>
<p>Crews from three stations fought the blaze for about two hours. No one was injured,
according to the fire brigade.</p>
<p>“We expect the line to reopen by Saturday,” said operations chief Dana Whitlow.
Replacement buses run every 10 minutes.</p>
</article></main>
<footer><p>© 2022 The Valley Courier Ltd. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
</body></html>
"""
SITE = '<meta property="og:site_name" content="The Valley Courier">'
DATE = '<meta property="article:published_time" content="2024-03-14T08:30:00Z">'

NO_BODY_PAGE = """<!DOCTYPE html><html><head><title>Page not found | The Valley Courier</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<footer>© 2022 The Valley Courier Ltd.</footer></body></html>
"""


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return str(path)


def one(path: str, **options) -> Article:
    (article,) = load_file(path, Options(**options))
    return article


def body_of(article: Article) -> str:
    return article.text[article.body_start :]


# --- plain text --------------------------------------------------------------------------------


def test_txt_title_line_then_body(tmp_path: Path) -> None:
    art = one(write(tmp_path / "daily-mail.txt", f"Budget passes\n\n{BODY}\n"))
    assert art.title == "Budget passes"
    assert art.id == "daily-mail"
    assert art.outlet == "Daily Mail"
    assert body_of(art) == BODY + "\n"
    assert art.source.endswith("daily-mail.txt")


def test_txt_without_blank_line_has_no_title(tmp_path: Path) -> None:
    art = one(write(tmp_path / "x.txt", f"{BODY}\nSecond line of the same paragraph.\n"))
    assert art.title is None and art.body_start == 0


@pytest.mark.parametrize(
    ("stem", "outlet"),
    [
        ("usa-today", "USA Today"),
        ("huffpost", "HuffPost"),
        ("new_york_times", "New York Times"),
        ("bbc-news", "BBC News"),
        ("the-guardian", "The Guardian"),
        ("cnn-politics", "CNN Politics"),
        ("wsj", "WSJ"),  # any outlet in compare/outlets.py keeps its spelling
        ("huffpost-politics", "HuffPost Politics"),
        ("nyt", "New York Times"),  # an alias
        ("rt", "RT"),  # not "RTÉ", whose slug is also "rt"
    ],
)
def test_outlet_from_file_name(stem: str, outlet: str) -> None:
    assert outlet_from_name(stem) == outlet


def test_slugify() -> None:
    assert slugify("The Daily Mail!") == "the-daily-mail"
    assert slugify("***") == "article"


def test_title_only_file_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyArticle, match="has a title but no article text"):
        load_file(write(tmp_path / "t.txt", "Just a headline\n\n"))


def test_punctuation_only_file_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyArticle, match="no article text"):
        load_file(write(tmp_path / "t.txt", "* * *\n---\n"))


# --- encodings and whitespace ------------------------------------------------------------------


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    art = one(write(tmp_path / "a.txt", "\ufeff".encode() + BODY.encode()))
    assert art.text == BODY


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    art = one(
        write(tmp_path / "a.txt", b"Budget passes\r\n\r\nFirst line.\r\nSecond line.\r\n\r\nNew para.\r\n")
    )
    assert art.title == "Budget passes"
    assert "\r" not in art.text
    assert body_of(art) == "First line.\nSecond line.\n\nNew para.\n"


def test_unicode_spaces_fold_one_for_one() -> None:
    raw = "Mr.\u00a0Smith paid £5\u202f000 on 3\u2009May.\u2028Next\u3000line."
    text = normalise_text(raw)
    assert len(text) == len(raw)
    assert text == "Mr. Smith paid £5 000 on 3 May.\nNext line."
    # Every character stays where it was, so offsets into the raw text still point at the same words.
    assert text.index("Smith") == raw.index("Smith")


def test_no_break_spaces_keep_offsets_in_loaded_text(tmp_path: Path) -> None:
    raw = "Gov.\u00a0Ada Reyes said the 2\u00a0bridges would close.\n"
    art = one(write(tmp_path / "a.txt", raw))
    assert art.text == raw.replace("\u00a0", " ")
    assert art.text.index("Reyes") == raw.index("Reyes")


def test_cp1252_file_is_detected(tmp_path: Path) -> None:
    text = "The mayor’s café will reopen on Monday — “we are delighted,” she said."
    art = one(write(tmp_path / "a.txt", text.encode("cp1252")))
    assert art.text == text


def test_latin1_file_is_detected(tmp_path: Path) -> None:
    text = "Résumé of the Müller case: a £5,000 fine and costs were ordered."
    art = one(write(tmp_path / "a.txt", text.encode("latin-1")))
    assert art.text == text


def test_cyrillic_legacy_file_is_not_forced_into_cp1252(tmp_path: Path) -> None:
    text = "Привет, мир! Это новости дня. Совет утвердил бюджет города на следующий год."
    art = one(write(tmp_path / "a.txt", text.encode("cp1251")))
    assert art.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    art = one(write(tmp_path / "a.txt", BODY.encode("utf-16")))
    assert art.text == BODY


def test_utf16_without_bom_is_binary_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY.encode("utf-16-le"))
    with pytest.raises(UnreadableArticle) as info:
        load_file(path)
    assert str(info.value) == f"{path}: looks like a binary file, not text (try --encoding utf-16-le)"
    assert one(path, encoding="utf-16-le").text == BODY


def test_forced_encoding_still_refuses_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 4)
    with pytest.raises(UnreadableArticle, match=r"looks like a binary file, not text$"):
        load_file(path, Options(encoding="latin-1"))


def test_encoding_override(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Ã© is what UTF-8 é looks like in latin-1.".encode())
    assert one(path).text.startswith("Ã©")
    assert one(path, encoding="latin-1").text.startswith("Ã\x83Â©")


def test_forced_utf8_drops_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeff".encode() + BODY.encode())
    assert one(path, encoding="UTF8").text == BODY


def test_encoding_override_that_does_not_fit(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "café".encode("latin-1"))
    with pytest.raises(UnreadableArticle, match=r"cannot be decoded as utf-8 \(byte 0xe9 at offset 3\)"):
        load_file(path, Options(encoding="utf-8"))


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        load_file(path, Options(encoding="klingon"))


def test_read_text_returns_raw_decoded_text(tmp_path: Path) -> None:
    assert read_text(write(tmp_path / "a.txt", "x\r\ny")) == "x\r\ny"


# --- bad files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "error", "message"),
    [
        ("empty.txt", b"", EmptyArticle, "is empty"),
        ("blank.txt", b"  \n\n\t\n", EmptyArticle, "is empty"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            UnreadableArticle,
            "looks like a binary file",
        ),
        ("controls.txt", bytes(range(1, 9)) * 20, UnreadableArticle, "looks like a binary file"),
        ("report.pdf", b"%PDF-1.4 text", UnreadableArticle, "unsupported file type '.pdf'"),
        ("README", b"text", UnreadableArticle, "unsupported file type '(no extension)'"),
        ("empty.html", b"", EmptyArticle, "is empty"),
        ("empty.json", b"", EmptyArticle, "is empty"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, error: type, message: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(error) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    with pytest.raises(UnreadableArticle) as info:
        load_file(path)
    assert str(info.value) == f"{path}: no such file"


def test_unexpanded_glob_is_explained(tmp_path: Path) -> None:
    path = str(tmp_path / "*.txt")
    with pytest.raises(UnreadableArticle) as info:
        load_file(path)
    assert str(info.value) == f"{path}: no such file (the pattern matched no files)"


def test_missing_file_with_odd_extension_is_missing_not_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableArticle, match="no such file"):
        load_file(str(tmp_path / "nope.docx"))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableArticle) as info:
        load_file(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a directory, not an article file (pass the files inside it)"


def test_load_articles_reads_a_folder_of_articles_in_name_order(tmp_path: Path) -> None:
    write(tmp_path / "b-daily.txt", BODY)
    write(tmp_path / "a-herald.md", BODY)
    write(tmp_path / "meta.json", "{}")
    write(tmp_path / ".draft.txt", BODY)
    write(tmp_path / "cover.png", "not an image")
    (tmp_path / "old").mkdir()
    write(tmp_path / "old" / "c.txt", BODY)
    arts = load_articles([tmp_path])
    assert [a.source for a in arts] == [str(tmp_path / "a-herald.md"), str(tmp_path / "b-daily.txt")]


def test_article_files_of_an_empty_folder_name_it(tmp_path: Path) -> None:
    with pytest.raises(UnreadableArticle) as info:
        article_files(str(tmp_path))
    message = str(info.value)
    assert message.startswith(f"{tmp_path}: is a folder with no article files in it (storydiff reads .txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_is_kept_so_reading_names_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert article_files(str(tmp_path)) == (str(tmp_path / "pipe.txt"),)
    with pytest.raises(UnreadableArticle, match="pipe.txt: is a FIFO"):
        load_articles([tmp_path])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    os.chmod(path, 0)
    try:
        with pytest.raises(UnreadableArticle, match="cannot be read"):
            load_file(path)
    finally:
        os.chmod(path, 0o644)


def test_errors_are_storydiff_errors() -> None:
    for cls in (BadFormat, EmptyArticle, UnreadableArticle, UsageError):
        assert issubclass(cls, StorydiffError)


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = (
        "---\noutlet: The Valley Courier\ntitle: Budget passes\npublished: 2024-03-14\n"
        "url: https://example.org/budget\n---\n" + BODY + "\n"
    )
    art = one(write(tmp_path / "courier.md", md))
    assert (art.outlet, art.title, art.published, art.url) == (
        "The Valley Courier",
        "Budget passes",
        "2024-03-14",
        "https://example.org/budget",
    )
    assert art.id == "courier"
    assert art.text.strip() == BODY


def test_markdown_front_matter_date_time_is_iso(tmp_path: Path) -> None:
    md = "---\npublished: 2024-03-14T11:05:00Z\n---\n" + BODY
    assert one(write(tmp_path / "a.md", md)).published == "2024-03-14T11:05:00+00:00"


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    art = one(write(tmp_path / "a.md", f"# Budget passes\n\n{BODY}\n"))
    assert art.title == "Budget passes"
    assert body_of(art).strip() == BODY
    assert art.outlet == "A"


def test_markdown_front_matter_with_crlf_and_bom(tmp_path: Path) -> None:
    md = "\ufeff---\r\noutlet: Harbour Post\r\n---\r\n" + BODY + "\r\n"
    art = one(write(tmp_path / "a.md", md.encode()))
    assert art.outlet == "Harbour Post"
    assert art.text.strip() == BODY


def test_markdown_malformed_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\noutlet: [unclosed\n---\n" + BODY)
    with pytest.raises(BadFormat, match="malformed front matter"):
        load_file(path)


def test_markdown_front_matter_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\n- just\n- a list\n---\n" + BODY)
    with pytest.raises(BadFormat, match="front matter is not a mapping"):
        load_file(path)


# --- JSON and JSONL ----------------------------------------------------------------------------


def test_json_article(tmp_path: Path) -> None:
    record = {
        "text": BODY,
        "outlet": "Harbour Post",
        "title": "Budget passes",
        "published": "2024-03-14",
        "url": "https://example.org/b",
    }
    art = one(write(tmp_path / "feed.json", json.dumps(record)))
    assert (art.id, art.outlet, art.title, art.published, art.url) == (
        "harbour-post",
        "Harbour Post",
        "Budget passes",
        "2024-03-14",
        "https://example.org/b",
    )
    assert art.text == BODY


@pytest.mark.parametrize(
    ("record", "ident", "outlet"),
    [
        ({"text": BODY, "id": "hp-1", "outlet": "Harbour Post"}, "hp-1", "Harbour Post"),
        ({"text": BODY, "outlet": "Harbour Post"}, "harbour-post", "Harbour Post"),
        ({"text": BODY}, "daily-ledger", "Daily Ledger"),
    ],
    ids=["id-field", "outlet", "file-name"],
)
def test_json_id_and_outlet_precedence(tmp_path: Path, record: dict, ident: str, outlet: str) -> None:
    art = one(write(tmp_path / "daily-ledger.json", json.dumps(record)))
    assert (art.id, art.outlet) == (ident, outlet)


def test_json_array_of_articles(tmp_path: Path) -> None:
    recs = [{"text": BODY, "outlet": "A Post"}, {"text": BODY, "outlet": "B Times"}]
    arts = load_file(write(tmp_path / "x.json", json.dumps(recs)))
    assert [a.id for a in arts] == ["a-post", "b-times"]
    assert arts[1].source.endswith("x.json[1]")


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ('{"text": "a",\n "outlet": }', ":2", "invalid JSON: Expecting value (column 12)"),
        ("[]", "", "holds an empty JSON array, no articles"),
        ('"just a string"', "", 'expected a JSON object with a "text" field, found a string'),
        ('{"outlet": "X"}', "", 'has no "text" field'),
        ('{"text": 42}', "", '"text" must be a string, found a number'),
        ('{"text": "  "}', "", 'has an empty "text" field'),
        ('{"text": "Words here.", "title": ["a"]}', "", '"title" must be a string, found an array'),
        ('[{"text": "Fine."}, 3]', "[1]", 'expected a JSON object with a "text" field, found a number'),
    ],
)
def test_bad_json(tmp_path: Path, content: str, where: str, message: str) -> None:
    path = write(tmp_path / "bad.json", content)
    with pytest.raises(StorydiffError) as info:
        load_file(path)
    assert str(info.value) == f"{path}{where}: {message}"


def test_jsonl_records_and_duplicate_ids(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "outlet": "Harbour Post"}),
        "",
        json.dumps({"text": BODY, "outlet": "Harbour Post"}),
        json.dumps({"text": BODY}),
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")
    arts = load_articles([path])
    assert [a.id for a in arts] == ["harbour-post", "harbour-post-2", "wire"]
    assert [a.source for a in arts] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert arts[2].outlet == "Wire"


def test_jsonl_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", json.dumps({"text": BODY}) + "\n\n{broken\n")
    with pytest.raises(BadFormat) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}:3: invalid JSON")


def test_jsonl_record_without_text_names_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "wire.jsonl", json.dumps({"text": BODY}) + "\n" + json.dumps({"title": "x"}) + "\n"
    )
    with pytest.raises(BadFormat) as info:
        load_file(path)
    assert str(info.value) == f'{path}:2: has no "text" field'


def test_jsonl_of_blank_lines_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyArticle):
        load_file(write(tmp_path / "wire.jsonl", "\n \n"))


def test_unique_ids_never_collide() -> None:
    arts = [Article(id=i, outlet="X", text="t") for i in ("reuters", "reuters", "reuters-2", "ap")]
    assert [a.id for a in unique_ids(arts)] == ["reuters", "reuters-3", "reuters-2", "ap"]


def test_same_file_twice_gets_two_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "ap.txt", BODY)
    assert [a.id for a in load_articles([path, path])] == ["ap", "ap-2"]


# --- HTML --------------------------------------------------------------------------------------


def test_html_page_body_and_metadata(tmp_path: Path) -> None:
    art = one(write(tmp_path / "courier.html", PAGE.format(site=SITE, date=DATE)))
    assert art.outlet == "The Valley Courier"
    assert art.title == "Tram depot fire halts services"
    assert art.published == "2024-03-14"
    assert art.url == "https://valleycourier.example/news/tram-depot-fire"
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0].startswith("A fire at the Eastgate tram depot")
    assert paragraphs[-1].endswith("Replacement buses run every 10 minutes.")
    for boilerplate in ("Home", "Subscribe", "©", "rights reserved", "Privacy", "Tram depot fire halts"):
        assert boilerplate not in art.text


def test_html_copyright_footer_is_not_the_date(tmp_path: Path) -> None:
    art = one(write(tmp_path / "courier.html", PAGE.format(site=SITE, date="")))
    assert art.published is None


def test_html_without_site_name_falls_back_to_file_name(tmp_path: Path) -> None:
    art = one(write(tmp_path / "valley-courier.htm", PAGE.format(site="", date=DATE)))
    assert art.outlet == "Valley Courier"
    assert art.id == "valley-courier"


def test_html_no_article_body(tmp_path: Path) -> None:
    path = write(tmp_path / "404.html", NO_BODY_PAGE)
    with pytest.raises(EmptyArticle) as info:
        load_file(path)
    assert str(info.value) == f"{path}: no article body found in the HTML page"


def test_html_page_of_plain_words_only(tmp_path: Path) -> None:
    with pytest.raises(EmptyArticle):
        load_file(write(tmp_path / "a.html", "<html><body><p>Hello</p></body></html>"))


def test_site_name() -> None:
    assert site_name(" The Valley Courier ") == "The Valley Courier"
    assert site_name("www.valleycourier.example") is None
    assert site_name("") is None and site_name(None) is None


def test_html_cp1252_page(tmp_path: Path) -> None:
    page = PAGE.format(site=SITE, date=DATE).replace('<meta charset="utf-8">', "")
    art = one(write(tmp_path / "courier.html", page.encode("cp1252")))
    assert "“We expect the line to reopen by Saturday,”" in art.text


# --- inputs stay as they were ------------------------------------------------------------------


def test_loading_never_modifies_inputs(tmp_path: Path) -> None:
    files = [
        write(tmp_path / "a.txt", b"Title\r\n\r\n\xef\xbb\xbfBody\xc2\xa0text here.\r\n"),
        write(tmp_path / "b.md", "---\noutlet: B\n---\n# T\n\n" + BODY),
        write(tmp_path / "c.json", json.dumps({"text": BODY, "outlet": "C"})),
        write(tmp_path / "d.jsonl", json.dumps({"text": BODY, "outlet": "D"}) + "\n"),
        write(tmp_path / "e.html", PAGE.format(site=SITE, date=DATE)),
        write(tmp_path / "f.txt", "Caf\xe9 owners met.".encode("latin-1")),
    ]

    def fingerprint() -> dict[str, tuple[str, float]]:
        return {f: (hashlib.sha256(Path(f).read_bytes()).hexdigest(), os.stat(f).st_mtime) for f in files}

    before = fingerprint()
    load_articles(files)
    assert fingerprint() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt",
        "b.md",
        "c.json",
        "d.jsonl",
        "e.html",
        "f.txt",
    ]


def test_a_dateline_first_line_is_not_a_title(tmp_path):
    path = tmp_path / "wire.txt"
    body = "The council met on Monday. It voted to close the pool.\n"
    path.write_text("HARBOURTON, Ont. —\n\n" + body, encoding="utf-8")
    (article,) = load_file(str(path))
    assert article.title is None
    assert article.text[article.body_start :].startswith("The council met")
    path.write_text("Council votes to close pool —\n\nThe council met on Monday.\n", encoding="utf-8")
    assert load_file(str(path))[0].title == "Council votes to close pool —"
