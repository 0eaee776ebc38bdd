"""storydiff: compare several news reports of the same event.

>>> from compare import load_articles, compare, render
>>> result = compare(load_articles(["a.txt", "b.md"]))
>>> print(render(result, "markdown"))
"""

from __future__ import annotations

from .errors import BadFormat, EmptyArticle, StorydiffError, UnreadableArticle, UsageError
from .load import load_articles, load_file
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
from .pipeline import compare
from .report import render

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
    "UnreadableArticle",
    "UsageError",
    "Via",
    "compare",
    "load_articles",
    "load_file",
    "render",
]
