"""News outlets: a built-in list (wires, major US, UK and European media) and patterns that
recognise an outlet named in running text ("the X newspaper", "reporting outlet X").

The attribution stage asks ``outlet_name(phrase, known)`` whether a source phrase names an outlet;
the names of the compared articles' own outlets are passed in as ``known``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Names as they are written in copy. Ambiguous one-word names ("Time", "Express", "Mirror",
# "Sun", "Metro") are listed too: they are only matched against a phrase already in source
# position ("Express writes that"), never searched for in free text.
WIRES = (
    "Associated Press",
    "AP",
    "Reuters",
    "Agence France-Presse",
    "AFP",
    "United Press International",
    "UPI",
    "Bloomberg",
    "Bloomberg News",
    "dpa",
    "Deutsche Presse-Agentur",
    "ANSA",
    "EFE",
    "Xinhua",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Kyodo",
    "Yonhap",
    "PA Media",
    "Press Association",
    "ANP",
    "Belga",
    "APA",
    "Europa Press",
    "Anadolu",
    "Ukrinform",
    "PAP",
    "Ritzau",
    "NTB",
    "TT",
)
US_OUTLETS = (
    "New York Times",
    "NYT",
    "Washington Post",
    "Wall Street Journal",
    "WSJ",
    "USA Today",
    "Los Angeles Times",
    "LA Times",
    "Chicago Tribune",
    "Boston Globe",
    "CNN",
    "Fox News",
    "FoxNews.com",
    "Fox Business",
    "MSNBC",
    "NBC News",
    "NBC",
    "CBS News",
    "CBS",
    "ABC News",
    "ABC",
    "NPR",
    "PBS",
    "Politico",
    "The Hill",
    "Axios",
    "HuffPost",
    "Huffington Post",
    "Breitbart",
    "Breitbart News",
    "BuzzFeed News",
    "BuzzFeed",
    "Vox",
    "Slate",
    "The Atlantic",
    "New Yorker",
    "Newsweek",
    "Time",
    "Daily Beast",
    "Daily Caller",
    "Washington Examiner",
    "Washington Times",
    "New York Post",
    "New York Daily News",
    "National Review",
    "Mother Jones",
    "ProPublica",
    "The Intercept",
    "Yahoo News",
    "Business Insider",
    "Insider",
    "CNBC",
    "Forbes",
    "Fortune",
    "Western Journalism",
    "Western Journal",
    "Townhall",
    "The Blaze",
    "TheBlaze",
    "Newsmax",
    "Salon",
    "Daily Kos",
    "Talking Points Memo",
    "McClatchy",
    "Miami Herald",
    "Houston Chronicle",
    "San Francisco Chronicle",
    "Politifact",
    "Voice of America",
    "VOA",
    "Washington Free Beacon",
    "Free Beacon",
    "The Daily Wire",
    "Daily Wire",
    "Semafor",
    "The Washington Post",
    "Fox",
    "C-SPAN",
    "Univision",
    "Telemundo",
    "Detroit News",
    "Dallas Morning News",
    "Star Tribune",
    "Des Moines Register",
    "Drudge Report",
    "Gawker",
    "Jezebel",
    "Mediaite",
    "Raw Story",
    "TPM",
    "TMZ",
    "Politics Daily",
    "Roll Call",
    "RealClearPolitics",
    "Rolling Stone",
    "Christian Broadcasting Network",
    "CBN",
    "Korean Central News Agency",
    "KCNA",
)
UK_OUTLETS = (
    "BBC",
    "BBC News",
    "The Guardian",
    "Guardian",
    "The Times",
    "Sunday Times",
    "The Telegraph",
    "Daily Telegraph",
    "Sunday Telegraph",
    "Financial Times",
    "FT",
    "The Independent",
    "Independent",
    "Daily Mail",
    "Mail on Sunday",
    "MailOnline",
    "Mail Online",
    "The Sun",
    "Sun",
    "Daily Mirror",
    "Mirror",
    "Express",
    "Daily Express",
    "Sunday Express",
    "Sky News",
    "ITV News",
    "ITV",
    "Channel 4 News",
    "Evening Standard",
    "The Observer",
    "Metro",
    "LBC",
    "Daily Star",
    "The Spectator",
    "New Statesman",
    "The Economist",
    "Economist",
    "i newspaper",
    "The Scotsman",
    "Daily Record",
    "Belfast Telegraph",
    "GB News",
    "Reuters UK",
    "BBC Radio 4",
    "BBC Radio Kent",
    "Times Radio",
)
EUROPEAN_OUTLETS = (
    "Le Monde",
    "Le Figaro",
    "Libération",
    "Le Parisien",
    "Les Echos",
    "France 24",
    "RFI",
    "AFP",
    "Der Spiegel",
    "Spiegel",
    "Die Zeit",
    "Zeit",
    "Bild",
    "Frankfurter Allgemeine Zeitung",
    "FAZ",
    "Süddeutsche Zeitung",
    "Die Welt",
    "Welt",
    "Handelsblatt",
    "Deutsche Welle",
    "DW",
    "ARD",
    "ZDF",
    "El País",
    "El Mundo",
    "ABC España",
    "La Vanguardia",
    "La Repubblica",
    "Corriere della Sera",
    "La Stampa",
    "Il Sole 24 Ore",
    "NRC",
    "De Telegraaf",
    "De Volkskrant",
    "Euronews",
    "Politico Europe",
    "Neue Zürcher Zeitung",
    "NZZ",
    "Le Soir",
    "Irish Times",
    "Irish Independent",
    "RTÉ",
    "RTE",
    "Aftonbladet",
    "Dagens Nyheter",
    "Svenska Dagbladet",
    "Helsingin Sanomat",
    "Gazeta Wyborcza",
    "Kommersant",
    "Izvestia",
    "Vedomosti",
    "Novaya Gazeta",
    "RT",
    "Russia Today",
    "Sputnik",
    "Ekathimerini",
    "Kathimerini",
    "Público",
    "Der Standard",
    "Kurier",
    "Kyiv Independent",
    "Ukrainska Pravda",
    "Meduza",
)
WORLD_OUTLETS = (
    "Al Jazeera",
    "Haaretz",
    "Times of Israel",
    "Jerusalem Post",
    "South China Morning Post",
    "The Hindu",
    "Times of India",
    "Sydney Morning Herald",
    "ABC Australia",
    "CBC",
    "Globe and Mail",
    "Toronto Star",
    "Japan Times",
    "Nikkei",
    "Asahi Shimbun",
    "Straits Times",
    "Arab News",
)
OUTLETS = WIRES + US_OUTLETS + UK_OUTLETS + EUROPEAN_OUTLETS + WORLD_OUTLETS

# Words that make a capitalised name an outlet by its form ("the Kent Messenger Gazette").
_MASTHEAD_WORDS = (
    "Times|Post|News|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Daily|Globe|Mail|Express|"
    "Mirror|Magazine|Radio|TV|Television|Broadcasting|Inquirer|Observer|Examiner|Register|Courier|"
    "Dispatch|Sentinel|Bulletin|Zeitung|Monde|Press|Weekly|Caller|Beacon|Ledger|Messenger|Bugle|Record|"
    "Enquirer|Argus|Advertiser|Echo|Clarion|Gleaner|Intelligencer|Statesman|Independent|Guardian|"
    "News Agency|Press Agency"
)
# "the San Diego Union-Tribune": a masthead word may close a hyphened name.
_MASTHEAD = re.compile(rf"^(?:[A-Z][\w.&'’-]*\s+)*(?:[A-Z][\w&'’]*-)?(?:{_MASTHEAD_WORDS})(?:\.com)?$")
# Common nouns that name a medium: "the X newspaper", "reporting outlet X", "broadcaster X".
_MEDIUM = (
    r"(?:newspaper|paper|tabloid|daily|weekly|magazine|broadcaster|network|channel|station|outlet|"
    r"news\s+outlet|news\s+agency|agency|wire\s+service|website|news\s+site|site|publication|"
    r"media\s+outlet|reporting\s+outlet|radio|television|TV|blog)"
)
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of|and|de|di|del|der|la|le|el|[A-Z][\w.&'’-]*))*"
# "the Kent Messenger newspaper", "British outlet Express", "the newspaper Le Monde".
_MEDIUM_AFTER = re.compile(rf"^(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+)?(?P<name>{_NAME})\s+{_MEDIUM}$")
_MEDIUM_BEFORE = re.compile(rf"^(?:[Tt]he\s+|[Aa]\s+)?(?:[A-Za-z-]+\s+)?{_MEDIUM}\s+(?P<name>{_NAME})$")
_DOTCOM = re.compile(r"^[A-Z][\w-]*\.(?:com|co\.uk|org|net|de|fr)$")


_THE = re.compile(r"^the\s+")
_DOT_COM = re.compile(r"\.(?:com|co\.uk)$")
_POSSESSIVE_S = re.compile(r"['’]s$")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """A comparison key: lower case, no leading "the", no ".com", no punctuation or spaces.
    Cached: every source phrase of a batch is checked against the same outlet names."""
    key = name.lower().strip()
    key = _THE.sub("", key)
    key = _DOT_COM.sub("", key)
    key = _POSSESSIVE_S.sub("", key)
    return _NOT_WORD.sub("", key)


def outlet_keys(known: Iterable[str] = ()) -> frozenset[str]:
    """Normalised keys of the built-in outlets and of ``known`` ones."""
    return frozenset(normalise(n) for n in (*OUTLETS, *known) if n)


_BUILTIN_KEYS = outlet_keys()


def outlet_name(phrase: str, known: Iterable[str] = ()) -> str | None:
    """The outlet a source phrase names, as written (without a leading "the"), or None.

    Matches the built-in list and ``known`` names, then masthead patterns ("the Kent Gazette"),
    then medium nouns ("the X newspaper", "reporting outlet X").
    """
    text = " ".join(phrase.split()).strip(" ,.:;")
    if not text:
        return None
    bare = re.sub(r"^(?:the|The)\s+", "", text)
    key = normalise(bare)
    if key in _BUILTIN_KEYS or any(key == normalise(n) for n in known if n):
        return bare
    for name in known:  # "the Ledger" for a compared "Daily Ledger"
        words = name.split()
        if len(words) > 1 and bare == words[-1] and bare[:1].isupper() and text != bare:
            return name
    for pattern in (_MEDIUM_AFTER, _MEDIUM_BEFORE):
        m = pattern.match(text)
        if m and normalise(m.group("name")) not in _NOT_OUTLETS:
            return m.group("name")
    if _DOTCOM.match(bare) or (_MASTHEAD.match(bare) and bare.split()[0] not in _NOT_MASTHEAD_START):
        return bare
    return None


def full_outlet_name(name: str, text: str, known: Iterable[str] = ()) -> str:
    """The full name of an outlet written short ("the Times", "the Post", "the Journal"): the one
    outlet of the built-in list or ``known`` that ends in that word and that ``text`` names in full
    ("The New York Times reported … According to the Times"); ``name`` itself otherwise."""
    short = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if " " in short or not short[:1].isupper():
        return name
    fits = {
        re.sub(r"^The\s+", "", full)
        for full in (*known, *OUTLETS)
        if len(full.split()) > 1 and full.split()[-1] == short and full.split()[0] != "The"
    }
    named = sorted(f for f in fits if re.search(rf"\b{re.escape(f)}\b", text))
    return named[0] if len(named) == 1 else name


def is_self(phrase: str, own_outlet: str) -> bool:
    """Whether a source phrase names the article's own outlet ("Fox News" in a Fox News story;
    "the Times" in a New York Times story)."""
    if not own_outlet:
        return False
    a, b = normalise(phrase), normalise(own_outlet)
    if not a or not b:
        return False
    if a == b or a == b + "news" or b == a + "news":
        return True
    unit = r"(?:['’]s)?\s+(?:Poll|Pollster|Polling|Investigations?|Politics|Research)\b"
    if re.match(re.escape(own_outlet) + unit, phrase.strip()):
        return True  # "HuffPost Pollster", "Fox News Poll": the outlet's own unit
    # "the Times" / "the Post" for "New York Times" / "Washington Post".
    words = own_outlet.lower().split()
    return (
        len(words) > 1
        and re.fullmatch(r"(?:the\s+)?" + re.escape(words[-1]), phrase.lower().strip()) is not None
    )


# Capitalised words that can end like a masthead but start something else ("White House Press").
_NOT_MASTHEAD_START = frozenset({"White", "Press", "News", "Daily", "Report", "Review"})
_NOT_OUTLETS = frozenset({"local", "state", "national", "his", "her", "their", "our", "its"})
