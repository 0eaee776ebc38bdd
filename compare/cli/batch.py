"""``storydiff batch``: many events in, a report per event plus an index out."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import StorydiffError
from .options import build_options, common_options

BATCH_FORMATS = ("html", "json", "markdown")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in BATCH_FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"choose from {', '.join(BATCH_FORMATS)} (comma-separated)", param_hint="--formats"
        )
    return chosen


class _Progress:
    """A rich progress bar on stderr when it is a terminal; otherwise silent."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar = None
        if enabled and total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            # No refresh thread: the bar redraws as events finish, which keeps worker start-up
            # free of threads in this process.
            self.bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                auto_refresh=False,
                transient=False,
            )
            self.task = self.bar.add_task("events", total=total, rate="")
            self.bar.start()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
            task = self.bar.tasks[0]
            speed = task.speed
            self.bar.update(self.task, rate=f"{speed:5.1f}/s" if speed else "")
            self.bar.refresh()

    def echo(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM (a scheduler stopping the job) stop workers and keep finished events, as Ctrl-C does."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("batch")
@click.argument("source", required=False, type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the reports, index.html, summary.csv and summary.jsonl.",
)
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Take events from this CSV/JSONL (columns event,path[,outlet,title,published,url]) "
    "instead of the subfolders of SOURCE; relative paths are from the manifest's folder.",
)
@click.option(
    "--group",
    "group",
    type=click.Choice(["folders", "auto"]),
    default="folders",
    show_default=True,
    help="folders: each subfolder of SOURCE is an event. auto: SOURCE is one flat folder of "
    "articles (WARC files in it count: their HTML pages), or one WARC file, grouped into events "
    "by content and date.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Worker processes (default: the number of CPU cores).",
)
@click.option("--force", is_flag=True, help="Recompute every event, even those unchanged since the last run.")
@click.option(
    "--formats",
    "formats",
    default="html,json",
    show_default=True,
    help="Per-event reports to write: html, json, markdown (comma-separated).",
)
@common_options
def batch_command(
    source, outdir, manifest, group, jobs, force, formats, vectors, min_score, encoding
) -> None:
    """Compare many events: a report for each event in SOURCE (or --manifest), and an index, in OUTDIR.

    Each subfolder of SOURCE is an event (files named meta.json, hidden files and other file
    types are not read as articles). A file that cannot be read is left out of its event; an
    event with no readable article is skipped. Exit status: 0 when every event was compared,
    1 when some were skipped or some files were bad (each is listed on stderr and in the index),
    2 when none could be compared.
    """
    from .. import batch as batch_mod
    from ..batch.inputs import from_flat_folder, from_folders, from_manifest, groups_record
    from ..batch.outputs import Listing, write_summaries

    fmt = _formats(formats)
    options = build_options(vectors, min_score, encoding)
    settings = batch_mod.BatchSettings(
        options=options, formats=fmt, jobs=jobs or os.cpu_count() or 1, force=force
    )
    out = Path(outdir)
    if manifest and group == "auto":
        raise click.ClickException("--manifest names the events itself; leave out --group auto")
    if not source and not manifest:
        raise click.ClickException("give a folder of events (SOURCE) or --manifest FILE")
    if source and not manifest:
        src = Path(source).resolve()
        if out.resolve() == src or src in out.resolve().parents:
            raise click.ClickException(f"{outdir}: the output folder must lie outside the input folder")
    try:
        if manifest:
            found = from_manifest(manifest)
        elif group == "auto":
            found = from_flat_folder(source, options)
        else:
            found = from_folders(source)
    except StorydiffError as exc:
        raise click.ClickException(str(exc)) from None
    if not found.jobs:
        hint = "" if group == "auto" or manifest else " (for a flat folder of articles, use --group auto)"
        click.echo(f"Error: {manifest or source}: no events found{hint}", err=True)
        sys.exit(2)

    progress = _Progress(len(found.jobs), enabled=sys.stderr.isatty())
    for path, problem in found.bad_files:
        progress.echo(f"bad file: {path}: {problem}")

    def report(row: batch_mod.EventRow, reused: bool) -> None:
        for path, problem in row.bad_files:
            progress.echo(f"bad file: {path}: {problem}")
        if row.status != "compared":
            progress.echo(f"skipped: {row.label}: {row.reason}")
        progress.advance()

    done = 0

    def counted(row: batch_mod.EventRow, reused: bool) -> None:
        nonlocal done
        done += 1
        report(row, reused)

    try:
        with _terminate_as_interrupt():
            outcome = batch_mod.run_batch(found.jobs, out, settings, on_event=counted)
        listing = Listing(
            bad_files=found.bad_files,
            ignored=found.ignored + tuple(i for j in found.jobs for i in j.ignored),
            duplicates=found.duplicates,
            ungrouped=found.ungrouped,
        )
        title = f"storydiff: {Path(manifest).name if manifest else Path(source).resolve().name}"
        write_summaries(out, outcome.rows, listing, title=title, source=str(manifest or source))
        if group == "auto" and not manifest:
            import json

            from ..atomic import write_atomic

            write_atomic(
                out / "groups.json", json.dumps(groups_record(found), ensure_ascii=False, indent=2) + "\n"
            )
    except OSError as exc:
        raise click.ClickException(f"{outdir}: cannot write ({exc.strerror or exc})") from None
    except KeyboardInterrupt:
        progress.close()
        click.echo(
            f"Interrupted after {done} of {len(found.jobs)} events; run the same command again "
            "to finish the rest (finished events are kept).",
            err=True,
        )
        sys.exit(130)
    finally:
        progress.close()
    compared = sum(1 for r in outcome.rows if r.status == "compared")
    bad = sum(len(r.bad_files) for r in outcome.rows) + len(found.bad_files)
    parts = [f"{compared} of {len(outcome.rows)} events compared"]
    if outcome.reused:
        parts.append(f"{outcome.reused} unchanged since the last run")
    if bad:
        parts.append(f"{bad} bad files")
    if found.ungrouped:
        parts.append(f"{len(found.ungrouped)} articles fit no event")
    click.echo(f"{', '.join(parts)}; index: {out / 'index.html'}", err=True)
    sys.exit(batch_mod.exit_code(outcome.rows, len(found.bad_files)))
