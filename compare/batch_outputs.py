"""Batch outputs beside the per-event reports: the hash journal, summary tables and the index page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .batch import EventRow

STATE_DIR = ".storydiff-batch"
JOURNAL = "state.jsonl"
# Names the batch writes at the top of OUTDIR; an event may not take one as its folder.
RESERVED = ("index.html", "summary.csv", "summary.jsonl", "groups.json", STATE_DIR)

SUMMARY_COLUMNS = (
    "event",
    "label",
    "status",
    "reason",
    "articles",
    "outlets",
    "sentences",
    "claims",
    "claims_all_outlets",
    "conflicts",
    "unique_sentences",
    "relayed_sentences",
    "relayed_share",
    "bad_files",
    "report_html",
    "report_json",
)


@dataclass(slots=True)
class Journal:
    """Event name -> (content hash, row) of the last run; one JSON line appended per finished event."""

    path: Path
    entries: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    handle: IO[str] | None = None

    @classmethod
    def open(cls, outdir: Path) -> Journal:
        path = outdir / STATE_DIR / JOURNAL
        journal = cls(path)
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                        journal.entries[entry["event"]] = (entry["hash"], entry["row"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by an interruption
        return journal

    def lookup(self, event: str, digest: str) -> EventRow | None:
        entry = self.entries.get(event)
        if entry is None or entry[0] != digest:
            return None
        try:
            return EventRow.from_dict(entry[1])
        except (KeyError, TypeError, ValueError):
            return None

    def record(self, row: EventRow, digest: str) -> None:
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a", encoding="utf-8")
        data = row.as_dict()
        self.entries[row.event] = (digest, data)
        self.handle.write(
            json.dumps({"event": row.event, "hash": digest, "row": data}, ensure_ascii=False) + "\n"
        )
        self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def compact(self, outdir: Path, rows: Sequence[EventRow]) -> None:
        """Rewrite the journal with one line per event of this run, atomically."""
        from .atomic import write_atomic

        lines = []
        for row in rows:
            entry = self.entries.get(row.event)
            if entry is not None:
                lines.append(
                    json.dumps({"event": row.event, "hash": entry[0], "row": entry[1]}, ensure_ascii=False)
                )
        write_atomic(outdir / STATE_DIR / JOURNAL, "".join(f"{ln}\n" for ln in lines))


def summary_record(row: EventRow) -> dict[str, Any]:
    """One flat record per event: the columns of summary.csv (summary.jsonl keeps lists)."""
    reports = dict(row.reports)
    return {
        "event": row.event,
        "label": row.label,
        "status": row.status,
        "reason": row.reason,
        "articles": row.articles,
        "outlets": list(row.outlets),
        "sentences": row.sentences,
        "claims": row.claims,
        "claims_all_outlets": row.claims_all_outlets,
        "conflicts": row.conflicts,
        "unique_sentences": row.unique_sentences,
        "relayed_sentences": row.relayed_sentences,
        "relayed_share": row.relayed_share,
        "bad_files": [{"path": p, "problem": m} for p, m in row.bad_files],
        "report_html": reports.get("html"),
        "report_json": reports.get("json"),
    }


def render_summary_jsonl(rows: Sequence[EventRow]) -> str:
    return "".join(json.dumps(summary_record(r), ensure_ascii=False) + "\n" for r in rows)


def render_summary_csv(rows: Sequence[EventRow]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        rec = summary_record(r)
        rec["outlets"] = "; ".join(rec["outlets"])
        rec["bad_files"] = "; ".join(f"{b['path']}: {b['problem']}" for b in rec["bad_files"])
        rec["report_html"] = rec["report_html"] or ""
        rec["report_json"] = rec["report_json"] or ""
        writer.writerow(rec)
    return buf.getvalue()


@dataclass(frozen=True, slots=True)
class Listing:
    """Inputs outside any event: files that failed or were left aside, copies, ungrouped articles."""

    bad_files: tuple[tuple[str, str], ...] = ()  # (path, problem), outside any event
    ignored: tuple[tuple[str, str], ...] = ()  # (path, why)
    duplicates: tuple[tuple[str, str], ...] = ()  # (copy, the article it copies)
    ungrouped: tuple[str, ...] = ()


def render_index(rows: Sequence[EventRow], listing: Listing, *, title: str, source: str) -> str:
    """The index page: one self-contained HTML file (inline CSS and JS, no network)."""
    from .report.templating import environment

    env = environment()
    compared = [r for r in rows if r.status == "compared"]
    skipped = [r for r in rows if r.status != "compared"]
    bad = [(r.event, p, m) for r in rows for p, m in r.bad_files] + [("", p, m) for p, m in listing.bad_files]
    return env.get_template("index.html.j2").render(
        title=title,
        source=source,
        compared=compared,
        skipped=skipped,
        bad=bad,
        listing=listing,
        totals={
            "events": len(rows),
            "compared": len(compared),
            "skipped": len(skipped),
            "bad": len(bad),
            "articles": sum(r.articles for r in compared),
        },
    )


def write_summaries(
    outdir: Path, rows: Sequence[EventRow], listing: Listing, *, title: str, source: str
) -> None:
    from .atomic import write_atomic

    write_atomic(outdir / "summary.csv", render_summary_csv(rows))
    write_atomic(outdir / "summary.jsonl", render_summary_jsonl(rows))
    write_atomic(outdir / "index.html", render_index(rows, listing, title=title, source=source))
