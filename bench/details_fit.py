"""Which candidate differences a reader lists: features, labels, and a leave-one-event-out fit.

Usage (from the repo root):
    .venv/bin/python bench/details_fit.py               # LOEO over the 17 gold events, per folder
    .venv/bin/python bench/details_fit.py --dump FILE   # the feature rows as JSON lines

Each difference storydiff finds on a gold claim (gold-dev and gold-train, the claims' own members,
storydiff's attribution) is one row: its kind, its category (note), salience inputs and the cheap
features below; the label is whether the annotators list that kind on that claim (the way
gold_score.py scores a kind). A logistic regression is fitted leaving one event out at a time, and
each held-out difference is kept when its probability reaches a threshold; the figures are kind
recall and precision per folder, as bench/details.py gives them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from bench.details import KINDS, gold_claims  # noqa: E402
from compare.differences.core import compare_claim  # noqa: E402
from compare.differences.members import document_indexes, gather  # noqa: E402
from compare.differences.salience import features  # noqa: E402
from compare.model import Claim  # noqa: E402

SETS = ("gold-dev", "gold-train")


def explore(diff, members) -> dict[str, float]:
    """Features tried beside the model's (docs/differences.md, round 5): none raised the LOEO AUC."""
    having = {a for a, _ in diff.values}
    out = {"long": float(max(m.words for m in members) > 40), "members": min(len(members), 6) / 6}
    shown = [
        d
        for m in members
        for d in m.details
        if d.kind == diff.kind and any(a == m.article and d.start == s for a, s, _ in diff.spans)
    ]
    if diff.kind in ("name", "date", "number"):
        lacking = [m for m in members if m.article not in having]
        out["shown_many"] = float(len(shown) > 1)
        if diff.kind == "name":
            out["person"] = float(any(d.label == "person" for d in shown))
        if diff.kind == "date":
            for d in shown:
                out[f"date={d.key.split(':', 1)[0]}"] = 1.0
        if lacking and shown:
            pool = {"name": "named", "date": "dated", "number": "numbered"}[diff.kind]
            out["elsewhere"] = float(
                all(any(o.key == d.key for m in lacking for o in getattr(m, pool)) for d in shown)
            )
    return out


def rows(attribution: str = "tool", extra: bool = False) -> list[dict]:
    """One row per (gold claim, predicted kind), with the features and the gold label."""
    out = []
    indexes: dict = {}
    for gold_set, gold, docs, gc, members in gold_claims(attribution, SETS):
        if gold["event"] not in indexes:
            indexes = {gold["event"]: document_indexes(docs)}
        index = indexes[gold["event"]]
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs, index)
        views = [gather(m, docs[m.article], index[m.article]) for m in members]
        expected = {d["kind"] for d in gc["differences"]} & set(KINDS)
        for d in claim.differences:
            if d.kind not in KINDS:
                continue
            out.append(
                {
                    "set": gold_set,
                    "event": gold["event"],
                    "claim": gc["id"],
                    "kind": d.kind,
                    "note": d.note,
                    "conflict": d.conflict,
                    "salience": d.salience,
                    "features": features(d, views) | (explore(d, views) if extra else {}),
                    "label": d.kind in expected,
                }
            )
    return out


def missed(attribution: str = "tool") -> Counter:
    """Gold kinds per set that no candidate difference covers (what a fit cannot bring back)."""
    counts: Counter = Counter()
    for gold_set, _gold, docs, gc, members in gold_claims(attribution, SETS):
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs)
        predicted = {d.kind for d in claim.differences}
        for k in {d["kind"] for d in gc["differences"]} & set(KINDS):
            counts[gold_set, k, "found" if k in predicted else "missed"] += 1
    return counts


def loeo_probabilities(data: list[dict], c: float = 1.0) -> list[float]:
    """Each row's probability from a model fitted on the other 16 events."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    p = [0.0] * len(data)
    for event in sorted({r["event"] for r in data}):
        train = [r for r in data if r["event"] != event]
        held = [k for k, r in enumerate(data) if r["event"] == event]
        vec = DictVectorizer()
        x = vec.fit_transform([r["features"] for r in train])
        model = LogisticRegression(C=c, max_iter=2000).fit(x, [r["label"] for r in train])
        probs = model.predict_proba(vec.transform([data[k]["features"] for k in held]))[:, 1]
        for k, pr in zip(held, probs, strict=True):
            p[k] = float(pr)
    return p


def kept_scores(data: list[dict], p: list[float], threshold: float) -> dict:
    """Kind recall and precision per folder if differences under ``threshold`` were dropped
    (conflicts always kept)."""
    gold_missed = _gold_missed()
    out = {}
    for s in SETS:
        f = e = lost = 0
        for r, pr in zip(data, p, strict=True):
            if r["set"] != s:
                continue
            keep = pr >= threshold or r["conflict"]
            f += keep and r["label"]
            e += keep and not r["label"]
            lost += (not keep) and r["label"]
        m = gold_missed[s] + lost
        out[s] = f"R {f / (f + m):.3f} P {f / (f + e):.3f} (found {f}, extra {e})"
    return out


def ranking(data: list[dict], p: list[float]) -> dict:
    """Per folder: ROC AUC and Brier score of the LOEO probabilities, the package's salience, and
    a constant (the folder's share listed), over non-conflict differences."""
    from sklearn.metrics import brier_score_loss, roc_auc_score

    out = {}
    for s in SETS:
        idx = [k for k, r in enumerate(data) if r["set"] == s and not r["conflict"]]
        y = [data[k]["label"] for k in idx]
        base = sum(y) / len(y)
        out[s] = {
            "loeo_auc": round(roc_auc_score(y, [p[k] for k in idx]), 3),
            "loeo_brier": round(brier_score_loss(y, [p[k] for k in idx]), 3),
            "salience_auc": round(roc_auc_score(y, [data[k]["salience"] for k in idx]), 3),
            "constant_brier": round(brier_score_loss(y, [base] * len(y)), 3),
        }
    return out


def bands(data: list[dict], p: list[float], cut: float) -> dict:
    """Per folder, listed / all for LOEO probability under and over ``cut`` (the minor fold)."""
    out = {}
    for s in SETS:
        c: Counter = Counter()
        for r, pr in zip(data, p, strict=True):
            if r["set"] == s and not r["conflict"]:
                c["minor" if pr < cut else "shown", r["label"]] += 1
        out[s] = {b: f"{c[b, True]}/{c[b, True] + c[b, False]}" for b in ("shown", "minor")}
    return out


def _gold_missed() -> Counter:
    counts = missed()
    return Counter(
        {s: sum(v for (gs, _k, what), v in counts.items() if gs == s and what == "missed") for s in SETS}
    )


def fit_all(data: list[dict], c: float = 1.0) -> dict[str, float]:
    """Coefficients fitted on all 17 events (what the package carries)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r["features"] for r in data])
    model = LogisticRegression(C=c, max_iter=2000).fit(x, [r["label"] for r in data])
    coef = dict(zip(vec.get_feature_names_out(), model.coef_[0], strict=True))
    weights = {k: round(float(v), 3) for k, v in sorted(coef.items())}
    return {"intercept": round(float(model.intercept_[0]), 3), **weights}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", help="write the rows as JSON lines")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the fit")
    ap.add_argument("--explore", action="store_true", help="add the features tried and left out")
    ap.add_argument("--coef", action="store_true", help="print the coefficients fitted on all events")
    args = ap.parse_args()
    from compare.differences.salience import MINOR_BELOW

    data = rows(extra=args.explore)
    if args.dump:
        Path(args.dump).write_text("\n".join(json.dumps(r) for r in data))
    p = loeo_probabilities(data, args.c)
    print("ranking:", json.dumps(ranking(data, p)))
    print(
        f"listed, LOEO probability over / under MINOR_BELOW {MINOR_BELOW}:",
        json.dumps(bands(data, p, MINOR_BELOW)),
    )
    for t in (float(x) for x in args.thresholds.split(",")):
        print(f"dropped under {t}:", json.dumps(kept_scores(data, p, t)))
    if args.coef:
        print(json.dumps(fit_all(data, args.c), indent=1))


if __name__ == "__main__":
    main()
