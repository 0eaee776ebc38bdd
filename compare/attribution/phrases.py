"""Noun phrases around a cue, for ``cues``: the source before a cue ("Sen. Jane Roe, a lawyer,
said"), after it ("…, said Smith", "according to X"), and the pieces PolNeAR keeps or leaves out
(appositives, relative pronouns, titles, time words); and the tests of the words around a verb
that tell a reporting frame from narration ("noted that", "…,” X noted", "He noted a rally").
Rules over tokens, no parser."""

from __future__ import annotations

import re

from ..lexicon import MONTH_NAMES, PLACE_NAMES, US_STATE_ABBREVIATIONS
from .lexicon import (
    AUX,
    BREAK,
    CAMEL_NAME,
    CLITICS,
    CLOSE,
    CUE_LEMMA,
    DAYS,
    DETERMINERS,
    ED_ADJ,
    LONE,
    PAST,
    PRONOUNS,
    QUOTE_MARKS,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TITLES,
    Phrase,
    Token,
    is_abbrev,
    is_plural,
    is_quote,
    is_verbish,
    tokenize,
)


def _span(toks: list[Token], i: int, j: int, text: str) -> tuple[str, int, int] | None:
    """The phrase toks[i:j] as written, trimmed of edge punctuation and leading conjunctions."""
    while i < j and (toks[i].text in ",;:-—–()" or is_quote(toks[i]) or toks[i].low in {"and", "but", "or"}):
        i += 1
    while j > i and (
        toks[j - 1].text in ",;:-—–(" or is_quote(toks[j - 1]) or toks[j - 1].low in {"of", "and"}
    ):
        j -= 1
    if i >= j:
        return None
    return text[toks[i].start : toks[j - 1].end], toks[i].start, toks[j - 1].end


# Writings named with what they are written on or about ("a note on the petition").
_WRITTEN_ON = frozenset("note notes statement report memo letter message caption sign label comment".split())


def _linked(toks: list[Token], i: int) -> bool:
    """A word and a preposition before toks[i] that keep the phrase going left: "close to",
    "briefed on", "familiar with", and a writing "on" what it is written on ("a note on the
    petition", "the statement on her health")."""
    prev, word = toks[i - 1].low, toks[i - 2].low
    if prev == "to" and word in CLOSE or prev in _ABOUT and word in _INFORMED:
        return True
    return prev == "on" and word in _WRITTEN_ON and toks[i].low in DETERMINERS


_OBJECT_PRONOUNS = frozenset("him her them us me".split())


def np_back(toks: list[Token], j: int, text: str) -> tuple[str, int, int] | None:
    """The noun phrase ending at toks[j] (inclusive), walking left."""
    if (
        j < 0
        or toks[j].text in ",;:()—–"
        or toks[j].text in _DASHES
        or is_quote(toks[j])
        or toks[j].low in BREAK
    ):
        return None
    object_of = j >= 2 and toks[j].low in _OBJECT_PRONOUNS and toks[j - 1].low in {"for", "to", "with"}
    if toks[j].low in PRONOUNS and not object_of:  # "a spokesman for her": the phrase, not "her"
        return toks[j].text, toks[j].start, toks[j].end
    i = j
    while i > 0 and j - i < 11:
        prev = toks[i - 1]
        if prev.text == "." and i >= 2 and is_abbrev(toks[i - 2].text):
            i -= 1
            continue
        if prev.text == "-" and not (i >= 2 and toks[i - 2].end == prev.start and prev.end == toks[i].start):
            break  # "-- an accusation he knows well -- the nominee said": a dash, not a hyphen
        if prev.text in "&-" or prev.text in ("’s", "'s"):
            i -= 1
            continue
        if prev.text == "/" and i >= 2 and toks[i - 2].cap and toks[i].cap and toks[i - 2].end == prev.start:
            i -= 1  # "A CNN/ORC poll", "USA TODAY/Suffolk University": one name
            continue
        if prev.text in QUOTE_MARKS or not (prev.text[:1].isalnum()):
            break
        if prev.text in {"That", "This", "These", "Those"} and i - 1 == 0 and not toks[i].cap:
            i -= 1  # "That assessment concluded": a demonstrative opening the sentence
            break
        if prev.text == "n" and i >= 2 and toks[i - 2].text == "\\":
            break  # a line break written out as "\n" in scraped text
        if i >= 2 and _linked(toks, i):
            i -= 2  # "a source close to the investigation", "people briefed on the talks"
            continue
        if prev.low == "her" and toks[i].text[:1].islower():
            i -= 1  # "her aides": a determiner
            continue
        if prev.low == "in" and toks[i].low == "chief" and i >= 2 and toks[i - 2].text[:1].isalpha():
            i -= 1  # "editor in chief", "commander in chief": one role
            continue
        if prev.low in _AMONG and i >= 2 and toks[i].low in DETERMINERS and _group(toks[i - 2].low):
            i -= 1  # "someone in the audience", "4 in 10 voters in each state"
            continue
        if prev.low == "to" and i >= 2 and toks[i - 2].low in _ROLE_TO:
            i -= 2  # "Israel's ambassador to the United States": the role, not the place
            continue
        if prev.low == "in" and i >= 2 and toks[i].cap and toks[i - 2].low in {"few", "many", "most", "some"}:
            i -= 1  # "Few in Israel", "many in Washington"
            continue
        placed = i >= 2 and toks[i].text[:1].isupper() and toks[i].low not in _WHEN and _placed(toks[i - 2])
        if prev.low in {"in", "from"} and placed:
            if toks[i - 2].cap:
                return np_back(toks, i - 2, text)  # "Brevard College in North Carolina": the college
            i -= 2  # "Republican officials in Alabama": the officials, the place modifies them
            continue
        if prev.low == "in" and i >= 2 and toks[i].text == "10" and _count(toks[i - 2].low):
            i -= 2  # "Six in 10 voters", "About 4 in 10": the share is one phrase
            continue
        if _inside_name(toks, i):
            i -= 1
            continue
        owner = toks[i].low in CLITICS and prev.low not in BREAK  # "The state's caucuses": a noun
        if prev.low in BREAK or prev.low in PRONOUNS or prev.low in CUE_LEMMA and not prev.cap and not owner:
            break
        if prev.low == "and":
            if not _coordinated(toks, i):
                break
            if toks[i - 2].low in SUBJECT_PRONOUNS:
                i -= 2  # "He and Brafman said": the pronoun opens the subject
                break
            i -= 1
            continue
        if (
            toks[i].low in {"the", "a", "an"}
            and prev.low not in _BEFORE_ARTICLE
            and not prev.low.endswith("ing")
        ):
            break  # "In Wednesday's speech the senator took": a phrase opens at its article
        if prev.low.endswith("ly") and not prev.cap and prev.low not in {"family", "italy", "daily", "early"}:
            break
        if prev.low.endswith("ed") and not prev.cap and prev.low not in ED_ADJ and "-" not in prev.low:
            break  # a verb: "The committee released a statement … saying" (not "union-backed")
        i -= 1
    i = _quantified(toks, i)
    while (
        i < j
        and toks[i].low in _LEADING
        and not (toks[i].low == "at" and toks[i + 1].low == "least" and i + 2 <= j)
    ):
        i += 1  # not "At least one insider"
    i = _past_adverbial(toks, i, j)
    found = _span(toks, i, j + 1, text)
    if found and " " not in found[0] and found[0].islower() and not _lone_noun(found[0]):
        return None  # "stop arguing", "shown saying": a verb or adverb, not a source
    if found and found[0] in _PART | {"several", "few"} and i > 0 and toks[i - 1].low == "with":
        return None  # "candidates demanded it, with several saying": some of the clause's subject
    return found


def _inside_name(toks: list[Token], i: int) -> bool:
    """Whether the word before toks[i] joins two capitalised words of one name: a capitalised
    preposition ("the Alliance Against Defamation") or a lower-case "to" ("Freedom to Marry")."""
    prev = toks[i - 1]
    if not (toks[i].cap and i >= 2 and toks[i - 2].cap):
        return False
    return prev.cap and prev.low in BREAK or prev.text == "to" and i >= 3 and toks[i - 2].low not in BREAK


# Prepositions that open an adverbial before the subject ("Ahead of the vote Lee wrote", "Despite
# Lee saying"): from the 110-event scan, where such openers had been taken into the source.
_ADVERBIAL = frozenset(
    "ahead after during despite before following amid since until unlike upon throughout".split()
)


def _past_adverbial(toks: list[Token], i: int, j: int) -> int:
    """Where the subject starts when toks[i:j+1] opens with an adverbial: after the last common noun
    that a name follows ("Ahead of the meeting Lee"), else after the preposition ("Despite Lee")."""
    a = i - 1 if i > 0 and toks[i - 1].low in _ADVERBIAL and toks[i - 1].cap else i  # "After the storm Lee"
    opens = a == 0 or toks[a - 1].text in ",;:—–" or is_quote(toks[a - 1])
    if i >= j or toks[a].low not in _ADVERBIAL or not opens:
        return i
    for k in range(j, i, -1):
        before = toks[k - 1]
        noun = not before.cap and before.low not in BREAK | _BEFORE_ARTICLE and before.text[:1].isalpha()
        if toks[k].cap and noun:
            return k
    if a < i:
        return i
    k = i + 1 + (toks[i + 1].low == "of" and i + 2 <= j)
    return k if all(t.cap for t in toks[k : j + 1]) else i


def _placed(t: Token) -> bool:
    """A head that a place after "in"/"from" modifies ("officials in Alabama", "a spokeswoman in
    Washington", "Brevard College in North Carolina"), not a verb or a function word."""
    if not t.text[:1].isalpha() or t.low in BREAK | PRONOUNS | DETERMINERS or is_verbish(t):
        return False
    return t.cap or is_plural(t.low) or t.low in _ROLE_TO or t.low in _PLACED_ROLES


_WHEN = frozenset(MONTH_NAMES) | DAYS

_PLACED_ROLES = frozenset(
    "attorney general government spokesman spokeswoman spokesperson congressman congresswoman senator "
    "official leader police authority mayor governor judge prosecutor".split()
)


def _coordinated(toks: list[Token], i: int) -> bool:
    """Whether "and" before toks[i] joins two subjects ("The Kentucky Republican and the New York
    businessman", "Cyber security experts and U.S. officials", "He and Brafman") rather than two
    clauses or verbs: the word before it ends a noun phrase (a name, a pronoun, a plural noun)."""
    if i < 2:
        return False
    before, after = toks[i - 2], toks[i]
    if after.low in BREAK and after.low not in DETERMINERS or is_verbish(after):
        return False
    if before.low in SUBJECT_PRONOUNS:
        return _opens_clause(toks, i - 2)
    if before.cap:
        return True
    if is_verbish(before) or before.low in BREAK:
        return False
    # "The harbour master and …": a phrase opened by its article at the start of the clause.
    opened = any(toks[n].low in DETERMINERS and _opens_clause(toks, n) for n in range(max(0, i - 5), i - 2))
    return is_plural(before.low) or opened


def _opens_clause(toks: list[Token], n: int) -> bool:
    return n == 0 or toks[n - 1].text in ",;:—–.!?" or toks[n - 1].low in BREAK


# Words that tie an anonymous source to what it knows ("people briefed on the trip", "officials
# familiar with the plan", "those knowledgeable about it"): the walk to the source goes past them.
# From the cut-short sources of the 110 corpus events ("the matter" 3 times, "the secret trip").
_INFORMED = frozenset("briefed familiar knowledgeable involved informed knowledge aware privy".split())
_ABOUT = frozenset("on with about in of".split())


# Words that go before an article inside one noun phrase ("all 42 members of the caucus").
_BEFORE_ARTICLE = frozenset(
    "of all both half with from in at on for to by about into near over under among against like".split()
)


def _quantified(toks: list[Token], i: int) -> int:
    """Step left over a quantifier before an amount or a group ("About 9 percent", "Nearly a third",
    "At least half of voters", "Many of her supporters"): PolNeAR's source spans keep it."""
    while i > 0:
        w = toks[i].low
        amount = w[:1].isdigit() or w in _AMOUNT or w.split("-")[0] in _AMOUNT
        if toks[i - 1].low == "of" and i >= 2 and toks[i - 2].low in _PART and amount is False:
            i -= 2
            continue
        if not amount:
            return i
        for words in _QUANTIFIERS:
            n = len(words)
            if i >= n and tuple(t.low for t in toks[i - n : i]) == words:
                i -= n
                break
        else:
            return i
    return i


# Amounts a quantifier can precede ("about three-quarters", "nearly a third", "at least half").
_AMOUNT = frozenset(
    "a one two three four five six seven eight nine ten dozen half third quarter majority "
    "three-quarters two-thirds one-third".split()
)
_PART = frozenset("many most some all half none each both majority".split())
_QUANTIFIERS = tuple(
    tuple(q.split())
    for q in (
        "at least",
        "more than",
        "less than",
        "fewer than",
        "as many as",
        "about",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "only",
        "just",
    )
)


# Roles followed by "to" and whom they serve ("ambassador to Spain", "adviser to the president").
_ROLE_TO = frozenset(
    "ambassador ambassadors envoy envoys adviser advisers advisor advisors aide aides counselor "
    "spokesman spokeswoman spokesperson assistant delegate delegates representative".split()
)


def _count(word: str) -> bool:
    """A small count written as a digit or a word ("4", "four"), as in "four in 10"."""
    return word.isdigit() or word in _AMOUNT - {"a", "dozen", "half", "third", "quarter", "majority"}


def _group(word: str) -> bool:
    """A word for people that a place or poll can follow ("someone in the audience")."""
    return word in _GROUP_WORDS or (is_plural(word) and word.islower())


# Prepositions that tie a group to a place: "someone in the audience", "passengers on the ferry".
_AMONG = frozenset({"in", "from", "on", "aboard"})
_GROUP_WORDS = frozenset("someone anyone everyone many most some few 10 ten people".split())
# Words a source does not start with ("even critics said", "yet Democratic economists argue").
_LEADING = frozenset("and with of for at even yet now let so then".split())


def _lone_noun(word: str) -> bool:
    return word in LONE or word in PRONOUNS or (word.endswith("s") and not word.endswith(("ss", "us", "ous")))


def np_forward(toks: list[Token], i: int, text: str, loose: bool = False) -> tuple[str, int, int] | None:
    """The noun phrase starting at toks[i], walking right ("said Sen. John Smith, R-Texas")."""
    j = i
    stop = BREAK - {"in", "on", "by", "from"} if loose else BREAK
    while j < len(toks) and (j - i < 12 or (j - i < 18 and _in_name(toks, j))):
        t = toks[j]
        if t.text == "." and j > i and is_abbrev(toks[j - 1].text):
            j += 1
            continue
        if not t.text[:1].isalnum() and t.text not in "&-’'" and t.low not in CLITICS:
            break
        if t.low == "for" and j > i and _in_name(toks, j) and toks[j + 1].cap:
            j += 1  # "the Inspector General for Tax Administration", "the Center for Civic Design"
            continue
        if t.low == "to" and j > i and toks[j - 1].low in CLOSE:
            j += 1
            continue
        if loose and t.low in _AFTER_PARTICIPLE and j > i and is_verbish(toks[j - 1]):
            j += 1  # "one of the queries supplied to the Times", "emails sent to aides"
            continue
        # "Two states filed": "states" is no verb ("Lee's remarks came" stays Lee's, the owner speaks)
        noun = j + 1 < len(toks) and is_verbish(toks[j + 1]) and toks[j - 1].low not in CLITICS
        # "Kent’s state auditor": a cue word between an owner and a noun is a noun ("Rice's comments
        # came" keeps the verb)
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        owned = j > i and toks[j - 1].low in CLITICS and nxt is not None and nxt.text.isalpha()
        owned = owned and nxt is not None and nxt.text.islower() and not is_verbish(nxt)
        owned = owned and nxt is not None and nxt.low not in BREAK
        verb = t.low in CUE_LEMMA and not t.cap and j > i and not loose and not noun and not owned
        if t.low in stop or verb:
            break
        if j > i and not t.cap and (t.low.endswith(("n't", "n’t")) or t.low in _AFTER_SUBJECT):
            break  # "Sanders hasn't", "Clinton now": the subject ends
        j += 1
    return _span(toks, i, j, text)


def _in_name(toks: list[Token], j: int) -> bool:
    """Whether toks[j] continues a capitalised name: it and the word before are capitalised, or it is
    "for" between two capitalised words ("Inspector General for Tax Administration")."""
    if j >= 2 and toks[j - 1].low == "for" and toks[j].cap:
        return _in_name(toks, j - 1)
    if j < 1 or not toks[j - 1].cap or toks[j - 1].low in BREAK:
        return False
    if toks[j].low == "for":
        return j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].low not in BREAK | PRONOUNS
    return toks[j].text[:1].isupper()


_AFTER_PARTICIPLE = frozenset("to at for with about into".split())
# Words that follow a subject and are not part of it (PolNeAR train: "now" 9, "later" 3).
_AFTER_SUBJECT = frozenset("now later basically both all still already never ever".split())


def is_label(phrase: str) -> bool:
    """A label before a colon, not a speaker: "The Latest:", "CORRECTION:", "Paid Notice:"."""
    words = phrase.split()
    if phrase.isupper():  # "TAPPER:", "JAKE TAPPER:" open a transcript turn; "CORRECTION:", "UN:" do not
        return len(words) > 3 or len(phrase) < 4 or words[0].title() in _LABELS
    return words[0] in _LABELS


# First words of a label before a colon (PolNeAR train false colon cues: "Contributing: …",
# "Twitter: @…", "Plus: …", "CORRECTION: …").
_LABELS = frozenset(
    "The A An Name Update Updated Correction Clarification Watch Read Paid Contributing Twitter Plus "
    "Breaking Exclusive Video Photos Photo Related Editor Editor's Note Also Abstract Source Sources "
    "Email Follow Q Byline Wow Look Watch Listen".split()
)


def name_list(toks: list[Token], i: int) -> bool:
    """A colon that opens a list of names ("New Hampshire: Ann Lee, Bo Diaz, …")."""
    rest = toks[i + 1 :]
    words = [t for t in rest if t.text[:1].isalpha()]
    commas = sum(t.text == "," for t in rest)
    return commas >= 2 and sum(t.cap for t in words) >= 0.8 * len(words)


def name_forward(toks: list[Token], i: int, text: str) -> tuple[str, int, int] | None:
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


def subject_only(toks: list[Token], src: Phrase, text: str) -> Phrase:
    """The subject at the head of a clause, without the verb the forward walk ran into: "Rubio
    hit back again" -> "Rubio", "the actor held a fake audition" -> "the actor"."""
    n = next(n for n, t in enumerate(toks) if t.start == src[1])
    end = n
    while end < len(toks) and toks[end].end <= src[2]:
        t = toks[end]
        verb_like = t.low.endswith(("ed", "n't", "’t")) and t.low not in ED_ADJ or t.low in PAST
        verb_like = verb_like and "-" not in t.low  # "the tea party-backed candidate": an adjective
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        verb_like |= t.low in ED_ADJ and nxt is not None and nxt.low in DETERMINERS  # "Lee backed the plan"
        if end > n and verb_like and not t.cap:
            break
        end += 1
    return _span(toks, n, end, text) or src


def agent_of(toks: list[Token], np: Phrase, text: str) -> Phrase:
    """ "a letter signed by all 42 senators, which stated": the thing before "<participle> by",
    not the agent, is what the relative pronoun stands for."""
    n = next((n for n, t in enumerate(toks) if t.start == np[1]), 0)
    if n >= 3 and toks[n - 1].low == "by" and toks[n - 2].low.endswith(("ed", "en")):
        head = np_back(toks, n - 3, text)
        if head is not None and head[0][:1].islower():
            return text[head[1] : np[2]], head[1], np[2]
    return np


_FIRM_SUFFIXES = [[w] for w in "inc ltd llc corp co plc lp llp".split()]


def appositive(toks: list[Token], j: int, text: str) -> tuple[str, int, int] | None:
    """The name before an appositive that ends at the comma toks[j]: "Smith, a lawyer at X,"; a
    state set after a place is passed first ("Jo Roe, a doctor in Kisco, New York, said")."""
    if _place_comma(toks, j):
        found = _appositive(toks, j, text, skip_place=True)
        if found is not None:
            return found
    return _appositive(toks, j, text)


def _object_of(toks: list[Token], src: Phrase) -> bool:
    """Whether the name ``src`` follows a verb in a description set off by a comma before it
    ("…, a Republican trying to unseat Ann Lee"): an object, not the subject a cue can take."""
    n = next((n for n, t in enumerate(toks) if t.start == src[1]), 0)
    prev = toks[n - 1] if n >= 2 else None
    if prev is None or prev.cap or not prev.text.isalpha():
        return False
    if not toks[n].cap:  # "to unseat Representative Ann Lee", read as one phrase
        return prev.low == "to" and any(t.cap for t in toks[n + 1 : n + 4])
    if not (is_verbish(prev) or prev.low.endswith("ing") or toks[n - 2].low == "to"):
        return False  # "defeated Ann Lee", "challenging Ann Lee", "to unseat Ann Lee"
    return any(t.text == "," for t in toks[max(0, n - 12) : n - 1])


def _after_name_comma(toks: list[Token], src: Phrase) -> bool:
    """Whether the description ``src`` follows a comma set after a capitalised word that is no day
    or month ("Ann Lee II, a Democrat"): a description stacked on a name."""
    n = next((n for n, t in enumerate(toks) if t.start == src[1]), 0)
    return n >= 2 and toks[n - 1].text == "," and toks[n - 2].cap and toks[n - 2].low not in DAYS | _MONTHS


def _place_comma(toks: list[Token], j: int) -> int | None:
    """The comma between a place and the state or country set after it that the comma toks[j]
    closes ("in Mount Kisco, New York,"), or None."""
    for n in (j - 2, j - 3):
        if n > 0 and toks[n].text == "," and toks[n - 1].cap and all(t.cap for t in toks[n + 1 : j]):
            if " ".join(t.low for t in toks[n + 1 : j]) in PLACE_NAMES:
                return n
    return None


def _appositive(toks: list[Token], j: int, text: str, skip_place: bool = False) -> Phrase | None:
    place = _place_comma(toks, j) if skip_place else None
    for c in range(j - 1, max(0, j - 30), -1):
        if toks[c].text == "," and c != place:
            src = np_back(toks, c - 1, text)
            if src is None and c > 0 and toks[c - 1].text == ")":
                src = parenthesised(toks, c - 1, text)  # "Adam Schiff (Calif.), the ranking Democrat,"
            if skip_place and src and src[0].lower() in DAYS:
                continue  # "Mr. Roe, at an appearance on Saturday, in Kisco, Ohio, said": a day
            if src and _PARTY_TAG.fullmatch(src[0]):
                continue  # "Sen. Max Baucus, D-Mont., the representative …,": the name is further back
            if src and src[0].isdigit() and len(src[0]) <= 3:
                continue  # "Rex Moran, 44, a plumber, said": an age, the name is further back
            if [t.low for t in toks[c + 1 : j] if t.text != "."] in _FIRM_SUFFIXES:
                continue  # "Bo Diaz, manager of Vance for Mayor, Inc., said": the firm's own comma
            named = src is not None and _upper(src[0]) and src[0].lower() not in PRONOUNS
            if named and toks[c + 1].low in _SETTING and c > 0 and toks[c - 1].cap:
                return src  # "Netanyahu, in an address televised across Israel, said": where, not who
            if src and _scene_aside(toks[c + 1]):
                return src  # "The council, for its part, said", "Ms. Roe, also campaigning in Ohio,"
            if src and c + 2 < j and _manner_aside(toks[c + 1], toks[c + 2]):
                return src  # "Mr. Diaz, clearly prepared for the attack, argued": how, not who
            if src and _participle_aside(toks[c + 1 : j]):
                return src  # "The lawyer, only recently hired, said": a participle aside, not a title
            if src and _state_after(toks[c + 1 : j]) and (_upper(src[0]) or src[0].split()[0] in DETERMINERS):
                return (
                    text[src[1] : toks[j - 1].end],
                    src[1],
                    toks[j - 1].end,
                )  # "the mayor of Washington, D.C.,"
            if src and _lower(src[0]) and toks[c + 1].low in {"in", "at"} and _after_name_comma(toks, src):
                continue  # "Bo Roe, who beat Ann Lee, a Democrat, in the Third District, said": further back
            if src and src[0].split()[0].lower() in {"a", "an", "the"} and toks[c + 1].low in {"in", "at"}:
                return src  # "On Tuesday, a spokesman, in Washington, said": where, not who
            if src and _object_of(toks, src):
                continue  # "…, a Republican trying to unseat Ann Lee, a Democrat, said": Lee is the object
            relative = toks[c + 1].low in RELATIVE | {"whose"}
            if src and _lower(src[0]) and relative and _named_before(toks, src, text):
                continue  # "Jo Roe, the head of X, which sells steel, said": the name is further back
            if not relative and any(is_verbish(t) for t in _before_who(toks[c + 1 : j])):
                return None  # "On Tuesday, Sanders endorsed Clinton, saying": a clause, not a title
            if src and _upper(src[0]) and src[0].lower() not in PRONOUNS:
                if any(t.low in CUE_LEMMA and not t.cap for t in toks[c + 1 : j]):
                    return src  # "Owen Drake, the Ledger reports, says": a parenthetical, not a title
                if all(t.low in _ASIDES for t in toks[c + 1 : j]):
                    return src  # "Hunter, meanwhile, said"
                # Name and appositive; the span keeps the closing comma, as PolNeAR marks it.
                return text[src[1] : toks[j - 1].end], src[1], toks[j].end
            if src and _lower(src[0]) and _is_name(toks[c + 1 : j]):
                # "the group's executive director, Ann Lee, said": role first, then the name.
                return text[src[1] : toks[j - 1].end], src[1], toks[j].end
            if src and _lower(src[0]) and toks[c + 1].low in _DESCRIPTION_OPENERS:
                if _named_before(toks, src, text):
                    continue  # "Ann Lee, the chair of X, an advocacy group, said": two descriptions stacked
                if src[0].split()[0].lower() in {"a", "an", "the"}:  # "a spokesman for X, its parent, said"
                    return text[src[1] : toks[j - 1].end], src[1], toks[j].end
            return None
        if is_quote(toks[c]) and not _plural_possessive(toks, c):
            return None
    return None


def _plural_possessive(toks: list[Token], c: int) -> bool:
    """Whether the mark toks[c] is the apostrophe of a plural possessive ("the Farmers’ Union"):
    glued to a word ending in "s", with a capitalised word after it."""
    return (
        toks[c].text in {"’", "'"}
        and 0 < c < len(toks) - 1
        and toks[c - 1].end == toks[c].start
        and toks[c - 1].low.endswith("s")
        and toks[c + 1].start > toks[c].end
        and toks[c + 1].cap
    )


def _before_who(aside: list[Token]) -> list[Token]:
    """The words of a description before the "who" clause it holds ("a profiler who helped catch
    X": "a profiler"), so the clause's verb does not make the description a clause; the whole aside
    when it opens with no article or has no "who"."""
    if not aside or aside[0].low not in _DESCRIPTION_OPENERS:
        return aside
    w = next((n for n, t in enumerate(aside) if t.low == "who"), None)
    return aside if w is None else aside[:w]


def _upper(phrase: str) -> bool:
    """Whether a phrase opens with a capital, or a name written "diGenova"."""
    return phrase[:1].isupper() or CAMEL_NAME.match(phrase) is not None


def _lower(phrase: str) -> bool:
    """Whether a phrase opens with a lower-case word that is no name written "diGenova"."""
    return phrase[:1].islower() and CAMEL_NAME.match(phrase) is None


_DESCRIPTION_REACH = 8
# Words opening a description set after a phrase ("a spokesman for X, its parent company, said").
_DESCRIPTION_OPENERS = frozenset("a an the its their".split())


def _named_before(toks: list[Token], src: Phrase, text: str) -> bool:
    """Whether the phrase ``src`` follows a comma after a name ("Ann Lee, the chair of X"), so a
    second description after it stacks on the name; not after an opener ("Reached for comment,")."""
    return name_before(toks, src, text) is not None


def name_before(toks: list[Token], src: Phrase, text: str) -> Phrase | None:
    """The name that the description ``src`` is set after ("Ann Lee" for "Ann Lee, the chair of
    X"), or None."""
    n = next((n for n, t in enumerate(toks) if t.start == src[1]), 0)
    for _ in range(_DESCRIPTION_REACH):  # a description longer than ``np_back`` walks
        if n < 2 or toks[n - 1].text == "," or not toks[n - 1].text[:1].isalnum():
            break
        if is_verbish(toks[n - 1]) or toks[n - 1].low in BREAK - {"to"} or toks[n - 1].low in PRONOUNS:
            return None
        n -= 1
    if n < 2 or toks[n - 1].text != ",":
        return None
    name = np_back(toks, n - 2, text)
    return name if name is not None and _is_name(tokenize(text, name[1], name[2])) else None


def named_head(toks: list[Token], src: Phrase | None, text: str) -> Phrase | None:
    """The named head of a coordinated subject whose last member is "other …" ("Ann Lee, a lawyer
    who led the drive, and other supporters said": Ann Lee, not "other supporters"); ``src``
    itself otherwise."""
    if src is None or not re.match(r"others?\b", src[0]):
        return src
    n = next((n for n, t in enumerate(toks) if t.start == src[1]), 0)
    if n < 2 or toks[n - 1].low != "and":
        return src
    c = n - 2
    if toks[c].text == ",":  # "A, <a description>, and other …": the comma that opens the description
        stops = (m for m in range(c - 1, max(0, c - 16), -1) if toks[m].text in ",.;:")
        c = next((m for m in stops if not (toks[m].text == "." and _short_word(toks[m - 1].text))), 0) - 1
        if c < 0 or toks[c + 1].text != ",":
            return src
    name = np_back(toks, c, text)
    surname = re.fullmatch(r"[A-Z][a-z]+", name[0]) if name else None
    if name is None or not (surname or _is_name(tokenize(text, name[1], name[2]))):
        return src
    return name  # "Cornyn, the No. 2 Republican, and other supporters": a surname alone


def _short_word(word: str) -> bool:
    """A word a full stop abbreviates ("No. 2", "Gov.", "Jr.")."""
    return is_abbrev(word) or (word[:1].isupper() and len(word) <= 3)


def _state_after(toks: list[Token]) -> bool:
    """A state set after a place between commas: "Washington, DC,", "Austin, Tex.,"."""
    words = [t.text for t in toks if t.text != "."]
    return len(words) == 1 and (words[0] in {"DC", "D.C"} or words[0] in US_STATE_ABBREVIATIONS)


# A party and state after a name ("D-Mont.", "R-Calif"): never the source itself.
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*")


def _party_tag(toks: list[Token], n: int) -> int | None:
    """The index after a party tag in parentheses opening at toks[n] ("(D-Va.)", "(R)"), else None."""
    if n + 2 >= len(toks) or toks[n].text != "(":
        return None
    word = toks[n + 1].text
    if not (_PARTY_TAG.fullmatch(word) or word in {"D", "R", "I"}):
        return None
    close = n + 3 if toks[n + 2].text == "." else n + 2
    return close + 1 if close < len(toks) and toks[close].text == ")" else None


def _is_name(toks: list[Token]) -> bool:
    """Two to five tokens that spell a person's name ("Ann Lee", "Robert S. Mueller III")."""
    words = [t for t in toks if t.text != "."]
    return (
        2 <= len(words) <= 5
        and all(t.text[:1].isupper() and t.text[:1].isalpha() or t.low in {"’s", "'s", "-"} for t in words)
        and not any(t.text in TITLES for t in words[-1:])
    )


# Words that open an aside on where or when someone spoke ("Smith, in a speech on Monday, said").
_SETTING = frozenset("in at during speaking writing appearing interviewed".split())
# Words that open an aside about time, place or manner, never an appositive (which names or
# describes): PolNeAR leaves such asides out of the source.
_SCENE_OPENERS = frozenset("after before for during despite unlike also still campaigning as".split())


def _scene_aside(t: Token) -> bool:
    return t.low in _SCENE_OPENERS or (t.low.endswith("ing") and t.text[:1].islower() and t.low != "leading")


def _manner_aside(adverb: Token, participle: Token) -> bool:
    """An adverb in -ly before a participle in -ed opens an aside on manner ("visibly shaken")."""
    return (
        adverb.low.endswith("ly")
        and adverb.text[:1].islower()
        and participle.low.endswith("ed")
        and participle.text[:1].islower()
    )


_DEGREE = frozenset("only just long once still already newly recently since first".split())


def _participle_aside(aside: list[Token]) -> bool:
    """An aside that opens with a past participle, after adverbs at most ("only recently hired",
    "hired last week", "asked about the plan"): it describes the subject before it."""
    k = 0
    while k < len(aside) and not aside[k].cap and (aside[k].low.endswith("ly") or aside[k].low in _DEGREE):
        k += 1
    return k < len(aside) and is_verbish(aside[k]) and not (k + 1 < len(aside) and aside[k + 1].low == "that")


# Asides between commas that are not an appositive ("Hunter, meanwhile, said").
_ASIDES = frozenset("meanwhile however too though also in turn for example for instance instead then".split())


def trailing_appositive(toks: list[Token], src: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """ "said John Smith, a lawyer for the family." -> the name with its appositive, up to the end
    of the sentence or of the description ("said Jo Roe, 34, chair of X, adding": "Jo Roe, 34, chair
    of X"), as PolNeAR marks a postposed source (182 such spans on PolNeAR train were cut at the
    name when only "a", "an", "the", "who" and a few roles opened the appositive)."""
    n = next((n for n, t in enumerate(toks) if t.start >= src[2]), len(toks))
    tag = _party_tag(toks, n)
    if tag:  # "said Sen. Jo Roe (D-Maine)": PolNeAR keeps the tag (21 of 23 on train)
        src, n = (text[src[1] : toks[tag - 1].end], src[1], toks[tag - 1].end), tag
    if n < len(toks) and toks[n].low == "who":
        return who_clause(toks, src, text)
    if n + 1 >= len(toks) or toks[n].text != "," or not _describes(toks[n + 1]):
        return src
    end = n + 1
    while end < len(toks) and not is_quote(toks[end]):
        if toks[end].text in {";", "!", "?"} or (toks[end].text == "." and not is_abbrev(toks[end - 1].text)):
            break
        if toks[end].text == "," and end + 1 < len(toks) and _clause_after(toks[end + 1]):
            end += 1  # "…, a lawyer, adding that" / ", told Politico": PolNeAR keeps the comma
            break
        end += 1
    if end - n > 30 or (end < len(toks) and is_quote(toks[end])):
        return src
    return text[src[1] : toks[end - 1].end], src[1], toks[end - 1].end


def who_clause(toks: list[Token], src: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """ "said an official who asked not to be named", "according to members who spoke with
    reporters": a relative clause with no comma before it tells which people, and PolNeAR keeps it
    in the source (16 of 18 on train); it runs to a comma, a quotation or the sentence's end."""
    n = next((n for n, t in enumerate(toks) if t.start >= src[2]), len(toks))
    if n >= len(toks) or toks[n].low != "who" or n == 0 or not toks[n - 1].text[:1].isalnum():
        return src
    end = n + 1
    while (
        end < len(toks)
        and not is_quote(toks[end])
        and toks[end].text not in {",", ";", "!", "?", "(", "—", "–"}
    ):
        if toks[end].text == "." and not is_abbrev(toks[end - 1].text):
            break
        end += 1
    if end - n > 25 or end == n + 1:
        return src
    return text[src[1] : toks[end - 1].end], src[1], toks[end - 1].end


_ROLE_OPENERS = frozenset(
    "former senior chief executive deputy spokesman spokeswoman director president head co-founder".split()
)
# Words that open a clause or a setting after a postposed source, not a description of it.
_NOT_APPOSITIVE = frozenset(
    "in at on during after before when while as because since and but or so if though although "
    "told tells said says adds added according referring speaking writing noting citing who's "
    "he she it they we i you this that there then now not".split()
)


def _describes(t: Token) -> bool:
    """A word that can open an appositive after a name: an article, "who", a role, an age, a name
    or a noun ("chairman of", "Democrat of New York", "34,", "Politifact's editor")."""
    if t.low in {"a", "an", "the", "who"} or t.low in _ROLE_OPENERS:
        return True
    if is_quote(t) or not t.text[:1].isalnum() or t.low in _NOT_APPOSITIVE:
        return False
    return not t.low.endswith("ing") and not is_verbish(t) and not t.low.endswith("ly")


def _clause_after(t: Token) -> bool:
    """A comma's next word that ends a description: a participle, a verb or a setting."""
    return t.low in _NOT_APPOSITIVE or (t.low.endswith("ing") and not t.cap) or is_verbish(t)


def parenthesised(toks: list[Token], j: int, text: str) -> tuple[str, int, int] | None:
    """A name followed by a parenthesis that ends at toks[j]: "Dianne Feinstein (D-Calif.)"."""
    for o in range(j - 1, max(0, j - 10), -1):
        if toks[o].text == "(":
            src = np_back(toks, o - 1, text)
            return (text[src[1] : toks[j].end], src[1], toks[j].end) if src else None
    return None


def skip_aux_back(toks: list[Token], j: int) -> int:
    """Step left over auxiliaries, adverbs and time words between a subject and its cue
    ("has also said", "on Tuesday said", "last week told")."""
    while j >= 0:
        low = toks[j].low
        if (
            low in AUX
            or low.endswith(("n't", "n’t"))
            or (low.endswith("ly") and not toks[j].cap and low not in {"family", "italy", "daily"})
        ):
            j -= 1
        elif low in DAYS and j > 0:
            j -= 2 if toks[j - 1].low in {"on", "last", "this", "next", "earlier", "late", "early"} else 1
        elif low == "since" and j > 0 and toks[j - 1].low in {"has", "have", "had"}:
            j -= 1  # "The firm has since said"
        elif low in _MONTHS and toks[j].cap and j > 0 and toks[j - 1].low == "in":
            j -= 2  # "LaPierre in December called": the month is when, not who
        elif low in {"morning", "afternoon", "evening", "night"} and j > 0 and toks[j - 1].low in DAYS:
            j -= 1  # "Sanders on Wednesday morning called"
        elif (
            low == "weekend" and j > 1 and toks[j - 1].low == "the" and toks[j - 2].low in {"over", "during"}
        ):
            j -= 3  # "The congressman over the weekend joked"
        elif (
            low in {"week", "month", "year", "night", "weekend"}
            and j > 0
            and toks[j - 1].low in {"last", "this"}
        ):
            j -= 2
        elif low in {"years", "months", "weeks", "decades", "days"} and j > 0 and toks[j - 1].low == "for":
            j -= 2
        elif low in {"there", "here"} and j > 0 and is_plural(toks[j - 1].low):
            j -= 1  # "Officials there said"
        elif low == "past" and j > 1 and toks[j - 1].low == "the" and toks[j - 2].low == "in":
            j -= 3  # "Trump has in the past expressed"
        elif low in _DASHES and (o := _dash_aside(toks, j)) is not None:
            j = o - 1  # "Trump has strongly – and repeatedly – denied": past the aside in dashes
        elif low == "," and (o := _by_aside(toks, j)) is not None:
            j = o - 1  # "the report, by White House Counsel Jo Roe, concluded": the report concludes
        else:
            break
    return j


def _by_aside(toks: list[Token], j: int) -> int | None:
    """The opening comma of an aside "…, by <author>," that ends at the comma toks[j], when a
    lower-case noun stands before it ("the report, by Jo Roe, concluded"; "the mayor, by all
    accounts, said")."""
    for o in range(j - 2, max(0, j - 12), -1):
        if toks[o].text in {",", ".", ";", ":"} or is_quote(toks[o]):
            ok = toks[o].text == "," and toks[o + 1].low == "by" and o > 0
            return o if ok and toks[o - 1].text.isalpha() and toks[o - 1].text.islower() else None
    return None


_DASHES = frozenset("– — --".split())
_MONTHS = frozenset(m for m in MONTH_NAMES if m != "may")


def _dash_aside(toks: list[Token], j: int) -> int | None:
    """The opening dash of an aside that closes at toks[j] ("– and repeatedly –"), if the aside
    is short and has no quotation mark; a list set off by dashes may run longer, its members
    parted by semicolons ("Four others — Sen. Ann Lee of Kent; Gov. Bo Roe; and Jo Diaz — called")."""
    listed = False
    for o in range(j - 1, max(-1, j - 40), -1):
        if toks[o].low in _DASHES:
            return o if o > 0 and toks[o - 1].text[:1].isalnum() and (j - o < 16 or listed) else None
        listed |= toks[o].text == ";"
        if is_quote(toks[o]) or toks[o].text in {".", ":"} and not is_abbrev(toks[o - 1].text):
            return None
    return None


def as_saying(toks: list[Token], k: int, text: str) -> tuple[tuple[str, int, int], int] | None:
    """NP + "as saying/telling/writing" after a cue: (speaker span, index past it) or None."""
    for n in range(k + 1, min(k + 9, len(toks) - 1)):
        if toks[n].low == "as" and toks[n + 1].low in {"saying", "telling", "writing", "stating", "claiming"}:
            sp = _span(toks, k, n, text)
            return (sp, n + 2) if sp else None
        if toks[n].text in ",.;" or is_quote(toks[n]):
            return None
    return None


def strict_ok(toks: list[Token], i: int, k: int) -> bool:
    """A strict cue at toks[i] (ending before toks[k]) needs a reporting frame around it."""
    nxt = toks[k] if k < len(toks) else None
    prev = toks[i - 1] if i > 0 else None
    if (nxt is None or nxt.text == ".") and _subordinate(toks, i):
        return False  # "… as the negotiations continued.": the clause of a time, not a tag
    if nxt is None or nxt.text in ",:." or is_quote(nxt) or nxt.low == "that":
        return True
    if (
        nxt.low in _THEN_WORDS
        and k + 1 < len(toks)
        and (toks[k + 1].low == "that" or toks[k + 1].text == ":")
    ):
        return True  # "He added later that …", "She noted again:"
    if nxt.low in {"in", "on", "during"} and _that_after_setting(toks, k):
        return True  # "Mr. Huckabee noted in regular audio updates Wednesday that …"
    if nxt.low in {"in", "on", "to"} and _colon_after_setting(toks, k):
        return True  # "Ann Lee posted on Facebook: “…”", "posted to her page on the site: “…”"
    if prev is not None and (prev.text == "," or is_quote(prev)):
        return True
    if i >= 2 and toks[i - 1].low in PRONOUNS and (toks[i - 2].text == "," or is_quote(toks[i - 2])):
        return True
    return False


# Adverbs of time between a strict cue and its "that": "added later that", "noted again that".
_THEN_WORDS = frozenset("later again also afterward afterwards then today yesterday tonight".split())
_SUBORDINATORS = frozenset("while when whenever after before until since because although though".split())


def _subordinate(toks: list[Token], i: int) -> bool:
    """Whether the words before toks[i], back to a comma, quotation mark or the sentence start,
    open with a subordinator and hold no quotation ("while the hearing continued"); "as" only
    before "continued" ("as Smith noted." is a tag)."""
    j = i - 1
    while j >= 0 and toks[j].text not in {",", ";", ":"} and not is_quote(toks[j]):
        if toks[j].low in _SUBORDINATORS or (toks[j].low == "as" and toks[i].low.startswith("continu")):
            return True
        j -= 1
    return False


_CLAUSE_BREAK = frozenset("and but or who which when while because if as to is was are were has had".split())


def _that_after_setting(toks: list[Token], k: int) -> bool:
    """A short setting after a cue ("in a radio interview", "on Twitter") followed by "that"."""
    for t in toks[k + 1 : k + 8]:
        if t.low == "that":
            return True
        if t.text in {",", ".", ";", ":"} or is_quote(t) or t.low in CUE_LEMMA or t.low in _CLAUSE_BREAK:
            return False
    return False


def _colon_after_setting(toks: list[Token], k: int) -> bool:
    """A short setting after a cue ("on Facebook", "to her page on the site") closed by a colon and
    a quotation mark: the words posted or written there are quoted."""
    for n in range(k + 1, min(len(toks) - 1, k + 10)):
        t = toks[n]
        if t.text == ":":
            return is_quote(toks[n + 1])
        if t.text in {",", ".", ";"} or is_quote(t) or t.low in CUE_LEMMA or t.low in _CLAUSE_BREAK:
            return False
    return False


def quote_follows(toks: list[Token], k: int) -> bool:
    """A quotation mark within the next dozen words, before the sentence ends: "Comey called
    Clinton's use of email “extremely careless”"."""
    for t in toks[k : k + 14]:
        if is_quote(t):
            return True
        if t.text in {".", ";"} and not is_abbrev(toks[toks.index(t) - 1].text):
            return False
    return False


def object_past(toks: list[Token], i: int) -> bool:
    """ "He noted a planned rally", "The letter cited an April summit": a strict verb in the past
    tense with its subject right before it (PolNeAR train: noted, cited, questioned missed 15-21
    times each). Such a cue is weak: it narrates as often as it relays."""
    low = toks[i].low
    if low.endswith("ing") or CUE_LEMMA.get(low) in _NOT_OBJECT:
        return False
    j = skip_aux_back(toks, i - 1)
    if j < 0:
        return False
    subject = toks[j].low in SUBJECT_PRONOUNS or toks[j].cap and toks[j].text[:1].isalpha()
    # "Union leaders also see a unifier": a plural subject before a present tense.
    return subject or (is_plural(toks[j].low) and toks[j].low not in CUE_LEMMA and not low.endswith("ed"))


# Strict verbs whose past tense with a plain object is not reporting ("added 200 jobs",
# "continued the tour", "posted a photo", "charged the suspect", "detailed plans").
_NOT_OBJECT = frozenset("add continue post charge detail project brief counter answer maintain".split())


def title_case(toks: list[Token]) -> bool:
    """A headline in title case ("Sanders Says He Will Stay In The Race")."""
    words = [t for t in toks if t.text[:1].isalpha()]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def after_determiner(toks: list[Token], j: int) -> bool:
    """Whether the capitalised words ending at toks[j] follow a determiner or preposition."""
    while j >= 0 and (toks[j].cap or toks[j].text == "."):
        j -= 1
    return j >= 0 and toks[j].low in DETERMINERS | {"in", "of", "to", "after", "since", "before", "by"}


# Words that open a phrase before the subject ("Along the way, the members …", "On Monday, …").
_OPENERS = frozenset("along in on at after before during since with for by from under despite".split())
_SUBORDINATE = frozenset("while when although though because if as whether unless since once".split())
# Words that end a subject: a verb, auxiliary or relative pronoun after it.
_SUBJECT_END = frozenset(
    "who which that whose is are was were has have had will would could can should may might must do "
    "did does also said say says told not".split()
)


def plural_subject(text: str, start: int, end: int) -> Phrase | None:
    """The subject opening ``text[start:end]`` when it is plural ("The town council members met …",
    "Some senators who …"), for "they": a head noun in the plural or two names joined by "and"."""
    toks = tokenize(text, start, end)
    if toks and toks[0].low in {"and", "but", "so", "yet"}:
        toks = toks[1:]
    if not toks or toks[0].low in _SUBORDINATE:
        return None  # "While the e-mails showed …": not the subject of the main clause
    n = 0
    comma = next((c for c, t in enumerate(toks[:10]) if t.text == ","), None)
    opener = toks[0].low in _OPENERS or (toks[0].low.endswith("ing") and toks[0].cap) or (comma or 9) <= 3
    if opener:  # "After the storm, …", "Throwing down the gauntlet, …", "Even so, …"
        if comma is None or any(is_verbish(t) for t in toks[:comma]):
            return None
        n = comma + 1
    if n < len(toks) and (is_quote(toks[n]) or toks[n].low in PRONOUNS):
        return None
    j = n
    while j < len(toks) and j - n < 10:
        t = toks[j]
        if (t.text == "." and j > n and is_abbrev(toks[j - 1].text)) or t.low in CLITICS:
            j += 1  # "Many of Ms. Lee’s colleagues"
            continue
        if (
            not t.text[:1].isalnum()
            or t.low in _SUBJECT_END
            or is_verbish(t)
            or (j > n and (t.low in CUE_LEMMA or t.low in _S_VERBS))
        ):
            break  # a verb ends the subject: "The White House remains"
        if t.low.endswith("ly") and not t.cap and j + 1 < len(toks) and is_verbish(toks[j + 1]):
            break  # "Democrats roundly criticized"
        j += 1
    if j == n or j >= len(toks):
        return None
    nxt = toks[j]
    if not (
        is_verbish(nxt) or nxt.low in _SUBJECT_END | _S_VERBS or nxt.low in CUE_LEMMA or nxt.text in "—–"
    ):
        if not nxt.low.endswith("ly"):
            return None
    of = next((m for m in range(n + 1, j) if toks[m].low == "of"), j)
    head = toks[of - 1]  # "all 42 members of the caucus": the head comes before "of"
    names = any(t.low == "and" for t in toks[n:j]) and toks[j - 1].cap
    group = head.low in _PLURAL_HEADS or (
        is_plural(head.low) and (not head.cap or head.low.endswith(_GROUP_ENDS))
    )
    if not (names or group):
        return None
    return _span(toks, n, j, text)


# Plural heads without a final s, and quantifiers that head a group ("many of his colleagues").
_PLURAL_HEADS = frozenset(
    "people police men women chairmen children staff many most some several both all".split()
)
# Endings of capitalised plurals that name a group, not a person ("Democrats", "Republicans").
_GROUP_ENDS = ("ans", "ats", "ists", "ives", "als")


# Present-tense verbs in -s that would pass for a plural head ("The White House remains").
_S_VERBS = frozenset(
    "remains stands faces takes makes gets goes comes looks holds keeps leads needs lives runs sits lies "
    "becomes includes involves means has does wants".split()
)


# Participles that open a sentence with the question put to its subject ("Asked about the vote,
# Lee said …", "Pressed on the deal, she repeated …").
ASKED = frozenset("asked pressed questioned quizzed".split())


def asked_subject(text: str, start: int, end: int) -> Phrase | None:
    """The subject of the main clause after an opening "Asked …" clause in ``text[start:end]``:
    the phrase after the first comma that a name or a subject pronoun follows ("Asked about the
    rally, when he spoke, Mr. Lee said" -> "Mr. Lee"); None when there is none."""
    toks = tokenize(text, start, end)
    for k in range(1, len(toks) - 1):
        if toks[k].text != ",":
            continue
        n = k + 1 + (is_quote(toks[k + 1]) and k + 2 < len(toks))
        nxt = toks[n]
        if nxt.low in SUBJECT_PRONOUNS and nxt.low not in {"it", "this", "that"}:
            return nxt.text, nxt.start, nxt.end
        if nxt.text[:1].isalpha() and nxt.cap and nxt.low not in BREAK | DETERMINERS:
            return name_forward(toks, n, text)  # "Ann Lee played along": the name alone
        if nxt.low in DETERMINERS:  # "the senator laughed": up to the verb
            j = next((j for j in range(n + 1, min(n + 6, len(toks))) if is_verbish(toks[j])), None)
            return _span(toks, n, j, text) if j else None
    return None
