"""Word-level differences between the aligned sentences of a claim, as spans.

rapidfuzz's Indel opcodes run on token lists (words only, lower-cased, curly apostrophes and
hyphenated words split), so punctuation-only and case-only changes never show. A delete next to an
insert becomes one replacement, and two edits separated by a single function word merge, so the
highlight covers a phrase rather than a scatter of words. Every edit is a span of the member's
article text, so the terminal, Markdown and HTML views highlight from the same data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..model import Claim, Document, WordEdit

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Equal words this short and this common do not split one edit into two ("the", "of", "a").
_GLUE = frozenset({"a", "an", "the", "of", "to", "and", "in", "on", "at", "for", "by", "with", "that", "is"})


class Token(NamedTuple):
    """A word of a member's sentence (a tuple: built for every word of every claim member, it
    costs a seventh of a frozen dataclass's construction; docs/speed.md)."""

    norm: str
    start: int  # article offsets
    end: int
    segment: int  # which sentence of the member the token is in


def tokenize(text: str, start: int = 0, end: int | None = None, segment: int = 0) -> list[Token]:
    """Word tokens of text[start:end] with article offsets."""
    end = len(text) if end is None else end
    return [
        Token(_normalise(m.group()), start + m.start(), start + m.end(), segment)
        for m in _WORD.finditer(text[start:end])
    ]


def _normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def diff_tokens(reference: Sequence[Token], member: Sequence[Token]) -> list[tuple[str, int, int, int, int]]:
    """(op, ref_start, ref_end, mem_start, mem_end) token-index edits; op is insert|delete|replace."""
    from rapidfuzz.distance import Indel

    ops = Indel.opcodes([t.norm for t in reference], [t.norm for t in member])
    blocks: list[list] = []  # runs of equal ops and merged change ops
    for op in ops:
        change = op.tag != "equal"
        if blocks and change and blocks[-1][0] != "equal":
            prev = blocks[-1]
            prev[0] = prev[0] if prev[0] == op.tag else "replace"
            prev[2], prev[4] = op.src_end, op.dest_end
        else:
            blocks.append([op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end])
    merged: list[list] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        glue = (
            block[0] == "equal"
            and block[2] - block[1] == 1
            and reference[block[1]].norm in _GLUE
            and merged
            and merged[-1][0] != "equal"
            and i + 1 < len(blocks)
        )
        if glue:
            nxt = blocks[i + 1]
            merged[-1] = ["replace", merged[-1][1], nxt[2], merged[-1][3], nxt[4]]
            i += 2
            continue
        merged.append(block)
        i += 1
    out = []
    for tag, a, b, c, d in merged:
        if tag == "equal":
            continue
        if a == b:
            tag = "insert"
        elif c == d:
            tag = "delete"
        out.append((tag, a, b, c, d))
    return out


def word_edits(
    article: str, text: str, reference_text: str, reference: Sequence[Token], member: Sequence[Token]
) -> tuple[WordEdit, ...]:
    """WordEdits for ``member`` (tokens of ``text``) against ``reference`` (tokens of ``reference_text``).

    Words the reference has and the member lacks have no span in the member and are left out; a
    replacement carries the reference's wording in ``other``. Edits never cross a sentence boundary.
    """
    out = []
    for tag, a, b, c, d in diff_tokens(reference, member):
        if tag == "delete":
            continue
        other = ""
        if tag == "replace":
            other = reference_text[reference[a].start : reference[b - 1].end]
        for seg_start, seg_end in _segments(member, c, d):
            out.append(WordEdit(article, tag, member[seg_start].start, member[seg_end - 1].end, other))
    return tuple(out)


def _segments(tokens: Sequence[Token], c: int, d: int) -> list[tuple[int, int]]:
    spans = []
    start = c
    for i in range(c + 1, d):
        if tokens[i].segment != tokens[i - 1].segment:
            spans.append((start, i))
            start = i
    spans.append((start, d))
    return spans


def similarity(a: Sequence[Token], b: Sequence[Token]) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity([t.norm for t in a], [t.norm for t in b])


def claim_edits(
    claim: Claim, documents: Mapping[str, Document], positions: Mapping[str, Mapping[int, int]] | None = None
) -> tuple[str, tuple[WordEdit, ...]]:
    """(reference article, edits of every other member) for one claim. ``positions`` maps each
    article's sentence indexes to their place in ``Document.sentences`` (built per claim if absent).

    The reference is the member most similar to all the others (the medoid), so each member's
    edits show how it departs from the most typical wording; ties go to the first member.
    """
    tokens: dict[str, list[Token]] = {}
    for member in claim.members:
        if member.article not in documents:
            continue
        doc = documents[member.article]
        position = positions.get(member.article) if positions is not None else None
        if position is None:
            position = {s.index: k for k, s in enumerate(doc.sentences)}
        toks: list[Token] = []
        for seg, index in enumerate(sorted(member.sentences)):
            if index not in position:
                continue
            sentence = doc.sentences[position[index]]
            toks.extend(tokenize(doc.article.text, sentence.start, sentence.end, seg))
        tokens[member.article] = toks
    articles = [m.article for m in claim.members if m.article in tokens]
    if len(articles) < 2:
        return (articles[0] if articles else ""), ()
    scores = {a: sum(similarity(tokens[a], tokens[b]) for b in articles if b != a) for a in articles}
    reference = max(articles, key=lambda a: (scores[a], -articles.index(a)))
    ref_text = documents[reference].article.text
    edits: list[WordEdit] = []
    for a in articles:
        if a != reference:
            edits.extend(word_edits(a, documents[a].article.text, ref_text, tokens[reference], tokens[a]))
    return reference, tuple(edits)
