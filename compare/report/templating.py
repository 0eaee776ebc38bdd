"""The one jinja2 environment for the package's templates (autoescape on, built once per process),
and what every page needs around it: its inline assets, their CSP hashes, JSON safe in a script."""

from __future__ import annotations

import base64
import hashlib
import json
import re
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


def dumps(data: Any, *, indent: bool) -> str:
    """``json.dumps(data, ensure_ascii=False)``, indented by two spaces or compact, byte for byte.

    orjson, when installed (the ``fast`` extra), writes the same text 30 times faster: with an
    indent the standard library runs its pure-Python encoder, and the JSON of a report took 7% of
    a batch. The standard library writes what orjson refuses (a float subclass such as numpy's, an
    int beyond 64 bits, a lone surrogate) and any text where orjson may have written a float in
    its own way (``0.00001`` and ``1e-9`` where Python writes ``1e-05`` and ``1e-09``; a false
    alarm, such as "0.0000" in an article, only costs time). NaN, which orjson writes as null,
    never gets here: data.py rounds every float through int(), which refuses NaN.
    """
    fast = _orjson()
    if fast is not None:
        try:
            text = fast.dumps(data, option=fast.OPT_INDENT_2 if indent else 0).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            text = None
        if text is not None and not _own_float(text):
            return text
    if indent:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# A one-digit negative exponent ("1e-9", where Python writes "1e-09"), found by its literal "e-"
# (a pattern that starts with the digit before it is scanned 20 times slower).
_SHORT_EXPONENT = re.compile(r"e-\d\b")


def _own_float(text: str) -> bool:
    """Whether orjson may have written a float unlike Python's repr: below 1e-4 ("0.00001"), or
    with a one-digit negative exponent."""
    return "0.0000" in text or any(
        m.start() and text[m.start() - 1].isdigit() for m in _SHORT_EXPONENT.finditer(text)
    )


@lru_cache(maxsize=1)
def _orjson() -> Any:
    """The orjson module, or None without the optional extra (looked up once per process)."""
    try:
        import orjson  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return orjson


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> block: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = dumps(data, indent=False)
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
