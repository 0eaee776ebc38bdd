"""Batch mode: many events in, a report per event plus an index and summary tables out.

``run_event(job, settings)`` is the pure per-event job (reads inputs, writes nothing);
``run_batch(jobs, outdir, settings)`` is the local engine around it.
"""

from __future__ import annotations

from .engine import code_fingerprint, event_hash, exit_code, load_sources, run_batch, run_event, write_event
from .model import (
    DEFAULT_FORMATS,
    REPORT_FILES,
    BatchOutcome,
    BatchSettings,
    EventJob,
    EventResult,
    EventRow,
    Source,
)

__all__ = [
    "DEFAULT_FORMATS",
    "REPORT_FILES",
    "BatchOutcome",
    "BatchSettings",
    "EventJob",
    "EventResult",
    "EventRow",
    "Source",
    "code_fingerprint",
    "event_hash",
    "exit_code",
    "load_sources",
    "run_batch",
    "run_event",
    "write_event",
]
