"""The plain data of a batch: an event's inputs (``EventJob``), the settings, and what comes back
(``EventRow`` for the summaries, ``EventResult`` with the rendered reports, ``BatchOutcome``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Options

# Output file names inside each event folder, by format.
REPORT_FILES = {"html": "report.html", "json": "report.json", "markdown": "report.md"}
DEFAULT_FORMATS = ("html", "json")

# Reasons that say nothing about the inputs: such events are not remembered, so a rerun retries.
TRANSIENT_REASONS = ("internal error", "worker process failed", "cannot write")


@dataclass(frozen=True, slots=True)
class Source:
    """One input of an event: a file (every article in it, or record ``record``), or an article
    given inline (``article``), with metadata that overrides what the file says."""

    path: str
    record: int | None = None
    article: Article | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class EventJob:
    name: str  # the event's folder under OUTDIR: safe as one path component, unique in the batch
    label: str  # the event as the input names it (folder, manifest value, group title)
    sources: tuple[Source, ...]
    ignored: tuple[tuple[str, str], ...] = ()  # (path, why it was not read as an article)


@dataclass(frozen=True, slots=True)
class BatchSettings:
    options: Options = field(default_factory=Options)
    formats: tuple[str, ...] = DEFAULT_FORMATS
    jobs: int = 1
    force: bool = False


@dataclass(frozen=True, slots=True)
class EventRow:
    """The figures of one event, as summary.csv / summary.jsonl / index.html show them."""

    event: str
    label: str
    status: str  # "compared" | "skipped"
    reason: str = ""  # why it was skipped
    articles: int = 0
    outlets: tuple[str, ...] = ()
    sentences: int = 0
    claims: int = 0
    claims_all_outlets: int = 0
    conflicts: int = 0
    unique_sentences: int = 0
    relayed_sentences: int = 0
    relayed_share: float = 0.0
    bad_files: tuple[tuple[str, str], ...] = ()  # (path, problem)
    reports: tuple[tuple[str, str], ...] = ()  # (format, path relative to OUTDIR)
    headline: str = ""  # the title the event's titles share most words with (report.glance.headline)
    first_published: str = ""  # earliest and latest publication date of its articles, where known
    last_published: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "label": self.label,
            "status": self.status,
            "reason": self.reason,
            "articles": self.articles,
            "outlets": list(self.outlets),
            "sentences": self.sentences,
            "claims": self.claims,
            "claims_all_outlets": self.claims_all_outlets,
            "conflicts": self.conflicts,
            "unique_sentences": self.unique_sentences,
            "relayed_sentences": self.relayed_sentences,
            "relayed_share": self.relayed_share,
            "bad_files": [{"path": p, "problem": m} for p, m in self.bad_files],
            "reports": dict(self.reports),
            "headline": self.headline,
            "first_published": self.first_published,
            "last_published": self.last_published,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventRow:
        return cls(
            event=d["event"],
            label=d.get("label", d["event"]),
            status=d["status"],
            reason=d.get("reason", ""),
            articles=d.get("articles", 0),
            outlets=tuple(d.get("outlets", ())),
            sentences=d.get("sentences", 0),
            claims=d.get("claims", 0),
            claims_all_outlets=d.get("claims_all_outlets", 0),
            conflicts=d.get("conflicts", 0),
            unique_sentences=d.get("unique_sentences", 0),
            relayed_sentences=d.get("relayed_sentences", 0),
            relayed_share=d.get("relayed_share", 0.0),
            bad_files=tuple((b["path"], b["problem"]) for b in d.get("bad_files", ())),
            reports=tuple(sorted(d.get("reports", {}).items())),
            headline=d.get("headline", ""),
            first_published=d.get("first_published", ""),
            last_published=d.get("last_published", ""),
        )


@dataclass(frozen=True, slots=True)
class EventResult:
    row: EventRow
    outputs: tuple[tuple[str, str], ...] = ()  # (path relative to OUTDIR, content)


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    rows: tuple[EventRow, ...]  # every event, sorted by name
    computed: int  # events compared in this run (the others were unchanged since the last)
    reused: int
