"""Words and patterns that several stages need, each written once: weekdays and months, US state
abbreviations, titles and roles of people, organisation and place words, place names, number words,
and the dateline that opens a story. Stage-specific lists stay in their stage (the cue words of
attribution are in ``attribution/lexicon.py``)."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- calendar

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
# Full names and the abbreviations news copy uses ("Jan.", "Sept.") -> month number.
MONTHS = {
    **{m: i + 1 for i, m in enumerate(MONTH_NAMES)},
    **{m[:3]: i + 1 for i, m in enumerate(MONTH_NAMES)},
    "sept": 9,
}

# ---------------------------------------------------------------- places and datelines

# The AP-style abbreviations of US states that a full stop follows ("HARTFORD, Conn. —",
# "Dianne Feinstein (D-Calif.)", "of Lawrenceville, Mich.").
US_STATE_ABBREVIATIONS = (
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
    "Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
).split()

# Places that are also given names or surnames ("Rep. Jim Jordan", "Georgia", "Niall Ferguson"): a
# person where the article names someone so, a place otherwise (``details``).
_PERSON_PLACES_WORDS = (
    "jordan georgia chad houston austin lincoln kent virginia dallas denver orlando charlotte phoenix "
    "cleveland ferguson madison florence victoria savannah"
)
PERSON_PLACES = frozenset(_PERSON_PLACES_WORDS.split())
PLACE_WORDS = frozenset("city county state province island islands river street avenue square".split())
PLACE_NAMES = frozenset(
    (
        "afghanistan africa alabama alaska albany algeria america argentina arizona arkansas asia australia "
        "austria baghdad bangladesh belarus bolivia chile colombia cyprus ecuador estonia ethiopia finland "
        "hungary iceland kenya kuwait latvia lithuania malaysia morocco nepal nigeria norway peru "
        "philippines portugal qatar romania rwanda serbia singapore slovakia somalia sudan thailand tunisia "
        "uganda venezuela zimbabwe qatar "
        "beijing belgium berlin boston brazil britain brussels california canada chicago china colorado "
        "connecticut cuba delaware denmark egypt england europe florida france georgia germany greece haiti "
        "hawaii idaho illinois india indiana indonesia iowa iran iraq ireland israel italy japan "
        "jerusalem jordan kabul kansas kentucky kiev korea kyiv lebanon libya london louisiana maine "
        "manhattan maryland "
        "massachusetts mexico miami michigan minnesota mississippi missouri montana moscow nebraska nevada "
        "netherlands oklahoma ohio oregon pakistan palestine paris pennsylvania pentagon poland russia "
        "scotland spain sweden switzerland syria taiwan tehran tennessee texas turkey ukraine utah vermont "
        "vietnam virginia wales washington wisconsin wyoming yemen york brooklyn baltimore atlanta dallas "
        "houston denver seattle portland detroit philadelphia aberdeen kent westminster "
        "u.s. us usa u.k. uk u.n. eu "
        # Countries, regions and cities the first list lacked (round 11: "Guatemala", "Sacramento",
        # "Benghazi" were left unlabelled in the corpus events).
        "albania angola armenia azerbaijan bahamas bahrain belize benin bhutan bosnia botswana brunei "
        "bulgaria burma burundi cambodia cameroon croatia djibouti eritrea fiji gabon gambia ghana "
        "guatemala guinea guyana honduras jamaica kazakhstan kosovo kyrgyzstan laos lesotho liberia "
        "luxembourg macedonia madagascar malawi maldives mali malta mauritania moldova monaco mongolia "
        "montenegro mozambique myanmar namibia nicaragua oman panama paraguay senegal slovenia suriname "
        "tajikistan tanzania togo tonga turkmenistan uruguay uzbekistan zambia "
        "crimea kashmir tibet chechnya catalonia siberia scandinavia balkans caribbean antarctica arctic "
        "greenland quebec ontario alberta bavaria gaza guam "
        "tokyo seoul pyongyang shanghai delhi mumbai karachi islamabad kandahar osaka bangkok manila "
        "jakarta hanoi sydney melbourne toronto montreal vancouver ottawa havana caracas bogota lima "
        "madrid barcelona rome milan vienna prague warsaw budapest athens istanbul ankara cairo riyadh "
        "dubai doha amman damascus aleppo beirut mosul tripoli benghazi nairobi lagos johannesburg geneva "
        "zurich stockholm oslo copenhagen helsinki dublin edinburgh glasgow manchester liverpool amsterdam "
        "munich frankfurt hamburg minsk tbilisi sochi kharkiv mariupol odessa odesa ramallah haifa "
        "jacksonville indianapolis nashville memphis louisville milwaukee albuquerque tucson fresno "
        "sacramento omaha raleigh minneapolis tulsa pittsburgh cincinnati tampa anchorage honolulu boise "
        "hartford newark trenton annapolis harrisburg richmond norfolk charleston bakersfield newtown "
        "alexandria arlington bethesda charlottesville parkland hollywood harlem bronx "
        + _PERSON_PLACES_WORDS
    ).split()
) | {
    "sri lanka",
    "costa rica",
    "el salvador",
    "puerto rico",
    "dominican republic",
    "czech republic",
    "ivory coast",
    "sierra leone",
    "hong kong",
    "south sudan",
    "united arab emirates",
    "west bank",
    "gaza strip",
    "burkina faso",
    "latin america",
    "south america",
    "north america",
    "tel aviv",
    "buenos aires",
    "mexico city",
    "new delhi",
    "abu dhabi",
    "cape town",
    "st. petersburg",
    "san diego",
    "san antonio",
    "san jose",
    "las vegas",
    "oklahoma city",
    "el paso",
    "salt lake city",
    "des moines",
    "little rock",
    "palm beach",
    "jersey city",
    "silicon valley",
    "new york",
    "new jersey",
    "new mexico",
    "new hampshire",
    "north carolina",
    "south carolina",
    "north dakota",
    "south dakota",
    "west virginia",
    "rhode island",
    "los angeles",
    "san francisco",
    "st. louis",
    "new orleans",
    "united states",
    "united kingdom",
    "great britain",
    "north korea",
    "south korea",
    "saudi arabia",
    "new zealand",
    "south africa",
    "capitol hill",
    "white house",
    "kansas city",
}
# Spellings of one place, folded to one key.
PLACE_ALIASES = {
    "u.s.": "us",
    "usa": "us",
    "united states": "us",
    "america": "us",
    "u.k.": "uk",
    "britain": "uk",
    "great britain": "uk",
    "united kingdom": "uk",
    "u.n.": "un",
}

# A dateline opening a story: "WASHINGTON —", "KANSAS CITY, Mo. --", "LONDON, April 30 (Reuters) -",
# "Washington (AFP) –": capitals, or any place with a news agency in brackets, then a dash.
_DATELINE_PLACE = (
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)*\s*(?:\([A-Za-z]+\)\s*)?"
    r"|[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)*\s*\([A-Za-z]+\)\s*)"
)
DATELINE = re.compile(r"\s*" + _DATELINE_PLACE + r"(?:—|--|–|-\s)\s*")
# A line that is only a dateline ("WASHINGTON —", "KYIV (Reuters) -"): a first line like it is no title.
DATELINE_LINE = re.compile(r"\A\s*" + _DATELINE_PLACE + r"(?:—|--|–|-)\s*\Z")
# A dateline that syntok cut off from its sentence: "Denver (AP)" before "- Colorado officials …".
DATELINE_FRAGMENT = re.compile(r"^[A-Z][A-Za-z .,'’-]*\([A-Z][A-Za-z .]*\)$")

# ---------------------------------------------------------------- people and organisations

# Titles and roles that stand before or instead of a person's name ("Sen.", "Prime Minister",
# "spokeswoman").
# Given names that end in "s" like a plural: a capitalised plural opening a sentence is a common
# word ("Firefighters said ...") unless it is one of these ("James B. Comey said ...", round 12).
GIVEN_NAMES_IN_S = frozenset(
    "james charles thomas nicholas douglas jonas jules miles giles andreas carlos marcos amos "
    "agnes frances gladys ines mercedes moses nikolas tomas".split()
)
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr prof sen sens senator rep reps representative gov governor gen general lt col "
    "sgt capt cmdr adm maj rev hon judge justice president vice secretary minister prime defence defense "
    "foreign interior home finance chancellor mayor speaker leader majority minority chairman chairwoman "
    "chair director ambassador attorney commissioner sheriff chief deputy pope king queen prince "
    "princess lord lady sir dame mp mep officer detective spokesman spokeswoman spokesperson ceo "
    "founder co-founder coach sergeant captain colonel lieutenant commander admiral major "
    "journalist reporter columnist activist lawmaker analyst economist".split()
)
# Words that make a capitalised phrase an organisation ("Department", "Party", "Times").
ORGANISATION_WORDS = frozenset(
    "department ministry agency service association party committee council university college court trust "
    "congress senate house parliament assembly commission bureau institute foundation campaign union "
    "coalition organization organisation corporation corp inc co ltd llc company group times news post "
    "journal press network bank fund police army navy force forces office administration movement "
    "network centre center network church club league board authority society federation caucus "
    "international reuters airlines airways magazine tribune herald guardian telegraph mail express "
    "nation nations republicans democrats "
    # agencies named by what they do ("Customs and Border Protection", "Immigration and Customs
    # Enforcement"), read as two people before round 12
    "customs enforcement protection".split()
)

# ---------------------------------------------------------------- numbers

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {"hundred": 100, "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
