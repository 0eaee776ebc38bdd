"""Load the pipeline's modules once per process, with Python's cyclic garbage collector paused.

Importing scikit-learn, SciPy and NumPy builds about a million long-lived objects (modules,
classes, functions, docstrings). With the collector on, every collection of the oldest generation
walks all of them again, during the imports and after: about a sixth of the CPU time of
``storydiff compare`` on one event (docs/speed.md, round 4). So the CLI and the batch workers
import what a comparison needs with the collector off, then freeze what exists (``gc.freeze``:
the collector skips it from then on) and switch it back on. Reference counting frees everything
else as before, and the collector still sees every object made after the freeze.

Called only once the inputs are read, so that ``--help`` and a bad input stay as quick as before.
"""

from __future__ import annotations

import gc
import importlib

# What every comparison imports, its lazy imports included (vectorize imports SciPy inside
# functions, segment imports syntok, features and differences import rapidfuzz).
PIPELINE = (
    "compare.pipeline",
    "numpy",
    "scipy.sparse",
    "syntok.segmenter",
    "rapidfuzz.fuzz",
    "rapidfuzz.distance",
)
# The views, by format, that a run will render with.
VIEWS = {
    "json": ("compare.report.jsonout",),
    "html": ("compare.report.htmlreport", "jinja2"),
    "markdown": ("compare.report.markdown",),
    "text": ("compare.report.terminal", "rich.console", "rich.text"),
}

_frozen = False


def load_pipeline(formats: tuple[str, ...] = ()) -> None:
    """Import the pipeline and the views of ``formats`` with the collector paused, then freeze.

    Freezes once per process: a later call only imports. (Freezing again, after an event, would
    keep that event's garbage cycles for good.)"""
    global _frozen
    names = PIPELINE + tuple(m for f in formats for m in VIEWS.get(f, ()))
    if _frozen:
        for name in names:
            importlib.import_module(name)
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        gc.freeze()
        _frozen = True
        if enabled:
            gc.enable()
