"""Display text shared by the views: relay labels, per-claim relay lines, provenance grouped by
article, the one-line summary of what only one outlet reports, and a claim's differences in the
order a reader wants them (most salient first, the minor ones apart)."""

from __future__ import annotations

from ..differences import is_minor
from ..model import Attribution, Claim, Comparison, Difference, Document, Unique


def ranked_differences(claim: Claim) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    """The claim's differences, most salient first (conflicts, then kind, among equals), split into
    those the views show and the minor ones they fold (``differences.is_minor``: salience below
    ``MINOR_BELOW``, never a conflict). The JSON keeps them all, in the pipeline's order."""
    ranked = sorted(claim.differences, key=lambda d: (-d.salience, not d.conflict, d.kind))
    return tuple(d for d in ranked if not is_minor(d)), tuple(d for d in ranked if is_minor(d))


def relay_label(att: Attribution) -> str:
    """'via Daily Mail ← Vladimir Safronov (person)' or 'hedged: reportedly'."""
    if att.type == "hedged" and not att.source:
        return f"hedged: {att.cue}"
    chain = " ← ".join([v.source for v in att.via] + [att.source or "unnamed source"])
    kind = f" ({att.source_kind})" if att.source_kind else ""
    return f"{'via ' if att.via else ''}{chain}{kind}"


def relay_lines(claim: Claim, docs: dict[str, Document]) -> list[tuple[str, str]]:
    """Who relays the claim and from whom, who states it first-hand, and a warning when nobody does."""
    out = []
    if claim.relays:
        for r in claim.relays:
            chain = " ← ".join([v.source for v in r.via] + [r.source or "unnamed source"])
            kind = f" ({r.source_kind})" if r.source_kind else ""
            outlet = docs[r.article].article.outlet
            if r.type == "hedged" and not r.source:
                out.append((f"{outlet} hedges it, naming no source", "yellow"))
            else:
                out.append((f"{outlet} relays: {chain}{kind}", "yellow"))
        if claim.firsthand:
            names = ", ".join(docs[a].article.outlet for a in claim.firsthand)
            out.append((f"first-hand: {names}", "dim"))
        else:
            out.append(("no outlet states this first-hand", "bold yellow"))
    return out


def provenance_by_article(comparison: Comparison) -> list[tuple[str, list[tuple[str, str | None, int]]]]:
    """Provenance edges grouped by relaying article, in article order."""
    grouped: dict[str, list[tuple[str, str | None, int]]] = {}
    if comparison.provenance is not None:
        for e in comparison.provenance.edges:
            grouped.setdefault(e.article, []).append((e.source, e.source_kind, e.sentences))
    return [(d.article.id, grouped[d.article.id]) for d in comparison.documents if d.article.id in grouped]


def summarize_unique(unique: Unique, outlet: str, limit: int = 5) -> str:
    """One line on what only this outlet reports: its unshared sentence count and distinctive details."""
    if not unique.sentences:
        return f"{outlet}: nothing that no other outlet reports"
    seen: list[str] = []
    for d in unique.details:
        if d.kind != "quote" and d.text not in seen:
            seen.append(d.text)
    quotes = sum(1 for d in unique.details if d.kind == "quote")
    parts = [
        f"{len(unique.sentences)} sentence{'s' if len(unique.sentences) != 1 else ''} no other outlet carries"
    ]
    if seen:
        more = f" and {len(seen) - limit} more" if len(seen) > limit else ""
        parts.append("with " + ", ".join(seen[:limit]) + more)
    if quotes:
        parts.append(f"{quotes} quotation{'s' if quotes != 1 else ''} of its own")
    return f"{outlet}: " + "; ".join(parts)


def possible_note(n: int) -> str:
    """One line on the possible matches ("maybe"), which no view lists as claims."""
    pairs = "pair" if n == 1 else "pairs"
    return (
        f"{n} possible {pairs} of sentences may tell the same fact (too unsure for a claim); "
        "their sentences are not listed as only in one outlet (see --format json, 'possible')."
    )
