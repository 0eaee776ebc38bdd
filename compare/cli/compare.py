"""``storydiff compare``: the reports of one event in, one report out."""

from __future__ import annotations

import os
import shutil
import sys

import click

from ..errors import StorydiffError
from ..report import FORMATS
from .options import build_options, common_options


@click.command("compare")
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
    help="Force colour on or off, also into a pipe (default: on for a terminal, off under NO_COLOR).",
)
@click.option(
    "--brief",
    is_flag=True,
    help="Print only the story at a glance: agreement, conflicts, what one outlet alone says, "
    "who relays whom (text and markdown).",
)
@common_options
def compare_command(files, fmt, output, width, color, brief, vectors, min_score, encoding) -> None:
    """Compare FILES, the reports of one event (.txt, .md, .html, .json, .jsonl, or http(s) URLs
    of web pages). A folder stands for the article files directly inside it."""
    from ..atomic import not_regular, write_atomic

    if brief and fmt not in ("text", "markdown"):
        raise click.UsageError("--brief applies to the text and markdown formats")
    options = build_options(vectors, min_score, encoding)
    kind = not_regular(output) if output else None
    if kind:
        raise click.ClickException(f"{output}: is {kind}; -o writes only regular files")
    from ..load.folder import expand_folders

    try:
        files = expand_folders(files)
    except StorydiffError as exc:
        raise click.ClickException(str(exc)) from None
    if (
        output
        and os.path.exists(output)
        and any(os.path.exists(f) and os.path.samefile(f, output) for f in files)
    ):
        raise click.ClickException(f"{output}: is one of the input files; choose another -o path")
    # Imported here, in this order: a bad input is reported before the pipeline is even loaded.
    from ..load import load_articles

    try:
        articles = load_articles(files, options)
        from ..preload import load_pipeline

        load_pipeline((fmt,))
        from ..pipeline import compare

        result = compare(articles, options)
    except StorydiffError as exc:
        raise click.ClickException(str(exc)) from None
    from ..report import render

    if fmt == "text":
        tty = output is None and sys.stdout.isatty()
        use_color = color if color is not None else (tty and not os.environ.get("NO_COLOR"))
        cols = width or (shutil.get_terminal_size((100, 24)).columns if tty else 100)
        out = render(result, "text", width=cols, color=use_color, brief=brief)
    else:
        use_color = False
        out = render(result, fmt, brief=brief)
    if output:
        try:
            write_atomic(output, out)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot write ({exc.strerror or exc})") from None
    else:
        # click.echo drops colour codes when stdout is not a terminal; --color asks for them anyway.
        click.echo(out, nl=False, color=use_color)
