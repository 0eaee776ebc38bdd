"""The HTML view: one self-contained file (inline CSS and JS, no network) rendered by jinja2.

Python turns the comparison into plain view data (rows, cells, highlight trees, figure geometry);
the template only lays it out, with autoescape on, so every article fragment is escaped once, by
jinja. Highlights come from the same spans as the other views: details, difference spans, word
edits and attribution cues, all offsets into the article text.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Attribution, Claim, Comparison, Detail, Document
from .data import to_dict
from .labels import relay_label
from .summary import summarize

# Figure sizes, in CSS pixels, chosen by eye on screenshots at 1280x900 (samples/, newswcl50-0 with
# 85 claims, a synthetic 600-claim event). Rows shrink from MATRIX_ROW_MAX to fit MATRIX_HEIGHT (the
# matrix then sits beside the provenance graph without scrolling) but not below MATRIX_ROW_MIN, the
# smallest row where a hatched "relayed" cell still reads differently from a filled one; taller
# matrices scroll inside their figure.
MATRIX_HEIGHT = 420
MATRIX_ROW_MAX = 16
MATRIX_ROW_MIN = 3
MATRIX_COL = 30
MATRIX_HEAD = 110  # room for the slanted outlet names
MATRIX_LEFT = 46  # claim ids and the conflict marker
# The provenance graph lists the sources that relay the most sentences; the rest fold into one node.
GRAPH_MAX_SOURCES = 12
GRAPH_ROW = 34
GRAPH_WIDTH = 720
GRAPH_LEFT = 170  # x of the outlet nodes; their names sit to the left
GRAPH_LABEL = 310  # room right of the source nodes for a name and its kind

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
    nodes: tuple[Node, ...]
    claims: tuple[str, ...]
    target: str  # DOM id of the row this sentence belongs to (first claim, or its unique row)
    badge: str  # relay label of a second-hand sentence, else ""
    badge_title: str
    paragraph: int
    conflict: bool


@dataclass(frozen=True, slots=True)
class Cell:
    article: str
    outlet: str
    sentences: tuple[SentenceView, ...]  # empty: the outlet does not carry the claim
    relayed: bool


@dataclass(frozen=True, slots=True)
class DiffView:
    kind: str
    conflict: bool
    values: tuple[tuple[str, str], ...]  # (outlet, wording)
    note: str


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
    return f"{d.kind}: {d.text}" + (f" ({', '.join(extra)})" if extra else "")


def _attribution_marks(att: Attribution) -> list[Mark]:
    label = relay_label(att)
    marks = [Mark(att.start, att.end, _RANK["cue"], "m cue", f"attribution cue “{att.cue}”: {label}")]
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
                    f"only this outlet has this {d.kind}: {d.text}",
                )
                for d in u.details
            ]
        self.unique = self._unique_sentences()

    def _claim_marks(self, claim: Claim) -> dict[str, list[Mark]]:
        """Per article: difference spans and word edits of one claim."""
        out: dict[str, list[Mark]] = {}
        ref = self.outlet.get(claim.reference, claim.reference) or "the other outlets"
        for d in claim.differences:
            vals = " · ".join(f"{self.outlet.get(a, a)}: “{v}”" for a, v in d.values)
            what = "conflict" if d.conflict else "differs"
            title = f"{what} ({d.kind}): {vals}" + (f" ({d.note})" if d.note else "")
            for art, start, end in d.spans:
                out.setdefault(art, []).append(Mark(start, end, _RANK[what], f"m {what} k-{d.kind}", title))
        for ed in claim.edits:
            if ed.op == "replace":
                title = (
                    f"worded differently; {ref} has “{ed.other}”"
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

    def sentence(self, aid: str, i: int, claim_ids: Iterable[str]) -> SentenceView:
        doc = self.docs[aid]
        s = doc.sentences[i]
        marks = [
            Mark(d.start, d.end, _RANK["detail"], f"m d k-{d.kind}", _detail_title(d))
            for d in doc.details[i]
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
        badge = relay_label(att) if att is not None else ""
        badge_title = ""
        if att is not None:
            badge_title = f"second-hand ({att.type}), cue “{att.cue}”" + (
                f", {att.quote} quote" if att.quote else ""
            )
        return SentenceView(
            aid, i, nest(s.text, s.start, marks), claims, target, badge, badge_title, s.paragraph, conflict
        )

    def rows(self) -> list[Row]:
        n = len(self.c.documents)
        order = [d.article.id for d in self.c.documents]
        claim_rows: list[Row] = []
        for claim in self.c.claims:
            members = {m.article: m.sentences for m in claim.members}
            relays = {r.article for r in claim.relays}
            cells = []
            for aid in order:
                sents = tuple(self.sentence(aid, i, self.claims_of[(aid, i)]) for i in members.get(aid, ()))
                cells.append(
                    Cell(
                        aid,
                        self.outlet[aid],
                        sents,
                        bool(sents) and (aid in relays or any(s.badge for s in sents)),
                    )
                )
            diffs = tuple(
                DiffView(d.kind, d.conflict, tuple((self.outlet.get(a, a), v) for a, v in d.values), d.note)
                for d in sorted(claim.differences, key=lambda d: (not d.conflict, d.kind))
            )
            claim_rows.append(
                Row(
                    f"claim-{claim.id}",
                    claim.id,
                    "claim",
                    tuple(cells),
                    diffs,
                    any(d.conflict for d in claim.differences),
                    any(c.relayed for c in cells),
                    len(members) == n,
                    "",
                    round(claim.score, 2),
                    claim.reference if claim.edits else "",
                )
            )
        # Unique sentences go after the last claim that holds their article's previous claimed sentence.
        after: dict[int, list[Row]] = {}
        pos_of = {c.id: k for k, c in enumerate(self.c.claims)}
        for aid in order:
            for i in self.unique[aid]:
                prev = [j for j in range(i - 1, -1, -1) if (aid, j) in self.claims_of]
                slot = max(pos_of[c] for c in self.claims_of[(aid, prev[0])]) if prev else -1
                sv = self.sentence(aid, i, ())
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
                    paragraphs[-1].append(("gap", gap.strip()))
                paragraphs[-1].append(
                    ("s", self.sentence(a.id, s.index, self.claims_of.get((a.id, s.index), ())))
                )
                pos = s.end
            tail = a.text[pos:].strip()
            if tail:
                paragraphs.append([("gap", tail)])
            out.append({"id": a.id, "outlet": a.outlet, "title": a.title, "paragraphs": paragraphs})
        return out


def _matrix(rows: list[Row], outlets: list[tuple[str, str]]) -> dict[str, Any]:
    claims = [r for r in rows if r.kind == "claim"]
    h = max(MATRIX_ROW_MIN, min(MATRIX_ROW_MAX, MATRIX_HEIGHT // max(1, len(claims))))
    cells = []
    for k, r in enumerate(claims):
        y = MATRIX_HEAD + k * h
        marks = []
        for j, c in enumerate(r.cells):
            state = "relayed" if c.relayed else "carried" if c.sentences else "absent"
            marks.append({"x": MATRIX_LEFT + j * MATRIX_COL + 2, "state": state})
        carried = ", ".join(c.outlet for c in r.cells if c.sentences and not c.relayed) or "none"
        relayed = ", ".join(c.outlet for c in r.cells if c.relayed)
        title = f"{r.key}: carried by {carried}" + (f"; relayed by {relayed}" if relayed else "")
        title += "; conflicting details" if r.conflict else ""
        cells.append({"y": y, "row": r, "marks": marks, "title": title})
    width = MATRIX_LEFT + MATRIX_COL * len(outlets) + 70
    heads = [
        {"x": MATRIX_LEFT + j * MATRIX_COL + MATRIX_COL // 2, "label": name[:22]}
        for j, (_, name) in enumerate(outlets)
    ]
    return {
        "rows": cells,
        "heads": heads,
        "h": h,
        "w": MATRIX_COL - 4,
        "cell_h": h - 2 if h > 6 else h - 1 if h > 3 else h,
        "width": width,
        "height": MATRIX_HEAD + h * len(claims) + 8,
        "label_ids": h >= 11,
        "y_head": MATRIX_HEAD - 8,
        "left": MATRIX_LEFT,
    }


def _norm(name: str) -> str:
    n = " ".join(name.lower().split())
    return n[4:] if n.startswith("the ") else n


def _edges(comparison: Comparison) -> list[tuple[str, str, str | None, int]]:
    if comparison.provenance is not None:
        return list(comparison.provenance.edges)
    counts: dict[tuple[str, str, str | None], int] = {}
    for doc in comparison.documents:
        for att in doc.attributions:
            if att is not None and (att.via or att.source):
                first = att.via[0] if att.via else None
                src, kind = (
                    (first.source, first.source_kind) if first else (att.source or "", att.source_kind)
                )
                key = (doc.article.id, src, kind)
                counts[key] = counts.get(key, 0) + 1
    return [
        (a, s, k, n) for (a, s, k), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    ]


def _graph(comparison: Comparison) -> dict[str, Any]:
    """Who relays whom: compared outlets on the left, their sources on the right."""
    outlets = {d.article.id: d.article.outlet for d in comparison.documents}
    by_name = {_norm(name): aid for aid, name in outlets.items()}
    edges = _edges(comparison)
    totals: dict[str, int] = {}
    kinds: dict[str, str | None] = {}
    for _, src, kind, n in edges:
        totals[src] = totals.get(src, 0) + n
        kinds.setdefault(src, kind)
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    shown, folded = ranked[:GRAPH_MAX_SOURCES], ranked[GRAPH_MAX_SOURCES:]
    left = [aid for aid in outlets if any(e[0] == aid for e in edges)]
    right: list[dict[str, Any]] = [
        {"name": s, "kind": kinds[s], "ours": _norm(s) in by_name, "n": totals[s]} for s in shown
    ]
    more = f"{len(folded)} more sources"
    if folded:
        right.append(
            {
                "name": more,
                "kind": None,
                "ours": False,
                "n": sum(totals[s] for s in folded),
            }
        )
    rows = max(len(left), len(right), 1)
    top = 16
    lx, rx = GRAPH_LEFT, GRAPH_WIDTH - GRAPH_LABEL
    ly = {aid: top + k * GRAPH_ROW * rows / max(1, len(left)) + GRAPH_ROW / 2 for k, aid in enumerate(left)}
    ry: dict[str, float] = {r["name"]: top + k * GRAPH_ROW + GRAPH_ROW / 2 for k, r in enumerate(right)}
    # Edges into the folded node add up, one line per outlet.
    merged: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for aid, src, kind, n in edges:
        key = (aid, src if src in ry else more)
        total, names = merged.get(key, (0, []))
        merged[key] = (total + n, [*names, src + (f" ({kind})" if kind else "")])
    biggest = max((n for n, _ in merged.values()), default=1)
    paths = []
    for (aid, name), (n, names) in merged.items():
        y1, y2 = ly[aid], ry[name]
        mid = (lx + rx) / 2
        # The count sits three quarters along the curve, near its source, where lines fan out.
        t = 0.75
        px = (1 - t) ** 3 * lx + 3 * (1 - t) * t * mid + t**3 * rx
        py = ((1 - t) ** 3 + 3 * (1 - t) ** 2 * t) * y1 + (3 * (1 - t) * t**2 + t**3) * y2
        paths.append(
            {
                "d": f"M{lx} {y1:.1f} C{mid:.1f} {y1:.1f} {mid:.1f} {y2:.1f} {rx} {y2:.1f}",
                "width": round(1.5 + 4.5 * n / biggest, 1),
                "n": n,
                "lx": round(px, 1),
                "ly": round(py, 1),
                "title": f"{outlets[aid]} relays {', '.join(names)}: {n} sentence" + ("s" if n != 1 else ""),
            }
        )
    return {
        "left": [{"name": outlets[a], "y": round(ly[a], 1)} for a in left],
        "right": [{**r, "y": round(ry[r["name"]], 1)} for r in right],
        "paths": paths,
        "lx": lx,
        "rx": rx,
        "width": GRAPH_WIDTH,
        "height": round(top * 2 + rows * GRAPH_ROW),
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> block: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _csp_hash(source: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"
    )


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    """A CSS or JS file of the package, read once per process (a batch run renders many events)."""
    return resources.files("compare").joinpath("templates", name).read_text(encoding="utf-8")


def render_html(comparison: Comparison, *, generated: str | None = None) -> str:
    """The whole report as one HTML document; ``generated`` is shown as given (no clock is read)."""
    from markupsafe import Markup

    from .templating import environment

    env = environment()
    b = _Builder(comparison)
    rows = b.rows()
    summary = summarize(comparison)
    uniq, rel = dict(summary.unique), {a: (n, t) for a, n, t in summary.relayed}
    outlets = [
        {
            "id": d.article.id,
            "outlet": d.article.outlet,
            "title": d.article.title,
            "published": d.article.published,
            "url": _safe_url(d.article.url),
            "raw_url": d.article.url,
            "sentences": len(d.sentences),
            "unique": uniq[d.article.id],
            "relayed": rel[d.article.id][0],
            "share": round(100 * rel[d.article.id][0] / rel[d.article.id][1]) if rel[d.article.id][1] else 0,
        }
        for d in comparison.documents
    ]
    css, js = _asset("report.css"), _asset("report.js")
    counts = {
        "all": len(rows),
        "conflicts": sum(r.conflict for r in rows if r.kind == "claim"),
        "relayed": sum(r.relayed for r in rows),
        "unique": sum(r.kind == "unique" for r in rows),
        "everywhere": sum(r.everywhere for r in rows),
    }
    first_title = next((d.article.title for d in comparison.documents if d.article.title), None)
    html = env.get_template("report.html.j2").render(
        title=first_title or "comparison",
        generated=generated,
        outlets=outlets,
        summary=summary,
        rows=rows,
        counts=counts,
        matrix=_matrix(rows, [(d.article.id, d.article.outlet) for d in comparison.documents]),
        graph=_graph(comparison),
        articles=b.articles(),
        css=Markup(css),
        js=Markup(js),
        csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'",
        data=Markup(script_json(to_dict(comparison))),
    )
    return html
