"""Web pages by URL: fetched over HTTP(S) with urllib3, then read like saved pages.

urllib3 (already installed with trafilatura, which uses it for its own downloads) gives what a
fetch needs and the standard library's urllib lacks or leaves to the caller: separate connect
and read timeouts, a redirect limit, streamed and capped reading of the body with gzip and
deflate decoded on the way, and a connection error type per failure. Every failure is an
``UnreadableArticle`` (or ``EmptyArticle``) that names the URL, for one ``Error:`` line.

With a cache folder (``--cache DIR``) a page fetched once is read from disk after that: the
body as ``<key>.html`` and what the server said about it as ``<key>.json``, ``key`` being the
SHA-256 of the URL as given.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import StorydiffError, UnreadableArticle
from ..model import Article, Options
from .files import DEFAULT_MAX_FILE_BYTES, TOO_LARGE_HINT, decode_bytes, too_large

# Seconds for connecting, for each wait on the server, and for the whole download of one page.
# News pages load within 2-5 s on an ordinary connection; 20 s leaves room for a slow site
# without leaving a batch hanging on a dead one. --timeout changes it.
DEFAULT_TIMEOUT = 20.0
# Redirects followed: http -> https -> www. -> a consent or mobile hop is 3; browsers allow 20,
# but a chain past 5 on a news site is a loop or a paywall bounce.
MAX_REDIRECTS = 5
# Media types read as pages; anything else (a PDF, an image, a JSON API) is refused unread.
HTML_TYPES = ("text/html", "application/xhtml+xml")

_CHUNK = 64 * 1024
_URL = re.compile(r"\Ahttps?://", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL rather than a file."""
    return bool(_URL.match(text))


def user_agent() -> str:
    from .. import __version__

    return f"storydiff/{__version__} (news report comparison; one request per page)"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: where it ended up after redirects, its bytes and its declared type."""

    url: str
    body: bytes
    content_type: str


def load_url(url: str, options: Options) -> Article:
    """Fetch ``url`` (or take it from the cache) and extract its article, with ``url`` set."""
    from .formats import name_from_url, parse_html

    max_bytes = options.max_file_bytes or DEFAULT_MAX_FILE_BYTES
    cache = Path(options.cache_dir) if options.cache_dir else None
    page = read_cache(cache, url) if cache else None
    if page is None:
        page = fetch(url, options.fetch_timeout or DEFAULT_TIMEOUT, max_bytes)
        if cache:
            write_cache(cache, url, page)
    raw = decode_page(page, url, options.encoding)
    article = parse_html(raw, url, stem=name_from_url(page.url), url=page.url)
    return article


def fetch(url: str, timeout: float, max_bytes: int) -> Page:
    """GET ``url``: an HTML page of at most ``max_bytes`` within ``timeout`` seconds, or a clear error."""
    import urllib3
    from urllib3.exceptions import HTTPError, LocationValueError

    retries = urllib3.Retry(
        total=MAX_REDIRECTS,
        connect=0,
        read=0,
        status=0,
        other=0,
        redirect=MAX_REDIRECTS,
        raise_on_status=False,
    )
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        retries=retries,
        headers={
            "User-Agent": user_agent(),
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        response = http.request("GET", url, preload_content=False, decode_content=True)
    except LocationValueError as exc:  # no host, a space, a bad port
        raise UnreadableArticle("is not a valid URL", url) from exc
    except HTTPError as exc:
        raise UnreadableArticle(fetch_problem(exc, timeout), url) from exc
    try:
        final = final_url(url, response)
        check_response(response.status, response.headers, url, max_bytes)
        body = read_capped(response, url, max_bytes, deadline, timeout)
    except HTTPError as exc:
        raise UnreadableArticle(fetch_problem(exc, timeout), url) from exc
    finally:
        response.release_conn()
        http.clear()
    return Page(url=final, body=body, content_type=response.headers.get("Content-Type", ""))


def final_url(url: str, response: object) -> str:
    """Where the redirects ended. urllib3's ``geturl()`` gives only the last request's path, which
    loses the host after a redirect to another site; its retry history has every hop."""
    from urllib.parse import urljoin

    current = url
    retries = getattr(response, "retries", None)
    for hop in getattr(retries, "history", ()) or ():
        if hop.redirect_location:
            current = urljoin(hop.url or current, hop.redirect_location)
    return current


def check_response(status: int, headers: object, url: str, max_bytes: int) -> None:
    """Refuse a response before its body is read: an error status, not HTML, or too long."""
    from http import HTTPStatus

    get = headers.get  # type: ignore[attr-defined]
    if status in (404, 410):
        raise UnreadableArticle(f"not found (HTTP {status})", url)
    if not 200 <= status < 300:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "error"
        raise UnreadableArticle(f"the server answered HTTP {status} ({phrase})", url)
    media = (get("Content-Type") or "").split(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        raise UnreadableArticle(
            f"is not an HTML page ({media})", url, "give the address of the article's web page"
        )
    length = get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise UnreadableArticle(too_large(int(length), max_bytes), url, TOO_LARGE_HINT)


def read_capped(response: object, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The (decoded) body, refused once it passes ``max_bytes`` or the download passes ``deadline``."""
    chunks, total = [], 0
    while True:
        # read1, not read: read(n) waits for all n bytes, so a server sending a byte at a time,
        # each within the read timeout, would hold it for hours; read1 returns what has come.
        chunk = response.read1(_CHUNK, decode_content=True)  # type: ignore[attr-defined]
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise UnreadableArticle(too_large(None, max_bytes), url, TOO_LARGE_HINT)
        if time.monotonic() > deadline:
            raise UnreadableArticle(f"timed out (the page took over {timeout:g} s to download)", url)
    return b"".join(chunks)


def fetch_problem(exc: Exception, timeout: float) -> str:
    """Words for a urllib3 failure: timeout, no connection, too many redirects, TLS, broken reply."""
    from urllib3.exceptions import (
        MaxRetryError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        SSLError,
        TimeoutError,
    )

    reason = exc.reason if isinstance(exc, MaxRetryError) and exc.reason is not None else exc
    # NewConnectionError is a TimeoutError subclass in urllib3: test it first.
    if isinstance(reason, NameResolutionError):
        return "cannot connect (the host name is not known)"
    if isinstance(reason, NewConnectionError):
        return "cannot connect (the connection was refused or the host is unreachable)"
    if isinstance(reason, TimeoutError):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(reason, SSLError):
        return "cannot connect securely (TLS certificate or handshake failed)"
    if isinstance(exc, MaxRetryError) and "redirect" in str(reason).lower():
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(reason, ProtocolError):
        return "the connection broke off before the page was read"
    return f"cannot be fetched ({reason.__class__.__name__})"


def decode_page(page: Page, url: str, encoding: str | None) -> str:
    """Text of a page: ``--encoding``, else the charset the server or the page declares, else as a file."""
    if encoding:
        return decode_bytes(page.body, url, encoding)
    declared = _declared_charset(page)
    if declared:
        try:
            text = page.body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; the file rules below still apply
        else:
            if text.strip():
                return text
    return decode_bytes(page.body, url)


def _declared_charset(page: Page) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", page.content_type, re.I)
    if m:
        return m.group(1)
    meta = _META_CHARSET.search(page.body[:4096])
    return meta.group(1).decode("ascii") if meta else None


def cache_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def read_cache(cache: Path, url: str) -> Page | None:
    """The page cached for ``url``, or None when there is none (or it cannot be read)."""
    key = cache_key(url)
    try:
        meta = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        body = (cache / f"{key}.html").read_bytes()
        if meta.get("url_given") != url:
            return None
        return Page(url=str(meta["url"]), body=body, content_type=str(meta.get("content_type", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_cache(cache: Path, url: str, page: Page) -> None:
    """Keep a fetched page for the next run; the page body first, so a half-written entry is ignored."""
    from ..atomic import write_atomic

    key = cache_key(url)
    meta = {"url_given": url, "url": page.url, "content_type": page.content_type}
    try:
        write_atomic(cache / f"{key}.html", page.body)
        write_atomic(cache / f"{key}.json", json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise StorydiffError(f"cannot write to the cache ({exc.strerror or exc})", str(cache)) from exc
