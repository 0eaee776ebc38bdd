"""Reporting cues in one sentence: the cue ("said", "told", "according to", "writes that:"), the
source phrase before or after it, and any outlet relaying it ("told Reuters", "The Daily Mail
reports him as saying"). Rules over a light tokenisation, no parser. The word lists and tokens are
in ``cue_lexicon`` (lists in data/cue_words.txt), the noun phrases around a cue in
``cue_phrases``; the document-level work (pronouns, quotation scope, kinds, chains) is in
``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lexicon import DATELINE
from .lexicon import (
    _AUX,
    _BELIEF,
    _BREAK,
    _CUE_AUX,
    _CUE_LEMMA,
    _DAYS,
    _DETERMINERS,
    _FOLLOWING_VERB,
    _LEXICON,
    _MEDIUM,
    _NOUNISH,
    _PARTICIPLES,
    _PARTICLE_ONLY,
    _PARTICLES,
    _PASSIVE_AUX,
    _RELATIVE,
    _SPEECH,
    _SPEECH_LEMMAS,
    _STRICT,
    _SUBJECT_PRONOUNS,
    _TRAILING,
    FIRST_PERSON,
    PRONOUNS,
    TITLES,
    Phrase,
    _forms,
    _is_quote,
    _plural,
    _Tok,
    _tokens,
    _verbish,
)
from .phrases import (
    _after_determiner,
    _agent_of,
    _appositive,
    _as_saying,
    _is_label,
    _name_forward,
    _name_list,
    _np_back,
    _np_forward,
    _object_past,
    _parenthesised,
    _quote_follows,
    _skip_aux_back,
    _strict_ok,
    _subject_only,
    _title_case,
    _trailing_appositive,
)

__all__ = ["FIRST_PERSON", "PRONOUNS", "TITLES", "Relation", "find_relations", "hedges"]


_CUE_LEMMA.update({f: lemma for lemma in _SPEECH.split() for f in _forms(lemma)})


_CUE_LEMMA.update({f: "call" for f in _forms("call")})


_CUE_LEMMA.update({"went": "go", "gone": "go", "goes": "go"})


# Hedges: relaying with no source. "according to reports" is hedged; "according to sources" is
# attributed to an anonymous source.
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red|apparently|(?:most|very|more\s+than)\s+likely|"
    r"(?:will|would|could)\s+likely|it\s+is\s+(?:un)?likely|probably|possibly|"
    r"(?:is|are|was|were|be)\s+(?:widely\s+|also\s+)?(?:expected|likely|unlikely|set)\s+to|(?:seems|seemed|appears|appeared)\s+to|"
    r"(?:is|are|was|were|been)\s+(?:widely\s+)?(?:said|reported|believed|alleged|rumou?red|thought|understood)\s+to|"
    r"it\s+(?:is|was|has\s+been)\s+(?:widely\s+)?(?:assumed|believed|understood|reported|alleged|rumou?red|claimed|said)|"
    r"according\s+to\s+(?:(?:unconfirmed|media|press|news|local|several|some|other|multiple)\s+)*reports|"
    r"(?:media|press|news|unconfirmed)\s+reports\s+(?:say|said|suggest|suggested|claim|claimed|indicate)|"
    r"there\s+(?:are|were)\s+(?:unconfirmed\s+)?reports)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Relation:
    """One cue found in a sentence, with its source phrase and any relaying outlet, as written."""

    cue: str
    start: int
    end: int
    kind: str  # "speech" (relays content) | "weak" (PolNeAR counts it; not relaying: beliefs, stances)
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    via: tuple[tuple[str, int, int], ...] = ()  # "told Fox News", "Daily Mail reports him as saying"


def find_relations(text: str, start: int, end: int) -> tuple[Relation, ...]:
    """Every reporting cue in ``text[start:end]`` with its source (and relaying outlet), in order."""
    # A dateline opening a story is a place and maybe a wire, never a source ("PALM BEACH, Fla. —
    # President Trump began … by saying" gave the source "Fla." in the newswcl50-0 event).
    dateline = DATELINE.match(text, start, end)
    toks = _tokens(text, dateline.end() if dateline else start, end)
    quoted = _LONG_QUOTE.search(text, start, end) is not None
    out: list[Relation] = []
    i = 0
    while i < len(toks):
        rel, i = _relation_at(toks, i, text)
        if rel is not None:
            if rel.source is None and _shares_subject(rel, toks):
                rel = _participle_subject(rel, out, toks, text)
            out.append(_no_source(_demote(rel, toks, quoted), toks))
    return tuple(out)


def _no_source(rel: Relation, toks: list[_Tok]) -> Relation:
    """ "Trump seems to …", "Sanders is expected to …", "critics were surprised": the subject of a
    raising verb or of a passive without "by" is not who holds the view. PolNeAR train gold gives
    no source for 73 of 85 "appear", 83 of 109 "seem" and 66 of 68 "is expected" cues."""
    if rel.kind != "weak" or rel.source is None or rel.via:
        return rel
    words = rel.cue.lower().split()
    lemma = next((_CUE_LEMMA[w] for w in reversed(words) if w in _CUE_LEMMA), "")
    participle = words[-1].endswith("ed") or words[-1] in _PARTICIPLES
    passive = participle and any(w in _PASSIVE_AUX for w in words)
    n = next((n for n, t in enumerate(toks) if t.start >= rel.end), len(toks))
    if passive and n < len(toks) and toks[n].low == "by":
        return rel
    if lemma in {"seem", "appear"} or passive:
        return replace(rel, source=None, source_start=None, source_end=None)
    return rel


def _shares_subject(rel: Relation, toks: list[_Tok]) -> bool:
    """ ", saying …", ", referring to …" and "… and argued that": the cue takes the clause's subject."""
    if any(w.endswith("ing") for w in rel.cue.lower().split()):
        return True
    n = next((n for n, t in enumerate(toks) if t.start == rel.start), 0)
    j = _skip_aux_back(toks, n - 1)
    return j >= 0 and toks[j].low in {"and", "but", "then"}


def _participle_subject(rel: Relation, before: list[Relation], toks: list[_Tok], text: str) -> Relation:
    """ ", adding that …" takes the subject of its clause: the previous cue's source, else the
    noun phrase opening the sentence."""
    for prev in reversed(before):
        if prev.source is not None and prev.source.lower() not in _POSSESSIVE:
            return replace(
                rel, source=prev.source, source_start=prev.source_start, source_end=prev.source_end
            )
    n = 0
    while n < len(toks) and (_is_quote(toks[n]) or not toks[n].text[:1].isalnum()):
        n += 1
    # "In January, Trump cancelled a visit, saying": past an opening phrase that ends in a comma
    # and has no verb, to the subject of the main clause.
    comma = next((c for c, t in enumerate(toks[:12]) if t.text == ","), len(toks))
    after = toks[comma + 1] if comma + 1 < len(toks) else None
    # "Nigel Evans, a Conservative MP, …" is an appositive: the name is the subject.
    subject_next = after is not None and (
        after.cap and after.low not in _DETERMINERS or after.low in _SUBJECT_PRONOUNS
    )
    if (
        subject_next
        and toks[comma].start < rel.start
        and not any(_verbish(t) or t.low in _FOLLOWING_VERB or t.low in _CUE_LEMMA for t in toks[n:comma])
    ):
        n = comma + 1
    src = _np_forward(toks, n, text) if n < len(toks) and toks[n].start < rel.start else None
    if src is None or src[2] > rel.start:
        return rel
    src = _subject_only(toks, src, text)
    return replace(rel, source=src[0], source_start=src[1], source_end=src[2])


# A quotation of 15+ characters in the sentence: a stance verb beside it reports speech.
_LONG_QUOTE = re.compile(r"[“\"][^”\"]{15,}[”\"]")


# Verbs whose -ing form reports speech (", saying …"); "a letter vowing …" does not.
_CORE_ING = frozenset("say tell add note write explain claim insist argue ask warn".split())


_STANCE = frozenset(_LEXICON["stance"])


_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on last this "
    "week earlier later morning afternoon evening night".split()
)


def _demote(rel: Relation, toks: list[_Tok], quoted: bool) -> Relation:
    """Mark a speech cue weak when it narrates rather than relays: negated ("did not respond"),
    passive without an agent ("was proposed"), an object relative ("the recovery he promised has"),
    a participle of a non-speech verb, or a stance verb outside a reporting frame."""
    if rel.kind != "speech" or rel.cue.lower() in {"according to", ":"}:
        return rel
    idx = [n for n, t in enumerate(toks) if rel.start <= t.start < rel.end]
    if not idx:
        return rel
    words = [toks[n].low for n in idx]
    head = next((w for w in words if w in _CUE_LEMMA and w not in _CUE_AUX), words[-1])
    lemma = _CUE_LEMMA.get(head, "")
    i, k = idx[0], idx[-1] + 1
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[k] if k < len(toks) else None
    weak = any(w in {"not", "n't", "never"} for w in words)
    participle = head.endswith("ed") or head in _PARTICIPLES
    passive = participle and (
        any(w in _PASSIVE_AUX for w in words) or (prev is not None and prev.low in _PASSIVE_AUX)
    )
    if passive and (nxt is None or nxt.low != "by") and rel.via == ():
        if lemma != "tell":
            weak = True
        else:  # "X was told that …": X heard it; who said it is not given
            rel = replace(rel, source=None, source_start=None, source_end=None)
    weak |= nxt is not None and nxt.low in _FOLLOWING_VERB
    # "a resolution condemning …", "the statement demanding …": the document narrated, not quoted.
    weak |= head.endswith("ing") and lemma not in _CORE_ING and not (prev is not None and prev.text == ",")
    if lemma in _STANCE and not weak:
        while nxt is not None and nxt.low in _WHEN:
            k += 1
            nxt = toks[k] if k < len(toks) else None
        framed = nxt is None or nxt.text == "." or nxt.low == "that" or nxt.text in ":," or _is_quote(nxt)
        framed |= prev is not None and (prev.text == "," or _is_quote(prev))
        weak = not (framed or quoted)
    return replace(rel, kind="weak") if weak else rel


_ISSUE = frozenset("issued issues issue released releases put puts sent sends posted posts".split())


_ISSUED = frozenset("statement tweet letter memo memorandum release video message".split())


def _issued_statement(toks: list[_Tok], i: int, text: str) -> tuple[Relation, int] | None:
    """ "The committee issued a brief statement", "Smith put out a statement": a speech cue."""
    k = i + 1
    if k < len(toks) and toks[k].low == "out":
        k += 1
    if k >= len(toks) or toks[k].low not in {"a", "an", "the"}:
        return None
    for n in range(k + 1, min(k + 4, len(toks))):
        if toks[n].low in _ISSUED:
            j = _skip_aux_back(toks, i - 1)
            src = _np_back(toks, j, text) if j >= 0 else None
            return _rel(text, toks[i].start, toks[n].end, "speech", src), n + 1
        if not toks[n].text[:1].isalpha():
            return None
    return None


def _relation_at(toks: list[_Tok], i: int, text: str) -> tuple[Relation | None, int]:
    t = toks[i]
    low = t.low
    if low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        src = _np_forward(toks, i + 2, text, loose=True)
        return _rel(text, t.start, toks[i + 1].end, "speech", src), i + 2
    phrase = _phrase_cue(toks, i, text)
    if phrase is not None:
        return phrase
    if t.text == "In":  # mid-sentence "led in the polls" was right 39 times in 166: left out
        found = _in_poll(toks, i, text)
        if found is not None:
            return found
    if t.text == ":" and i > 0:
        src = _np_back(toks, i - 1, text)
        # "Smith: “…”", or a headline "Paul Ryan: FBI decision defies explanation".
        digits = toks[i - 1].text[:1].isdigit() or (i + 1 < len(toks) and toks[i + 1].text[:1].isdigit())
        headline = src is not None and src[1] == toks[0].start and i <= 5 and not _is_label(src[0])
        framed = not digits and (i + 1 == len(toks) or _is_quote(toks[i + 1]) or headline)
        # "wrote on Facebook:": the colon belongs to the verb's cue, not a cue of its own.
        framed &= not any(u.low in _CUE_LEMMA and not u.cap for u in toks[max(0, i - 5) : i])
        framed &= not _name_list(toks, i)
        if framed and src and toks[i - 1].low not in _CUE_LEMMA and toks[i - 1].cap:
            return _rel(text, t.start, t.end, "speech", src), i + 1
        return None, i + 1
    if low in _ISSUE and not t.cap:
        issued = _issued_statement(toks, i, text)
        if issued is not None:
            return issued
    lemma = _CUE_LEMMA.get(low)
    if lemma is None or (t.cap and i > 0 and not _is_quote(toks[i - 1]) and not _title_case(toks)):
        return None, i + 1
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text in "</" or (i + 1 < len(toks) and toks[i + 1].text in "_="):
        return None, i + 1  # markup: <tweet id="…">
    if (
        lemma == "state"
        and not (i + 1 < len(toks) and (toks[i + 1].low == "that" or toks[i + 1].text == ":"))
        and not (low == "stated" and prev is not None and prev.low not in _DETERMINERS | {"of"})
    ):
        return None, i + 1  # "five states", "secretary of state"
    nominal = _nominal_cue(toks, i, text)
    if nominal is not None:
        return nominal
    if prev is not None and (prev.low in _DETERMINERS or prev.low in {"to", "of", "for", "'s", "’s"}):
        if low in _NOUNISH or prev.low in _DETERMINERS or lemma in _BELIEF.split():
            return None, i + 1
    if (
        low in _NOUNISH
        and prev is not None
        and prev.low not in _FINDERS
        and (
            prev.low.endswith(("'s", "’s"))
            or (
                prev.text[:1].islower()
                and prev.low not in _AUX | PRONOUNS | _RELATIVE
                and not _plural(prev.low)
            )
        )
    ):
        return None, i + 1  # "Trump's comments", "sexist remarks"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    framed = nxt is None or nxt.text in {",", ":", "."} or nxt.low == "that" or _is_quote(nxt)
    if low in _NOUNISH and prev is not None and prev.cap and not framed and _after_determiner(toks, i - 1):
        return None, i + 1  # "the Paris attacks", "an NBC report"
    if (
        low == "called"
        and prev is not None
        and (
            prev.low in _PASSIVE_AUX
            or (prev.text[:1].islower() and prev.low not in _AUX | PRONOUNS | _RELATIVE)
        )
    ):
        return None, i + 1  # naming: "a class called …", "to be called"
    k = i + 1
    particles = _PARTICLES.get(lemma, ())
    if k < len(toks) and toks[k].low in particles:
        k += 1
    elif lemma in _PARTICLE_ONLY:
        return None, i + 1
    loose = False
    if lemma in _STRICT and not _strict_ok(toks, i, k) and not (lemma == "call" and k > i + 1):
        if not _object_past(toks, i):
            return None, i + 1
        loose = True
    if lemma == "call" and k == i + 1 and k < len(toks) and toks[k].cap and not _is_quote(toks[k]):
        if prev is None or not (prev.cap or prev.low in _SUBJECT_PRONOUNS):
            return None, i + 1  # "a group called Tea Party Express"
        loose = not _quote_follows(toks, k)  # "Trump called Clinton a liar": weak without a quotation
    if (
        low == "reported"
        and k < len(toks)
        and (
            toks[k].low == "from"
            and k + 1 < len(toks)
            and toks[k + 1].cap  # a byline: "Lerer reported from Ames."
            or _plural(toks[k].low)
            and toks[k].text[:1].islower()
            and not (prev and (prev.cap or prev.low in PRONOUNS))
        )
    ):
        return None, i + 1  # "reported cases", "deeply reported features": an adjective
    # "called off a deal", a phone call, "what he called his campaign": not reporting, unless a
    # quotation follows ("what she called a “special relationship”", "calling it “a disgrace”").
    naming = k < len(toks) and toks[k].low in {"off", "up", "back", ".", "it"}
    naming |= i >= 2 and toks[i - 2].low in {"what", "whom"}
    if lemma == "call" and naming and not _quote_follows(toks, k):
        return None, i + 1
    if low == "told" and prev is not None and prev.low == "all":
        return None, i + 1  # "All told, …"
    if low == "support" and k < len(toks) and toks[k].low in {"for", "from"} and prev is not None:
        if prev.cap or prev.text[:1].isdigit() or prev.low in {"lacks", "lack", "garnered", "won", "has"}:
            return None, i + 1  # "Latino support for", "3% support from": a noun
    if low == "pledged" and k < len(toks) and toks[k].low in {"delegates", "delegate"}:
        return None, i + 1  # "pledged delegates": an adjective
    if lemma == "attack" and k < len(toks) and toks[k].low in {"on", "against", "in", "from", "by"}:
        return None, i + 1  # "attacks on refugee centers": a noun
    kind = "speech" if lemma in _SPEECH_LEMMAS and not loose else "weak"
    if k < len(toks) and (toks[k].text == ":" or toks[k].low in _TRAILING.get(lemma, ())):
        k += 1  # PolNeAR marks "said:" and "asked about" as the cue
    k = _cue_tail(toks, k, lemma)
    cue_end = toks[k - 1].end
    a = i
    while a > 0 and (toks[a - 1].low in _CUE_AUX or toks[a - 1].low.endswith(("n't", "n’t"))):
        a -= 1
    cue_start = toks[a].start
    via: tuple[tuple[str, int, int], ...] = ()
    # Passive: "first reported by The Washington Post", "was told by officials".
    if (
        k < len(toks)
        and toks[k].low == "by"
        and prev is not None
        and prev.low in {"was", "were", "been", "as", "first", "being", "is"}
    ):
        src = _np_forward(toks, k + 1, text)
        return _rel(text, cue_start, cue_end, kind, src), k + 1
    # "The Daily Mail reports him as saying", "quoted Smith as telling": the speaker follows.
    if lemma in {"report", "quote", "cite", "tell", "say"} or lemma == "describe":
        m = _as_saying(toks, k, text)
        if m is not None and lemma != "say":
            spk, after = m
            outer = _np_back(toks, _skip_aux_back(toks, i - 1), text)
            via = (outer,) if outer else ()
            return _rel(text, cue_start, cue_end, "speech", spk, via), after
    if lemma == "tell" and k < len(toks):
        heard = _name_forward(toks, k, text)
        if heard is not None:
            via = (heard,)
    j = _skip_aux_back(toks, i - 1)
    src = None
    if j >= 0 and toks[j].low in _RELATIVE and j > 0:
        jj = j - 2 if toks[j - 1].text == "," and j > 1 else j - 1
        ante = _np_back(toks, jj, text)  # "Smith, who said": the antecedent, written as "who"
        ante = _agent_of(toks, ante, text) if ante else None
        src = (ante[0], toks[j].start, toks[j].end) if ante else None
    elif j >= 0 and toks[j].low not in {"and", "but", "then"}:  # "… and said": the clause's subject
        src = _np_back(toks, j, text)
    if src is None and j > 0 and toks[j].text == "," and not low.endswith("ing"):
        src = _appositive(toks, j, text)  # "…,” Marvin Kirsner, a tax lawyer at X, said.
    if src is None and j > 0 and toks[j].text == ")":
        src = _parenthesised(toks, j, text)  # "Rep. Steve Israel (D-N.Y.) said"
    inverted = j < 0 or toks[j].text == "," or _is_quote(toks[j])
    pronoun_next = k < len(toks) and toks[k].low in PRONOUNS and k + 1 < len(toks) and toks[k + 1].text != "."
    if src is None and inverted and k < len(toks) and not low.endswith("ing") and not pronoun_next:
        src = _np_forward(toks, k, text)  # inverted: "…,” said Sen. John Smith.
        src = _trailing_appositive(toks, src, text) if src else None
    if src is None and low == lemma and not _is_quote(toks[k] if k < len(toks) else t):
        return None, i + 1  # a bare infinitive or imperative: "declined to say", "explain why"
    if prev is not None and prev.low == "to" and lemma not in {"according", "refer", "point", "talk"}:
        kind = "weak"  # "wants to tell", "is expected to announce"
    if src is None and kind == "weak":
        return None, i + 1
    if (
        src is None
        and lemma in _STRICT
        and not (low.endswith("ing") and prev is not None and prev.text == ",")
    ):
        return None, i + 1
    return _rel(text, cue_start, cue_end, kind, src, via), k


def _cue_tail(toks: list[_Tok], k: int, lemma: str) -> int:
    """Past the words PolNeAR keeps after a cue: a day ("said Tuesday": kept 80 times in 133 on
    PolNeAR train), "in a statement", "went on to say"."""
    if k < len(toks) and toks[k].low in _DAYS and toks[k].low not in {"today", "tonight"} and toks[k].cap:
        if k + 1 < len(toks) and toks[k + 1].low in {"night", "morning", "afternoon", "evening"}:
            return k + 2  # "said Tuesday night"
        return k if k + 1 < len(toks) and toks[k + 1].low == "that" else k + 1  # kept 19 in 41
    if k + 2 < len(toks) and toks[k].low == "in" and toks[k + 1].low in {"a", "an", "the"}:
        n = k + 2
        if toks[n].low in {"written", "brief", "short", "joint", "separate", "press", "emailed"}:
            n += 1
        if n < len(toks) and toks[n].low in _MEDIUM:
            return n + 1
    if lemma == "go" and k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].low in _CUE_LEMMA:
        return k + 2  # "went on to say"
    return k


# Nouns for polls: "In a CNN/ORC poll released Monday, 31% …" makes "In" a cue and the poll its
# source (PolNeAR train: "in" is the most frequent missed cue, 67 times, nearly all polls; the
# sentence-initial form was right 20 times in 24).
# Documents that "show" or "find": "the survey shows", "a new national poll shows".
_FINDERS = frozenset("poll survey study analysis data polling research report review audit average".split())


_POLL = frozenset("poll polls survey surveys polling".split())


_RELEASED = frozenset("released conducted taken published out".split())


# Multi-word stance cues (PolNeAR train misses "made it clear" 9, "made clear" 5, "put it" 7,
# "took issue with" 3): first word -> the words that must follow it.
_PHRASES = {
    "made": (("it", "clear"), ("clear",)),
    "make": (("it", "clear"), ("clear",)),
    "makes": (("it", "clear"), ("clear",)),
    "took": (("issue", "with"),),
    "take": (("issue", "with"),),
    "takes": (("issue", "with"),),
    "put": (("it",),),
}


def _phrase_cue(toks: list[_Tok], i: int, text: str) -> tuple[Relation, int] | None:
    """ "Smith made it clear that …", "as Jones put it,": a weak cue with the subject before it."""
    for rest in _PHRASES.get(toks[i].low, ()):
        n = i + 1 + len(rest)
        if n > len(toks) or tuple(t.low for t in toks[i + 1 : n]) != rest:
            continue
        if rest == ("it",) and not (n == len(toks) or toks[n].text in ",:." or _is_quote(toks[n])):
            continue  # "put it on the table"
        j = _skip_aux_back(toks, i - 1)
        src = _np_back(toks, j, text) if j >= 0 else None
        if src is None:
            return None
        a = i
        while a > 0 and (toks[a - 1].low in _CUE_AUX or toks[a - 1].low.endswith(("n't", "n’t"))):
            a -= 1
        return _rel(text, toks[a].start, toks[n - 1].end, "weak", src), n
    return None


# Nouns that PolNeAR takes as a cue with the possessor as source ("Trump's claim that", "his call
# for"), with the word that must follow each. "support for", "attacks on", "view that" and "hopes"
# were tried too and left out: right under half the time on PolNeAR train.
_NOMINAL = {
    "claim": ("that",),
    "claims": ("that",),
    "promise": ("to", "that"),
    "pledge": ("to", "that"),
    "call": ("for",),
    "calls": ("for",),
    "insistence": ("that",),
    "assertion": ("that",),
}
_POSSESSIVE = frozenset("his her their its 's ’s".split())
_KEEP_PARTICLE = frozenset("for on against of to".split())


def _nominal_cue(toks: list[_Tok], i: int, text: str) -> tuple[Relation, int] | None:
    """ "Trump's claim that …", "his support for …": a weak cue whose source is the possessor."""
    nxt = _NOMINAL.get(toks[i].low)
    if nxt is None or i == 0 or i + 1 >= len(toks) or toks[i + 1].low not in nxt:
        return None
    prev = toks[i - 1]
    if prev.low not in _POSSESSIVE:
        return None
    if prev.low in {"'s", "’s"}:
        src = _np_back(toks, i - 2, text)
        if src is None or not src[0][:1].isupper():
            return None
    else:
        src = (prev.text, prev.start, prev.end)
    end = i + 1 if toks[i + 1].low in _KEEP_PARTICLE else i
    return _rel(text, toks[i].start, toks[end].end, "weak", src), end + 1


def _in_poll(toks: list[_Tok], i: int, text: str) -> tuple[Relation, int] | None:
    """ "in the latest CNN poll", "In a survey released Monday,": cue "in", the poll as source."""
    for n in range(i + 1, min(i + 10, len(toks))):
        w = toks[n]
        if w.low in _POLL:
            end = n
            if n + 1 < len(toks) and toks[n + 1].low in _RELEASED:
                end = n + 1
                while end + 1 < len(toks) and end - n < 5 and toks[end + 1].text[:1].isalnum():
                    end += 1
                if end + 1 < len(toks) and toks[end + 1].text not in ",.":
                    end = n  # "a poll released … found": the poll alone
            src = text[toks[i + 1].start : toks[end].end], toks[i + 1].start, toks[end].end
            return _rel(text, toks[i].start, toks[i].end, "weak", src), end + 1
        if not (w.text[:1].isalnum() or w.text in {"/", "-", "&", "’s", "'s", "."}) or w.low in _BREAK:
            return None
    return None


def _rel(
    text: str, start: int, end: int, kind: str, src: Phrase | None, via: tuple[Phrase, ...] = ()
) -> Relation:
    if src is None:
        return Relation(text[start:end], start, end, kind, via=via)
    return Relation(text[start:end], start, end, kind, src[0], src[1], src[2], via=via)


def hedges(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Hedge cues ("reportedly", "is said to", "according to reports") in ``text[start:end]``."""
    return tuple((m.group(), m.start(), m.end()) for m in _HEDGE.finditer(text, start, end))
