"""The cue lexicon and tokens for ``cues``: word lists (from data/cue_words.txt), their inflected
forms, and a light tokenisation that keeps offsets into the article text; and the word lists that
give a source phrase its kind (``source_kind``: person, organization, outlet, anonymous, document)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from ..lexicon import US_STATE_ABBREVIATIONS, WEEKDAYS
from ..outlets import outlet_name


# ---- the cue lexicon (compare/data/cue_words.txt says how each list was chosen) --------------
def _load_lexicon() -> dict[str, tuple[str, ...]]:
    """The word lists of data/cue_words.txt: section name -> its words, blank-separated."""
    raw = resources.files("compare").joinpath("data/cue_words.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    name = ""
    for line in raw.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1]
            out[name] = []
        elif line and not line.startswith("#"):
            out[name].extend(line.split())
    return {k: tuple(v) for k, v in out.items()}


FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})  # the writer or the quoted speaker talking


_LEXICON = _load_lexicon()


_SPEECH = " ".join(_LEXICON["speech"])


_BELIEF = " ".join(_LEXICON["belief"])


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
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "forecast": ("forecast", "forecasts"),
}


_STRICT = frozenset(_LEXICON["strict"])


_NOUNISH = frozenset(_LEXICON["nounish"])


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


_SPEECH_LEMMAS = frozenset(_SPEECH.split()) | {"call", "point", "go", "refer", "talk", "according"}


_PARTICLES = {
    "call": ("for", "on"),
    "point": ("out", "to"),
    "go": ("on",),
    "refer": ("to",),
    "talk": ("about",),
    "speak": ("about", "of", "out", "on"),
    "rail": ("against", "at", "about"),
    "lash": ("out",),
}


_PARTICLE_ONLY = frozenset({"point", "go", "refer", "talk", "speak", "rail", "lash"})


for _lemma in _PARTICLE_ONLY:
    _CUE_LEMMA.update({f: _lemma for f in _forms(_lemma)})


_AUX = frozenset(_LEXICON["aux"])


_CUE_AUX = frozenset(_LEXICON["cue_aux"])


# Words after a cue that PolNeAR keeps in it ("asked about", "responded to", "expressed concern").
# Hand-picked from the cue boundaries of PolNeAR train: each pair was kept in the cue by gold in
# most of its uses there (e.g. respond to 15/15, ask for 8/8, accuse of 6/6); "said of" (14/50)
# and "agreed to" (4/18) were left out.
_TRAILING = {
    "ask": ("about", "for"),
    "agree": ("with",),
    "warn": ("of", "against"),
    "joke": ("about",),
    "respond": ("to",),
    "accuse": ("of",),
    "boast": ("of", "about"),
    "worry": ("about",),
    "write": ("about",),
    "believe": ("in",),
    "comment": ("on",),
    "express": ("concern", "confidence", "doubt", "doubts", "frustration", "hope", "optimism", "support"),
    "rely": ("on",),
    "push": ("for", "back"),
    "decide": ("against",),
}


# "said in a statement", "wrote in an email": gold kept "in a statement" in the cue 46 times in
# 66 on PolNeAR train, "in an email" 7 in 11; "in an interview" only 21 in 48, so it stays out.
_MEDIUM = frozenset("statement email e-mail release".split())


_BREAK = frozenset(_LEXICON["break"])


_CLOSE = frozenset({"close", "closest", "near", "loyal", "related"})


PRONOUNS = frozenset("he she they it we i you him her them".split())


_RELATIVE = frozenset({"who", "which", "that"})


_QUOTE_MARKS = "\"“”‘’«»'"


# A contraction or possessive ending is its own token ("he", "’s"): PolNeAR starts a cue at "’s"
# ("he’s said") and ends a source before it.
_CLITICS = frozenset("'s ’s 've ’ve 're ’re 'll ’ll 'd ’d 'm ’m".split())


_TOKEN = re.compile(
    r"[^\W_]+(?=[’'](?:s|ve|re|ll|d|m)\b)|[’'](?:s|ve|re|ll|d|m)\b|[^\W_]+(?:[’'.&-][^\W_]+)*|[^\w\s]", re.U
)


TITLES = frozenset(
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Capt Adm Maj Prof Rev Hon Atty Det Insp Pres Sens Reps "
    "St".split()
)


Phrase = tuple[str, int, int]  # a phrase as written and its span in the article text


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


_ED_ADJ = frozenset(_LEXICON["ed_adj"])


def _abbrev(word: str) -> bool:
    """A title or an initial that a full stop follows inside a name ("Sen.", "Robert B.")."""
    return (
        word in TITLES
        or (len(word) == 1 and word.isupper())
        or word in _STATE_ABBREVS
        or (word[:1].isupper() and "." in word)  # "U.S", "N.J", "D.C"
    )


# State abbreviations that a full stop follows ("Rep. Steve Israel (D-N.Y.)", "of Lawrenceville,
# Mich."): PolNeAR keeps the stop in the source span.
_STATE_ABBREVS = frozenset(US_STATE_ABBREVIATIONS)


_LONE = frozenset(_LEXICON["lone"])  # besides plurals ("officials")


_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())


# Irregular past tenses that end a subject ("Rubio hit back", "the actor held an audition").
_PAST = frozenset(
    "hit held made took gave went got put set ran won lost came began spent met sent kept left brought "
    "stood sat led drew threw wore became fought sought bought caught taught".split()
)


_PARTICIPLES = frozenset("said told written known seen shown thought found understood".split())


_PASSIVE_AUX = frozenset("was were been being is are be".split())


_FOLLOWING_VERB = frozenset("has have had is are was were would will could did does can should".split())


def _plural(word: str) -> bool:
    """A plural noun that can be a subject ("documents show", "polls found")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and word != "news"


def _verbish(t: _Tok) -> bool:
    """A lowercase past tense: "endorsed", "held", not "unnamed" or "retired"."""
    return not t.cap and (t.low.endswith("ed") and t.low not in _ED_ADJ or t.low in _PAST)


_DAYS = frozenset((*WEEKDAYS, "today", "yesterday", "tonight"))


# ---- source kinds (for attribution) ------------------------------------------------------------
_HEAD_STOP = re.compile(
    r"\s+(?:familiar|close|who|which|that|in|at|from|of|for|on|with|to|by|inside|within|involved|briefed|"
    r"knowledgeable|aware|privy|speaking|working|released|issued|obtained|filed|signed|published|sent|"
    r"read|compiled|present)\b.*$",
    re.I | re.S,
)
_ANON = frozenset(
    "source sources official officials aide aides insider insiders people person persons staffer "
    "staffers diplomat diplomats someone adviser advisers advisor advisors associate associates ally "
    "allies confidant confidants critics experts analysts observers witnesses lawmakers "
    "investigators members supporters opponents residents neighbors neighbours friends relatives "
    "others colleagues employees workers women men".split()
)
_DOCUMENT = frozenset(
    "report reports memo memorandum filing filings letter poll polls survey study studies tweet tweets post "
    "statement document documents complaint indictment lawsuit suit ruling order bill email e-mail emails "
    "analysis data figures records transcript papers affidavit release book article op-ed column "
    "editorial video footage website research audit review assessment estimate estimates projections "
    "guidance proposal motion petition warrant resolution message note notes minutes decision opinion "
    "verdict summary findings account biography manifesto platform budget census law text ad ads "
    "advertisement advertisements commercial update list questions question messages announcement "
    "snapshot rules rule plan clause missive "
    "agreement deal cable dossier paper".split()
)
_ORG_WORDS = frozenset(
    "Party Department Ministry Committee Commission Agency Council Congress Senate House "
    "Administration Campaign Police Court Inc Corp Co Company Group Association Union Institute "
    "University Foundation Office Bureau Service Board Authority Bank Fund Army Navy Force Guard Center "
    "Centre Society League Coalition Alliance Federation Organization Organisation Club Church Trust "
    "Parliament Government Cabinet Assembly Kremlin Pentagon Downing Whitehall Democrats Republicans "
    "Labour Conservatives Tories Commission Caucus Foundation Movement Council PAC Fed Reserve Treasury "
    "Administration Secretariat Embassy Consulate Directorate Prosecutor's Lines Ltd Inc Corp Group "
    "Holdings Industries Airlines Motors Systems Partners Shipyard Shipyards LLC PLC GmbH".split()
)
_ORG_HEADS = frozenset(
    "government campaign company police court committee administration agency department ministry "
    "military prosecutors prosecution authorities firm group organization organisation team office "
    "party union embassy council board panel agency regulators regime army navy coalition movement "
    "network organizers organisers spokesman's state county city authority jury hospital giant school "
    "force".split()
)
_PERSON_ROLES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|lawyer|attorney|senator|president|minister|governor|congress(?:man|woman)|"
    r"candidate|mayor|chair(?:man|woman)?|director|judge|secretary|ambassador|leader|diplomat|chief|"
    r"official|officer|businessman|billionaire|actor|star|man|woman|boy|girl|mother|father|wife|husband|"
    r"[0-9]+-year-old|nominee|speaker|representative|lawmaker|adviser|aide|expert|analyst|professor|"
    r"doctor|commissioner|sheriff|prosecutor|founder|executive|ceo|head|manager|strategist|pollster|"
    r"economist|historian|author|reporter|editor|columnist|correspondent|journalist|writer|captain|pilot|"
    r"driver|passenger|owner|master|witness|victim|teacher|student|resident|neighbou?r|farmer|worker|"
    r"employee|manager|coach|player|priest|bishop|surgeon|nurse|scientist|researcher|activist|organi[sz]er|"
    r"campaigner|protester|survivor|citizen|voter|ceo|boss|founder|owner|investor|banker|trader|engineer|"
    r"inspector|detective|constable|sergeant|colonel|general|soldier|veteran|whistleblower|counsel|justice|"
    r"chairmen|attendee|host|commentator|counselor|counsellor|legislator|hopeful|announcer)$",
    re.I,
)
_REFLEXIVE = re.compile(r"\s+(?:him|her|them|it)sel(?:f|ves)$")
_NAMED = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]*\.?")
_ARTICLES = frozenset({"the", "a", "an"})  # "The port authority" opening a sentence is not a name
_DEFINITE_ROLE = re.compile(r"^the\s+(?:[a-z-]+\s+){0,2}(?P<role>[a-z0-9-]+)$")
_THIS_ARTICLE = re.compile(r"\b(?:this|our)\s+(?:post|article|story|report|newspaper|site|blog)\b", re.I)
_HEARSAY = re.compile(
    r"^(?:(?:unconfirmed|media|press|news|local|several|some|other|multiple|recent)\s+)*reports?$", re.I
)
# "two of the people", "one of the officials present": the group after "of" is the head.
_PARTITIVE = re.compile(
    r"^(?:one|two|three|four|five|several|some|many|most|few|all|each|both|none|a\s+majority|a\s+handful|"
    r"a\s+number|a\s+group)\s+of\s+(?=\S)",
    re.I,
)
# A bare group word, alone or with what ties it to the story ("those close to him", "the two").
_GROUP_ONLY = re.compile(
    r"^(?:the\s+)?(?:those|some|others|many|several|both|two|three|few)"
    r"(?:\s+(?:close|familiar|briefed|involved|knowledgeable|with|who|in|at)\b.*)?$",
    re.I | re.S,
)
_CONTAINER = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:report|story|article|interview|piece|investigation|analysis|"
    r"broadcast|segment|editorial|op-ed|column|poll|survey)\s+(?:in|by|from|with|on|for)\s+(?P<outlet>.+)$",
    re.I | re.S,
)


def source_kind(source: str | None, known_outlets: Sequence[str] = ()) -> str | None:
    """outlet | person | organization | anonymous | document for a source phrase, or None."""
    if not source:
        return None
    text = " ".join(source.split())
    low = text.lower()
    if low in {"he", "she", "him", "her", "i"}:
        return "person"
    if low in PRONOUNS:
        return None
    if outlet_name(text, known_outlets):
        return "outlet"
    if "," in text and _NAMED.fullmatch(text.split(",")[1].strip()):
        return "person"  # "the special counsel, Ann Lee", "One of its members, Bo Diaz"
    if _GROUP_ONLY.match(text):
        return "anonymous"  # "two of the people", "those close to him", "some briefed on it"
    head_phrase = _HEAD_STOP.sub("", _PARTITIVE.sub("", text.split(",")[0]))  # the name before any appositive
    head_phrase = _REFLEXIVE.sub("", head_phrase)  # "the president himself"
    words = re.findall(r"[\w'’&.-]+", head_phrase)
    if not words:
        return None
    last = words[-1].strip(".")
    head = last.lower()
    if head == "media":
        return "outlet"  # "state media reported"
    if head in _DOCUMENT:
        return "document"
    if head in _ANON:
        return "anonymous"
    if "&" in head_phrase or last in _ORG_WORDS or head in _ORG_HEADS or re.fullmatch(r"[A-Z]{2,6}s?", last):
        return "organization"
    tail = 0
    while tail < len(words) and words[-1 - tail][:1].isupper():
        tail += 1
    titled = any(w.strip(".") in TITLES for w in words) or bool(
        _PERSON_ROLES.search(" ".join(words[: -tail or None]))
    )
    if last[:1].isupper() and (tail >= 2 or titled or len(words) == 1):
        return "person"
    if _PERSON_ROLES.search(head):
        return "person"  # "the White House press secretary": a role at the head, whatever names it
    if any(w.strip(".") in _ORG_WORDS for w in words) or any(re.fullmatch(r"[A-Z]{2,6}s?", w) for w in words):
        return "organization"
    if any(w[:1].isupper() and w.lower() not in _ARTICLES for w in words) or _PERSON_ROLES.search(
        head_phrase
    ):
        return "person"
    return "anonymous" if head.endswith("s") else None
