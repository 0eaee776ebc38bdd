"""Reporting cues in one sentence: the cue ("said", "told", "according to", "writes that:"), the
source phrase before or after it, and any outlet relaying it ("told Reuters", "The Daily Mail
reports him as saying"). Rules over a light tokenisation, no parser; the document-level work
(pronouns, quotation scope, kinds, chains) is in ``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# ---- the cue lexicon -------------------------------------------------------------------------
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})  # the writer or the quoted speaker talking
# Reporting verbs. Listed by lemma; _forms() inflects them. Chosen from the most frequent cues
# of PolNeAR train (say 4,594, tell 426, according to 402, write 225, add 220, ...) and the
# gold-dev cue list, keeping verbs whose use with a subject is reporting in news copy.
_SPEECH = (
    "say tell write add note report announce state declare explain claim allege insist argue assert "
    "warn confirm deny acknowledge admit reveal disclose testify comment remark respond reply ask "
    "answer accuse urge demand predict promise vow pledge threaten recall describe contend maintain "
    "stress emphasize emphasise observe conclude question complain boast joke quip concede counter "
    "charge blame criticize criticise praise dismiss reject dispute indicate inform mention cite "
    "quote tweet post suggest propose recount detail caution lament decry denounce condemn slam "
    "blast announce reiterate retort continue brief estimate calculate project forecast remind assure "
    "shout tout"
)
# Cognition and stance cues: PolNeAR annotates them ("believes", "wants", "shows"), gold-dev does
# not count them as relaying, so they take part in the span benchmark only.
_BELIEF = (
    "think believe want hope fear feel know expect see seem appear show find plan prefer support "
    "oppose endorse defend seek wish consider doubt worry understand agree disagree acknowledge "
    "intend suspect imply decline refuse express thank offer echo mock attack discuss portray hail "
    "welcome applaud congratulate"
)
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought"),
    "know": ("know", "knows", "knew", "known"),
    "see": ("see", "sees", "saw", "seen"),
    "feel": ("feel", "feels", "felt"),
    "find": ("find", "finds", "found"),
    "understand": ("understand", "understands", "understood"),
    "seek": ("seek", "seeks", "sought"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "forecast": ("forecast", "forecasts"),
}
# Verbs that are often not reporting ("added 200 jobs", "continued to rise", "found guilty"): they
# count only when followed by that / a colon / a quotation / a comma, or closing an inverted quote.
_STRICT = frozenset(
    "add continue note state post see know feel charge counter project detail question "
    "answer brief quote cite".split()
)
_NOUNISH = frozenset(  # verb forms that are nouns after a determiner ("a report", "his claims")
    "report reports claim claims call calls statement tweet tweets post posts note notes comment "
    "comments charge charges question questions answer answers warning promise promises plan plans "
    "support quote quotes estimate estimates forecast forecasts reply replies denial threat "
    "threats demand demands remarks attack attacks offer offers plans show shows view views echo echoes "
    "hopes fears thanks wishes doubts worries findings reporting showing".split()
)
_DETERMINERS = frozenset(
    "a an the his her their its this that these those our my your its each every".split()
)


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma[-1] in "sxh" or lemma.endswith("ch"):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    stem = (
        lemma + lemma[-1]
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and lemma not in _NO_DOUBLE
        else lemma
    )
    return lemma, lemma + "s", stem + "ed", stem + "ing"


_NO_DOUBLE = frozenset("answer counter offer question visit edit limit target".split())
_CUE_LEMMA = {f: lemma for lemma in _BELIEF.split() for f in _forms(lemma)}
_CUE_LEMMA.update({f: lemma for lemma in _SPEECH.split() for f in _forms(lemma)})
_SPEECH_LEMMAS = frozenset(_SPEECH.split()) | {"call", "point", "go", "refer", "talk", "according"}
_CUE_LEMMA.update({f: "call" for f in _forms("call")})
_PARTICLES = {
    "call": ("for", "on"),
    "point": ("out", "to"),
    "go": ("on",),
    "refer": ("to",),
    "talk": ("about",),
}
_PARTICLE_ONLY = frozenset({"point", "go", "refer", "talk"})
for _lemma in _PARTICLE_ONLY:
    _CUE_LEMMA.update({f: _lemma for f in _forms(_lemma)})
_CUE_LEMMA.update({"went": "go", "gone": "go", "goes": "go"})

# Auxiliaries and adverbs between a subject and its cue ("has also said", "later told").
_AUX = frozenset(
    "has have had is are was were be been being also later earlier previously then once again "
    "repeatedly recently publicly privately first initially would will could may might must should "
    "did does do not never just already still n't further subsequently often separately simply even "
    "only ultimately finally apparently flatly quickly reportedly allegedly has've 've 's 'd "
    "then-".split()
)
# Auxiliaries and adverbs that PolNeAR counts as part of the cue ("has said", "also told",
# "did not mention"); on PolNeAR train cue exact F1 went from 0.49 to 0.54 with them.
_CUE_AUX = frozenset(
    "has have had is are was were also not n't did does do will would later now first previously "
    "repeatedly already".split()
)
_TRAILING = {"ask": ("about",), "agree": ("with",), "warn": ("of", "against"), "joke": ("about",)}
# Words that end a noun phrase when walking out from a cue.
_BREAK = frozenset(
    "that which who whom whose when where while after before because since as if but or so than to "
    "by in on into from about over under against without within during until unless though although "
    "whether what how why not is are was were be been has have had will would could should can may "
    "might must do does did also said says say told tells according there here it's".split()
)
_CLOSE = frozenset({"close", "closest", "near", "loyal", "related"})
PRONOUNS = frozenset("he she they it we i you him her them".split())
_RELATIVE = frozenset({"who", "which", "that"})
_QUOTE_MARKS = "\"“”‘’«»'"
_TOKEN = re.compile(r"[^\W_]+(?:[’'.&-][^\W_]+)*|[^\w\s]", re.U)
TITLES = frozenset(
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Capt Adm Maj Prof Rev Hon Atty Det Insp Pres Sens Reps "
    "St".split()
)

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


Phrase = tuple[str, int, int]  # a phrase as written and its span in the article text


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


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def _is_quote(tok: _Tok) -> bool:
    return tok.text in _QUOTE_MARKS


def _span(toks: list[_Tok], i: int, j: int, text: str) -> tuple[str, int, int] | None:
    """The phrase toks[i:j] as written, trimmed of edge punctuation and leading conjunctions."""
    while i < j and (toks[i].text in ",;:-—–()" or _is_quote(toks[i]) or toks[i].low in {"and", "but", "or"}):
        i += 1
    while j > i and (
        toks[j - 1].text in ",;:-—–(" or _is_quote(toks[j - 1]) or toks[j - 1].low in {"of", "and"}
    ):
        j -= 1
    if i >= j:
        return None
    return text[toks[i].start : toks[j - 1].end], toks[i].start, toks[j - 1].end


def _np_back(toks: list[_Tok], j: int, text: str) -> tuple[str, int, int] | None:
    """The noun phrase ending at toks[j] (inclusive), walking left."""
    if j < 0 or toks[j].text in ",;:()—–" or _is_quote(toks[j]) or toks[j].low in _BREAK:
        return None
    if toks[j].low in PRONOUNS:
        return toks[j].text, toks[j].start, toks[j].end
    i = j
    while i > 0 and j - i < 11:
        prev = toks[i - 1]
        if prev.text == "." and i >= 2 and _abbrev(toks[i - 2].text):
            i -= 1
            continue
        if prev.text in "&-" or prev.text in ("’s", "'s"):
            i -= 1
            continue
        if prev.text in _QUOTE_MARKS or not (prev.text[:1].isalnum()):
            break
        if prev.low == "to" and i >= 2 and toks[i - 2].low in _CLOSE:
            i -= 2  # "a source close to the investigation"
            continue
        if prev.low in _BREAK or prev.low in PRONOUNS or prev.low in _CUE_LEMMA and not prev.cap:
            break
        if prev.low == "and" and not (toks[i].cap and i >= 2 and toks[i - 2].cap):
            break
        if prev.low.endswith("ly") and not prev.cap and prev.low not in {"family", "italy", "daily", "early"}:
            break
        if prev.low.endswith("ed") and not prev.cap and prev.low not in _ED_ADJ:
            break  # a verb: "The committee released a statement … saying"
        i -= 1
    while i < j and toks[i].low in {"and", "with", "of", "for", "at"}:
        i += 1
    found = _span(toks, i, j + 1, text)
    if found and " " not in found[0] and found[0].islower() and not _lone_noun(found[0]):
        return None  # "stop arguing", "shown saying": a verb or adverb, not a source
    return found


# Past participles that modify a source noun ("unnamed officials", "a retired general").
_ED_ADJ = frozenset(
    "unnamed retired elected informed concerned unidentified named related based backed owned affiliated "
    "appointed registered qualified trusted respected united allied armed embattled indicted disgraced "
    "detained jailed wounded injured alleged reported".split()
)


def _abbrev(word: str) -> bool:
    """A title or an initial that a full stop follows inside a name ("Sen.", "Robert B.")."""
    return word in TITLES or (len(word) == 1 and word.isupper())


# Lowercase one-word sources: plurals ("officials", "critics") and these.
_LONE = frozenset(
    "police people staff everyone someone nobody government campaign company administration military "
    "prosecution management leadership family media press public".split()
)


def _lone_noun(word: str) -> bool:
    return (
        word in _LONE or word in PRONOUNS or (word.endswith("s") and not word.endswith(("ss", "us", "ous")))
    )


def _np_forward(toks: list[_Tok], i: int, text: str, loose: bool = False) -> tuple[str, int, int] | None:
    """The noun phrase starting at toks[i], walking right ("said Sen. John Smith, R-Texas")."""
    j = i
    stop = _BREAK - {"in", "on", "by", "from"} if loose else _BREAK
    while j < len(toks) and j - i < 12:
        t = toks[j]
        if t.text == "." and j > i and _abbrev(toks[j - 1].text):
            j += 1
            continue
        if not t.text[:1].isalnum() and t.text not in "&-’'":
            break
        if t.low == "to" and j > i and toks[j - 1].low in _CLOSE:
            j += 1
            continue
        if t.low in stop or (t.low in _CUE_LEMMA and not t.cap and j > i and not loose):
            break
        j += 1
    return _span(toks, i, j, text)


def _is_label(phrase: str) -> bool:
    """A label before a colon, not a speaker: "The Latest:", "CORRECTION:", "Paid Notice:"."""
    words = phrase.split()
    return (
        words[0] in {"The", "A", "An", "Name", "Update", "UPDATE", "Correction", "Watch", "Read", "Paid"}
        or phrase.isupper()
        and len(phrase) > 4
    )


def _name_forward(toks: list[_Tok], i: int, text: str) -> tuple[str, int, int] | None:
    """A capitalised name starting at toks[i] ("told The Washington Post the case ...")."""
    j = i
    while j < len(toks) and (
        toks[j].cap
        or toks[j].text in {".", "&", "-"}
        or (toks[j].low in {"the", "of"} and j + 1 < len(toks) and toks[j + 1].cap)
    ):
        if toks[j].text == "." and not (
            j > i and toks[j - 1].text in TITLES or j + 1 < len(toks) and toks[j + 1].low == "com"
        ):
            break
        j += 1
    return _span(toks, i, j, text) if j > i and toks[j - 1].cap else None


def _strict_ok(toks: list[_Tok], i: int, k: int) -> bool:
    """A strict cue at toks[i] (ending before toks[k]) needs a reporting frame around it."""
    nxt = toks[k] if k < len(toks) else None
    prev = toks[i - 1] if i > 0 else None
    if nxt is None or nxt.text in ",:." or _is_quote(nxt) or nxt.low == "that":
        return True
    if prev is not None and (prev.text == "," or _is_quote(prev)):
        return True
    return i >= 2 and toks[i - 1].low in PRONOUNS and (toks[i - 2].text == "," or _is_quote(toks[i - 2]))


def find_relations(text: str, start: int, end: int) -> tuple[Relation, ...]:
    """Every reporting cue in ``text[start:end]`` with its source (and relaying outlet), in order."""
    toks = _tokens(text, start, end)
    quoted = _LONG_QUOTE.search(text, start, end) is not None
    out: list[Relation] = []
    i = 0
    while i < len(toks):
        rel, i = _relation_at(toks, i, text)
        if rel is not None:
            if rel.source is None and _shares_subject(rel, toks):
                rel = _participle_subject(rel, out, toks, text)
            out.append(_demote(rel, toks, quoted))
    return tuple(out)


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
        if prev.source is not None:
            return replace(
                rel, source=prev.source, source_start=prev.source_start, source_end=prev.source_end
            )
    n = 0
    while n < len(toks) and (_is_quote(toks[n]) or not toks[n].text[:1].isalnum()):
        n += 1
    src = _np_forward(toks, n, text) if n < len(toks) and toks[n].start < rel.start else None
    if src is None or src[2] > rel.start:
        return rel
    return replace(rel, source=src[0], source_start=src[1], source_end=src[2])


# A quotation of 15+ characters in the sentence: a stance verb beside it reports speech.
_LONG_QUOTE = re.compile(r"[“\"][^”\"]{15,}[”\"]")
# Verbs whose -ing form reports speech (", saying …"); "a letter vowing …" does not.
_CORE_ING = frozenset("say tell add note write explain claim insist argue ask warn".split())
# Verbs that report speech only in a reporting frame ("X warned that", "…,” X warned", a quote
# beside them); alone they narrate an act ("Christie announced his candidacy", "groups praised the
# ruling"). From the gold-dev false positives (dev events only).
_STANCE = frozenset(
    "praise criticize criticise decry denounce condemn slam blast reject dismiss demand urge vow pledge "
    "promise threaten propose announce question charge reveal disclose recall declare respond reply "
    "lament caution counter predict estimate calculate project forecast indicate suggest tout".split()
)
_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on last this "
    "week earlier later morning afternoon evening night".split()
)
_PARTICIPLES = frozenset("said told written known seen shown thought found understood".split())
_PASSIVE_AUX = frozenset("was were been being is are be".split())
_FOLLOWING_VERB = frozenset("has have had is are was were would will could did does can should".split())


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


def _title_case(toks: list[_Tok]) -> bool:
    """A headline in title case ("Sanders Says He Will Stay In The Race")."""
    words = [t for t in toks if t.text[:1].isalpha()]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


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


def _after_determiner(toks: list[_Tok], j: int) -> bool:
    """Whether the capitalised words ending at toks[j] follow a determiner or preposition."""
    while j >= 0 and (toks[j].cap or toks[j].text == "."):
        j -= 1
    return j >= 0 and toks[j].low in _DETERMINERS | {"in", "of", "to", "after", "since", "before", "by"}


def _plural(word: str) -> bool:
    """A plural noun that can be a subject ("documents show", "polls found")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and word != "news"


def _relation_at(toks: list[_Tok], i: int, text: str) -> tuple[Relation | None, int]:
    t = toks[i]
    low = t.low
    if low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        src = _np_forward(toks, i + 2, text, loose=True)
        return _rel(text, t.start, toks[i + 1].end, "speech", src), i + 2
    if t.text == ":" and i > 0:
        src = _np_back(toks, i - 1, text)
        # "Smith: “…”", or a headline "Paul Ryan: FBI decision defies explanation".
        digits = toks[i - 1].text[:1].isdigit() or (i + 1 < len(toks) and toks[i + 1].text[:1].isdigit())
        headline = src is not None and src[1] == toks[0].start and i <= 5 and not _is_label(src[0])
        framed = not digits and (i + 1 == len(toks) or _is_quote(toks[i + 1]) or headline)
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
    if lemma == "state" and not (
        i + 1 < len(toks) and (toks[i + 1].low == "that" or toks[i + 1].text == ":")
    ):
        return None, i + 1  # "five states", "secretary of state"
    if prev is not None and (prev.low in _DETERMINERS or prev.low in {"to", "of", "for", "'s", "’s"}):
        if low in _NOUNISH or prev.low in _DETERMINERS or lemma in _BELIEF.split():
            return None, i + 1
    if (
        low in _NOUNISH
        and prev is not None
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
    if lemma in _STRICT and not _strict_ok(toks, i, k) and not (lemma == "call" and k > i + 1):
        return None, i + 1
    if lemma == "call" and k == i + 1 and k < len(toks) and toks[k].cap and not _is_quote(toks[k]):
        return None, i + 1  # "a group called Tea Party Express"
    kind = "speech" if lemma in _SPEECH_LEMMAS else "weak"
    if k < len(toks) and (toks[k].text == ":" or toks[k].low in _TRAILING.get(lemma, ())):
        k += 1  # PolNeAR marks "said:" and "asked about" as the cue
    cue_end = toks[k - 1].end
    a = i
    while a > 0 and toks[a - 1].low in _CUE_AUX:
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
        src = (ante[0], toks[j].start, toks[j].end) if ante else None
    elif j >= 0:
        src = _np_back(toks, j, text)
    if src is None and j > 0 and toks[j].text == ",":
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


def _rel(
    text: str, start: int, end: int, kind: str, src: Phrase | None, via: tuple[Phrase, ...] = ()
) -> Relation:
    if src is None:
        return Relation(text[start:end], start, end, kind, via=via)
    return Relation(text[start:end], start, end, kind, src[0], src[1], src[2], via=via)


def _appositive(toks: list[_Tok], j: int, text: str) -> tuple[str, int, int] | None:
    """The name before an appositive that ends at the comma toks[j]: "Smith, a lawyer at X,"."""
    for c in range(j - 1, max(0, j - 30), -1):
        if toks[c].text == ",":
            src = _np_back(toks, c - 1, text)
            if src and src[0][:1].isupper() and src[0].lower() not in PRONOUNS:
                if any(t.low in _CUE_LEMMA and not t.cap for t in toks[c + 1 : j]):
                    return src  # "Owen Drake, the Ledger reports, says": a parenthetical, not a title
                # Name and appositive; the span keeps the closing comma, as PolNeAR marks it.
                return text[src[1] : toks[j - 1].end], src[1], toks[j].end
            return None
        if _is_quote(toks[c]):
            return None
    return None


def _trailing_appositive(toks: list[_Tok], src: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """ "said John Smith, a lawyer for the family." -> the name with its appositive, up to the end."""
    n = next((n for n, t in enumerate(toks) if t.start >= src[2]), len(toks))
    if (
        n + 1 >= len(toks)
        or toks[n].text != ","
        or toks[n + 1].low not in {"a", "an", "the", "who"} | _ROLE_OPENERS
    ):
        return src
    end = n + 1
    while end < len(toks) and not _is_quote(toks[end]):
        if toks[end].text in {";", "!", "?"} or (toks[end].text == "." and not _abbrev(toks[end - 1].text)):
            break
        end += 1
    if end - n > 25 or (end < len(toks) and _is_quote(toks[end])):
        return src
    return text[src[1] : toks[end - 1].end], src[1], toks[end - 1].end


_ROLE_OPENERS = frozenset(
    "former senior chief executive deputy spokesman spokeswoman director president head co-founder".split()
)


def _parenthesised(toks: list[_Tok], j: int, text: str) -> tuple[str, int, int] | None:
    """A name followed by a parenthesis that ends at toks[j]: "Dianne Feinstein (D-Calif.)"."""
    for o in range(j - 1, max(0, j - 10), -1):
        if toks[o].text == "(":
            src = _np_back(toks, o - 1, text)
            return (text[src[1] : toks[j].end], src[1], toks[j].end) if src else None
    return None


def _skip_aux_back(toks: list[_Tok], j: int) -> int:
    """Step left over auxiliaries, adverbs and time words between a subject and its cue
    ("has also said", "on Tuesday said", "last week told")."""
    while j >= 0:
        low = toks[j].low
        if low in _AUX or (
            low.endswith("ly") and not toks[j].cap and low not in {"family", "italy", "daily"}
        ):
            j -= 1
        elif low in _DAYS and j > 0:
            j -= 2 if toks[j - 1].low in {"on", "last", "this", "next", "earlier", "late", "early"} else 1
        elif (
            low in {"week", "month", "year", "night", "weekend"}
            and j > 0
            and toks[j - 1].low in {"last", "this"}
        ):
            j -= 2
        elif low in {"years", "months", "weeks", "decades", "days"} and j > 0 and toks[j - 1].low == "for":
            j -= 2
        else:
            break
    return j


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


def _as_saying(toks: list[_Tok], k: int, text: str) -> tuple[tuple[str, int, int], int] | None:
    """NP + "as saying/telling/writing" after a cue: (speaker span, index past it) or None."""
    for n in range(k + 1, min(k + 9, len(toks) - 1)):
        if toks[n].low == "as" and toks[n + 1].low in {"saying", "telling", "writing", "stating", "claiming"}:
            sp = _span(toks, k, n, text)
            return (sp, n + 2) if sp else None
        if toks[n].text in ",.;" or _is_quote(toks[n]):
            return None
    return None


def hedges(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Hedge cues ("reportedly", "is said to", "according to reports") in ``text[start:end]``."""
    return tuple((m.group(), m.start(), m.end()) for m in _HEDGE.finditer(text, start, end))
