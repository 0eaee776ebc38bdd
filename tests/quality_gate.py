"""The quality gate: measures on labeled real data, their floors (or ceilings) in
``tests/quality_baseline.json`` beside a digest of the corpus files they were measured on.

The ``test_quality_*.py`` tests measure and compare with the baseline. After an improvement,

    python tests/quality_gate.py --update [GROUP ...]

re-measures and raises the floors (lowers the ceilings) to what the code reaches now, less a small
slack. It refuses to lower a floor or raise a ceiling unless ``--allow-worse`` is given, so a change
that makes results worse cannot pass by rewriting the baseline quietly (as trafilatura's
evaluation gate does). ``python tests/quality_gate.py`` alone prints today's figures against the baseline.

A group is one measurement (one corpus pass); each yields several named figures. When the digest of a
group's corpus differs from the one recorded, its figures no longer compare: the test fails and says
to re-measure with ``--update``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"
GOLD_SCORE = CORPUS_DIR.parent / "tools" / "gold_score.py"
BASELINE = TESTS_DIR / "quality_baseline.json"

# A floor sits this far under the figure measured when it was set (the pipeline is deterministic;
# the slack absorbs float and library-version noise, not real losses). Counts get no slack.
SLACK = 0.005


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def bench(name: str) -> Any:
    return _load(f"bench_{name}", REPO_ROOT / "bench" / f"{name}.py")


def gold_score() -> Any:
    return _load("gold_score_for_tests", GOLD_SCORE)


# ------------------------------------------------------------------------------------ measures


def _claim_pairs(gold: str) -> dict[str, float]:
    """Claim-pair P/R/F1 pooled over a gold folder, scored as gold_score.py scores the CLI, and the
    margin over its TF-IDF mutual-best baseline."""
    from compare import compare, load_articles

    gs = gold_score()
    pred, gold_pairs, base = set(), set(), set()
    for path in sorted((CORPUS_DIR / gold).glob("*.json")):
        ev = path.stem
        meta, texts = gs.load_event(ev)
        result = compare(load_articles(gs.event_files(ev)))
        as_json = {
            "articles": [
                {
                    "id": d.article.id,
                    "source": d.article.source,
                    "sentences": [{"start": s.start, "end": s.end} for s in d.sentences],
                }
                for d in result.documents
            ],
            "claims": [
                {"members": [{"article": m.article, "sentences": list(m.sentences)} for m in c.members]}
                for c in result.claims
            ],
        }
        pred |= {(ev, *p) for p in gs.predicted_pairs(as_json, meta)}
        labels = json.loads(path.read_text(encoding="utf-8"))
        gold_pairs |= {(ev, *p) for p in gs.gold_pairs(labels)}
        base |= {(ev, *p) for p in gs.baseline_tfidf(meta, texts)}
    ours, baseline = gs.prf(pred, gold_pairs), gs.prf(base, gold_pairs)
    return {
        "precision": ours["p"],
        "recall": ours["r"],
        "f1": ours["f1"],
        "f1_over_baseline": ours["f1"] - baseline["f1"],
    }


def _details(gold_set: str) -> dict[str, float]:
    s = bench("details").score("gold", per_claim=False, gold_set=gold_set)
    return {
        "kind_recall": s["recall"],
        "kind_precision": s["precision"],
        "conflicts_found": s["conflicts_both"],
        "false_conflicts": s["conflicts_predicted"] - s["conflicts_both"],
    }


def _attribution_gold(gold: str = "gold-dev") -> dict[str, float]:
    """Relayed-sentence F1 and the named source right under the strict check of gold_score.py."""
    s = bench("golddev_attribution").score(corpus=CORPUS_DIR, gold_dir=gold)
    return {
        "relayed_f1": s["relayed_f1"],
        "relayed_f1_over_baseline": s["relayed_f1"] - s["cue_baseline_f1"],
        "source_right": s["source_right"],
        "kind_right": s["kind_right"],
    }


def _polnear_dev() -> dict[str, float]:
    r = bench("polnear").evaluate("dev")
    return {
        f"{what}_{how}_f1": r[what][how]["f1"] for what in ("cue", "source") for how in ("exact", "overlap")
    }


def _impossible_sources() -> dict[str, float]:
    counts = bench("golddev_attribution").scan(CORPUS_DIR)
    keys = ("dateline", "possessive", "time", "they", "pronoun", "event", "split_person", "kind_none")
    kinds = {k: v for k, v in counts.items() if k.startswith("kind_") and k != "kind_none"}
    return {"attributed": counts["attributed"], **{k: counts[k] for k in keys}, **kinds}


# group -> (corpus folders it reads, measure). Figures named in LOWER_IS_BETTER get ceilings.
GROUPS: dict[str, tuple[tuple[str, ...], Callable[[], dict[str, float]]]] = {
    "align-gold-dev": (("gold-dev", "events"), lambda: _claim_pairs("gold-dev")),
    "align-gold-train": (("gold-train", "events"), lambda: _claim_pairs("gold-train")),
    "details-gold-dev": (("gold-dev", "events"), lambda: _details("gold-dev")),
    "details-gold-train": (("gold-train", "events"), lambda: _details("gold-train")),
    "attribution-gold-dev": (("gold-dev", "events"), lambda: _attribution_gold("gold-dev")),
    "attribution-gold-train": (("gold-train", "events"), lambda: _attribution_gold("gold-train")),
    "attribution-polnear-dev": (("polnear/dev",), _polnear_dev),
    "attribution-events": (("events",), _impossible_sources),
}
LOWER_IS_BETTER = {
    "details-gold-dev": {"false_conflicts"},
    "details-gold-train": {"false_conflicts"},
    "attribution-events": {
        "dateline",
        "possessive",
        "time",
        "they",
        "pronoun",
        "event",
        "split_person",
        "kind_none",
    },
}
# Figures reported for context, with no bound (fewer attributed sentences can be a fix, not a loss).
UNBOUNDED = {
    "attribution-events": {
        "attributed",
        *(f"kind_{k}" for k in ("person", "organization", "outlet", "anonymous", "document")),
    }
}


@cache
def corpus_digest(folders: tuple[str, ...]) -> str:
    """sha256 over the relative paths and bytes of every file under the given corpus folders."""
    h = hashlib.sha256()
    for folder in folders:
        root = CORPUS_DIR / folder
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(CORPUS_DIR)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def available(group: str) -> bool:
    folders, _ = GROUPS[group]
    return GOLD_SCORE.is_file() and all((CORPUS_DIR / f).is_dir() for f in folders)


def read_baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@cache
def measure(group: str) -> dict[str, float]:
    _, fn = GROUPS[group]
    return {k: round(float(v), 4) for k, v in fn().items()}


def problems(group: str, figures: dict[str, float], baseline: dict[str, Any] | None = None) -> list[str]:
    """What in ``figures`` falls short of the baseline (empty when all is well)."""
    entry = (baseline or read_baseline())["groups"].get(group)
    if entry is None:
        return [f"{group}: no baseline; run python tests/quality_gate.py --update {group}"]
    folders, _ = GROUPS[group]
    if entry["corpus_digest"] != corpus_digest(folders):
        return [f"{group}: the corpus changed since the baseline; re-measure with --update {group}"]
    out = []
    for name, bound in entry["floors"].items():
        if figures.get(name, float("-inf")) < bound:
            out.append(f"{group}: {name} {figures.get(name)} under its floor {bound}")
    for name, bound in entry.get("ceilings", {}).items():
        if figures.get(name, float("inf")) > bound:
            out.append(f"{group}: {name} {figures.get(name)} over its ceiling {bound}")
    return out


def _bounds(group: str, figures: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    lower = LOWER_IS_BETTER.get(group, set())
    floors, ceilings = {}, {}
    for name, value in figures.items():
        if name in UNBOUNDED.get(group, set()):
            continue
        is_count = float(value).is_integer() and abs(value) >= 1
        if name in lower:
            ceilings[name] = value
        else:
            floors[name] = value if is_count else round(value - SLACK, 3)
    return floors, ceilings


def update(groups: list[str], allow_worse: bool) -> int:
    baseline = read_baseline() if BASELINE.is_file() else {"groups": {}}
    refused = []
    for group in groups:
        if not available(group):
            print(f"{group}: corpus absent, not measured", file=sys.stderr)
            continue
        figures = measure(group)
        floors, ceilings = _bounds(group, figures)
        old = baseline["groups"].get(group, {})
        same_corpus = old.get("corpus_digest") == corpus_digest(GROUPS[group][0])
        worse = [
            f"{group}: floor {n} would fall from {old['floors'][n]} to {v}"
            for n, v in floors.items()
            if same_corpus and n in old.get("floors", {}) and v < old["floors"][n]
        ] + [
            f"{group}: ceiling {n} would rise from {old['ceilings'][n]} to {v}"
            for n, v in ceilings.items()
            if same_corpus and n in old.get("ceilings", {}) and v > old["ceilings"][n]
        ]
        if worse and not allow_worse:
            refused.extend(worse)
            continue
        baseline["groups"][group] = {
            "corpus": list(GROUPS[group][0]),
            "corpus_digest": corpus_digest(GROUPS[group][0]),
            "measured": figures,
            "floors": floors,
            "ceilings": ceilings,
        }
        print(f"{group}: {figures}")
    baseline["groups"] = dict(sorted(baseline["groups"].items()))
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    for line in refused:
        print(f"refused: {line} (pass --allow-worse to accept a worse result)", file=sys.stderr)
    return 1 if refused else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", help=f"groups (default: all): {', '.join(GROUPS)}")
    parser.add_argument("--update", action="store_true", help="re-measure and raise the floors")
    parser.add_argument("--allow-worse", action="store_true", help="with --update: accept lower floors")
    args = parser.parse_args(argv)
    groups = args.groups or list(GROUPS)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s): {', '.join(unknown)}")
    if args.update:
        return update(groups, args.allow_worse)
    status = 0
    for group in groups:
        if not available(group):
            print(f"{group}: corpus absent")
            continue
        figures = measure(group)
        bad = problems(group, figures)
        print(f"{group}: {figures}" + ("".join(f"\n  FAIL {p}" for p in bad) if bad else "  ok"))
        status |= bool(bad)
    return status


if __name__ == "__main__":
    sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())
