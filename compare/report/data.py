"""The comparison as plain dicts in the JSON contract ("storydiff/1", ../shared/DESIGN.md): what the JSON
view prints and the HTML report embeds."""

from __future__ import annotations

from typing import Any

from ..model import Attribution, Claim, Comparison, Detail, Document
from .glance import Glance, glance
from .summary import summarize

SCHEMA = "storydiff/1"


def _round(x: float | None) -> float | int | None:
    if x is None:
        return None
    r = round(float(x), 4)
    return int(r) if r == int(r) and abs(r) < 1e15 else r


def detail_dict(d: Detail) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": d.kind, "text": d.text, "start": d.start, "end": d.end}
    if d.key:
        out["key"] = d.key
    for name in ("value", "low", "high"):
        v = getattr(d, name)
        if v is not None:
            out[name] = _round(v)
    for name in ("unit", "label", "speaker"):
        v = getattr(d, name)
        if v:
            out[name] = v
    return out


def attribution_dict(a: Attribution | None) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {
        "type": a.type,
        "source": a.source,
        "source_kind": a.source_kind,
        "cue": a.cue,
        "quote": a.quote,
        "start": a.start,
        "end": a.end,
        "via": [{"source": v.source, "source_kind": v.source_kind} for v in a.via],
    }
    if a.source_start is not None and a.source_end is not None:
        out["source_start"], out["source_end"] = a.source_start, a.source_end
    if a.entity is not None:
        out["entity"] = a.entity
    return out


def article_dict(doc: Document, index: dict[tuple[str, int], list[str]]) -> dict[str, Any]:
    art = doc.article
    sentences = []
    for k, s in enumerate(doc.sentences):
        details = doc.details[k]
        att = doc.attributions[k]
        sentences.append(
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "paragraph": s.paragraph,
                "quotation": s.quotation,
                "claims": index.get((art.id, s.index), []),
                "attribution": attribution_dict(att),
                "details": [detail_dict(d) for d in details],
            }
        )
    return {
        "id": art.id,
        "outlet": art.outlet,
        "title": art.title,
        "published": art.published,
        "url": art.url,
        "source": art.source,
        "text": art.text,
        "quotations": [
            {"index": q.index, "start": q.start, "end": q.end, "closed": q.closed} for q in doc.quotations
        ],
        "sentences": sentences,
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "members": [{"article": m.article, "sentences": list(m.sentences)} for m in c.members],
        "score": _round(c.score),
        "differences": [
            {
                "kind": d.kind,
                "values": dict(d.values),
                "conflict": d.conflict,
                **({"note": d.note} if d.note else {}),
                **({"reason": d.reason} if d.reason else {}),
                "salience": _round(d.salience),
                **({"salience_reason": d.salience_reason} if d.salience_reason else {}),
                **(
                    {"spans": [{"article": a, "start": s, "end": e} for a, s, e in d.spans]}
                    if d.spans
                    else {}
                ),
            }
            for d in c.differences
        ],
        "reference": c.reference or None,
        "edits": [
            {
                "article": e.article,
                "op": e.op,
                "start": e.start,
                "end": e.end,
                **({"other": e.other} if e.other else {}),
            }
            for e in c.edits
        ],
        "firsthand": list(c.firsthand),
        "no_firsthand": bool(c.relays) and not c.firsthand,
        "relays": [
            {
                "article": r.article,
                "type": r.type,
                "source": r.source,
                "source_kind": r.source_kind,
                "via": [{"source": v.source, "source_kind": v.source_kind} for v in r.via],
            }
            for r in c.relays
        ],
    }


def to_dict(comparison: Comparison, at_a_glance: Glance | None = None) -> dict[str, Any]:
    """The JSON view's dict; ``at_a_glance`` saves working the glance out again (the HTML view has it)."""
    index = comparison.claim_index()
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "articles": [article_dict(doc, index) for doc in comparison.documents],
        "claims": [claim_dict(c) for c in comparison.claims],
        "unique": [
            {
                "article": u.article,
                "sentences": list(u.sentences),
                "details": [detail_dict(d) for d in u.details],
            }
            for u in comparison.unique
        ],
        "possible": [
            {"members": [{"article": a, "sentence": i} for a, i in m.members], "score": _round(m.score)}
            for m in comparison.possible
        ],
        "summary": summarize(comparison).as_dict(),
    }
    if comparison.provenance is not None:
        p = comparison.provenance
        out["provenance"] = {
            "edges": [
                {
                    "article": e.article,
                    "source": e.source,
                    "source_kind": e.source_kind,
                    "sentences": e.sentences,
                }
                for e in p.edges
            ],
            "relayed_share": {a: _round(x) for a, x in p.relayed_share},
        }
    out["glance"] = (at_a_glance or glance(comparison)).as_dict()
    return out
