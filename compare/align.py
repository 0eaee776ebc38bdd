"""Align sentences across outlets and merge the matches into N-way claims.

Pairwise: for every pair of articles, a sentence is linked to its best partner when the two
agree (mutual best) and the score clears a threshold; a lower bar admits a partner's neighbour
when the pair reads as one sentence split in two. N-way: links are merged into claims, strongest
first, so the result does not depend on the order of the input files.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Claim, Document, Member, Options
from .vectorize import similarity_matrix

# Minimum combined similarity for a mutual-best link. NOT YET CALIBRATED (to be swept on gold-dev).
LINK_THRESHOLD = 0.35
# A neighbouring sentence joins a link as the second half of a split when the pair together is
# more similar than the single sentence and its own score clears this bar. NOT YET CALIBRATED.
SPLIT_THRESHOLD = 0.2


@dataclass(frozen=True, slots=True)
class Link:
    score: float
    a: tuple[int, int]  # (document position, sentence index)
    b: tuple[int, int]


def align(documents: Sequence[Document], options: Options | None = None) -> tuple[Claim, ...]:
    """Documents -> claims (ids c1, c2, … in story order)."""
    options = options or Options()
    threshold = options.min_score if options.min_score is not None else LINK_THRESHOLD
    nodes = [(d, s.index) for d, doc in enumerate(documents) for s in doc.sentences]
    if len(documents) < 2 or not nodes:
        return ()
    offsets = {}
    pos = 0
    for d, doc in enumerate(documents):
        offsets[d] = pos
        pos += len(doc.sentences)
    sim = similarity_matrix([s.text for doc in documents for s in doc.sentences], options)

    def score(u: tuple[int, int], v: tuple[int, int]) -> float:
        return float(sim[offsets[u[0]] + u[1], offsets[v[0]] + v[1]])

    links: list[Link] = []
    for da, db in itertools.combinations(range(len(documents)), 2):
        na, nb = len(documents[da].sentences), len(documents[db].sentences)
        if not na or not nb:
            continue
        block = sim[offsets[da]:offsets[da] + na, offsets[db]:offsets[db] + nb]
        best_b = block.argmax(axis=1)
        best_a = block.argmax(axis=0)
        for i in range(na):
            j = int(best_b[i])
            if best_a[j] == i and block[i, j] >= threshold:
                links.append(Link(float(block[i, j]), (da, i), (db, j)))
                links.extend(_split_links(sim, offsets, (da, i), (db, j), nb, block[i, j]))
                links.extend(_split_links(sim, offsets, (db, j), (da, i), na, block[i, j]))
    return _merge(links, documents, score)


def _split_links(sim, offsets, u, v, n_v, base) -> list[Link]:
    """Links from ``u`` to a neighbour of ``v`` when ``v`` and its neighbour read as one sentence."""
    out = []
    iu = offsets[u[0]] + u[1]
    for nb in (v[1] - 1, v[1] + 1):
        if not 0 <= nb < n_v:
            continue
        iv, inb = offsets[v[0]] + v[1], offsets[v[0]] + nb
        s_nb = sim[iu, inb]
        joint = (sim[iu, iv] + s_nb) / (2 + 2 * sim[iv, inb]) ** 0.5
        if s_nb >= SPLIT_THRESHOLD and joint > base:
            out.append(Link(float(s_nb), u, (v[0], nb)))
    return out


def _merge(links: list[Link], documents: Sequence[Document], score) -> tuple[Claim, ...]:
    """Union links into claims, strongest first; a claim holds one run of sentences per article."""
    links = sorted(links, key=lambda lk: (-lk.score, lk.a, lk.b))
    claims: list[dict[int, set[int]]] = []
    where: dict[tuple[int, int], list[int]] = {}
    scores: list[list[float]] = []

    def fits(c: int, node: tuple[int, int]) -> bool:
        have = claims[c].get(node[0])
        return not have or any(abs(node[1] - i) == 1 for i in have)

    for lk in links:
        ca, cb = where.get(lk.a, []), where.get(lk.b, [])
        if set(ca) & set(cb):
            continue
        target = None
        for c in ca:
            if fits(c, lk.b):
                target, new = c, lk.b
                break
        if target is None:
            for c in cb:
                if fits(c, lk.a):
                    target, new = c, lk.a
                    break
        if target is None:
            claims.append({lk.a[0]: {lk.a[1]}, lk.b[0]: {lk.b[1]}})
            scores.append([lk.score])
            idx = len(claims) - 1
            where.setdefault(lk.a, []).append(idx)
            where.setdefault(lk.b, []).append(idx)
            continue
        claims[target].setdefault(new[0], set()).add(new[1])
        scores[target].append(lk.score)
        where.setdefault(new, []).append(target)

    def position(c: dict[int, set[int]]) -> float:
        rel = [min(ix) / max(1, len(documents[d].sentences)) for d, ix in c.items()]
        return sum(rel) / len(rel)

    order = sorted(range(len(claims)), key=lambda c: (position(claims[c]), sorted(claims[c].items())[0]))
    out = []
    for n, c in enumerate(order, 1):
        members = tuple(
            Member(article=documents[d].article.id, sentences=tuple(sorted(ix)))
            for d, ix in sorted(claims[c].items())
        )
        out.append(Claim(id=f"c{n}", members=members, score=round(sum(scores[c]) / len(scores[c]), 3)))
    return tuple(out)
