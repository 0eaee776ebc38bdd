"""The command line: build inputs, call the library, turn its errors into one ``Error:`` line.

``main`` is the click group; ``compare`` and ``batch`` are its commands, with their shared
options in ``options``.
"""

from __future__ import annotations

from .main import main, run

__all__ = ["main", "run"]
