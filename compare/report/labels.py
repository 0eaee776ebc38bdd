"""Display text shared by the views: relay labels, per-claim relay lines, provenance grouped by
article, the one-line summary of what only one outlet reports, and a claim's differences in the
order a reader wants them (most salient first, the minor ones apart)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..differences import is_minor
from ..differences.attribution import STATED
from ..model import Attribution, Claim, Comparison, Difference, Document, Relay, Unique, Via
from .glance import GIST_CHARS, STRENGTHS, Agreed, Glance, clip, distinct_conflicts


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
# What a difference whose outlets all show the same wording says when it has no note of its own.
SAME_WORDING = "the same wording, in different places in the sentences"
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

    @property
    def groups(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The values with the outlets that show the same wording together, in order of first
        appearance: "Daily Ledger, Harbour Gazette: Thursday" rather than "Daily Ledger: Thursday |
        Harbour Gazette: Thursday", which reads as two outlets disagreeing."""
        by: dict[str, list[str]] = {}
        for a, v in self.values:
            by.setdefault(v, []).append(a)
        return tuple((tuple(arts), v) for v, arts in by.items())


# Kinds whose value lists an outlet's details joined by "; " ("Tuesday; later this month").
_LISTED = frozenset({"number", "name", "date", "hedge"})


def shown_value(kind: str, value: str) -> str:
    """A difference value as the views show it: an attribution's punctuation-only cue dropped
    ("the full report via Wire (:)" → "the full report via Wire"), and a detail an outlet gives
    twice listed once ("Obama; Obama" read as a stutter, basil-2010-38f7cbb7 c1). The JSON keeps
    the value."""
    if kind == "attribution":
        return _PUNCTUATION_CUE.sub("", value) or value
    if kind in _LISTED and "; " in value:
        return "; ".join(dict.fromkeys(value.split("; ")))
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
    elif not why and not absent and len({v for _, v in values}) == 1:
        # Every outlet shows the same wording (found in different places, or worded alike once
        # cleaned): the values say nothing differs, so the note says what does.
        why = with_outlet_names(diff.note, outlets) or diff.salience_reason or SAME_WORDING
    return DifferenceLine(values, absent, ABSENT.get(diff.kind, ABSENT_OTHER), why)


# What the views say about a claim's match, by strength (``glance.strength``).
STRENGTH_NOTES = {
    "strong": "the sentences most likely state the same fact",
    "moderate": "the sentences may state the same fact; check them",
    "weak": "the sentences may share only names or a topic, not a fact",
}


def agreed_shown(g: Glance) -> tuple[tuple[Agreed, ...], int]:
    """The agreed claims the glance lists, and how many weak matches it folds into one line: a weak
    match listed under "All 3 outlets report" says the outlets report a fact that they may only
    share names or a topic with (basil-2011-005a2961 c2: three different sentences about Trump).
    Listed only when every agreed claim is weak, each marked so. The JSON glance keeps them all."""
    strong = tuple(a for a in g.agreed if a.strength != "weak")
    if not strong:
        return g.agreed, 0
    return strong, len(g.agreed) - len(strong)


def gist_tag(claim: Claim, docs: dict[str, Document], text: str, limit: int = GIST_CHARS) -> str:
    """The relay tag ('↪ Elizabeth Lauten (person)') of the wording a glance gist ``text`` was
    taken from, when that wording is second-hand; else "". Listed bare under "All 3 outlets
    report", a line of advice quoted from a staffer's post read as the outlets' own words
    (basil-2014-96b7046f c9)."""
    for m in claim.members:
        doc = docs[m.article]
        if m.sentences and clip(" ".join(doc.sentences[i].text for i in m.sentences), limit) == text:
            att = next((a for i in m.sentences if (a := doc.attributions[i]) is not None), None)
            if att is None or _names_its_source(text, att):
                return ""
            return relay_tag(att)
    return ""


def _names_its_source(text: str, att: Attribution) -> bool:
    """The wording names its source already ("Elizabeth Lauten wrote …", "…, Lauten said"): the
    last word of the source's name (a surname, "Gawker") is in it, as a word."""
    words = re.findall(r"\w+", att.entity or att.source or "")
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", text) is not None


def weak_note(n: int) -> str:
    """The line that stands for the weak matches the glance does not list."""
    return f"and {n} weak match{'es' if n != 1 else ''}: the sentences may share only names or a topic"


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


# Quotation marks: a cue made of them marks a quotation whose speaker an earlier sentence named.
_QUOTE_MARKS = set("\"'“”‘’«»„")


def cue_phrase(cue: str) -> str:
    """What an attribution's cue is, for a tooltip: 'cue “said”'; a cue that is only punctuation
    names no verb, so it says what the punctuation does ('introduced by a colon', 'in quotation
    marks'). Corpus (44 events): 32 such cues, 25 quotation marks and 7 colons."""
    if re.search(r"\w", cue):
        return f"cue “{cue}”"
    if ":" in cue:
        return "introduced by a colon"
    if cue and set(cue.replace(" ", "")) <= _QUOTE_MARKS:
        return "in quotation marks"
    return f"marked by the punctuation “{cue}”" if cue.strip() else "with no cue word"


def relay_label(att: Attribution) -> str:
    """'via Daily Mail ← Vladimir Safronov (person)' or 'hedged: reportedly'."""
    if att.type == "hedged" and not att.source:
        return f"hedged: {att.cue}"
    chain = _chain(att.via, source_name(att.source, att.source_kind, att.entity), att.source_kind)
    return f"{'via ' if att.via else ''}{chain}"


# The mark before a second-hand sentence's tag, in every view (the HTML badge shows it too).
RELAY_MARK = "↪"


def relay_tag(att: Attribution) -> str:
    """A second-hand sentence's tag, the same in every view: '↪ Mitt Romney (person)'. It stays
    beside each sentence (a claim's relay lines say who each outlet relays, not which of its
    sentences is second-hand); the terminal dims it, the Markdown sets it in italics."""
    return f"{RELAY_MARK} {relay_label(att)}"


def _chain(via: tuple[Via, ...], name: str, kind: str | None) -> str:
    """'Daily Mail ← Vladimir Safronov (person)': the outlets relayed through, then the source."""
    return " ← ".join([v.source for v in via] + [name]) + (f" ({kind})" if kind else "")


@dataclass(frozen=True, slots=True)
class RelayLine:
    """One line on who says a claim: ``before``, the outlets named (article ids, joined by commas),
    then ``after``. ``stated``: the outlets state it as fact (else they attribute or hedge it)."""

    outlets: tuple[str, ...]
    before: str
    after: str
    style: str  # terminal style: "yellow" (second-hand), "dim" (stated as fact)
    stated: bool = False

    def text(self, docs: dict[str, Document]) -> str:
        return self.before + ", ".join(docs[a].article.outlet for a in self.outlets) + self.after


def relay_parts(claim: Claim, docs: dict[str, Document]) -> list[RelayLine]:
    """Who relays the claim and from whom, and who states it as its own fact (or that none does):
    the one place every view says a claim's attribution. Outlets that relay it from the same source
    share one line ("Fox News, HuffPost attribute it to Mitt Romney (person)"), in the order of
    their first relay; a hedge names its word ("HuffPost hedges it with “reportedly”, naming no
    source"). Where the claim has an attribution difference, each outlet's line rests on the
    sentence the difference compared (``who_relays``), so the lines never contradict it."""
    out: list[RelayLine] = []
    relays = who_relays(claim, docs)
    if not relays:
        return out
    by_chain: dict[tuple[bool, str], list[str]] = {}
    for article, att in relays:
        outlets = by_chain.setdefault(_relay_key(att, docs, article, claim), [])
        if all(docs[a].article.outlet != docs[article].article.outlet for a in outlets):
            outlets.append(article)
    for (hedged, key), outlets in by_chain.items():
        one = len(outlets) == 1
        if hedged:
            hedge = f" with “{key}”" if key else ""
            after = f" {'hedges' if one else 'hedge'} it{hedge}, naming no source"
        else:
            after = f" {'attributes' if one else 'attribute'} it to {key}"
        out.append(RelayLine(tuple(outlets), "", after, "yellow"))
    relayed = {a for a, _ in relays}
    stated = tuple(a for a in dict.fromkeys(m.article for m in claim.members) if a not in relayed)
    if stated:
        out.append(RelayLine(stated, "stated as fact, with no source named, by ", "", "dim", stated=True))
    else:
        out.append(RelayLine((), "every outlet attributes it to a source or hedges it", "", "yellow"))
    return out


def relay_lines(claim: Claim, docs: dict[str, Document]) -> list[tuple[str, str]]:
    """``relay_parts`` as (text, terminal style)."""
    return [(line.text(docs), line.style) for line in relay_parts(claim, docs)]


def who_relays(claim: Claim, docs: dict[str, Document]) -> list[tuple[str, Relay | Attribution]]:
    """(article, what it rests on) for each outlet that relays the claim, in member order: the
    attribution an attribution difference compared (found by its cue span) for the outlets it gives
    a source, else the claim's relay (an outlet relays a claim when half its sentences are
    second-hand). The two agree on 745 of the 746 attribution differences of 44 corpus events."""
    diff = attribution_of(claim)
    spans = {a: (s, e) for a, s, e in diff.spans} if diff else {}
    relays = {r.article: r for r in claim.relays}
    out: list[tuple[str, Relay | Attribution]] = []
    for article in dict.fromkeys(m.article for m in claim.members):
        doc = docs.get(article)
        if doc is None:
            continue
        found = None
        if article in spans:
            found = next(
                (
                    att
                    for m in claim.members
                    if m.article == article
                    for i in m.sentences
                    if (att := doc.attributions[i]) is not None and (att.start, att.end) == spans[article]
                ),
                None,
            )
        if found is not None:
            out.append((article, found))
        elif article in relays:
            out.append((article, relays[article]))
    return out


def relays_after(
    claim: Claim, docs: dict[str, Document], lines: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The relay ``lines`` a view prints after the claim's differences: none when its attribution
    difference already shows them (under its label), nor when every relay is a hedge without a
    source that the hedge difference names ("differs hedge: Daily Ledger: reportedly | stated
    plainly by Coastal Times" says all that "Daily Ledger hedges it …; stated as fact … by Coastal
    Times" would)."""
    if attribution_of(claim) is not None and lines:
        return []
    hedge = next((d for d in claim.differences if d.kind == "hedge"), None)
    relays = who_relays(claim, docs)
    if hedge is not None and relays:
        hedgers = {a for a, _ in hedge.values}
        if all(att.type == "hedged" and not att.source and a in hedgers for a, att in relays):
            return []
    return lines


def attribution_of(claim: Claim) -> Difference | None:
    """The claim's attribution difference, if it has one (at most one per claim)."""
    return next((d for d in claim.differences if d.kind == "attribution"), None)


def _relay_key(
    att: Relay | Attribution, docs: dict[str, Document], article: str, claim: Claim
) -> tuple[bool, str]:
    """(False, the chain an outlet's line names: "Daily Mail ← Vladimir Safronov (person)"), or
    (True, the word) of a hedge without a source ("" when its cue is no word)."""
    if att.type == "hedged" and not att.source:
        cue = att.cue if isinstance(att, Attribution) else _hedge_word(att, docs[article], claim)
        return True, cue if re.search(r"\w", cue) else ""
    entity = att.entity if isinstance(att, Attribution) else _entity(att, docs[article], claim)
    return False, _chain(att.via, source_name(att.source, att.source_kind, entity), att.source_kind)


def _member_attributions(doc: Document, claim: Claim) -> list[Attribution]:
    return [
        att
        for m in claim.members
        if m.article == doc.article.id
        for i in m.sentences
        if i < len(doc.attributions) and (att := doc.attributions[i]) is not None
    ]


def _entity(relay: Relay, doc: Document, claim: Claim) -> str | None:
    """The resolved name of the relay's source in the outlet's member sentences."""
    return next((a.entity for a in _member_attributions(doc, claim) if a.source == relay.source), None)


def _hedge_word(relay: Relay, doc: Document, claim: Claim) -> str:
    """The word of a hedge without a source ("reportedly"), from the outlet's member sentences."""
    return next(
        (a.cue for a in _member_attributions(doc, claim) if a.type == relay.type and not a.source), ""
    )


def provenance_by_article(comparison: Comparison) -> list[tuple[str, list[tuple[str, str | None, int]]]]:
    """Provenance edges grouped by relaying article, in article order."""
    grouped: dict[str, list[tuple[str, str | None, int]]] = {}
    if comparison.provenance is not None:
        for e in comparison.provenance.edges:
            grouped.setdefault(e.article, []).append((e.source, e.source_kind, e.sentences))
    return [(d.article.id, grouped[d.article.id]) for d in comparison.documents if d.article.id in grouped]


def summarize_unique(unique: Unique, outlet: str, limit: int = 5) -> str:
    """One line on what only this outlet reports: its unshared sentence count and the details no
    other outlet gives, named as such ("with seven, Senate Judiciary Committee" read as a phrase
    cut from a sentence). ``outlet`` "" leaves the name out (a view that heads the line with it)."""
    lead = f"{outlet}: " if outlet else ""
    if not unique.sentences:
        return f"{lead}nothing that no other outlet reports"
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
        listed = ", ".join(f"“{v}”" for v in seen[:limit])
        parts.append(f"detail{'s' if len(seen) != 1 else ''} no other outlet gives: {listed}{more}")
    if quotes:
        parts.append(f"{quotes} quotation{'s' if quotes != 1 else ''} of its own")
    return lead + "; ".join(parts)


def possible_note(n: int) -> str:
    """One line on the possible matches ("maybe"), which no view lists as claims."""
    pairs = "pair" if n == 1 else "pairs"
    return (
        f"{n} possible {pairs} of sentences may tell the same fact (too unsure for a claim); "
        "their sentences are not listed as only in one outlet (see --format json, 'possible')."
    )


def maybe_note(n: int) -> str:
    """The line under "only one outlet says" on the sentences left out of it for a possible match:
    listed alone, the counts read as all that the outlets do not share (basil-2017-47a209b0: 19
    sentences listed, 65 more with a possible match)."""
    many, verb = ("s", "have") if n != 1 else ("", "has")
    return f"{n} more sentence{many} {verb} a possible match in another outlet (too unsure for a claim)"


def whereabouts(outlet: str, total: int, claimed: int, maybe: int, only: int, possible: bool) -> str:
    """Where an outlet's sentences went, adding up to its length: "HuffPost: 44 sentences, 7 in
    claims, 27 with only a possible match, 10 in no other outlet". A count of what only one outlet
    has, alone, hid that most of an article can sit in possible matches (basil-2017-47a209b0:
    HuffPost 7 in claims, 27 possible only, 10 alone). ``possible``: the event has possible
    matches (else that part is left out)."""
    parts = [f"{claimed} in claim{'s' if claimed != 1 else ''}"]
    if possible:
        parts.append(f"{maybe} with only a possible match")
    parts.append(f"{only} in no other outlet")
    return f"{outlet}: {total} sentence{'s' if total != 1 else ''}, " + ", ".join(parts)


def maybe_elsewhere(claim: Claim, comparison: Comparison) -> tuple[tuple[str, int, float], ...]:
    """(article, sentence index, score) of the best possible match that an outlet outside the claim
    has with one of the claim's sentences, one per such outlet, in article order: "2 outlets" may
    be "2 outlets, and maybe a third" (61 of the 99 claims missing an outlet in six non-gold corpus
    events have one). The pair's score is the probability the pipeline gave it."""
    members = {(m.article, i) for m in claim.members for i in m.sentences}
    carried = {m.article for m in claim.members}
    best: dict[str, tuple[int, float]] = {}
    for p in comparison.possible:
        a, b = p.members
        for ours, other in ((a, b), (b, a)):
            if ours in members and other[0] not in carried:
                if other[0] not in best or p.score > best[other[0]][1]:
                    best[other[0]] = (other[1], p.score)
    order = [d.article.id for d in comparison.documents]
    return tuple((a, *best[a]) for a in order if a in best)


def conflict_lines(
    comparison: Comparison, outlets: dict[str, str]
) -> list[tuple[str, str, DifferenceLine, tuple[str, ...]]]:
    """(claim id, kind, line, other claims holding it) of each distinct conflict, in the order of
    the glance's ``conflicts``."""
    return [
        (c.id, d.kind, difference_line(d, c, outlets), also)
        for c, d, also in distinct_conflicts(comparison.claims)
    ]


def also_in(also: tuple[str, ...]) -> str:
    """ " (also in c2, c5)" after a conflict that other claims hold again; "" when none does."""
    return f" (also in {', '.join(also)})" if also else ""


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
