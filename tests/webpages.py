"""Web pages and a web server for the URL and WARC tests: our sample articles dressed as real news
pages (navigation, cookie banner, share counters, advertisement, photo credit, "Read more" and
subscription boxes, footer), served on 127.0.0.1 from a thread. Nothing leaves the machine."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

from compare.load import load_file
from compare.model import Article

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Text of the page furniture below: none of it may reach an article's text.
FURNITURE = (
    "We use cookies",
    "Accept all",
    "Manage preferences",
    "Skip to content",
    "Subscribe",
    "Advertisement",
    "1077",
    "Getty Images",
    "Read more",
    "Sign up",
    "Most read",
    "Share",
    "Privacy",
    "All rights reserved",
)


def sample_article(event: str, name: str) -> Article:
    (article,) = load_file(str(SAMPLES / event / name))
    return article


def paragraphs(article: Article) -> list[str]:
    body = article.text[article.body_start :]
    return [p.strip().replace("\n", " ") for p in body.split("\n\n") if p.strip()]


def news_page(
    title: str, paras: list[str], site: str, published: str | None = None, url: str | None = None
) -> str:
    """An article page with the furniture of a real news site around (and inside) the story."""
    e = html.escape
    body = [f"<p>{e(p)}</p>" for p in paras]
    # An advertisement slot and a photo with its credit in the middle of the story.
    middle = max(1, len(body) // 2)
    body.insert(middle, '<div class="ad-slot"><p>Advertisement</p></div>')
    body.insert(
        1,
        '<figure><img src="/img/harbour.jpg" alt=""><figcaption>Photo: Jane Doe/Getty Images'
        "</figcaption></figure>",
    )
    meta = [
        f'<meta property="og:site_name" content="{e(site)}">',
        f'<meta property="og:title" content="{e(title)}">',
    ]
    if published:
        meta.append(f'<meta property="article:published_time" content="{e(published)}">')
    if url:
        meta.append(f'<link rel="canonical" href="{e(url)}">')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)} | {e(site)}</title>
{chr(10).join(meta)}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and ads and to
analyse our traffic. By continuing to browse this site you agree to our use of cookies.</p>
<button>Accept all</button> <button>Manage preferences</button></div>
<a class="skip" href="#main">Skip to content</a>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main id="main"><article>
<h1>{e(title)}</h1>
<div class="share"><span class="count">0</span><span class="count">1077</span>
<a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
{chr(10).join(body)}
</article>
<aside class="related"><h2>Read more</h2><ul><li><a href="/news/a">Harbour dredging to start in April</a></li>
<li><a href="/news/b">Kestrel school gets a new roof this summer</a></li></ul></aside>
<aside class="subscribe-box"><p>Subscribe today for unlimited access to local journalism, from just
$1 a week.</p><p>Already a subscriber? Sign in</p></aside>
<aside class="most-read"><h3>Most read</h3>
<ol><li><a href="/x">Council votes on the new baths</a></li></ol></aside>
</main>
<footer><p>© 2025 {e(site)}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/contact">Contact us</a></p>
<p>Sign up for our morning newsletter to get the day's news in your inbox.</p></footer>
</body></html>
"""


def blog_page(title: str, paras: list[str], site: str) -> str:
    """A page in plain markup, every piece of furniture a bare paragraph in the story's own
    container: trafilatura keeps all of it, so the boilerplate filter has to catch it."""
    e = html.escape
    furniture_top = [
        "We use cookies to improve your experience. By continuing you agree to our cookie policy."
    ]
    counters = ["0", "1077", "Share"]
    body = [e(p) for p in paras]
    middle = max(1, len(body) // 2)
    body[middle:middle] = ["Advertisement", "Photo: Jane Doe/Getty Images"]
    body.insert(len(body) - 1, "Read more: Harbour dredging to start in April")
    body.append("Subscribe to our newsletter for the day&#39;s harbour news in your inbox.")
    body.append("Home | News | Sport | Weather")
    ps = "\n".join(f"<p>{p}</p>" for p in [*furniture_top, *counters, *body])
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(title)}</title>
<meta property="og:site_name" content="{e(site)}"></head><body>
<div><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>
<div class="content">
<h1>{e(title)}</h1>
{ps}
</div></body></html>
"""


def page_from_sample(event: str, name: str, site: str, published: str | None = None) -> str:
    article = sample_article(event, name)
    return news_page(article.title or site, paragraphs(article), site, published)


class Served(NamedTuple):
    url: str
    requests: list[str]


# A route answers (status, headers, body); ``delay`` seconds are slept before the answer.
Route = tuple[int, dict[str, str], bytes] | Callable[[], tuple[int, dict[str, str], bytes]]


def html_route(page: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode("utf-8")


@contextmanager
def serve(
    routes: dict[str, Route], delays: dict[str, float] | None = None, dribble: float = 0.0
) -> Iterator[Served]:
    """Serve ``routes`` (path -> response) on 127.0.0.1 at a free port; yields its base URL and
    the list of paths requested so far. ``dribble`` > 0: bodies go out 100 bytes at a time,
    that many seconds apart."""
    delays = delays or {}
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requests.append(self.path)
            route = routes.get(self.path)
            if route is None:
                status, headers, body = 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"
            else:
                status, headers, body = route() if callable(route) else route
            time.sleep(delays.get(self.path, 0))
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if dribble:
                    for i in range(0, len(body), 100):
                        self.wfile.write(body[i : i + 100])
                        self.wfile.flush()
                        time.sleep(dribble)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a size cap): that is the point of the test

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Served(f"http://{host}:{port}", requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
