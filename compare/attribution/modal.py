"""Modal speculation: the outlet guessing in its own voice ("its 29 electoral votes could swing the
election", "States might also respond"), which gold marks hedged.

Only a modal of the main clause counts. A modal inside a subordinate or relative clause ("so that
he could be given", "information that could", "worried that Trump could"), a coordinated verb with
no subject of its own ("…, but may be required to"), a negated modal ("could not be reached") and
the words of a quotation are left alone. Fitted leave-one-event-out over the 17 gold events
(docs/attribution.md, round eight): "could", "might" and "may" were each tried.
"""

from __future__ import annotations

import re

__all__ = ["MODALS", "modal_hedge"]

# The modals that mark speculation; chosen leave-one-event-out from (), ("could",),
# ("could", "might") and ("could", "might", "may") — all 17 held-out events chose the last.
MODALS: tuple[str, ...] = ("could", "might", "may")

# Words that open a clause below the main one, or a verb of belief whose object clause follows
# ("has reason to believe Trump might").
_SUBORDINATE = frozenset(
    "that which who whom whose if whether so because when while although though unless should where "
    "what until once before after since as meaning worried believe believes suspect fear fears "
    "concern".split()
)
_CONJUNCTIONS = frozenset("and but or yet so then also even".split())
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\s-\s")
_WORD = re.compile(r"[A-Za-z'’]+")


def _modal_re(modals: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, modals))
    return re.compile(rf"\b(?:{words})\b(?!\s+not\b|n['’]t)")


def _main_clause(before: str) -> bool:
    """Whether a modal right after ``before`` (the sentence up to it) belongs to the main clause."""
    segments = _CLAUSE_BREAK.split(before)
    segment = segments[-1]
    if not segment.strip() and len(segments) >= 3:
        segment = segments[-3]  # an aside closed just before the modal: "The ad, paid for by X, could"
    words = [w.lower() for w in _WORD.findall(segment)]
    if not [w for w in words if w not in _CONJUNCTIONS]:
        return False  # "…, but may be": a verb coordinated with the clause before
    return not _SUBORDINATE.intersection(words)


def modal_hedge(
    text: str, start: int, end: int, modals: tuple[str, ...] | None = None
) -> tuple[str, int, int] | None:
    """The first modal of speculation in the main clause of ``text[start:end]``, as (word, start,
    end), or None. Lower-case only, so "May" (a name, a month) never counts."""
    chosen = MODALS if modals is None else modals
    if not chosen:
        return None
    sentence = _QUOTED.sub(lambda m: " " * len(m.group()), text[start:end])
    for m in _modal_re(chosen).finditer(sentence):
        if _main_clause(sentence[: m.start()]):
            return m.group(), start + m.start(), start + m.end()
    return None
