"""Page furniture that is not the article: share counters, "Advertisement", "Read more" and
subscription boxes, cookie notices, navigation rows, photo credits.

trafilatura drops most of it from HTML, but not all (a "Read more" line or a credit in the body
survives), and a text file copied from a browser carries it all. Each pattern matches a whole
line, short, and nothing else: a line of prose that mentions cookies or subscribers is kept.
Over the 110 corpus events (../shared/corpus/events: 350 files, 6,304 non-blank lines) they take
2 lines, both furniture the dataset kept (a photo caption ending "CreditJoshua Roberts/Reuters"
and a "More: …" link line); ``bench/boilerplate.py`` lists them. No gold event is touched.
"""

from __future__ import annotations

import re

# The longest line (in words) that a notice pattern may take: cookie and subscription notices run
# to about 30 words ("We use cookies to personalise content and ads, to provide social media
# features …" is 33); a paragraph of news prose that happens to start "Subscribe" is longer.
MAX_NOTICE_WORDS = 40
# Credits and link rows are short: "Photo: Jane Doe/Getty Images" has 4 words, BBC's "Image
# copyright Getty Images Image caption …" about 15; a caption sentence after it stays in.
MAX_CREDIT_WORDS = 16

_SOCIAL = (
    r"share|shares|shared|tweet|tweets|email|e-mail|print|pin|pin it|save|saved|comment|comments|"
    r"whatsapp|facebook|twitter|x|linkedin|reddit|messenger|copy link|copy|link|flipboard|telegram|"
    r"share this(?: article| story| page)?|share on \w+|share via \w+|share to \w+|"
    r"likes?|views?|reactions?|\d[\d.,]*\s*[km]?"
)
# Share counters and buttons, alone or in a row: "0", "1077", "1.2K", "12 shares", "Share Tweet Email".
_COUNTER = re.compile(rf"(?:(?:{_SOCIAL})[\s|•·/]*)+", re.I)

_AD = re.compile(
    r"(?:advertisement|advertising|ad|ads|sponsored(?: content| post| links?)?|paid (?:content|post)|"
    r"promoted(?: content| stories)?|"
    r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|"
    r"continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content)?|"
    r"skip advert(?:isement)?|content continues below)[\s:.…]*",
    re.I,
)

# Link lines: "Read more: …" and "Click here …" whatever follows; labels ("Related", "Watch",
# "See also") only alone or before a colon or chevron, since "Related charges were filed" is prose.
_READ_MORE = re.compile(
    r"(?:read more|read next|read also|more on this story|click here|continue reading)\b[^\n]*|"
    r"(?:related(?: articles| stories| coverage| content| topics)?|see also|"
    r"recommended(?: for you| stories)?|"
    r"most (?:read|popular|viewed)|trending(?: now)?|you may (?:also )?like|you might (?:also )?like|"
    r"don'?t miss|watch(?: now| video)?|listen(?: now)?|more|more from [^\n:]{1,60}|top stories|latest news|"
    r"editor'?s picks?)\s*(?:[:>»|][^\n]*)?",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"(?:subscribe|subscribers? only|subscription|sign up|sign in|log in|"
    r"already (?:a subscriber|have an account)|"
    r"become a (?:member|subscriber|supporter)|support (?:our|independent) journalism|unlock|"
    r"start your (?:free )?trial|newsletter|get (?:our|the) \w+ newsletter|join (?:our|\d[\d,]*)|"
    r"this (?:article|content|story) is (?:for|only for|exclusive to) subscribers|to continue reading)\b",
    re.I,
)
_SUBSCRIBE_WORDS = re.compile(
    r"subscri|newsletter|sign up|sign in|log in|inbox|free trial|unlimited|digital access|membership|"
    r"member|your account|journalism",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
# The voice of a notice, not of a report about cookie rules.
_COOKIE_WORDS = re.compile(
    r"\b(?:we use|we and our partners|(?:this|our) (?:web)?site uses?|by continuing|by clicking|"
    r"accept (?:all )?cookies|cookie (?:policy|settings|preferences|notice)|you (?:agree|consent)|"
    r"manage (?:your )?(?:cookies|preferences))\b",
    re.I,
)
_BUTTON = re.compile(
    r"(?:accept(?: all)?(?: cookies)?|reject(?: all)?|decline|agree|i agree|ok|okay|got it|"
    r"manage (?:preferences|settings|cookies|options)|cookie settings|more options|close|"
    r"skip to (?:main )?(?:content|navigation)|menu|search|home|back to top|sections|"
    r"show more|load more|view comments|leave a comment|no comments)[\s.!]*",
    re.I,
)
_CREDIT_START = re.compile(
    r"\(?\s*(?:photo(?:graph)?s?|pictures?|images?|pictured|credits?|photo credit|image credit|"
    r"image copyright|image caption|image source|source image|video|file photo)\s*(?::|by\b|/|©|copyright\b|"
    r"credit\b|caption\b)|\(?\s*©",
    re.I,
)
_CREDIT_AGENCY = re.compile(
    r"getty images|ap photo|/\s*(?:afp|reuters|epa|ap|pa|bloomberg|xinhua|anadolu)\b|shutterstock|alamy|"
    r"istock|pa wire|pa media",
    re.I,
)
# Three or more short items between bars, bullets or chevrons: "Home | News | Sport".
_NAV_ROW = re.compile(r"[^|•·>»\n]{1,30}(?:\s*[|•·>»]\s*[^|•·>»\n]{1,30}){2,}")


# Markdown around a line ("## Related", "- Home", "[Read more](/x)") does not hide it.
_MARKUP = re.compile(r"\A[\s*_#>\[•-]+|[\s*_\]]+\Z")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def is_boilerplate(line: str) -> bool:
    """Whether one line of text is page furniture rather than article text."""
    text = _MARKUP.sub("", _LINK_TARGET.sub("", line)).strip()
    if not text:
        return False
    words = len(text.split())
    if _COUNTER.fullmatch(text) or _AD.fullmatch(text) or _BUTTON.fullmatch(text):
        return True
    if words <= MAX_CREDIT_WORDS:
        if _NAV_ROW.fullmatch(text) and not text.endswith((".", "?", "!", '"', "”")):
            return True
        if _CREDIT_START.match(text) or _CREDIT_AGENCY.search(text):
            return True
        if _READ_MORE.fullmatch(text):
            return True
    if words <= MAX_NOTICE_WORDS:
        if _SUBSCRIBE.match(text) and _SUBSCRIBE_WORDS.search(text):
            return True
        if _COOKIE.search(text) and _COOKIE_WORDS.search(text):
            return True
    return False


def strip_boilerplate(text: str) -> str:
    """``text`` without its boilerplate lines; unchanged (the same string) when it has none.

    A removed line takes its line end with it, and blank lines left around it close up to one
    paragraph break, so paragraphs stay as they were.
    """
    lines = text.split("\n")
    kept = [ln for ln in lines if not is_boilerplate(ln)]
    if len(kept) == len(lines):
        return text
    out = "\n".join(kept)
    out = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", out)
    return out.strip("\n") + ("\n" if text.endswith("\n") else "")
