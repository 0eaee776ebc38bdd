"""Options shared by the ``compare`` and ``batch`` commands."""

from __future__ import annotations

import click

from ..model import Options


def common_options(func):
    func = click.option(
        "--encoding", default=None, help="Read inputs in this encoding (default: UTF-8, else detected)."
    )(func)
    func = click.option(
        "--min-score",
        type=click.FloatRange(0, 1),
        default=None,
        help="Override the match probability a link must reach (0–1; default 0.20; 0.15 with e5).",
    )(func)
    func = click.option(
        "--vectors",
        type=click.Choice(["tfidf", "embeddings", "e5"]),
        default="tfidf",
        show_default=True,
        help="Sentence vectors: TF-IDF (built in), or TF-IDF plus sentence embeddings: MiniLM on torch"
        " (extra 'embeddings') or 4-bit multilingual-e5-small on numpy (extra 'e5', slow on CPU).",
    )(func)
    return func


def build_options(vectors: str, min_score: float | None, encoding: str | None) -> Options:
    return Options(vectors=vectors, min_score=min_score, encoding=encoding)
