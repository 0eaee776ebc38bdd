"""How much a difference matters to a reader: a score in 0..1 and a one-line reason.

The order is the one issue 11 asks for and a reader's: a conflicting figure or date outranks
everything; an outlet stating as fact what others attribute outranks outlets naming the same
source differently; a number, date or hedge that one outlet alone gives outranks a name or a
title; the wording of a quotation comes last. A difference in the claim's lead (some member in
its article's first sentences) ranks a step higher. The scores are an ordering, not a fitted
probability; docs/differences.md gives, per band, how often gold-dev and gold-train's annotators
listed a difference of that kind on the claim.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..details import names_match
from ..model import Difference
from .members import MemberView, details_of
from .names import source_names

# Views fold differences below this score under "minor differences" (the JSON keeps them all).
MINOR_BELOW = 0.35
# Step added when the claim is in some member's lead.
LEAD_BONUS = 0.1

_CONFLICT = {"number": 0.9, "date": 0.85}
_BASE = {"number": 0.5, "date": 0.45, "hedge": 0.4, "name": 0.3, "quote": 0.25}
_STATED_AS_FACT = 0.55
# "Stated as fact" by an outlet whose own sentence names the source ("Bloomberg called ..." against
# "Bloomberg said ..."): the same source seen from outside, and annotators listed it as an
# attribution difference on 7 of 34 such claims (gold-dev + gold-train, storydiff's attribution),
# against 64 of 115 when the stating outlet does not name the source.
_STATED_NAMING_SOURCE = 0.3
_DIFFERENT_SOURCES = 0.3


def _base(diff: Difference, members: Sequence[MemberView]) -> tuple[float, str]:
    """(score, reason) before the lead bonus."""
    if diff.conflict:
        what = {"number": "figures", "date": "dates"}.get(diff.kind, f"{diff.kind}s")
        return _CONFLICT.get(diff.kind, 0.8), f"conflicting {what}: they cannot both be true"
    if diff.kind == "attribution":
        if diff.note == "different sources":
            return _DIFFERENT_SOURCES, "the outlets name different sources"
        if _stating_outlets_name_the_source(members):
            return (
                _STATED_NAMING_SOURCE,
                "attributed by one outlet; the others name the source in their own words",
            )
        return _STATED_AS_FACT, "one outlet states as fact what another attributes"
    if diff.kind == "number":
        if "vaguer" in diff.note:
            return _BASE["number"] - 0.15, "one figure is vaguer than the other"
        return _BASE["number"], "the figures differ" if "differ" in diff.note else "a figure only some give"
    if diff.kind == "date":
        return _BASE["date"], "a date only some give" if diff.note.startswith("only") else "the dates differ"
    if diff.kind == "hedge":
        return _BASE["hedge"], "one outlet hedges what another states plainly"
    if diff.kind == "quote":
        if diff.note.startswith("the quoted words differ"):
            return _BASE["quote"], "the quoted words differ"
        return _BASE["quote"] - 0.05, "one outlet quotes what another paraphrases"
    if diff.kind == "name":
        return _BASE["name"], "a name only some give" if diff.note.startswith("only") else "named differently"
    return 0.2, "worded differently"


def is_minor(diff: Difference) -> bool:
    """Whether views fold ``diff`` under "minor differences": salience below ``MINOR_BELOW`` and
    not a conflict (a conflict is never minor, whatever its score). The JSON keeps every difference."""
    return not diff.conflict and diff.salience < MINOR_BELOW


def rank(diff: Difference, members: Sequence[MemberView]) -> Difference:
    """``diff`` with its salience and one-line reason."""
    score, reason = _base(diff, members)
    if any(m.lead for m in members):
        score, reason = min(1.0, score + LEAD_BONUS), f"{reason}, in the lead"
    return dataclasses.replace(diff, salience=round(score, 2), salience_reason=reason)


def _stating_outlets_name_the_source(members: Sequence[MemberView]) -> bool:
    relayed = [
        m.attribution for m in members if m.attribution is not None and m.attribution.type == "attributed"
    ]
    stated = [m for m in members if m.attribution is None]
    sources = [n for a in relayed for n in source_names(a)]
    return bool(sources and stated) and all(
        any(names_match(n, s) for n in details_of(m, "name") for s in sources) for m in stated
    )
