"""One batch from request to summary: ``run_batch`` finds the events, guards the output folder,
runs the jobs on the chosen engine, and writes the index, the summary tables and groups.json.

``run_jobs`` is the part between: jobs in, one row per event out, with the content-hash journal
(an unchanged event is not recomputed) and the SQLite store kept up to date as events finish.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from ..errors import StorydiffError, UsageError
from .engine import code_fingerprint, event_hash, execute_local, exit_code
from .inputs import Discovery, from_flat_folder, from_folders, from_manifest, groups_record
from .journal import JOURNAL, STATE_DIR, Journal
from .model import (
    REPORT_FILES,
    TRANSIENT_REASONS,
    BatchOutcome,
    BatchReport,
    BatchRequest,
    BatchSettings,
    EventJob,
    EventRow,
)
from .outputs import Listing, write_summaries
from .store import DB_NAME

# The files a batch writes at the top of OUTDIR (SQLite keeps its journal and WAL files beside the store).
TOP_FILES = (
    "index.html",
    "summary.csv",
    "summary.jsonl",
    "groups.json",
    DB_NAME,
    f"{DB_NAME}-journal",
    f"{DB_NAME}-wal",
    f"{DB_NAME}-shm",
)


class NoEvents(UsageError):
    """The input holds no event at all (exit status 2, as when none could be compared)."""


def _report_paths(job: EventJob) -> list[str]:
    return [f"{job.name}/{name}" for name in REPORT_FILES.values()]


def run_jobs(
    jobs: Iterable[EventJob],
    outdir: str | os.PathLike[str],
    settings: BatchSettings,
    *,
    on_event: Callable[[EventRow, bool], None] | None = None,
    fingerprint: str | None = None,
) -> BatchOutcome:
    """Compare every job's event into ``outdir``; ``on_event(row, reused)`` hears of each as it ends.

    An event whose content hash matches the journal of an earlier run (and whose reports and
    store rows are still there) is not recomputed unless ``settings.force``. The journal gains a
    line as each event finishes, so an interrupted run resumes where it stopped; the store
    (``storydiff.db``) gets the event's rows at the same time. A report file that is there but was
    not written by a batch is never replaced: its event is skipped with that reason.
    ``fingerprint`` stands for the code in the hash (default: ``code_fingerprint()``).
    """
    from .store import Store

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(out)
    store = Store.open(out)
    fingerprint = fingerprint or code_fingerprint()
    rows: dict[str, EventRow] = {}
    hashes: dict[str, str] = {}
    reused = computed = 0

    def finish(row: EventRow, digest: str | None, records: Any, was_reused: bool) -> None:
        rows[row.event] = row
        if digest is not None:
            if not row.reason.startswith(TRANSIENT_REASONS):
                journal.record(row, digest)
            store.replace(row, digest, records)
        if on_event:
            on_event(row, was_reused)

    def fresh_jobs() -> Iterator[EventJob]:
        nonlocal reused
        for job in jobs:
            digest = event_hash(job, settings, fingerprint)
            prior = None if settings.force else journal.lookup(job.name, digest)
            if (
                prior is not None
                and all((out / rel).is_file() for _, rel in prior.reports)
                and store.has(job.name, digest)
            ):
                reused += 1
                finish(prior, None, None, True)
                continue
            foreign = [p for p in _report_paths(job) if (out / p).exists() and not journal.made(p)]
            if foreign:
                reason = f"{out / foreign[0]} exists and was not written by storydiff batch; not replaced"
                finish(
                    EventRow(event=job.name, label=job.label, status="skipped", reason=reason),
                    None,
                    None,
                    False,
                )
                continue
            journal.claim(_report_paths(job))
            hashes[job.name] = digest
            yield job

    execute = execute_local
    if settings.engine == "dask":
        from .dask_engine import execute_dask as execute
    try:
        with closing(execute(fresh_jobs(), settings, out)) as finished:
            for job, (row, records) in finished:
                computed += 1
                finish(row, hashes.pop(job.name), records, False)
    finally:
        journal.close()
        store.close()
    ordered = tuple(rows[k] for k in sorted(rows))
    journal.compact(out, ordered)
    store = Store.open(out)
    try:
        store.keep_only(rows)
    finally:
        store.close()
    return BatchOutcome(rows=ordered, computed=computed, reused=reused)


def discover(request: BatchRequest) -> Discovery:
    """The events of a request: from a manifest, a flat folder (``group`` auto), or event folders."""
    if request.manifest and request.group == "auto":
        raise UsageError("--manifest names the events itself; leave out --group auto")
    if not request.source and not request.manifest:
        raise UsageError("give a folder of events (SOURCE) or --manifest FILE")
    if request.manifest:
        found = from_manifest(request.manifest)
    elif request.group == "auto":
        found = from_flat_folder(str(request.source), request.settings.options)
    else:
        found = from_folders(str(request.source))
    if not found.jobs:
        auto = request.group == "auto" or request.manifest
        hint = "" if auto else " (for a flat folder of articles, use --group auto)"
        raise NoEvents(f"no events found{hint}", str(request.manifest or request.source))
    return found


def _inputs(request: BatchRequest, found: Discovery) -> Iterator[Path]:
    if request.source:
        yield Path(request.source)
    if request.manifest:
        yield Path(request.manifest)
        for job in found.jobs:
            for src in job.sources:
                yield Path(src.path)


def guard_output(request: BatchRequest, found: Discovery) -> None:
    """Refuse an output folder that is, holds or lies inside an input, or that holds top-level
    files of the batch's names that no batch wrote (a user's own index.html is never replaced)."""
    out = Path(request.outdir).resolve()
    if out.exists() and not out.is_dir():
        raise UsageError("the output must be a folder", request.outdir)
    for path in _inputs(request, found):
        p = path.resolve()
        if p == out or p in out.parents:
            raise UsageError("the output folder must lie outside the input folder", request.outdir)
        if out in p.parents:
            raise UsageError(f"the output folder holds an input ({path}); choose another", request.outdir)
    journal = Journal.open(out)
    legacy = (out / STATE_DIR / JOURNAL).is_file()  # written before the batch listed what it made
    for name in TOP_FILES:
        target = out / name
        if (target.exists() or target.is_symlink()) and not (journal.made(name) or legacy):
            raise UsageError(
                f"{target} exists and was not written by storydiff batch",
                request.outdir,
                "choose an empty or new output folder",
            )
    journal.claim(TOP_FILES)  # none is someone else's: what the batch writes there is its own


def run_batch(
    request: BatchRequest,
    *,
    on_start: Callable[[int, tuple[tuple[str, str], ...]], None] | None = None,
    on_event: Callable[[EventRow, bool], None] | None = None,
    fingerprint: str | None = None,
) -> BatchReport:
    """Run a whole batch: find the events, compare them into ``request.outdir``, write the index,
    summary.csv, summary.jsonl, storydiff.db (and groups.json for ``group`` auto).

    ``on_start(events, bad_files)`` hears how many events were found and which files outside
    them were bad; ``on_event(row, reused)`` hears of each event as it ends. Raises
    ``StorydiffError`` for a request that cannot be carried out (``NoEvents`` when nothing was
    found) and lets ``KeyboardInterrupt`` through (finished events are kept for a rerun).
    """
    found = discover(request)
    guard_output(request, found)
    if on_start:
        on_start(len(found.jobs), found.bad_files)
    out = Path(request.outdir)
    try:
        outcome = run_jobs(found.jobs, out, request.settings, on_event=on_event, fingerprint=fingerprint)
        listing = Listing(
            bad_files=found.bad_files,
            ignored=found.ignored + tuple(i for j in found.jobs for i in j.ignored),
            duplicates=found.duplicates,
            ungrouped=found.ungrouped,
        )
        name = Path(request.manifest).name if request.manifest else Path(str(request.source)).resolve().name
        source = str(request.manifest or request.source)
        write_summaries(out, outcome.rows, listing, title=f"storydiff: {name}", source=source)
        if request.group == "auto" and not request.manifest:
            from ..atomic import write_atomic

            record = json.dumps(groups_record(found), ensure_ascii=False, indent=2) + "\n"
            write_atomic(out / "groups.json", record)
    except OSError as exc:
        raise StorydiffError(f"cannot write ({exc.strerror or exc})", request.outdir) from exc
    except sqlite3.Error as exc:  # the store: a locked, corrupt or read-only storydiff.db
        raise StorydiffError(f"cannot write {DB_NAME} ({exc})", request.outdir) from exc
    return BatchReport(
        outcome=outcome,
        events=len(found.jobs),
        bad_files=sum(len(r.bad_files) for r in outcome.rows) + len(found.bad_files),
        ungrouped=len(found.ungrouped),
        exit_code=exit_code(outcome.rows, len(found.bad_files)),
        index=str(out / "index.html"),
    )
