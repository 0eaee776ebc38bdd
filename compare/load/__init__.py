"""Read articles: files (plain text, Markdown, saved HTML, JSON, JSONL), web pages by URL, and
the HTML responses in WARC files.

This is the only package that reads inputs: ``files`` reads bytes safely (regular files only,
under a size limit) and decodes them, ``formats`` turns text into ``Article`` values,
``boilerplate`` keeps page furniture out of them, ``web`` fetches URLs and ``warc`` reads web
archives.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

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
from .web import is_url

__all__ = [
    "DEFAULT_MAX_FILE_BYTES",
    "SUFFIXES",
    "check_encoding",
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
    articles) and give each article a unique id."""
    options = options or Options()
    articles: list[Article] = []
    from .folder import expand_folders

    for path in expand_folders(os.fspath(p) for p in paths):
        articles.extend(load_file(path, options))
    return unique_ids(articles)


def load_file(path: str, options: Options | None = None) -> tuple[Article, ...]:
    """Read one input, a file or an http(s) URL, into one or more articles."""
    options = options or Options()
    if is_url(path):
        from .web import load_url

        return (load_url(path, options),)
    return load_path(path, options)
