"""The Markdown view: overview, conflicts first, then every claim; for pasting into notes or issues."""

from __future__ import annotations

import re

from ..model import Comparison
from .labels import possible_note, provenance_by_article, relay_label, relay_lines, summarize_unique
from .summary import summarize


def _md(text: str) -> str:
    """Escape Markdown syntax and fold newlines, so article text cannot break the layout."""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def _link_target(url: str | None) -> str | None:
    """An http(s) URL as a Markdown link destination, or None: article metadata is untrusted, so a
    ``javascript:`` URL or one that would break out of the link is not linked."""
    if not url or not re.match(r"https?://", url, re.I) or re.search(r"[\s<>]", url):
        return None
    return f"<{url}>"


def render_markdown(comparison: Comparison) -> str:
    docs = {d.article.id: d for d in comparison.documents}
    s = summarize(comparison)
    lines = [
        "# storydiff comparison",
        "",
        "| outlet | title | published | sentences | only here | relayed |",
        "|---|---|---|---|---|---|",
    ]
    uniq = dict(s.unique)
    rel = {a: n for a, n, _ in s.relayed}
    for doc in comparison.documents:
        art = doc.article
        url = _link_target(art.url)
        title = f"[{_md(art.title or '')}]({url})" if url else _md(art.title or "")
        cells = [_md(art.outlet), title, art.published or "", str(len(doc.sentences))]
        cells += [str(uniq[art.id]), str(rel[art.id])]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"**{s.claims} claims**: {s.claims_all} carried by all outlets, {s.claims_some} by some; "
        f"**{s.conflicts}** with conflicting details.",
        "",
    ]
    conflicts = [c for c in comparison.claims if any(d.conflict for d in c.differences)]
    if conflicts:
        lines += ["## Conflicts", ""]
        for c in conflicts:
            for d in c.differences:
                if d.conflict:
                    vals = "; ".join(f"{_md(docs[a].article.outlet)}: “{_md(v)}”" for a, v in d.values)
                    lines.append(f"- **{c.id}** {d.kind}: {vals}")
        lines.append("")
    lines += ["## Claims", ""]
    for c in comparison.claims:
        lines.append(f"### {c.id} ({len(c.members)} outlets)")
        lines.append("")
        for m in c.members:
            doc = docs[m.article]
            text = " ".join(doc.sentences[i].text for i in m.sentences)
            badges = [relay_label(att) for i in m.sentences if (att := doc.attributions[i]) is not None]
            badge = f" _({_md('; '.join(badges))})_" if badges else ""
            lines.append(f"- **{_md(doc.article.outlet)}**: {_md(text)}{badge}")
        diffs = sorted(c.differences, key=lambda d: (not d.conflict, d.kind))
        for d in diffs:
            vals = "; ".join(f"{_md(docs[a].article.outlet)}: {_md(v)}" for a, v in d.values)
            lines.append(f"  - {'conflict' if d.conflict else 'differs'} ({d.kind}): {vals}")
        for text, _style in relay_lines(c, docs):
            lines.append(f"  - {_md(text)}")
        lines.append("")
    only = [u for u in comparison.unique if u.sentences]
    if only:
        lines += ["## Only in one outlet", ""]
        for u in only:
            doc = docs[u.article]
            lines.append(f"### {_md(doc.article.outlet)}")
            lines.append("")
            lines.append(_md(summarize_unique(u, doc.article.outlet)))
            lines.append("")
            for i in u.sentences:
                lines.append(f"- {_md(doc.sentences[i].text)}")
            lines.append("")
    if comparison.possible:
        lines += [f"_{possible_note(len(comparison.possible))}_", ""]
    if comparison.provenance and comparison.provenance.edges:
        lines += ["## Who relays whom", ""]
        shares = dict(comparison.provenance.relayed_share)
        for a, sources in provenance_by_article(comparison):
            shown = ", ".join(f"{_md(src)}{f' ({kind})' if kind else ''} ×{n}" for src, kind, n in sources)
            lines.append(
                f"- **{_md(docs[a].article.outlet)}** ({shares.get(a, 0.0):.0%} second-hand): {shown}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
