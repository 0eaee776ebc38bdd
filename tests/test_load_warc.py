"""WARC files as a batch source: a crawl written here with warcio holds two events' pages (our
samples dressed as news pages) among noise records; ``batch --group auto`` finds the two events.
Damaged records are listed and skipped, never fatal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from webpages import FURNITURE, SAMPLES, page_from_sample

from compare.cli import main
from compare.load.warc import is_warc, read_warc

pytest.importorskip("warcio")

FERRY = "portville-ferry-fire"
FLOOD = "millbrook-library-flood"
PAGES = {
    # url: (event, sample file, site name, published)
    "https://harbourgazette.example/news/ferry-fire": (
        FERRY,
        "harbour-gazette.html",
        "Harbour Gazette",
        "2025-03-14",
    ),
    "https://dailyledger.example/ferry": (FERRY, "daily-ledger.txt", "Daily Ledger", "2025-03-14"),
    "https://northernwire.example/portville-ferry": (
        FERRY,
        "northern-wire.md",
        "Northern Wire",
        "2025-03-14",
    ),
    "https://coastaltimes.example/ferry-evacuation": (
        FERRY,
        "coastal-times.json",
        "Coastal Times",
        "2025-03-15",
    ),
    "https://dailyledger.example/library-flood": (FLOOD, "daily-ledger.md", "Daily Ledger", "2024-11-03"),
    "https://harbourgazette.example/news/millbrook-flood": (
        FLOOD,
        "harbour-gazette.txt",
        "Harbour Gazette",
        "2024-11-03",
    ),
    "https://northernwire.example/millbrook-library": (
        FLOOD,
        "northern-wire.json",
        "Northern Wire",
        "2024-11-04",
    ),
}
NAV_ONLY = (
    "<html><head><title>Sections</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
    "<footer>© 2025 Daily Ledger</footer></body></html>"
)


class Crawl:
    """A WARC under construction, gzipped one record per member as crawlers write them."""

    def __init__(self) -> None:
        from warcio.warcwriter import WARCWriter

        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True)
        self.writer.write_record(self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

    def response(
        self, url: str, body: bytes, status: str = "200 OK", media: str = "text/html; charset=utf-8"
    ) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        request = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        self.writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        self.writer.write_record(record)

    def metadata(self, url: str) -> None:
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(b"outlinks: none\r\n"),
            warc_content_type="application/warc-fields",
        )
        self.writer.write_record(record)

    def save(self, path: Path) -> Path:
        path.write_bytes(self.buffer.getvalue())
        return path


def page(url: str) -> bytes:
    event, name, site, published = PAGES[url]
    return page_from_sample(event, name, site, published).encode("utf-8")


def two_event_crawl(urls: list[str] | None = None) -> Crawl:
    crawl = Crawl()
    for i, url in enumerate(urls or list(PAGES)):
        crawl.response(url, page(url))
        crawl.metadata(url)
        if i == 1:  # noise between the pages
            crawl.response(
                "https://dailyledger.example/missing", b"<h1>Not found</h1>", status="404 Not Found"
            )
            crawl.response(
                "https://dailyledger.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), media="image/png"
            )
            crawl.response(
                "https://dailyledger.example/report.pdf", b"%PDF-1.7\n" + bytes(64), media="application/pdf"
            )
            crawl.response("https://dailyledger.example/sections", NAV_ONLY.encode())
            crawl.response(url, page(url))  # the same page crawled twice
    return crawl


def run_batch(source: Path, out: Path):
    return CliRunner().invoke(main, ["batch", str(source), "--group", "auto", "-o", str(out), "-j", "1"])


def test_warc_pages_as_articles(tmp_path: Path) -> None:
    warc = two_event_crawl().save(tmp_path / "crawl.warc.gz")
    haul = read_warc(str(warc))
    assert [a.url for a in haul.articles] == list(PAGES)
    assert [a.source for a in haul.articles] == list(PAGES)
    assert {a.outlet for a in haul.articles} == {
        "Harbour Gazette",
        "Daily Ledger",
        "Northern Wire",
        "Coastal Times",
    }
    for art in haul.articles:
        assert [f for f in FURNITURE if f in art.text] == []
    urls = list(PAGES)
    assert haul.duplicates == [(urls[1], urls[1])]
    assert haul.no_article == [
        ("https://dailyledger.example/sections", "no article body found in the HTML page")
    ]
    assert haul.skipped == {"HTTP status other than 200": 1, "not HTML": 2}
    assert haul.bad == []


def test_batch_groups_a_warc_into_its_two_events(tmp_path: Path) -> None:
    warc = two_event_crawl().save(tmp_path / "crawl.warc.gz")
    out = tmp_path / "out"
    result = run_batch(warc, out)
    assert result.exit_code == 0, result.output
    groups = json.loads((out / "groups.json").read_text(encoding="utf-8"))
    events = sorted(sorted(e["articles"]) for e in groups["events"])
    ferry = sorted(u for u, v in PAGES.items() if v[0] == FERRY)
    flood = sorted(u for u, v in PAGES.items() if v[0] == FLOOD)
    assert events == sorted([ferry, flood])
    rows = [json.loads(line) for line in (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["articles"] for r in rows) == [3, 4] and {r["status"] for r in rows} == {"compared"}
    for row in rows:
        assert (out / row["event"] / "report.html").is_file()
        report = json.loads((out / row["event"] / "report.json").read_text(encoding="utf-8"))
        assert all(a["url"] in PAGES for a in report["articles"])
    assert {d["path"] for d in groups["duplicates"]} == {list(PAGES)[1]}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "no article body found in the HTML page" in index


def test_folder_of_warc_files_drops_urls_seen_in_another(tmp_path: Path) -> None:
    urls = list(PAGES)
    folder = tmp_path / "crawls"
    folder.mkdir()
    two_event_crawl(urls[:4]).save(folder / "part-1.warc.gz")
    two_event_crawl(urls[3:]).save(folder / "part-2.warc.gz")  # urls[3] is in both
    out = tmp_path / "out"
    result = run_batch(folder, out)
    assert result.exit_code == 0, result.output
    groups = json.loads((out / "groups.json").read_text(encoding="utf-8"))
    assert sorted(len(e["articles"]) for e in groups["events"]) == [3, 4]
    assert urls[3] in {d["path"] for d in groups["duplicates"]}


def response_offsets(data: bytes) -> dict[str, int]:
    """Where each page's response record starts in a WARC (the first one of each URL)."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(data))
    found: dict[str, int] = {}
    for record in archive:
        if record.rec_type == "response":
            found.setdefault(record.rec_headers.get_header("WARC-Target-URI"), archive.offset)
    return found


def test_damaged_record_is_listed_and_reading_goes_on(tmp_path: Path) -> None:
    data = bytearray(two_event_crawl().buffer.getvalue())
    spoiled = list(PAGES)[2]
    start = response_offsets(bytes(data))[spoiled]
    data[start + 60 : start + 124] = b"\x00spoiled" * 8  # inside the record's gzip data
    warc = tmp_path / "damaged.warc.gz"
    warc.write_bytes(bytes(data))
    haul = read_warc(str(warc))
    assert len(haul.bad) == 1
    where, problem = haul.bad[0]
    assert where == f"{warc}@{start}" and problem.startswith("cannot be read (")
    assert [a.url for a in haul.articles] == [u for u in PAGES if u != spoiled]  # before and after
    out = tmp_path / "out"
    result = run_batch(warc, out)
    assert result.exit_code == 1, result.output  # a bad record is a bad file: exit 1, not 2
    assert f"bad file: {where}: {problem}" in result.stderr
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("page_number", [2, 4, 6])
def test_warc_cut_short_inside_a_page_is_not_fatal(tmp_path: Path, page_number: int) -> None:
    data = two_event_crawl().buffer.getvalue()
    cut_in = list(PAGES)[page_number]
    start = response_offsets(data)[cut_in]
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(data[: start + 700])
    haul = read_warc(str(warc))
    assert [w for w, _ in haul.bad] == [f"{warc}@{start}"]
    assert haul.bad[0][1].startswith("cannot be read (")
    assert [a.url for a in haul.articles] == list(PAGES)[:page_number]


def test_a_warc_without_group_auto_gets_a_hint(tmp_path: Path) -> None:
    warc = two_event_crawl(list(PAGES)[:2]).save(tmp_path / "crawl.warc.gz")
    result = CliRunner().invoke(main, ["batch", str(warc), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {warc}: is a WARC file, not a folder of events (use --group auto)"
    )


def test_uncompressed_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    url = list(PAGES)[0]
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(page(url)), http_headers=headers)
    )
    warc = tmp_path / "one.warc"
    warc.write_bytes(buffer.getvalue())
    haul = read_warc(str(warc))
    assert [a.outlet for a in haul.articles] == ["Harbour Gazette"]


def test_is_warc() -> None:
    assert is_warc("a.warc") and is_warc("B.WARC.GZ") and not is_warc("a.warc.txt") and not is_warc("a.gz")


def test_folder_mixing_a_warc_and_article_files(tmp_path: Path) -> None:
    """One event's pages in a WARC, the other's as saved files beside it: both events found."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    ferry = [u for u, v in PAGES.items() if v[0] == FERRY]
    two_event_crawl(ferry).save(folder / "ferry-crawl.warc.gz")
    flood_files = sorted((SAMPLES / FLOOD).iterdir())
    for f in flood_files:
        (folder / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out"
    result = run_batch(folder, out)
    assert result.exit_code == 0, result.output
    groups = json.loads((out / "groups.json").read_text(encoding="utf-8"))
    found = sorted(sorted(e["articles"]) for e in groups["events"])
    assert found == sorted([sorted(ferry), sorted(str(folder / f.name) for f in flood_files)])
