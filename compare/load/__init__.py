"""Read articles: files (plain text, Markdown, saved HTML, JSON, JSONL), web pages by URL, and
the HTML responses in WARC files.

This is the only package that reads inputs: ``files`` reads bytes safely (regular files only,
under a size limit) and decodes them, ``formats`` turns text into ``Article`` values,
``boilerplate`` keeps page furniture out of them, ``sidecar`` reads the metadata kept beside plain
files (``meta.json``), ``web`` fetches URLs and ``warc`` reads web archives.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..errors import UsageError
from ..model import Article, Options
from .files import DEFAULT_MAX_FILE_BYTES, check_encoding, read_text
from .formats import (
    SUFFIXES,
    load_path,
    normalise_text,
    outlet_from_name,
    parse_html,
    site_name,
    slugify,
    unique_ids,
)
from .sidecar import MAX_SIDECAR_BYTES, SIDECAR_NAME, check_matched, fields_for, is_sidecar_name
from .web import is_url

__all__ = [
    "DEFAULT_MAX_FILE_BYTES",
    "MAX_SIDECAR_BYTES",
    "SIDECAR_NAME",
    "SUFFIXES",
    "check_encoding",
    "check_matched",
    "fields_for",
    "is_url",
    "load_articles",
    "load_file",
    "normalise_text",
    "outlet_from_name",
    "parse_html",
    "read_text",
    "site_name",
    "slugify",
    "unique_ids",
]


def load_articles(
    paths: Sequence[str | os.PathLike[str]], options: Options | None = None
) -> tuple[Article, ...]:
    """Read every input (files, folders of them, or http(s) URLs; a JSONL file may hold several
    articles) and give each article a unique id. A ``meta.json`` among the inputs (``compare
    DIR/*``) is the sidecar of its folder, read as such for the files beside it, and not an article
    (as in batch); a folder's sidecar is read the same way."""
    options = options or Options()
    from .folder import expand_folders

    names = expand_folders(os.fspath(p) for p in paths)
    files = [p for p in names if is_url(p) or not is_sidecar_name(p)]
    if names and not files:
        raise UsageError(
            "is a metadata sidecar, not an article", names[0], "pass the article files beside it"
        )
    articles: list[Article] = []
    for path in files:
        articles.extend(load_file(path, options))
    check_matched(p for p in files if not is_url(p))
    return unique_ids(articles)


def load_file(path: str, options: Options | None = None) -> tuple[Article, ...]:
    """Read one input, a file or an http(s) URL, into one or more articles. A file takes what it
    does not give itself (outlet, title, date, URL) from a ``meta.json`` beside it (``sidecar``)."""
    options = options or Options()
    if is_url(path):
        from .web import load_url

        return (load_url(path, options),)
    return load_path(path, options, fields_for(path))
