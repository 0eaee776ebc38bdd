"""A folder given as input: the article files directly inside it are the reports of one event.

``storydiff compare FOLDER`` reads the article files of FOLDER (sorted by name); batch reads each
event folder the same way. Subfolders, hidden files, metadata sidecars and files of other types
are passed over; a folder with no article file in it is an error that names the folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import UnreadableArticle
from .formats import SUFFIXES
from .sidecar import SIDECAR_NAME

# Files that sit beside articles but are not articles: metadata sidecars (the real corpus keeps
# each event's sentence spans and dates in meta.json) and system litter.
SIDECAR_NAMES = (SIDECAR_NAME, "manifest.json", "manifest.csv", "manifest.jsonl", "desktop.ini", "thumbs.db")

# Files of other types are listed in batch's index (a stray .pdf may be an article saved wrongly);
# hidden files and sidecars are passed over in silence.
OTHER_TYPE = "not an article file type; storydiff reads " + " ".join(SUFFIXES)


def classify(path: Path) -> str | None:
    """Why a file is not read as an article, or None when it is one."""
    name = path.name
    if name.startswith(".") or name.startswith("~"):
        return "hidden file"
    if name.lower() in SIDECAR_NAMES:
        return "metadata sidecar, not an article"
    if path.suffix.lower() not in SUFFIXES:
        return OTHER_TYPE
    return None


def article_files(folder: str) -> tuple[str, ...]:
    """The article files directly inside ``folder``, sorted by name, as paths under it.

    An article-named entry that is not a regular file (a FIFO, a device) is kept, so that reading
    it reports the problem by name; subfolders are not entered.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise UnreadableArticle(f"cannot list the folder ({exc.strerror or exc})", folder) from exc
    found = tuple(
        os.path.join(folder, e.name) for e in entries if classify(Path(e.name)) is None and not _is_dir(e)
    )
    if not found:
        raise UnreadableArticle(
            "is a folder with no article files in it",
            folder,
            "storydiff reads " + " ".join(SUFFIXES) + " files; batch takes a folder of event folders",
        )
    return found


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def expand_folders(paths: Iterable[str]) -> list[str]:
    """``paths`` with every folder replaced by its article files (URLs and files as given)."""
    out: list[str] = []
    for path in paths:
        if "://" not in path and os.path.isdir(path):
            out.extend(article_files(path))
        else:
            out.append(path)
    return out
