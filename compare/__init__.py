"""storydiff: compare several news reports of the same event.

>>> from compare import load_articles, compare, render
>>> result = compare(load_articles(["a.txt", "b.md"]))
>>> print(render(result, "markdown"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import BadFormat, EmptyArticle, StorydiffError, TooLarge, UnreadableArticle, UsageError
from .model import (
    Article,
    Attribution,
    Claim,
    Comparison,
    Detail,
    Difference,
    Document,
    Member,
    Options,
    Quotation,
    Sentence,
    Via,
)

if TYPE_CHECKING:
    from .load import load_articles, load_file
    from .pipeline import compare
    from .report import render

# The entry points load their stages on first use, so that ``storydiff --help`` and an error about
# a bad input do not wait for the whole pipeline (and scikit-learn behind it) to be imported.
_LAZY = {"compare": ".pipeline", "load_articles": ".load", "load_file": ".load", "render": ".report"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "BadFormat",
    "Claim",
    "Comparison",
    "Detail",
    "Difference",
    "Document",
    "EmptyArticle",
    "Member",
    "Options",
    "Quotation",
    "Sentence",
    "StorydiffError",
    "TooLarge",
    "UnreadableArticle",
    "UsageError",
    "Via",
    "compare",
    "load_articles",
    "load_file",
    "render",
]
