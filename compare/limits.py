"""Size limits: refuse an article, or a comparison, that exceeds ``Options.max_*`` before the
stages whose cost grows with it are run. The error names the file and the limit, and how to move it."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import TooLarge
from .model import Article, Document, Options


def check_chars(articles: Sequence[Article], options: Options) -> None:
    """Characters per article, then all articles together, before anything is analysed."""
    _check(
        [(a, len(a.text)) for a in articles],
        "characters",
        options.max_chars,
        "--max-chars",
        options.max_total_chars,
        "--max-total-chars",
    )


def check_sentences(documents: Sequence[Document], options: Options) -> None:
    """Sentences per article, then all articles together, before details and alignment."""
    _check(
        [(d.article, len(d.sentences)) for d in documents],
        "sentences",
        options.max_sentences,
        "--max-sentences",
        options.max_total_sentences,
        "--max-total-sentences",
    )


def _check(
    sizes: list[tuple[Article, int]],
    unit: str,
    per_article: int | None,
    article_flag: str,
    total: int | None,
    total_flag: str,
) -> None:
    running = 0
    for article, n in sizes:
        if per_article is not None and n > per_article:
            raise TooLarge(
                f"{n:,} {unit}, over the limit of {per_article:,} per article",
                _name(article),
                hint=f"raise it with {article_flag} N, or {article_flag} 0 for no limit",
            )
        running += n
        if total is not None and running > total:
            raise TooLarge(
                f"brings the comparison to {running:,} {unit}, over the limit of {total:,} "
                "for all articles together",
                _name(article),
                hint=f"raise it with {total_flag} N, or {total_flag} 0 for no limit",
            )


def _name(article: Article) -> str:
    return article.source or article.id
