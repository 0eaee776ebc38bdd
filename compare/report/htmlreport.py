"""The HTML view: one self-contained file (inline CSS and JS, no network) rendered by jinja2.

Python turns the comparison into plain view data (rows, cells, highlight trees, figure geometry);
the template only lays it out, with autoescape on, so every article fragment is escaped once, by
jinja. Highlights come from the same spans as the other views: details, difference spans, word
edits and attribution cues, all offsets into the article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..model import Attribution, Claim, Comparison, Detail, Difference, Document
from .data import to_dict
from .glance import STRONG_FROM, WEAK_BELOW, Glance, clip, gist, glance, shown_edits, source_nodes, strength
from .labels import (
    RELAY_MARK,
    STRENGTH_NOTES,
    DifferenceLine,
    RelayLine,
    agreed_shown,
    clip_apart,
    conflict_lines,
    cue_phrase,
    difference_line,
    gist_tag,
    match_label,
    maybe_elsewhere,
    maybe_note,
    ranked_differences,
    relay_label,
    relay_lines,
    relay_parts,
    relays_after,
    strength_counts,
    weak_note,
)
from .summary import summarize
from .templating import asset, content_policy, script_json

# The provenance graph, in CSS pixels (chosen by eye on screenshots of newswcl50-0 and the samples at
# 1280 and 390 px; on a phone the figure scales down to the screen). Every node sits on its own row,
# GRAPH_ROW apart, which is more than the 11 px label's line height, so no two labels can overlap;
# counts sit in the labels, not on the curves, where lines that cross would stack them.
GRAPH_MAX_SOURCES = 12
GRAPH_ROW = 24
GRAPH_CURVES = 170  # between the outlet nodes and the source nodes
GRAPH_OUTLET_CHARS = 20
GRAPH_SOURCE_CHARS = 26
# The drawing is as wide as its labels need: a character of the 11 px label font is at most 7 px
# wide on average (DejaVu Sans, Chromium's fallback here, measured on the longest labels of the
# samples and newswcl50-0); a browser test checks that no label sticks out of the drawing.
GRAPH_CHAR_PX = 7.0
# Tooltips hold at most this many characters, and each quoted value in them at most VALUE_CHARS: a
# long quotation is shown once in the text, not copied into every mark over it (seven articles
# sharing a 20,000-character quote made a 394 MB report before).
TITLE_CHARS = 240
VALUE_CHARS = 80
# A "word" longer than this is cut for display (the JSON in the page keeps it whole): no real word
# is this long, while URLs and hashes of about 40-60 characters stay whole.
WORD_CHARS = 64
# A possible match's sentence shown in the cell of an outlet outside a claim: about one line of a
# 1280 px cell (the terminal and Markdown cut it the same).
MAYBE_CHARS = 60
# Sources named in the glance's "who relays whom"; the graph below shows up to GRAPH_MAX_SOURCES.
GLANCE_SHOWN_SOURCES = 6

# Nesting rank for marks over the same span: lower ranks wrap higher ones.
_RANK = {"conflict": 0, "differs": 0, "distinct": 1, "detail": 2, "source": 3, "cue": 3, "edit": 4}
_SAFE_SCHEMES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class Node:
    """A run of sentence text, or a mark (``cls`` set) wrapping child nodes."""

    text: str = ""
    cls: str = ""
    title: str = ""
    children: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # article offsets
    end: int
    rank: int
    cls: str
    title: str


@dataclass(frozen=True, slots=True)
class SentenceView:
    article: str
    index: int
    html: Markup  # the sentence with its marks, escaped once here (not per macro call in the template)
    claims: tuple[str, ...]
    target: str  # DOM id of the row this sentence belongs to (first claim, or its unique row)
    badge: str  # relay label of a second-hand sentence, else ""
    badge_html: Markup  # that label as a badge, rendered once for the row and the reading view
    paragraph: int
    conflict: bool
    maybe: tuple[tuple[str, str, int, float], ...] = ()  # possible matches: (article, outlet, index, score)


@dataclass(frozen=True, slots=True)
class Cell:
    article: str
    outlet: str
    sentences: tuple[SentenceView, ...]  # empty: the outlet does not carry the claim
    relayed: bool
    # An outlet outside the claim: its best possible match with one of the claim's sentences
    # (sentence index, probability, the sentence cut to MAYBE_CHARS), else None.
    maybe: tuple[int, float, str] | None = None


@dataclass(frozen=True, slots=True)
class DiffView:
    kind: str
    conflict: bool
    values: tuple[tuple[tuple[str, ...], str], ...]  # (the outlets that show it, wording)
    why: str  # shown after the values: a conflict's reason, else why it ranks where it does
    reason: str = ""  # why it ranks where it does (salience_reason), for a tooltip
    absent: tuple[str, ...] = ()  # the claim's outlets that give no value, named after the values
    absent_label: str = ""  # "not given by", "not quoted by", …
    lines: tuple[Markup, ...] = ()  # an attribution difference: the claim's relay lines, in place of values


@dataclass(frozen=True, slots=True)
class Row:
    dom_id: str
    key: str  # claim id, or "article:index" of a unique sentence
    kind: str  # "claim" | "unique"
    cells: tuple[Cell, ...]
    differences: tuple[DiffView, ...]
    conflict: bool
    relayed: bool
    everywhere: bool
    outlet: str  # unique rows: the article id; claim rows: ""
    score: float
    reference: str = ""  # claim rows: the article whose wording the word edits compare against
    minor: tuple[DiffView, ...] = ()  # claim rows: the differences folded under "minor differences"
    strength: str = ""  # claim rows: glance.strength of the score
    match: str = ""  # claim rows: what the score and strength mean, for a tooltip
    # claim rows: who relays the claim, after its differences, as the terminal and Markdown print
    # them (``labels.relays_after``: none when a difference already shows them)
    relays: tuple[Markup, ...] = ()


def _unique_dom_id(article: str, index: int) -> str:
    return f"u-{article}-{index}"


def _safe_url(url: str | None) -> str | None:
    """Only web links become links; ``javascript:`` and the like are shown as text instead."""
    if url and url.strip().lower().startswith(_SAFE_SCHEMES):
        return url.strip()
    return None


def nest(text: str, base: int, marks: Iterable[Mark]) -> tuple[Node, ...]:
    """Turn possibly overlapping marks over ``text`` (which starts at article offset ``base``) into a
    tree; a mark that crosses another's end is split in two."""
    end = base + len(text)
    spans = sorted(
        (Mark(max(m.start, base), min(m.end, end), m.rank, m.cls, m.title) for m in marks),
        key=lambda m: (m.start, -m.end, m.rank),
    )
    return _nest(text, base, base, end, [m for m in spans if m.start < m.end])


def _nest(text: str, base: int, lo: int, hi: int, marks: list[Mark]) -> tuple[Node, ...]:
    out: list[Node] = []
    pos = lo
    while marks:
        m = marks.pop(0)
        if m.start > pos:
            out.append(Node(text=text[pos - base : m.start - base]))
        inner, rest = [], []
        for o in marks:
            if o.start >= m.end:
                rest.append(o)
            elif o.end <= m.end:
                inner.append(o)
            else:  # crosses m's end: the inside part nests, the remainder waits its turn
                inner.append(Mark(o.start, m.end, o.rank, o.cls, o.title))
                rest.append(Mark(m.end, o.end, o.rank, o.cls, o.title))
        children = _nest(text, base, m.start, m.end, inner)
        out.append(Node(cls=m.cls, title=m.title, children=children))
        pos = m.end
        marks = sorted(rest, key=lambda x: (x.start, -x.end, x.rank))
    if hi > pos:
        out.append(Node(text=text[pos - base : hi - base]))
    return tuple(out)


_LONG_WORD = re.compile(rf"\S{{{WORD_CHARS + 1},}}")


def display_text(text: str) -> str:
    """Article text as shown: over-long words cut (with an ellipsis); the JSON keeps them whole."""
    if len(text) <= WORD_CHARS:
        return text  # too short to hold a word to cut
    return _LONG_WORD.sub(lambda m: m.group()[: WORD_CHARS - 1] + "…", text)


def escape_text(text: str) -> str:
    """``str(markupsafe.escape(text))`` for a plain string, without making a ``Markup`` on the way
    (that was most of the cost: this runs for every piece of every sentence of a report)."""
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def fragment_html(nodes: Iterable[Node]) -> str:
    """The escaped HTML of a node tree: marks with their tooltips around escaped text."""
    out = []
    for n in nodes:
        if n.cls:
            title = escape_text(clip(display_text(n.title), TITLE_CHARS))
            out.append(f'<mark class="{n.cls}" title="{title}">{fragment_html(n.children)}</mark>')
        else:
            out.append(escape_text(display_text(n.text)))
    return "".join(out)


def _quoted(value: str) -> str:
    return f"“{clip(value, VALUE_CHARS)}”"


def _detail_title(d: Detail) -> str:
    extra = []
    if d.value is not None:
        extra.append(f"value {d.value:g}")
    elif d.low is not None or d.high is not None:
        lo = "?" if d.low is None else f"{d.low:g}"
        hi = "?" if d.high is None else f"{d.high:g}"
        extra.append(f"between {lo} and {hi}")
    for v in (d.unit, d.label, d.speaker and f"said by {d.speaker}"):
        if v:
            extra.append(v)
    return f"{d.kind}: {clip(d.text, VALUE_CHARS)}" + (f" ({', '.join(extra)})" if extra else "")


def _attribution_marks(att: Attribution) -> list[Mark]:
    label = relay_label(att)
    marks = [Mark(att.start, att.end, _RANK["cue"], "m cue", f"attribution {cue_phrase(att.cue)}: {label}")]
    if att.source_start is not None and att.source_end is not None:
        marks.append(Mark(att.source_start, att.source_end, _RANK["source"], "m src", f"source: {label}"))
    return marks


class _Builder:
    """Collects the marks of every sentence once, then hands out sentence views per claim."""

    def __init__(self, comparison: Comparison) -> None:
        self.c = comparison
        self.docs = {d.article.id: d for d in comparison.documents}
        self.outlet = {d.article.id: d.article.outlet for d in comparison.documents}
        self.claims_of = comparison.claim_index()
        self.conflict_spans: dict[tuple[str, int], list[Mark]] = {}
        self.claim_marks: dict[str, dict[str, list[Mark]]] = {
            c.id: self._claim_marks(c) for c in comparison.claims
        }
        self.distinct: dict[str, list[Mark]] = {}
        for u in comparison.unique:
            self.distinct[u.article] = [
                Mark(
                    d.start,
                    d.end,
                    _RANK["distinct"],
                    "m distinct",
                    f"only this outlet has this {d.kind}: {clip(d.text, VALUE_CHARS)}",
                )
                for d in u.details
            ]
        self.unique = self._unique_sentences()
        # Possible matches ("maybe"): each sentence's partners, most probable first.
        self.maybe: dict[tuple[str, int], list[tuple[str, str, int, float]]] = {}
        for pm in comparison.possible:
            for (a, i), (b, j) in (pm.members, pm.members[::-1]):
                self.maybe.setdefault((a, i), []).append((b, self.outlet.get(b, b), j, pm.score))
        for partners in self.maybe.values():
            partners.sort(key=lambda p: (-p[3], p[0], p[2]))
        self._views: dict[tuple[str, int], SentenceView] = {}

    def _claim_marks(self, claim: Claim) -> dict[str, list[Mark]]:
        """Per article: difference spans and word edits of one claim."""
        out: dict[str, list[Mark]] = {}
        ref = self.outlet.get(claim.reference, claim.reference) or "the other outlets"
        for d in claim.differences:
            what = "conflict" if d.conflict else "differs"
            relays = [text for text, _ in relay_lines(claim, self.docs)] if d.kind == "attribution" else []
            if relays:
                # Said once, as the relay lines: who each outlet attributes it to, who states it.
                parts = relays
                why = f" ({d.salience_reason})" if d.salience_reason else ""
            else:
                line = difference_line(d, claim, self.outlet)
                parts = [f"{self._names(arts)}: {_quoted(v)}" for arts, v in line.groups]
                if line.absent:
                    names = ", ".join(self.outlet.get(a, a) for a in line.absent)
                    parts.append(f"{line.absent_label} {names}")
                why = f" ({clip(line.why, TITLE_CHARS)})" if line.why else ""
            title = f"{what} ({d.kind}): {' · '.join(parts)}{why}"
            for art, start, end in d.spans:
                out.setdefault(art, []).append(Mark(start, end, _RANK[what], f"m {what} k-{d.kind}", title))
        for ed in shown_edits(claim, self.docs):
            if ed.op == "replace":
                title = (
                    f"worded differently; {ref} has {_quoted(ed.other)}"
                    if ed.other
                    else f"worded differently from {ref}"
                )
            else:
                title = f"words {ref} does not have"
            out.setdefault(ed.article, []).append(
                Mark(ed.start, ed.end, _RANK["edit"], f"m edit {ed.op}", title)
            )
        return out

    def _unique_sentences(self) -> dict[str, tuple[int, ...]]:
        given = {u.article: u.sentences for u in self.c.unique}
        out = {}
        for doc in self.c.documents:
            aid = doc.article.id
            if aid in given:
                out[aid] = tuple(given[aid])
            else:
                out[aid] = tuple(s.index for s in doc.sentences if (aid, s.index) not in self.claims_of)
        return out

    def attribution(self, doc: Document, i: int) -> Attribution | None:
        return doc.attributions[i]

    def sentence(self, aid: str, i: int) -> SentenceView:
        """One view per sentence, built once: the claim rows and the reading view share it."""
        view = self._views.get((aid, i))
        if view is None:
            view = self._views[(aid, i)] = self._sentence(aid, i, self.claims_of.get((aid, i), ()))
        return view

    def _sentence(self, aid: str, i: int, claim_ids: Iterable[str]) -> SentenceView:
        doc = self.docs[aid]
        s = doc.sentences[i]
        marks = [
            Mark(d.start, d.end, _RANK["detail"], f"m d k-{d.kind}", _detail_title(d)) for d in doc.details[i]
        ]
        att = self.attribution(doc, i)
        if att is not None:
            marks += _attribution_marks(att)
        seen: set[tuple[int, int, str]] = set()
        conflict = False
        for cid in claim_ids:
            for mk in self.claim_marks[cid].get(aid, ()):
                if mk.start < s.end and mk.end > s.start and (mk.start, mk.end, mk.cls) not in seen:
                    seen.add((mk.start, mk.end, mk.cls))
                    marks.append(mk)
                    conflict = conflict or "conflict" in mk.cls
        if i in self.unique[aid]:
            marks += [m for m in self.distinct.get(aid, ()) if m.start < s.end and m.end > s.start]
        claims = tuple(self.claims_of.get((aid, i), ()))
        target = f"claim-{claims[0]}" if claims else _unique_dom_id(aid, i)
        badge = clip(display_text(relay_label(att)), VALUE_CHARS) if att is not None else ""
        badge_html = Markup("")
        if att is not None:
            badge_title = f"second-hand ({att.type}), {cue_phrase(clip(att.cue, VALUE_CHARS))}" + (
                f", {att.quote} quote" if att.quote else ""
            )
            badge_html = Markup(
                f' <span class="badge relay" title="{escape(badge_title)}"><span aria-hidden="true">↪ </span>'
                f"<bdi>{escape(badge)}</bdi></span>"
            )
        html = Markup(fragment_html(nest(s.text, s.start, marks)))
        maybe = tuple(self.maybe.get((aid, i), ())) if not claims else ()
        if maybe:
            target = (
                f"s-{maybe[0][0]}-{maybe[0][2]}"  # no row of its own: a click reads the likeliest partner
            )
        return SentenceView(aid, i, html, claims, target, badge, badge_html, s.paragraph, conflict, maybe)

    def rows(self) -> list[Row]:
        n = len(self.c.documents)
        order = [d.article.id for d in self.c.documents]
        claim_rows: list[Row] = []
        for claim in self.c.claims:
            members = {m.article: m.sentences for m in claim.members}
            relays = {r.article for r in claim.relays}
            maybe = {a: (i, score) for a, i, score in maybe_elsewhere(claim, self.c)}
            cells = []
            for aid in order:
                sents = tuple(self.sentence(aid, i) for i in members.get(aid, ()))
                other = maybe.get(aid)
                cells.append(
                    Cell(
                        aid,
                        self.outlet[aid],
                        sents,
                        bool(sents) and (aid in relays or any(s.badge for s in sents)),
                        (
                            other[0],
                            round(other[1], 2),
                            clip(display_text(self.docs[aid].sentences[other[0]].text), MAYBE_CHARS),
                        )
                        if other
                        else None,
                    )
                )
            shown, minor = ranked_differences(claim)
            level = strength(claim.score)
            claim_rows.append(
                Row(
                    f"claim-{claim.id}",
                    claim.id,
                    "claim",
                    tuple(cells),
                    tuple(self._diff_view(d, claim) for d in shown),
                    any(d.conflict for d in claim.differences),
                    any(c.relayed for c in cells),
                    len(members) == n,
                    "",
                    round(claim.score, 2),
                    claim.reference if shown_edits(claim, self.docs) else "",
                    tuple(self._diff_view(d, claim) for d in minor),
                    level,
                    f"{match_label(claim.score, level)}: {STRENGTH_NOTES[level]}",
                    self._relays_after(claim),
                )
            )
        # Unique sentences go after the last claim that holds their article's previous claimed sentence.
        after: dict[int, list[Row]] = {}
        pos_of = {c.id: k for k, c in enumerate(self.c.claims)}
        for aid in order:
            for i in self.unique[aid]:
                prev = next((j for j in range(i - 1, -1, -1) if (aid, j) in self.claims_of), None)
                slot = max(pos_of[c] for c in self.claims_of[(aid, prev)]) if prev is not None else -1
                sv = self.sentence(aid, i)
                ucells = tuple(
                    Cell(a, self.outlet[a], (sv,) if a == aid else (), a == aid and bool(sv.badge))
                    for a in order
                )
                after.setdefault(slot, []).append(
                    Row(
                        _unique_dom_id(aid, i),
                        f"{aid}:{i}",
                        "unique",
                        ucells,
                        (),
                        False,
                        bool(sv.badge),
                        False,
                        aid,
                        0.0,
                    )
                )
        rows = list(after.get(-1, ()))
        for k, r in enumerate(claim_rows):
            rows.append(r)
            rows += after.get(k, ())
        return rows

    def _relays_after(self, claim: Claim) -> tuple[Markup, ...]:
        parts = relay_parts(claim, self.docs)
        if not relays_after(claim, self.docs, [(p.text(self.docs), p.style) for p in parts]):
            return ()
        return tuple(self._relay_html(p) for p in parts)

    def _names(self, articles: Iterable[str]) -> str:
        return ", ".join(self.outlet.get(a, a) for a in articles)

    def _diff_view(self, d: Difference, claim: Claim) -> DiffView:
        lines = tuple(self._relay_html(r) for r in relay_parts(claim, self.docs))
        if d.kind == "attribution" and lines:
            # The attribution is said once, as the relay lines, with the difference's reason.
            why = clip(display_text(d.salience_reason), TITLE_CHARS)
            return DiffView(d.kind, d.conflict, (), why, d.salience_reason, lines=lines)
        line = difference_line(d, claim, self.outlet)
        values = _grouped_values(line, self.outlet, TITLE_CHARS)
        absent = tuple(self.outlet.get(a, a) for a in line.absent)
        why = clip(display_text(line.why), TITLE_CHARS)
        return DiffView(d.kind, d.conflict, values, why, d.salience_reason, absent, line.absent_label)

    def _relay_html(self, line: RelayLine) -> Markup:
        """A relay line with its outlets' names marked as a difference's values are (given, or
        ``absent`` for the outlets that state it as fact), so a reader scans the names alike."""
        names = Markup(", ").join(
            Markup('<bdi class="dvo">{}</bdi>').format(self.outlet.get(a, a)) for a in line.outlets
        )
        who = Markup('<span class="dv{}">{}</span>').format(" absent" if line.stated else "", names)
        after = Markup("")
        if line.after:
            # the source's name is article text: isolated, so a right-to-left name stays in its place
            space = " " if line.after.startswith(" ") else ""
            after = Markup("{}<bdi>{}</bdi>").format(space, clip(display_text(line.after), TITLE_CHARS))
        return Markup("{}{}{}").format(line.before, who if line.outlets else "", after)

    def articles(self) -> list[dict[str, Any]]:
        """The reading view: each article as paragraphs of sentence views (plus any text between)."""
        out = []
        for doc in self.c.documents:
            a = doc.article
            paragraphs: list[list[tuple[str, Any]]] = []
            last_par, pos = None, a.body_start
            for s in doc.sentences:
                if s.paragraph != last_par:
                    paragraphs.append([])
                    last_par = s.paragraph
                gap = a.text[pos : s.start]
                if gap.strip():
                    paragraphs[-1].append(("gap", display_text(gap.strip())))
                paragraphs[-1].append(("s", self.sentence(a.id, s.index)))
                pos = s.end
            tail = a.text[pos:].strip()
            if tail:
                paragraphs.append([("gap", display_text(tail))])
            out.append({"id": a.id, "outlet": a.outlet, "title": a.title, "paragraphs": paragraphs})
        return out


def _grouped_values(
    line: DifferenceLine, outlet: dict[str, str], limit: int
) -> tuple[tuple[tuple[str, ...], str], ...]:
    """A difference's values for the page: the outlets that show one wording together, each
    wording clipped to ``limit`` so that two that differ still look different."""
    groups = line.groups
    shown = clip_apart([display_text(v) for _, v in groups], limit)
    return tuple(
        (tuple(outlet.get(a, a) for a in arts), v) for (arts, _), v in zip(groups, shown, strict=True)
    )


def abbreviations(names: list[str]) -> list[str]:
    """Short, distinct column heads: the capitals of a name ("New York Times" -> "NYT",
    "HuffPost" -> "HP"), else its first three letters; a number tells repeats apart."""
    out: list[str] = []
    for name in names:
        caps = "".join(ch for ch in name if ch.isupper())
        words = name.split()
        short = caps[:3] if len(caps) >= 2 else (words[0][:3] if words else "?")
        base, k = short, 2
        while short in out:
            short, k = f"{base}{k}", k + 1
        out.append(short)
    return out


def _coverage(c: Comparison, rows: list[Row]) -> dict[str, Any]:
    """The coverage matrix: claims grouped by how many outlets carry them (most first, story order
    within a group), each labelled with its gist, one small cell per outlet."""
    docs = {d.article.id: d for d in c.documents}
    by_id = {cl.id: cl for cl in c.claims}
    names = [d.article.outlet for d in c.documents]
    groups: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r.kind != "claim":
            continue
        states = [
            "relayed" if x.relayed else "carried" if x.sentences else "maybe" if x.maybe else "absent"
            for x in r.cells
        ]
        carried = ", ".join(x.outlet for x in r.cells if x.sentences and not x.relayed) or "none"
        relayed = ", ".join(x.outlet for x in r.cells if x.relayed)
        maybe = ", ".join(x.outlet for x in r.cells if x.maybe and not x.sentences)
        title = f"{r.key}: carried by {carried}" + (f"; relayed by {relayed}" if relayed else "")
        title += f"; maybe also by {maybe} (a possible match)" if maybe else ""
        title += "; conflicting details" if r.conflict else ""
        title += f"; {r.match}"
        n = sum(s in ("carried", "relayed") for s in states)
        groups.setdefault(n, []).append(
            {"row": r, "states": states, "title": title, "gist": gist(by_id[r.key], docs)}
        )
    return {
        "heads": list(zip(abbreviations(names), names, strict=True)),
        "groups": [{"n": n, "rows": groups[n]} for n in sorted(groups, reverse=True)],
        "outlets": len(names),
    }


def _outlet_bars(c: Comparison) -> dict[str, dict[str, float]]:
    """Own and relayed sentences per outlet as bar widths (percent of the longest article)."""
    longest = max((len(d.sentences) for d in c.documents), default=1) or 1
    out = {}
    for d in c.documents:
        relayed = sum(1 for a in d.attributions if a is not None)
        own = len(d.sentences) - relayed
        out[d.article.id] = {
            "own": round(100 * own / longest, 1),
            "relayed": round(100 * relayed / longest, 1),
            "n_own": own,
            "n_relayed": relayed,
        }
    return out


def _graph(comparison: Comparison) -> dict[str, Any]:
    """Who relays whom: compared outlets on the left, source entities on the right, one row each."""
    outlets = {d.article.id: d.article.outlet for d in comparison.documents}
    nodes = list(source_nodes(comparison))
    shown, folded = nodes[:GRAPH_MAX_SOURCES], nodes[GRAPH_MAX_SOURCES:]
    left = [aid for aid in outlets if any(aid in dict(s.articles) for s in nodes)]
    right: list[dict[str, Any]] = [
        {
            "key": s.key,
            "name": clip(display_text(s.label), GRAPH_SOURCE_CHARS),
            "full": s.label,
            "kind": s.kind,
            "ours": s.compared,
            "n": s.sentences,
            "wordings": ", ".join(clip(w, VALUE_CHARS) for w in s.wordings),
        }
        for s in shown
    ]
    if folded:
        right.append(
            {
                "key": "more",
                "name": f"{len(folded)} more sources",
                "full": ", ".join(clip(s.label, VALUE_CHARS) for s in folded[:20]),
                "kind": None,
                "ours": False,
                "n": sum(s.sentences for s in folded),
                "wordings": "",
            }
        )
    for r in right:
        r["suffix"] = f"{r['n']}" + (
            f" · {r['kind']}" + (", compared" if r["ours"] else "") if r["kind"] else ""
        )
    left_names = [clip(display_text(outlets[a]), GRAPH_OUTLET_CHARS) for a in left]
    rows = max(len(left), len(right), 1)
    top = 12
    lx = round(16 + GRAPH_CHAR_PX * max((len(x) for x in left_names), default=4))
    rx = lx + GRAPH_CURVES
    width = round(
        rx + 20 + GRAPH_CHAR_PX * max((len(r["name"]) + 1 + len(r["suffix"]) for r in right), default=4)
    )
    step = GRAPH_ROW * rows / max(1, len(left))
    ly = {aid: top + k * step + step / 2 for k, aid in enumerate(left)}
    ry = {r["key"]: top + k * GRAPH_ROW + GRAPH_ROW / 2 for k, r in enumerate(right)}
    merged: dict[tuple[str, str], int] = {}
    for s in nodes:
        key = s.key if s.key in ry else "more"
        for aid, n in s.articles:
            merged[(aid, key)] = merged.get((aid, key), 0) + n
    biggest = max(merged.values(), default=1)
    label = {r["key"]: r["full"] for r in right}
    paths = []
    for (aid, key), n in merged.items():
        y1, y2 = ly[aid], ry[key]
        mid = (lx + rx) / 2
        paths.append(
            {
                "d": f"M{lx} {y1:.1f} C{mid:.1f} {y1:.1f} {mid:.1f} {y2:.1f} {rx} {y2:.1f}",
                "width": round(1.2 + 4.8 * n / biggest, 1),
                "title": clip(
                    f"{outlets[aid]} relays {label[key]}: {n} sentence" + ("s" if n != 1 else ""), TITLE_CHARS
                ),
            }
        )
    return {
        "left": [{"name": name, "y": round(ly[a], 1)} for a, name in zip(left, left_names, strict=True)],
        "right": [{**r, "y": round(ry[r["key"]], 1)} for r in right],
        "paths": paths,
        "lx": lx,
        "rx": rx,
        "width": width,
        "height": round(top * 2 + rows * GRAPH_ROW),
    }


def _glance_view(g: Glance, c: Comparison) -> dict[str, Any]:
    """The glance's view data: outlet names instead of ids, display-safe lengths."""
    outlet = {d.article.id: d.article.outlet for d in c.documents}
    docs = {d.article.id: d for d in c.documents}
    claims = {x.id: x for x in c.claims}
    single = len(c.documents) == 1
    sources: list[dict[str, Any]] = [
        {
            "key": s.key,
            "label": clip(display_text(s.label), VALUE_CHARS),
            "kind": s.kind,
            "n": s.sentences,
            "by": ", ".join(f"{outlet[a]} {n}" for a, n in s.articles),
            "wordings": len(s.wordings),
        }
        for s in g.sources
    ]
    profile = None
    if single:
        aid, own, total = g.firsthand[0]
        relayed = total - own
        profile = {
            "own": own,
            "total": total,
            "relayed": relayed,
            "own_share": round(100 * own / total) if total else 0,
            "rests": [
                {**s, "share": round(100 * s["n"] / total) if total else 0}
                for s in sources[:GRAPH_MAX_SOURCES]
            ],
            "chains": [
                {"chain": " ← ".join(clip(x, VALUE_CHARS) for x in ch), "n": n} for _, ch, n in g.chains
            ],
        }
    return {
        "headline": g.headline,
        "first": g.first_published,
        "last": g.last_published,
        "agreed": [
            {
                "claim": a.claim,
                "gist": display_text(a.gist),
                "tag": display_text(gist_tag(claims[a.claim], docs, a.gist)).removeprefix(RELAY_MARK + " "),
                "strength": a.strength,
                "score": f"{a.score:.2f}",
            }
            for a in agreed_shown(g)[0]
        ],
        "agreed_listed": len(g.agreed),  # listed or folded into the weak line
        "agreed_weak": weak_note(agreed_shown(g)[1]) if agreed_shown(g)[1] else "",
        "agreed_strengths": strength_counts(g) if g.agreed else "",
        "agreed_outlets": g.agreed_outlets,
        "agreed_total": g.agreed_total,
        "conflicts": [
            {
                "claim": claim,
                "kind": kind,
                "values": list(_grouped_values(line, outlet, VALUE_CHARS)),
                "absent": [outlet.get(a, a) for a in line.absent],
                "absent_label": line.absent_label,
                "why": clip(display_text(line.why), TITLE_CHARS),
                "also": list(also),
            }
            for claim, kind, line, also in conflict_lines(c, outlet)
        ],
        "only": [
            {"article": a, "outlet": outlet[a], "n": n, "gist": display_text(text)} for a, n, text in g.only
        ],
        "only_maybe": maybe_note(n) if (n := sum(p for _a, _c, p in summarize(c).placed)) else "",
        "sources": sources[:GLANCE_SHOWN_SOURCES],
        "more_sources": max(0, len(sources) - GLANCE_SHOWN_SOURCES),
        "profile": profile,
    }


# The legend's examples when the event has none of a kind (the sample's words, which a reader of
# another story took for part of it: "Portville" in a report on a Senate vote).
LEGEND_DEFAULTS = {
    "conflict": "60",
    "differs": "Mr Reyes",
    "conflict_kind": "number",  # the kind whose colour the example takes
    "differs_kind": "name",
    "edit": "blaze",
    "number": "three",
    "name": "Portville",
    "date": "Thursday",
    "quote": "a textbook response",
    "hedge": "reportedly",
    "cue": "according to",
    "distinct": "Dock 4",
}
# An example longer than this is not used: the legend's cells are one short line.
LEGEND_CHARS = 24


def legend_examples(comparison: Comparison) -> dict[str, str]:
    """The legend's example of each mark, taken from the event itself where it has one (its first
    detail of each kind, its first conflicting and differing values, a cue with a word in it, a
    detail only one outlet has), else ``LEGEND_DEFAULTS``."""
    found: dict[str, str] = {}

    def offer(kind: str, text: str | None) -> None:
        text = " ".join((text or "").split())
        if kind not in found and text and len(text) <= LEGEND_CHARS:
            found[kind] = display_text(text)

    for doc in comparison.documents:
        for details in doc.details:
            for d in details:
                offer(d.kind, d.text)
        for att in doc.attributions:
            if att is not None and re.search(r"\w", att.cue) and att.type == "attributed":
                offer("cue", att.cue)
    for claim in comparison.claims:
        for diff in claim.differences:
            if diff.kind != "attribution":
                mark = "conflict" if diff.conflict else "differs"
                for _a, value in diff.values:
                    if mark not in found:
                        offer(mark, value)
                        if mark in found:
                            found[f"{mark}_kind"] = diff.kind
    docs = {d.article.id: d for d in comparison.documents}
    for claim in comparison.claims:
        for e in shown_edits(claim, docs):
            if e.op != "delete":
                offer("edit", docs[e.article].article.text[e.start : e.end])
    for u in comparison.unique:
        for d in u.details:
            if d.kind != "quote":
                offer("distinct", d.text)
    return {k: found.get(k, v) for k, v in LEGEND_DEFAULTS.items()}


def render_html(
    comparison: Comparison,
    *,
    generated: str | None = None,
    data: dict[str, Any] | None = None,
    at_a_glance: Glance | None = None,
) -> str:
    """The whole report as one HTML document; ``generated`` is shown as given (no clock is read).
    ``data`` (``to_dict(comparison)``) and ``at_a_glance`` (``glance(comparison)``) save working
    them out again when the caller has them (the batch renders the JSON view from the same data)."""
    from .templating import environment

    env = environment()
    b = _Builder(comparison)
    rows = b.rows()
    summary = summarize(comparison)
    uniq, rel = dict(summary.unique), {a: (n, t) for a, n, t in summary.relayed}
    placed = {a: (c, m) for a, _t, c, m, _o in summary.whereabouts()}
    bars = _outlet_bars(comparison)
    outlets = [
        {
            "id": d.article.id,
            "outlet": d.article.outlet,
            "title": display_text(d.article.title or ""),
            "published": d.article.published,
            "url": _safe_url(d.article.url),
            "raw_url": display_text(d.article.url or ""),
            "sentences": len(d.sentences),
            "unique": uniq[d.article.id],
            "claimed": placed.get(d.article.id, (0, 0))[0],
            "maybe": placed.get(d.article.id, (0, 0))[1],
            "relayed": rel[d.article.id][0],
            "share": round(100 * rel[d.article.id][0] / rel[d.article.id][1]) if rel[d.article.id][1] else 0,
            "bar": bars[d.article.id],
        }
        for d in comparison.documents
    ]
    css, js = asset("report.css"), asset("report.js")
    single = len(comparison.documents) == 1
    counts = {
        "all": len(rows),
        "conflicts": sum(r.conflict for r in rows if r.kind == "claim"),
        "relayed": sum(r.relayed for r in rows),
        "unique": sum(r.kind == "unique" for r in rows),
        "everywhere": sum(r.everywhere for r in rows),
        "possible": len(comparison.possible),
    }
    g = glance(comparison) if at_a_glance is None else at_a_glance
    if data is None:
        data = to_dict(comparison, g)
    title = g.headline or next((d.article.title for d in comparison.documents if d.article.title), None)
    html = env.get_template("report.html.j2").render(
        title=clip(display_text(title or "comparison"), TITLE_CHARS),
        generated=generated,
        outlets=outlets,
        summary=summary,
        rows=rows,
        counts=counts,
        single=single,
        glance=_glance_view(g, comparison),
        coverage=_coverage(comparison, rows),
        graph=_graph(comparison),
        articles=b.articles(),
        css=Markup(css),
        js=Markup(js),
        csp=content_policy(css, js),
        data=Markup(script_json(data)),
        bands={"strong": STRONG_FROM, "weak": WEAK_BELOW},
        legend=legend_examples(comparison),
    )
    return html
