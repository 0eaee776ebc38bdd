"""``storydiff batch``: many events in, a report per event plus an index out."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from ..errors import StorydiffError
from .options import build_options, common_options

if TYPE_CHECKING:
    from ..batch import EventRow

BATCH_FORMATS = ("html", "json", "markdown")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in BATCH_FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"choose from {', '.join(BATCH_FORMATS)} (comma-separated)", param_hint="--formats"
        )
    return chosen


class _NoEventsFound(click.ClickException):
    exit_code = 2


class _Progress:
    """Problems as they come, and a rich progress bar on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.total = 0
        self.done = 0

    def start(self, total: int, bad_files: tuple[tuple[str, str], ...]) -> None:
        self.total = total
        if sys.stderr.isatty() and total:
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
        for path, problem in bad_files:
            self.echo(f"bad file: {path}: {problem}")

    def event(self, row: EventRow, reused: bool) -> None:
        self.done += 1
        for path, problem in row.bad_files:
            self.echo(f"bad file: {path}: {problem}")
        if row.status != "compared":
            self.echo(f"skipped: {row.label}: {row.reason}")
        if self.bar is not None:
            self.bar.advance(self.task)
            speed = self.bar.tasks[0].speed
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
            self.bar = None


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
    help="Worker processes (default: the number of CPU cores); with --engine dask and no "
    "--scheduler, the workers of the LocalCluster.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default=None,
    help="local: a process pool on this machine (the default). dask: Dask workers, on a LocalCluster "
    "or on --scheduler (needs the extra storydiff[dask]).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Run the events on this Dask scheduler's workers (implies --engine dask). The inputs must "
    "be readable by every worker under the same paths.",
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
    source, outdir, manifest, group, jobs, engine, scheduler, force, formats, vectors, min_score, encoding
) -> None:
    """Compare many events: a report for each event in SOURCE (or --manifest), and an index, in OUTDIR.

    Each subfolder of SOURCE is an event (files named meta.json, hidden files and other file
    types are not read as articles; a meta.json gives the files beside it the dates, URLs,
    outlets and titles they lack). A file that cannot be read is left out of its event; an
    event with no readable article is skipped. OUTDIR also gets summary.csv, summary.jsonl and
    storydiff.db (SQLite: events, articles, sentences, claims, differences). Exit status: 0 when
    every event was compared, 1 when some were skipped or some files were bad (each is listed on
    stderr and in the index), 2 when none could be compared.
    """
    from ..batch import BatchRequest, BatchSettings, NoEvents, run_batch

    if engine == "local" and scheduler:
        raise click.ClickException("--scheduler runs on dask; leave out --engine local")
    settings = BatchSettings(
        options=build_options(vectors, min_score, encoding),
        formats=_formats(formats),
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        engine="dask" if scheduler else (engine or "local"),
        scheduler=scheduler,
    )
    request = BatchRequest(outdir=outdir, source=source, manifest=manifest, group=group, settings=settings)
    progress = _Progress()
    try:
        with _terminate_as_interrupt():
            report = run_batch(request, on_start=progress.start, on_event=progress.event)
    except NoEvents as exc:
        raise _NoEventsFound(str(exc)) from None
    except StorydiffError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        progress.close()
        click.echo(
            f"Interrupted after {progress.done} of {progress.total} events; run the same command "
            "again to finish the rest (finished events are kept).",
            err=True,
        )
        sys.exit(130)
    finally:
        progress.close()
    click.echo(report.summary_line(), err=True)
    sys.exit(report.exit_code)
