"""Options shared by the ``compare`` and ``batch`` commands."""

from __future__ import annotations

import click

from ..model import MAX_CHARS, MAX_SENTENCES, MAX_TOTAL_CHARS, MAX_TOTAL_SENTENCES, Options

# Where the input options (--max-file-bytes, --cache, --timeout) wait in the click context for
# ``build_options``: they are not parameters of the command functions, so a command gains them
# by taking ``common_options`` alone.
_INPUTS_KEY = "storydiff.inputs"


def _keep_input_option(ctx: click.Context, param: click.Parameter, value: object) -> object:
    if value is not None and param.name:
        ctx.meta.setdefault(_INPUTS_KEY, {})[param.name] = value
    return value


def input_options(func):
    func = click.option(
        "--timeout",
        "fetch_timeout",
        type=click.FloatRange(0.1, 600),
        default=None,
        expose_value=False,
        callback=_keep_input_option,
        help="Seconds to wait for a web page (URL inputs; default 20).",
    )(func)
    func = click.option(
        "--cache",
        "cache_dir",
        type=click.Path(file_okay=False),
        default=None,
        expose_value=False,
        callback=_keep_input_option,
        help="Keep fetched web pages in this folder and read them from there next time.",
    )(func)
    func = click.option(
        "--max-file-bytes",
        "max_file_bytes",
        type=click.IntRange(1),
        default=None,
        expose_value=False,
        callback=_keep_input_option,
        help="Refuse an input file or web page larger than this many bytes (default 64 MiB).",
    )(func)
    return func


# (flag, Options field, default, what it counts): the size limits. They wait in the click context
# like the input options; 0 on the command line lifts one (None in Options).
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


def _keep_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and param.name:
        ctx.meta.setdefault(_INPUTS_KEY, {})[param.name] = value or None
    return value


def limit_options(func):
    for flag, name, default, what in reversed(LIMITS):
        func = click.option(
            flag,
            name,
            type=click.IntRange(min=0),
            default=default,
            show_default=True,
            expose_value=False,
            callback=_keep_limit,
            help=f"Refuse more than this many {what} (0: no limit).",
        )(func)
    return func


def common_options(func):
    func = limit_options(func)
    func = input_options(func)
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
    ctx = click.get_current_context(silent=True)
    inputs = dict(ctx.meta.get(_INPUTS_KEY, {})) if ctx is not None else {}
    return Options(vectors=vectors, min_score=min_score, encoding=encoding, **inputs)
