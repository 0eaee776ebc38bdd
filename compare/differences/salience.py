"""How much a difference matters to a reader: a score in 0..1 and a one-line reason.

A conflict (two values that cannot both be true) ranks first, at a fixed score: conflicting
figures 0.9, dates 0.85, others 0.8. Every other difference's score is calibrated: the probability
that a reader lists a difference of that kind on the claim, from a logistic regression on the
difference's category (kind and what its note says: "only X gives it", "worded differently",
"stated as fact" ...) and the share of the claim's outlets that it shows, fitted on the 17 events
of gold-dev and gold-train, whose annotators listed the differences they saw
(`bench/details_fit.py --coef`; leave-one-event-out ROC AUC and bands in docs/differences.md,
round 5). The hand ordering it replaces ranked no better than chance for what annotators list
(AUC 0.52 / 0.49). Views fold differences under ``MINOR_BELOW`` as "minor differences"; the JSON
keeps every difference with its score.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from ..model import Difference
from .members import MemberView

# Views fold differences below this probability under "minor differences" (the JSON keeps them
# all): a difference annotators list less than about one time in three. On held-out events (LOEO)
# 19 of 57 folded on gold-dev were listed (0.33) against 93 of 172 shown (0.54); gold-train 47 / 158
# (0.30) against 180 / 357 (0.50).
MINOR_BELOW = 0.35

_CONFLICT = {"number": 0.9, "date": 0.85}
# Logistic regression fitted on all 17 gold events (bench/details_fit.py --coef, C=1): the log-odds
# that annotators list the difference's kind on the claim. A category gold never showed weighs 0.
_INTERCEPT = -0.892
_SHARE_HAVING = 1.471
_CATEGORY = {
    "attribution:sources": 0.24,
    "attribution:stated": -0.385,
    "date:only": -0.306,
    "date:worded": 0.671,
    "hedge": -0.13,
    "hedge:different": -0.13,  # not fitted (new in round 6): the weight of the other hedges
    "name:only": -0.472,
    "name:worded": -0.415,
    "number:adds": -0.317,
    "number:differ": -0.497,
    # "only X gives a number" / "not every outlet gives each figure" was fitted inside
    # "number:differ" (round 5), whose name misled; split out with the same weight, not refitted.
    "number:only": -0.497,
    "number:vaguer": -0.237,
    "quote:excerpt": 0.691,
    "quote:paraphrase": 0.38,
    "quote:words": 0.866,
}


def listed_probability(diff: Difference, members: Sequence[MemberView]) -> float:
    """The fitted probability that a reader lists ``diff`` (not a conflict) on its claim."""
    f = features(diff, members)
    z = _INTERCEPT + _SHARE_HAVING * f["share_having"]
    z += sum(_CATEGORY.get(k[4:], 0.0) for k in f if k.startswith("cat="))
    return 1 / (1 + math.exp(-z))


_REASONS = {
    "attribution:sources": "the outlets name different sources",
    "attribution:stated": "one outlet states as fact what another attributes",
    "number:vaguer": "one figure is vaguer than the other",
    "number:differ": "the figures differ",
    "number:only": "a figure only some give",
    "number:adds": "a figure only some give",
    "date:only": "a date only some give",
    "date:worded": "the dates differ",
    "name:only": "a name only some give",
    "name:worded": "named differently",
    "hedge": "one outlet hedges what another states plainly",
    "hedge:different": "the outlets hedge with different words",
    "quote:words": "the quoted words differ",
    "quote:excerpt": "one outlet quotes a shorter excerpt",
    "quote:paraphrase": "one outlet quotes what another paraphrases",
}


def _base(diff: Difference, members: Sequence[MemberView]) -> tuple[float, str]:
    """(score, reason) before the lead is named."""
    if diff.conflict:
        what = {"number": "figures", "date": "dates"}.get(diff.kind, f"{diff.kind}s")
        return _CONFLICT.get(diff.kind, 0.8), f"conflicting {what}: they cannot both be true"
    reason = _REASONS.get(category(diff, members), "worded differently")
    return listed_probability(diff, members), reason


def is_minor(diff: Difference) -> bool:
    """Whether views fold ``diff`` under "minor differences": salience below ``MINOR_BELOW`` and
    not a conflict (a conflict is never minor, whatever its score). The JSON keeps every difference."""
    return not diff.conflict and diff.salience < MINOR_BELOW


def rank(diff: Difference, members: Sequence[MemberView]) -> Difference:
    """``diff`` with its salience and one-line reason."""
    score, reason = _base(diff, members)
    if any(m.lead for m in members):
        # Named, not scored: annotators list a lead's differences no more often (the fitted weight
        # of the lead was -0.16 and added 0.01 to the held-out AUC).
        reason = f"{reason}, in the lead"
    return dataclasses.replace(diff, salience=round(score, 2), salience_reason=reason)


def category(diff: Difference, members: Sequence[MemberView]) -> str:
    """The difference's category: its kind and what its note says ("date:only", "name:worded")."""
    note = diff.note
    if diff.conflict:
        return f"{diff.kind}:conflict"
    if diff.kind == "attribution":
        if note == "different sources":
            return "attribution:sources"
        return "attribution:stated"
    if diff.kind == "number":
        if "vaguer" in note:
            return "number:vaguer"
        if "lacks" in note:
            return "number:adds"
        return "number:only" if note.startswith(("only", "not every outlet")) else "number:differ"
    if diff.kind == "quote":
        if note.startswith("the quoted words differ"):
            return "quote:excerpt" if "shorter excerpt" in note else "quote:words"
        return "quote:paraphrase"
    if diff.kind in ("name", "date"):
        if note.startswith("only"):
            return f"{diff.kind}:only"
        return f"{diff.kind}:worded" if len(diff.values) > 1 else f"{diff.kind}:worded-one"
    if diff.kind == "hedge" and note.endswith("hedge with different words"):
        return "hedge:different"
    return diff.kind


def features(diff: Difference, members: Sequence[MemberView]) -> dict[str, float]:
    """What the reader-list model reads from a difference: its category and the share of the
    claim's outlets that the difference shows."""
    return {
        f"cat={category(diff, members)}": 1.0,
        "share_having": len({a for a, _ in diff.values}) / max(1, len(members)),
    }
