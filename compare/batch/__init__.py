"""Batch mode: many events in, a report per event plus an index, summary tables and a SQLite store out.

``run_batch(request)`` runs a whole batch and returns its report (rows, exit status, summary line);
``run_event(job, settings)`` is the pure per-event job (reads inputs, writes nothing) that the
engines map over events: ``run_jobs`` with the local process pool or Dask.
"""

from __future__ import annotations

from .engine import code_fingerprint, event_hash, exit_code, load_sources, run_event, write_event
from .model import (
    DEFAULT_FORMATS,
    REPORT_FILES,
    BatchOutcome,
    BatchReport,
    BatchRequest,
    BatchSettings,
    EventJob,
    EventResult,
    EventRow,
    Source,
)
from .runner import NoEvents, run_batch, run_jobs

__all__ = [
    "DEFAULT_FORMATS",
    "REPORT_FILES",
    "BatchOutcome",
    "BatchReport",
    "BatchRequest",
    "BatchSettings",
    "EventJob",
    "EventResult",
    "EventRow",
    "NoEvents",
    "Source",
    "code_fingerprint",
    "event_hash",
    "exit_code",
    "load_sources",
    "run_batch",
    "run_event",
    "run_jobs",
    "write_event",
]
