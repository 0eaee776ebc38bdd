"""Read articles from files: plain text, Markdown with front matter, saved HTML, JSON and JSONL.

This is the only module that reads inputs. Each reader returns ``Article`` values whose ``text``
is exactly what every later offset refers to.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import BadFormat, EmptyArticle, UnreadableArticle
from .model import Article, Options

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

# A file is taken for binary when it holds a NUL byte or when more than this share of its first
# 4 KiB are control characters other than tab/newline/carriage return/form feed. Text files in
# the 110 corpus events have none; images, PDFs and archives score far above 0.1.
BINARY_CONTROL_SHARE = 0.1

# Outlet names that a file name cannot spell by title-casing its words.
OUTLET_SPELLINGS = {
    "huffpost": "HuffPost",
    "huffington-post": "HuffPost",
    "usa-today": "USA Today",
    "nytimes": "New York Times",
    "nyt": "New York Times",
    "bbc": "BBC",
    "bbc-news": "BBC News",
    "cnn": "CNN",
    "npr": "NPR",
    "ap": "AP",
    "afp": "AFP",
    "abc-news": "ABC News",
    "nbc-news": "NBC News",
    "cbs-news": "CBS News",
    "msnbc": "MSNBC",
    "rt": "RT",
}

# Unicode spaces other than the plain space are folded to one plain space each, so that offsets
# into the normalised text stay in step with the text as read. Line and paragraph separators
# become newlines.
_SPACE_MAP = {
    ord(ch): " "
    for ch in map(chr, range(0x80, 0x3001))
    if unicodedata.category(ch) == "Zs"
}
_SPACE_MAP.update({0x2028: "\n", 0x2029: "\n", 0x85: "\n", 0x0B: " ", 0x0C: "\n"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"\A[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*\n")


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "article"


def outlet_from_name(stem: str) -> str:
    """``daily-mail`` -> ``Daily Mail``; known spellings (``usa-today`` -> ``USA Today``) first."""
    slug = slugify(stem)
    if slug in OUTLET_SPELLINGS:
        return OUTLET_SPELLINGS[slug]
    words = [w for w in slug.split("-") if w]
    return " ".join(w.upper() if w in OUTLET_SPELLINGS else w.capitalize() for w in words) or stem


def normalise_text(text: str) -> str:
    """Fold Unicode spaces and line ends one character for one, after CRLF/CR become LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_MAP)


def read_text(path: str, encoding: str | None = None) -> str:
    """Read a file as text: UTF-8 (with or without BOM), else a detected legacy encoding."""
    p = Path(path)
    if not p.exists():
        raise UnreadableArticle("no such file", path)
    if p.is_dir():
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read ({exc.strerror or exc})", path) from exc
    if not data.strip():
        raise EmptyArticle("is empty", path)
    if _looks_binary(data):
        raise UnreadableArticle("looks like a binary file, not text", path)
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise UnreadableArticle(f"cannot be decoded as {encoding} ({exc})", path) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls > BINARY_CONTROL_SHARE * len(head)


def _decode_legacy(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise UnreadableArticle(
            "is not valid UTF-8 and no other encoding fits", path, "try --encoding latin-1"
        )
    try:
        return data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(
            f"cannot be decoded (guessed {best.encoding})", path, "try --encoding latin-1"
        ) from exc


def load_articles(paths: Sequence[str | os.PathLike[str]], options: Options | None = None) -> tuple[Article, ...]:
    """Read every path (files; a JSONL file may hold several articles) and give each a unique id."""
    options = options or Options()
    articles: list[Article] = []
    for path in paths:
        articles.extend(load_file(os.fspath(path), options))
    return unique_ids(articles)


def unique_ids(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Make ids unique in input order (``reuters``, ``reuters-2``) without reordering."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for art in articles:
        n = seen.get(art.id, 0) + 1
        seen[art.id] = n
        out.append(art if n == 1 else replace(art, id=f"{art.id}-{n}"))
    return tuple(out)


def load_file(path: str, options: Options | None = None) -> tuple[Article, ...]:
    """Read one input file into one or more articles (JSONL: one per line)."""
    options = options or Options()
    suffix = Path(path).suffix.lower()
    if Path(path).is_dir():
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    if suffix not in SUFFIXES and Path(path).exists():
        raise UnreadableArticle(
            f"unsupported file type {suffix or '(none)'!r}", path, "use .txt, .md, .html, .json or .jsonl"
        )
    raw = read_text(path, options.encoding)
    if suffix in (".html", ".htm"):
        return (parse_html(raw, path),)
    if suffix == ".json":
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BadFormat(f"is not valid JSON (line {exc.lineno}: {exc.msg})", path) from exc
        if isinstance(obj, list):
            return tuple(_from_record(o, f"{path}[{i}]", path) for i, o in enumerate(obj))
        return (_from_record(obj, path, path),)
    if suffix == ".jsonl":
        return parse_jsonl(raw, path)
    if suffix in (".md", ".markdown"):
        return (parse_markdown(raw, path),)
    return (parse_plain(raw, path),)


def _check_body(text: str, body_start: int, path: str) -> None:
    if not text[body_start:].strip():
        raise EmptyArticle("has no article text", path)


def parse_plain(raw: str, path: str, **meta: Any) -> Article:
    """Plain text: the first line is the title when a blank line follows it."""
    text = normalise_text(raw)
    title, body_start = None, 0
    m = re.match(r"\A[ \t]*([^\n]+?)[ \t]*\n[ \t]*\n", text)
    if m and len(m.group(1)) <= 300:
        title, body_start = m.group(1), m.end()
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
        raw = raw[m.end():]
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
    for name in names:
        value = meta.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _from_record(obj: Any, where: str, path: str) -> Article:
    if not isinstance(obj, dict):
        raise BadFormat("is not a JSON object with a \"text\" field", where)
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadFormat("has no \"text\" field", where)
    if not text.strip():
        raise EmptyArticle("has an empty \"text\" field", where)
    outlet = _field(obj, "outlet", "source", "site")
    stem = Path(path).stem
    ident = _field(obj, "id") or (outlet and slugify(outlet)) or stem
    return Article(
        id=slugify(ident),
        outlet=outlet or outlet_from_name(stem),
        text=normalise_text(text),
        title=_field(obj, "title"),
        published=_field(obj, "published", "date"),
        url=_field(obj, "url"),
        source=where,
    )


def parse_jsonl(raw: str, path: str) -> tuple[Article, ...]:
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadFormat(f"is not valid JSON ({exc.msg})", where) from exc
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
    if not body or not body.strip():
        raise EmptyArticle("has no article body that could be extracted", path)
    title = getattr(doc, "title", None) or None
    lines = [ln.strip() for ln in normalise_text(body).split("\n") if ln.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    if not lines:
        raise EmptyArticle("has no article body that could be extracted", path)
    text = "\n\n".join(lines)
    stem = Path(path).stem
    return Article(
        id=slugify(stem),
        outlet=(getattr(doc, "sitename", None) or "").strip() or outlet_from_name(stem),
        text=text,
        title=title,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
        source=path,
    )
