"""The JSON view (contract "storydiff/1", ../shared/DESIGN.md)."""

from __future__ import annotations

from ..model import Comparison
from .data import to_dict
from .templating import dumps


def render_json(comparison: Comparison) -> str:
    return dumps(to_dict(comparison), indent=True) + "\n"
