"""Renderers: each returns a string; only the CLI and batch runner write files."""

from __future__ import annotations

from ..errors import UsageError
from ..model import Comparison

FORMATS = ("text", "json", "markdown", "html")


def render(
    comparison: Comparison, fmt: str = "text", *, width: int = 100, color: bool = False, brief: bool = False
) -> str:
    """Render a comparison as ``text``, ``json``, ``markdown`` or ``html``; ``brief`` keeps only the
    glance (text and markdown)."""
    if fmt == "json":
        from .jsonout import render_json

        return render_json(comparison)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(comparison, brief=brief)
    if fmt == "text":
        from .terminal import render_text

        return render_text(comparison, width=width, color=color, brief=brief)
    if fmt == "html":
        from .htmlreport import render_html

        return render_html(comparison)
    raise UsageError(f"unknown format {fmt!r}", hint="use " + ", ".join(FORMATS))
