"""The HTML report: one escaped, self-contained file built from the comparison's spans."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compare.load import slugify
from compare.model import (
    Article,
    Attribution,
    Claim,
    Comparison,
    Detail,
    Difference,
    Document,
    Member,
    Provenance,
    ProvenanceEdge,
    Relay,
    Sentence,
    Unique,
    Via,
    WordEdit,
)
from compare.report.htmlreport import Mark, nest, render_html, script_json

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLDEN_EVENT = "portville-ferry-fire"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def make_doc(outlet: str, paragraphs: list[list[str]], title: str | None = None, **meta: str) -> Document:
    """A document whose sentences are given; offsets are computed exactly as the model defines them."""
    text, body_start = "", 0
    if title:
        text = title + "\n\n"
        body_start = len(text)
    aid = meta.pop("id", slugify(outlet))
    sentences = []
    for p, para in enumerate(paragraphs):
        if p:
            text += "\n\n"
        for k, s in enumerate(para):
            if k:
                text += " "
            sentences.append(Sentence(aid, len(sentences), len(text), len(text) + len(s), s, p))
            text += s
    art = Article(
        id=aid, outlet=outlet, text=text, title=title, body_start=body_start, source=f"{aid}.txt", **meta
    )
    return Document(article=art, sentences=tuple(sentences))


def at(doc: Document, i: int, needle: str) -> tuple[int, int]:
    """Article offsets of ``needle`` inside sentence ``i``."""
    s = doc.sentences[i]
    k = s.text.index(needle)
    return s.start + k, s.start + k + len(needle)


def detail(doc: Document, i: int, kind: str, needle: str, **kw) -> Detail:
    s, e = at(doc, i, needle)
    return Detail(kind, needle, s, e, **kw)


def hand_comparison() -> Comparison:
    """Three outlets with every kind of highlight filled in, one of them hostile."""
    a = make_doc(
        "Harbour Gazette",
        [
            ["A fire broke out on the ferry Marisol Star on Thursday, forcing 60 passengers to leave."],
            [
                "Harbour master Tomas Reyes said the fire began in the engine room.",
                "Three people were taken to hospital.",
            ],
            ["The ferry company reportedly plans a replacement boat."],
        ],
        title="Sixty evacuated in ferry fire",
        url="https://gazette.example/fire",
        published="2025-03-14",
    )
    b = make_doc(
        "Daily Ledger",
        [
            ["A fire aboard the Marisol Star forced dozens of passengers to abandon the ferry on Thursday."],
            [
                "According to the Harbour Gazette, the fire began in the engine room.",
                "Two people were taken to hospital.",
            ],
            [f"{SCRIPT} An injected line {IMG} stays text."],
        ],
        title="Ferry fire",
    )
    c = make_doc(
        "Evil & Co <b>bold</b>",
        [
            [
                "A blaze on the Marisol Star forced 60 passengers off the ferry on Thursday.",
                "Officials said three people were hurt.",
            ]
        ],
        title=f"Title {SCRIPT}",
        url="javascript:alert(1)",
        id="evil",
    )
    a = Document(
        a.article,
        a.sentences,
        details=(
            (
                detail(a, 0, "name", "Marisol Star"),
                detail(a, 0, "date", "Thursday"),
                detail(a, 0, "number", "60", value=60.0),
            ),
            (detail(a, 1, "name", "Tomas Reyes", label="person"),),
            (detail(a, 2, "number", "Three", value=3.0),),
            (detail(a, 3, "hedge", "reportedly"),),
        ),
        attributions=(None, None, None, Attribution("hedged", "reportedly", *at(a, 3, "reportedly"))),
    )
    b = Document(
        b.article,
        b.sentences,
        details=(
            (detail(b, 0, "number", "dozens", low=24.0, high=100.0), detail(b, 0, "date", "Thursday")),
            (),
            (detail(b, 2, "number", "Two", value=2.0),),
            (),
        ),
        attributions=(
            None,
            Attribution(
                "attributed",
                "According to",
                *at(b, 1, "According to"),
                source="Harbour Gazette",
                source_kind="outlet",
                quote="indirect",
            ),
            None,
            None,
        ),
    )
    c = Document(
        c.article,
        c.sentences,
        details=((detail(c, 0, "number", "60", value=60.0),), (detail(c, 1, "number", "three", value=3.0),)),
        attributions=(
            None,
            Attribution(
                "attributed",
                "said",
                *at(c, 1, "said"),
                source="Officials",
                source_kind="anonymous",
                via=(Via("Harbour Gazette", "outlet"),),
            ),
        ),
    )
    c1 = Claim(
        "c1",
        (Member(a.article.id, (0,)), Member(b.article.id, (0,)), Member("evil", (0,))),
        0.71,
        differences=(
            Difference(
                "number",
                (("harbour-gazette", "60"), ("daily-ledger", "dozens"), ("evil", "60")),
                True,
                note="60 is not dozens",
                spans=(
                    ("harbour-gazette", *at(a, 0, "60")),
                    ("daily-ledger", *at(b, 0, "dozens")),
                    ("evil", *at(c, 0, "60")),
                ),
            ),
        ),
        edits=(
            WordEdit("daily-ledger", "replace", *at(b, 0, "aboard"), other="broke out on"),
            WordEdit("evil", "replace", *at(c, 0, "blaze"), other="fire"),
        ),
        reference="harbour-gazette",
        firsthand=("harbour-gazette", "daily-ledger", "evil"),
    )
    c2 = Claim(
        "c2",
        (Member(a.article.id, (1,)), Member(b.article.id, (1,))),
        0.64,
        differences=(
            Difference(
                "attribution", (("harbour-gazette", "stated"), ("daily-ledger", "According to")), False
            ),
        ),
        edits=(WordEdit("daily-ledger", "insert", *at(b, 1, "According to the Harbour Gazette,")),),
        reference="harbour-gazette",
        firsthand=("harbour-gazette",),
        relays=(Relay("daily-ledger", "Harbour Gazette", "outlet"),),
    )
    c3 = Claim(
        "c3",
        (Member(a.article.id, (2,)), Member(b.article.id, (2,)), Member("evil", (1,))),
        0.58,
        differences=(
            Difference(
                "number",
                (("harbour-gazette", "Three"), ("daily-ledger", "Two"), ("evil", "three")),
                True,
                spans=(
                    ("harbour-gazette", *at(a, 2, "Three")),
                    ("daily-ledger", *at(b, 2, "Two")),
                    ("evil", *at(c, 1, "three")),
                ),
            ),
        ),
        reference="harbour-gazette",
        firsthand=("harbour-gazette", "daily-ledger"),
        relays=(Relay("evil", "Officials", "anonymous", (Via("Harbour Gazette", "outlet"),)),),
    )
    return Comparison(
        documents=(a, b, c),
        claims=(c1, c2, c3),
        unique=(
            Unique("harbour-gazette", (3,), (detail(a, 3, "name", "replacement boat"),)),
            Unique("daily-ledger", (3,), ()),
            Unique("evil", (), ()),
        ),
        provenance=Provenance(
            edges=(
                ProvenanceEdge("daily-ledger", "Harbour Gazette", "outlet", 1),
                ProvenanceEdge("evil", "Harbour Gazette", "outlet", 1),
            ),
            relayed_share=(("harbour-gazette", 0.25), ("daily-ledger", 0.25), ("evil", 0.5)),
        ),
    )


def embedded_json(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="storydiff-data">(.*?)</script>', html, re.S)
    assert m, "the report embeds its data"
    return json.loads(m.group(1))


class _Collect(HTMLParser):
    """Every start tag with its attributes, and every script body."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def hand_html() -> str:
    return render_html(hand_comparison())


def test_html5_strict_parse(hand_html):
    import html5lib

    html5lib.HTMLParser(strict=True).parse(hand_html)  # raises on any parse error


def test_hostile_text_is_escaped(hand_html):
    p = parse(hand_html)
    # Exactly our two scripts: the JSON block and the report's own code; no <img>, no handlers.
    assert [t for t, _ in p.tags].count("script") == 2
    assert "img" not in [t for t, _ in p.tags]
    assert not any(k.startswith("on") for _, attrs in p.tags for k in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hand_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in hand_html
    assert "Evil &amp; Co &lt;b&gt;bold&lt;/b&gt;" in hand_html
    # A javascript: link is shown as text, never as an href.
    assert not any((attrs.get("href") or "").lower().startswith("javascript") for _, attrs in p.tags)
    data = json.loads(p.scripts[0])
    assert SCRIPT in data["articles"][1]["text"]


def test_script_json_cannot_close_the_block():
    text = script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_self_contained_no_external_references(hand_html):
    p = parse(hand_html)
    for tag, attrs in p.tags:
        for name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            v = attrs.get(name)
            if v is None:
                continue
            external = tag == "a" and v.startswith("https://") and name == "href"
            assert v.startswith("#") or external, f"<{tag} {name}={v!r}> would load something"
    # Links to outlets are plain navigation, not loads; no stylesheet or font link exists at all.
    assert not [t for t, a in p.tags if t == "link"]
    assert "@import" not in hand_html and "url(http" not in hand_html
    csp = next(
        a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp


def test_inline_assets_cannot_end_their_blocks():
    from importlib import resources

    for name in ("report.css", "report.js"):
        text = resources.files("compare").joinpath("templates", name).read_text(encoding="utf-8")
        assert "</" not in text.lower(), name


def test_overview_lists_outlets_counts_and_figures(hand_html):
    assert 'href="https://gazette.example/fire"' in hand_html
    assert "2025-03-14" in hand_html
    assert "javascript:alert(1)" in hand_html  # shown as text
    counts = re.findall(r"<li(?: class=\"hot\")?><b>(\d+)</b> ([a-z -]+)", hand_html)
    assert counts[:3] == [
        ("3", "shared claims"),
        ("2", "with conflicting details"),
        ("2", "unique sentences"),
    ]
    # The matrix: 3 claims x 3 outlets, c2 absent in one outlet, c2 and c3 relayed by one each.
    assert len(re.findall(r'class="mc (?:carried|relayed)"', hand_html)) == 8 + 2  # and 2 legend swatches
    assert hand_html.count('class="mc relayed"') == 2 + 1
    assert hand_html.count('<i class="mc absent"') == 1 + 1
    assert hand_html.count('class="mconf"') == 2 + 1
    # The provenance graph names the relayed outlet, once per relaying edge in titles.
    graph = hand_html[
        hand_html.index('<svg class="graph"') : hand_html.index(
            "</svg>", hand_html.index('<svg class="graph"')
        )
    ]
    assert graph.count("relays Harbour Gazette") == 4  # two edge titles, and the graph title lists both again
    assert "compared" in graph  # the source is one of the compared outlets


def test_claim_rows_cells_and_marks(hand_html):
    rows = re.findall(r'<div class="row ([a-z -]+)" id="([^"]+)"', hand_html)
    ids = [i for _, i in rows]
    # Story order: unique sentences follow the claim holding their article's previous claimed sentence.
    assert ids == ["claim-c1", "claim-c2", "claim-c3", "u-harbour-gazette-3", "u-daily-ledger-3"]
    assert dict((i, k) for k, i in rows)["claim-c1"] == "claim conflict st-strong"
    row1 = hand_html[hand_html.index('id="claim-c1"') : hand_html.index('id="claim-c2"')]
    # The outlets that give one wording are named together.
    evil = "Evil &amp; Co &lt;b&gt;bold&lt;/b&gt;"
    conflict = f'title="conflict (number): Harbour Gazette, {evil}: “60” · Daily Ledger: “dozens”'
    assert f'<mark class="m conflict k-number" {conflict}' in row1
    assert "(60 is not dozens)" in row1
    edit = 'title="worded differently; Harbour Gazette has “broke out on”">aboard</mark>'
    assert f'<mark class="m edit replace" {edit}' in row1
    # The detail nests inside the conflict span that covers the same words.
    inner = '<mark class="m d k-number" title="number: dozens (between 24 and 100)">dozens</mark>'
    assert re.search(r'<mark class="m conflict k-number"[^>]*>' + re.escape(inner) + "</mark>", row1)
    assert '<mark class="m d k-date" title="date: Thursday">Thursday</mark>' in row1
    # The outlet the edits compare against is named, in rows that have edits only.
    assert re.search(
        r'<div class="cell"><span class="badge ref"[^>]*>reference</span> <a class="olabel" '
        r'href="#s-harbour-gazette-0"',
        row1,
    )
    row2 = hand_html[hand_html.index('id="claim-c2"') : hand_html.index('id="claim-c3"')]
    assert "no match found" in row2 and "not reported" not in row2  # Evil & Co has no member in c2
    assert (
        '<span class="badge relay" title="second-hand (attributed), cue “According to”, indirect quote">'
        in row2
    )
    assert "Harbour Gazette (outlet)</bdi></span>" in row2
    assert 'data-relayed="1"' in row2 and 'data-all="0"' in row2
    row3 = hand_html[hand_html.index('id="claim-c3"') : hand_html.index('id="u-harbour-gazette-3"')]
    assert "badge ref" not in row3
    assert "via Harbour Gazette ← Officials (anonymous)" in row3
    uniq = hand_html[hand_html.index('id="u-harbour-gazette-3"') :]
    assert ">only in <bdi>Harbour Gazette</bdi><" in uniq
    assert '<mark class="m distinct" title="only this outlet has this name: replacement boat">' in uniq
    assert '<mark class="m d k-hedge" title="hedge: reportedly">' in uniq


def test_reading_view_links_sentences_to_rows(hand_html):
    assert '<span class="s conf" id="s-harbour-gazette-0" data-target="claim-c1">' in hand_html
    assert '<span class="s uniq rel" id="s-harbour-gazette-3" data-target="u-harbour-gazette-3">' in hand_html
    assert '<a class="cref" href="#claim-c2" title="go to claim c2">c2</a>' in hand_html
    # Every sentence of every article is in the reading view once.
    comp = hand_comparison()
    for doc in comp.documents:
        for s in doc.sentences:
            assert hand_html.count(f'id="s-{doc.article.id}-{s.index}"') == 1


def test_embedded_json_is_the_json_view(hand_html):
    from compare.report.data import to_dict

    assert embedded_json(hand_html) == json.loads(json.dumps(to_dict(hand_comparison())))


def test_deterministic_and_generated_stamp():
    comp = hand_comparison()
    assert render_html(comp) == render_html(comp)
    assert "on 2026-01-02T03:04Z" in render_html(comp, generated="2026-01-02T03:04Z")
    assert " on " not in render_html(comp).split("<footer>")[1].split("</footer>")[0]


def test_filter_counts_match_rows(hand_html):
    n = dict(re.findall(r'value="([a-z]+)"(?: checked)?> [^<]+<span class="n">(\d+)</span>', hand_html))
    assert n == {"all": "5", "conflicts": "2", "relayed": "3", "unique": "2", "everywhere": "2"}


def test_one_article_without_claims():
    import html5lib

    doc = make_doc("Solo Wire", [["One sentence here.", "Another one."]])
    html = render_html(Comparison((doc,), ()))
    html5lib.HTMLParser(strict=True).parse(html)
    assert re.findall(r'<div class="row ([a-z ]+)" id="([^"]+)"', html) == [
        ("unique", "u-solo-wire-0"),
        ("unique", "u-solo-wire-1"),
    ]
    assert "nothing relayed to draw" in html
    assert "<title>storydiff: comparison</title>" in html


def test_possible_matches_read_maybe_never_only_here():
    import html5lib

    from compare.differences.unique import find_unique
    from compare.model import PossibleMatch

    a = make_doc("North Post", [["The bridge shut at dawn.", "Crews checked the cables."]])
    b = make_doc("South Star", [["Engineers inspected the wires.", "Traffic moved by noon."]])
    pm = PossibleMatch((("north-post", 1), ("south-star", 0)), 0.12)
    docs = (a, b)
    unique = find_unique(docs, (), {m for m in pm.members})
    html = render_html(Comparison(docs, (), unique=unique, possible=(pm,)))
    html5lib.HTMLParser(strict=True).parse(html)
    assert html.count('class="cref maybe"') == 2
    assert "<bdi>South Star</bdi></a>" in html.split('id="s-north-post-1"')[1].split("</p>")[0]
    assert 'data-target="s-south-star-0"' in html
    assert "1</b> possible match<small>" in html
    # the other two sentences are told by one outlet only, and say so
    assert html.count(">only here</a>") == 2
    assert embedded_json(html)["possible"] == [
        {
            "members": [{"article": "north-post", "sentence": 1}, {"article": "south-star", "sentence": 0}],
            "score": 0.12,
        }
    ]


def test_nest_splits_crossing_marks():
    text = "abcdefgh"
    marks = [Mark(0, 4, 0, "x", "X"), Mark(2, 6, 1, "y", "Y")]
    nodes = nest(text, 0, marks)
    assert [n.cls for n in nodes] == ["x", "y", ""]
    assert nodes[0].children[0].text == "ab" and nodes[0].children[1].cls == "y"
    assert nodes[1].children[0].text == "ef" and nodes[2].text == "gh"
    # Marks reaching outside the sentence are clipped to it.
    assert nest("abc", 10, [Mark(5, 11, 0, "z", "Z")])[0].children[0].text == "a"


def sample_paths(event: str) -> list[str]:
    folder = SAMPLES / event
    if not folder.is_dir():
        pytest.skip(f"sample event {event} not found under {SAMPLES}")
    # Relative to the repo root, as a user types them, so "source" in the embedded JSON does not
    # depend on where the checkout lives (the golden copy is compared byte for byte).
    root = SAMPLES.parent
    return sorted(str(p.relative_to(root)) for p in folder.iterdir() if p.is_file())


@pytest.fixture(scope="module")
def sample_html() -> str:
    """The golden sample event through the real pipeline and the html format of ``render``."""
    import os

    from compare import compare, load_articles, render

    paths = sample_paths(GOLDEN_EVENT)
    here = os.getcwd()
    os.chdir(SAMPLES.parent)
    try:
        return render(compare(load_articles(paths)), "html")
    finally:
        os.chdir(here)


def test_pipeline_sample_renders_and_validates(sample_html):
    import html5lib

    html5lib.HTMLParser(strict=True).parse(sample_html)
    data = embedded_json(sample_html)
    assert sample_html.count('<div class="row claim') == len(data["claims"])
    assert sample_html.count('<div class="row unique') == sum(data["summary"]["unique_sentences"].values())


def test_golden_sample_event(golden, sample_html):
    golden(f"{GOLDEN_EVENT}.html", sample_html)


def test_glance_comes_first_and_names_what_matters(hand_html):
    main_start = hand_html.index("<main>")
    assert hand_html.index('<section id="glance"', main_start) < hand_html.index('<section id="overview"')
    glance = hand_html[hand_html.index('<section id="glance"') : hand_html.index('<section id="overview"')]
    agreed = re.findall(r'<li data-claim="(c\d+)" class="st-(\w+)"><a href="#claim-c\d+">', glance)
    assert agreed == [("c1", "strong"), ("c3", "strong")]
    assert re.findall(r'<li data-claim="(c\d+)"><a href="#claim-c\d+">', glance) == ["c1", "c3"]
    assert "matches: 2 strong</p>" in glance
    assert "All 3 outlets report" in glance and "2 conflicting details" in glance
    assert '<li data-source="outlet:harbour gazette"><bdi class="sl">Harbour Gazette</bdi>' in glance
    assert "#filter=unique&amp;outlet=daily-ledger" in glance


def test_coverage_groups_claims_by_outlets_and_labels_them(hand_html):
    cov = hand_html[hand_html.index('<figure class="fig" id="matrix">') : hand_html.index('id="provenance"')]
    groups = re.findall(r'<div class="covn" role="row"><span role="cell">([^<]+)</span>', cov)
    assert groups == ["all 3 outlets · 2 claims", "2 outlets · 1 claim"]
    assert re.findall(r'<a class="covlink" href="#claim-(c\d)"', cov) == ["c1", "c3", "c2"]
    assert "Two people were taken to hospital." in cov  # each row's gist


def test_provenance_graph_has_one_node_per_entity_on_its_own_row():
    a = make_doc("Alpha News", [["One."]])
    b = make_doc("Beta Times", [["Two."]])
    edges = (
        ("alpha-news", "Mr. Trump", "person", 10),
        ("beta-times", "Trump", "person", 6),
        ("beta-times", "Mr. Abe", "person", 2),
        ("alpha-news", "Abe", "person", 1),
    )
    html = render_html(
        Comparison((a, b), (), provenance=Provenance(tuple(ProvenanceEdge(*e) for e in edges), ()))
    )
    graph = html[html.index('<svg class="graph"') : html.index("</svg>", html.index('<svg class="graph"'))]
    labels = re.findall(r'<text class="glabel" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]+)', graph)
    right = [
        (float(y), name.strip())
        for y, name in labels
        if name.strip() in ("Mr. Trump", "Trump", "Abe", "Mr. Abe")
    ]
    assert len(right) == 2, right  # one node for each person, whatever the wording
    # Labels on each side sit a row apart: more than a line of text, so none can overlap another.
    columns: dict[str, list[float]] = {}
    for x, y in re.findall(r'<text class="glabel" x="([\d.]+)" y="([\d.]+)"', graph):
        columns.setdefault(x, []).append(float(y))
    assert len(columns) == 2
    for ys in columns.values():
        ys.sort()
        assert all(b - a >= 20 for a, b in zip(ys, ys[1:], strict=False)), ys


def test_long_words_and_long_quotes_stay_small():
    word = "x" * 20_000
    docs = [
        make_doc(f"Outlet {k}", [[f"Officials quoted “{word}” in the letter.", "Nothing else."]])
        for k in range(7)
    ]
    docs = [
        Document(d.article, d.sentences, details=((detail(d, 0, "quote", f"“{word}”"),), ()), attributions=())
        for d in docs
    ]
    ids = [d.article.id for d in docs]
    spans = tuple((aid, *at(d, 0, f"“{word}”")) for aid, d in zip(ids, docs, strict=True))
    claim = Claim(
        "c1",
        tuple(Member(aid, (0,)) for aid in ids),
        0.9,
        differences=(
            Difference("quote", tuple((aid, word + str(k)) for k, aid in enumerate(ids)), True, spans=spans),
        ),
    )
    html = render_html(Comparison(tuple(docs), (claim,)))
    page = html[: html.index('<script type="application/json"')]
    assert "x" * 100 not in page  # cut for display; the embedded JSON keeps it whole
    assert len(html) < 1_000_000, len(html)
    assert embedded_json(html)["articles"][0]["sentences"][0]["text"].count("x") == 20_000


def test_untrusted_text_is_isolated(hand_html):
    # Outlet names, titles and values sit in <bdi>, sentences in spans the CSS isolates.
    assert '<bdi class="dvo">Daily Ledger</bdi>' in hand_html
    assert "<bdi>Evil &amp; Co &lt;b&gt;bold&lt;/b&gt;</bdi>" in hand_html
    assert "bdi, .s, .dv, .badge, .rawurl, .cg, mark { unicode-bidi: isolate; }" in hand_html
