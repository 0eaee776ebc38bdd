"""The command line: build inputs, call the library, turn its errors into one ``Error:`` line."""

from __future__ import annotations

import os
import shutil
import sys

import click

from . import __version__, compare, load_articles, render
from .errors import StorydiffError
from .model import Options
from .report import FORMATS


def _fail(exc: BaseException) -> click.ClickException:
    return click.ClickException(str(exc))


class ExitOneGroup(click.Group):
    """A group whose usage errors exit 1, as ../shared/DESIGN.md asks (click's default is 2)."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            exc.exit_code = 1
            raise

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            exc.exit_code = 1
            raise


def common_options(func):
    func = click.option(
        "--encoding", default=None, help="Read inputs in this encoding (default: UTF-8, else detected)."
    )(func)
    func = click.option(
        "--min-score",
        type=click.FloatRange(0, 1),
        default=None,
        help="Override the match probability a link must reach (0–1; default 0.20, 0.25 with embeddings).",
    )(func)
    func = click.option(
        "--vectors",
        type=click.Choice(["tfidf", "embeddings"]),
        default="tfidf",
        show_default=True,
        help="Sentence vectors: TF-IDF (built in) or sentence embeddings (optional extra).",
    )(func)
    return func


def build_options(vectors: str, min_score: float | None, encoding: str | None) -> Options:
    return Options(vectors=vectors, min_score=min_score, encoding=encoding)


@click.group(cls=ExitOneGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storydiff")
def main() -> None:
    """Compare several news reports of the same event: aligned claims, differing details,
    and what each outlet relays second-hand."""


@main.command("compare")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format. text prints to the terminal; the others go to stdout or -o.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to this file."
)
@click.option("--width", type=click.IntRange(40, 400), default=None, help="Terminal width for the text view.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off (default: on for a terminal, off under NO_COLOR).",
)
@common_options
def compare_cmd(files, fmt, output, width, color, vectors, min_score, encoding) -> None:
    """Compare FILES, the reports of one event (.txt, .md, .html, .json, .jsonl)."""
    from .atomic import write_atomic

    options = build_options(vectors, min_score, encoding)
    if (
        output
        and os.path.exists(output)
        and any(os.path.exists(f) and os.path.samefile(f, output) for f in files)
    ):
        raise click.ClickException(f"{output}: is one of the input files; choose another -o path")
    try:
        articles = load_articles(files, options)
        result = compare(articles, options)
    except StorydiffError as exc:
        raise _fail(exc) from None
    if fmt == "text":
        tty = output is None and sys.stdout.isatty()
        use_color = color if color is not None else (tty and not os.environ.get("NO_COLOR"))
        cols = width or (shutil.get_terminal_size((100, 24)).columns if tty else 100)
        out = render(result, "text", width=cols, color=use_color)
    else:
        out = render(result, fmt)
    if output:
        try:
            write_atomic(output, out)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot write ({exc.strerror or exc})") from None
    else:
        click.echo(out, nl=False)


def run() -> None:
    """Entry point that never shows a traceback for a failure we did not foresee."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last resort
        if os.environ.get("STORYDIFF_DEBUG"):
            raise
        click.echo(f"Error: unexpected failure: {exc.__class__.__name__}: {exc}", err=True)
        sys.exit(1)


from .cli_batch import batch_command  # noqa: E402

main.add_command(batch_command)
