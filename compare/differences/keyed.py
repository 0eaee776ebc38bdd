"""Differences of details compared by key (dates and names): a detail one member carries and
another lacks or words differently, and, for dates, two values that cannot both be true."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..dates import part_of_day
from ..model import Detail, Difference
from .members import MAX_ADDED_WORDS, MemberView, make_difference

# same(detail, other member's details of the kind, other member) -> the other member carries it
Carried = Callable[[Detail, list[Detail], MemberView], bool]
Conflicts = Callable[[Detail, Detail], bool]
Keep = Callable[[MemberView, Detail], bool]


def keyed_difference(
    kind: str,
    members: Sequence[MemberView],
    found: dict[str, list[Detail]],
    same: Carried,
    conflicts: Conflicts | None,
    keep: Keep | None = None,
) -> Difference | None:
    """A difference when some member carries a detail another member lacks (by ``same``); ``keep``
    filters the distinct details, ``conflicts`` says which pairs cannot both be true."""
    having = [m for m in members if found[m.article]]
    if not having:
        return None
    distinct = {
        m.article: [
            d
            for d in found[m.article]
            if any(not same(d, found[x.article], x) for x in members if x is not m)
            and (keep is None or keep(m, d))
        ]
        for m in having
    }
    if not any(distinct.values()):
        return None
    lacking = [m for m in members if not found[m.article]]
    by_article = {m.article: m for m in members}
    if lacking and len(having) == 1 and having[0].words > MAX_ADDED_WORDS:
        return None
    note = _conflict_note(distinct, found, conflicts) if conflicts is not None else ""
    if note:
        return make_difference(kind, distinct, True, note)
    alone = [m.article for m in having if distinct[m.article]]
    agree = all(same(d, found[b], by_article[b]) for a in alone for d in distinct[a] for b in alone if b != a)
    # One outlet alone with a detail the others never give is "only X gives it" even when every
    # member gives some other detail of the kind (each names someone, one names one more person):
    # "worded differently" there listed a single outlet and misled (docs/differences.md, round 5).
    note = (
        f"only {', '.join(alone)} give{'s' if len(alone) == 1 else ''} it"
        if (lacking or len(alone) == 1) and agree
        else "worded differently"
    )
    return make_difference(kind, distinct, False, note)


def _conflict_note(
    distinct: dict[str, list[Detail]], found: dict[str, list[Detail]], conflicts: Conflicts
) -> str:
    """ "A says x, B says y" for the first pair that conflicts with everything comparable the
    other member gives; "" when none does."""
    arts = [a for a in distinct if distinct[a]]
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            for x in distinct[a]:
                for y in distinct[b]:
                    if (
                        conflicts(x, y)
                        and against_all(x, found[b], conflicts)
                        and against_all(y, found[a], conflicts)
                    ):
                        return f"{a} says {x.text}, {b} says {y.text}"
    return ""


def against_all(x: Detail, others: Sequence[Detail], conflicts: Conflicts) -> bool:
    """x conflicts with every comparable detail of the other member (same category of date)."""
    comparable = [o for o in others if _comparable(x, o)]
    return bool(comparable) and all(conflicts(x, o) for o in comparable)


def _comparable(x: Detail, o: Detail) -> bool:
    """Details of one category: the same kind of key, calendar dates and months, or a clock time
    and a date naming a part of the day ("11am" / "Tuesday afternoon")."""
    kx, ko = x.key.split(":", 1)[0], o.key.split(":", 1)[0]
    if kx == ko or {kx, ko} <= {"date", "month"}:
        return True
    return (kx == "time" and part_of_day(o.text) is not None) or (
        ko == "time" and part_of_day(x.text) is not None
    )
