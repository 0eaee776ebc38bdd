"""Split an article into sentences with character spans, paragraphs and quotation scope.

syntok does the sentence splitting, paragraph by paragraph; this module repairs the few news
patterns it gets wrong (a title abbreviation such as "Gov." before a name) and finds quoted
passages, which may run over several sentences and paragraphs.
"""

from __future__ import annotations

import re

from .model import Article, Document, Options, Quotation, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

# Abbreviations that precede a name or a number and never end a sentence in news copy. syntok
# splits after some of them ("met Gov. | Jones"); a split there is undone.
_NEVER_FINAL = re.compile(
    r"(?:\b(?:Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Dr|Mr|Mrs|Ms|Prof|Rev|Hon|"
    r"Atty|Supt|Det|Insp|Pres|Gov|St|Mt|Ft|No|Nos|Vol|Art|Sec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Fig|approx|vs|v)\.)$"
)

 # A sentence that opens with a closing quotation mark and a lower-case word continues the last one.
_ATTRIBUTION_TAIL = re.compile(r"[\"”’']\s*[a-z]")

_OPENERS = "“‘«"
_CLOSERS = "”’»"
_DOUBLE = '"“”«»'
_WORDISH = re.compile(r"\w", re.U)


def segment(article: Article, options: Options | None = None) -> Document:
    """Article -> Document with sentences (spans, paragraph, quotation) and quotations."""
    text = article.text
    paragraphs = list(paragraph_spans(text, article.body_start))
    quotations = find_quotations(text, paragraphs)
    spans: list[tuple[int, int, int]] = []
    for p, (start, end) in enumerate(paragraphs):
        spans.extend((s, e, p) for s, e in split_sentences(text, start, end))
    sentences = []
    for i, (s, e, p) in enumerate(spans):
        touched = tuple(q.index for q in quotations if q.start < e and s < q.end)
        inside = next((q.index for q in quotations if q.start <= s and e <= q.end), None)
        sentences.append(
            Sentence(
                article=article.id,
                index=i,
                start=s,
                end=e,
                text=text[s:e],
                paragraph=p,
                quotation=inside,
                quotations=touched,
            )
        )
    return Document(article=article, sentences=tuple(sentences), quotations=quotations)


def paragraph_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Non-blank paragraphs of ``text[start:]``, separated by blank lines, trimmed of spaces."""
    out = []
    pos = start
    for m in [*_PARAGRAPH_BREAK.finditer(text, start), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped and _WORDISH.search(stripped):
            lead = len(chunk) - len(chunk.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        if m:
            pos = m.end()
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph ``text[start:end]``."""
    from syntok import segmenter

    chunk = text[start:end]
    raw: list[tuple[int, int]] = []
    for para in segmenter.analyze(chunk):
        for sent in para:
            if not sent:
                continue
            s = sent[0].offset
            last = sent[-1]
            e = last.offset + len(last.value)
            raw.append((start + s, start + min(e, len(chunk))))
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged and _should_merge(text, merged[-1], (s, e)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    # Stretch each sentence over closing quote marks and brackets that syntok left outside.
    out = []
    for i, (s, e) in enumerate(merged):
        limit = merged[i + 1][0] if i + 1 < len(merged) else end
        while e < limit and text[e] in "\"'”’»)]":
            e += 1
        out.append((s, e))
    return [(s, e) for s, e in out if _WORDISH.search(text[s:e])]


def _should_merge(text: str, prev: tuple[int, int], cur: tuple[int, int]) -> bool:
    before = text[prev[0]:prev[1]]
    after = text[cur[0]:cur[1]]
    if not _WORDISH.search(after):
        return True  # a stray closing mark or dash
    if _NEVER_FINAL.search(before) and (after[:1].isupper() or after[:1].isdigit()):
        return True
    # '… North Korea! " he tweeted.': a closing mark then a lower-case reporting clause.
    return bool(_ATTRIBUTION_TAIL.match(after))


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> tuple[Quotation, ...]:
    """Quoted passages. A quote left open at a paragraph's end continues when the next paragraph
    opens with a quotation mark (the news convention for multi-paragraph quotes)."""
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    open_kind = ""
    for pi, (ps, pe) in enumerate(paragraphs):
        i = ps
        continuing = open_at is not None
        while i < pe:
            ch = text[i]
            if ch in _DOUBLE or ch in "‘’'":
                kind = "double" if ch in _DOUBLE else "single"
                role = _mark_role(text, i, ps, pe)
                if open_at is None:
                    if role == "open" and (kind == "double" or ch in "‘'"):
                        open_at, open_kind = i, kind
                elif kind == open_kind:
                    if continuing and i == ps and role == "open":
                        pass  # the opening mark of a continued paragraph
                    elif role == "close":
                        found.append((open_at, i + 1, True))
                        open_at = None
                continuing = False
            elif not ch.isspace():
                continuing = False
            i += 1
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            opens_next = nxt is not None and text[nxt[0]] in (_DOUBLE if open_kind == "double" else "‘'")
            if not opens_next:
                found.append((open_at, pe, False))
                open_at = None
    return tuple(Quotation(index=n, start=s, end=e, closed=c) for n, (s, e, c) in enumerate(found))


def _mark_role(text: str, i: int, ps: int, pe: int) -> str:
    """'open', 'close' or '' for the quotation mark at ``text[i]`` from its neighbours."""
    ch = text[i]
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    if ch in _OPENERS:
        return "open"
    if ch in "”»":
        return "close"
    if ch in "’'" and prev.isalnum() and nxt.isalpha():
        return ""  # an apostrophe: don't, Kim's
    before_ok = prev.isspace() or prev in "([{—–-:;,/" or prev in _OPENERS or i == ps
    after_ok = nxt.isspace() or nxt in ".,;:!?)]}—–-" or nxt in _CLOSERS or i + 1 == pe
    if ch == "’":
        return "close" if after_ok and not prev.isspace() else ""
    if before_ok and not nxt.isspace():
        return "open"
    if after_ok and not prev.isspace():
        return "close"
    return ""
