"""The JSON view (contract "storydiff/1", ../shared/DESIGN.md)."""

from __future__ import annotations

from typing import Any

from ..model import Comparison
from .data import to_dict
from .templating import dumps


def render_json(comparison: Comparison, data: dict[str, Any] | None = None) -> str:
    """The report as JSON text; ``data`` is ``to_dict(comparison)`` when the caller has it already."""
    return dumps(to_dict(comparison) if data is None else data, indent=True) + "\n"
