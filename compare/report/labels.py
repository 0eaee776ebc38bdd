"""Display text shared by the views: relay labels, per-claim relay lines, provenance grouped by
article, the one-line summary of what only one outlet reports, and a claim's differences in the
order a reader wants them (most salient first, the minor ones apart)."""

from __future__ import annotations

from ..differences import is_minor
from ..model import Attribution, Claim, Comparison, Difference, Document, Unique, Via
from .glance import STRENGTHS, Glance


def ranked_differences(claim: Claim) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    """The claim's differences, most salient first (conflicts, then kind, among equals), split into
    those the views show and the minor ones they fold (``differences.is_minor``: salience below
    ``MINOR_BELOW``, never a conflict). The JSON keeps them all, in the pipeline's order."""
    ranked = sorted(claim.differences, key=lambda d: (-d.salience, not d.conflict, d.kind))
    return tuple(d for d in ranked if not is_minor(d)), tuple(d for d in ranked if is_minor(d))


# What the views say about a claim's match, by strength (``glance.strength``).
STRENGTH_NOTES = {
    "strong": "the sentences most likely state the same fact",
    "moderate": "the sentences may state the same fact; check them",
    "weak": "the sentences may share only names or a topic, not a fact",
}


def match_label(score: float, level: str) -> str:
    """'match 0.29, weak': the claim score (the mean estimated probability that its sentences
    state one fact) and its strength."""
    return f"match {score:.2f}, {level}"


def strength_counts(g: Glance) -> str:
    """'matches: 3 strong, 1 weak' over the agreed claims the glance lists."""
    levels = [a.strength for a in g.agreed]
    return "matches: " + ", ".join(f"{levels.count(s)} {s}" for s in STRENGTHS if s in levels)


def source_name(source: str | None, kind: str | None, entity: str | None = None) -> str:
    """How a summary names a source: the person's name the attribution stage resolved ("GOP rival
    Mitt Romney", "Mr. Romney" → "Mitt Romney"), else the wording up to its first comma ("Maggie
    Gallagher, a founder of …" → "Maggie Gallagher"). The sentence itself keeps the wording."""
    if entity and kind == "person":
        return entity
    if not source:
        return "unnamed source"
    return source.split(",")[0].strip() or source


def relay_label(att: Attribution) -> str:
    """'via Daily Mail ← Vladimir Safronov (person)' or 'hedged: reportedly'."""
    if att.type == "hedged" and not att.source:
        return f"hedged: {att.cue}"
    chain = _chain(att.via, source_name(att.source, att.source_kind, att.entity), att.source_kind)
    return f"{'via ' if att.via else ''}{chain}"


def _chain(via: tuple[Via, ...], name: str, kind: str | None) -> str:
    """'Daily Mail ← Vladimir Safronov (person)': the outlets relayed through, then the source."""
    return " ← ".join([v.source for v in via] + [name]) + (f" ({kind})" if kind else "")


def relay_lines(claim: Claim, docs: dict[str, Document]) -> list[tuple[str, str]]:
    """Who relays the claim and from whom, and who states it as its own fact (or that none does)."""
    out = []
    entities = {
        (m.article, att.source): att.entity
        for m in claim.members
        for i in m.sentences
        if (att := docs[m.article].attributions[i]) is not None
    }
    if claim.relays:
        for r in claim.relays:
            name = source_name(r.source, r.source_kind, entities.get((r.article, r.source)))
            chain = _chain(r.via, name, r.source_kind)
            outlet = docs[r.article].article.outlet
            if r.type == "hedged" and not r.source:
                out.append((f"{outlet} hedges it, naming no source", "yellow"))
            else:
                out.append((f"{outlet} attributes it to {chain}", "yellow"))
        if claim.firsthand:
            names = ", ".join(docs[a].article.outlet for a in claim.firsthand)
            out.append((f"stated as fact, with no source named, by {names}", "dim"))
        else:
            out.append(("every outlet attributes it to a source or hedges it", "yellow"))
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
