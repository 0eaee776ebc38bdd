"""Compare the details of a claim's members, and find what only one outlet reports.

A difference lists each outlet's wording of one kind of detail and whether the wordings conflict
(cannot both be true: "60" and "50", Thursday and Wednesday) or one is only vaguer, more precise
or alone in giving the detail ("60" and "dozens" do not conflict). Kinds follow the JSON
contract: number, name, date, quote, hedge, and attribution (one outlet attributes what another
states as fact, or they name different sources).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from .details import names_match, quote_key
from .model import Attribution, Claim, Detail, Difference, Document, Member, Unique
from .numbers import Quantity, compatible, interval

# Figures below are from bench/details.py on gold-dev: "gold claims" compares the 125 gold claims'
# members with the gold attribution labels fed in, so only this module's choices vary; "aligned"
# runs storydiff's own split, alignment and attribution. F1 is over difference kinds, as
# ../shared/tools/gold_score.py scores them.
#
# Two members quote "the same" words when this share of the distinct quoted words is common to
# both. 0.9 and 1.0 score the same (gold claims F1 0.581); 0.8 lost a gold quote difference (0.579):
# the annotators count even a partial against a full quotation as a difference.
QUOTE_SAME_SHARE = 1.0
# Scare quotes shorter than this do not make a member "quote" a statement: 1 gave 25 found / 18
# extra quote differences, 3 gave 23 / 13, 5 gave 22 / 9 (F1 flat, 0.581–0.584).
MIN_QUOTE_WORDS = 3
# Share of a quotation's content words that must appear in the other members for it to count as
# quoting the claim: 0.0 gave 29 found / 34 extra quote differences (F1 0.572), 0.2 gave 23 / 13
# (0.581), 0.3 gave 18 / 12 (0.564).
QUOTE_RELEVANCE = 0.2
# Two calendar dates conflict only when at most this many days apart: reports of one event slip by
# a day or two, while "March 8" against "June 1" in one claim were two events (the decision and the
# deadline, newswcl50-7). Months conflict only when adjacent, years when one apart, for the same reason.
DATE_CONFLICT_MAX_DAYS = 7
# Names compared for "named in one member only / named differently". With places too: 19 found /
# 57 extra name differences (F1 0.572); people and organisations: 17 / 46 (0.581); people only:
# 14 / 31 (0.593) but aligned F1 0.520 against 0.536, as the gold name differences often concern
# organisations ("the IRS and Treasury Department" against "the U.S. Department of the Treasury").
NAME_LABELS = ("person", "organization")
# Minutes between two clock times before they conflict ("5 p.m." vs "5:30 p.m." is a rounding, not
# a contradiction); a judgement call, as gold-dev has no two clock times to compare.
TIME_CONFLICT_MINUTES = 60
# A member whose sentences hold more than this many words carries details that are often about
# something else, so a name, date or number only it gives is not reported as "added". Gold claims:
# 30 gave F1 0.596, 80 gave 0.581, no cap 0.574; aligned: 30 gave 0.528, 80 and no cap 0.536. The
# aligned figure (what users get) decides.
MAX_ADDED_WORDS = 80

_KIND_ORDER = {"number": 0, "date": 1, "name": 2, "quote": 3, "hedge": 4, "attribution": 5, "other": 6}
STATED = "stated as fact"


@dataclasses.dataclass(frozen=True, slots=True)
class _Member:
    article: str
    details: tuple[Detail, ...]
    attribution: Attribution | None
    text: str  # the article text
    words: int
    body: str  # the member's sentences, lower-cased, for "does it say this at all" checks
    named: tuple[Detail, ...]  # every name in the member's whole article


def _gather(member: Member, doc: Document) -> _Member:
    position = {s.index: k for k, s in enumerate(doc.sentences)}
    details: list[Detail] = []
    attribution = None
    words = 0
    body = []
    for index in sorted(member.sentences):
        k = position.get(index)
        if k is None:
            continue
        if k < len(doc.details):
            details.extend(doc.details[k])
        if k < len(doc.attributions) and doc.attributions[k] is not None and attribution is None:
            attribution = doc.attributions[k]
        words += len(doc.sentences[k].text.split())
        body.append(doc.sentences[k].text.lower().replace("’", "'"))
    named = tuple(d for ds in doc.details for d in ds if d.kind == "name")
    return _Member(
        member.article, tuple(details), attribution, doc.article.text, words, " ".join(body), named
    )


def compare_claim(claim: Claim, documents: Mapping[str, Document]) -> Claim:
    """The claim with its ``differences`` and word-level ``edits`` (against ``reference``) filled in."""
    from .wordiff import claim_edits

    members = [_gather(m, documents[m.article]) for m in claim.members if m.article in documents]
    differences: list[Difference] = []
    if len(members) >= 2:
        for compare in (
            _number_difference,
            _date_difference,
            _name_difference,
            _quote_difference,
            _hedge_difference,
            _attribution_difference,
        ):
            diff = compare(members)
            if diff is not None:
                differences.append(diff)
    differences.sort(key=lambda d: (not d.conflict, _KIND_ORDER.get(d.kind, 9)))
    reference, edits = claim_edits(claim, documents)
    return dataclasses.replace(claim, differences=tuple(differences), edits=edits, reference=reference)


def _of(m: _Member, kind: str) -> list[Detail]:
    return [d for d in m.details if d.kind == kind]


def _difference(kind: str, shown: Mapping[str, Sequence[Detail]], conflict: bool, note: str) -> Difference:
    values: list[tuple[str, str]] = []
    spans: list[tuple[str, int, int]] = []
    for article, details in shown.items():
        if details:
            values.append((article, "; ".join(d.text for d in details)))
            spans.extend((article, d.start, d.end) for d in details)
    return Difference(kind, tuple(values), conflict, note, tuple(spans))


def _names(members: Sequence[_Member]) -> str:
    return ", ".join(m.article for m in members)


def _verb(verb: str, subjects: Sequence[object]) -> str:
    """ "hedges" for one subject, "hedge" for several."""
    return verb + "s" if len(subjects) == 1 else verb


# ---------------------------------------------------------------- numbers


def _quantity(d: Detail) -> Quantity:
    return Quantity(d.text, d.start, d.end, d.value, d.low, d.high, d.unit, d.label)


# Percentages and amounts of money conflict only when they measure the same noun ("30 percent of
# imports" against "a 25 percent tariff" are two figures): in newswcl50-7 every percentage
# "conflict" without a shared noun paired two different statistics.
_SHARES = ("%", "points", "$", "£", "€")


# Two counts of different nouns still conflict when both are at least this large: crowd-sized
# figures name one headcount in different words (gold-dev: "hundreds of thousands of signatures"
# against "more than 1.8 million people"), while small counts of different nouns ("15 pages",
# "three committees", newswcl50-1) were different things.
CROWD_SIZE = 100


def _magnitude(d: Detail) -> float:
    return max(v for v in (d.value, d.low, d.high, 0.0) if v is not None)


def _counted(m: _Member, d: Detail) -> set[str]:
    """The words a number may count: the two after it ("60 armed sailors" -> {"armed", "sailor"})."""
    window = m.text[d.end : d.end + 40].lower().replace(".", "")
    match = re.match(r"[\s-]+(?:of\s+)?(?:the\s+)?([a-z]+)(?:[\s-]+([a-z]+))?", window)
    if not match:
        return set()
    words = {w for w in match.groups() if w and w not in _FUNCTION_WORDS}
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words}


def _number_difference(members: Sequence[_Member]) -> Difference | None:
    nums = {m.article: [d for d in _of(m, "number") if d.unit != "ordinal" and d.key != "1"] for m in members}
    having = [m for m in members if nums[m.article]]
    lacking = [m for m in members if not nums[m.article]]
    if not having:
        return None
    distinct = {
        m.article: [
            d
            for d in nums[m.article]
            if any(all(o.key != d.key for o in nums[x.article]) for x in having if x is not m)
        ]
        for m in having
    }
    if _comparable(distinct):
        conflict, note = _number_conflict(members, nums, distinct)
        return _difference("number", distinct, conflict, note)
    added = {m.article: [d for d in nums[m.article] if _notable(d)] for m in having}
    if not lacking or not any(added.values()) or any(m.words > MAX_ADDED_WORDS for m in having):
        return None
    note = f"only {_names(having)} give{'s' if len(having) == 1 else ''} a number"
    return _difference("number", added, False, note)


def _comparable(distinct: Mapping[str, Sequence[Detail]]) -> bool:
    """Whether two members give differing figures of the same unit; "30 days" in one and "25%" in
    another are different facts, each only "added"."""
    units = [{d.unit for d in ds} for ds in distinct.values() if ds]
    return any(units[i] & units[j] for i in range(len(units)) for j in range(i + 1, len(units)))


def _notable(d: Detail) -> bool:
    """A number worth reporting when only one member gives it: in digits, 10 or more, or with a unit.
    Dropping small counts in words ("two", "several") that one member alone carries removed 11 false
    number differences on gold-dev and lost 1 true one (bench/details.py, gold attribution)."""
    return bool(d.unit) or any(c.isdigit() for c in d.text) or (d.value or d.high or 0) >= 10


def _number_conflict(
    members: Sequence[_Member], nums: dict[str, list[Detail]], distinct: dict[str, list[Detail]]
) -> tuple[bool, str]:
    """Two members conflict when a number of one fits none of the other's numbers of the same kind."""
    by_article = {m.article: m for m in members}
    articles = [a for a in distinct if distinct[a]]
    vaguer = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for x in distinct[a]:
                for y in distinct[b]:
                    if (x.unit or None) != (y.unit or None):
                        continue
                    nx, ny = _counted(by_article[a], x), _counted(by_article[b], y)
                    slots = sum(o.unit == x.unit for o in distinct[a]) + sum(
                        o.unit == y.unit for o in distinct[b]
                    )
                    if (slots > 2 or x.unit in _SHARES) and not nx & ny:
                        continue  # no shared noun to pair these two: likely different figures
                    if nx and ny and not nx & ny and min(_magnitude(x), _magnitude(y)) < CROWD_SIZE:
                        continue  # "15 pages" and "three committees" count different things
                    qx, qy = _quantity(x), _quantity(y)
                    if any(compatible(qx, _quantity(o)) for o in nums[b]) or any(
                        compatible(qy, _quantity(o)) for o in nums[a]
                    ):
                        if compatible(qx, qy):
                            wide = a if _width(qx) > _width(qy) else b
                            vaguer.append(f"{wide} is vaguer ({x.text} / {y.text})")
                        continue
                    return True, f"{a} says {x.text}, {b} says {y.text}"
    return False, "; ".join(vaguer[:2]) or "the figures differ without conflicting"


def _width(q: Quantity) -> float:
    lo, hi = interval(q)
    return hi - lo


# ---------------------------------------------------------------- dates


def _date_conflict(x: Detail, y: Detail) -> bool:
    kx, ky = x.key.split(":", 1)[0], y.key.split(":", 1)[0]
    vx, vy = x.key.split(":", 1)[1], y.key.split(":", 1)[1]
    if kx == ky == "weekday":
        return vx != vy
    if kx == ky == "time":
        hx, mx = map(int, vx.split(":"))
        hy, my = map(int, vy.split(":"))
        return abs((hx * 60 + mx) - (hy * 60 + my)) >= TIME_CONFLICT_MINUTES
    if kx in ("date", "month") and ky in ("date", "month"):
        # Only like against like: "June 1" against "March" is more often two events (the deadline
        # and the original decision) than a contradiction (newswcl50-7).
        if kx != ky:
            return False
        px, py = vx.split("-"), vy.split("-")
        # Compare from the right: month (and day when both have one); years only when both give one.
        yx = px[0] if len(px[0]) == 4 else None
        yy = py[0] if len(py[0]) == 4 else None
        mx_, my_ = (px[1] if yx else px[0]), (py[1] if yy else py[0])
        if yx and yy and abs(int(yx) - int(yy)) > 1:
            return False  # years apart: two events, not two versions of one
        if yx and yy and yx != yy:
            return True
        if kx == "month":
            return mx_ != my_ and (abs(int(mx_) - int(my_)) in (1, 11) or not (yx and yy) or yx != yy)
        gap = abs(_day_of_year(int(mx_), int(px[-1])) - _day_of_year(int(my_), int(py[-1])))
        return 0 < min(gap, 365 - gap) <= DATE_CONFLICT_MAX_DAYS
    if kx == ky == "year":
        return abs(int(vx) - int(vy)) == 1
    return False


def _day_of_year(month: int, day: int) -> int:
    return (month - 1) * 31 + day


def _date_difference(members: Sequence[_Member]) -> Difference | None:
    dates = {
        m.article: [d for d in _of(m, "date") if not _quoted(m, d) and d.label != "year-modifier"]
        for m in members
    }
    return _keyed_difference(
        "date", members, dates, lambda d, others, _: any(d.key == o.key for o in others), _date_conflict
    )


# ---------------------------------------------------------------- names


def _name_difference(members: Sequence[_Member]) -> Difference | None:
    """Someone named in one member that another member's whole article never names, or named with
    different given names ("Ben Jealous", "Benjamin Todd Jealous"). A name a member leaves out but
    its article names elsewhere is a pronoun or a shortening, not a difference."""
    names = {
        m.article: [d for d in _of(m, "name") if d.label in NAME_LABELS and not _quoted(m, d)]
        for m in members
    }
    lowered = {m.article: re.sub(r"[.’']", "", m.text.lower()) for m in members}

    def carried(d: Detail, others: list[Detail], other: _Member) -> bool:
        same = [o for o in others if names_match(d, o)]
        if any(_given_name(d) and _given_name(o) and _given_name(d) != _given_name(o) for o in same):
            return False
        if same or any(names_match(d, o) for o in other.named):
            return True
        words = d.key if d.label == "person" else re.sub(r"[.’']", "", d.text.lower())
        return re.search(rf"\b{re.escape(words)}\b", lowered[other.article]) is not None

    return _keyed_difference("name", members, names, carried, None)


def _given_name(d: Detail) -> str:
    """The first given name of a person ("Benjamin" in "NAACP President Benjamin Todd Jealous")."""
    if d.label != "person":
        return ""
    from .details import _TITLES

    words = re.findall(r"[a-z]+", d.text.lower())
    cut = max(
        (i for i, w in enumerate(words[:-1]) if w in _TITLES or w in ("of", "the", "state")), default=-1
    )
    given = words[cut + 1 : -1]
    return given[0] if given else ""


def _quoted(m: _Member, d: Detail) -> bool:
    return any(q.start <= d.start and d.end <= q.end for q in _of(m, "quote"))


def _keyed_difference(
    kind: str, members: Sequence[_Member], found: dict[str, list[Detail]], same, conflicts
) -> Difference | None:
    """A difference when some member carries a detail another member lacks (by ``same``)."""
    having = [m for m in members if found[m.article]]
    if not having:
        return None
    distinct = {
        m.article: [
            d
            for d in found[m.article]
            if any(not same(d, found[x.article], x) for x in members if x is not m)
        ]
        for m in having
    }
    if not any(distinct.values()):
        return None
    lacking = [m for m in members if not found[m.article]]
    by_article = {m.article: m for m in members}
    if lacking and len(having) == 1 and having[0].words > MAX_ADDED_WORDS:
        return None
    conflict, note = False, ""
    if conflicts is not None:
        arts = [a for a in distinct if distinct[a]]
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                for x in distinct[a]:
                    for y in distinct[b]:
                        if (
                            not conflict
                            and conflicts(x, y)
                            and _against_all(x, found[b], conflicts)
                            and _against_all(y, found[a], conflicts)
                        ):
                            conflict, note = True, f"{a} says {x.text}, {b} says {y.text}"
    if not note:
        alone = [m.article for m in having if distinct[m.article]]
        agree = all(
            same(d, found[b], by_article[b]) for a in alone for d in distinct[a] for b in alone if b != a
        )
        note = (
            f"only {', '.join(alone)} give{'s' if len(alone) == 1 else ''} it"
            if lacking and agree
            else "worded differently"
        )
    shown = {a: distinct[a] for a in distinct}
    return _difference(kind, shown, conflict, note)


def _against_all(x: Detail, others: Sequence[Detail], conflicts) -> bool:
    """x conflicts with every comparable detail of the other member (same category of date)."""
    kind = x.key.split(":", 1)[0]
    comparable = [
        o
        for o in others
        if o.key.split(":", 1)[0] == kind or {kind, o.key.split(":", 1)[0]} <= {"date", "month"}
    ]
    return bool(comparable) and all(conflicts(x, o) for o in comparable)


# ---------------------------------------------------------------- quotations


_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at for from with by as is are was were be been has have had will would "
    "that this these those it its he she they we i you his her their our my your not no so if than then "
    "there what which who when where about into over after before".split()
)


def _quotes(m: _Member, members: Sequence[_Member]) -> list[Detail]:
    """The member's quotations that are about the claim: long enough, and sharing enough content
    words with the other members (a quotation from a sentence that only partly belongs to the claim
    is often about something else)."""
    others = " ".join(o.body for o in members if o is not m)
    other_words = set(re.findall(r"[a-z0-9]+", others.replace("'", "")))
    out = []
    for d in _of(m, "quote"):
        words = d.key.split()
        if len(words) < MIN_QUOTE_WORDS:
            continue
        content = [w for w in words if w not in _FUNCTION_WORDS]
        if content and sum(w in other_words for w in content) / len(content) >= QUOTE_RELEVANCE:
            out.append(d)
    return out


def _quote_difference(members: Sequence[_Member]) -> Difference | None:
    shown = {m.article: _quotes(m, members) for m in members}
    keys = {a: [d.key for d in ds] for a, ds in shown.items()}
    quoting = [m for m in members if keys[m.article]]
    if not quoting:
        return None
    shown = {a: ds for a, ds in shown.items() if ds}
    paraphrasing = [m for m in members if not keys[m.article]]
    if paraphrasing:
        return _difference(
            "quote", shown, False, f"{_names(paraphrasing)} paraphrase{'s' if len(paraphrasing) == 1 else ''}"
        )
    joined = {a: " ".join(k) for a, k in keys.items()}
    first = joined[quoting[0].article]
    if all(_same_words(first, joined[m.article]) for m in quoting[1:]):
        return None
    return _difference("quote", shown, False, "the quoted words differ")


def _same_words(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    common = len(set(wa) & set(wb))
    return common >= QUOTE_SAME_SHARE * max(len(set(wa)), len(set(wb)))


# ---------------------------------------------------------------- hedges and attribution


def _hedge_difference(members: Sequence[_Member]) -> Difference | None:
    hedges = {m.article: _of(m, "hedge") for m in members}
    hedged = [m for m in members if hedges[m.article]]
    plain = [m for m in members if not hedges[m.article]]
    if not hedged or not plain:
        return None
    note = f"{_names(hedged)} {_verb('hedge', hedged)}; {_names(plain)} {_verb('state', plain)} it plainly"
    return _difference("hedge", {m.article: hedges[m.article] for m in hedged}, False, note)


def _source_names(att: Attribution) -> list[Detail]:
    """The people and organisations named in an attribution's source ("Sen. Marco Rubio")."""
    from .details import find_names

    source = att.source or ""
    return [d for d in find_names(source, source, 0, []) if d.label in ("person", "organization")]


def _different_sources(sources: list[list[Detail]]) -> bool:
    """Two members name their sources and no name is shared. Sources given only by description
    ("the son of Cuban immigrants", "London's mayor") may be the same person, so they never differ."""
    named = [names for names in sources if names]
    return (
        any(not any(names_match(x, y) for x in named[0] for y in other) for other in named[1:])
        if len(named) >= 2
        else False
    )


def _attribution_difference(members: Sequence[_Member]) -> Difference | None:
    # A hedged member ("reportedly") is a hedge difference, not an attribution one (gold-dev guidelines).
    relayed = [m for m in members if m.attribution is not None and m.attribution.type == "attributed"]
    stated = [m for m in members if m.attribution is None]
    if not relayed:
        return None

    def wording(m: _Member) -> str:
        att = m.attribution
        if att is None:
            return STATED
        cue = m.text[att.start : att.end] if att.end > att.start else att.cue
        return f"{att.source} ({cue})" if att.source and cue else (att.source or cue or att.type)

    values = tuple((m.article, wording(m)) for m in members)
    spans = tuple((m.article, m.attribution.start, m.attribution.end) for m in relayed if m.attribution)
    if stated:
        note = (
            f"{_names(relayed)} {_verb('attribute', relayed)} it; "
            f"{_names(stated)} {_verb('state', stated)} it as fact"
        )
        return Difference("attribution", values, False, note, spans)
    sources = [_source_names(m.attribution) for m in relayed if m.attribution and m.attribution.source]
    if _different_sources(sources):
        return Difference("attribution", values, False, "different sources", spans)
    return None


# ---------------------------------------------------------------- only in one outlet

_UNIQUE_KINDS = ("number", "name", "date", "quote")


def find_unique(documents: Sequence[Document], claims: Sequence[Claim]) -> tuple[Unique, ...]:
    """Per article: the sentences in no claim, and their details that no other outlet carries."""
    claimed = {(m.article, i) for c in claims for m in c.members for i in m.sentences}
    every: dict[str, list[Detail]] = {
        doc.article.id: [d for ds in doc.details for d in ds if d.kind in _UNIQUE_KINDS] for doc in documents
    }
    texts = {doc.article.id: quote_key(doc.article.text) for doc in documents}
    out = []
    for doc in documents:
        aid = doc.article.id
        others = [o for o in documents if o.article.id != aid]
        sentences = []
        distinctive: list[Detail] = []
        for k, sentence in enumerate(doc.sentences):
            if (aid, sentence.index) in claimed:
                continue
            sentences.append(sentence.index)
            for d in doc.details[k] if k < len(doc.details) else ():
                if d.kind in _UNIQUE_KINDS and not any(
                    _carried(d, every[o.article.id], texts[o.article.id]) for o in others
                ):
                    distinctive.append(d)
        out.append(Unique(aid, tuple(sentences), tuple(distinctive)))
    return tuple(out)


def _carried(d: Detail, details: Sequence[Detail], text_key: str) -> bool:
    if d.kind == "quote":
        return bool(d.key) and f" {d.key} " in f" {text_key} "
    if d.kind == "name":
        return any(o.kind == "name" and names_match(d, o) for o in details)
    if d.kind == "number":
        q = _quantity(d)
        return any(
            o.kind == "number"
            and o.key == d.key
            or (o.kind == "number" and compatible(q, _quantity(o)) and o.value == d.value)
            for o in details
        )
    return any(o.kind == d.kind and o.key == d.key for o in details)


def summarize_unique(unique: Unique, outlet: str, limit: int = 5) -> str:
    """One line on what only this outlet reports: its unshared sentence count and distinctive details."""
    if not unique.sentences:
        return f"{outlet}: nothing that no other outlet reports"
    seen: list[str] = []
    for d in unique.details:
        if d.kind != "quote" and d.text not in seen:
            seen.append(d.text)
    quotes = sum(1 for d in unique.details if d.kind == "quote")
    parts = [
        f"{len(unique.sentences)} sentence{'s' if len(unique.sentences) != 1 else ''} no other outlet carries"
    ]
    if seen:
        more = f" and {len(seen) - limit} more" if len(seen) > limit else ""
        parts.append("with " + ", ".join(seen[:limit]) + more)
    if quotes:
        parts.append(f"{quotes} quotation{'s' if quotes != 1 else ''} of its own")
    return f"{outlet}: " + "; ".join(parts)
