#!/usr/bin/env python3
"""Cue and source span detection on PolNeAR (../shared/corpus/polnear), against its gold spans.

Usage (from the repo root):
    .venv/bin/python bench/polnear.py --split dev            # tune on train and dev
    .venv/bin/python bench/polnear.py --split test           # the final figure only
    .venv/bin/python bench/polnear.py --split dev --kinds speech --limit 20

For every article, compare.segment splits the text and compare.attribution.relations finds
the cues and their source phrases. Precision is the share of predicted spans that match a gold
span, recall the share of gold spans matched by a prediction; "exact" needs identical offsets
(a discontinuous gold span never matches exactly), "overlap" any shared character. Articles
annotated by several annotators are scored against the first annotator's file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear"
_SPAN = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t", re.M)
_EVENT = re.compile(r"^E\d+\t(.+)$", re.M)

Segments = tuple[tuple[int, int], ...]


def read_ann(path: Path) -> list[tuple[Segments, Segments | None]]:
    """(cue segments, source segments or None) for every attribution in a brat .ann file."""
    raw = path.read_text(encoding="utf-8")
    spans: dict[str, Segments] = {}
    for m in _SPAN.finditer(raw):
        segs = tuple(tuple(int(x) for x in part.split()) for part in m.group(3).split(";"))
        spans[m.group(1)] = tuple((a, b) for a, b in segs)  # type: ignore[misc]
    out = []
    for m in _EVENT.finditer(raw):
        roles = dict(part.split(":", 1) for part in m.group(1).split() if ":" in part)
        cue = spans.get(roles.get("Cue", ""))
        if cue is None:
            continue
        src = spans.get(roles.get("Source", ""))
        out.append((cue, src))
    return out


def articles(
    split: str, limit: int | None = None
) -> Iterator[tuple[str, str, list[tuple[Segments, Segments | None]]]]:
    """(name, text, gold attributions) for each article of a split, first annotator only."""
    base = CORPUS / split
    for n, txt in enumerate(sorted((base / "text").glob("*.txt"))):
        if limit is not None and n >= limit:
            return
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        yield txt.stem, txt.read_text(encoding="utf-8"), read_ann(anns[0])


def predict(text: str, kinds: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Predicted (cue span, source span or None) for an article's text."""
    from compare.attribution.resolve import relations
    from compare.model import Article
    from compare.segment import segment

    doc = segment(Article(id="a", outlet="", text=text))
    out = []
    for found in relations(doc):
        for rel in found:
            if kinds == "speech" and rel.kind != "speech":
                continue
            src = (rel.source_start, rel.source_end) if rel.source_start is not None else None
            out.append(((rel.start, rel.end), src))  # type: ignore[arg-type]
    return out


def _overlaps(span: tuple[int, int], segs: Segments) -> bool:
    return any(span[0] < b and a < span[1] for a, b in segs)


def _exact(span: tuple[int, int], segs: Segments) -> bool:
    return len(segs) == 1 and segs[0] == span


class Tally:
    def __init__(self) -> None:
        self.n = {k: 0 for k in ("pred", "gold", "tp_p_exact", "tp_r_exact", "tp_p_overlap", "tp_r_overlap")}

    def add(self, pred: list[tuple[int, int]], gold: list[Segments]) -> None:
        self.n["pred"] += len(pred)
        self.n["gold"] += len(gold)
        for how, match in (("exact", _exact), ("overlap", _overlaps)):
            self.n[f"tp_p_{how}"] += sum(any(match(p, g) for g in gold) for p in pred)
            self.n[f"tp_r_{how}"] += sum(any(match(p, g) for p in pred) for g in gold)

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for how in ("exact", "overlap"):
            p = self.n[f"tp_p_{how}"] / self.n["pred"] if self.n["pred"] else 0.0
            r = self.n[f"tp_r_{how}"] / self.n["gold"] if self.n["gold"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[how] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
        return out


def evaluate(split: str, kinds: str = "all", limit: int | None = None) -> dict[str, object]:
    """Cue and source precision/recall/F1 (exact and overlap) over a split."""
    cue, source = Tally(), Tally()
    n = 0
    for _, text, gold in articles(split, limit):
        pred = predict(text, kinds)
        cue.add([c for c, _ in pred], [c for c, _ in gold])
        source.add([s for _, s in pred if s is not None], [s for _, s in gold if s is not None])
        n += 1
    return {
        "split": split,
        "kinds": kinds,
        "articles": n,
        "cue": cue.scores(),
        "source": source.scores(),
        "counts": {"cue": cue.n, "source": source.n},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument(
        "--kinds",
        default="all",
        choices=("all", "speech"),
        help="all cues (PolNeAR counts beliefs too) or reporting cues only",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"PolNeAR not found at {CORPUS}", file=sys.stderr)
        return 1
    print(json.dumps(evaluate(args.split, args.kinds, args.limit), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
