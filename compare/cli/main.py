"""The ``storydiff`` group and its entry point; usage errors exit 1 and no failure shows a traceback."""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from .batch import batch_command
from .compare import compare_command


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


@click.group(cls=ExitOneGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storydiff")
def main() -> None:
    """Compare several news reports of the same event: aligned claims, differing details,
    and what each outlet relays second-hand."""


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


main.add_command(compare_command)
main.add_command(batch_command)
