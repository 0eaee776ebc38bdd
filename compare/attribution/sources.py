"""Source phrases: what kind of thing a source is (``source_kind``: person, organization, outlet,
anonymous, document), the people a text names (``person_mentions``, for pronouns), and the key
under which different wordings of one source meet (``source_key``, ``merge_sources``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..lexicon import MONTH_NAMES, PLACE_NAMES, WEEKDAYS
from ..outlets import outlet_name
from .lexicon import CAMEL_NAME, PRONOUNS, TITLES, is_plural

# ---- source kinds (for attribution) ------------------------------------------------------------
_HEAD_STOP = re.compile(
    r"\s+(?:familiar|close|who|which|that|in|at|from|of|for|on|with|to|by|inside|within|involved|briefed|"
    r"knowledgeable|aware|privy|speaking|working|released|issued|obtained|filed|signed|published|sent|"
    r"read|compiled|supplied|provided|leaked|reviewed|present)\b.*$",
    re.I | re.S,
)
ANONYMOUS_HEADS = _ANON = frozenset(
    "source sources official officials aide aides insider insiders people person persons staffer "
    "staffers diplomat diplomats someone adviser advisers advisor advisors associate associates ally "
    "allies confidant confidants critics experts analysts observers witnesses lawmakers "
    "investigators members supporters opponents residents neighbors neighbours friends relatives "
    "others colleagues employees workers women men participant participants witness attendee attendees "
    "bystander bystanders protester protesters demonstrator demonstrators marcher marchers".split()
)
DOCUMENT_WORDS = frozenset(
    "report reports memo memorandum filing filings letter poll polls survey study studies tweet tweets post "
    "voice-over voiceover caption "
    "statement document documents complaint indictment lawsuit suit ruling order bill email e-mail emails "
    "e-mails "
    "analysis data figures records transcript papers affidavit release book article op-ed column "
    "editorial video footage website research audit review assessment estimate estimates projections "
    "guidance proposal motion petition warrant resolution message note notes minutes decision opinion "
    "verdict summary findings account biography manifesto platform budget census law text ad ads "
    "advertisement advertisements commercial update list questions question messages announcement "
    "snapshot rules rule plan clause missive memos letters cables finding excerpt excerpts copies "
    "agreement deal cable dossier paper query queries case returns story disclosure disclosures "
    "figure".split()
)
ORG_WORDS = frozenset(
    "Party Department Ministry Committee Commission Agency Council Congress Senate House "
    "Administration Campaign Police Court Inc Corp Co Company Group Association Union Institute "
    "University Foundation Office Bureau Service Board Authority Bank Fund Army Navy Force Guard Center "
    "Centre Society League Coalition Alliance Federation Organization Organisation Club Church Trust "
    "Parliament Government Cabinet Assembly Kremlin Pentagon Downing Whitehall Democrats Republicans "
    "Labour Conservatives Tories Commission Caucus Foundation Movement Council PAC Fed Reserve Treasury "
    "Administration Secretariat Embassy Consulate Directorate Prosecutor's Lines Ltd Inc Corp Group "
    "Holdings Industries Airlines Motors Systems Partners Shipyard Shipyards LLC PLC GmbH "
    "Protection Enforcement Customs".split()
)
_ORG_HEADS = frozenset(
    "government campaign company police court committee administration agency department ministry "
    "military prosecutors prosecution authorities firm group organization organisation team office "
    "party union embassy council board panel agency regulators regime army navy coalition movement "
    "network spokesman's state county city authority jury hospital giant school agencies intelligence "
    "force brigade squad community side sides states".split()
)
PERSON_ROLES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|lawyer|attorney|senator|president|minister|governor|congress(?:man|woman)|"
    r"candidate|mayor|chair(?:man|woman)?|director|judge|secretary|ambassador|leader|diplomat|chief|"
    r"official|officer|businessman|billionaire|actor|star|man|woman|boy|girl|mother|father|wife|husband|"
    r"son|daughter|brother|sister|"
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
_REFLEXIVE = re.compile(r"\s+(?:(?:him|her|them|it)sel(?:f|ves)|alike|too|soon)$")
_NAMED = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]*\.?")
_ARTICLES = frozenset({"the", "a", "an"})  # "The port authority" opening a sentence is not a name
DEFINITE_ROLE = re.compile(r"^the\s+(?:[a-z-]+\s+){0,3}(?P<role>[a-z0-9-]+)$")
THIS_ARTICLE = re.compile(r"\b(?:this|our)\s+(?:post|article|story|report|newspaper|site|blog)\b", re.I)
HEARSAY = re.compile(
    r"^(?:(?:unconfirmed|media|press|news|local|several|some|other|multiple|recent)\s+)*reports?$", re.I
)
# "two of the people", "one of the officials present": the group after "of" is the head.
_PARTITIVE = re.compile(
    r"^(?:one|two|three|four|five|several|some|many|most|few|all|each|both|none|part|a\s+majority|"
    r"a\s+handful|"
    r"a\s+number|a\s+group)\s+of\s+(?=\S)",
    re.I,
)
# A bare group word, alone or with what ties it to the story ("those close to him", "the two").
_GROUP_ONLY = re.compile(
    r"^(?:the\s+)?(?:those|some|others|many|several|both|two|three|few)"
    r"(?:\s+(?:close|familiar|briefed|involved|knowledgeable|with|who|in|at|on|inside|within)\b.*)?$",
    re.I | re.S,
)
CONTAINER = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:report|story|article|interview|piece|investigation|analysis|"
    r"broadcast|segment|editorial|op-ed|column|poll|survey)\s+(?:in|by|from|with|on|for)\s+(?P<outlet>.+)$",
    re.I | re.S,
)


# Words that make a source an outlet: an appositive or a leading noun ("Politico, a news site",
# "X, a South Korean newspaper", "the newspaper Munhwa Ilbo"), and journalists named with theirs.
_OUTLET_NOUNS = (
    r"(?:news\s+)?(?:newspaper|daily|weekly|tabloid|magazine|news\s+site|website|web\s+site|news\s+agency|"
    r"(?:news)?wire(?:\s+service)?|news\s+service|broadcaster|network|channel|radio|television\s+station|blog|outlet)"
)
_OUTLET_APPOSITIVE = re.compile(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_OUTLET_NOUNS}\b", re.I)
_OUTLET_WORDS = re.compile(
    rf"^(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_OUTLET_NOUNS},?\s+[A-Z]|(?:state|local|conservative|liberal|"
    r"foreign|national|news|media|other)\s+(?:media|websites|outlets|newspapers|television)\b|"
    r"media\s+stories\b|"
    r"the\s+(?:newspaper|magazine|tabloid|broadcaster|news\s+agency|daily)$)",
    re.I,
)
_OUTLET_STAFF = re.compile(
    r"^(?:(?:the\s+)?(?P<outlet>(?:[A-Z][\w.&'’-]*\s+){1,4})(?:reporter|correspondent|columnist|editor|"
    r"journalist|writer)\s+[A-Z]|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2}\s+of\s+(?P<of>.+))",
)
# Places that stand for an organisation ("Downing Street said") and leak sites.
_PLACE_ORGS = re.compile(
    r"\b(?:Downing\s+Street|Number\s+10|No\.?\s+10|White\s+House|Kremlin|Élysée|Elysee)$"
)
_LEAK_SITES = frozenset({"wikileaks", "distributed denial of secrets", "ddosecrets"})
# Plural nouns for groups of unnamed people (not organisations): "campaigners", "fishing crews".
_GROUP_HEADS = re.compile(
    r"^(?:campaigners|crews|users|officers|critics|protesters|protestors|demonstrators|activists|organizers|"
    r"organisers|voters|parents|students|teachers|locals|passengers|fans|shoppers|customers|figures|"
    r"commentators|conservatives|liberals|progressives|democrats|republicans|skeptics|sceptics|"
    r"scientists|economists|doctors|nurses|farmers|fishermen|islanders|villagers|families|victims|"
    r"survivors|bystanders|onlookers|veterans|soldiers|troops|immigrants|refugees|islanders|"
    r"swimmers|members|leaders|owners|businesses|traders|researchers|historians|readers|viewers)$"
)


# A political camp, unnamed people ("the left", "the religious right", "the far-left").
_CAMP = re.compile(
    r"^the\s+(?:(?:far|hard|radical|religious|christian|populist|new|alt|activist|political)[\s-]+)?"
    r"(?:left|right)(?:[\s-]+wing)?$",
    re.I,
)
# The head of a possessive phrase: "the former secretary of state's campaign" -> campaign.
_OWNED_HEAD = re.compile(r"\S['’]s\s+(?:[\w-]+\s+){0,2}(?P<head>[\w-]+)$")
_PARTY_PLURALS = frozenset({"democrats", "republicans", "conservatives", "liberals", "progressives"})
_CAMP_PLURALS = frozenset({"liberals", "progressives"})  # no party: "Liberals" opening a sentence
_QUANTIFIERS = frozenset("many some several other others few most numerous two three four five".split())


# What cannot speak: an event, an election, a treaty, a war ("the 2016 election", "the
# Trans-Pacific Partnership", "the summit"). A cue whose source is one of these has no source.
_EVENT_HEAD = re.compile(
    r"(?:^|\s)(?:election|elections|primary|primaries|caucuses|treaty|partnership|accord|accords|summit|war|debate|"
    r"olympics|referendum|inauguration|convention|championship|tournament|festival|ceremony|"
    r"earthquake|hurricane|storm|flood|flooding|pandemic|epidemic|shooting|crash|explosion|fire)$",
    re.I,
)


def is_event(source: str) -> bool:
    """Whether a source phrase names an event or a treaty, which cannot speak."""
    head = _HEAD_STOP.sub("", " ".join(source.split(",")[0].split()))
    if _MEMBERS_CAUCUS.search(head):
        return False  # "the state's four legislative caucuses": groups of members, not a vote
    return bool(_EVENT_HEAD.search(head)) and not PERSON_ROLES.search(head)


# Caucuses of a legislature, which speak ("The Democratic caucus said"), unlike "the Iowa caucuses".
_MEMBERS_CAUCUS = re.compile(
    r"\b(?:legislative|congressional|parliamentary|party|house|senate|assembly)\s+caucuses$", re.I
)


def _unnamed_group(words: Sequence[str], head: str) -> bool:
    """A plural head for people with no proper name before it: "Campaigners", "Fishing crews",
    "Many Democrats", "Tea party organizers" (a capitalised party plural counts as unnamed)."""
    if not _GROUP_HEADS.match(head):
        return False
    owner = max((i for i, w in enumerate(words[:-1]) if _POSSESSIVE_TAIL.search(w)), default=0)
    # "the European Union’s leaders": the owner's name names no one of the group
    names = [w for w in words[max(1, owner + 1) : -1] if w[:1].isupper() and w.lower() not in _ARTICLES]
    if head in _PARTY_PLURALS:  # "Many Democrats": unnamed; "Democrats", "House Democrats": the party
        return words[0].lower() in _QUANTIFIERS or (len(words) == 1 and head in _CAMP_PLURALS)
    return not names


# Words that withhold a name: the source is anonymous whatever its head.
_UNNAMED = re.compile(
    r"\b(?:not\s+to\s+be\s+(?:named|identified)|on\s+(?:the\s+)?condition\s+of\s+anonymity|"
    r"speaking\s+anonymously|who\s+declined\s+to\s+be\s+(?:named|identified))\b",
    re.I,
)


# An unnamed spokesperson speaks for whom they represent: "A spokesperson for Harbour Co.", "an
# Acme spokeswoman", "the ministry's spokesman", "a Number 10 spokesperson".
_SPOKES = re.compile(
    r"^(?i:an?|the|one)\s+(?:(?P<pre>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z0-9][\w.&'’-]*)*?)(?:['’]s?)?\s+)?"
    r"(?:(?:deputy|chief|senior|press)\s+)?(?:spokes(?:man|woman|person)|press\s+(?:office|secretary)|representative)"
    r"(?:\s+for\s+(?P<for>.+))?$"
)
_DEMONYMS = re.compile(
    r"^the\s+(?:north\s+|south\s+)?(?:americans|british|chinese|russians|iranians|israelis|palestinians|"
    r"koreans|japanese|french|germans|saudis|syrians|iraqis|afghans|turks|egyptians|ukrainians|mexicans|"
    r"canadians|indians|pakistanis|europeans|taiwanese|cubans|venezuelans)$"
)
_VIA = re.compile(r"\bvia\s+(?P<outlet>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})$")


def spoken_for(source: str | None, known_outlets: Sequence[str] = ()) -> tuple[str, str] | None:
    """(whom, kind) when ``source`` is an unnamed spokesperson of an organisation or an outlet ("A
    spokesperson for Harbour Co." -> ("Harbour Co.", "organization")) or words passed on via an
    outlet ("the full letter via the Ledger"); None otherwise (a named spokesman is a person)."""
    if not source:
        return None
    head, _, after = source.partition(",")
    if after.strip()[:1].isupper():
        return None  # "a spokeswoman for the ministry, Jo Roe": she is named
    text = " ".join(head.split())
    via = _VIA.search(text)
    if via and outlet_name(via.group("outlet"), known_outlets):
        return outlet_name(via.group("outlet"), known_outlets) or "", "outlet"
    m = _SPOKES.match(text)
    if not m or not (m.group("pre") or m.group("for")):
        return None
    whom = re.sub(r"^the\s+", "", (m.group("for") or m.group("pre") or "").strip(), flags=re.I)
    if not whom[:1].isupper():  # "a spokesman for the agency": resolved later if at all
        return None
    name = outlet_name(whom, known_outlets)
    if name:
        return name, "outlet"
    kind = source_kind(whom, known_outlets)
    if kind == "organization" or (kind == "person" and _org_like(whom)):
        return _POSSESSIVE_TAIL.sub("", whom), "organization"
    return None


def _speaks_for_body(text: str) -> bool:
    """Whether an unnamed spokesperson speaks for a body not named by a capital ("a spokesman for
    the agency", "A representative for his office"): the body speaks, as "a Number 10 spokesperson"
    does; "a spokesman for the president" stays a person."""
    head, _, after = text.partition(",")
    m = _SPOKES.match(head.strip())
    words = (m.group("for") or "").split() if m else []
    if len(words) < 2 or after.strip()[:1].isupper():
        return False  # "a spokesman for the committee, Jo Roe": she is named
    body = words[1:]  # "the California secretary of state" is a person's office: no capital, no "of"
    if any(w[:1].isupper() or w.lower() == "of" for w in body):
        return False
    return words[0].lower() in _BODY_OWNERS and body[-1].lower() in _ORG_HEADS


_BODY_OWNERS = frozenset("the his her their its this that".split())


def _org_like(name: str) -> bool:
    """A capitalised name that reads as a company or body rather than a person: one word (the
    person case, "a Ryan spokesman", is told apart by the caller's names), an abbreviation, or
    a name ending in a number or an organisation word."""
    words = name.split()
    return bool(words) and (
        re.fullmatch(r"[A-Z][\w&.-]*", name) is not None
        or words[-1].strip(".") in ORG_WORDS
        or words[-1].isdigit()
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
    resolved = re.fullmatch(r"(.+?)\s+\(([^()]+)\)", text)  # "the spokesperson (Harbour Co.)"
    spoken = spoken_for(text, known_outlets) or (
        resolved and spoken_for(resolved.group(1) + " for " + resolved.group(2), known_outlets)
    )
    if spoken:
        return spoken[1]
    if _speaks_for_body(text):
        return "organization"  # "A representative for his office", "a spokesman for the agency"
    if _DEMONYMS.match(low):
        return "organization"  # "The Iranians have said": a country speaking through its government
    if outlet_name(text, known_outlets) or _OUTLET_APPOSITIVE.search(text) or _OUTLET_WORDS.match(text):
        return "outlet"  # "Politico, a news site", "the newspaper Munhwa Ilbo", "state media"
    staff = _OUTLET_STAFF.match(text)
    if staff and outlet_name(staff.group("outlet") or staff.group("of") or "", known_outlets):
        return "outlet"  # "The Washington Post reporter Robert Costa", "Ann Lee of Reuters"
    if _PLACE_ORGS.search(text) or low.strip(". ") in _LEAK_SITES:
        return "organization"  # "10 Downing Street", "the White House", "WikiLeaks"
    if _country(low):
        return "organization"  # "Iran warned", "Nebraska and Oklahoma accused": a government
    if "," in text and _NAMED.fullmatch(text.split(",")[1].strip()):
        return "person"  # "the special counsel, Ann Lee", "One of its members, Bo Diaz"
    if _UNNAMED.search(text):
        return "anonymous"  # "a council officer, who asked not to be named"
    if _GROUP_ONLY.match(text) or _CAMP.match(text):
        return "anonymous"  # "two of the people", "those close to him", "some on the right", "the left"
    head_phrase = _HEAD_STOP.sub("", _PARTITIVE.sub("", text.split(",")[0]))  # the name before any appositive
    whole = _PARTITIVE.sub("", text.split(",")[0])
    owned = _OWNED_HEAD.search(whole)
    owner = whole[: owned.start() + 1].split() if owned else []
    # "The head of Iran's agency": the possessive is inside the phrase after "of"
    inside_of = len(owner) > 1 and owner[-2] == "of" and owner[-1][:1].isupper()
    if owned and owned.group("head").lower() in _ORG_HEADS - {"spokesman's"} and not inside_of:
        return "organization"  # "the former secretary of state's campaign": the head follows the 's
    cut = whole[len(head_phrase) :].split()
    if cut and cut[0].endswith("ed") and not set(head_phrase.lower().split()) - _QUANTIFIERS - _ARTICLES:
        head_phrase = whole  # "several published reports": a participle before the head, no agent after
    head_phrase = _REFLEXIVE.sub("", head_phrase)  # "the president himself"
    words = re.findall(r"[\w'’&.-]+", head_phrase)
    while len(words) > 1 and _TRAILING_PARTICIPLE.fullmatch(words[-1]) and is_plural(words[-2].lower()):
        words = words[:-1]  # "Additional records disclosed (Wednesday)": the records, not a name
    if not words:
        return None
    while len(words) > 2 and words[-1].strip(".,") in _SUFFIXES:
        words = words[:-1]  # "Thomas M. Davis III": a person, not an abbreviation
    last = words[-1].strip(".")
    head = last.lower()
    if head == "figures" and len(words) > 1 and words[-2].lower() in _PEOPLE_FIGURES:
        return "anonymous"  # "prominent figures", not "figures released Tuesday"
    if _TITLED_NAME.search(text.split(",")[0]):
        return "person"  # "The Harbour Alliance for Ferries President Jo Roe"
    if head == "media":
        return "outlet"  # "state media reported"
    if head in DOCUMENT_WORDS:
        return "document"
    named_after = "," in text and re.match(r"[A-Z][\w.’'-]+\s+[A-Z]", text.split(",")[1].strip())
    if head in _ANON and named_after and not head.endswith("s"):
        return "person"  # "Another demonstrator, Jo Roe from Kent": named after the comma
    if head in _ANON:
        return "anonymous"
    if _unnamed_group(words, head):
        return "anonymous"  # "Campaigners", "Fishing crews", "critics of the plan", "Many Democrats"
    if "&" in head_phrase or last in ORG_WORDS or head in _ORG_HEADS or re.fullmatch(r"[A-Z]{2,6}s?", last):
        return "organization"
    if any(w in ORG_WORDS and nxt in _NAME_PREPOSITIONS for w, nxt in zip(words, words[1:], strict=False)):
        return "organization"  # "the Alliance Against Defamation", "Citizens for Ethics"
    tail = 0
    while tail < len(words) and _capital(words[-1 - tail]):
        tail += 1
    titled = any(w.strip(".") in TITLES for w in words) or bool(
        PERSON_ROLES.search(" ".join(words[: -tail or None]))
    )
    possessive = any(_POSSESSIVE_TAIL.search(w) for w in words)
    member = last in {"Republican", "Democrat", "Independent", "Libertarian"}  # "The Ohio Republican"
    if words[0] in {"The", "the"} and tail >= len(words) - 1 >= 2 and not (titled or possessive or member):
        return "organization"  # "The Rocky Mountain Drug Area": no one's name follows "the"
    if _capital(last) and (tail >= 2 or titled or len(words) == 1):
        return "person"
    if PERSON_ROLES.search(head) or head in _PERSON_NOUNS:
        return "person"  # "the White House press secretary": a role at the head, whatever names it
    if last.islower() and last.endswith(("man", "woman")) and last not in {"human", "ottoman"}:
        return "person"  # "The cameraman", "a fisherwoman"
    if any(w.strip(".") in ORG_WORDS for w in words) or any(re.fullmatch(r"[A-Z]{2,6}s?", w) for w in words):
        return "organization"
    named = any(
        _capital(w) and w.lower() not in _ARTICLES | _QUANTIFIERS for w in words
    )  # not "Two engineers"
    if named or PERSON_ROLES.search(head_phrase):
        return "person"
    return "anonymous" if head.endswith("s") else None


def _capital(word: str) -> bool:
    """A word opening with a capital, or a name written with a lower-case particle ("diGenova")."""
    return word[:1].isupper() or CAMEL_NAME.match(word) is not None


# Nouns for a person that are no role a later "the <role>" stands for ("the tycoon", "the pro").
_PERSON_NOUNS = frozenset(
    "tycoon mogul magnate pro billionaires front-runner frontrunner incumbent challenger".split()
)


_PEOPLE_FIGURES = frozenset(
    "prominent public political key leading senior other religious party opposition".split()
)
# A role written as a title right before a name of two words or more closes a person source.
_TITLED_NAME = re.compile(
    r"\b(?:President|Chairman|Chairwoman|Chair|Director|Spokesman|Spokeswoman|Spokesperson|CEO|Founder|"
    r"Secretary|Leader|Chief|Head|Executive|Manager|Counsel|Attorney)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"[A-Z][\w'’-]*$"
)


def _country(low: str) -> bool:
    """A source that is only places ("iran", "the united states", "nebraska and oklahoma"): a
    country or state speaking through its government. Places that are also common names stay out."""
    bare = re.sub(r"^the\s+", "", low).strip(". ")
    parts = [p for p in re.split(r"\s*(?:,|\band\b)\s*", bare) if p]
    return bool(parts) and all(p in PLACE_NAMES and p not in _NAME_PLACES for p in parts)


# Place names that are as often people's names ("Washington", "Jordan", "Georgia").
_NAME_PLACES = frozenset(
    "washington georgia jordan kent virginia paris houston dallas montana aberdeen maine "
    "white house pentagon capitol hill brooklyn manhattan us".split()
) | {"white house", "capitol hill"}


# A participle closing a source after its plural head: "records disclosed", "documents released".
_TRAILING_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|wn)")


# Capitalised prepositions inside an organisation's name.
_NAME_PREPOSITIONS = frozenset({"Against", "For", "On", "To", "In"})


# ---- people named in the text, for pronouns ----------------------------------------------------
_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Lt|Col|Sgt|Capt)\.?\s+|(?:President|Senator|Governor|"
    r"Minister|Secretary|Judge|Mayor|Chancellor|Chairman|Director|General|Colonel|Captain|Officer|Detective|"
    r"Pope|King|Queen|Prince|Princess|Rep\.|Sen\.)\s+)?(?:(?<![a-z])[a-z]{1,3}(?=[A-Z][a-z]))?"
    r"[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?(?:\s+(?:[A-Z]\.|"
    r"(?:[a-z]{1,3}(?=[A-Z][a-z]))?[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?|"
    r"(?:de|van|von|bin|al|da|le)(?=\s+[A-Z]))){0,5}\b"
)
NOT_NAME_START = frozenset(
    "The A An In On At But And Or He She It They We I You This That These Those His Her Their Its When "
    "While After Before As If So Yet For With From By To Of According Despite Although Meanwhile However "
    "Last Next Then There Here What Who Why How Some Many "
    "Most All Both Several Other Another One Two Three Under Over Since During Until Unlike Like Among "
    "Such Now Still Even Also Earlier Later Today Yesterday Tomorrow Mr Mrs Ms Dr Our My Your Its No Not "
    "Asked Speaking Writing Reporting Citing Following Read More Though Whether Because Unless "
    "Whereas Plus".split()
) | {w.title() for w in (*WEEKDAYS, *MONTH_NAMES)}
_PLACES = frozenset(
    "States Kingdom York City County Street Island Islands America Europe Union Washington London Moscow "
    "Paris Berlin Brussels Russia China Britain England France Germany Ukraine Iran Israel Syria Iraq "
    "Texas California Florida Ohio Virginia Carolina Jersey Island Avenue Road Square Valley Capitol "
    "Hill Street Airport Station Hospital Hall Park Bay Sea Ocean River Mountain Korea Japan India Canada "
    "Mexico Australia Italy Spain Poland Turkey Egypt Africa Asia Middle East West North South Democratic "
    "Republican Democrat Republicans Democrats Twitter Facebook Google Instagram YouTube".split()
)


# Capitalised words that make a phrase a thing, not a person ("Cold War", "Social Security").
_NOT_NAME_WORDS = frozenset(
    "War Security Act Bill Day Policy Doctrine Revolution Constitution Amendment Cup Prize Award Conference "
    "Summit Treaty Agreement Accord Plan Program Programme Market Tax Care Reform Rights Relations Affairs "
    "Street Avenue Square Building Tower Bridge Palace Church Stadium Airport Station School College "
    "Olympics Games Championship Series Festival Week Month Year Christmas Easter Brexit Medicare Medicaid "
    "Obamacare Internet Web Twitter Facebook God Bible Koran Quran Address Speech".split()
)


_TITLE_WORD = re.compile(
    r"(?:President|Senator|Governor|Minister|Secretary|Judge|Mayor|Chancellor|Pope|King|Queen|Prince|Princess)\s"
)


def _thing_word(word: str) -> bool:
    w = word.strip(".,")
    return w in ORG_WORDS or w in _PLACES or w in _NOT_NAME_WORDS


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")


def person_mentions(
    text: str, start: int = 0, end: int | None = None, known: Sequence[str] = ()
) -> list[tuple[int, int, str]]:
    """Names of people in ``text[start:end]``: (start, end, name), in order. Two capitalised words
    or a title and a name; a lone surname counts once its full name has been seen. Outlets (the
    built-in list and ``known``) and places are left out."""
    out: list[tuple[int, int, str]] = []
    surnames: set[str] = set()
    for m in _NAME.finditer(text, start, len(text) if end is None else end):
        spans = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        after_the = text[max(0, m.start() - 4) : m.start()].lower() == "the "
        while spans and spans[0][1].strip(".") in NOT_NAME_START and not spans[0][1].endswith("."):
            after_the |= spans[0][1] in {"The", "the"}
            spans = spans[1:]
        if len(spans) >= 3 and _OPENING_PARTICIPLE.fullmatch(spans[0][1]):
            spans = spans[1:]  # "Saying President Obama, he said, was …": a verb opening the sentence
        if not spans:
            continue
        first = spans[0][1].strip(".")
        titled_first = first in TITLES or _title_word(first) or _role_word(first)
        if len(spans) >= 3 and text[max(0, m.start() - 3) : m.start()] == "of " and not titled_first:
            spans = spans[1:]  # "Secretary of State Mike Roe", "the District of Columbia Jo Roe"
        # "Senate Majority Leader Harry Reid" -> "Harry Reid": the name after the last thing-word.
        cut = max((n + 1 for n, (_, w) in enumerate(spans) if _thing_word(w)), default=0)
        if cut:
            spans = spans[cut:]
            if len(spans) < 2:
                continue
        last_end = m.start() + spans[-1][0] + len(spans[-1][1])
        if text[last_end : last_end + 1] == "." and spans[-1][1] in TITLES:
            continue  # "Fellow St." is not a name
        words = [w for _, w in spans]
        name = " ".join(words)
        if outlet_name(name, known):
            continue
        if len(words) >= 2 and words[-1].lower() in _TITLE_ENDS:
            continue  # "Connecticut Attorney General and … Richard Roe": a title with no name in it
        titled = words[0].strip(".") in TITLES or bool(_TITLE_WORD.match(name))
        if after_the and not titled:
            continue  # "the Marisol Star", "the Daily Planet": a thing, not a person
        if len(words) >= 2 or titled or words[0] in surnames:
            out.append((m.start() + spans[0][0], last_end, name))
            surnames.add(words[-1])
    return out


# Words that name a role rather than the person ("President Trump" and "Trump" are one source).
_ROLE_WORDS = frozenset(
    "president senator governor minister secretary director chairman chairwoman chair leader speaker "
    "chancellor "
    "mayor judge spokesman spokeswoman spokesperson representative congressman congresswoman "
    "prime former vice chief first lady general".split()
)


# The last word of a capitalised title written before a name ("State Attorney General", "Harbour
# Commissioner"): a phrase ending on one names no one.
_TITLE_ENDS = _ROLE_WORDS - {"first", "former", "vice", "prime", "lady"} | frozenset(
    "commissioner treasurer auditor sheriff ambassador administrator attorney".split()
)


def source_key(source: str, kind: str | None) -> str:
    """A key under which different wordings of one source meet: "Mr. Trump", "President Trump"
    and "Trump's" give ``trump``; other kinds fold case, a leading "the" and a possessive."""
    head = source.split(",")[0].strip()
    words = [w.strip(".’'") for w in re.findall(r"[\w.’']+", head)]
    words = [re.sub(r"(’s|'s)$", "", w) for w in words if w]
    if kind == "person":
        names = [
            w
            for w in words
            if w[:1].isupper()
            and w.rstrip(".") not in TITLES
            and w.lower() not in _ROLE_WORDS
            and w.lower() not in _ARTICLES  # "A hospital spokeswoman" names no one
        ]
        if names:
            return names[-1].lower()
    words = [w.lower() for w in words]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) or source.lower()


def merge_sources(counts: Mapping[tuple[str, str | None], int]) -> list[tuple[str, str | None, int]]:
    """Add up the counts of wordings that name one source; the label is the wording used most
    often (the longer one on a tie), and the list runs from the most cited source down."""
    groups: dict[tuple[str, str | None], dict[str, int]] = {}
    for (src, kind), n in counts.items():
        forms = groups.setdefault((source_key(src, kind), kind), {})
        forms[src] = forms.get(src, 0) + n
    merged = []
    for (_key, kind), forms in groups.items():
        label = max(forms, key=lambda f: (forms[f], "," not in f, len(f), f))
        merged.append((label, kind, sum(forms.values())))
    return sorted(merged, key=lambda e: (-e[2], e[0].lower()))


# ---- source identity: one canonical name per entity ---------------------------------------------
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_POSSESSIVE_TAIL = re.compile(r"(?:['’]s|['’])$")


def person_name(source: str) -> str | None:
    """The name inside a person source, without titles, roles or appositives: "Sen. Jane Roe, a
    lawyer" -> "Jane Roe", "House Majority Whip Kevin McCarthy (R-Calif.)" -> "Kevin McCarthy",
    "Mr. Trump's" -> "Trump"; None when it names no one ("the former governor")."""
    # "Rep. Elijah Cummings of Maryland", "Jennifer Jacobs of Bloomberg News": the name before "of".
    head = re.sub(r"\s*\([^)]*\)?", " ", source.split(",")[0])
    before = re.split(r"\s+of\s+(?:the\s+)?[A-Z]", head)[0].split()
    if any(w[:1].isupper() and w.strip(".") not in TITLES and w.lower() not in _ROLE_WORDS for w in before):
        head = re.sub(r"\s+of\s+(?:the\s+)?[A-Z].*$", "", head)  # not "Secretary of State Jo Roe"
    tokens = head.split()
    words = [_POSSESSIVE_TAIL.sub("", w) for w in tokens]
    n = len(words)
    while n > 0:
        bare = words[n - 1].strip(".")
        if not (_capital(bare) and bare.replace("-", "").replace("'", "").replace("’", "").isalpha()):
            break
        if bare in TITLES or bare.lower() in _ROLE_WORDS or bare in ORG_WORDS or bare in _NAME_STOP:
            break
        if n < len(words) and (
            _POSSESSIVE_TAIL.search(tokens[n - 1]) or _role_word(bare) or _title_word(bare)
        ):
            break  # "North Korea's Kim Jong Un", "NRA CEO Wayne Lee", "Justice Ann Lee": not the name
        if (bare in NOT_NAME_START or bare in _OPENERS) and not re.fullmatch(r"[A-Z]\.", words[n - 1]):
            break  # "Despite Trump", "Has Trump", "Saying President Obama": sentence openers
        n -= 1
    if 0 < n < len(words) and words[n - 1] in _PLACE_PREPOSITIONS:
        # "a spokeswoman in Washington", "Rosa Vint from Leeds": a place, the name (if any) before it
        return person_name(" ".join(tokens[: n - 1])) if n > 1 else None
    name = [w for w in words[n:] if w]
    if name and name[-1].strip(".") in _SUFFIXES:
        # "Donald Trump Jr." is not his father: the suffix stays, written one way ("Jr.", "II")
        name = name[:-1] + [name[-1].strip(".") + ("." if name[-1][:2] in {"Jr", "Sr"} else "")]
        if len(name) == 1:
            return None
    return " ".join(name) or None


_PLACE_PREPOSITIONS = frozenset("in at from near outside inside".split())


def _role_word(word: str) -> bool:
    """A capitalised role before a name ("CEO", "Sheriff", "Agent", "Host")."""
    return bool(PERSON_ROLES.fullmatch(word)) or word.lower() in {"agent", "tem", "controversial"}


def _title_word(word: str) -> bool:
    """A capitalised word of a title before a name that is no first name: a role in the plural
    ("Senators Ann Lee and Bo Diaz"), a hyphenated role ("Representative-elect", "Editor-in-Chief"),
    a subject word of an office ("Secretary for Diplomatic Security Jo Roe")."""
    plural = word.endswith("s") and (word[:-1].lower() in _ROLE_WORDS or word[:-1] in TITLES)
    return plural or ("-" in word and _role_word(word.split("-")[0])) or word in _OFFICE_WORDS


_OFFICE_WORDS = frozenset(
    "Security Affairs Relations Rights Policy Protection Defense Defence Operations Services Safety "
    "Intelligence Justice Health Education Labor Treasury Trade Finance Commerce Veterans".split()
)


# Capitalised words that open a sentence and never a name ("Has Trump been asked?").
_OPENERS = frozenset(
    "Has Have Had Is Was Were Did Does Do Will Would Can Could Should Ahead Amid Saying Speaking Asked "
    "Calling Noting Adding Citing Writing".split()
)


# Capitalised words that end a run of title words before a name ("Senate Majority Leader").
_NAME_STOP = frozenset(
    "National Intelligence Homeland Commerce Energy Interior Transportation Agriculture State Senate "
    "House Majority Minority Whip Leader Democrat Democratic Republican GOP Sen Rep Gov Former "
    "Deputy Foreign Prime Vice Chief Attorney Special Counsel Ambassador Commissioner".split()
)


def person_key(name: str) -> str:
    """The surname a person is known by across wordings ("Donald J. Trump" -> "trump"), with a
    generational suffix kept apart ("Donald Trump Jr." -> "trump jr"): father and son are two people."""
    words = [w.strip(".") for w in name.split() if w.strip(".") not in _SUFFIXES]
    suffix = [w.strip(".").lower() for w in name.split()[1:] if w.strip(".") in _SUFFIXES]
    return " ".join([(words or [name])[-1].lower(), *suffix[-1:]])


def fullest_names(mentions: Sequence[str]) -> dict[str, str]:
    """Surname -> the fullest name an article gives that person: the first mention of two or more
    words ("Donald Trump" before "Mr. Trump", "Trump" and "President Trump")."""
    out: dict[str, str] = {}
    suffixed: dict[str, tuple[str, set[str]]] = {}
    titles: dict[str, set[str]] = {}  # surname -> the titles written before it without a suffix
    first: dict[str, set[str]] = {}  # surname -> the titles of its first mention
    for mention in mentions:
        name = person_name(mention)
        if not name:
            continue
        key = person_key(name)
        written = set(mention.split(",")[0].split()) - set(name.split()) - _PLAIN_TITLES
        if " " in key and len(name.split()) >= 2:  # "Theodore J. Boutrous Jr.", as its title words
            suffixed.setdefault(key.split()[0], (name, written))
        elif " " not in key:
            titles.setdefault(key, set()).update(written)
        if len(name.split()) == 1:
            first.setdefault(key, written)
        elif written >= first.setdefault(key, written):
            out.setdefault(key, name)  # not "Melania Trump" for a "President Trump" named before her
    for key, (name, written) in suffixed.items():
        # "Mr. Boutrous" is the only Boutrous, Jr.; "President Trump" beside "Donald Trump Jr." (a
        # title the son is not given) is the father, whose full name is the son's without the suffix
        out.setdefault(key, name if titles.get(key, set()) <= written else " ".join(name.split()[:-1]))
    return out


_PLAIN_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Miss".split())


_PARTY = re.compile(r"[DRI](?:-[A-Z][\w. ]*)?|[A-Z][a-z]+\.")


def source_entity(source: str | None, kind: str | None, fullest: Mapping[str, str]) -> str | None:
    """The canonical name of a source within its article: a person by the fullest name the article
    gives ("Mr. Trump" -> "Donald Trump", unless the source names someone else of that surname,
    "Ivanka Trump"); other kinds by their head phrase before any appositive, without "the"."""
    if not source:
        return None
    if kind == "person":
        resolved = re.search(r"\(([^()]+)\)$", source)  # "the senator (Ann Lee)": the role resolved
        if resolved and _PARTY.fullmatch(resolved.group(1)):
            resolved = None  # "Gov. Jan Brewer (R)", "Nancy Pelosi (D-Calif.)": a party tag, no name
        role, _, after = source.partition(",")
        if not resolved and after and person_name(role) is None and _NAMED.fullmatch(after.strip()):
            resolved = re.match(r"(.+)", after.strip())  # "the spokesman, Peter Carr"
        named = re.split(r"\s+from\s+", after.split(",")[0].strip())[0]
        described = person_name(role) is None or re.match(r"(?i)(?:another|an?|the|one)\s+[a-z]", role)
        if not resolved and named[:1].isupper() and described and person_name(named):
            resolved = re.match(r"(.+)", named)  # "Another demonstrator, Rosa Vint from Leeds"
        name = person_name(resolved.group(1) if resolved else source)
        if name:
            full = fullest.get(person_key(name))
            if full and set(name.split()) <= set(full.split()):
                return full
            return name
    staff = _OUTLET_STAFF.match(" ".join(source.split(",")[0].split()))
    if kind == "outlet" and staff:
        outlet = outlet_name(staff.group("outlet") or staff.group("of") or "")
        if outlet:
            return outlet  # "The Ledger reporter Jo Roe" relays for the Ledger
    if kind in {"organization", "outlet"}:
        resolved = re.fullmatch(r"(.+?)\s+\(([^()]+)\)", " ".join(source.split()))
        spoken = spoken_for(source) or (
            resolved and spoken_for(f"{resolved.group(1)} for {resolved.group(2)}")
        )
        if spoken:
            return spoken[0]  # "A spokesperson for Harbour Co." speaks for Harbour Co.
    head = " ".join(source.split(",")[0].split())
    head = _POSSESSIVE_TAIL.sub("", head)
    return head[4:] if head[:4].lower() == "the " and kind != "outlet" else head
