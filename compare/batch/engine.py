"""Batch mode: compare many events, one report per event, plus an index and summary tables.

The unit of work is ``run_event(job, settings) -> EventResult``: a pure function from one
event's inputs to its rendered outputs and summary row (it reads the inputs, writes nothing), so
a distributed engine can map it over jobs. ``run_batch`` is the local engine: it streams jobs
through ``--jobs`` worker processes, skips events whose content hash is unchanged, writes every
output atomically, and keeps only one small summary row per event in memory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import StorydiffError
from ..model import Article, Comparison, Options
from ..report.glance import Glance, heading
from ..report.summary import summarize
from .model import (
    REPORT_FILES,
    BatchSettings,
    EventJob,
    EventResult,
    EventRow,
    Source,
)

# What a worker sends back: the summary row and the event's store rows (None when not compared).
Finished = tuple[EventRow, dict[str, list[dict[str, Any]]] | None]

# How often a worker checks that the batch process still runs (a worker orphaned by a killed
# batch would otherwise wait for work forever).
_PARENT_POLL_SECONDS = 2.0

# Jobs in flight per worker: enough to keep every worker busy while the parent writes the
# journal, few enough that pending inputs stay bounded.
_WINDOW_PER_WORKER = 4


def _apply_overrides(article: Article, src: Source) -> Article:
    from ..load import slugify

    changes: dict[str, Any] = {}
    if src.outlet:
        changes["outlet"] = src.outlet
        changes["id"] = slugify(src.outlet)
    for name in ("title", "published", "url"):
        value = getattr(src, name)
        if value:
            changes[name] = value
    return replace(article, **changes) if changes else article


def load_sources(
    sources: Sequence[Source], options: Options
) -> tuple[tuple[Article, ...], tuple[tuple[str, str], ...]]:
    """Read an event's inputs; a file that fails is reported as bad and the rest go on."""
    from ..load import check_matched, is_url, load_file, unique_ids

    articles: list[Article] = []
    bad: list[tuple[str, str]] = []
    for src in sources:
        if src.article is not None:
            articles.append(_apply_overrides(src.article, src))
            continue
        try:
            loaded = load_file(src.path, options)
            if src.record is not None:
                if not 0 <= src.record < len(loaded):
                    raise StorydiffError(f"has no article number {src.record + 1}", src.path)
                loaded = (loaded[src.record],)
        except StorydiffError as exc:
            bad.append((exc.path or src.path, exc.message + (f" ({exc.hint})" if exc.hint else "")))
            continue
        articles.extend(_apply_overrides(a, src) for a in loaded)
    check_matched(s.path for s in sources if s.article is None and not is_url(s.path))
    return unique_ids(articles), tuple(bad)


def _figures(comparison: Comparison) -> dict[str, Any]:
    summary = summarize(comparison)
    headline, first, last = heading(comparison)
    total = sum(n for _, _, n in summary.relayed)
    n_relayed = sum(r for _, r, _ in summary.relayed)
    return {
        "headline": headline,
        "first_published": first,
        "last_published": last,
        "articles": summary.articles,
        "outlets": tuple(d.article.outlet for d in comparison.documents),
        "sentences": total,
        "claims": summary.claims,
        "claims_all_outlets": summary.claims_all,
        "conflicts": summary.conflicts,
        "unique_sentences": sum(n for _, n in summary.unique),
        "relayed_sentences": n_relayed,
        # Rounded at the boundary so that summaries are byte-stable across runs.
        "relayed_share": round(n_relayed / total, 4) if total else 0.0,
    }


def run_event(job: EventJob, settings: BatchSettings) -> EventResult:
    """Compare one event and render its reports. Reads the inputs; writes nothing."""
    from ..preload import load_pipeline

    load_pipeline(settings.formats)  # once per process: the imports, with the collector paused
    from ..pipeline import compare
    from ..report.data import to_dict
    from ..report.glance import glance

    if job.problem:
        return EventResult(
            EventRow(
                event=job.name, label=job.label, status="skipped", reason=job.problem, bad_files=job.bad_files
            )
        )
    articles, bad = load_sources(job.sources, settings.options)
    bad = job.bad_files + bad
    if not articles:
        reason = "no readable articles" if bad or job.sources else "no article files"
        return EventResult(
            EventRow(event=job.name, label=job.label, status="skipped", reason=reason, bad_files=bad)
        )
    try:
        result = compare(articles, settings.options)
    except StorydiffError as exc:
        return EventResult(
            EventRow(event=job.name, label=job.label, status="skipped", reason=str(exc), bad_files=bad)
        )
    g = glance(result)
    data = to_dict(result, g)  # once, for the JSON and HTML views and the store
    outputs = tuple(
        (f"{job.name}/{REPORT_FILES[fmt]}", _render(result, fmt, data, g)) for fmt in settings.formats
    )
    row = EventRow(
        event=job.name,
        label=job.label,
        status="compared",
        bad_files=bad,
        reports=tuple(sorted((fmt, f"{job.name}/{REPORT_FILES[fmt]}") for fmt in settings.formats)),
        **_figures(result),
    )
    return EventResult(row, outputs, data)


def _render(result: Comparison, fmt: str, data: dict[str, Any], g: Glance) -> str:
    """One view of an event, from the dict and glance already worked out where a view uses them."""
    if fmt == "json":
        from ..report.jsonout import render_json

        return render_json(result, data)
    if fmt == "html":
        from ..report.htmlreport import render_html

        return render_html(result, data=data, at_a_glance=g)
    from ..report import render

    return render(result, fmt)


def write_event(result: EventResult, outdir: Path) -> None:
    from ..atomic import write_atomic

    for rel, content in result.outputs:
        write_atomic(outdir / rel, content)


def finish_event(result: EventResult, outdir: Path) -> None:
    """Write an event's reports; a skipped event loses those of an earlier run (none may stay linked)."""
    write_event(result, outdir)
    if result.row.status != "compared":
        for name in REPORT_FILES.values():
            (outdir / result.row.event / name).unlink(missing_ok=True)


def code_fingerprint() -> str:
    """A hash of the installed storydiff code and templates: a changed analysis recomputes."""
    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent.parent  # the whole compare package
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.j2"), *root.glob("data/*")]):
        if path.is_file():
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def event_hash(job: EventJob, settings: BatchSettings, fingerprint: str) -> str:
    """Content hash of everything an event's outputs depend on: inputs (and the metadata sidecars
    beside them), code, options, formats."""
    from ..load.sidecar import sidecar_path

    h = hashlib.sha256()
    h.update(fingerprint.encode())
    h.update(
        repr((settings.options, settings.formats, job.name, job.label, job.problem, job.bad_files)).encode()
    )
    sidecars: set[str] = set()
    for src in job.sources:
        h.update(repr((src.path, src.record, src.outlet, src.title, src.published, src.url)).encode())
        if src.article is not None:
            h.update(repr(src.article).encode())
            continue
        _hash_file(h, src.path)
        sidecar = sidecar_path(src.path)
        if sidecar not in sidecars and os.path.lexists(sidecar):  # its dates and URLs are inputs too
            sidecars.add(sidecar)
            h.update(repr(("sidecar", sidecar)).encode())
            _hash_file(h, sidecar)
    return h.hexdigest()


def _hash_file(h: Any, path: str) -> None:
    from ..load.files import check_regular

    try:
        check_regular(path)  # a FIFO would block the open, a device never end
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except (OSError, StorydiffError) as exc:
        h.update(f"unreadable:{exc.__class__.__name__}:{exc}".encode())


def _work(job: EventJob, settings: BatchSettings, outdir: str) -> Finished:
    """Worker side of the local engine: compute, write, and send back the row and store records."""
    from .store import event_records

    try:
        result = run_event(job, settings)
        finish_event(result, Path(outdir))
        records = event_records(job.name, result.data) if result.data is not None else None
        return result.row, records
    except OSError as exc:
        reason = f"cannot write the report ({exc.strerror or exc})"
    except Exception as exc:  # a bug in one event must not stop the batch
        reason = f"internal error: {exc.__class__.__name__}: {exc}"
    return EventRow(event=job.name, label=job.label, status="skipped", reason=reason), None


def _crashed(job: EventJob, exc: BaseException) -> EventRow:
    """The row of an event whose worker process died while running it."""
    return EventRow(
        event=job.name,
        label=job.label,
        status="skipped",
        reason=f"worker process failed ({exc.__class__.__name__}: {exc})",
    )


def _watch_parent(parent: int) -> None:
    """Worker start-up: exit when the batch process is gone (killed without a chance to stop us)."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(_PARENT_POLL_SECONDS)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, daemon=True).start()


def _pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers fork from a clean single-threaded server that has the pipeline imported
    # once, rather than from this process and whatever threads it runs. ``warm`` loads the
    # pipeline's libraries there too, so that the workers share them (docs/batch.md).
    ctx: multiprocessing.context.BaseContext
    try:
        ctx = multiprocessing.get_context("forkserver")
        multiprocessing.set_forkserver_preload(["compare.batch.engine", "compare.batch.warm"])
    except ValueError:  # no forkserver on this platform (Windows)
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_watch_parent, initargs=(os.getpid(),)
    )


def _stop(pool: Any) -> None:
    """Stop a pool now: drop queued events and end the workers mid-event."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()


def execute_local(
    jobs: Iterable[EventJob], settings: BatchSettings, outdir: Path
) -> Generator[tuple[EventJob, Finished], None, None]:
    """Yield (job, result) as events finish: inline for one job, else through a bounded process pool.

    A worker that dies breaks the whole pool and every event in flight with it. Those events are
    then run again one at a time in a fresh pool, so the one that kills its worker again is the
    only one marked failed and the others come back with their results.
    """
    if settings.jobs <= 1:
        for job in jobs:
            yield job, _work(job, settings, str(outdir))
        return
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    window = settings.jobs * _WINDOW_PER_WORKER
    pool = _pool(settings.jobs)
    pending: dict[Any, EventJob] = {}
    suspects: deque[EventJob] = deque()  # in flight when a worker died: rerun alone
    alone: EventJob | None = None  # the suspect now running by itself
    try:
        it = iter(jobs)
        exhausted = False
        while pending or suspects or not exhausted:
            if alone is None and suspects and not pending:
                alone = suspects.popleft()
                pending[pool.submit(_work, alone, settings, str(outdir))] = alone
            while alone is None and not suspects and not exhausted and len(pending) < window:
                nxt = next(it, None)
                if nxt is None:
                    exhausted = True
                    break
                pending[pool.submit(_work, nxt, settings, str(outdir))] = nxt
            if not pending:
                continue
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                job = pending.pop(fut)
                try:
                    yield job, fut.result()
                except BrokenProcessPool as exc:
                    broken = True
                    if job is alone:  # it killed its worker twice: it alone fails
                        yield job, (_crashed(job, exc), None)
                    else:
                        suspects.append(job)
                if job is alone:
                    alone = None
            if broken:  # a worker died (killed, out of memory): start afresh, suspects one by one
                suspects.extend(pending.values())
                pending.clear()
                _stop(pool)
                pool = _pool(settings.jobs)
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or the consumer stopped: stop at once
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def exit_code(rows: Sequence[EventRow], problems: int = 0) -> int:
    """0: every event compared and no bad input; 1: some skipped or bad; 2: none compared."""
    compared = sum(1 for r in rows if r.status == "compared")
    if compared == 0:
        return 2
    if compared < len(rows) or problems or any(r.bad_files for r in rows):
        return 1
    return 0
