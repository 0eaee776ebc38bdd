"""Articles from web archives (WARC, plain or gzipped): the HTML pages a crawler saved.

Only ``response`` records with HTTP status 200 and an HTML media type are read; the first record
of each URL wins (a crawl often saves a page twice). Each page is extracted as a fetched page
is (``web.decode_page``, ``formats.parse_html``), with its URL set. Nothing here is fatal: a
record that cannot be read becomes a ``(where, problem)`` entry, ``where`` being
``file@offset``, and reading resumes at the next record the file still holds.

warcio reads the records (chosen by trial over FastWARC: docs/inputs.md). It is imported here
only, when a WARC is read.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field

from ..errors import StorydiffError
from ..model import Article, Options
from .files import DEFAULT_MAX_FILE_BYTES, too_large

WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def is_warc(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path).lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML response as archived: its URL, body (transfer and content encodings undone),
    declared media type, and where its record starts in the file."""

    url: str
    body: bytes
    content_type: str
    offset: int


@dataclass(slots=True)
class WarcHaul:
    """What one WARC gave: articles (in file order) and what was left out, with reasons."""

    articles: list[Article] = field(default_factory=list)
    bad: list[tuple[str, str]] = field(default_factory=list)  # (file@offset or URL, problem)
    no_article: list[tuple[str, str]] = field(default_factory=list)  # (URL, why no article came of it)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (URL, the same URL read first)
    skipped: dict[str, int] = field(default_factory=dict)  # responses passed over, by reason


def read_warc(path: str, options: Options | None = None, seen: dict[str, str] | None = None) -> WarcHaul:
    """Every article in the WARC at ``path``. ``seen`` (URL -> where it was read) carries the
    duplicate check over several files."""
    from .formats import name_from_url, parse_html
    from .web import Page, decode_page

    options = options or Options()
    seen = {} if seen is None else seen
    haul = WarcHaul()
    for item in iter_pages(path, options.max_file_bytes or DEFAULT_MAX_FILE_BYTES, haul):
        key = item.url.split("#", 1)[0]
        if key in seen:
            haul.duplicates.append((item.url, seen[key]))
            continue
        seen[key] = item.url
        try:
            page = Page(url=item.url, body=item.body, content_type=item.content_type)
            raw = decode_page(page, item.url, options.encoding)
            haul.articles.append(parse_html(raw, item.url, stem=name_from_url(item.url), url=item.url))
        except StorydiffError as exc:
            haul.no_article.append((item.url, exc.message))
    return haul


def iter_pages(path: str, max_bytes: int, haul: WarcHaul) -> Iterator[WarcPage]:
    """The HTML 200 responses of one WARC, in file order; problems go to ``haul``."""
    from .files import check_regular

    try:
        check_regular(path)
        fh = open(path, "rb")  # noqa: SIM115 - closed below, across resumptions
    except (StorydiffError, OSError) as exc:
        haul.bad.append((path, exc.message if isinstance(exc, StorydiffError) else str(exc)))
        return
    with fh:
        start: int | None = 0
        size = os.fstat(fh.fileno()).st_size
        after_damage = False
        while start is not None and start < size:
            start = yield from _pages_from(fh, start, path, max_bytes, haul, after_damage)
            after_damage = True


def _pages_from(
    fh: io.BufferedReader, start: int, path: str, max_bytes: int, haul: WarcHaul, after_damage: bool
) -> Generator[WarcPage, None, int | None]:
    """Records from ``start`` on. On damage, note it (once for one damaged stretch) and return
    where the next record may begin; None at the end of the file."""
    from warcio.archiveiterator import ArchiveIterator

    fh.seek(start)
    position, read = start, 0
    archive = None
    try:
        archive = ArchiveIterator(fh)
        records = iter(archive)
        while True:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio prints warnings of its own
                record = next(records, None)
            if record is None:
                return None
            # warcio's ``offset`` is where the record just read starts (get_record_offset would
            # read the record to its end first).
            position, read = int(getattr(archive, "offset", position)), read + 1
            page = _page(record, position, path, max_bytes, haul)
            if page is not None:
                yield page
    except Exception as exc:  # warcio, gzip and zlib raise assorted errors on damaged data
        if archive is not None and read:  # the record after the last one read is the damaged one
            position = max(position, int(getattr(archive, "offset", position)))
        if read or not after_damage:
            haul.bad.append((f"{path}@{position}", f"cannot be read ({error_text(exc)})"))
        return _next_record_start(fh, position + 1)


def error_text(exc: Exception) -> str:
    """A short, printable account of a reading error (warcio quotes the damaged bytes: not those)."""
    detail = (str(exc).splitlines() or [""])[0].split(", first line", 1)[0].split(": first line", 1)[0]
    detail = "".join(ch for ch in detail if ch.isprintable())[:100].strip() or "damaged data"
    return f"{exc.__class__.__name__}: {detail}"


def _page(record, offset: int, path: str, max_bytes: int, haul: WarcHaul) -> WarcPage | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None  # requests, metadata, warcinfo, revisits, DNS lookups: not pages
    # The URL is printed in error lines and the index: no control characters from the archive.
    url = "".join(ch for ch in record.rec_headers.get_header("WARC-Target-URI") or "" if ch.isprintable())
    status = record.http_headers.get_statuscode()
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200":
        haul.skipped["HTTP status other than 200"] = haul.skipped.get("HTTP status other than 200", 0) + 1
        return None
    from .web import HTML_TYPES

    if media not in HTML_TYPES:
        haul.skipped["not HTML"] = haul.skipped.get("not HTML", 0) + 1
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        haul.bad.append((url or f"{path}@{offset}", too_large(None, max_bytes)))
        return None
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:  # the file ends inside this record
        haul.bad.append(
            (f"{path}@{offset}", f"cannot be read (the record is cut short, {missing:,} bytes missing)")
        )
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    return WarcPage(url=url or f"{path}@{offset}", body=body, content_type=content_type, offset=offset)


def _next_record_start(fh: io.BufferedReader, start: int) -> int | None:
    """The offset of the next gzip member or WARC header at or after ``start``; None if none."""
    fh.seek(start)
    position, tail = start, b""
    while True:
        chunk = fh.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        hits = [i for i in (data.find(_GZIP_MAGIC), data.find(_WARC_MAGIC)) if i >= 0]
        if hits:
            return position - len(tail) + min(hits)
        tail = data[-8:]
        position += len(chunk)
