"""The Markdown view: overview, conflicts first, then every claim; for pasting into notes or issues."""

from __future__ import annotations

import re

from ..model import Claim, Comparison, Document
from .glance import clip, glance, quote_tail, strength
from .labels import (
    STRENGTH_NOTES,
    DifferenceLine,
    agreed_shown,
    also_in,
    conflict_lines,
    difference_line,
    gist_tag,
    match_label,
    maybe_elsewhere,
    maybe_note,
    possible_note,
    provenance_by_article,
    ranked_differences,
    relay_lines,
    relay_tag,
    relays_after,
    strength_counts,
    summarize_unique,
    weak_note,
)
from .summary import summarize

# Characters with a meaning in Markdown (CommonMark and GFM tables); each is backslash-escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
# Controls (C0, C1) and bidi controls: dropped or shown as escapes, never passed to a renderer.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Sources named in the glance.
GLANCE_SOURCES = 6
# A possible match's sentence is cut to this many characters, as in the terminal.
MAYBE_CHARS = 60


def _md(text: str | None) -> str:
    """Escape Markdown syntax and fold newlines, so article text cannot break the layout: no raw
    HTML, no link, no table cell break, no line break; bidi controls shown as escapes."""
    out = " ".join(_CONTROL.sub(" ", text or "").split())
    out = _SPECIAL.sub(r"\\\1", out)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>".replace("<", "\\<").replace(">", "\\>"), out)


def _link_target(url: str | None) -> str | None:
    """An http(s) URL as a Markdown link destination, or None: article metadata is untrusted, so a
    ``javascript:`` URL or one that would break out of the link is not linked."""
    if not url or not re.match(r"https?://", url, re.I) or re.search(r"[\s<>]", url):
        return None
    if _CONTROL.search(url) or _BIDI.search(url):
        return None
    return "<" + url.replace("|", "%7C").replace("\\", "%5C") + ">"  # a pipe would split the table cell


def _glance_lines(comparison: Comparison) -> list[str]:
    g = glance(comparison)
    name = {d.article.id: _md(d.article.outlet) for d in comparison.documents}
    n = len(comparison.documents)
    lines = ["## At a glance", ""]
    if g.headline:
        lines += [f"**{_md(g.headline)}**", ""]
    if g.first_published:
        last = (
            f" to {_md(g.last_published)}"
            if g.last_published and g.last_published != g.first_published
            else ""
        )
        lines += [f"Published {_md(g.first_published)}{last}.", ""]
    if n == 1:
        _aid, own, total = g.firsthand[0]
        lines += [
            f"States {own} of {total} sentences itself; {total - own} rest on a source or are hedged.",
            "",
        ]
        lines += [
            f"- relays **{_md(x.label)}**{f' ({x.kind})' if x.kind else ''}: {x.sentences}" for x in g.sources
        ]
        lines += [f"- through {_md(' ← '.join(ch))}: {k}" for _a, ch, k in g.chains]
        return [*lines, ""] if g.sources or g.chains else lines
    if g.agreed:
        who = f"All {n} outlets" if g.agreed_outlets == n else f"{g.agreed_outlets} of {n} outlets"
        lines += [f"**{who} report** ({strength_counts(g)}):", ""]
        claims = {c.id: c for c in comparison.claims}
        docs = {d.article.id: d for d in comparison.documents}
        for a in agreed_shown(g)[0]:
            tag = gist_tag(claims[a.claim], docs, a.gist)
            lines.append(
                f"- {a.claim}: {_md(a.gist)}"
                + (f" _{_md('[' + tag + ']')}_" if tag else "")
                + ("" if a.strength == "strong" else f" _({a.strength} match)_")
            )
        if weak := agreed_shown(g)[1]:
            lines.append(f"- {weak_note(weak)}")
        if g.agreed_total > len(g.agreed):
            lines.append(f"- and {g.agreed_total - len(g.agreed)} more")
        lines.append("")
    if g.conflicts:
        lines += ["**Conflicts:**", ""]
        raw = {d.article.id: d.article.outlet for d in comparison.documents}
        for claim, kind, line, also in conflict_lines(comparison, raw):
            lines.append(f"- **{claim}**{also_in(also)} {kind}: {_difference(line, name)}")
        lines.append("")
    else:
        lines += ["No conflicting details.", ""]
    if g.only:
        lines += ["**Only one outlet says:**", ""]
        for art, k, text in g.only:
            lines.append(f"- {name[art]} ({k} sentence{'s' if k != 1 else ''}), such as: {_md(text)}")
        if maybe := sum(p for _a, _c, p in summarize(comparison).placed):
            lines.append(f"- _{maybe_note(maybe)}_")
        lines.append("")
    if g.sources:
        lines += ["**Who relays whom:**", ""]
        for src in g.sources[:GLANCE_SOURCES]:
            by = ", ".join(f"{name[a]} {k}" for a, k in src.articles)
            lines.append(f"- {_md(src.label)}{f' ({src.kind})' if src.kind else ''} ×{src.sentences}: {by}")
        lines.append("")
    return lines


def _difference(line: DifferenceLine, name: dict[str, str]) -> str:
    """'HuffPost: “on Wednesday”; not given by Fox News _(a date only some give)_', escaped;
    ``name`` maps article ids to escaped outlet names."""
    parts = [f"{', '.join(name.get(a, _md(a)) for a in arts)}: “{_md(v)}”" for arts, v in line.groups]
    if line.absent:
        parts.append(f"{line.absent_label} {', '.join(name.get(a, _md(a)) for a in line.absent)}")
    return "; ".join(parts) + (f" _({_md(line.why)})_" if line.why else "")


def _claim_differences(
    c: Claim, docs: dict[str, Document], raw: dict[str, str], name: dict[str, str]
) -> list[str]:
    """A claim's differences as list items, then its relay lines; an attribution difference is
    said once, as the relay lines nested under its label and reason."""
    relays_raw = relay_lines(c, docs)
    relays = [_md(text) for text, _style in relays_raw]
    shown, minor = ranked_differences(c)
    lines = []
    for d in shown:
        head = f"- {'conflict' if d.conflict else 'differs'} ({d.kind})"
        if d.kind == "attribution" and relays:
            lines.append(head + (f" _({_md(d.salience_reason)})_" if d.salience_reason else "") + ":")
            lines += [f"  - {text}" for text in relays]
        else:
            lines.append(f"{head}: {_difference(difference_line(d, c, raw), name)}")
    if minor:
        lines.append(f"- minor differences ({len(minor)}):")
    for d in minor:
        if d.kind == "attribution" and relays:
            lines.append(
                f"  - {d.kind}" + (f" _({_md(d.salience_reason)})_" if d.salience_reason else "") + ":"
            )
            lines += [f"    - {text}" for text in relays]
        else:
            lines.append(f"  - {d.kind}: {_difference(difference_line(d, c, raw), name)}")
    after = [f"- {_md(text)}" for text, _style in relays_after(c, docs, relays_raw)]
    if not lines and not after:
        return []
    # A list of its own under a label: nested under the last outlet's item, the differences read
    # as that outlet's.
    label = "What differs" if not after else "Who says it" if not lines else "What differs, who says it"
    return ["", f"_{label}:_", "", *lines, *after]


def _maybe_lines(c: Claim, comparison: Comparison, name: dict[str, str]) -> list[str]:
    """The outlets outside the claim with a possible match to one of its sentences, each with the
    pair's probability and its sentence (the terminal's "maybe also in" lines)."""
    docs = {d.article.id: d for d in comparison.documents}
    return [
        f"- {name[a]} (possible match {score:.2f}, too unsure for the claim): "
        f"{_md(clip(docs[a].sentences[i].text, MAYBE_CHARS))}"
        for a, i, score in maybe_elsewhere(c, comparison)
    ]


def render_markdown(comparison: Comparison, brief: bool = False) -> str:
    """The comparison as Markdown; ``brief`` stops after the glance."""
    docs = {d.article.id: d for d in comparison.documents}
    s = summarize(comparison)
    lines = ["# storydiff comparison", "", *_glance_lines(comparison)]
    if brief:
        return "\n".join(lines).rstrip() + "\n"
    lines += [
        "## Outlets",
        "",
        "| outlet | title | published | sentences | in claims | possible match only | only here | relayed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    where = {a: (c, m, o) for a, _t, c, m, o in s.whereabouts()}
    rel = {a: n for a, n, _ in s.relayed}
    for doc in comparison.documents:
        art = doc.article
        url = _link_target(art.url)
        title = f"[{_md(art.title or art.url)}]({url})" if url else _md(art.title or art.url)
        cells = [_md(art.outlet), title, _md(art.published), str(len(doc.sentences))]
        cells += [*map(str, where.get(art.id, (0, 0, dict(s.unique).get(art.id, 0)))), str(rel[art.id])]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"**{s.claims} claim{'s' if s.claims != 1 else ''}**: "
        f"{s.claims_all} carried by all outlets, {s.claims_some} by some; "
        f"**{s.conflicts}** with conflicting details.",
        "",
    ]
    if comparison.possible:
        lines += [f"_{possible_note(len(comparison.possible))}_", ""]
    lines += ["## Claims", ""]
    raw = {a: d.article.outlet for a, d in docs.items()}
    name = {a: _md(o) for a, o in raw.items()}
    for c in comparison.claims:
        level = strength(c.score)
        lines.append(f"### {c.id} ({len(c.members)} outlets, {match_label(c.score, level)})")
        lines.append("")
        if level == "weak":
            lines += [f"_Weak match: {STRENGTH_NOTES['weak']}._", ""]
        for m in c.members:
            doc = docs[m.article]
            text = " ".join(doc.sentences[i].text for i in m.sentences)
            badges = [relay_tag(att) for i in m.sentences if (att := doc.attributions[i]) is not None]
            badge = f" _{_md('[' + '; '.join(badges) + ']')}_" if badges else ""
            lines.append(f"- **{_md(doc.article.outlet)}**: {_md(text)}{badge}")
        lines += _claim_differences(c, docs, raw, name)
        if maybe := _maybe_lines(c, comparison, name):
            lines += ["", "_Maybe also in:_", "", *maybe]
        lines.append("")
    only = [u for u in comparison.unique if u.sentences]
    if only:
        lines += ["## Only in one outlet", ""]
        for u in only:
            doc = docs[u.article]
            lines.append(f"### {_md(doc.article.outlet)}")
            lines.append("")
            lines.append(_md(summarize_unique(u, "")))
            lines.append("")
            for i in u.sentences:
                att = doc.attributions[i]
                badge = f" _{_md('[' + relay_tag(att) + ']')}_" if att is not None else ""
                tail = "… " if quote_tail(doc, i) else ""  # a quotation opened in the sentence before
                lines.append(f"- {tail}{_md(doc.sentences[i].text)}{badge}")
            lines.append("")
    if comparison.provenance and comparison.provenance.edges:
        lines += ["## Who relays whom", ""]
        shares = dict(comparison.provenance.relayed_share)
        for a, sources in provenance_by_article(comparison):
            listed = ", ".join(f"{_md(src)}{f' ({kind})' if kind else ''} ×{n}" for src, kind, n in sources)
            lines.append(
                f"- **{_md(docs[a].article.outlet)}** ({shares.get(a, 0.0):.0%} second-hand): {listed}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
