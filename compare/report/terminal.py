"""The terminal view: header, counts, then the claims in story order with each outlet's wording
under one another, differences (conflicts first), relays, and what only one outlet has."""

from __future__ import annotations

import io

from ..model import Claim, Comparison, Document, Sentence
from .labels import possible_note, provenance_by_article, relay_label, relay_lines, summarize_unique
from .summary import summarize

# Sources listed per outlet in the "who relays whom" block; the rest are counted.
PROVENANCE_SHOWN = 6

# Styles per highlight kind; without colour the same marks still show through bold/underline.
STYLES = {
    "number": "bold cyan",
    "name": "bold magenta",
    "date": "bold green",
    "quote": "italic yellow",
    "hedge": "bold red",
    "edit": "underline",
}


def _sentence_text(doc: Document, s: Sentence, claim: Claim | None):
    from rich.text import Text

    t = Text(" ".join(s.text.split("\n")))
    base = s.start
    details = doc.details[s.index]
    for d in details:
        style = STYLES.get(d.kind)
        if style and d.start >= base and d.end <= s.end:
            t.stylize(style, d.start - base, d.end - base)
    if claim is not None:
        for e in claim.edits:
            if e.article == doc.article.id and e.start >= base and e.end <= s.end:
                t.stylize(STYLES["edit"], e.start - base, e.end - base)
    return t


def render_text(comparison: Comparison, width: int = 100, color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=max(40, width),
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    docs = {d.article.id: d for d in comparison.documents}
    summary = summarize(comparison)

    n = len(comparison.documents)
    console.rule(Text(f"storydiff: {n} article{'s' if n != 1 else ''}", style="bold"))
    for doc in comparison.documents:
        art = doc.article
        heading = Text()
        heading.append(art.outlet, style="bold")
        if art.published:
            heading.append(f"  {art.published}")
        if art.title:
            heading.append(f"  {art.title}", style="italic")
        heading.append(f"  [{art.id}, {len(doc.sentences)} sentences]", style="dim")
        console.print(heading)
    console.print()
    counts = (
        f"{summary.claims} claims: {summary.claims_all} carried by all outlets, "
        f"{summary.claims_some} by some; {summary.conflicts} with conflicting details"
    )
    console.print(counts)
    uniq = ", ".join(f"{docs[a].article.outlet} {n}" for a, n in summary.unique)
    console.print(f"sentences only one outlet has: {uniq}")
    relayed = ", ".join(f"{docs[a].article.outlet} {n}/{t}" for a, n, t in summary.relayed if t)
    if any(n for _, n, _ in summary.relayed):
        console.print(f"second-hand sentences: {relayed}")

    for c in comparison.claims:
        console.print()
        outlets = ", ".join(docs[m.article].article.outlet for m in c.members)
        head = Text(f"{c.id}", style="bold")
        head.append(f"  {len(c.members)} outlets ({outlets})  similarity {c.score:.2f}", style="dim")
        if c.differences and any(d.conflict for d in c.differences):
            head.append("  CONFLICT", style="bold red")
        console.print(head)
        table = Table(show_header=False, box=None, padding=(0, 1), expand=False)
        table.add_column("outlet", style="bold", no_wrap=True, max_width=max(10, width // 5))
        table.add_column("text", overflow="fold")
        for m in c.members:
            doc = docs[m.article]
            body = Text()
            for k, si in enumerate(m.sentences):
                if k:
                    body.append(" ")
                body.append_text(_sentence_text(doc, doc.sentences[si], c))
                att = doc.attributions[si]
                if att is not None:
                    body.append(f" [{relay_label(att)}]", style="yellow")
            table.add_row(doc.article.outlet, body)
        console.print(table)
        diffs = sorted(c.differences, key=lambda d: (not d.conflict, d.kind))
        for d in diffs:
            vals = " | ".join(f"{docs[a].article.outlet}: {v}" for a, v in d.values)
            mark = "conflict" if d.conflict else "differs"
            console.print(
                Text(f"  {mark} {d.kind}: ", style="bold red" if d.conflict else "bold") + Text(vals)
            )
        for line, style in relay_lines(c, docs):
            console.print(Text(f"  {line}", style=style))

    only = [u for u in comparison.unique if u.sentences]
    if only:
        console.print()
        console.rule(Text("Only in one outlet", style="bold"))
        for u in only:
            doc = docs[u.article]
            console.print(Text(summarize_unique(u, doc.article.outlet), style="bold"))
            for si in u.sentences:
                t = Text("  • ")
                t.append_text(_sentence_text(doc, doc.sentences[si], None))
                console.print(t)
    if comparison.possible:
        console.print(Text(possible_note(len(comparison.possible)), style="dim"))
    if comparison.provenance and comparison.provenance.edges:
        console.print()
        console.rule(Text("Who relays whom", style="bold"))
        shares = dict(comparison.provenance.relayed_share)
        for a, sources in provenance_by_article(comparison):
            shown = ", ".join(
                f"{src}" + (f" ({kind})" if kind else "") + f" ×{n}"
                for src, kind, n in sources[:PROVENANCE_SHOWN]
            )
            more = f", and {len(sources) - PROVENANCE_SHOWN} more" if len(sources) > PROVENANCE_SHOWN else ""
            head = Text(f"{docs[a].article.outlet} ({shares.get(a, 0.0):.0%} second-hand): ", style="bold")
            console.print(head + Text(shown + more))
    return buf.getvalue()
