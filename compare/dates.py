"""Find dates and times in a sentence and normalise them to comparable keys.

Weekdays ("late Tuesday night" -> ``weekday:tuesday``), calendar dates ("Jan. 5, 2018" ->
``date:2018-01-05``), months, years, clock times ("5 p.m." -> ``time:17:00``), holidays ("Easter
weekend") and relative dates ("last week" -> ``relative:last week``). Used by
:mod:`compare.details`; offsets index the string searched.
"""

from __future__ import annotations

import datetime
import re

from .lexicon import MONTHS, WEEKDAYS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_EDGE = r"(?:(?i:late|early|last|next|this|on|by|until|since|mid)[\s-]+)?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_HOLIDAY = (
    r"(?:Easter|Christmas|Thanksgiving|Hanukkah|Ramadan|Passover|Halloween|New Year's|Memorial Day|"
    r"Labor Day|Labour Day|Independence Day|Bastille Day|Boxing Day|Good Friday|Yom Kippur)"
)
_NUMWORD = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several|a couple of)"
_UNIT = r"(?:hour|day|week|month|year|decade|minute)s?"

_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(p, re.I if label in ("relative", "time") else 0))
    for label, p in (
        ("date", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
        ("date", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
        ("date", r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d\d|(?:19|20)\d\d)(?![\d/])"),
        ("weekday", rf"\b{_EDGE}(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?{_PART}\b"),
        ("month", rf"\b{_MONTH}(?:,?\s+{_YEAR})\b"),
        (
            "month",
            r"\b(?:(?<=in )|(?<=since )|(?<=until )|(?<=by )|(?<=last )|(?<=next )|(?<=early )|"
            r"(?<=late )|(?<=mid-)|(?<=of )|(?<=this )|(?<=the ))"
            r"(?:January|February|April|June|July|August|September|October|November|December|March|May)\b",
        ),
        ("month", r"\b(?:January|February|April|July|September|October|November|December)\b"),
        ("year", rf"(?<![\d$£€.,])\b{_YEAR}s?\b(?![,.]\d|%|\s*percent)"),
        (
            "time",
            r"\b(?:[01]?\d(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|[01]?\d:[0-5]\d\b|noon\b|midnight\b)",
        ),
        # The closing \b: "Eastern Europe" holds no Easter (round 12, read on the corpus).
        ("holiday", rf"\b{_HOLIDAY}\b(?:\s+(?:Day|Eve|weekend|holiday|Sunday|Monday)\b)?"),
        (
            "relative",
            rf"\b(?:(?:earlier|later)\s+this|this|last|next|past|coming|previous)\s+"
            rf"(?:week(?:end)?|month|year|{_SEASON}|morning|afternoon|evening|night|decade|century)\b",
        ),
        ("relative", rf"\b(?:in|during)\s+the\s+{_SEASON}\b|\b(?:this|last|next)\s+{_SEASON}\b"),
        ("relative", r"\b(?:today|tonight|yesterday|tomorrow|overnight)\b"),
        ("relative", rf"\b{_NUMWORD}\s+{_UNIT}\s+(?:ago|earlier|later)\b"),
        ("relative", rf"\b(?:within|in|for|over)\s+(?:the\s+(?:next|past|last)\s+)?{_NUMWORD}\s+{_UNIT}\b"),
        ("relative", r"\b(?:in|within)\s+a\s+matter\s+of\s+(?:hours|days|weeks|minutes)\b"),
        ("relative", r"\b(?:over|during)\s+the\s+weekend\b"),
        ("relative", r"\bat\s+the\s+(?:end|start|beginning)\s+of\s+the\s+(?:year|month|week)\b"),
        ("relative", r"\bthe\s+day\s+(?:before|after)\b"),
        ("relative", r"\b(?:\d{1,2}(?:st|nd|rd|th)|(?:nine|eigh|seven|six)teenth|twenty-first)\s+century\b"),
    )
)
# Each pattern above has a gate: a part that every match of it must contain, searched under the
# same flags. A gate starts with a literal or a class, which the regex engine scans for quickly,
# where a pattern led by ``\b`` is tried at every position: a sentence without the gate's text is
# not searched with the pattern at all (most sentences have no date). Gates shared by several
# patterns are searched once per sentence. tests/test_dates.py checks that no match lacks its gate.
_GATE_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(p, flags)
    for name, p, flags in (
        ("month", r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", 0),
        ("weekday", r"day", 0),
        ("year", r"1[89]|20", 0),
        ("time", r"\d|noon|midnight", re.I),
        ("holiday", _HOLIDAY, 0),
        ("this-last-next", r"this|last|next|past|coming|previous", re.I),
        ("season", _SEASON, re.I),
        ("today", r"today|tonight|yesterday|tomorrow|overnight", re.I),
        ("ago", r"ago|earlier|later", re.I),
        ("unit", r"hour|day|week|month|year|decade|minute", re.I),
        ("matter", r"matter", re.I),
        ("weekend", r"weekend", re.I),
        ("slash", r"\d/\d", 0),
        ("of-the", r"of\s+the\s+(?:year|month|week)", re.I),
        ("day-before", r"day\s+(?:before|after)", re.I),
        ("century", r"century", re.I),
    )
}
_GATES: tuple[str, ...] = (
    "month",
    "month",
    "slash",
    "weekday",
    "month",
    "month",
    "month",
    "year",
    "time",
    "holiday",
    "this-last-next",
    "season",
    "today",
    "ago",
    "unit",
    "matter",
    "weekend",
    "of-the",
    "day-before",
    "century",
)
assert len(_GATES) == len(_DATE_PATTERNS)
# The case-insensitive gates as lower-case words, one of which every match contains ("time" also
# opens on any digit). IGNORECASE matches an ASCII letter of a pattern to a character whose
# lower case is not that letter only for "İ", "ı" ("i") and "ſ" ("s"); a sentence without these
# holds a match only where its lowered text holds the word, and plain substring search is many
# times faster than a case-insensitive alternation. (tests/test_dates.py checks both claims.)
_IGNORECASE_ODD = ("\u0130", "\u0131", "\u017f")
_DIGIT = re.compile(r"\d")
_WORD_GATES: dict[str, tuple[str, ...]] = {
    "time": ("noon", "midnight"),
    "this-last-next": ("this", "last", "next", "past", "coming", "previous"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "today": ("today", "tonight", "yesterday", "tomorrow", "overnight"),
    "ago": ("ago", "earlier", "later"),
    "unit": ("hour", "day", "week", "month", "year", "decade", "minute"),
    "matter": ("matter",),
    "weekend": ("weekend",),
    "of-the": ("year", "month", "week"),
    "day-before": ("before", "after"),
    "century": ("century",),
}


def _gate_open(gate: str, s: str, low: str | None) -> bool:
    """Whether ``s`` holds the gate's text; ``low`` is ``s`` lowered, or None where the word gates
    do not apply (a character of ``_IGNORECASE_ODD`` in ``s``)."""
    words = _WORD_GATES.get(gate)
    if words is None or low is None:
        return _GATE_PATTERNS[gate].search(s) is not None
    if gate == "time" and _DIGIT.search(s) is not None:
        return True
    return any(w in low for w in words)


_COUNTED_YEAR = re.compile(r"\s+(?:[a-z]+s|people|men|women|children)\b")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|from|by|until|till|of|before|after|during|through|to|the|its|their)\s+$", re.I
)
_ATTRIBUTIVE_YEAR = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|this|that)|[-–]|\w['’]s)\s*$", re.I)
# A year describing people ("several 2020 presidential candidates", "a crowded 2016 Republican
# field", "his 2016 rival"), not after a preposition ("in 2020 candidates spent ..."): round 14.
_PEOPLE_AFTER_YEAR = re.compile(
    r"\s+(?:(?:presidential|democratic|republican|gop|primary|election|gubernatorial|senate|"
    r"congressional|mayoral|white\s+house)\s+){0,2}(?:candidates?|hopefuls?|contenders?|field|rivals?|"
    r"opponents?|nominees?|challengers?|democrats|republicans|front-?runners?)\b",
    re.I,
)
_YEAR_PREPOSITION = re.compile(
    r"\b(?:in|since|by|until|till|before|after|during|through|from|for|and|or)\s+$", re.I
)


def find_dates(s: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, key) of each date or time expression in ``s``, non-overlapping."""
    found: list[tuple[int, int, str, str]] = []
    open_gates: dict[str, bool] = {}
    low = None if any(c in s for c in _IGNORECASE_ODD) else s.lower()
    for (kind, pattern), gate in zip(_DATE_PATTERNS, _GATES, strict=True):
        passes = open_gates.get(gate)
        if passes is None:
            passes = open_gates[gate] = _gate_open(gate, s, low)
        if not passes:
            continue
        for m in pattern.finditer(s):
            # Each match starts from its pattern's label: a year-modifier does not make the next
            # year of the sentence one ("on Gore's 2000 ticket ... the primary in 2006"; round 15).
            label = kind
            a, b = m.start(), m.end()
            if any(a < e and s0 < b for s0, e, _, _ in found):
                continue
            if _part_of_a_title(s, a, m.group(), label):
                continue
            key = _date_key(m.group(), label)
            if label == "year" and _COUNTED_YEAR.match(s[b:]) and not _YEAR_CONTEXT.search(s[:a]):
                continue  # "2000 troops": a count that looks like a year
            if label == "year" and _ATTRIBUTIVE_YEAR.search(s[:a]) and re.match(r"\s+[A-Za-z]", s[b:]):
                label = "year-modifier"  # "the 2016 race", "his 2012 campaign": a description, not a date
            elif label == "year" and _PEOPLE_AFTER_YEAR.match(s[b:]) and not _YEAR_PREPOSITION.search(s[:a]):
                label = "year-modifier"
            if key:
                found.append((a, b, label, key))
    return sorted(found)


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.]*\s+$")


def _part_of_a_title(s: str, a: int, t: str, label: str) -> bool:
    """A date word inside the name of a paper or programme: "USA TODAY" (a relative word in
    capitals after a capitalised word), "Fox News Sunday" (a weekday right after "News")."""
    if label == "relative" and t.isupper() and len(t) > 2:
        return bool(_CAPITALISED_BEFORE.search(s[:a]))
    return label == "weekday" and t[:1].isupper() and s[:a].endswith("News ")


def _date_key(t: str, label: str) -> str:
    low = t.lower()
    words = re.findall(r"[a-z]+|\d+", low)
    if label == "weekday":
        weekday = next((w for w in WEEKDAYS if w in low), "")
        return f"weekday:{weekday}"
    numeric = re.fullmatch(r"(\d+)/(\d+)/(\d+)", t.strip())
    if label == "date" and numeric:  # "1/6/17": month, day, year, the American order
        m, d, y = (int(g) for g in numeric.groups())
        return f"date:{y + 2000 if y < 100 else y}-{m:02d}-{d:02d}"
    if label in ("date", "month"):
        month = next((MONTHS[w] for w in words if w in MONTHS), 0)
        nums = [int(w) for w in words if w.isdigit()]
        year = next((n for n in nums if n > 1800), None)
        day = next((n for n in nums if n <= 31), None)
        if label == "date" and day:
            return f"date:{year or ''}-{month:02d}-{day:02d}".replace(":-", ":")
        return f"month:{year or ''}-{month:02d}".replace(":-", ":")
    if label == "year":
        return f"year:{words[0]}"
    if label == "time":
        if "noon" in low:
            return "time:12:00"
        if "midnight" in low:
            return "time:00:00"
        nums = [int(w) for w in words if w.isdigit()]
        hour = nums[0] % 12 + (12 if "p" in low.replace("pm", "p.m.").split()[-1] else 0)
        minute = nums[1] if len(nums) > 1 else 0
        return f"time:{hour:02d}:{minute:02d}"
    return f"{label}:" + " ".join(w for w in words if w not in ("on", "the", "in", "during", "at"))


# Hours (24-hour clock, start inclusive, end exclusive) a part of the day spans, widened where
# usage overlaps ("evening" from 5 p.m., "night" from 8 p.m. to 5 a.m.).
_PARTS_OF_DAY = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 22), "night": (20, 29)}
_PART_WORD = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)


def part_of_day(text: str) -> tuple[int, int] | None:
    """The hours a date's part of the day spans ("Tuesday afternoon" -> (12, 18); "late Monday
    night" -> (20, 29), past midnight as 24 + hour), or None when it names no part of the day."""
    match = _PART_WORD.search(text)
    return _PARTS_OF_DAY[match.group(1).lower()] if match else None


def outside_part_of_day(clock_key: str, text: str) -> bool:
    """Whether a clock time (``time:HH:MM``) falls outside the part of the day that ``text`` names
    ("11:00" against "Tuesday afternoon"); False when ``text`` names no part of the day."""
    span = part_of_day(text)
    if span is None or not clock_key.startswith("time:"):
        return False
    hour = int(clock_key[5:].split(":")[0])
    return not any(span[0] <= h < span[1] for h in (hour, hour + 24))


# Relative dates that name one point before or after the day of publication, in units back:
# "last week" and "a week ago" are one week back, "two weeks ago" two, "yesterday" one day,
# "next month" one month ahead (-1). Spans ("within the past 10 days"), parts of a day ("last
# night") and seasons are not points of this kind and give None.
_POINT_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_POINT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_POINT_NAMED = {"yesterday": (1, "day"), "tomorrow": (-1, "day")}


def relative_point(key: str) -> tuple[int, str] | None:
    """(units back, unit) of a relative date key such as ``relative:last week`` (1, "week") or
    ``relative:two weeks ago`` (2, "week"); None for anything else."""
    if not key.startswith("relative:"):
        return None
    words = key[9:].split()
    if len(words) == 1:
        return _POINT_NAMED.get(words[0])
    if len(words) == 2 and words[0] in ("last", "previous", "next") and words[1] in _POINT_UNITS:
        return (-1 if words[0] == "next" else 1), words[1]
    if len(words) == 3 and words[2] == "ago" and words[1].rstrip("s") in _POINT_UNITS:
        n = _POINT_WORDS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
        return (n, words[1].rstrip("s")) if n else None
    return None


def days_between(earlier: str | None, later: str | None) -> int | None:
    """Whole days from one ISO date (or date-time) to another; None when either is unknown."""
    if not earlier or not later:
        return None
    try:
        a, b = (datetime.date.fromisoformat(v[:10]) for v in (earlier, later))
    except ValueError:
        return None
    return (b - a).days


def points_conflict(x: str, y: str, shift_days: int | None = 0) -> bool:
    """Whether two relative points of one unit ("last week" / "two weeks ago") cannot date one
    event: one unit apart once resolved against each article's day of publication (``shift_days``
    from x's article to y's; None when unknown, read as the same day: articles of one event are
    published within days). Further apart they are two steps of a story, as for weekdays."""
    px, py = relative_point(x), relative_point(y)
    if px is None or py is None or px[1] != py[1]:
        return False
    unit = _POINT_UNITS[px[1]]
    shift = round((shift_days or 0) / unit)  # units y's article was published after x's
    if shift_days and abs(shift_days) % unit and unit > 1:
        return False  # a publication gap of part of a unit blurs "last week" either way: in doubt
    return abs(px[0] - (py[0] - shift)) == 1
