"""The terminal view: the story at a glance first (agreement, conflicts, what one outlet alone says,
who relays whom), then the claims in story order with each outlet's wording under one another,
differences (conflicts first), relays, and what only one outlet has. Continuation lines hang under
their label. Article text is untrusted: control sequences are removed and bidi controls shown as
escapes, so no input can move the cursor, retitle the terminal, plant a link or reorder a line."""

from __future__ import annotations

import io
import re

from ..model import Claim, Comparison, Document, Sentence
from .glance import Glance, clip, glance, quote_tail, shown_edits, strength
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
    whereabouts,
)
from .summary import summarize

# Sources listed per outlet in the "who relays whom" block; the rest are counted.
PROVENANCE_SHOWN = 6
# Sources named in the glance, each with the outlets that rest on it.
GLANCE_SOURCES = 6
# An article's title in its heading is cut at a word before this many characters: two lines at 80
# columns. The corpus's 350 titles: median 69 characters, 95th percentile 194, longest 331; the long
# ones are a title glued to its lede by the page (newswcl50-7), which pushed the next outlet down.
HEADING_TITLE_CHARS = 160

# Styles per highlight kind; without colour the same marks still show through bold/underline.
STYLES = {
    "number": "bold cyan",
    "name": "bold magenta",
    "date": "bold green",
    "quote": "italic yellow",
    "hedge": "bold red",
    "edit": "underline",
}

# Escape sequences (ECMA-48): CSI, OSC, DCS and the other string controls (SOS, PM, APC), in their
# 7-bit (ESC-prefixed) and 8-bit forms, then any lone ESC pair; string controls end at BEL or ST.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Other C0/C1 controls (not tab or newline) and bidi controls (embeddings, overrides, isolates, marks).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control sequence and control character removed and each bidi control
    shown as ``<U+202E>``. Offsets are not kept: this is for display only."""
    text = _SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _sentence_text(doc: Document, s: Sentence, edits):
    """The sentence with its details and word edits styled; spans are mapped onto the cleaned text
    piece by piece, so a removed control never shifts a highlight."""
    from rich.text import Text

    base = s.start
    styles: list[tuple[int, int, str]] = []
    details = doc.details[s.index]
    for d in details:
        style = STYLES.get(d.kind)
        if style and d.start >= base and d.end <= s.end:
            styles.append((d.start - base, d.end - base, style))
    for e in edits:
        if e.article == doc.article.id and e.start >= base and e.end <= s.end:
            styles.append((e.start - base, e.end - base, STYLES["edit"]))
    cuts = sorted({0, len(s.text), *(a for a, _, _ in styles), *(b for _, b, _ in styles)})
    t = Text()
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = terminal_safe(" ".join(s.text[lo:hi].split("\n")))
        on = " ".join(st for a, b, st in styles if a <= lo and hi <= b)
        t.append(piece, style=on or None)
    return t


def _outlets(comparison: Comparison) -> dict[str, str]:
    return {d.article.id: terminal_safe(d.article.outlet) for d in comparison.documents}


def _print_glance(console, g: Glance, comparison: Comparison, width: int) -> None:
    from rich.text import Text

    name = _outlets(comparison)
    n = len(comparison.documents)
    console.rule(Text("At a glance", style="bold"))
    if g.headline:
        _hanging(console, "", Text(terminal_safe(g.headline), style="bold"), hang=0)
    if g.first_published:
        span = g.first_published + (
            f" to {g.last_published}" if g.last_published and g.last_published != g.first_published else ""
        )
        console.print(f"published {terminal_safe(span)}")
    if n == 1:
        _print_profile(console, g, name)
        return
    if g.agreed:
        who = f"All {n} outlets" if g.agreed_outlets == n else f"{g.agreed_outlets} of {n} outlets"
        head = Text(f"{who} report", style="bold")
        head.append(f" ({strength_counts(g)})", style="dim")
        _hanging(console, "", head + Text(":", style="bold"), hang=2)
        listed, weak = agreed_shown(g)
        claims = {c.id: c for c in comparison.claims}
        docs = {d.article.id: d for d in comparison.documents}
        for a in listed:
            body = Text(terminal_safe(a.gist), style="dim" if a.strength == "weak" else "")
            if tag := gist_tag(claims[a.claim], docs, a.gist):
                _tag(body, terminal_safe(tag))
            if a.strength != "strong":
                _tag(body, f"{a.strength} match", "yellow")
            _hanging(console, f"  {a.claim} ", body)
        if weak:
            _hanging(console, "  ", weak_note(weak), style="dim", hang=4)
        if g.agreed_total > len(g.agreed):
            console.print(f"  and {g.agreed_total - len(g.agreed)} more")
    else:
        console.print(Text("No two outlets carry the same claim.", style="bold"))
    if g.conflicts:
        console.print(Text(f"Conflicts ({len(g.conflicts)}):", style="bold red"))
        raw = {d.article.id: d.article.outlet for d in comparison.documents}
        for claim, kind, line, also in conflict_lines(comparison, raw):
            _print_difference(console, f"  {claim}{also_in(also)} {kind}: ", line, name)
    else:
        console.print(Text("No conflicting details.", style="bold"))
    if g.only:
        console.print(Text("Only one outlet says:", style="bold"))
        for aid, k, text in g.only:
            _hanging(console, f"  {name[aid]} ({k} sentence{'s' if k != 1 else ''}): ", terminal_safe(text))
        if maybe := sum(p for _a, _c, p in summarize(comparison).placed):
            _hanging(console, "  ", maybe_note(maybe), style="dim", hang=4)
    if g.sources:
        console.print(Text("Who relays whom:", style="bold"))
        for s in g.sources[:GLANCE_SOURCES]:
            by = ", ".join(f"{name[a]} {k}" for a, k in s.articles)
            kind = f" ({s.kind})" if s.kind else ""
            _hanging(console, "  ", f"{terminal_safe(s.label)}{kind} ×{s.sentences}: {by}", hang=4)
        if len(g.sources) > GLANCE_SOURCES:
            console.print(f"  and {len(g.sources) - GLANCE_SOURCES} more sources")


def _print_profile(console, g: Glance, name: dict[str, str]) -> None:
    """One article alone: what it states itself, what it relays and from whom, through whom."""
    from rich.text import Text

    _aid, own, total = g.firsthand[0]
    share = f" ({own / total:.0%})" if total else ""
    console.print(
        f"states {own} of {total} sentences itself{share}; {total - own} rest on a source or are hedged"
    )
    if g.sources:
        console.print(Text("It relays:", style="bold"))
        for s in g.sources:
            kind = f" ({s.kind})" if s.kind else ""
            part = f" ({s.sentences / total:.0%} of the article)" if total else ""
            many = "s" if s.sentences != 1 else ""
            _hanging(
                console, "  ", f"{terminal_safe(s.label)}{kind}: {s.sentences} sentence{many}{part}", hang=4
            )
    if g.chains:
        console.print(Text("Through whom:", style="bold"))
        for _a, chain, k in g.chains:
            _hanging(console, "  ", terminal_safe(" ← ".join(chain)) + f": {k}")


def _hanging(
    console, label: str, body, style: str = "", label_style: str = "", hang: int | None = None
) -> None:
    """``label`` then ``body`` (a string or rich Text); wrapped lines start under the body's first
    word, or ``hang`` columns in. A label wider than a third of the line goes on a line of its own."""
    from rich.text import Text

    text = body if isinstance(body, Text) else Text(body, style=style)
    first = len(label)
    if hang is None and first > console.width // 3:
        console.print(Text(label.rstrip(), style=label_style), soft_wrap=True)
        hang, label, first = len(label) - len(label.lstrip()) + 2, "", len(label) - len(label.lstrip()) + 2
    rest = first if hang is None else hang
    room = max(20, console.width - max(first, rest))
    kept = _kept(text, room)
    lines = _wrap_keeping(text, room, kept) if kept else list(text.wrap(console, room, overflow="fold"))
    for k, line in enumerate(lines):
        out = Text(label, style=label_style) if k == 0 and label else Text(" " * (first if k == 0 else rest))
        line.rstrip()
        out.append_text(line)
        console.print(out, soft_wrap=True)


# A tag ("[↪ Tomas Reyes (person)]", "[moderate match]") that fits on a line moves to the next line
# whole rather than break inside: "[↪ Della Marsh" at a line's end and "(person)]" under it read as
# two things, and "[↪" alone at a line's end as a stray mark (21 times in 11 reports at 100 columns).
# A longer tag may break, but never right after its arrow.
# The style every tag is printed in: how the wrapper finds them in a line's rich Text.
TAG_STYLES = frozenset({"dim yellow", "yellow"})


def _tag(body, text: str, style: str = "dim yellow") -> None:
    """Append a bracketed tag to ``body`` (rich Text) that the wrapper keeps whole (``_kept``)."""
    body.append(f" [{text}]", style=style)


def _kept(text, width: int) -> list[tuple[int, int]]:
    """The spans of ``text`` that a line must not break inside: each bracketed tag (its style is one
    of ``TAG_STYLES``) that fits in ``width`` cells, else its opening bracket with its first word."""
    from rich.cells import cell_len

    plain = text.plain
    out = []
    for span in text.spans:
        if str(span.style) not in TAG_STYLES:
            continue
        start = span.start + (len(plain[span.start : span.end]) - len(plain[span.start : span.end].lstrip()))
        end = span.end
        if not plain.startswith("[", start):
            continue
        if cell_len(plain[start:end]) > width:
            first = plain.find(" ", plain.find(" ", start) + 1, end)
            end = first if first > 0 else end
        out.append((start, end))
    return out


def _wrap_keeping(text, width: int, kept: list[tuple[int, int]]) -> list:
    """``text`` cut into lines of at most ``width`` cells at spaces, never inside a ``kept`` span;
    a word longer than the line is cut where the line ends (rich's "fold")."""
    from bisect import bisect_right

    from rich.cells import cell_len

    plain = text.plain
    inside = {i for a, b in kept for i in range(a, b)}
    breaks = [i for i, ch in enumerate(plain) if ch == " " and i not in inside]
    cuts: list[tuple[int, int]] = []  # (where a line ends, where the next starts)
    start = 0
    while cell_len(plain[start:]) > width:
        end = 0
        for b in breaks[bisect_right(breaks, start) :]:  # spaces after the line's start, in order
            if cell_len(plain[start:b]) > width:
                break
            end = b
        if not end:
            end = start + 1
            while end < len(plain) and cell_len(plain[start : end + 1]) <= width:
                end += 1
        start = end
        while start < len(plain) and plain[start] == " ":  # the next line starts at a word
            start += 1
        cuts.append((end, start))
    lines = []
    lo = 0
    for end, nxt in cuts:
        lines.append(text[lo:end])
        lo = nxt
    lines.append(text[lo:])
    return lines


def render_text(comparison: Comparison, width: int = 100, color: bool = False, brief: bool = False) -> str:
    """The comparison for a terminal; ``brief`` stops after the glance."""
    from rich.console import Console
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
    n = len(comparison.documents)
    console.rule(Text(f"storydiff: {n} article{'s' if n != 1 else ''}", style="bold"))
    for doc in comparison.documents:
        _print_article_heading(console, doc)
    console.print()
    _print_glance(console, glance(comparison), comparison, width)
    if not brief:
        _print_details(console, comparison, width)
    return buf.getvalue()


def _print_article_heading(console, doc: Document) -> None:
    """The outlet, its date, its length and its id on one line; the title under it, indented, so a
    long title never runs into the next outlet's line and the outlets line up on the left."""
    from rich.text import Text

    art = doc.article
    heading = Text(terminal_safe(art.outlet), style="bold")
    if art.published:
        heading.append(f"  {terminal_safe(art.published)}")
    n = len(doc.sentences)
    heading.append(f"  {n} sentence{'s' if n != 1 else ''}")
    heading.append(f"  [{terminal_safe(art.id)}]", style="dim")
    _hanging(console, "", heading, hang=2)
    if art.title:
        title = clip(" ".join(terminal_safe(art.title).split()), HEADING_TITLE_CHARS)
        _hanging(console, "  ", Text(title, style="italic"))


def _print_details(console, comparison: Comparison, width: int) -> None:
    from rich.text import Text

    docs = {d.article.id: d for d in comparison.documents}
    name = _outlets(comparison)
    summary = summarize(comparison)
    console.print()
    console.rule(Text("Claims", style="bold"))
    counts = (
        f"{summary.claims} claim{'s' if summary.claims != 1 else ''}: "
        f"{summary.claims_all} carried by all outlets, "
        f"{summary.claims_some} by some; {summary.conflicts} with conflicting details"
    )
    _hanging(console, "", counts, hang=2)
    # Where every sentence went, adding up to each article's length: the count of what one outlet
    # alone has hid that most of an article can sit in possible matches, listed nowhere else.
    possible = bool(comparison.possible)
    for a, total, claimed, maybe, only in summary.whereabouts():
        _hanging(console, "", whereabouts(name[a], total, claimed, maybe, only, possible), hang=4)
    if possible:
        _hanging(console, "", possible_note(len(comparison.possible)), style="dim", hang=2)
    relayed = ", ".join(f"{name[a]} {n}/{t}" for a, n, t in summary.relayed if t)
    if any(n for _, n, _ in summary.relayed):
        _hanging(console, "", f"second-hand sentences: {relayed}", hang=2)
    # The outlet column takes at most a quarter of the line; a longer name stacks (_print_claim).
    label_width = min(max((len(v) for v in name.values()), default=8) + 1, max(10, width // 4))
    for c in comparison.claims:
        _print_claim(console, c, docs, name, label_width)
        _print_maybe(console, c, comparison, docs, name)
    _print_unique(console, comparison, docs, name)
    _print_provenance(console, comparison, name)


def _print_claim(
    console, c: Claim, docs: dict[str, Document], name: dict[str, str], label_width: int
) -> None:
    from rich.text import Text

    console.print()
    outlets = ", ".join(name[m.article] for m in c.members)
    level = strength(c.score)
    head = Text(f"{c.id}", style="bold")
    if any(d.conflict for d in c.differences):
        head.append("  CONFLICT", style="bold red")
    carried = {m.article for m in c.members}
    # Every outlet carries it: say so rather than list the names that the heading already gives.
    who = f"all {len(docs)} outlets" if carried == set(docs) else f"{len(carried)} outlets ({outlets})"
    head.append(f"  {who}  ", style="dim")
    head.append(match_label(c.score, level), style="yellow" if level == "weak" else "dim")
    _hanging(console, "", head, hang=2)
    if level == "weak":
        _hanging(console, "  ", f"weak match: {STRENGTH_NOTES['weak']}", style="yellow", hang=4)
    edits = shown_edits(c, docs)
    # A name too long for the column (a narrow terminal) is never cut to "New York…", which could be
    # more than one outlet: the claim's names then go in full on lines of their own, text under them.
    stacked = any(len(name[m.article]) >= label_width for m in c.members)
    for m in c.members:
        doc = docs[m.article]
        body = Text()
        for k, si in enumerate(m.sentences):
            if k:
                body.append(" ")
            body.append_text(_sentence_text(doc, doc.sentences[si], edits))
            att = doc.attributions[si]
            if att is not None:
                _tag(body, terminal_safe(relay_tag(att)))
        if stacked:
            _hanging(console, " ", Text(name[m.article], style="bold"), hang=3)
            _hanging(console, "    ", body)
        else:
            _hanging(console, " " + name[m.article].ljust(label_width + 1), body, label_style="bold")
    shown, minor = ranked_differences(c)
    raw = {a: docs[a].article.outlet for a in docs}
    relays = relay_lines(c, docs)
    for d in shown:
        mark = "conflict" if d.conflict else "differs"
        style = "bold red" if d.conflict else "bold"
        if d.kind == "attribution" and relays:
            _print_relays(console, f"  {mark} {d.kind}:", d.salience_reason, relays, style)
        else:
            _print_difference(console, f"  {mark} {d.kind}: ", difference_line(d, c, raw), name, style)
    if minor:
        _hanging(console, "  ", f"minor differences ({len(minor)}):", style="dim")
    for d in minor:
        if d.kind == "attribution" and relays:
            _print_relays(console, f"    {d.kind}:", d.salience_reason, relays, "dim", "dim")
        else:
            _print_difference(console, f"    {d.kind}: ", difference_line(d, c, raw), name, "dim", "dim")
    for line, style in relays_after(c, docs, relays):
        _hanging(console, "  ", terminal_safe(line), style=style, hang=4)


# A possible match's sentence, after the outlet and score, is cut to this many characters: one line.
MAYBE_CHARS = 60


def _print_maybe(
    console, c: Claim, comparison: Comparison, docs: dict[str, Document], name: dict[str, str]
) -> None:
    """The outlets outside the claim that have a possible match with one of its sentences, each
    with the pair's probability and its sentence cut to a line: "2 outlets" may be three."""
    from rich.text import Text

    for a, i, score in maybe_elsewhere(c, comparison):
        body = Text(f"{name[a]} (possible match {score:.2f}, too unsure for the claim): ", style="dim")
        body.append(terminal_safe(clip(docs[a].sentences[i].text, MAYBE_CHARS)), style="dim")
        _hanging(console, "  maybe also in ", body, label_style="dim", hang=4)


def _print_relays(
    console, label: str, why: str, relays: list[tuple[str, str]], label_style: str, style: str = ""
) -> None:
    """An attribution difference, said once: its label and why it matters, then the claim's relay
    lines under it (who attributes it to whom, who states it as fact), in place of a list of values
    that would repeat them."""
    from rich.text import Text

    head = Text(label, style=label_style)
    if why:
        head.append(f" {terminal_safe(why)}", style="dim")
    indent = len(label) - len(label.lstrip()) + 2
    _hanging(console, "", head, hang=indent)
    for line, line_style in relays:
        _hanging(console, " " * indent, terminal_safe(line), style=style or line_style, hang=indent + 2)


def _print_difference(
    console, label: str, line: DifferenceLine, name: dict[str, str], label_style: str = "", style: str = ""
) -> None:
    """One difference: every outlet's value, then the claim's outlets that give none ("not given by
    HuffPost"), then why it matters, dimmed. On one line when all of it fits; else the label and the
    reason on a line, and each outlet's value on a line of its own under it."""
    from rich.text import Text

    parts = [f"{', '.join(name.get(a, a) for a in arts)}: {terminal_safe(v)}" for arts, v in line.groups]
    if line.absent:
        parts.append(f"{line.absent_label} {', '.join(name.get(a, a) for a in line.absent)}")
    why = terminal_safe(line.why)
    one = Text(" | ".join(parts), style=style)
    if why:
        one.append(f" ({why})", style="dim")
    if len(label) + one.cell_len <= console.width:
        _hanging(console, label, one, label_style=label_style)
        return
    indent = " " * (len(label) - len(label.lstrip()) + 2)
    head = Text()
    head.append(label.rstrip(), style=label_style or None)
    if why:
        head.append(f" {why}", style="dim")
    _hanging(console, "", head, hang=len(indent))
    for part in parts:
        _hanging(console, indent, part, style=style, hang=len(indent) + 2)


def _print_unique(console, comparison: Comparison, docs: dict[str, Document], name: dict[str, str]) -> None:
    from rich.text import Text

    single = len(comparison.documents) == 1
    only = [u for u in comparison.unique if u.sentences]
    if not only:
        return
    console.print()
    console.rule(Text("Sentences" if single else "Only in one outlet", style="bold"))
    for u in only:
        doc = docs[u.article]
        if not single:
            line = terminal_safe(summarize_unique(u, doc.article.outlet))
            _hanging(console, "", line, style="bold", hang=2)
        for si in u.sentences:
            body = _sentence_text(doc, doc.sentences[si], ())
            if quote_tail(doc, si):  # the tail of a quotation opened in the sentence before
                body = Text("… ", style="dim") + body
            att = doc.attributions[si]
            if att is not None:
                _tag(body, terminal_safe(relay_tag(att)))
            _hanging(console, "  • ", body)


def _print_provenance(console, comparison: Comparison, name: dict[str, str]) -> None:
    from rich.text import Text

    if not (comparison.provenance and comparison.provenance.edges):
        return
    console.print()
    console.rule(Text("Who relays whom, by outlet", style="bold"))
    shares = dict(comparison.provenance.relayed_share)
    for a, sources in provenance_by_article(comparison):
        shown = ", ".join(
            terminal_safe(src) + (f" ({kind})" if kind else "") + f" ×{n}"
            for src, kind, n in sources[:PROVENANCE_SHOWN]
        )
        more = f", and {len(sources) - PROVENANCE_SHOWN} more" if len(sources) > PROVENANCE_SHOWN else ""
        head = Text(f"{name[a]} ({shares.get(a, 0.0):.0%} second-hand): ", style="bold")
        _hanging(console, "", head + Text(shown + more), hang=2)
