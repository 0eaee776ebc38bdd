"""Where batch events come from: a folder per event, a manifest, or a flat folder grouped automatically."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import StorydiffError, UsageError
from ..load import is_url, slugify
from ..load.folder import OTHER_TYPE, classify
from ..model import Article, Options
from .model import EventJob, Source

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Discovery:
    """Events found, plus what was found outside them (paths as given)."""

    jobs: tuple[EventJob, ...]
    bad_files: tuple[tuple[str, str], ...] = ()
    ignored: tuple[tuple[str, str], ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    ungrouped: tuple[str, ...] = ()


class _Namer:
    """Folder names for events: one safe path component each, unique without regard to case."""

    def __init__(self) -> None:
        from .outputs import RESERVED

        self.taken = {r.lower() for r in RESERVED}

    def __call__(self, label: str) -> str:
        base = _UNSAFE.sub("-", label).strip("-.") or "event"
        base = base[:80]
        name, n = base, 1
        while name.lower() in self.taken:
            n += 1
            name = f"{base}-{n}"
        self.taken.add(name.lower())
        return name


def not_a_regular_file(path: Path) -> str | None:
    """Why an article-named entry is no file to read (a FIFO, a device, a dangling link), or None."""
    from ..load.files import check_regular

    try:
        check_regular(str(path))
    except StorydiffError as exc:
        return exc.message
    return None


def special_file(path: Path) -> str | None:
    """Why ``path`` must not be opened (a FIFO, a device, a socket), or None: missing files and
    folders are left to the reader, whose error lines name them."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return not_a_regular_file(path)


def _listdir(root: Path) -> list[Path]:
    try:
        return sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise UsageError(f"cannot list the folder ({exc.strerror or exc})", str(root)) from exc


def _event_files(folder: Path) -> tuple[list[Source], list[tuple[str, str]], list[tuple[str, str]]]:
    """An event folder's article files, other files left aside, and files that cannot be read."""
    sources, ignored, bad = [], [], []
    for f in _listdir(folder):
        if f.is_dir():
            continue
        why = classify(f)
        if why is None:
            problem = not_a_regular_file(f)
            if problem is None:
                sources.append(Source(path=str(f)))
            else:
                bad.append((str(f), problem))
        elif why == OTHER_TYPE:
            ignored.append((str(f), why))
    return sources, ignored, bad


def from_folders(root: str | os.PathLike[str]) -> Discovery:
    """Each subfolder of ``root`` is one event; its article files are read, nothing deeper.

    An event folder that cannot be listed, or a link to one that is gone, is an event skipped
    with its reason; a FIFO, device or socket in a folder is a bad file (never opened).
    """
    base = Path(root)
    if not base.is_dir():
        if base.is_file() and base.name.lower().endswith((".warc", ".warc.gz")):
            raise UsageError("is a WARC file, not a folder of events", str(root), "use --group auto")
        raise UsageError("is not a folder", str(root))
    namer = _Namer()
    jobs: list[EventJob] = []
    loose: list[tuple[str, str]] = []
    broken: list[tuple[str, str]] = []
    for entry in _listdir(base):
        if entry.name.startswith("."):
            continue
        dangling = entry.is_symlink() and not entry.exists()
        if dangling and classify(entry) is None:  # a link named like an article: a bad file
            broken.append((str(entry), not_a_regular_file(entry) or "is a broken symbolic link"))
            continue
        if not entry.is_dir() and not dangling:
            if classify(entry) is None:
                loose.append((str(entry), "not inside an event folder (use --group auto for a flat folder)"))
            continue
        name = namer(entry.name)
        if dangling:  # a link to an event folder that is gone: a skipped event
            problem = not_a_regular_file(entry) or "is a broken symbolic link"
            jobs.append(EventJob(name=name, label=entry.name, sources=(), problem=problem))
            continue
        try:
            sources, ignored, bad = _event_files(entry)
        except UsageError as exc:
            jobs.append(EventJob(name=name, label=entry.name, sources=(), problem=exc.message))
            continue
        jobs.append(
            EventJob(
                name=name,
                label=entry.name,
                sources=tuple(sources),
                ignored=tuple(ignored),
                bad_files=tuple(bad),
            )
        )
    return Discovery(jobs=tuple(jobs), bad_files=tuple(broken), ignored=tuple(loose))


def _manifest_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the manifest ({exc})", str(path)) from exc
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"line {n} is not valid JSON ({exc.msg})", str(path)) from exc
            except RecursionError:
                raise UsageError(f"line {n} is not valid JSON (nested too deeply)", str(path)) from None
            except ValueError:  # a number of more than 4,300 digits
                raise UsageError(f"line {n} is not valid JSON (a number too large)", str(path)) from None
            if not isinstance(obj, dict):
                raise UsageError(f"line {n} is not a JSON object", str(path))
            yield n, {k: str(v) for k, v in obj.items() if v is not None}
        return
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    missing = {"event", "path"} - set(reader.fieldnames or ())
    if missing:
        raise UsageError(
            "the manifest needs a header row with the columns event,path",
            str(path),
            "add a first line such as: event,path,outlet",
        )
    for n, row in enumerate(reader, 2):
        yield n, {k: v for k, v in row.items() if k and v}


def from_manifest(manifest: str | os.PathLike[str]) -> Discovery:
    """Events from a CSV or JSONL manifest (``event,path[,outlet,title,published,url]``).

    Relative paths are taken from the manifest's own folder; a path may be an http(s) URL.
    Rows keep their order within an event.
    """
    path = Path(manifest)
    if path.suffix.lower() not in (".csv", ".jsonl"):
        raise UsageError("the manifest must be a .csv or .jsonl file", str(path))
    events: dict[str, list[Source]] = {}
    bad: list[tuple[str, str]] = []
    for n, row in _manifest_rows(path):
        event, file = row.get("event", "").strip(), row.get("path", "").strip()
        if not event or not file:
            raise UsageError(f"row {n} needs both an event and a path", str(path))
        full = file if is_url(file) else str(Path(file) if Path(file).is_absolute() else path.parent / file)
        special = None if is_url(full) else special_file(Path(full))
        if special:  # a FIFO or device would hang whoever opens it, before any reader could refuse it
            events.setdefault(event, [])
            bad.append((full, special))
            continue
        events.setdefault(event, []).append(
            Source(
                path=full,
                outlet=row.get("outlet") or None,
                title=row.get("title") or None,
                published=row.get("published") or None,
                url=row.get("url") or None,
            )
        )
    namer = _Namer()
    jobs = tuple(
        EventJob(name=namer(label), label=label, sources=tuple(srcs)) for label, srcs in events.items()
    )
    return Discovery(jobs=jobs, bad_files=tuple(bad))


def from_flat_folder(root: str | os.PathLike[str], options: Options) -> Discovery:
    """Read every article in ``root`` (a folder, or one WARC file) and group them into events
    (see ``compare.grouping``). The HTML pages in WARC files count as articles."""
    from ..load import check_matched, load_file
    from ..load.warc import is_warc
    from .grouping import group_articles

    base = Path(root)
    if base.is_file() and is_warc(base):
        entries = [base]
    elif not base.is_dir():
        raise UsageError("is not a folder or a WARC file (.warc, .warc.gz)", str(root))
    else:
        entries = _listdir(base)
    articles: list[Article] = []
    where: list[str] = []
    bad: list[tuple[str, str]] = []
    ignored: list[tuple[str, str]] = []
    url_duplicates: list[tuple[str, str]] = []
    seen_urls: dict[str, str] = {}
    for f in entries:
        if f.is_dir():
            continue
        if is_warc(f) and not f.name.startswith("."):
            found = warc_articles(f, options, seen_urls)
            articles.extend(found.articles)
            where.extend(a.source for a in found.articles)
            bad.extend(found.bad_files)
            ignored.extend(found.ignored)
            url_duplicates.extend(found.duplicates)
            continue
        why = classify(f)
        if why is not None:
            if why == OTHER_TYPE:
                ignored.append((str(f), why))
            continue
        problem = not_a_regular_file(f)
        if problem is not None:
            bad.append((str(f), problem))
            continue
        try:
            loaded = load_file(str(f), options)
        except StorydiffError as exc:
            bad.append((exc.path or str(f), exc.message + (f" ({exc.hint})" if exc.hint else "")))
            continue
        for art in loaded:
            articles.append(art)
            where.append(art.source if len(loaded) > 1 else str(f))
    check_matched(w for w in where if Path(w).is_file())  # not WARC pages, not JSONL records
    grouping = group_articles(articles)
    namer = _Namer()
    jobs = []
    for members in grouping.events:
        first = articles[members[0]]
        label = first.title or Path(first.source).stem
        jobs.append(
            EventJob(
                name=namer(slugify(label, fallback="event")[:48]),
                label=label,
                sources=tuple(Source(path=where[i], article=articles[i]) for i in members),
            )
        )
    return Discovery(
        jobs=tuple(jobs),
        bad_files=tuple(bad),
        ignored=tuple(ignored),
        duplicates=tuple(url_duplicates) + tuple((where[c], where[o]) for c, o in grouping.duplicates),
        ungrouped=tuple(where[i] for i in grouping.ungrouped),
    )


@dataclass(frozen=True, slots=True)
class WarcArticles:
    """The articles of one WARC file, each with its URL as ``source``, and what was left out."""

    articles: tuple[Article, ...]
    bad_files: tuple[tuple[str, str], ...]  # records that cannot be read (file@offset, problem)
    ignored: tuple[tuple[str, str], ...]  # pages with no article, and a count of other responses
    duplicates: tuple[tuple[str, str], ...]  # (URL, the same URL read earlier)


def warc_articles(path: Path, options: Options, seen_urls: dict[str, str] | None = None) -> WarcArticles:
    """The pages of a WARC as articles for the flat-folder grouping (``--group auto``)."""
    from ..load.warc import read_warc

    haul = read_warc(str(path), options, seen_urls)
    ignored = list(haul.no_article)
    if haul.skipped:
        counts = ", ".join(f"{n:,} {why}" for why, n in sorted(haul.skipped.items()))
        ignored.append((str(path), f"responses passed over: {counts}"))
    return WarcArticles(
        articles=tuple(haul.articles),
        bad_files=tuple(haul.bad),
        ignored=tuple(ignored),
        duplicates=tuple(haul.duplicates),
    )


def groups_record(discovery: Discovery) -> dict[str, object]:
    """What ``--group auto`` decided, for groups.json."""
    return {
        "events": [
            {"event": j.name, "label": j.label, "articles": [s.path for s in j.sources]}
            for j in discovery.jobs
        ],
        "duplicates": [{"path": c, "same_as": o} for c, o in discovery.duplicates],
        "ungrouped": list(discovery.ungrouped),
    }
