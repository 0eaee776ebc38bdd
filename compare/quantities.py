"""Find quantities in text and normalise them to a value or a range.

Written by hand because the number-word libraries on PyPI failed a trial (word2number read
"1.5 million" as 1,000,000; number-parser turned "the first days" into "the 1 days").
Handles digits with thousands separators and decimals, scale words ("1.5 million", "$3.2bn"),
number words ("two hundred and five"), ordinals, money, percentages, ages ("Safronov, 23"),
simple ranges ("between 50 and 60"), vague quantities ("dozens", "a handful") and qualifiers
("about", "at least", "more than", "nearly", "up to").

A :class:`Quantity` holds an exact ``value`` and/or a ``low``–``high`` range (``None`` is unbounded
on that side); :func:`interval` turns either into a closed interval for comparison.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from .lexicon import NUMBER_WORDS, SCALES, TENS

# Abbreviated scales that only count right after a digit ("$3.2bn", "£5m", "40k").
_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12, "tr": 1e12}
_ORDINALS = {
    **{
        w: i + 1
        for i, w in enumerate(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
        )
    },
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
    "thousandth": 1000,
}
_CURRENCY = {"$": "$", "£": "£", "€": "€", "us$": "$"}
# Units a bare first figure of a range takes from the second ("18 to 24 months", "5 to 10 percent").
_RANGE_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "%")
_CURRENCY_WORDS = {"dollars": "$", "dollar": "$", "pounds": "£", "euros": "€", "euro": "€"}
_DURATIONS = {
    form: unit + "s"
    for unit in ("second", "minute", "hour", "day", "week", "month", "year", "decade")
    for form in (unit, unit + "s")
}

# Vague quantities as ranges. "dozens" is 24–99 as the issue specifies (two dozen up to the next
# order of magnitude); the others follow the same rule: twice the unit up to just below the next.
_VAGUE: tuple[tuple[str, float, float], ...] = (
    ("hundreds of thousands", 2e5, 999_999),
    ("hundred of thousands", 2e5, 999_999),  # a common slip for the above
    ("tens of thousands", 2e4, 99_999),
    ("hundreds of millions", 2e8, 999_999_999),
    ("tens of millions", 2e7, 99_999_999),
    ("dozens", 24, 99),
    ("scores", 40, 99),
    ("hundreds", 200, 999),
    ("thousands", 2000, 9999),
    ("millions", 2e6, 9.99e8),
    ("billions", 2e9, 9.99e11),
    # "a multimillion-dollar lawsuit": millions, as an adjective (one token with its hyphens).
    ("multimillion-dollar", 2e6, 9.99e8),
    ("multi-million", 2e6, 9.99e8),
    ("multimillion", 2e6, 9.99e8),
    ("multibillion-dollar", 2e9, 9.99e11),
    ("multi-billion", 2e9, 9.99e11),
    ("multibillion", 2e9, 9.99e11),
    ("a handful", 2, 6),
    ("a few", 2, 5),
    ("a couple", 2, 3),
    ("several", 3, 9),
    ("a dozen", 10, 14),
)

# Qualifiers and the interval they put around a value v. Widths: "about" ±10% is the usual
# reading of a rounded news figure; "nearly"/"almost" mean just under v (down to 90%).
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("a maximum of", "max"),
    ("a minimum of", "min"),
    ("no more than", "max"),
    ("no fewer than", "min"),
    ("as many as", "max"),
    ("as few as", "min"),
    ("more than", "min"),
    ("greater than", "min"),
    ("fewer than", "max"),
    ("less than", "max"),
    ("at least", "min"),
    ("at most", "max"),
    ("up to", "max"),
    ("upwards of", "min"),
    ("close to", "near"),
    ("just over", "min"),
    ("just under", "near"),
    ("an estimated", "approx"),
    ("nearly", "near"),
    ("almost", "near"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("approximately", "approx"),
    ("some", "approx"),
    ("over", "min"),
    ("under", "max"),
    ("below", "max"),
    ("above", "min"),
    ("exceeding", "min"),
)
# Looked up by first word, longest phrase first ("hundreds of thousands" before "hundreds").
_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], float, float]]] = {}
for _phrase, _low, _high in _VAGUE:
    _VAGUE_BY_FIRST.setdefault(_phrase.split()[0], []).append((tuple(_phrase.split()), _low, _high))
_QUALIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in _QUALIFIERS:
    _QUALIFIERS_BY_FIRST.setdefault(_phrase.split()[0], []).append((tuple(_phrase.split()), _kind))
# Words a quantity can start with (currency, number and ordinal words, "a hundred", qualifiers and
# vague phrases); any other token that does not start with a digit is passed over at once.
_STARTS = frozenset(
    {*_CURRENCY, *NUMBER_WORDS, *TENS, *_ORDINALS, "a", *_VAGUE_BY_FIRST, *_QUALIFIERS_BY_FIRST}
)
APPROX_WIDTH = 0.1  # "about 60" -> 54..66
NEAR_WIDTH = 0.1  # "nearly 60" -> 54..60

_TOKEN = re.compile(
    r"US\$|[$£€]|\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+(?:st|nd|rd|th)\b|\d+|"
    r"[A-Za-z]+(?:-[A-Za-z]+)*|%|[^\sA-Za-z\d]"
)
_DIGITS = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?$|\d*\.\d+$|\d+$")
_DIGIT_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in text; ``start``/``end`` index the string it was found in."""

    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "%", "$", "£", "€", "years", "days", "ordinal", …
    label: str | None = None  # "age", "ordinal", "vague", "range", "duration", …


class _Tok(NamedTuple):
    """A word of the text searched (a tuple: built for every word of every sentence, it costs half
    a frozen dataclass's construction)."""

    text: str
    low: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _digits(tok: str) -> float | None:
    if _DIGITS.match(tok):
        return float(tok.replace(",", ""))
    return None


def _word_number(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse number words from toks[i]: "two hundred and five", "twenty-five", "a hundred"."""
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last = i
    while j < len(toks):
        w = toks[j].low
        parts = w.split("-")
        if (
            len(parts) == 2
            and parts[0] in TENS
            and parts[1] in NUMBER_WORDS
            and 0 < NUMBER_WORDS[parts[1]] < 10
        ):
            current += TENS[parts[0]] + NUMBER_WORDS[parts[1]]
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "a" and not seen and j + 1 < len(toks) and toks[j + 1].low in SCALES:
            current += 1
        elif w in SCALES and (seen or j > i):
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif (
            w == "and"
            and seen
            and j + 1 < len(toks)
            and (
                toks[j + 1].low in NUMBER_WORDS
                or toks[j + 1].low in TENS
                or toks[j + 1].low.split("-")[0] in TENS
            )
        ):
            j += 1
            continue
        else:
            break
        seen = True
        last = j
        j += 1
    if not seen:
        return None
    return total + current, last + 1


def _scale_after(toks: list[_Tok], j: int) -> tuple[float, int]:
    """A scale word ("million", "bn") at toks[j], else 1."""
    if j < len(toks):
        w = toks[j].low
        if w in SCALES and w != "hundred":
            return SCALES[w], j + 1
        if w in _SHORT_SCALES and toks[j].start == toks[j - 1].end:
            return _SHORT_SCALES[w], j + 1
        if w == "hundred":
            return 100, j + 1
    return 1, j


def _core(toks: list[_Tok], i: int) -> tuple[float, str | None, str | None, int] | None:
    """A bare quantity at toks[i]: (value, unit, label, next index)."""
    unit = None
    j = i
    if toks[j].low in _CURRENCY:
        unit = _CURRENCY[toks[j].low]
        j += 1
        if j >= len(toks):
            return None
    tok = toks[j]
    label = None
    digit = _digits(tok.text)
    if digit is not None:
        value = digit
        scale, j = _scale_after(toks, j + 1)
        value *= scale
    elif (m := _DIGIT_ORDINAL.match(tok.low)) and unit is None:
        return float(m.group(1)), "ordinal", "ordinal", j + 1
    elif tok.low in _ORDINALS and unit is None:
        return float(_ORDINALS[tok.low]), "ordinal", "ordinal", j + 1
    else:
        parsed = _word_number(toks, j)
        if parsed is None:
            return None
        value, j = parsed
        scale, j = _scale_after(toks, j)
        value *= scale
    if j < len(toks):
        w = toks[j].low
        if w == "%" or w in ("percent", "pct"):
            unit, j = "%", j + 1
        elif w == "per" and j + 1 < len(toks) and toks[j + 1].low == "cent":
            unit, j = "%", j + 2
        elif w == "percentage" and j + 1 < len(toks) and toks[j + 1].low in ("point", "points"):
            unit, j = "points", j + 2
        elif w in _CURRENCY_WORDS and unit is None:
            unit, j = _CURRENCY_WORDS[w], j + 1
        elif w == "-" and j + 1 < len(toks) and toks[j + 1].low.startswith(("year-old", "years-old")):
            unit, label, j = "years", "age", j + 2
        elif w == "-" and j + 1 < len(toks) and toks[j + 1].low in _DURATIONS and unit is None:
            unit, label, j = _DURATIONS[toks[j + 1].low], "duration", j + 2  # "a 30-day delay"
        elif w in ("year-old", "years-old"):
            unit, label, j = "years", "age", j + 1
        elif w in ("years", "year") and j + 1 < len(toks) and toks[j + 1].low == "old":
            unit, label, j = "years", "age", j + 2
        elif w in _DURATIONS and unit is None:
            unit, label, j = _DURATIONS[w], "duration", j + 1
    return value, unit, label, j


def _qualified(toks: list[_Tok], i: int, text: str) -> tuple[Quantity, int] | None:
    """A quantity starting at toks[i], with any qualifier, range or vague word."""
    first = toks[i].low
    for words, low, high in _VAGUE_BY_FIRST.get(first, ()):
        n = len(words)
        if tuple(t.low for t in toks[i : i + n]) == words:
            j = i + n
            # "a few dozen", "several hundred thousand": the vague word counts the scale after it.
            scaled = words[-1] not in SCALES and words[-1] != "dozen"
            while scaled and j < len(toks) and toks[j].low in SCALES:
                low, high, j = low * SCALES[toks[j].low], high * SCALES[toks[j].low], j + 1
            return _make(text, toks, i, j, None, low, high, None, "vague"), j
    for words, kind in _QUALIFIERS_BY_FIRST.get(first, ()):
        n = len(words)
        if tuple(t.low for t in toks[i : i + n]) == words and i + n < len(toks):
            core = _core(toks, i + n)
            if core is None or core[1] == "ordinal":
                continue
            value, unit, label, j = core
            lo, hi = _qualify(kind, value)
            return _make(text, toks, i, j, value, lo, hi, unit, label or "qualified"), j
    core = _core(toks, i)
    if core is None:
        return None
    value, unit, label, j = core
    # Ranges: "50-60", "50 to 60", "between 50 and 60" (the "between" form is caught by the caller).
    if unit != "ordinal" and j + 1 < len(toks) and toks[j].low in ("-", "to", "–") and _digits(toks[i].text):
        other = _core(toks, j + 1)
        # "46 to 57 months": a bare first figure takes the second's unit, unless "from" opens it
        # ("rose from 10 to 57 percent" is a change, not a range).
        bare = unit is None and not (i and toks[i - 1].low == "from")
        units = (None, *_RANGE_UNITS) if bare else (None, unit)
        if other is not None and other[0] > value and other[1] in units and _digits(toks[j + 1].text):
            return _make(text, toks, i, other[3], None, value, other[0], other[1] or unit, "range"), other[3]
    return _make(text, toks, i, j, value, None, None, unit, label), j


def _qualify(kind: str, v: float) -> tuple[float | None, float | None]:
    if kind == "approx":
        return v * (1 - APPROX_WIDTH), v * (1 + APPROX_WIDTH)
    if kind == "near":
        return v * (1 - NEAR_WIDTH), v
    if kind == "min":
        return v, None
    return None, v


def _make(
    text: str,
    toks: list[_Tok],
    i: int,
    j: int,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
    label: str | None,
) -> Quantity:
    start, end = toks[i].start, toks[j - 1].end
    if value is not None and value == int(value):
        value = float(int(value))
    return Quantity(text[start:end], start, end, value, low, high, unit, label)


def _skip_one(toks: list[_Tok], i: int) -> bool:
    """'one of the', 'no one', 'the one who', 'one another': pronoun uses of "one"."""
    if toks[i].low != "one":
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    prev = toks[i - 1].low if i > 0 else ""
    return nxt in ("of", "another", "who", "that", "which", "day", "time") or prev in (
        "no",
        "any",
        "every",
        "each",
        "the",
        "this",
        "that",
        "someone",
        "anyone",
        "which",
    )


def _skip_ordinal(toks: list[_Tok], i: int) -> bool:
    """'second' as a time unit ("one second") or verb; 'first' as an adverb at a clause start."""
    w = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    if w == "second" and (_digits(prev) is not None or prev in NUMBER_WORDS or prev in ("a", "per")):
        return prev == "a" and i + 1 < len(toks) and toks[i + 1].low in (".", ",", "later")
    return w == "first" and prev in ("at", "", ",", ".")


def _may_start(low: str) -> bool:
    """Whether a quantity can start at a token (lower-cased): cheap, and never wrong to say yes."""
    return low in _STARTS or low[:1].isdigit() or low[:1] == "." or low.split("-", 1)[0] in TENS


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, left to right, non-overlapping."""
    toks = _tokens(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.low == "between" and i + 1 < len(toks):
            first = _qualified(toks, i + 1, text)
            if first and first[1] < len(toks) and toks[first[1]].low == "and":
                second = _qualified(toks, first[1] + 1, text)
                if second and first[0].value is not None and second[0].value is not None:
                    unit = first[0].unit or second[0].unit
                    out.append(
                        _make(text, toks, i, second[1], None, first[0].value, second[0].value, unit, "range")
                    )
                    i = second[1]
                    continue
        if not _may_start(tok.low):
            i += 1
            continue
        if _digits(tok.text) is not None and _in_code(text, tok):
            i += 1
            continue
        if (tok.low in NUMBER_WORDS and _skip_one(toks, i)) or (
            tok.low in _ORDINALS and _skip_ordinal(toks, i)
        ):
            i += 1
            continue
        found = _qualified(toks, i, text)
        if found is None:
            i += 1
            continue
        quantity, j = found
        if _label_number(toks, i, j):
            i = j
            continue
        quantity = _age_after_name(toks, i, j, quantity)
        out.append(quantity)
        i = max(j, i + 1)
    return tuple(_percent_later(text, out))


_DECIMAL = re.compile(r"\d+\.\d+")


def _percent_later(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare decimal figure joined by "and" to a percentage later in the sentence is a percentage
    too: "the rate was 35.72, and, with local taxes, a combined 45.8 percent" (round 13)."""
    out = list(found)
    for k in range(len(out) - 1):
        q, nxt = out[k], out[k + 1]
        between = text[q.end : nxt.start]
        if (
            q.unit is None
            and q.label is None
            and _DECIMAL.fullmatch(q.text.strip())
            and nxt.unit == "%"
            and re.match(r",\s*and\b", between)
            and not re.search(r"[\d.;!?]", between)
            and len(between) < 80
        ):
            out[k] = replace(q, unit="%")
    return out


_LABEL_BEFORE = frozenset(
    {
        "section",
        "article",
        "chapter",
        "no",
        "number",
        "title",
        "page",
        "room",
        "route",
        "flight",
        "channel",
        "level",
        "phase",
        "grade",
        "class",
        "category",
        "stage",
    }
)
_ADDRESS_AFTER = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "lane",
        "square",
        "boulevard",
        "drive",
        "place",
        "downing",
    }
)


# Capitalised words before a number that names a bill, a ballot measure or a project: "Amendment
# 64", "SB 1062", "Proposition 8" (the number is part of the name, not a count).
_MEASURE_BEFORE = frozenset("amendment proposition prop bill measure resolution initiative sb hb hr".split())


def _label_number(toks: list[_Tok], i: int, j: int) -> bool:
    """A number that labels rather than counts: "section 3", "Flight 17", "10 Downing Street",
    "the No. 2 Republican", "Amendment 64"."""
    if i > 0 and toks[i - 1].low in _LABEL_BEFORE:
        return True
    if i > 1 and toks[i - 1].text == "." and toks[i - 2].text == "No":
        return toks[i - 1].start == toks[i - 2].end  # "No. 2", not "no. 2" ending a sentence
    if i > 0 and toks[i - 1].low in _MEASURE_BEFORE and toks[i - 1].text[:1].isupper():
        return True
    return j < len(toks) and toks[j].low in _ADDRESS_AFTER and toks[j].text[:1].isupper()


def _in_code(text: str, tok: _Tok) -> bool:
    """Digits glued to a slash, colon or letter are codes, not counts: "9/11", "10:30", "G20"."""
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end] if tok.end < len(text) else " "
    return before in "/:" or after in "/:" or before.isalpha()


def _age_after_name(toks: list[_Tok], i: int, j: int, q: Quantity) -> Quantity:
    """'Safronov, 23,' is an age: a capitalised name, a comma, a number under 120, then a comma or stop."""
    if q.unit is not None or q.value is None or q.label or not 0 < q.value < 120 or q.value != int(q.value):
        return q
    if i >= 2 and toks[i - 1].text == "," and toks[i - 2].text[:1].isupper() and toks[i - 2].text.isalpha():
        if j >= len(toks) or toks[j].text in (",", ".", ";", ")"):
            return Quantity(q.text, q.start, q.end, q.value, None, None, "years", "age")
    return q


def parse_quantity(phrase: str) -> Quantity | None:
    """The quantity that ``phrase`` consists of, or None if it holds none or holds more than one."""
    found = find_quantities(phrase)
    if len(found) != 1:
        return None
    return found[0]


def interval(q: Quantity) -> tuple[float, float]:
    """The ends of the interval of values ``q`` allows; unbounded sides are ±inf. Whether an end
    is itself allowed ("more than 50" leaves 50 out) is ``open_ends``."""
    if q.low is not None or q.high is not None:
        lo = (
            q.low
            if q.low is not None
            else (0.0 if q.value is not None or q.label == "qualified" else -math.inf)
        )
        hi = q.high if q.high is not None else math.inf
        return lo, hi
    v = q.value if q.value is not None else math.nan
    return v, v


# Qualifiers that leave the figure itself out: "more than 50" is over 50, "almost 48" under 48. An
# interval that ends at such a figure is open there ("at least four dozen" and "almost four dozen"
# do not meet at 48). "up to", "at most", "at least", "as many as" and "upwards of" include it.
_OPEN_BELOW = re.compile(r"^(?:more than|greater than|over|above|exceeding|just over)\b", re.I)
_OPEN_ABOVE = re.compile(r"^(?:fewer than|less than|under|below|just under|nearly|almost)\b", re.I)


def open_ends(q: Quantity) -> tuple[bool, bool]:
    """Whether the interval of ``q`` leaves out its low end and its high end (see ``interval``)."""
    if q.low is None and q.high is None:
        return False, False
    text = q.text.strip()
    return bool(_OPEN_BELOW.match(text)) and q.low is not None, bool(
        _OPEN_ABOVE.match(text)
    ) and q.high is not None


def is_exact(q: Quantity) -> bool:
    return q.value is not None and q.low is None and q.high is None


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether both can be true of one thing: same unit and overlapping intervals, an end that a
    qualifier leaves out not counting as overlap ("more than 50" and "50" cannot both be true)."""
    if (a.unit or None) != (b.unit or None):
        return False
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    if math.isnan(alo) or math.isnan(blo):
        return False
    if (_open_plural(a) and blo >= alo) or (_open_plural(b) and alo >= blo):
        return True  # "spent thousands of dollars" does not deny "tens of thousands of dollars"
    (alo_open, ahi_open), (blo_open, bhi_open) = open_ends(a), open_ends(b)
    return _meets(alo, alo_open, bhi, bhi_open) and _meets(blo, blo_open, ahi, ahi_open)


# A bare plural of a scale word gives an order of magnitude from below: "thousands of dollars" is
# said of $40,000 too, so it never conflicts with a larger figure (a smaller one it does deny).
_OPEN_PLURALS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions"})


def _open_plural(q: Quantity) -> bool:
    return q.label == "vague" and q.text.strip().lower() in _OPEN_PLURALS


def _meets(lo: float, lo_open: bool, hi: float, hi_open: bool) -> bool:
    """Whether a low end lies below a high end, strictly when either end is left out."""
    return lo < hi if lo_open or hi_open else lo <= hi


def canonical(q: Quantity) -> str:
    """A short normalised form: "60", "24-99", ">=100000", "$3200000000", "23 years"."""

    def fmt(x: float) -> str:
        return str(int(x)) if x == int(x) else f"{x:g}"

    if is_exact(q):
        body = fmt(q.value)  # type: ignore[arg-type]
    else:
        lo, hi = interval(q)
        if hi == math.inf:
            body = f">={fmt(lo)}"
        elif lo in (0.0, -math.inf) and q.label != "vague":
            body = f"<={fmt(hi)}"
        else:
            body = f"{fmt(lo)}-{fmt(hi)}"
    if q.unit in ("$", "£", "€"):
        return q.unit + body
    if q.unit == "%":
        return body + "%"
    if q.unit:
        return f"{body} {q.unit}"
    return body


_SCALE_WORD = re.compile(
    r"(\d[\d,]*)(?:\.(\d+))?\s*(?:thousand|million|billion|trillion|bn|mn|m|k|tn)\b", re.I
)
_ROUND_DIGITS = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d.])")


def rounding_step(q: Quantity) -> float:
    """The step an exact figure was rounded to, judged from how it is written: "$43 million" to a
    million, "$13.6 million" to 100,000, "$700 billion" to 100 billion, "55,000" to 1,000; 0 for
    figures read as exact ("60", "8,125", "nine thousand" in words). Small bare numbers are counts,
    never taken as rounded ("60 passengers" against "50" stays a conflict)."""
    if not is_exact(q) or q.value is None:
        return 0.0
    m = _SCALE_WORD.search(q.text)
    if m:
        whole, decimals = m.group(1).replace(",", ""), m.group(2)
        mantissa = float(f"{whole}.{decimals}" if decimals else whole)
        if not mantissa:
            return 0.0
        scale = q.value / mantissa  # what the scale word multiplies by
        if decimals:
            return scale * 10 ** -len(decimals)
        zeros = len(whole) - len(whole.rstrip("0"))
        return scale * 10**zeros
    m = _ROUND_DIGITS.search(q.text)
    if m:
        digits = m.group(1).replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        return 10.0**zeros if zeros >= 3 else 0.0
    m = re.search(r"\d\.(\d+)", q.text)
    return 10.0 ** -len(m.group(1)) if m else 0.0


def agree_when_rounded(a: Quantity, b: Quantity) -> bool:
    """Whether two figures agree once the rounder one's rounding is allowed for: the precise figure
    rounds or truncates to it ("$43 million" and "$43,885,310", "35.7 percent" and "35.72")."""
    if compatible(a, b):
        return True
    if (a.unit or None) != (b.unit or None):
        return False
    if is_exact(a) != is_exact(b):
        # A rounded figure stands for the values that round to it: "$15 million" (to a million) is
        # compatible with "nearly $15 million", "55,000" with "over 55,000"; "150" is a count.
        exact, other = (a, b) if is_exact(a) else (b, a)
        half = rounding_step(exact) / 2
        if half <= 0:
            return False
        v = exact.value
        assert v is not None
        lo, hi = interval(other)
        lo_open, hi_open = open_ends(other)
        return _meets(v - half, False, hi, hi_open) and _meets(lo, lo_open, v + half, False)
    if not (is_exact(a) and is_exact(b)):
        return False
    coarse, fine = (a, b) if rounding_step(a) >= rounding_step(b) else (b, a)
    step = rounding_step(coarse)
    if step <= 0 or rounding_step(fine) >= step:
        return False
    v, f = coarse.value, fine.value
    assert v is not None and f is not None
    if abs(round(f / step) * step - v) < step / 1000:
        return True
    # "$43 million" for $43,885,310: figures with a scale word are also written truncated.
    return bool(_SCALE_WORD.search(coarse.text)) and abs(math.floor(f / step) * step - v) < step / 1000
