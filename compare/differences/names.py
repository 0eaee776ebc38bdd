"""Names of a claim's members: someone named in one member that another never names, or named
with different given names; and who the members' sources are."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..details import find_names, headline_only, initials_key, names_match
from ..lexicon import PLACE_NAMES, TITLE_WORDS
from ..model import Attribution, Detail, Difference
from .keyed import keyed_difference
from .members import DocumentIndex, MemberView, context_share, details_of, is_quoted

# Names compared for "named in one member only / named differently". With places too: 19 found /
# 57 extra name differences (F1 0.572); people and organisations: 17 / 46 (0.581); people only:
# 14 / 31 (0.593) but aligned F1 0.520 against 0.536, as the gold name differences often concern
# organisations ("the IRS and Treasury Department" against "the U.S. Department of the Treasury").
NAME_LABELS = ("person", "organization")
# Names other than people's (organisations, places) count as named in one member only when the
# words around them (NAME_CONTEXT_WORDS each side, in their sentence) share at least this much with
# the other members: a name in a clause about something else ("..., Maggie Haberman of The New York
# Times wrote") is background. Gold claims, gold attribution (bench/details.py): off gave 17 found /
# 39 extra name kinds; 4 words at 0.2-0.4 kept all 17 found with 34-31 extra (0.3: 32), 6 words at
# 0.3 gave 17 / 35; applying it to people too (6 words, 0.25) cut extras to 25 but lost 2 found
# (a congressman named in one outlet only): people are what annotators list most.
NAME_CONTEXT_WORDS = 4
NAME_CONTEXT_SHARE = 0.3

# Party labels describe people rather than name anyone: "the Minnesota Republican", "Senate GOP",
# "Democrats". Gold-dev lists no party as a name difference and 9 predicted name differences
# rested on one (4 of the 7 events).
_PARTY_WORDS = frozenset(
    "republican republicans democrat democrats democratic gop labour tory tories conservative "
    "conservatives liberal liberals".split()
)
# Adjectives of an office beside a party label ("Republican Congressional intelligence officials")
# describe people too (round 15).
_PARTY_CONTEXT = frozenset(
    "senate house congress party caucus the state congressional presidential legislative "
    "gubernatorial".split()
)
# Platforms a statement was posted on ("wrote on Twitter", "a Facebook post") are the medium, not
# someone the news names: read on gold-dev and gold-train, none is a name difference and each one
# labelled an organisation made an extra "only X gives it".
_PLATFORMS = frozenset("twitter facebook youtube instagram skype".split())


def name_difference(members: Sequence[MemberView]) -> Difference | None:
    """Someone named in one member that another member's whole article never names, or named with
    different given names ("Ben Jealous", "Benjamin Todd Jealous"). A name a member leaves out but
    its article names elsewhere is a pronoun or a shortening, not a difference."""
    names = {
        m.article: [
            d
            for d in details_of(m, "name")
            if d.label in NAME_LABELS
            and not is_quoted(m, d)
            and not _party(d)
            and d.key not in _PLATFORMS
            and not _own_outlet(m, d)
            and not headline_only(m.text, d)
        ]
        for m in members
    }

    def carried(d: Detail, others: list[Detail], other: MemberView) -> bool:
        same = [o for o in others if names_match(d, o)]
        given = _given_name(d)
        # Named with another given name only when no namesake there shares it: "Sasha Obama"
        # is carried by a member naming "Malia and Sasha Obama".
        if given and same and all(_given_name(o) and _given_name(o) != given for o in same):
            return False
        index = other.index
        if index is None:
            raise ValueError("a member view without its article's index (build it with gather)")
        if same or names_anywhere(d, index):
            return True
        words = d.key if d.label == "person" else re.sub(r"[.’']", "", d.text.lower())
        # The literal test first: a whole-word match is also a substring (most names are neither).
        return words in index.plain and re.search(rf"\b{re.escape(words)}\b", index.plain) is not None

    def keep(m: MemberView, d: Detail) -> bool:
        return d.label == "person" or context_share(m, d, members, NAME_CONTEXT_WORDS) >= NAME_CONTEXT_SHARE

    return keyed_difference("name", members, names, carried, None, keep)


def _own_outlet(m: MemberView, d: Detail) -> bool:
    """The member's own outlet ("a senior official told Fox News" in Fox News' article): how the
    outlet got the story, not someone its report names that the others leave out (round 11, read
    on non-gold events)."""
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"^the\s+", "", d.text.lower())).strip("-")
    return bool(slug) and slug == m.article


def names_anywhere(d: Detail, index: DocumentIndex) -> bool:
    """Whether the article names ``d``'s entity somewhere: ``names_match`` against each of its
    names, by set lookups (the same test, without a pass over the article per name)."""
    if d.key in index.name_keys or d.key in index.initials_keys:
        return True
    short = initials_key(d.text, d.label)
    return short is not None and short in index.name_keys


def _party(d: Detail) -> bool:
    """A party label, alone or after its place: "Senate GOP", "the New York Republican" (round 12:
    a place of two words, "South Carolina Republican", was read as someone one outlet names)."""
    words = re.findall(r"[a-z]+", d.text.lower().replace("’s", "").replace("'s", ""))
    if not any(w in _PARTY_WORDS for w in words):
        return False
    rest = [w for w in words if w not in _PARTY_WORDS and w not in _PARTY_CONTEXT]
    return all(w in PLACE_NAMES for w in rest) or " ".join(rest) in PLACE_NAMES


def _given_name(d: Detail) -> str:
    """The first given name of a person ("Benjamin" in "NAACP President Benjamin Todd Jealous")."""
    if d.label != "person":
        return ""
    words = re.findall(r"[a-z]+", d.text.lower())
    cut = max(
        (i for i, w in enumerate(words[:-1]) if w in TITLE_WORDS or w in ("of", "the", "state")), default=-1
    )
    given = words[cut + 1 : -1]
    return given[0] if given else ""


def source_names(att: Attribution) -> list[Detail]:
    """The people and organisations named in an attribution's source ("Sen. Marco Rubio")."""
    source = att.source or ""
    return [d for d in find_names(source, source, 0, []) if d.label in ("person", "organization")]


def same_speaker(a: MemberView, b: MemberView) -> bool:
    """Both members attribute to a named source, and the two share a name."""
    names = [source_names(m.attribution) if m.attribution and m.attribution.source else [] for m in (a, b)]
    return bool(names[0] and names[1]) and any(names_match(x, y) for x in names[0] for y in names[1])


def same_actor(mx: MemberView, x: Detail, my: MemberView, y: Detail) -> bool:
    """Whether the sentences holding ``x`` and ``y`` may tell of one actor: when both name people
    (outside quotations), they share one ("Sanders, campaigning ... on Sunday" and "O'Rourke,
    campaigning ... on Friday night" are two people's days)."""
    people = [_people_near(m, d) for m, d in ((mx, x), (my, y))]
    return not (people[0] and people[1]) or any(names_match(a, b) for a in people[0] for b in people[1])


def _people_near(m: MemberView, d: Detail) -> list[Detail]:
    """The people named in the member's sentence holding ``d``, outside quotations."""
    start, end = next(((a, b) for a, b in m.spans if a <= d.start < b), (d.start, d.end))
    return [
        n
        for n in details_of(m, "name")
        if n.label == "person" and start <= n.start and n.end <= end and not is_quoted(m, n)
    ]


def different_sources(sources: list[list[Detail]]) -> bool:
    """Two members name their sources and share no name. Sources given only by description
    ("the son of Cuban immigrants", "London's mayor") may be the same person, so they never differ.
    People are compared when a source names one ("House Speaker Paul D. Ryan" shares "Ryan" with
    "Speaker Paul Ryan" whatever organisation is named beside him), and every pair is compared, so
    the answer does not depend on the order of the members (issue 17: it did, by taking the first
    member as the reference)."""
    named = [_people_or_else(names) for names in sources if names]
    return any(
        not any(names_match(x, y) for x in a for y in b) for i, a in enumerate(named) for b in named[i + 1 :]
    )


def _people_or_else(names: list[Detail]) -> list[Detail]:
    """The people among ``names``, or all of them when none is a person."""
    return [d for d in names if d.label == "person"] or names
