"""Cues the narration states rather than relays. A reporting verb can sit in a part of the sentence
that only sets the scene for the outlet's own statement: a participle giving a reason ("He
resigned, citing his health"), a clause opened by "after", "when" or "whether" ("…, after the
mayor said in an interview that …"), a relative clause closing the sentence ("…, unlike the port
board, which said …"). With no quotation in the sentence, such a cue does not make the
sentence second-hand: gold-dev and gold-train read these sentences as the outlet's own (counts in
docs/attribution.md, round nine). The relation stays in ``relations()``, so PolNeAR still scores
its cue; only the sentence label changes.
"""

from __future__ import annotations

import re

from ..model import Sentence
from .cues import Relation
from .lexicon import CUE_AUX, CUE_LEMMA
from .sources import source_kind

__all__ = ["background"]

_QUOTED = re.compile(r"[\"“”«»]")

# Openers of a clause that sets the scene ("after the mayor said", "whether Mr. Vance told",
# "including that the chief insisted"), "in which …", and "as" when its verb has an object ("as
# lawmakers describe the bill as …"; "as the Ledger notes, …" relays). Not "because" ("because he
# said he would not") or "if".
_SCENE = frozenset({"after", "when", "whether", "including"})
_SCENE_REACH = 6  # words between the opener and the cue's subject


def background(rel: Relation, sentence: Sentence, text: str) -> bool:
    """Whether ``rel`` narrates scene or background in an unquoted sentence: a participle of a
    verb that is not itself saying after a comma, a cue in a clause opened by "after"/"when"/
    "whether"/"including", or a cue whose subject is "who"/"which" after a comma."""
    if _QUOTED.search(text, sentence.start, sentence.end):
        return False
    return (
        _reason_participle(rel, text)
        or _scene_clause(rel, sentence, text)
        or _closing_relative(rel, sentence, text)
    )


# Participles that give a reason, a charge, a demand or a conclusion the narration states ("He
# resigned, citing his health", "The party sued …, alleging that …", "…, demanding that the pier be
# rebuilt"). Verbs of saying or of voicing a view stay relays: "…, describing the plan as amnesty",
# "…, maintaining that", "…, suggesting that", "…, reminding him that" (read over the 110 events).
_NARRATING_ING = frozenset("cite answer allege charge accuse conclude demand".split())


# Verbs whose next words are what was said ("as they said the House should wait").
_SAYING = frozenset("say tell claim write add note insist argue explain state".split())


def _lemma(rel: Relation) -> str:
    words = [w.lower() for w in re.findall(r"[A-Za-z’'-]+", rel.cue)]
    head = next((w for w in words if w in CUE_LEMMA and w not in CUE_AUX), words[-1] if words else "")
    return CUE_LEMMA.get(head, "")


def _reason_participle(rel: Relation, text: str) -> bool:
    """ ", citing his health", ", alleging that …": after a comma, the -ing form of a verb in
    ``_NARRATING_ING``; "citing two officials" names a source and still relays."""
    lemma = _lemma(rel)
    if not re.search(r"ing\b", rel.cue) or lemma not in _NARRATING_ING:
        return False
    if not text[: rel.start].rstrip().endswith(","):
        return False
    if lemma == "cite":
        cited = re.match(r"\s*([^,;.]*?)(?=\s+(?:who|that|as)\b|[,;.]|$)", text[rel.end : rel.end + 120])
        return cited is None or source_kind(cited.group(1)) is None
    return True


def _scene_clause(rel: Relation, sentence: Sentence, text: str) -> bool:
    """The cue's subject comes within a few words of "after"/"when"/"whether"/"including" with
    no comma, semicolon or dash between: the clause is background to the main statement."""
    begin = min(rel.start, rel.source_start if rel.source_start is not None else rel.start)
    words = re.findall(r"[a-z’'-]+|[,;:—–()]", text[sentence.start : begin].lower())
    for n in range(len(words) - 1, max(-1, len(words) - 1 - _SCENE_REACH), -1):
        if words[n] in _SCENE:
            return True
        contentful = _lemma(rel) in _SAYING  # "as the mayor said he would": his words
        if words[n] == "which" and n > 0 and words[n - 1] in _PREPOSITIONS and not contentful:
            return True  # "In the meeting in which the mayor asked …, the men agreed"
        if words[n] == "as" and _has_object(rel, text, sentence.end) and not contentful:
            return True  # "as lawmakers describe the bill as …"; "as the Ledger notes, …" relays
        if not words[n][:1].isalpha():
            return False
    return False


_PREPOSITIONS = frozenset("in during at on from after before under".split())


def _has_object(rel: Relation, text: str, end: int) -> bool:
    """The cue goes on to an object: a lower-case word that is not "that" follows it."""
    m = re.match(r"\s+([a-z][\w’'-]*)", text[rel.end : end])
    return m is not None and m.group(1) not in _NO_OBJECT


# After the cue, words that open no object: "as first reported by", "as he said earlier".
_NO_OBJECT = frozenset("that on to in at from by with for about earlier last this yesterday today".split())


def _closing_relative(rel: Relation, sentence: Sentence, text: str) -> bool:
    """ "…, unlike the ferry crews, who said the quay was unsafe.": a "who"/"which"
    clause after the main clause, the cue its verb."""
    if rel.source_start is None or rel.source_end is None:
        return False
    if text[rel.source_start : rel.source_end].lower() not in {"who", "which"}:
        return False  # the source is the antecedent, its span the relative pronoun
    before = text[sentence.start : rel.source_start].rstrip()
    return before.endswith(",") and len(before.split()) > 3
