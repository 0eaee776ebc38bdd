"""The one jinja2 environment for the package's templates (autoescape on, built once per process),
and what every page needs around it: its inline assets, their CSP hashes, JSON safe in a script."""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Built lazily and cached: compiling the templates again for every event doubled batch time."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("compare", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> block: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def csp_hash(source: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"
    )


@lru_cache(maxsize=8)
def asset(name: str) -> str:
    """A CSS or JS file of the package, read once per process (a batch run renders many events)."""
    return resources.files("compare").joinpath("templates", name).read_text(encoding="utf-8")


def content_policy(css: str, js: str) -> str:
    """A strict CSP for a page whose only style and script are the given inline blocks."""
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
