"""Bench the HTML report: render a synthetic event (600 claims x 5 outlets), then load, filter and
scroll it in headless Chromium. Run from the repo root: .venv/bin/python bench/html_report.py"""
import sys, time
sys.path.insert(0, "tests")  # run from the repo root
from pathlib import Path
from test_report_html import make_doc
from compare.model import *
from compare.report.htmlreport import render_html
N, A = 600, 5
words = "the ferry fire crew harbour passengers evacuated engine room hospital".split()
docs = []
for a in range(A):
    paras = [[f"Sentence {i} of outlet {a} says {words[i % 10]} {words[(i*3+a) % 10]} with {i*7 % 97} people on day {i % 31}." for i in range(k, k+4)] for k in range(0, N, 4)]
    d = make_doc(f"Outlet {a}", paras, title=f"Title {a}")
    dets = tuple((Detail("number", str(i*7%97), *(lambda s: (s.start + s.text.index(' with ')+6, s.start + s.text.index(' with ')+6+len(str(i*7%97))))(s)),) for i, s in enumerate(d.sentences))
    atts = tuple(Attribution("attributed", "says", s.start + s.text.index("says"), s.start + s.text.index("says") + 4, source="Officials", source_kind="anonymous") if i % 9 == a else None for i, s in enumerate(d.sentences))
    docs.append(Document(d.article, d.sentences, details=dets, attributions=atts))
claims = []
for i in range(N):
    mem = tuple(Member(d.article.id, (i,)) for j, d in enumerate(docs) if (i + j) % 4)
    if len(mem) < 2: continue
    sp = tuple((m.article, docs[int(m.article.split('-')[1])].details[i][0].start, docs[int(m.article.split('-')[1])].details[i][0].end) for m in mem)
    diffs = (Difference("number", tuple((m.article, "x") for m in mem), i % 5 == 0, spans=sp),)
    claims.append(Claim(f"c{i+1}", mem, 0.5, differences=diffs))
comp = Comparison(tuple(docs), tuple(claims))
t = time.time(); html = render_html(comp); print("render", round(time.time()-t, 2), "s", len(html)//1024, "KiB", len(claims), "claims")
Path("/tmp/storydiff-bench.html").write_text(html)
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
    pg = b.new_page(viewport={"width": 1280, "height": 900})
    errs = []
    pg.on("console", lambda m: m.type == "error" and errs.append(m.text))
    t = time.time(); pg.goto("file:///tmp/storydiff-bench.html"); print("load", round(time.time()-t, 2))
    print("apply ms", pg.evaluate("""() => { const t = performance.now(); document.querySelector('input[value=conflicts]').click(); document.querySelector('input[value=all]').click(); return performance.now() - t; }"""))
    t = time.time()
    for _ in range(30): pg.keyboard.press("j")
    print("30 j", round(time.time()-t, 2))
    t = time.time(); pg.mouse.wheel(0, 20000); pg.wait_for_timeout(100); print("wheel", round(time.time()-t,2))
    print(errs)
    b.close()
