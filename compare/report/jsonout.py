"""The JSON view (contract "storydiff/1", ../shared/DESIGN.md)."""

from __future__ import annotations

import json

from ..model import Comparison
from .data import to_dict


def render_json(comparison: Comparison) -> str:
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
