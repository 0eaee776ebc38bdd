"""Errors the library raises. The CLI turns each into one ``Error: …`` line; nothing here prints."""

from __future__ import annotations


class StorydiffError(Exception):
    """Base class. ``path`` names the input at fault, ``hint`` a fix where there is one."""

    def __init__(self, message: str, path: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{text} ({self.hint})" if self.hint else text


class UnreadableArticle(StorydiffError):
    """The input cannot be opened or decoded (missing, a directory, binary, bad encoding)."""


class EmptyArticle(StorydiffError):
    """The input holds no article text (empty file, HTML with no article body, JSON without text)."""


class BadFormat(StorydiffError):
    """The input is of a known kind but malformed (broken JSON, bad front matter)."""


class UsageError(StorydiffError):
    """The request itself cannot be carried out (no inputs, unknown option value)."""


class TooLarge(StorydiffError):
    """An input, or all inputs together, exceed a size limit (``Options.max_*``)."""
