"""Options shared by the ``compare`` and ``batch`` commands, handed to each as one ``Options``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from ..model import MAX_CHARS, MAX_SENTENCES, MAX_TOTAL_CHARS, MAX_TOTAL_SENTENCES, Options

# (flag, Options field, default, what it counts): the size limits; 0 on the command line lifts one.
LIMITS = (
    ("--max-chars", "max_chars", MAX_CHARS, "characters per article"),
    ("--max-sentences", "max_sentences", MAX_SENTENCES, "sentences per article"),
    ("--max-total-chars", "max_total_chars", MAX_TOTAL_CHARS, "characters of all articles together"),
    (
        "--max-total-sentences",
        "max_total_sentences",
        MAX_TOTAL_SENTENCES,
        "sentences of all articles together",
    ),
)
_FIELDS = ("vectors", "min_score", "encoding", *(name for _, name, _, _ in LIMITS))


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared options to a command; the command receives them as ``options=Options(...)``."""

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _FIELDS}
        return func(*args, options=build_options(**values), **kwargs)

    for flag, name, default, what in reversed(LIMITS):
        command = click.option(
            flag,
            name,
            type=click.IntRange(min=0),
            default=default,
            show_default=True,
            help=f"Refuse more than this many {what} (0: no limit).",
        )(command)
    command = click.option(
        "--encoding", default=None, help="Read inputs in this encoding (default: UTF-8, else detected)."
    )(command)
    command = click.option(
        "--min-score",
        type=click.FloatRange(0, 1),
        default=None,
        help="Override the match probability a link must reach (0–1; default 0.20, 0.25 with embeddings).",
    )(command)
    command = click.option(
        "--vectors",
        type=click.Choice(["tfidf", "embeddings"]),
        default="tfidf",
        show_default=True,
        help="Sentence vectors: TF-IDF (built in) or sentence embeddings (optional extra).",
    )(command)
    return command


def build_options(
    vectors: str = "tfidf",
    min_score: float | None = None,
    encoding: str | None = None,
    max_chars: int | None = MAX_CHARS,
    max_sentences: int | None = MAX_SENTENCES,
    max_total_chars: int | None = MAX_TOTAL_CHARS,
    max_total_sentences: int | None = MAX_TOTAL_SENTENCES,
) -> Options:
    """Options from the command line; a limit given as 0 is no limit."""
    return Options(
        vectors=vectors,
        min_score=min_score,
        encoding=encoding,
        max_chars=max_chars or None,
        max_sentences=max_sentences or None,
        max_total_chars=max_total_chars or None,
        max_total_sentences=max_total_sentences or None,
    )
