"""Articles from the text of an input: plain text, Markdown with front matter, HTML, JSON, JSONL.

Each parser returns ``Article`` values whose ``text`` is exactly what every later offset refers
to; boilerplate lines (``boilerplate``) are left out of it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import BadFormat, EmptyArticle, UnreadableArticle
from ..lexicon import DATELINE_LINE
from ..model import Article, Options
from .boilerplate import is_boilerplate, strip_boilerplate
from .files import DEFAULT_MAX_FILE_BYTES, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

# An HTML page must yield at least one line of this many words to count as having an article body:
# a 404 page or a bare index yields only navigation labels ("Home", "News") and a copyright line.
# The shortest body line among our sample pages has 9 words.
MIN_HTML_BODY_LINE_WORDS = 5

# Names a file may use for an outlet besides the outlet's own spelling in ``outlets.OUTLETS``
# (which already gives "usa-today" -> "USA Today", "bbc-news" -> "BBC News", "wsj" -> "WSJ").
OUTLET_ALIASES = {
    "huffington-post": "HuffPost",
    "nytimes": "New York Times",
    "nyt": "New York Times",
}

# Unicode spaces other than the plain space are folded to one plain space each, so that offsets
# into the normalised text stay in step with the text as read. Line and paragraph separators
# become newlines.
_SPACE_MAP = {ord(ch): " " for ch in map(chr, range(0x80, 0x3001)) if unicodedata.category(ch) == "Zs"}
_SPACE_MAP.update({0x2028: "\n", 0x2029: "\n", 0x85: "\n", 0x0B: " ", 0x0C: "\n"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_WORD = re.compile(r"\w")
# Footer lines that trafilatura may keep at the end of a body: "© 2022 …", "Copyright 2021 …",
# "All rights reserved."
_BOILERPLATE_LINE = re.compile(r"(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved\b)", re.I)
# trafilatura falls back to the URL's host when a page names no site ("www.example.com").
_HOST_NAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.I)
_MD_HEADING = re.compile(r"\A[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*\n")


def slugify(name: str, fallback: str = "article") -> str:
    """Lower-case ASCII letters and digits joined by hyphens (``fallback`` when none are left)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or fallback


def outlet_from_name(stem: str) -> str:
    """``daily-mail`` -> ``Daily Mail``; known outlets (``usa-today`` -> ``USA Today``) and their
    one-word names inside longer stems (``cnn-politics`` -> ``CNN Politics``) keep their spelling."""
    slug = slugify(stem)
    spellings = _outlet_spellings()
    if slug in OUTLET_ALIASES:
        return OUTLET_ALIASES[slug]
    if slug in spellings:
        return spellings[slug]
    words = [w for w in slug.split("-") if w]
    return " ".join(spellings.get(w, w.capitalize()) for w in words) or stem


# Host labels that are not the site's name: prefixes ("www.", "edition.") and second-level
# registry labels ("co" in dailymail.co.uk).
_HOST_PREFIXES = frozenset({"www", "www2", "m", "mobile", "amp", "edition", "news", "en", "uk", "us"})
_REGISTRY_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "or", "ne"})
_IP_HOST = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|localhost", re.I)


def name_from_url(url: str) -> str:
    """A file-name-like stem for a page's outlet: ``https://www.dailymail.co.uk/news/x`` ->
    ``dailymail``. A local or numeric host (a test server) gives the page's own file stem."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or _IP_HOST.fullmatch(host):
        last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
        return Path(last).stem or host or "page"
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels.pop(0)
    if len(labels) > 1:
        labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in _REGISTRY_LABELS:
        labels.pop()
    return labels[-1]


def outlet_from_host_name(name: str) -> str:
    """``dailymail`` -> ``Daily Mail`` where a known outlet's name run together gives ``name``;
    else as ``outlet_from_name``."""
    squashed = slugify(name).replace("-", "")
    for slug, spelling in _outlet_spellings().items():
        if slug.replace("-", "") == squashed:
            return spelling
    return outlet_from_name(name)


@functools.lru_cache(maxsize=1)
def _outlet_spellings() -> dict[str, str]:
    """Each known outlet by its file-name slug (the first outlet listed wins a shared slug)."""
    from ..outlets import OUTLETS

    spellings: dict[str, str] = {}
    for name in OUTLETS:
        if name.isascii():  # "RTÉ" would claim the slug "rt"
            spellings.setdefault(slugify(name), name)
    return spellings


def normalise_text(text: str) -> str:
    """Fold Unicode spaces and line ends one character for one, after CRLF/CR become LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_MAP)


def unique_ids(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Make ids unique in input order (``reuters``, ``reuters-2``) without reordering."""
    from dataclasses import replace

    arts = list(articles)
    taken = {a.id for a in arts}
    used: set[str] = set()
    out = []
    for art in arts:
        ident = art.id
        if ident in used:
            n = 2
            while f"{art.id}-{n}" in used or f"{art.id}-{n}" in taken:
                n += 1
            ident = f"{art.id}-{n}"
        used.add(ident)
        out.append(art if ident == art.id else replace(art, id=ident))
    return tuple(out)


def load_path(
    path: str, options: Options | None = None, fallback: Mapping[str, str] | None = None
) -> tuple[Article, ...]:
    """Read one input file into one or more articles (a JSONL file or a JSON array: one per record).

    ``fallback`` (outlet, title, published, url: a metadata sidecar's) fills what a one-article
    file does not give itself; a JSONL file or a JSON array takes nothing from it.
    """
    options = options or Options()
    fallback = fallback or {}
    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    if suffix not in SUFFIXES and p.exists() and not p.is_symlink():
        raise UnreadableArticle(
            f"unsupported file type {suffix or '(no extension)'!r}",
            path,
            "use .txt, .md, .html, .json or .jsonl",
        )
    raw = read_text(path, options.encoding, options.max_file_bytes or DEFAULT_MAX_FILE_BYTES)
    if suffix in (".html", ".htm"):
        return (parse_html(raw, path, fallback=fallback),)
    if suffix == ".json":
        return parse_json(raw, path, fallback)
    if suffix == ".jsonl":
        return parse_jsonl(raw, path)
    if suffix in (".md", ".markdown"):
        return (parse_markdown(raw, path, fallback),)
    return (parse_plain(raw, path, fallback),)


def parse_json(raw: str, path: str, fallback: Mapping[str, str] | None = None) -> tuple[Article, ...]:
    """One article object, or an array of them (``fallback`` fills a lone object only)."""
    obj = decode_json(raw, path)
    if isinstance(obj, list):
        if not obj:
            raise EmptyArticle("holds an empty JSON array, no articles", path)
        return tuple(_from_record(o, f"{path}[{i}]", path) for i, o in enumerate(obj))
    return (_from_record(obj, path, path, fallback),)


def decode_json(raw: str, path: str, line: int | None = None) -> Any:
    """``json.loads`` with a plain reason for every failure: broken, nested too deeply, too large.

    Errors name ``path:line``: ``line`` of a JSONL record, else the line inside ``raw``.
    """
    where = path if line is None else f"{path}:{line}"
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        at = f"{path}:{line if line is not None else exc.lineno}"
        raise BadFormat(f"invalid JSON: {exc.msg} (column {exc.colno})", at) from exc
    except RecursionError:
        raise BadFormat("invalid JSON: nested too deeply", where) from None
    except (ValueError, MemoryError) as exc:  # a number of more than 4,300 digits, or no memory
        raise BadFormat(f"invalid JSON: too large ({exc.__class__.__name__})", where) from None


def _check_body(text: str, body_start: int, path: str) -> None:
    if not _WORD.search(text, body_start):
        problem = "has no article text" if body_start == 0 else "has a title but no article text"
        raise EmptyArticle(problem, path)


def parse_plain(raw: str, path: str, fallback: Mapping[str, str] | None = None) -> Article:
    """Plain text: the first line is the title when a blank line follows it. Plain text gives no
    outlet (but its file name), date or address: ``fallback`` (a sidecar's fields) gives them."""
    meta = fallback or {}
    text = strip_boilerplate(normalise_text(raw))
    title, body_start = None, 0
    m = re.match(r"\A[ \t]*([^\n]+?)[ \t]*\n[ \t]*\n", text)
    if m and len(m.group(1)) <= 300:
        title, body_start = m.group(1), m.end()
        if DATELINE_LINE.match(title):
            title = None  # "WEST PALM BEACH, Fla. —" opens the story; it names no headline
    _check_body(text, body_start, path)
    stem = Path(path).stem
    return Article(
        id=slugify(stem),
        outlet=meta.get("outlet") or outlet_from_name(stem),
        text=text,
        title=title or _headline(meta.get("title")),
        published=meta.get("published"),
        url=meta.get("url"),
        source=path,
        body_start=body_start,
    )


def _headline(title: str | None) -> str | None:
    """A sidecar's title, unless it is a dateline ("WEST PALM BEACH, Fla. —"), which names no
    headline (the corpus gives a story's first line as its title when the story has none)."""
    return None if title is None or DATELINE_LINE.match(title) else title


def parse_markdown(raw: str, path: str, fallback: Mapping[str, str] | None = None) -> Article:
    """Markdown with optional YAML front matter (outlet, title, published, url); ``fallback`` (a
    sidecar's fields) fills what neither the front matter nor the heading gives."""
    fallback = fallback or {}
    raw = normalise_text(raw)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(raw)
    if m:
        import yaml

        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            raise BadFormat(f"has malformed front matter ({exc.__class__.__name__})", path) from exc
        except RecursionError:
            raise BadFormat("has front matter nested too deeply", path) from None
        if not isinstance(loaded, dict):
            raise BadFormat("front matter is not a mapping of fields", path)
        meta = loaded
        raw = raw[m.end() :]
    text = strip_boilerplate(raw)
    title, body_start = _field(meta, "title"), 0
    h = _MD_HEADING.match(text)
    if h:
        title = title or h.group(1)
        body_start = h.end()
    _check_body(text, body_start, path)
    stem = Path(path).stem
    return Article(
        id=slugify(stem),
        outlet=_field(meta, "outlet", "source", "site") or fallback.get("outlet") or outlet_from_name(stem),
        text=text,
        title=title or _headline(fallback.get("title")),
        published=_field(meta, "published", "date") or fallback.get("published"),
        url=_field(meta, "url", "link") or fallback.get("url"),
        source=path,
        body_start=body_start,
    )


def _field(meta: dict[str, Any], *names: str) -> str | None:
    """The first of ``names`` that is set, as text; YAML dates and times come back in ISO form."""
    import datetime as dt

    for name in names:
        value = meta.get(name)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if value is not None and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _from_record(obj: Any, where: str, path: str, fallback: Mapping[str, str] | None = None) -> Article:
    fallback = fallback or {}
    if not isinstance(obj, dict):
        raise BadFormat(f'expected a JSON object with a "text" field, found {_json_type(obj)}', where)
    text = obj.get("text")
    if text is None:
        raise BadFormat('has no "text" field', where)
    if not isinstance(text, str):
        raise BadFormat(f'"text" must be a string, found {_json_type(text)}', where)
    for name in ("id", "outlet", "title", "published", "url"):
        value = obj.get(name)
        if isinstance(value, (dict, list)):
            raise BadFormat(f'"{name}" must be a string, found {_json_type(value)}', where)
    text = strip_boilerplate(normalise_text(text))
    if not _WORD.search(text):
        raise EmptyArticle('has an empty "text" field', where)
    outlet = _field(obj, "outlet", "source", "site")
    stem = Path(path).stem
    ident = _field(obj, "id") or (outlet and slugify(outlet)) or stem
    return Article(
        id=slugify(ident),
        outlet=outlet or fallback.get("outlet") or outlet_from_name(stem),
        text=text,
        title=_field(obj, "title") or _headline(fallback.get("title")),
        published=_field(obj, "published", "date") or fallback.get("published"),
        url=_field(obj, "url") or fallback.get("url"),
        source=where,
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def parse_jsonl(raw: str, path: str) -> tuple[Article, ...]:
    """One JSON article object per line; errors name ``path:line``."""
    out = []
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        obj = decode_json(line, path, n)
        out.append(_from_record(obj, where, path))
    if not out:
        raise EmptyArticle("holds no JSON records", path)
    return tuple(out)


def parse_html(
    raw: str,
    path: str,
    stem: str | None = None,
    url: str | None = None,
    fallback: Mapping[str, str] | None = None,
) -> Article:
    """A web page: trafilatura finds the body, title, site name and date.

    ``stem`` names the outlet when the page does not (default: the file name's stem); ``url`` is
    where the page was fetched, for a page that gives no canonical address of its own; ``fallback``
    (a sidecar's fields) fills what the page does not give.
    """
    fallback = fallback or {}
    import warnings

    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                raw,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                # Without this, a "© 2022" footer is taken for the publication date.
                date_extraction_params={"extensive_search": False},
            )
        except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
            raise BadFormat(f"cannot be parsed as HTML ({exc.__class__.__name__})", path) from exc
    body = getattr(doc, "text", None) if doc is not None else None
    title = (getattr(doc, "title", None) or "").strip() or None
    lines = [ln.strip() for ln in normalise_text(body or "").split("\n")]
    lines = [ln for ln in lines if ln and not _BOILERPLATE_LINE.match(ln) and not is_boilerplate(ln)]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    if not any(len(ln.split()) >= MIN_HTML_BODY_LINE_WORDS for ln in lines):
        raise EmptyArticle("no article body found in the HTML page", path)
    text = "\n\n".join(lines)
    stem = stem or Path(path).stem
    outlet = (
        site_name(getattr(doc, "sitename", None))
        or fallback.get("outlet")
        or (outlet_from_name(stem) if url is None else outlet_from_host_name(stem))
    )
    return Article(
        id=slugify(stem if url is None else outlet),
        outlet=outlet,
        text=text,
        title=title or _headline(fallback.get("title")),
        published=getattr(doc, "date", None) or fallback.get("published"),
        url=getattr(doc, "url", None) or url or fallback.get("url"),
        source=path,
    )


def site_name(name: str | None) -> str | None:
    """The page's own site name; None for a bare host name, which the file name names better."""
    name = (name or "").strip()
    if not name or _HOST_NAME.fullmatch(name):
        return None
    return name
