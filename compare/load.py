"""Read articles from files: plain text, Markdown with front matter, saved HTML, JSON and JSONL.

This is the only module that reads inputs. Each reader returns ``Article`` values whose ``text``
is exactly what every later offset refers to.
"""

from __future__ import annotations

import codecs
import functools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import BadFormat, EmptyArticle, UnreadableArticle, UsageError
from .lexicon import DATELINE_LINE
from .model import Article, Options

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

# A file is taken for binary when it holds a NUL byte or when more than this share of its first
# 4 KiB are control characters other than tab/newline/carriage return/form feed. Text files in
# the 110 corpus events have none; images, PDFs and archives score far above 0.1.
BINARY_CONTROL_SHARE = 0.1

# Text in UTF-16 without a byte-order mark: at least this share of the bytes on one side of each
# pair are NUL (English prose in UTF-16 has about 0.95; binary formats put NULs on both sides).
UTF16_NUL_SHARE = 0.5

# Bytes that are not UTF-8 are read as Windows-1252 (the legacy encoding of English-language news
# pages) when at most this share of their letters then falls outside ASCII. charset_normalizer alone
# took short cp1252 texts for cp1250 or cp1125 (3 of 4 one-line test texts, curly quotes turned
# into Cyrillic); French or German prose has under 10% accented letters, while Cyrillic or Greek
# bytes read as cp1252 give over 90%, and those go to charset_normalizer.
LEGACY_NON_ASCII_LETTER_SHARE = 0.3

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


@functools.lru_cache(maxsize=1)
def _outlet_spellings() -> dict[str, str]:
    """Each known outlet by its file-name slug (the first outlet listed wins a shared slug)."""
    from .outlets import OUTLETS

    spellings: dict[str, str] = {}
    for name in OUTLETS:
        if name.isascii():  # "RTÉ" would claim the slug "rt"
            spellings.setdefault(slugify(name), name)
    return spellings


def normalise_text(text: str) -> str:
    """Fold Unicode spaces and line ends one character for one, after CRLF/CR become LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_MAP)


def read_text(path: str, encoding: str | None = None) -> str:
    """Read a file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else a legacy encoding.

    The file is only read, never written. ``encoding`` forces one codec for the whole file.
    """
    p = Path(path)
    if encoding:
        check_encoding(encoding)
    if not p.exists():
        hint = "the pattern matched no files" if any(ch in path for ch in "*?[") else None
        raise UnreadableArticle("no such file", path, hint)
    if p.is_dir():
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read ({exc.strerror or exc})", path) from exc
    if not data.strip():
        raise EmptyArticle("is empty", path)
    wide = encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if encoding and not wide and not _looks_binary(data):
        return _decode_as(data, encoding, path)
    if wide:
        return _decode_as(data, encoding or "", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableArticle("has a UTF-16 byte-order mark but is not UTF-16", path) from exc
    if _looks_binary(data):
        raise UnreadableArticle("looks like a binary file, not text", path, _utf16_hint(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _decode_as(data: bytes, encoding: str, path: str) -> str:
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding  # drop a BOM
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(
            f"cannot be decoded as {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})", path
        ) from exc


def _utf16_hint(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark has a NUL in every other byte of its ASCII letters."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) >= UTF16_NUL_SHARE * (len(head) // 2) and min(even, odd) == 0:
        return "try --encoding utf-16-le" if odd > even else "try --encoding utf-16-be"
    return None


def check_encoding(encoding: str) -> None:
    """Raise ``UsageError`` for an encoding name Python does not know."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}", hint="--encoding takes a name such as utf-8, cp1252 or latin-1"
        ) from None


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls > BINARY_CONTROL_SHARE * len(head)


def _decode_legacy(data: bytes, path: str) -> str:
    """Non-UTF-8 bytes: Windows-1252 when they read as Latin text, else charset_normalizer's guess."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [ch for ch in western if ch.isalpha()]
        foreign = sum(1 for ch in letters if ord(ch) > 0x7F)
        if letters and foreign <= LEGACY_NON_ASCII_LETTER_SHARE * len(letters):
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise UnreadableArticle("is not UTF-8 and no other encoding fits", path, "try --encoding latin-1")
    try:
        return data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(
            f"cannot be decoded (guessed {best.encoding})", path, "try --encoding latin-1"
        ) from exc


def load_articles(
    paths: Sequence[str | os.PathLike[str]], options: Options | None = None
) -> tuple[Article, ...]:
    """Read every path (files; a JSONL file may hold several articles) and give each a unique id."""
    options = options or Options()
    articles: list[Article] = []
    for path in paths:
        articles.extend(load_file(os.fspath(path), options))
    return unique_ids(articles)


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


def load_file(path: str, options: Options | None = None) -> tuple[Article, ...]:
    """Read one input file into one or more articles (a JSONL file or a JSON array: one per record)."""
    options = options or Options()
    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    if suffix not in SUFFIXES and p.exists():
        raise UnreadableArticle(
            f"unsupported file type {suffix or '(no extension)'!r}",
            path,
            "use .txt, .md, .html, .json or .jsonl",
        )
    raw = read_text(path, options.encoding)
    if suffix in (".html", ".htm"):
        return (parse_html(raw, path),)
    if suffix == ".json":
        return parse_json(raw, path)
    if suffix == ".jsonl":
        return parse_jsonl(raw, path)
    if suffix in (".md", ".markdown"):
        return (parse_markdown(raw, path),)
    return (parse_plain(raw, path),)


def parse_json(raw: str, path: str) -> tuple[Article, ...]:
    """One article object, or an array of them."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadFormat(f"invalid JSON: {exc.msg} (column {exc.colno})", f"{path}:{exc.lineno}") from exc
    if isinstance(obj, list):
        if not obj:
            raise EmptyArticle("holds an empty JSON array, no articles", path)
        return tuple(_from_record(o, f"{path}[{i}]", path) for i, o in enumerate(obj))
    return (_from_record(obj, path, path),)


def _check_body(text: str, body_start: int, path: str) -> None:
    if not _WORD.search(text, body_start):
        problem = "has no article text" if body_start == 0 else "has a title but no article text"
        raise EmptyArticle(problem, path)


def parse_plain(raw: str, path: str, **meta: Any) -> Article:
    """Plain text: the first line is the title when a blank line follows it."""
    text = normalise_text(raw)
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
        title=meta.get("title") or title,
        published=meta.get("published"),
        url=meta.get("url"),
        source=path,
        body_start=body_start,
    )


def parse_markdown(raw: str, path: str) -> Article:
    """Markdown with optional YAML front matter (outlet, title, published, url)."""
    raw = normalise_text(raw)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(raw)
    if m:
        import yaml

        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            raise BadFormat(f"has malformed front matter ({exc.__class__.__name__})", path) from exc
        if not isinstance(loaded, dict):
            raise BadFormat("front matter is not a mapping of fields", path)
        meta = loaded
        raw = raw[m.end() :]
    text = raw
    title, body_start = _field(meta, "title"), 0
    h = _MD_HEADING.match(text)
    if h:
        title = title or h.group(1)
        body_start = h.end()
    _check_body(text, body_start, path)
    stem = Path(path).stem
    return Article(
        id=slugify(stem),
        outlet=_field(meta, "outlet", "source", "site") or outlet_from_name(stem),
        text=text,
        title=title,
        published=_field(meta, "published", "date"),
        url=_field(meta, "url", "link"),
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


def _from_record(obj: Any, where: str, path: str) -> Article:
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
    text = normalise_text(text)
    if not _WORD.search(text):
        raise EmptyArticle('has an empty "text" field', where)
    outlet = _field(obj, "outlet", "source", "site")
    stem = Path(path).stem
    ident = _field(obj, "id") or (outlet and slugify(outlet)) or stem
    return Article(
        id=slugify(ident),
        outlet=outlet or outlet_from_name(stem),
        text=text,
        title=_field(obj, "title"),
        published=_field(obj, "published", "date"),
        url=_field(obj, "url"),
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
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadFormat(f"invalid JSON: {exc.msg} (column {exc.colno})", where) from exc
        out.append(_from_record(obj, where, path))
    if not out:
        raise EmptyArticle("holds no JSON records", path)
    return tuple(out)


def parse_html(raw: str, path: str) -> Article:
    """A saved web page: trafilatura finds the body, title, site name and date."""
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
    lines = [ln for ln in lines if ln and not _BOILERPLATE_LINE.match(ln)]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    if not any(len(ln.split()) >= MIN_HTML_BODY_LINE_WORDS for ln in lines):
        raise EmptyArticle("no article body found in the HTML page", path)
    text = "\n\n".join(lines)
    stem = Path(path).stem
    return Article(
        id=slugify(stem),
        outlet=site_name(getattr(doc, "sitename", None)) or outlet_from_name(stem),
        text=text,
        title=title,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
        source=path,
    )


def site_name(name: str | None) -> str | None:
    """The page's own site name; None for a bare host name, which the file name names better."""
    name = (name or "").strip()
    if not name or _HOST_NAME.fullmatch(name):
        return None
    return name
