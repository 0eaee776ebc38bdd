"""URLs as inputs: a web server on 127.0.0.1 serves our sample articles as news pages (with
navigation, cookie banner, share counters, ads, credits, footer), and the failure cases: 404, a
slow answer past the timeout, redirects, a PDF, oversized pages, a page without a story."""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from webpages import (
    FURNITURE,
    blog_page,
    html_route,
    news_page,
    page_from_sample,
    paragraphs,
    sample_article,
    serve,
)

from compare.cli import main
from compare.errors import EmptyArticle, UnreadableArticle
from compare.load import is_url, load_file
from compare.load.files import size_text
from compare.load.formats import name_from_url, outlet_from_host_name
from compare.model import Options

EVENT = "portville-ferry-fire"
HUGE = news_page("Huge", ["A long page. " * 20_000], "Big Site")


def pages() -> dict:
    ledger = sample_article(EVENT, "daily-ledger.txt")
    return {
        "/harbour-gazette.html": html_route(
            page_from_sample(EVENT, "harbour-gazette.html", "Harbour Gazette", "2025-03-14T07:45:00+00:00")
        ),
        "/ledger/ferry-fire": html_route(blog_page(ledger.title or "", paragraphs(ledger), "Daily Ledger")),
        "/old-address": (301, {"Location": "/harbour-gazette.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n" + bytes(2000)),
        "/huge.html": html_route(HUGE),
        "/nav-only.html": html_route(
            "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a>"
            "</nav><footer>© 2025 Harbour Gazette</footer></body></html>"
        ),
        "/gzipped.html": (
            200,
            {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
            gzip.compress(page_from_sample(EVENT, "northern-wire.md", "Northern Wire").encode()),
        ),
        "/server-error.html": (503, {"Content-Type": "text/html"}, b"<h1>Down for maintenance</h1>"),
        "/slow.html": html_route(page_from_sample(EVENT, "daily-ledger.txt", "Daily Ledger")),
    }


@pytest.fixture(scope="module")
def site():
    with serve(pages(), delays={"/slow.html": 3.0}) as served:
        yield served


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def assert_error(result, line: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [line]


def test_compare_served_pages_with_urls_and_without_furniture(site) -> None:
    a, b = f"{site.url}/harbour-gazette.html", f"{site.url}/ledger/ferry-fire"
    result = invoke("compare", a, b, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    arts = {x["outlet"]: x for x in data["articles"]}
    assert set(arts) == {"Harbour Gazette", "Daily Ledger"}
    assert arts["Harbour Gazette"]["url"] == a and arts["Harbour Gazette"]["source"] == a
    assert arts["Daily Ledger"]["url"] == b
    assert arts["Harbour Gazette"]["published"].startswith("2025-03-14")
    for art in data["articles"]:
        assert art["text"].startswith(("PORTVILLE", "A fire aboard")), art["text"][:80]
        leaked = [f for f in FURNITURE if f in art["text"]]
        assert leaked == [], f"{art['outlet']}: {leaked}"
    assert data["claims"], "the two served reports of one fire share claims"


def test_blog_page_furniture_reaches_trafilatura_and_stops_here(site) -> None:
    """The plain blog page is the hard case: trafilatura keeps its furniture, our filter drops it."""
    import trafilatura

    page = blog_page(
        "Ferry fire", ["A fire broke out aboard the ferry on Thursday evening in the harbour."], "B"
    )
    raw = trafilatura.extract(page) or ""
    assert "1077" in raw and "Advertisement" in raw and "Getty Images" in raw
    (art,) = load_file(f"{site.url}/ledger/ferry-fire")
    assert art.text == sample_article(EVENT, "daily-ledger.txt").text.split("\n\n", 1)[1].rstrip("\n")


def test_redirect_is_followed_and_the_final_address_kept(site) -> None:
    (art,) = load_file(f"{site.url}/old-address")
    assert art.outlet == "Harbour Gazette"
    assert art.url == f"{site.url}/harbour-gazette.html"
    assert art.source == f"{site.url}/old-address"


def test_redirect_to_another_host_keeps_that_host(site) -> None:
    with serve({"/moved": (301, {"Location": f"{site.url}/old-address"}, b"")}) as other:
        (art,) = load_file(f"{other.url}/moved")
    assert art.url == f"{site.url}/harbour-gazette.html"  # two hops: other host, then a relative one


def test_gzip_page_is_decoded(site) -> None:
    (art,) = load_file(f"{site.url}/gzipped.html")
    assert art.outlet == "Northern Wire" and "ferry" in art.text.lower()


@pytest.mark.parametrize(
    ("path", "args", "problem"),
    [
        ("/missing.html", (), "not found (HTTP 404)"),
        ("/server-error.html", (), "the server answered HTTP 503 (Service Unavailable)"),
        ("/slow.html", ("--timeout", "0.5"), "timed out (no answer within 0.5 s)"),
        ("/loop", (), "too many redirects (more than 5)"),
        (
            "/report.pdf",
            (),
            "is not an HTML page (application/pdf) (give the address of the article's web page)",
        ),
        (
            "/huge.html",
            ("--max-file-bytes", "100000"),
            f"too large ({size_text(len(HUGE.encode()))}, the limit is 100.0 KB) "
            "(raise the limit with --max-file-bytes)",
        ),
        ("/nav-only.html", (), "no article body found in the HTML page"),
    ],
)
def test_each_failure_is_one_line_naming_the_url(
    site, path: str, args: tuple[str, ...], problem: str
) -> None:
    good = f"{site.url}/harbour-gazette.html"
    url = f"{site.url}{path}"
    assert_error(invoke("compare", good, url, *args), f"Error: {url}: {problem}")


def test_body_over_the_cap_without_a_length_is_cut_off(site) -> None:
    """A server that sends no Content-Length (chunked) is stopped once the body passes the cap."""

    def chunked():
        return (
            200,
            {"Content-Type": "text/html", "Transfer-Encoding": "chunked"},
            _chunked(b"<p>x</p>" * 50_000),
        )

    with serve({"/stream.html": chunked}) as other:
        url = f"{other.url}/stream.html"
        with pytest.raises(UnreadableArticle) as info:
            load_file(url, Options(max_file_bytes=50_000))
    assert (
        str(info.value) == f"{url}: too large (the limit is 50.0 KB) (raise the limit with --max-file-bytes)"
    )


def test_a_page_sent_a_little_at_a_time_stops_at_the_deadline() -> None:
    """Every wait is shorter than the timeout, but the whole page takes far longer."""
    page = page_from_sample(EVENT, "harbour-gazette.html", "Harbour Gazette")
    with serve({"/drip.html": html_route(page)}, dribble=0.1) as drip:
        url = f"{drip.url}/drip.html"
        with pytest.raises(UnreadableArticle) as info:
            load_file(url, Options(fetch_timeout=1))
    assert str(info.value) == f"{url}: timed out (the page took over 1 s to download)"


def _chunked(data: bytes) -> bytes:
    out = b""
    for i in range(0, len(data), 8192):
        part = data[i : i + 8192]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def test_nothing_listening() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # the port is free again, and nothing listens on it
    url = f"http://127.0.0.1:{port}/a.html"
    with pytest.raises(UnreadableArticle) as info:
        load_file(url, Options(fetch_timeout=2))
    assert str(info.value) == f"{url}: cannot connect (the connection was refused or the host is unreachable)"


def test_cache_serves_the_second_run(tmp_path: Path) -> None:
    page = page_from_sample(EVENT, "harbour-gazette.html", "Harbour Gazette")
    options = Options(cache_dir=str(tmp_path / "cache"))
    with serve({"/a.html": html_route(page)}) as first:
        url = f"{first.url}/a.html"
        (fetched,) = load_file(url, options)
        assert first.requests == ["/a.html"]
    # The server is gone: the page comes from the cache, the same article.
    (cached,) = load_file(url, options)
    assert cached == fetched
    assert len(list((tmp_path / "cache").glob("*.html"))) == 1
    with pytest.raises(UnreadableArticle, match="cannot connect"):
        load_file(url, Options(fetch_timeout=2))


def test_cache_option_on_the_command_line(tmp_path: Path) -> None:
    page = page_from_sample(EVENT, "harbour-gazette.html", "Harbour Gazette")
    cache = tmp_path / "cache"
    with serve({"/a.html": html_route(page)}) as served:
        url = f"{served.url}/a.html"
        first = invoke("compare", url, "--format", "json", "--cache", str(cache))
        assert first.exit_code == 0, first.output
        second = invoke("compare", url, "--format", "json", "--cache", str(cache))
        assert served.requests == ["/a.html"]
    assert second.stdout == first.stdout


def test_page_without_a_body_is_empty_article(site) -> None:
    with pytest.raises(EmptyArticle):
        load_file(f"{site.url}/nav-only.html")


def test_batch_manifest_with_urls_keeps_the_event_without_a_bad_one(site, tmp_path: Path) -> None:
    manifest = tmp_path / "events.csv"
    manifest.write_text(
        "event,path\n"
        f"ferry,{site.url}/harbour-gazette.html\n"
        f"ferry,{site.url}/ledger/ferry-fire\n"
        f"ferry,{site.url}/missing.html\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", "--manifest", str(manifest), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1, result.output
    assert f"bad file: {site.url}/missing.html: not found (HTTP 404)" in result.stderr
    row = json.loads((out / "summary.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["status"] == "compared" and row["articles"] == 2


@pytest.mark.parametrize(
    ("url", "name", "outlet"),
    [
        ("https://www.dailymail.co.uk/news/article-1/ferry.html", "dailymail", "Daily Mail"),
        ("https://edition.cnn.com/2025/03/14/ferry", "cnn", "CNN"),
        ("https://www.nytimes.com/2025/03/14/ferry.html", "nytimes", "New York Times"),
        ("https://news.bbc.co.uk/1/hi/ferry.stm", "bbc", "BBC"),
        ("http://127.0.0.1:8000/harbour-gazette.html", "harbour-gazette", "Harbour Gazette"),
    ],
)
def test_outlet_from_the_address(url: str, name: str, outlet: str) -> None:
    assert name_from_url(url) == name
    assert outlet_from_host_name(name) == outlet


@pytest.mark.parametrize(
    "url", ["http://", "http://exa mple.com/", "http://[::1", "https://127.0.0.1:99999/"]
)
def test_malformed_url(url: str) -> None:
    with pytest.raises(UnreadableArticle) as info:
        load_file(url, Options(fetch_timeout=1))
    assert str(info.value) == f"{url}: is not a valid URL"


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("example.org/a.html") and not is_url("ftp://example.org/a") and not is_url("a.txt")
