"""Imported by the batch's forkserver alone (``engine._pool`` names it in ``set_forkserver_preload``).

Importing this module loads the pipeline and the batch's views (NumPy, SciPy, scikit-learn,
syntok, rapidfuzz, Jinja) once, in the forkserver, with the collector paused, then freezes what
exists (``preload.load_pipeline``). Every worker forked from it then shares those pages instead of
importing its own copy: with ``--jobs 2``, 56 MiB less memory in all (proportional set size of
the process tree, 100 generated events; docs/batch.md). Freezing before the fork is what the
``gc.freeze`` documentation advises, so that the workers' collections leave those pages unwritten.
Never import it from the batch (client) process: it would load all of that there for nothing.
"""

from __future__ import annotations

from ..preload import load_pipeline
from .model import DEFAULT_FORMATS

load_pipeline(DEFAULT_FORMATS)
