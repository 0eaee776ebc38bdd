#!/usr/bin/env python3
"""A random sample of relayed sentences from the events that are not gold, for judging by hand.

Usage (from the repo root):
    .venv/bin/python bench/attribution_sample.py --seed 13 --n 60 [--dump /tmp/attr-dump.json]
    .venv/bin/python bench/attribution_sample.py --seed 13 --n 60 --judged FILE   # score the judgments

Every article of every event in ../shared/corpus/events that is in neither gold-dev nor gold-train
is segmented and attributed (with ``same_entities``, as the CLI does); the sentences the tool marks
as relayed (attributed or hedged) are listed in a stable order and ``random.Random(seed).sample``
draws ``n`` of them. Each is printed with its type, cue, source, kind and entity, for a reader to
judge: relayed or not, source right, kind right, cue right. The sample is keyed by (event, article,
sentence index), so a judgment file made on one run can be rescored after a change: ``--judged``
reads lines ``key<TAB>relayed<TAB>source<TAB>kind<TAB>cue`` (1/0 each, ``-`` where not judged) and
prints the share right; a sentence whose tool output changed since it was judged is flagged.
The corpus text itself is never written anywhere but the terminal (and the ``--dump`` cache).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def gold_events(corpus: Path = CORPUS) -> set[str]:
    return {p.stem for g in ("gold-dev", "gold-train") for p in (corpus / g).glob("*.json")}


def relayed(corpus: Path = CORPUS) -> list[dict]:
    """Every relayed sentence of the non-gold events, in a stable order."""
    from compare.attribution import attribute, same_entities
    from compare.load import load_articles
    from compare.segment import segment

    skip = gold_events(corpus)
    rows = []
    for ev in sorted(p for p in (corpus / "events").iterdir() if p.is_dir() and p.name not in skip):
        arts = load_articles(sorted(ev.glob("*.txt")))
        outlets = tuple(dict.fromkeys(a.outlet for a in arts))
        docs = [segment(art) for art in arts]
        docs = list(same_entities([replace(d, attributions=attribute(d, outlets)) for d in docs]))
        for doc in docs:
            for i, (s, att) in enumerate(zip(doc.sentences, doc.attributions, strict=True)):
                if att is None:
                    continue
                rows.append(
                    {
                        "key": f"{ev.name}/{doc.article.id}#{i}",
                        "text": s.text,
                        "type": att.type,
                        "cue": att.cue,
                        "source": att.source,
                        "kind": att.source_kind,
                        "entity": att.entity,
                    }
                )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--dump", help="cache of the relayed sentences (JSON), read if present")
    ap.add_argument("--judged", help="judgment file to score against the current output")
    args = ap.parse_args(argv)
    if args.dump and Path(args.dump).exists():
        rows = json.loads(Path(args.dump).read_text(encoding="utf-8"))
    else:
        rows = relayed()
        if args.dump:
            Path(args.dump).write_text(json.dumps(rows), encoding="utf-8")
    keys = sorted(r["key"] for r in rows)
    picked = random.Random(args.seed).sample(keys, min(args.n, len(keys)))
    by_key = {r["key"]: r for r in rows}
    if args.judged:
        return score(args.judged, by_key)
    print(f"{len(rows)} relayed sentences; seed {args.seed}, {len(picked)} drawn", file=sys.stderr)
    for k in picked:
        r = by_key[k]
        print(
            f"{k}\t{r['type']}\tcue={r['cue']!r}\tsource={r['source']!r}\tkind={r['kind']}\tentity={r['entity']!r}"
        )
        print("    " + r["text"].replace("\n", " ")[:400])
    return 0


def score(path: str, by_key: dict[str, dict]) -> int:
    """Share right per column of a judgment file: key, relayed, source, kind, cue (1/0/-)."""
    right = {c: [0, 0] for c in ("relayed", "source", "kind", "cue")}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, *marks = line.split("\t")[:5]
        if key not in by_key:
            print(f"no longer relayed: {key}")
        for col, m in zip(right, marks, strict=False):
            if m in {"0", "1"}:
                right[col][0] += m == "1"
                right[col][1] += 1
    print(json.dumps({c: f"{a}/{n} = {a / n:.2f}" if n else "-" for c, (a, n) in right.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
