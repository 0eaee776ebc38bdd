"""Metadata kept beside plain files: a ``meta.json`` in an input's folder.

Plain text carries no publication date, address or outlet of its own; users (and the real corpus,
``../shared/corpus/events/<event>/meta.json``) keep them in a file beside the articles. Two forms
are read:

- the corpus form: ``{"articles": {KEY: ENTRY, ...}}`` or ``{"articles": [ENTRY, ...]}``, where
  each ENTRY names its article with ``"file"`` (in the object form a missing ``file`` is the key,
  matched against the file name or its stem);
- the simple form: an object keyed by file name, ``{"fox-news.txt": ENTRY, ...}`` (keys that are
  not article file names are passed over, so an unrelated ``meta.json`` is no sidecar).

An ENTRY gives any of ``outlet``, ``title``, ``date`` (or ``published``: an ISO date or date-time)
and ``url``; other fields (the corpus's sentence spans) are passed over. The sidecar only fills the
fields the file itself does not give (``formats`` takes them as fallbacks). A sidecar that cannot
be read is ignored with one warning line on stderr; it never stops a run.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import StorydiffError

SIDECAR_NAME = "meta.json"
# The largest sidecar read (bytes). An entry with outlet, title, date and URL takes about 300
# bytes, so 10,000 articles in one flat folder fit in 3 MB; the corpus's entries also carry sentence
# spans (10.8 KB at most for an event of 5 articles, about 2.2 KB per article), which 16 MiB still
# holds for some 7,000 articles. Parsed JSON takes several times its size in memory, so a stray
# large file named meta.json is refused before it is read.
MAX_SIDECAR_BYTES = 16 * 1024 * 1024
# Marks an entry keyed by a file's stem rather than its name (NUL is in no file name).
STEM_MARK = "\0stem"
# Sidecar fields read, by the Article field they fill.
FIELDS = {"outlet": ("outlet",), "title": ("title",), "published": ("date", "published"), "url": ("url",)}


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What one ``meta.json`` says: the fields of each article file it names, and why (part of)
    it was not read ("" when all of it was)."""

    path: str
    entries: Mapping[str, Mapping[str, str]]  # file name -> {Article field: value}
    problem: str = ""


def sidecar_path(path: str) -> str:
    """Where the sidecar of an input file would be: ``meta.json`` in the file's folder."""
    return os.path.join(os.path.dirname(path), SIDECAR_NAME)


def is_sidecar_name(path: str) -> bool:
    """Whether ``path`` is named like a sidecar (``meta.json``, in any case)."""
    return os.path.basename(path).lower() == SIDECAR_NAME


def fields_for(path: str) -> dict[str, str]:
    """The fields the sidecar beside ``path`` gives for it ({} when there is none or it names
    no such file); a sidecar that cannot be read is reported once on stderr and gives {}."""
    sidecar = read_sidecar(sidecar_path(path))
    if sidecar is None:
        return {}
    entry = entry_for(sidecar, os.path.basename(path))
    return dict(entry) if entry is not None else {}


def entry_for(sidecar: Sidecar, name: str) -> Mapping[str, str] | None:
    """The fields ``sidecar`` gives for the file called ``name`` (None: it does not name it)."""
    entry = sidecar.entries.get(name)
    return entry if entry is not None else sidecar.entries.get(os.path.splitext(name)[0] + STEM_MARK)


def read_sidecar(path: str) -> Sidecar | None:
    """The sidecar at ``path``, or None when there is none or it is no storydiff sidecar (an
    object without article entries). Cached on the file's identity, so each is parsed once."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if os.path.isdir(path):
        return None
    sidecar = _read_cached(path, st.st_ino, st.st_size, st.st_mtime_ns)
    if sidecar is not None and sidecar.problem:
        warn(f"{path}: {sidecar.problem}")
    if sidecar is None or not sidecar.entries:
        return None
    return sidecar


@functools.lru_cache(maxsize=256)
def _read_cached(path: str, _ino: int, _size: int, _mtime: int) -> Sidecar | None:
    from .files import read_bytes

    try:
        data = read_bytes(path, MAX_SIDECAR_BYTES)
    except StorydiffError as exc:
        return Sidecar(path, {}, f"ignored: {exc.message}")
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Sidecar(path, {}, "ignored: not UTF-8 text")
    except json.JSONDecodeError as exc:
        return Sidecar(path, {}, f"ignored: invalid JSON ({exc.msg}, line {exc.lineno})")
    except (RecursionError, ValueError, MemoryError):
        return Sidecar(path, {}, "ignored: invalid JSON (nested too deeply or too large)")
    return parse_sidecar(obj, path)


def parse_sidecar(obj: Any, path: str = SIDECAR_NAME) -> Sidecar | None:
    """The entries of a decoded sidecar; None when it is no sidecar of ours."""
    from .formats import SUFFIXES

    if not isinstance(obj, dict):
        return Sidecar(path, {}, "ignored: not a JSON object")
    if "articles" in obj:
        articles = obj["articles"]
        if isinstance(articles, dict):
            items = [(str(k), v) for k, v in articles.items()]
        elif isinstance(articles, list):
            items = [(f"#{i + 1}", v) for i, v in enumerate(articles)]
        else:
            return Sidecar(path, {}, '"articles" ignored: neither an object nor an array')
        keyed = isinstance(articles, dict)
    else:
        items = [(k, v) for k, v in obj.items() if k.lower().endswith(SUFFIXES)]
        if not items:
            return None
        keyed = True
    entries: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for key, entry in items:
        if not isinstance(entry, dict):
            problems.append(f"entry {key} is not an object")
            continue
        name = entry.get("file", key if keyed else None)
        if not isinstance(name, str) or not _plain_name(name):
            problems.append(f'entry {key} names no file in this folder ("file")')
            continue
        # The corpus keys its entries by the file's stem ("fox-news" for fox-news.txt).
        name = os.path.normpath(name)
        entries[name if name.lower().endswith(SUFFIXES) else name + STEM_MARK] = _entry_fields(
            entry, key, problems
        )
    problem = ""
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        problem = f"part ignored: {problems[0]}{more}"
    return Sidecar(path, entries, problem)


def _plain_name(name: str) -> bool:
    """A file name in the sidecar's own folder ("x.txt", "./x.txt"), not a path elsewhere."""
    norm = os.path.normpath(name) if name.strip() else ""
    return bool(norm) and os.sep not in norm and norm not in (".", "..") and "\0" not in norm


def _entry_fields(entry: Mapping[str, Any], key: str, problems: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for field, names in FIELDS.items():
        value = next((entry[n] for n in names if entry.get(n) is not None), None)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"entry {key}: {names[0]} is not a string")
            continue
        value = " ".join(value.split())
        if not value:
            continue
        if field == "published" and not _iso_date(value):
            problems.append(f"entry {key}: date {value[:40]!r} is not an ISO date (YYYY-MM-DD)")
            continue
        fields[field] = value
    return fields


def _iso_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return len(value) == 10 or value[10] in "T "


_WARNED: set[str] = set()


def warn(message: str) -> None:
    """One line on stderr, once per process for each message: a sidecar problem is never an error."""
    if message in _WARNED:
        return
    _WARNED.add(message)
    sys.stderr.write(f"Warning: {message}\n")


def check_matched(paths: Iterable[str]) -> None:
    """Warn about each sidecar beside the local inputs ``paths`` that names none of the ones in its
    folder: its ``file`` entries are likely misspelled."""
    by_sidecar: dict[str, list[str]] = {}
    for path in paths:
        by_sidecar.setdefault(sidecar_path(path), []).append(path)
    for where, inputs in by_sidecar.items():
        sidecar = read_sidecar(where)
        if sidecar is None or any(entry_for(sidecar, os.path.basename(p)) is not None for p in inputs):
            continue
        named = sorted(k.replace(STEM_MARK, "") for k in sidecar.entries)
        shown = ", ".join(named[:3]) + (", …" if len(named) > 3 else "")
        warn(f"{where}: names none of the files read from its folder (it names {shown})")
