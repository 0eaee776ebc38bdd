"""The batch journal: each event's content hash and summary row from the last run, so that an
unchanged event is not recomputed and an interrupted run resumes where it stopped."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .model import EventRow

STATE_DIR = ".storydiff-batch"
JOURNAL = "state.jsonl"
# Every output path (relative to OUTDIR) a batch has set out to write, one a line, appended before
# the write: a file there that is not listed was put there by someone else and is never replaced.
MADE = "made.txt"


@dataclass(slots=True)
class Journal:
    """Event name -> (content hash, row) of the last run; one JSON line appended per finished event."""

    path: Path
    # The row as read from the file, or the EventRow recorded in this run (the batch holds it anyway
    # for its summaries; a dict copy per event was the journal's share of the batch's memory).
    entries: dict[str, tuple[str, dict[str, Any] | EventRow]] = field(default_factory=dict)
    handle: IO[str] | None = None
    files: set[str] = field(default_factory=set)  # paths listed in made.txt

    @classmethod
    def open(cls, outdir: Path) -> Journal:
        path = outdir / STATE_DIR / JOURNAL
        journal = cls(path)
        made = outdir / STATE_DIR / MADE
        if made.is_file():
            journal.files = set(made.read_text(encoding="utf-8").splitlines())
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                        journal.entries[entry["event"]] = (entry["hash"], entry["row"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by an interruption
        for _, row in journal.entries.values():
            reports = row.get("reports") if isinstance(row, dict) else None
            if isinstance(reports, dict):
                journal.files.update(str(r) for r in reports.values())
        return journal

    def lookup(self, event: str, digest: str) -> EventRow | None:
        entry = self.entries.get(event)
        if entry is None or entry[0] != digest:
            return None
        if isinstance(entry[1], EventRow):
            return entry[1]
        try:
            return EventRow.from_dict(entry[1])
        except (KeyError, TypeError, ValueError):
            return None

    def made(self, rel: str) -> bool:
        """Whether a batch wrote (or set out to write) this path; reports in the journal count too
        (a folder written before made.txt existed)."""
        return rel in self.files

    def claim(self, rels: Sequence[str]) -> None:
        """Note paths as the batch's own before writing them."""
        new = [r for r in rels if r not in self.files]
        if not new:
            return
        made = self.path.parent / MADE
        made.parent.mkdir(parents=True, exist_ok=True)
        with open(made, "a", encoding="utf-8") as fh:
            fh.write("".join(f"{r}\n" for r in new))
        self.files.update(new)

    def record(self, row: EventRow, digest: str) -> None:
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a", encoding="utf-8")
        self.entries[row.event] = (digest, row)
        self.handle.write(
            json.dumps({"event": row.event, "hash": digest, "row": row.as_dict()}, ensure_ascii=False) + "\n"
        )
        self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def compact(self, outdir: Path, rows: Sequence[EventRow]) -> None:
        """Rewrite the journal with one line per event of this run, atomically."""
        from ..atomic import write_atomic

        buf = io.BytesIO()  # encoded line by line: one copy of the file in memory, not three
        for row in rows:
            entry = self.entries.get(row.event)
            if entry is not None:
                data = entry[1].as_dict() if isinstance(entry[1], EventRow) else entry[1]
                line = json.dumps({"event": row.event, "hash": entry[0], "row": data}, ensure_ascii=False)
                buf.write(f"{line}\n".encode())
        write_atomic(outdir / STATE_DIR / JOURNAL, buf.getvalue())
