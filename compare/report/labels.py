"""Display text shared by the views: relay labels, per-claim relay lines, provenance grouped by
article, the one-line summary of what only one outlet reports, and a claim's differences in the
order a reader wants them (most salient first, the minor ones apart)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..differences import is_minor
from ..differences.attribution import STATED
from ..model import Attribution, Claim, Comparison, Difference, Document, Unique, Via
from .glance import STRENGTHS, Glance, clip


def ranked_differences(claim: Claim) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    """The claim's differences, most salient first (conflicts, then kind, among equals), split into
    those the views show and the minor ones they fold (``differences.is_minor``: salience below
    ``MINOR_BELOW``, never a conflict). The JSON keeps them all, in the pipeline's order."""
    ranked = sorted(claim.differences, key=lambda d: (-d.salience, not d.conflict, d.kind))
    return tuple(d for d in ranked if not is_minor(d)), tuple(d for d in ranked if is_minor(d))


# How a difference names the claim's outlets that give no value of its kind: a quote difference
# leaves out the outlets that do not quote (they paraphrase), a hedge difference those that state
# it plainly; every other kind, those that do not give the detail.
ABSENT = {"quote": "not quoted by", "hedge": "stated plainly by"}
ABSENT_OTHER = "not given by"
# An attribution value ends with its cue in brackets ("Mitt Romney (said)"); a cue that is only
# punctuation ("(:)", a colon introducing a quotation) names no verb, so the views drop it.
_PUNCTUATION_CUE = re.compile(r"\s*\([^\w()]*\)$")


@dataclass(frozen=True, slots=True)
class DifferenceLine:
    """What the views show of one difference: the values in article order, the claim's outlets
    that give none (``absent``, named by ``absent_label``) and one line on why it matters."""

    values: tuple[tuple[str, str], ...]  # (article id, wording as shown)
    absent: tuple[str, ...]  # article ids of the claim's members without a value
    absent_label: str  # "not given by", "not quoted by", "stated plainly by"
    why: str  # a conflict's reason with outlet names; when several give a value and some none, the
    # salience reason ("a date only some give"); else ""


def shown_value(kind: str, value: str) -> str:
    """A difference value as the views show it: an attribution's punctuation-only cue dropped
    ("the full report via Wire (:)" → "the full report via Wire"). The JSON keeps the value."""
    if kind == "attribution":
        return _PUNCTUATION_CUE.sub("", value) or value
    return value


def with_outlet_names(text: str, outlets: dict[str, str]) -> str:
    """``text`` (a note or reason naming article ids, "fox-news says 60") with each article id
    replaced by its outlet's name, in one pass and longest id first, so a name put in is never
    read again and "times" never eats "new-york-times"."""
    ids = sorted((a for a in outlets if a), key=len, reverse=True)
    if not ids or not text:
        return text
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    return pattern.sub(lambda m: outlets[m.group(1)], text)


def difference_line(diff: Difference, claim: Claim, outlets: dict[str, str]) -> DifferenceLine:
    """``diff`` of ``claim`` for display; ``outlets`` maps article ids to outlet names (raw text:
    each view escapes it). A conflict says why the values cannot both be true (its ``reason``, else
    its ``note``). Where several outlets give a value and some give none, the salience reason says
    whether the givers differ ("the dates differ") or only some give it ("a date only some give");
    elsewhere the values and the silent outlets say it all (the HTML keeps the salience reason as
    the item's tooltip)."""
    why = with_outlet_names(diff.reason or diff.note, outlets) if diff.conflict else ""
    if diff.kind == "attribution" and any(v == STATED for _, v in diff.values):
        # "stated as fact" is not a wording: the outlets that state it are named after the others.
        values = tuple((a, shown_value(diff.kind, v)) for a, v in diff.values if v != STATED)
        return DifferenceLine(values, tuple(a for a, v in diff.values if v == STATED), f"{STATED} by", why)
    given = {a for a, _ in diff.values}
    absent = tuple(dict.fromkeys(m.article for m in claim.members if m.article not in given))
    values = tuple((a, shown_value(diff.kind, v)) for a, v in diff.values)
    if not why and len(values) > 1 and absent:
        # "Fox News: Friday | New York Times: On Friday | not given by HuffPost" could read as Fox
        # and the Times disagreeing: the reason says whether the givers differ or only some give it.
        why = diff.salience_reason
    return DifferenceLine(values, absent, ABSENT.get(diff.kind, ABSENT_OTHER), why)


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
        # Outlets that relay it from the same source share one line ("Fox News, HuffPost attribute
        # it to Mitt Romney (person)"), in the order of their first relay.
        by_chain: dict[str, list[str]] = {}
        for r in claim.relays:
            name = source_name(r.source, r.source_kind, entities.get((r.article, r.source)))
            chain = "" if r.type == "hedged" and not r.source else _chain(r.via, name, r.source_kind)
            outlets = by_chain.setdefault(chain, [])
            if docs[r.article].article.outlet not in outlets:
                outlets.append(docs[r.article].article.outlet)
        for chain, outlets in by_chain.items():
            who, one = ", ".join(outlets), len(outlets) == 1
            if not chain:
                out.append((f"{who} {'hedges' if one else 'hedge'} it, naming no source", "yellow"))
            else:
                out.append((f"{who} {'attributes' if one else 'attribute'} it to {chain}", "yellow"))
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


def conflict_lines(comparison: Comparison, outlets: dict[str, str]) -> list[tuple[str, str, DifferenceLine]]:
    """(claim id, kind, line) of every conflict, in the order of the glance's ``conflicts``."""
    return [
        (c.id, d.kind, difference_line(d, c, outlets))
        for c in comparison.claims
        for d in c.differences
        if d.conflict
    ]


# Words kept before the place where two clipped values part ("…the Debbie Wasserman…").
APART_CONTEXT = 3


def clip_apart(values: list[str], limit: int) -> list[str]:
    """Each value cut to ``limit`` characters (``glance.clip``) so that values that differ still
    look different: two long quotations that part after 20 shared words would both show only the
    shared words, so a value whose cut equals another's starts a few words before they part."""
    cut = [clip(v, limit) for v in values]
    words = [v.split() for v in values]
    out = []
    for i, w in enumerate(words):
        shared = [
            _shared_words(w, words[j])
            for j in range(len(values))
            if j != i and cut[j] == cut[i] and values[j] != values[i]
        ]
        start = max(shared, default=0) - APART_CONTEXT
        out.append("…" + clip(" ".join(w[start:]), limit - 1) if shared and start > 0 else cut[i])
    return out


def _shared_words(a: list[str], b: list[str]) -> int:
    """How many words ``a`` and ``b`` share from their start."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k
