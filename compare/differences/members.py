"""A claim's members as the difference finders see them, and the helpers every kind shares:
the member's details and attribution, the words around a detail, and how a difference is built."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from ..details import initials_key
from ..model import Attribution, Detail, Difference, Document, Member
from ..quantities import Quantity

# Figures below are from bench/details.py on gold-dev (see docs/differences.md): "gold claims"
# compares the gold claims' members, "aligned" runs storydiff's own split, alignment and attribution.
#
# A member whose sentences hold more than this many words carries details that are often about
# something else, so a name, date or number only it gives is not reported as "added". Gold claims:
# 30 gave F1 0.596, 80 gave 0.581, no cap 0.574; aligned: 30 gave 0.528, 80 and no cap 0.536. The
# aligned figure (what users get) decides.
MAX_ADDED_WORDS = 80
# Conflicts (dates and figures) need the words around the two details to share a stem of
# EVENT_STEM letters within EVENT_WINDOW words each side: in real events most "Thursday against
# Wednesday" pairs date two steps of a developing story. Over the 110 corpus events (storydiff's own
# alignment), date conflicts went 84 -> 30 at 4 words (6 words: 43, 8: 50; two shared stems at 6
# words: 24 but lost the designed Thursday/Wednesday conflict of samples/portville-ferry-fire), and
# number conflicts 23 -> 19 (FIGURE_WINDOW below); reading the dropped ones, none was a real
# contradiction. The samples' designed conflicts and gold-dev's one agreed conflict are kept.
EVENT_WINDOW = 4
EVENT_STEM = 4
# Figures look a little wider: at 4 words gold-dev's one agreed conflict (a petition count given
# as hundreds of thousands of signatures by one outlet and as a figure in millions by another)
# shares one stem where a crowd pairing needs two; at 6 it shares two.
FIGURE_WINDOW = 6

# A member in its article's first sentences (headline, lead) carries what the outlet puts first;
# three covers a headline, a standfirst and the lead sentence of the corpus articles.
LEAD_SENTENCES = 3

FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at for from with by as is are was were be been has have had will would "
    "that this these those it its he she they we i you his her their our my your not no so if than then "
    "there what which who when where about into over after before".split()
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])|\n")


@dataclasses.dataclass(frozen=True, slots=True)
class MemberView:
    """One member of a claim with what the difference finders read from its article."""

    article: str
    details: tuple[Detail, ...]
    attribution: Attribution | None
    text: str  # the article text
    words: int
    body: str  # the member's sentences, lower-cased, for "does it say this at all" checks
    named: tuple[Detail, ...]  # every name in the member's whole article
    lead: bool = False  # the member includes one of its article's first LEAD_SENTENCES sentences
    dated: tuple[Detail, ...] = ()  # every date in the member's whole article
    numbered: tuple[Detail, ...] = ()  # every number in the member's whole article
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) of each of the member's sentences
    # the whole article's index (names, dates, figures)
    index: DocumentIndex | None = dataclasses.field(default=None, compare=False, repr=False)
    published: str | None = None  # the article's day of publication, where known


@dataclasses.dataclass(frozen=True, slots=True)
class DocumentIndex:
    """What the difference finders read from a whole article, computed once per article (not
    once per claim: an event's claims all look into the same articles)."""

    position: Mapping[int, int]  # sentence index -> position in ``Document.sentences``
    named: tuple[Detail, ...]  # every name in the article
    dated: tuple[Detail, ...]
    numbered: tuple[Detail, ...]
    name_keys: frozenset[str]  # the keys of ``named``
    initials_keys: frozenset[str]  # the keys ``named`` may abbreviate ("IRS" -> the sorted letters)
    plain: str  # the article lower-cased without full stops and apostrophes, to look a name up


def document_index(doc: Document) -> DocumentIndex:
    named = tuple(d for ds in doc.details for d in ds if d.kind == "name")
    initials = (initials_key(d.text, d.label) for d in named)
    return DocumentIndex(
        position={s.index: k for k, s in enumerate(doc.sentences)},
        named=named,
        dated=tuple(d for ds in doc.details for d in ds if d.kind == "date"),
        numbered=tuple(d for ds in doc.details for d in ds if d.kind == "number"),
        name_keys=frozenset(d.key for d in named),
        initials_keys=frozenset(k for k in initials if k is not None),
        plain=re.sub(r"[.’']", "", doc.article.text.lower()),
    )


def document_indexes(documents: Mapping[str, Document]) -> dict[str, DocumentIndex]:
    """The index of every document, by article id: build once per event, pass to each claim."""
    return {article: document_index(doc) for article, doc in documents.items()}


def gather(member: Member, doc: Document, index: DocumentIndex | None = None) -> MemberView:
    """The member's details, first attribution, length and lower-cased text."""
    index = index if index is not None else document_index(doc)
    position = index.position
    details: list[Detail] = []
    attribution = None
    words = 0
    body = []
    lead = False
    spans = []
    for sentence in sorted(member.sentences):
        k = position.get(sentence)
        if k is None:
            continue
        details.extend(doc.details[k])
        att = doc.attributions[k]
        if att is not None and (
            attribution is None or (attribution.type != "attributed" and att.type == "attributed")
        ):
            attribution = att
        words += len(doc.sentences[k].text.split())
        lead = lead or k < LEAD_SENTENCES
        spans.append((doc.sentences[k].start, doc.sentences[k].end))
        body.append(doc.sentences[k].text.lower().replace("’", "'"))
    text, joined = doc.article.text, " ".join(body)
    return MemberView(
        member.article,
        tuple(details),
        attribution,
        text,
        words,
        joined,
        index.named,
        lead,
        index.dated,
        index.numbered,
        tuple(spans),
        index,
        doc.article.published,
    )


def details_of(m: MemberView, kind: str) -> list[Detail]:
    return [d for d in m.details if d.kind == kind]


def make_difference(
    kind: str, shown: Mapping[str, Sequence[Detail]], conflict: bool, note: str
) -> Difference:
    """A difference showing each member's details of ``kind`` (members without any are left out)."""
    values: list[tuple[str, str]] = []
    spans: list[tuple[str, int, int]] = []
    for article, details in shown.items():
        if details:
            values.append((article, "; ".join(d.text for d in details)))
            spans.extend((article, d.start, d.end) for d in details)
    return Difference(kind, tuple(values), conflict, note, tuple(spans))


def article_names(members: Sequence[MemberView]) -> str:
    return ", ".join(m.article for m in members)


def verb(word: str, subjects: Sequence[object]) -> str:
    """ "hedges" for one subject, "hedge" for several."""
    return word + "s" if len(subjects) == 1 else word


def as_quantity(d: Detail) -> Quantity:
    return Quantity(d.text, d.start, d.end, d.value, d.low, d.high, d.unit, d.label)


def is_quoted(m: MemberView, d: Detail) -> bool:
    """Whether ``d`` sits inside one of the member's quotations."""
    return any(q.start <= d.start and d.end <= q.end for q in details_of(m, "quote"))


def words_around(m: MemberView, d: Detail, join_apostrophes: bool = True) -> tuple[list[str], list[str]]:
    """The lower-case words before and after ``d`` within its sentence ("don't" is one word
    "dont" with ``join_apostrophes``, two otherwise)."""
    head = _SENTENCE_BREAK.split(m.text[max(0, d.start - 200) : d.start])[-1].lower()
    tail = _SENTENCE_BREAK.split(m.text[d.end : d.end + 200])[0].lower()
    if join_apostrophes:
        head, tail = head.replace("'", ""), tail.replace("'", "")
    return re.findall(r"[a-z0-9]+", head), re.findall(r"[a-z0-9]+", tail)


def event_words(m: MemberView, d: Detail, width: int = EVENT_WINDOW) -> set[str]:
    """Stems of the content words next to ``d`` in its sentence (``width`` words each side)."""
    before, after = words_around(m, d, join_apostrophes=False)
    words = before[-width:] + after[:width]
    return {w[:EVENT_STEM] for w in words if w not in FUNCTION_WORDS and len(w) > 2}


def shared_action_words(
    mx: MemberView, x: Detail, my: MemberView, y: Detail, width: int = EVENT_WINDOW
) -> list[str]:
    """The words next to ``x`` (``width`` each side, in its sentence) whose stem is next to ``y``
    too, leaving out names and dates: a name is shared by every sentence of an event and tells nothing about
    which step of it a date or figure belongs to."""

    def around(m: MemberView, d: Detail) -> dict[str, str]:
        names = {
            w
            for n in m.details
            if n.kind in ("name", "date")
            for w in re.findall(r"[a-z0-9]+", n.text.lower())
        }
        before, after = words_around(m, d, join_apostrophes=False)
        return {
            w[:EVENT_STEM]: w
            for w in before[-width:] + after[:width]
            if w not in FUNCTION_WORDS and len(w) > 2 and w not in names
        }

    wx, wy = around(mx, x), around(my, y)
    return sorted({wx[s] for s in wx.keys() & wy.keys()})


def context_share(m: MemberView, d: Detail, members: Sequence[MemberView], width: int) -> float:
    """Share of the content words next to ``d`` (``width`` each side, within its sentence) that the
    other members use: low when ``d`` sits in a clause about something else."""
    before, after = words_around(m, d)
    words = [w for w in before[-width:] + after[:width] if w not in FUNCTION_WORDS and len(w) > 2]
    if not words:
        return 1.0
    others = set(re.findall(r"[a-z0-9]+", " ".join(o.body for o in members if o is not m).replace("'", "")))
    return sum(w in others for w in words) / len(words)
