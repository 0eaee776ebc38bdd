"""Bench the HTML report: render a synthetic event (600 claims x 5 outlets), then load, filter and
scroll it in headless Chromium. Run from the repo root: .venv/bin/python bench/html_report.py"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from compare.model import Attribution, Claim, Comparison, Detail, Difference, Document, Member
from compare.report.htmlreport import render_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_report_html import make_doc  # noqa: E402

SENTENCES, OUTLETS = 600, 5
OUT = Path("/tmp/storydiff-bench.html")
WORDS = "the ferry fire crew harbour passengers evacuated engine room hospital".split()
APPLY_FILTERS = """() => {
  const t = performance.now();
  document.querySelector('input[value=conflicts]').click();
  document.querySelector('input[value=all]').click();
  return performance.now() - t;
}"""


def synthetic_document(a: int) -> Document:
    """Outlet ``a``: SENTENCES sentences in paragraphs of four, one number each, some attributed."""
    paras = [
        [
            f"Sentence {i} of outlet {a} says {WORDS[i % 10]} {WORDS[(i * 3 + a) % 10]} "
            f"with {i * 7 % 97} people on day {i % 31}."
            for i in range(k, k + 4)
        ]
        for k in range(0, SENTENCES, 4)
    ]
    doc = make_doc(f"Outlet {a}", paras, title=f"Title {a}")
    details = []
    attributions: list[Attribution | None] = []
    for i, s in enumerate(doc.sentences):
        number = str(i * 7 % 97)
        start = s.start + s.text.index(" with ") + 6
        details.append((Detail("number", number, start, start + len(number)),))
        says = s.start + s.text.index("says")
        attributions.append(
            Attribution("attributed", "says", says, says + 4, source="Officials", source_kind="anonymous")
            if i % 9 == a
            else None
        )
    return Document(doc.article, doc.sentences, details=tuple(details), attributions=tuple(attributions))


def synthetic_comparison() -> Comparison:
    docs = [synthetic_document(a) for a in range(OUTLETS)]
    claims = []
    for i in range(SENTENCES):
        members = tuple(Member(d.article.id, (i,)) for j, d in enumerate(docs) if (i + j) % 4)
        if len(members) < 2:
            continue
        spans = tuple(
            (m.article, d.details[i][0].start, d.details[i][0].end)
            for m in members
            for d in docs
            if d.article.id == m.article
        )
        diffs = (Difference("number", tuple((m.article, "x") for m in members), i % 5 == 0, spans=spans),)
        claims.append(Claim(f"c{i + 1}", members, 0.5, differences=diffs))
    return Comparison(tuple(docs), tuple(claims))


def main() -> None:
    comparison = synthetic_comparison()
    t = time.time()
    html = render_html(comparison)
    print(
        "render", round(time.time() - t, 2), "s", len(html) // 1024, "KiB", len(comparison.claims), "claims"
    )
    # Warm: the template compiled and the modules imported, as in a batch run (best of three).
    warm = []
    for _ in range(3):
        t = time.perf_counter()
        render_html(comparison)
        warm.append(time.perf_counter() - t)
    print("render warm, best of 3", round(min(warm), 2), "s")
    OUT.write_text(html)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        t = time.time()
        page.goto(OUT.as_uri())
        print("load", round(time.time() - t, 2))
        print("apply ms", page.evaluate(APPLY_FILTERS))
        t = time.time()
        for _ in range(30):
            page.keyboard.press("j")
        print("30 j", round(time.time() - t, 2))
        t = time.time()
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(100)
        print("wheel", round(time.time() - t, 2))
        print(errors)
        browser.close()


if __name__ == "__main__":
    main()
