"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

Every page is opened from a file:// URL, and every test checks that nothing but that file was
requested and that no console error or page error appeared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from compare.report.htmlreport import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Rows that take up space on screen (a `hidden` row that CSS still displays would count).
ROWS_SHOWN = (
    "Array.from(document.querySelectorAll('#rows > .row'))"
    ".filter(r => r.getClientRects().length > 0).map(r => r.id)"
)
# Alerts and dialogs are recorded instead of shown, so an escaped payload that ran would be seen.
TRAP = "window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One browser tab for the module, reused by every test: starting a tab costs more than a test."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = b.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(TRAP)
        yield context.new_page()
        context.close()
        b.close()


class Page:
    """A report opened from disk, with everything the page asked for and complained about."""

    def __init__(self, page: Any, path: Path, scheme: str = "light") -> None:
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = page
        self._handlers = {
            "request": lambda r: self.requests.append(r.url),
            "console": lambda m: m.type == "error" and self.errors.append(m.text),
            "pageerror": lambda e: self.errors.append(str(e)),
            "dialog": lambda d: (self.dialogs.append(d.message), d.dismiss()),
        }
        for event, handler in self._handlers.items():
            page.on(event, handler)
        page.emulate_media(media="screen", color_scheme=scheme)
        page.goto(self.url)
        self.data = json.loads(page.text_content("#storydiff-data"))

    def shown(self) -> list[str]:
        return self.page.evaluate(ROWS_SHOWN)

    def check_clean(self) -> None:
        assert self.requests and all(u.split("#")[0] == self.url for u in self.requests), self.requests
        assert self.errors == []
        assert self.dialogs == [] and self.page.evaluate("window.__alerts") == []

    def close(self) -> None:
        """Check, then leave the tab blank (and unwatched) for the next test."""
        self.check_clean()
        for event, handler in self._handlers.items():
            self.page.remove_listener(event, handler)
        self.page.goto("about:blank")


@contextmanager
def viewport(browser: Any, size: dict[str, int]) -> Iterator[None]:
    """The shared browser at ``size`` for the block, back at the 1280 x 900 the other tests expect
    after it, whatever the block raised."""
    browser.set_viewport_size(size)
    try:
        yield
    finally:
        browser.set_viewport_size({"width": 1280, "height": 900})


def expected_rows(data: dict[str, Any]) -> dict[str, list[str]]:
    """Which rows each filter shows, worked out from the embedded JSON alone."""
    arts = {a["id"]: a for a in data["articles"]}
    given = {u["article"]: u["sentences"] for u in data["unique"]}
    unique = {
        aid: given.get(aid, [s["index"] for s in a["sentences"] if not s["claims"]])
        for aid, a in arts.items()
    }

    def relayed(aid: str, i: int) -> bool:
        return arts[aid]["sentences"][i]["attribution"] is not None

    out: dict[str, list[str]] = {"conflicts": [], "relayed": [], "everywhere": [], "unique": []}
    for c in data["claims"]:
        rid = f"claim-{c['id']}"
        if any(d["conflict"] for d in c["differences"]):
            out["conflicts"].append(rid)
        if c["relays"] or any(relayed(m["article"], i) for m in c["members"] for i in m["sentences"]):
            out["relayed"].append(rid)
        if {m["article"] for m in c["members"]} == set(arts):
            out["everywhere"].append(rid)
    for aid, sentences in unique.items():
        for i in sentences:
            out["unique"].append(f"u-{aid}-{i}")
            out[f"unique:{aid}"] = out.get(f"unique:{aid}", []) + [f"u-{aid}-{i}"]
            if relayed(aid, i):
                out["relayed"].append(f"u-{aid}-{i}")
    out["all"] = [f"claim-{c['id']}" for c in data["claims"]] + out["unique"]
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hand-made comparison (every highlight, hostile text) and a sample event through the pipeline."""
    from test_report_html import GOLDEN_EVENT, SAMPLES, hand_comparison, sample_paths

    from compare import compare, load_articles

    folder = tmp_path_factory.mktemp("reports")
    out = {"hand": folder / "hand.html"}
    out["hand"].write_text(render_html(hand_comparison()), encoding="utf-8")
    try:
        paths = [str(SAMPLES.parent / p) for p in sample_paths(GOLDEN_EVENT)]
    except pytest.skip.Exception:
        return out
    out["sample"] = folder / "sample.html"
    out["sample"].write_text(render_html(compare(load_articles(paths))), encoding="utf-8")
    return out


@pytest.mark.parametrize("which", ["hand", "sample"])
def test_filters_match_the_json(browser, reports, which):
    if which not in reports:
        pytest.skip("sample event not found")
    pg = Page(browser, reports[which])
    want = expected_rows(pg.data)
    assert sorted(pg.shown()) == sorted(want["all"])
    # The filter keys press the same radio buttons as a click does (checked once, below).
    for key, name in (
        ("c", "conflicts"),
        ("r", "relayed"),
        ("u", "unique"),
        ("e", "everywhere"),
        ("0", "all"),
    ):
        pg.page.keyboard.press(key)
        assert sorted(pg.shown()) == sorted(want[name]), name
        assert pg.page.evaluate(f"document.querySelector('input[value={name}]').checked")
        assert (f"filter={name}" in pg.page.evaluate("location.hash")) == (name != "all")
    pg.page.check("input[name=filter][value=conflicts]")
    assert sorted(pg.shown()) == sorted(want["conflicts"])
    # Unique to one outlet, through the select.
    aid = pg.data["articles"][0]["id"]
    pg.page.select_option("#outlet", aid)
    assert sorted(pg.shown()) == sorted(want.get(f"unique:{aid}", []))
    assert pg.page.is_checked("input[name=filter][value=unique]")
    pg.close()


def test_search_and_hash_state(browser, reports):
    pg = Page(browser, reports["hand"])
    from playwright.sync_api import expect

    pg.page.fill("#q", "HOSPITAL taken")
    expect(pg.page).to_have_url(re.compile("q=HOSPITAL"))  # the search waits for typing to pause
    assert pg.shown() == ["claim-c3"]
    pg.page.check("input[name=filter][value=relayed]")
    assert pg.shown() == ["claim-c3"]
    hash_ = pg.page.evaluate("location.hash")
    assert "filter=relayed" in hash_ and "q=HOSPITAL+taken" in hash_
    # Reopening the link restores the filter, the search box and the rows.
    pg.page.goto("about:blank")
    pg.page.goto(pg.url + hash_)
    assert pg.page.is_checked("input[name=filter][value=relayed]")
    assert pg.page.input_value("#q") == "HOSPITAL taken"
    assert pg.shown() == ["claim-c3"]
    # The overview's counts link to their rows.
    pg.page.click("#overview a[href='#filter=conflicts']")
    assert pg.shown() == ["claim-c1", "claim-c3"] and pg.page.input_value("#q") == ""
    pg.page.click("#overview a[href='#filter=unique&outlet=daily-ledger']")
    assert pg.shown() == ["u-daily-ledger-3"]
    assert pg.page.input_value("#outlet") == "daily-ledger"
    pg.page.fill("#q", "no such words anywhere")
    expect(pg.page.locator("#no-rows")).to_be_visible()
    assert pg.shown() == []
    pg.close()


def test_keyboard(browser, reports):
    pg = Page(browser, reports["hand"])
    page = pg.page
    active = "document.activeElement.id"
    page.keyboard.press("j")
    assert page.evaluate(active) == "claim-c1"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate(active) == "claim-c3"
    page.keyboard.press("k")
    assert page.evaluate(active) == "claim-c2"
    assert "focus=claim-c2" in page.evaluate("location.hash")
    # Enter reads the row's first sentence in its article; b comes back.
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.current').id") == "s-harbour-gazette-1"
    page.keyboard.press("b")
    assert page.evaluate(active) == "claim-c2"
    # Filter keys, then j/k only visit visible rows.
    page.keyboard.press("c")
    assert pg.shown() == ["claim-c1", "claim-c3"]
    page.keyboard.press("j")
    assert page.evaluate(active) == "claim-c3"
    page.keyboard.press("0")
    assert len(pg.shown()) == 5
    # / goes to the search box; typing there does not trigger shortcuts; Escape leaves it.
    page.keyboard.press("/")
    assert page.evaluate(active) == "q"
    page.keyboard.type("j")
    page.keyboard.press("Escape")
    assert page.evaluate(active) != "q"
    page.keyboard.press("?")
    assert page.is_visible("#keys")
    pg.close()


def test_reading_view_jumps_to_claim_and_back(browser, reports):
    pg = Page(browser, reports["hand"])
    page = pg.page
    # Word edits belong to one claim, so the articles show them on demand (or all, when asked).
    edit_bg = "getComputedStyle(document.querySelector('#s-daily-ledger-0 mark.edit')).backgroundColor"
    assert page.evaluate(edit_bg) == "rgba(0, 0, 0, 0)"
    page.check("#all-edits")
    assert page.evaluate(edit_bg) != "rgba(0, 0, 0, 0)"
    page.keyboard.press("Escape")  # leave the checkbox, so keys reach the page again
    page.keyboard.press("u")  # c3 hidden by the filter: the jump must show it again
    assert "claim-c3" not in pg.shown()
    page.click("#s-daily-ledger-2")
    assert page.evaluate("document.activeElement.id") == "claim-c3"
    assert "claim-c3" in pg.shown()
    assert page.is_visible("#back")
    page.click("#back")
    assert page.evaluate("document.querySelector('.current').id") == "s-daily-ledger-2"
    # A unique sentence leads to its own row; a claim cell's sentence leads into the article.
    page.click("#s-harbour-gazette-3")
    assert page.evaluate("document.activeElement.id") == "u-harbour-gazette-3"
    page.click("#claim-c1 .cell .s[data-a='evil']")
    assert page.evaluate("document.querySelector('.current').id") == "s-evil-0"
    page.go_back()
    assert "focus=u-harbour-gazette-3" in page.evaluate("location.hash")
    pg.close()


def test_hostile_text_never_runs(browser, reports):
    pg = Page(browser, reports["hand"])
    page = pg.page
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert (
        "<script>alert(1)</script> An injected line <img src=x onerror=alert(1)> stays text."
        in page.text_content("#s-daily-ledger-3")
    )
    assert page.text_content("#h-read-evil") == "Evil & Co <b>bold</b>"
    # The javascript: URL is text, not a link, so nothing can be clicked into running it.
    assert page.evaluate("Array.from(document.links).filter(a => a.protocol === 'javascript:').length") == 0
    page.mouse.wheel(0, 4000)
    page.click("#u-daily-ledger-3 .s")
    pg.close()


def test_overview_screenshot_light_dark_and_print(browser, reports, tmp_path):
    for scheme in ("light", "dark"):
        pg = Page(browser, reports["hand"], scheme=scheme)
        shot = tmp_path / f"overview-{scheme}.png"
        pg.page.locator("#overview").screenshot(path=str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        bg = pg.page.evaluate("getComputedStyle(document.body).backgroundColor")
        dark = sum(int(x) for x in re.findall(r"\d+", bg)[:3]) < 200
        assert dark == (scheme == "dark"), bg
        if scheme == "light":
            pg.page.emulate_media(media="print")
            assert not pg.page.is_visible("#filters")
            assert (
                pg.page.evaluate("getComputedStyle(document.querySelector('.row')).contentVisibility")
                == "visible"
            )
        pg.close()


# --- layout on real events, the glance, the index ----------------------------------------------

WIDTHS = (375, 1400)  # the narrowest common phone (375) and a desktop
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Bounding boxes of the provenance graph's labels: every pair of them that intersects, and any label
# that sticks out of the drawing (the SVG would cut it off).
LABEL_OVERLAPS = """() => {
  const boxes = Array.from(document.querySelectorAll('.graph text')).map(t => {
    const r = t.getBoundingClientRect();
    return {name: t.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
  });
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) out.push([a.name, b.name]);
  }
  const svg = document.querySelector('.graph').getBoundingClientRect();
  for (const a of boxes) if (a.l < svg.left - 0.5 || a.r > svg.right + 0.5) out.push([a.name, 'outside']);
  return [boxes.length, out];
}"""


@pytest.fixture(scope="module")
def event_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real five-outlet event (newswcl50-0, about 80 claims) through the pipeline."""
    from conftest import CORPUS_DIR

    from compare import compare, load_articles

    folder = CORPUS_DIR / "events" / "newswcl50-0"
    if not folder.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS_DIR}")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    path = tmp_path_factory.mktemp("event") / "newswcl50-0.html"
    path.write_text(render_html(compare(load_articles(files))), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def index_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch index with long names, a reversed (U+202E) outlet name and a skipped event."""
    from compare.batch import EventRow
    from compare.batch.outputs import Listing, render_index

    rows = [
        EventRow(
            event=f"event-{k}",
            label=f"basil-20{10 + k}-2b95d2cf",
            status="compared",
            articles=5,
            outlets=("Breitbart", "Fox News", "HuffPost", "New York Times", "USA Today"),
            sentences=160,
            claims=82,
            claims_all_outlets=3,
            conflicts=k % 2,
            unique_sentences=48,
            relayed_share=0.61,
            reports=(("html", f"event-{k}/report.html"), ("json", f"event-{k}/report.json")),
            headline="CIA Director met with the North Korean leader over the Easter weekend, officials say",
            first_published="2018-04-17",
            last_published="2018-04-18",
        )
        for k in range(6)
    ]
    rows.append(
        EventRow(
            event="evil",
            label="evil",
            status="compared",
            articles=2,
            outlets=("\u202eEvil Wire", "Good Post"),
            headline="\u202eReversed",
        )
    )
    rows.append(EventRow(event="x" * 90, label="x" * 90, status="skipped", reason="no readable articles"))
    listing = Listing(bad_files=(("/very/long/path/" + "segment/" * 20 + "file.txt", "is empty"),))
    path = tmp_path_factory.mktemp("index") / "index.html"
    path.write_text(render_index(rows, listing, title="storydiff batch", source="events/"), encoding="utf-8")
    return path


class IndexPage(Page):
    """The index carries no JSON; everything else is checked as for a report."""

    def __init__(self, page: Any, path: Path) -> None:
        self.url = path.as_uri()
        self.requests, self.errors, self.dialogs = [], [], []
        self.page = page
        self._handlers = {
            "request": lambda r: self.requests.append(r.url),
            "console": lambda m: m.type == "error" and self.errors.append(m.text),
            "pageerror": lambda e: self.errors.append(str(e)),
            "dialog": lambda d: (self.dialogs.append(d.message), d.dismiss()),
        }
        for event, handler in self._handlers.items():
            page.on(event, handler)
        page.goto(self.url)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["hand", "sample", "event", "index"])
def test_no_sideways_scroll(browser, reports, event_report, index_page, which, width):
    path = {"event": event_report, "index": index_page}.get(which) or reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": width, "height": 844 if width < 500 else 900}):
        pg = IndexPage(browser, path) if which == "index" else Page(browser, path)
        assert pg.page.evaluate(OVERFLOW) <= 0, f"{which} is wider than {width} px"
        if which != "index" and width < 500:
            # The toolbar stays compact on a phone: at most a seventh of an 844 px screen.
            assert (
                pg.page.evaluate("document.querySelector('.claimsbar').getBoundingClientRect().height") < 121
            )
        pg.close()


@pytest.mark.parametrize("which", ["hand", "sample", "event"])
def test_provenance_labels_never_overlap(browser, reports, event_report, which):
    path = event_report if which == "event" else reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    pg = Page(browser, path)
    n, overlaps = pg.page.evaluate(LABEL_OVERLAPS)
    assert n >= 3 and overlaps == []
    pg.page.set_viewport_size({"width": 390, "height": 844})
    assert pg.page.evaluate(LABEL_OVERLAPS)[1] == []  # scaled to a phone, still apart and inside
    pg.page.set_viewport_size({"width": 1280, "height": 900})
    if which == "event":
        # One node per person: "Trump", "Mr. Trump" and "President Trump" meet, as do "Abe" and "Mr. Abe".
        names = pg.page.evaluate(
            "Array.from(document.querySelectorAll('.graph .node:not(.outlet) text'))"
            ".map(t => t.firstChild.textContent.trim())"
        )
        # one node for the person, under the fullest name the event gives (the attribution entity)
        assert sum(x.split()[-1:] == ["Trump"] and "Ivanka" not in x for x in names) == 1, names
        assert sum(x.split()[-1:] == ["Abe"] for x in names) == 1, names
    pg.close()


@pytest.mark.parametrize("which", ["hand", "event"])
def test_glance_is_first_and_matches_the_json(browser, reports, event_report, which):
    pg = Page(browser, event_report if which == "event" else reports[which])
    page, g = pg.page, pg.data["glance"]
    assert page.evaluate("document.querySelector('main > section').id") == "glance"
    top = page.evaluate("document.getElementById('glance').getBoundingClientRect().top")
    assert top < 120  # right under the page header
    claims = "Array.from(document.querySelectorAll('#SEL li[data-claim]')).map(li => li.dataset.claim)"
    # Weak matches are counted on a line of their own unless every agreed claim is weak.
    listed = [a for a in g["agreed"] if a["strength"] != "weak"] or g["agreed"]
    assert page.evaluate(claims.replace("SEL", "glance-agreed")) == [a["claim"] for a in listed]
    assert page.evaluate(claims.replace("SEL", "glance-conflicts")) == [c["claim"] for c in g["conflicts"]]
    only = "Array.from(document.querySelectorAll('#glance-only li')).map(li => li.dataset.article)"
    assert page.evaluate(only) == [o["article"] for o in g["only"]]
    sources = "Array.from(document.querySelectorAll('#glance-sources li')).map(li => li.dataset.source)"
    shown = page.evaluate(sources)
    assert shown and shown == [s["key"] for s in g["sources"]][: len(shown)]
    for a in listed:
        assert page.is_visible(f"#glance-agreed li[data-claim='{a['claim']}'] a[href='#claim-{a['claim']}']")
    pg.close()


def test_shortcuts_work_after_a_filter_click_and_all_clears_the_outlet(browser, reports):
    pg = Page(browser, reports["hand"])
    page = pg.page
    page.click("input[name=filter][value=conflicts]")
    assert page.evaluate("document.activeElement.name") == "filter"  # the radio button has the focus
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "claim-c1"
    page.click("input[name=filter][value=relayed]")
    page.keyboard.press("0")
    assert len(pg.shown()) == 5
    page.select_option("#outlet", "daily-ledger")
    assert "outlet=daily-ledger" in page.evaluate("location.hash")
    page.click("input[name=filter][value=all]")
    assert "outlet" not in page.evaluate("location.hash")
    page.keyboard.press("u")
    assert sorted(pg.shown()) == ["u-daily-ledger-3", "u-harbour-gazette-3"]
    pg.close()


def test_print_keeps_every_row_whatever_the_filter(browser, reports):
    pg = Page(browser, reports["hand"])
    pg.page.keyboard.press("c")
    assert len(pg.shown()) == 2
    pg.page.emulate_media(media="print")
    assert len(pg.shown()) == 5
    assert pg.page.evaluate("getComputedStyle(document.querySelector('.cov')).overflowY") == "visible"
    pg.page.emulate_media(media="screen")
    pg.close()


def test_bidi_controls_stay_inside_their_element(browser, index_page, tmp_path):
    """A U+202E in one name must not reverse what follows it: the next name stays to its right.
    (Without the isolation, Chromium draws the second name to the left of the first.)"""
    follows = """(sel) => {
      const [a, b] = Array.from(document.querySelectorAll(sel)).slice(0, 2)
        .map(e => e.getBoundingClientRect());
      return Math.abs(a.top - b.top) < 1 && b.left >= a.right - 0.5;  // same line, in reading order
    }"""
    pg = IndexPage(browser, index_page)
    assert pg.page.evaluate(follows, "tr:last-child td.outlets bdi, tbody tr:nth-child(7) td.outlets bdi")
    pg.close()
    from test_report_html import make_doc

    from compare.model import Comparison

    docs = (make_doc("\u202eEvil Wire", [["One thing."]]), make_doc("Good Post", [["Another thing."]]))
    path = tmp_path / "bidi.html"
    path.write_text(render_html(Comparison(docs, ())), encoding="utf-8")
    pg = Page(browser, path)
    assert pg.page.evaluate(follows, ".gmeta bdi")
    assert pg.page.evaluate("getComputedStyle(document.querySelector('.s')).unicodeBidi") == "isolate"
    pg.close()


# Every visible difference item: its claim, the outlets it gives a value for, the outlets it names as
# silent, and whether its box stays inside the screen.
DIFF_ITEMS = """() => Array.from(document.querySelectorAll('#rows > .row > ul.diffs > li')).map(li => {
  const r = li.getBoundingClientRect();
  const pick = (sel) => Array.from(li.querySelectorAll(sel)).map(b => b.textContent);
  // an attribution difference names the outlets in its relay lines (ul.who): relaying or stating it
  const given = pick(':scope > .dv:not(.absent) > .dvo, :scope > ul.who > li > .dv:not(.absent) > .dvo');
  const silent = pick(':scope > .dv.absent > .dvo, :scope > ul.who > li > .dv.absent > .dvo');
  return [li.closest('.row').id, given, silent, r.left >= 0 && r.right <= window.innerWidth + 0.5];
})"""


# Each attribution difference: its row, the values listed beside its relay lines, its relay lines.
WHO_ITEMS = """() => Array.from(document.querySelectorAll('#rows > .row > ul.diffs > li'))
  .filter(li => li.querySelector(':scope > ul.who'))
  .map(li => [li.closest('.row').id, li.querySelectorAll(':scope > .dv').length,
    li.querySelectorAll(':scope > ul.who > li').length])"""


@pytest.mark.parametrize("which", ["sample", "event"])
def test_differences_name_every_outlet_of_the_claim_on_a_phone(browser, reports, event_report, which):
    """At 375 px each difference names each of its claim's outlets once, as giving a value or as
    silent ("not given by …"), and no item runs off the screen. An attribution difference names
    them in its relay lines: relaying or hedging it, or stating it as fact; and says nothing else
    (no value list beside the lines)."""
    path = event_report if which == "event" else reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": 375, "height": 812}):
        pg = Page(browser, path)
        names = {a["id"]: a["outlet"] for a in pg.data["articles"]}
        members = {
            f"claim-{c['id']}": sorted(names[m["article"]] for m in c["members"]) for c in pg.data["claims"]
        }
        items = pg.page.evaluate(DIFF_ITEMS)
        assert items and any(silent for _, _, silent, _ in items)
        for rid, given, silent, inside in items:
            assert sorted(given + silent) == members[rid], (rid, given, silent)
            assert inside, rid
        who = pg.page.evaluate(WHO_ITEMS)
        assert who, "no attribution difference to check"
        for rid, values, lines in who:
            assert values == 0 and lines >= 2, rid
        pg.close()


# Every relay block after a claim's differences: its claim, the outlets it names, whether it stays
# on screen.
RELAY_BLOCKS = """() => Array.from(document.querySelectorAll('#rows > .row > ul.relays')).map(ul => {
  const r = ul.getBoundingClientRect();
  const names = Array.from(ul.querySelectorAll(':scope > li > .dv > .dvo')).map(b => b.textContent);
  const row = ul.closest('.row');
  // on screen, and under the differences (not squeezed into a column beside them)
  const diffs = row.querySelector(':scope > ul.diffs, :scope > details.minor');
  const below = !diffs || r.top >= diffs.getBoundingClientRect().bottom - 1;
  return [row.id, names, r.left >= 0 && r.right <= window.innerWidth + 0.5 && below,
    row.querySelectorAll(':scope > ul.diffs > li > ul.who').length];
})"""


@pytest.mark.parametrize("which", ["sample", "event"])
def test_relay_lines_without_an_attribution_difference_on_a_phone(browser, reports, event_report, which):
    """A relayed claim with no attribution difference says who relays it, as the terminal does: at
    375 px its relay lines name each outlet of the claim once and stay on screen; a claim whose
    attribution difference already shows the lines has no second block."""
    path = event_report if which == "event" else reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": 375, "height": 812}):
        pg = Page(browser, path)
        names = {a["id"]: a["outlet"] for a in pg.data["articles"]}
        members = {
            f"claim-{c['id']}": sorted({names[m["article"]] for m in c["members"]}) for c in pg.data["claims"]
        }
        blocks = pg.page.evaluate(RELAY_BLOCKS)
        assert blocks, "no relay block to check"
        for rid, named, inside, who in blocks:
            assert sorted(named) == members[rid], (rid, named)
            assert inside and who == 0, rid
        pg.close()


# The provenance graph's label size on screen: its font size times the drawing's scale.
LABEL_PX = """() => {
  const svg = document.querySelector('svg.graph');
  const t = svg.querySelector('text.glabel');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return parseFloat(getComputedStyle(t).fontSize) * scale;
}"""


@pytest.mark.parametrize("which", ["sample", "event"])
def test_graph_labels_are_readable_on_a_phone(browser, reports, event_report, which):
    """At 375 px the graph is not shrunk to fit (its 11 px labels fell to about 6 px on newswcl50-0):
    labels stay at 9.5 px or more, and the figure, not the page, scrolls sideways."""
    path = event_report if which == "event" else reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": 375, "height": 812}):
        pg = Page(browser, path)
        assert pg.page.evaluate(LABEL_PX) >= 9.5
        assert pg.page.evaluate(OVERFLOW) <= 0
        pg.close()


# Each "maybe" link in a claim row: (row id, the outlet's column, href, inside the screen).
MAYBE_LINKS = """() => Array.from(document.querySelectorAll('#rows .cell.absent a.maybe')).map(a => {
  const r = a.getBoundingClientRect();
  return [a.closest('.row').id, a.getAttribute('href'), r.left >= 0 && r.right <= innerWidth + 1];
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_possible_matches_beside_a_claim_match_the_json_and_lead_to_the_sentence(browser, reports, width):
    """An outlet outside a claim whose sentence may tell the same fact shows "maybe" with that
    sentence, on screen at 375 and 1400 px; the JSON's possible pairs say which; Enter on the link
    (keyboard) reads the sentence in its article; the coverage ring has an accessible name."""
    path = reports.get("sample")
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": width, "height": 900}):
        pg = Page(browser, path)
        expected = set()
        for c in pg.data["claims"]:
            ours = {(m["article"], i) for m in c["members"] for i in m["sentences"]}
            carried = {m["article"] for m in c["members"]}
            best: dict[str, tuple[float, int]] = {}
            for p in pg.data["possible"]:
                pair = [(m["article"], m["sentence"]) for m in p["members"]]
                for a, b in (pair, pair[::-1]):
                    if a in ours and b[0] not in carried and p["score"] > best.get(b[0], (-1, 0))[0]:
                        best[b[0]] = (p["score"], b[1])
            expected |= {(f"claim-{c['id']}", f"#s-{a}-{i}") for a, (_s, i) in best.items()}
        links = pg.page.evaluate(MAYBE_LINKS)
        assert expected and {(rid, href) for rid, href, _ in links} == expected
        assert all(inside for _, _, inside in links), links
        assert pg.page.get_by_role("img", name="maybe").count() >= 1
        rid, href, _ = links[0]
        pg.page.focus(f"#{rid} a.maybe[href='{href}']")
        pg.page.keyboard.press("Enter")
        assert (
            pg.page.evaluate("location.hash").endswith(href[1:])
            or pg.page.evaluate("document.querySelector('.current') && document.querySelector('.current').id")
            == href[1:]
        )
        pg.close()


@pytest.mark.parametrize("which", ["sample", "event"])
def test_outlet_counts_fit_a_phone_without_scrolling(browser, reports, event_report, which):
    """The outlets table's counts add up (sentences = in claims + maybe + only here): at 375 px
    every column is on screen, none scrolled out of its box ("Only here" was)."""
    path = event_report if which == "event" else reports.get(which)
    if path is None:
        pytest.skip("sample event not found")
    with viewport(browser, {"width": 375, "height": 812}):
        pg = Page(browser, path)
        wide, box = pg.page.evaluate(
            "(() => {const t = document.querySelector('.tablewrap');"
            " return [t.scrollWidth, t.clientWidth]})()"
        )
        assert wide <= box, (wide, box)
        pg.close()


def test_coverage_rows_are_table_rows_with_a_link_that_a_click_anywhere_follows(browser, reports):
    """The coverage matrix reads as a table to assistive technology (a link given role="row" lost
    its link role): each row's first cell holds the claim's link, each column header the outlet's
    full name, each mark its state; a click anywhere on the row still goes to the claim."""
    pg = Page(browser, reports["hand"])
    snapshot = pg.page.locator("#matrix .cov").aria_snapshot()
    assert '- columnheader "Harbour Gazette"' in snapshot
    assert re.search(r'- cell "c1[^"]*":\n\s+- link "c1', snapshot), snapshot[:600]
    assert '- img "carried"' in snapshot
    cell = pg.page.locator("#matrix .covrow").first.locator(".co").last
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    pg.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    first = pg.page.evaluate("document.querySelector('#matrix .covlink').getAttribute('href').slice(1)")
    assert pg.page.evaluate("document.activeElement.id") == first
    pg.close()
