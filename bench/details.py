"""Difference kinds on gold-dev: recall, precision and conflicts, with and without alignment.

Usage (from the repo root):
    .venv/bin/python bench/details.py                 # gold claims, gold sentence split
    .venv/bin/python bench/details.py --attribution gold|tool|none
    .venv/bin/python bench/details.py --per-claim     # print every claim's gold and predicted kinds
    .venv/bin/python bench/details.py --aligned       # also score on storydiff's own alignment
    .venv/bin/python bench/details.py --end-to-end    # also run ../shared/tools/gold_score.py
    .venv/bin/python bench/details.py --corpus-conflicts   # every corpus conflict, with its sentences

The first figure is independent of alignment: each gold claim's members (in the dataset's own
sentence split) are compared with compare_claim, and the predicted kinds are scored against the
gold kinds the way gold_score.py scores them (kinds other than `other`; a kind is found when
listed, extra when listed but not gold). `--attribution gold` feeds the gold attribution labels
in, which isolates the difference logic from the attribution stage; `tool` runs compare.attribution.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, bench/ is first on sys.path; keep its modules from shadowing the stdlib
# (a bench/html.py would hide the `html` package that scikit-learn imports).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from compare.details import extract_details  # noqa: E402
from compare.differences.core import compare_claim  # noqa: E402
from compare.load import load_file  # noqa: E402
from compare.model import DETAIL_KINDS, Attribution, Claim, Document, Member, Sentence  # noqa: E402
from compare.segment import find_quotations, paragraph_spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
KINDS = ("number", "name", "date", "quote", "attribution", "hedge")


def gold_documents(event: str, attribution: str, gold: dict) -> dict[str, Document]:
    """Documents in the dataset's sentence split, with details and the chosen attributions."""
    folder = CORPUS / "events" / event
    meta = json.loads((folder / "meta.json").read_text())
    docs = {}
    for slug, info in meta["articles"].items():
        (article,) = load_file(str(folder / info["file"]))
        text = article.text
        quotations = find_quotations(text, paragraph_spans(text, article.body_start))
        sentences = []
        for i, (s, e) in enumerate(info["sentences"]):
            inside = next((q.index for q in quotations if q.start <= s and e <= q.end), None)
            touched = tuple(q.index for q in quotations if q.start < e and s < q.end)
            sentences.append(Sentence(slug, i, s, e, text[s:e], 0, inside, touched))
        doc = Document(article, tuple(sentences), quotations)
        details = tuple(extract_details(text, s, quotations) for s in sentences)
        atts: tuple[Attribution | None, ...] = (None,) * len(sentences)
        if attribution == "gold":
            labels = gold["attribution"].get(slug, {})
            atts = tuple(_gold_attribution(labels.get(str(i))) for i in range(len(sentences)))
        elif attribution == "tool":
            from compare.attribution.resolve import attribute

            atts = attribute(doc)
        docs[slug] = Document(article, tuple(sentences), quotations, details, atts)
    return docs


def _gold_attribution(label: dict | None) -> Attribution | None:
    if not label or label.get("type") == "own":
        return None
    return Attribution(
        label["type"], label.get("cue") or "", 0, 0, label.get("source"), label.get("source_kind")
    )


def score(attribution: str, per_claim: bool, gold_set: str = "gold-dev") -> dict:
    found: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    conflicts = gold_conflicts = both_conflicts = 0
    pairs: dict[tuple, bool] = {}  # (event, kind, note of a flagged conflict) -> in a gold conflict claim
    # Extraction alone: for each gold difference of a detail kind, does every member it quotes
    # hold at least one extracted detail of that kind in its claim sentences?
    extracted: Counter[str] = Counter()
    expected_details: Counter[str] = Counter()
    for path in sorted((CORPUS / gold_set).glob("*.json")):
        gold = json.loads(path.read_text())
        docs = gold_documents(gold["event"], attribution, gold)
        for gc in gold["claims"]:
            members = tuple(Member(slug, tuple(idx)) for slug, idx in gc["members"].items() if idx)
            for gd in gc["differences"]:
                if gd["kind"] not in DETAIL_KINDS:
                    continue
                for slug in gd["values"]:
                    idx = gc["members"].get(slug) or []
                    if not idx:
                        continue
                    expected_details[gd["kind"]] += 1
                    have = {d.kind for i in idx for d in docs[slug].details[i]}
                    extracted[gd["kind"]] += gd["kind"] in have
            claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs)
            predicted = {d.kind for d in claim.differences} & set(KINDS)
            expected = {d["kind"] for d in gc["differences"]} & set(KINDS)
            for k in KINDS:
                found[k] += k in predicted and k in expected
                missed[k] += k in expected and k not in predicted
                extra[k] += k in predicted and k not in expected
            pc = any(d.conflict for d in claim.differences)
            gcf = any(d["conflict"] and d["kind"] in KINDS for d in gc["differences"])
            # Gold claims share sentences (a lead sentence can hold several claims' facts), so one
            # pair of conflicting sentences may be flagged in several gold claims, listed as a
            # conflict in one of them: count each pair of sentences once too.
            for d in claim.differences:
                if d.conflict:
                    key = (gold["event"], d.kind, d.note)  # the note names the two values
                    pairs[key] = pairs.get(key, False) or gcf
            conflicts += pc
            gold_conflicts += gcf
            both_conflicts += pc and gcf
            if per_claim and predicted != expected:
                print(f"{gold['event']} #{gc['id']} {gc['gist'][:70]}")
                print(f"   missed {sorted(expected - predicted)} extra {sorted(predicted - expected)}")
                for d in claim.differences:
                    if d.kind in predicted - expected:
                        print(f"      {d.kind}: {dict(d.values)} ({d.note})")
    total_f, total_m, total_e = sum(found.values()), sum(missed.values()), sum(extra.values())
    return {
        "recall": round(total_f / (total_f + total_m), 3) if total_f + total_m else 0.0,
        "precision": round(total_f / (total_f + total_e), 3) if total_f + total_e else 0.0,
        "found": total_f,
        "missed": total_m,
        "extra": total_e,
        "per_kind": {k: {"found": found[k], "missed": missed[k], "extra": extra[k]} for k in KINDS},
        "extraction": {k: f"{extracted[k]}/{expected_details[k]}" for k in DETAIL_KINDS},
        "conflicts_predicted": conflicts,
        "conflicts_gold": gold_conflicts,
        "conflicts_both": both_conflicts,
        "conflict_pairs": len(pairs),
        "conflict_pairs_right": sum(pairs.values()),
    }


def score_aligned(attribution: str) -> dict:
    """The end-to-end figure: storydiff's own split and alignment, scored by gold_score.py's code.

    Runs in process (segment, details, attribution, align, compare_claim) so it does not depend on
    how the CLI wires the stages; the scoring functions are imported from gold_score.py itself.
    """
    import importlib.util

    from compare.align.claims import align
    from compare.segment import segment

    spec = importlib.util.spec_from_file_location("gold_score", CORPUS.parent / "tools" / "gold_score.py")
    gs = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(gs)  # type: ignore[union-attr]
    found = missed = extra = conflicts = 0
    per_kind: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    for path in sorted((CORPUS / "gold-dev").glob("*.json")):
        gold = json.loads(path.read_text())
        meta, _ = gs.load_event(gold["event"])
        docs = []
        articles = [load_file(file)[0] for file in gs.event_files(gold["event"])]
        outlets = tuple(dict.fromkeys(a.outlet for a in articles))
        for article in articles:
            doc = segment(article)
            details = tuple(extract_details(article.text, s, doc.quotations) for s in doc.sentences)
            atts: tuple[Attribution | None, ...] = (None,) * len(doc.sentences)
            if attribution == "tool":
                from compare.attribution.resolve import attribute

                atts = attribute(doc, outlets)
            docs.append(Document(doc.article, doc.sentences, doc.quotations, details, atts))
        claims = align(docs)
        by_id = {d.article.id: d for d in docs}
        compared = [compare_claim(c, by_id) for c in claims]
        conflicts += sum(any(d.conflict for d in c.differences) for c in compared)
        result = {
            "articles": [
                {
                    "id": d.article.id,
                    "source": d.article.source,
                    "sentences": [{"start": s.start, "end": s.end} for s in d.sentences],
                }
                for d in docs
            ],
            "claims": [
                {
                    "members": [{"article": m.article, "sentences": list(m.sentences)} for m in c.members],
                    "differences": [{"kind": d.kind} for d in c.differences],
                }
                for c in compared
            ],
        }
        tool = [
            (gs.predicted_pairs(dict(result, claims=[c]), meta), {d["kind"] for d in c["differences"]})
            for c in result["claims"]
        ]
        for gc in gold["claims"]:
            hits = [kinds for pairs, kinds in tool if pairs & gs.gold_pairs({"claims": [gc]})]
            if hits:
                tk = set().union(*hits) & gs.KINDS
                gk = {d["kind"] for d in gc.get("differences", [])} & gs.KINDS
                found += len(gk & tk)
                missed += len(gk - tk)
                extra += len(tk - gk)
                for k in KINDS:
                    per_kind[k]["found"] += k in gk and k in tk
                    per_kind[k]["missed"] += k in gk and k not in tk
                    per_kind[k]["extra"] += k in tk and k not in gk
    return {
        "recall": round(found / (found + missed), 3) if found + missed else 0.0,
        "precision": round(found / (found + extra), 3) if found + extra else 0.0,
        "found": found,
        "missed": missed,
        "extra": extra,
        "conflicts": conflicts,
        "per_kind": {k: dict(v) for k, v in per_kind.items()},
    }


def corpus_conflicts() -> dict:
    """Conflicts storydiff marks over every event in ../shared/corpus/events and in samples/, on its
    own split, alignment and attribution (the pipeline's ``compare``). The corpus has no conflict
    labels: each is listed with its sentences, to be read and judged (README, docs/differences.md);
    the samples' conflicts were written in on purpose."""
    from compare.load import load_file as load
    from compare.pipeline import compare

    folders = sorted(p for p in (CORPUS / "events").iterdir() if p.is_dir())
    folders += sorted(p for p in (ROOT / "samples").iterdir() if p.is_dir())
    counts: Counter[str] = Counter()
    listed = []
    for folder in folders:
        files = sorted(f for f in folder.iterdir() if f.is_file() and f.name != "meta.json")
        comparison = compare([a for f in files for a in load(str(f))])
        by_id = {d.article.id: d for d in comparison.documents}
        where = "samples" if folder.parent.name == "samples" else "corpus"
        for claim in comparison.claims:
            for diff in claim.differences:
                if not diff.conflict:
                    continue
                counts[f"{where} {diff.kind}"] += 1
                lines = [f"{where} {folder.name} claim {claim.id} {diff.kind}: {diff.note}"]
                if diff.reason:
                    lines.append(f"  reason: {diff.reason}")
                shown = set()
                for article, start, _end in diff.spans:
                    doc = by_id[article]
                    sentence = next((s for s in doc.sentences if s.start <= start < s.end), None)
                    if sentence is not None and (article, sentence.index) not in shown:
                        shown.add((article, sentence.index))
                        lines.append(f"  [{article}] {sentence.text}")
                listed.append("\n".join(lines))
    return {"counts": dict(sorted(counts.items())), "conflicts": listed}


def gold_claims(attribution: str = "tool", sets: tuple[str, ...] = ("gold-dev", "gold-train")):
    """Every gold claim of the gold sets, with its event: yields (gold set, the event's gold record,
    its documents by article, the gold claim, the claim's members)."""
    for gold_set in sets:
        for path in sorted((CORPUS / gold_set).glob("*.json")):
            gold = json.loads(path.read_text())
            docs = gold_documents(gold["event"], attribution, gold)
            for gc in gold["claims"]:
                members = tuple(Member(slug, tuple(idx)) for slug, idx in gc["members"].items() if idx)
                yield gold_set, gold, docs, gc, members


def salience_bands(attribution: str = "tool") -> dict:
    """How often the annotators list a difference's kind on the claim, per salience band, over
    gold-dev and gold-train: a check that the salience order (not fitted) follows what matters."""
    bands: dict[str, Counter[str]] = {}
    for _set, _gold, docs, gc, members in gold_claims(attribution):
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs)
        expected = {d["kind"] for d in gc["differences"]}
        for d in claim.differences:
            band = "high (>= 0.6)" if d.salience >= 0.6 else "mid" if d.salience >= 0.35 else "minor (< 0.35)"
            bands.setdefault(band, Counter())["listed" if d.kind in expected else "not"] += 1
    return {
        band: f"{c['listed']}/{c['listed'] + c['not']} = {c['listed'] / (c['listed'] + c['not']):.2f}"
        for band, c in sorted(bands.items())
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attribution", choices=("gold", "tool", "none"), default="tool")
    ap.add_argument("--per-claim", action="store_true")
    ap.add_argument("--gold", default="gold-dev", help="gold set in ../shared/corpus (gold-dev, gold-train)")
    ap.add_argument("--brief", action="store_true", help="one line per kind instead of JSON")
    ap.add_argument("--aligned", action="store_true", help="also score on storydiff's own alignment")
    ap.add_argument("--end-to-end", action="store_true", help="also run gold_score.py on the CLI")
    ap.add_argument(
        "--corpus-conflicts", action="store_true", help="every conflict over the corpus events and samples"
    )
    ap.add_argument(
        "--bands", action="store_true", help="share of differences listed in gold, per salience band"
    )
    args = ap.parse_args()
    if args.bands:
        print(json.dumps(salience_bands(args.attribution)))
        return
    if args.corpus_conflicts:
        found = corpus_conflicts()
        print(json.dumps(found["counts"]))
        print("\n\n".join(found["conflicts"]))
        return
    if not (CORPUS / "gold-dev").is_dir():
        sys.exit(f"no gold-dev corpus at {CORPUS}")
    args.gold = Path(args.gold).name  # "../shared/corpus/gold-train" names the set "gold-train"
    if not (CORPUS / args.gold).is_dir():
        sys.exit(f"no gold set {args.gold} in {CORPUS}")
    result = score(args.attribution, args.per_claim, args.gold)
    if args.brief:
        print(
            f"recall {result['recall']} precision {result['precision']} (found {result['found']}, "
            f"missed {result['missed']}, extra {result['extra']}); conflicts predicted "
            f"{result['conflicts_predicted']}, gold {result['conflicts_gold']}, "
            f"both {result['conflicts_both']}; distinct conflicting pairs of sentences "
            f"{result['conflict_pairs']}, in a gold conflict claim {result['conflict_pairs_right']}"
        )
        print(f"  extraction (gold difference values with a detail of that kind): {result['extraction']}")
        for kind, c in result["per_kind"].items():
            print(f"  {kind:12} found {c['found']:3} missed {c['missed']:3} extra {c['extra']:3}")
    else:
        print(json.dumps(result, indent=1))
    if args.aligned:
        print("aligned:", json.dumps(score_aligned(args.attribution)))
    if args.end_to_end:
        tool = ROOT.parent / "shared" / "tools" / "gold_score.py"
        out = subprocess.run(
            [sys.executable, str(tool)], capture_output=True, text=True, cwd=ROOT, check=True
        )
        print(json.dumps(json.loads(out.stdout)["differences"], indent=1))


if __name__ == "__main__":
    main()
