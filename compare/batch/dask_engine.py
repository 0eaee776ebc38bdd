"""The Dask engine (``--engine dask``, ``--scheduler tcp://HOST:PORT``; extra ``storydiff[dask]``).

Workers run ``run_event`` and send back the rendered reports and the store rows; this process,
the client, writes them atomically, as the local engine's workers do, so the outputs are the same
bytes. Workers read the inputs by path: on a cluster, the inputs must sit on storage every worker
sees under the same path (a shared filesystem); the output folder needs to be seen by the client
only. ``dask.distributed`` is imported only here, and only when this engine runs.

At most ``WINDOW_PER_WORKER`` jobs per worker are in flight, so the client's memory stays flat
whatever the number of events. A job that raises, or whose worker dies (the scheduler gives up on
a task whose workers keep dying and reports ``KilledWorker``), is submitted once more; if it
fails again its event is skipped with the reason, and the rest of the batch goes on. A worker
that dies costs nothing else: the scheduler moves its other tasks to the workers left.
"""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Generator, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .engine import Finished, finish_event, run_event
from .model import BatchSettings, EventJob, EventResult, EventRow

# Jobs in flight per worker thread: enough to hide the round trip to the scheduler while the
# client writes results, few enough that the client holds only a handful of rendered reports.
WINDOW_PER_WORKER = 2

# Times a job is submitted before its event is given up on (the first try and one retry).
ATTEMPTS = 2

# Seconds to wait for a scheduler to answer before the batch stops with an error.
CONNECT_TIMEOUT = 30

INSTALL_HINT = "install the extra: pip install 'storydiff[dask]'"


class EngineUnavailable(UsageError):
    """Dask is not installed, or the scheduler cannot be reached."""


def compute_event(job: EventJob, settings: BatchSettings) -> tuple[EventResult, Any]:
    """Worker side: the event's row and reports (as an ``EventResult``) and its store rows."""
    from .store import event_records

    result = run_event(job, settings)
    records = event_records(job.name, result.data) if result.data is not None else None
    return replace(result, data=None), records


def _client(settings: BatchSettings) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineUnavailable(f"the dask engine needs dask.distributed ({INSTALL_HINT})") from exc
    if settings.scheduler:
        try:
            return Client(settings.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(
                f"cannot reach the dask scheduler at {settings.scheduler} ({exc})"
            ) from exc
    cluster = LocalCluster(
        n_workers=settings.jobs,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
        silence_logs=logging.ERROR,  # its start-up and shutdown chatter is not the user's business
    )
    return Client(cluster, set_as_default=False), cluster


def _threads(client: Any) -> int:
    info = client.scheduler_info()
    return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))


def _failed(job: EventJob, exc: BaseException) -> Finished:
    name = exc.__class__.__name__
    if name == "KilledWorker":
        reason = f"worker process failed ({name}: the worker died running it, twice)"
    else:
        reason = f"internal error: {name}: {exc}"
    return EventRow(event=job.name, label=job.label, status="skipped", reason=reason), None


def execute_dask(
    jobs: Iterable[EventJob], settings: BatchSettings, outdir: Path
) -> Generator[tuple[EventJob, Finished], None, None]:
    """Yield (job, (row, store rows)) as events finish on the cluster; reports are written here."""
    from distributed import as_completed

    client, cluster = _client(settings)
    batch = uuid.uuid4().hex[:8]
    counter = itertools.count()
    meta: dict[Any, tuple[EventJob, int]] = {}
    done = as_completed(loop=client.loop)

    def submit(job: EventJob, attempt: int) -> None:
        key = f"storydiff-{batch}-{next(counter)}"
        fut = client.submit(compute_event, job, settings, key=key, pure=False)
        meta[fut] = (job, attempt)
        done.add(fut)

    try:
        window = _threads(client) * WINDOW_PER_WORKER
        it = iter(jobs)
        for job in itertools.islice(it, window):
            submit(job, 1)
        for fut in done:
            job, attempt = meta.pop(fut)
            try:
                result, records = fut.result()
            except Exception as exc:
                if attempt < ATTEMPTS:
                    submit(job, attempt + 1)
                    continue
                yield job, _failed(job, exc)
            else:
                try:
                    finish_event(result, outdir)
                    yield job, (result.row, records)
                except OSError as exc:
                    row = EventRow(
                        event=job.name,
                        label=job.label,
                        status="skipped",
                        reason=f"cannot write the report ({exc.strerror or exc})",
                    )
                    yield job, (row, None)
            finally:
                fut.release()
            for nxt in itertools.islice(it, max(0, window - len(meta))):
                submit(nxt, 1)
    finally:
        for fut in list(meta):
            fut.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
