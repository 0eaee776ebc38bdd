"""Batch outputs beside the per-event reports: the summary tables and the index page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .journal import STATE_DIR
from .model import EventRow

# Names the batch writes at the top of OUTDIR; an event may not take one as its folder.
RESERVED = ("index.html", "summary.csv", "summary.jsonl", "groups.json", "storydiff.db", STATE_DIR)

SUMMARY_COLUMNS = (
    "event",
    "label",
    "headline",
    "first_published",
    "last_published",
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


def summary_record(row: EventRow) -> dict[str, Any]:
    """One flat record per event: the columns of summary.csv (summary.jsonl keeps lists)."""
    reports = dict(row.reports)
    return {
        "event": row.event,
        "label": row.label,
        "headline": row.headline,
        "first_published": row.first_published,
        "last_published": row.last_published,
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
    return "".join(_jsonl_lines(rows))


def _jsonl_lines(rows: Sequence[EventRow]) -> Iterator[str]:
    for r in rows:
        yield json.dumps(summary_record(r), ensure_ascii=False) + "\n"


def utf8(pieces: Iterable[str]) -> bytes:
    """The pieces of a text, encoded one by one into a single buffer: a batch's summary files grow
    with its events, and joining them as text first, then encoding, held three copies at once."""
    buf = io.BytesIO()
    for piece in pieces:
        buf.write(piece.encode("utf-8"))
    return buf.getvalue()


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
    recommends; numbers are left as they are (a negative number is data, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_summary_csv(rows: Sequence[EventRow]) -> str:
    return "".join(_csv_lines(rows))


def _csv_lines(rows: Sequence[EventRow]) -> Iterator[str]:
    """summary.csv a row at a time (the header first)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        rec = summary_record(r)
        rec["outlets"] = "; ".join(rec["outlets"])
        rec["bad_files"] = "; ".join(f"{b['path']}: {b['problem']}" for b in rec["bad_files"])
        rec["report_html"] = rec["report_html"] or ""
        rec["report_json"] = rec["report_json"] or ""
        writer.writerow({k: csv_cell(v) for k, v in rec.items()})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


@dataclass(frozen=True, slots=True)
class Listing:
    """Inputs outside any event: files that failed or were left aside, copies, ungrouped articles."""

    bad_files: tuple[tuple[str, str], ...] = ()  # (path, problem), outside any event
    ignored: tuple[tuple[str, str], ...] = ()  # (path, why)
    duplicates: tuple[tuple[str, str], ...] = ()  # (copy, the article it copies)
    ungrouped: tuple[str, ...] = ()


def render_index(rows: Sequence[EventRow], listing: Listing, *, title: str, source: str) -> str:
    """The index page: one self-contained HTML file (inline CSS and JS, no network)."""
    return "".join(_index_pieces(rows, listing, title=title, source=source))


def _index_pieces(rows: Sequence[EventRow], listing: Listing, *, title: str, source: str) -> Iterator[str]:
    """The index page as the template yields it, piece by piece."""
    from markupsafe import Markup

    from ..report.templating import asset, content_policy, environment

    env = environment()
    css, js = asset("index.css"), asset("index.js")
    compared = [r for r in rows if r.status == "compared"]
    skipped = [r for r in rows if r.status != "compared"]
    bad = [(r.event, p, m) for r in rows for p, m in r.bad_files] + [("", p, m) for p, m in listing.bad_files]
    return env.get_template("index.html.j2").generate(
        title=title,
        source=source,
        css=Markup(css),
        js=Markup(js),
        csp=content_policy(css, js),
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
    from ..atomic import write_atomic

    write_atomic(outdir / "summary.csv", utf8(_csv_lines(rows)))
    write_atomic(outdir / "summary.jsonl", utf8(_jsonl_lines(rows)))
    write_atomic(outdir / "index.html", utf8(_index_pieces(rows, listing, title=title, source=source)))
