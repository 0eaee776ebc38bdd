"""Round eight: semantic evidence learned from the gold pairs themselves, nested leave-one-event-out
over the 17 gold events (gold-dev + gold-train).

``bilinear``: the pairwise logistic regression and a low-rank similarity on frozen sentence vectors
(MiniLM or e5, cached by align_experiments.py build-*-cache) fitted jointly on the candidate pairs
of 16 events and scored on the 17th:

    logit = w · features + b + (A x_u) · (A x_v),   A: r × d, L2 penalty lam on A

``wordpairs``: a learned word-pair association (default path): for each pair of content-word stems
(a in one sentence and not the other, b in the other and not the first) its log-odds of sitting in
a gold pair rather than another candidate pair, counted on the training events only; the pair's
column is the best (and the sum of the positive) associations, refitted with the logistic regression.

    PYTHONPATH=$PWD .venv/bin/python bench/align_learned.py lr:minilm bilinear:minilm:16:1 wordpairs:2
    PYTHONPATH=$PWD .venv/bin/python bench/align_learned.py diag:minilm:3 svo:none   # svo: align_parse.py
    PYTHONPATH=$PWD .venv/bin/python bench/align_learned.py --full diag:minilm:2      # bench/align.py's grid
    PYTHONPATH=$PWD .venv/bin/python bench/align_learned.py fixed        # diag vs MiniLM, fixed settings
    PYTHONPATH=$PWD .venv/bin/python bench/align_learned.py short-maybe  # "maybe" for short sentences

``diag``: the 384 elementwise products of the two MiniLM (or e5) vectors as extra columns of the
logistic regression, scaled against its one penalty (a diagonal metric).

Events come from /tmp/align4-events.pkl (built with the vector caches present). Results are kept
in docs/alignment.md (round eight).
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

EVENTS = Path("/tmp/align4-events.pkl")
VECTOR_CACHE = {"minilm": bench.MINILM_CACHE, "e5": bench.E5_CACHE}
GRID = ax.SMALL_GRID


def load_events() -> list:
    if EVENTS.is_file():
        return pickle.loads(EVENTS.read_bytes())
    events = [bench.load_event(e, f) for f, e in bench.gold_events()]
    EVENTS.write_bytes(pickle.dumps(events))
    return events


def sentence_vectors(ev, kind: str) -> np.ndarray:
    cache = bench._CACHED.setdefault(VECTOR_CACHE[kind], pickle.loads(VECTOR_CACHE[kind].read_bytes()))
    E = np.asarray([cache[s.text] for d in ev.documents for s in d.sentences], dtype=float)
    return E / np.maximum(1e-9, np.linalg.norm(E, axis=1, keepdims=True))


class Bilinear:
    """Logistic regression over the feature columns plus (A x_u)·(A x_v), fitted with L-BFGS.
    X holds the sentence vectors; u, v index the pairs' two sentences in X."""

    def __init__(self, rank: int, lam: float, C: float = bench.FIT_C, maxiter: int = 300):
        self.rank, self.lam, self.C, self.maxiter = rank, lam, C, maxiter

    def _logit(self, params, F, X, u, v):
        k = F.shape[1]
        w, b, A = params[:k], params[k], params[k + 1 :].reshape(self.rank, -1)
        P = X @ A.T
        return F @ w + b + (P[u] * P[v]).sum(axis=1), w, A, P

    def fit(self, F, X, u, v, y):
        from scipy.optimize import minimize
        from sklearn.linear_model import LogisticRegression

        base = LogisticRegression(C=self.C, max_iter=5000).fit(F, y)
        rng = np.random.default_rng(0)
        A0 = rng.normal(scale=0.01, size=(self.rank, X.shape[1]))
        x0 = np.concatenate([base.coef_[0], base.intercept_, A0.ravel()])
        from scipy import sparse

        n, m = X.shape[0], len(y)
        Su = sparse.csr_matrix((np.ones(m), (u, np.arange(m))), shape=(n, m))
        Sv = sparse.csr_matrix((np.ones(m), (v, np.arange(m))), shape=(n, m))

        def loss(params):
            z, w, A, P = self._logit(params, F, X, u, v)
            p = 1 / (1 + np.exp(-z))
            val = (
                np.logaddexp(0, z).sum()
                - (y * z).sum()
                + 0.5 / self.C * (w @ w)
                + 0.5 * self.lam * (A * A).sum()
            )
            g = p - y
            R = Su @ (g[:, None] * P[v]) + Sv @ (g[:, None] * P[u])
            gA = R.T @ X + self.lam * A
            return val, np.concatenate([F.T @ g + w / self.C, [g.sum()], gA.ravel()])

        res = minimize(loss, x0, jac=True, method="L-BFGS-B", options={"maxiter": self.maxiter})
        self.params, self.nit = res.x, res.nit
        return self

    def predict(self, F, X, u, v):
        z = self._logit(self.params, F, X, u, v)[0]
        return 1 / (1 + np.exp(-z))


def stack(data):
    """Concatenate (F, X, u, v, y) of several events, offsetting the sentence indices."""
    F, X, u, v, y, off = [], [], [], [], [], 0
    for f, x, a, b, t in data:
        F.append(f), X.append(x), u.append(a + off), v.append(b + off), y.append(t)
        off += len(x)
    return np.vstack(F), np.vstack(X), np.concatenate(u), np.concatenate(v), np.concatenate(y)


def diag_probabilities(events, kind: str, scale: float, cols: list[str]) -> list:
    """The logistic regression with the elementwise products of the two vectors as extra columns
    (a diagonal metric), scaled by SCALE against the one L2 penalty."""
    from sklearn.linear_model import LogisticRegression

    bench.USE[:] = cols
    data = []
    for ev in events:
        F, y = bench.design(ev)
        E = sentence_vectors(ev, kind)
        u, v = ev.features.pairs[:, 0], ev.features.pairs[:, 1]
        data.append((np.column_stack([F, scale * E[u] * E[v]]), y))
    out = []
    for k, ev in enumerate(events):
        X = np.vstack([d[0] for j, d in enumerate(data) if j != k])
        y = np.concatenate([d[1] for j, d in enumerate(data) if j != k])
        m = LogisticRegression(C=bench.FIT_C, max_iter=3000).fit(X, y)
        out.append(bench.Links(ev.features.pairs, m.predict_proba(data[k][0])[:, 1], ev.features.nodes))
    return out


def pca_diag_probabilities(events, kind: str, k: int, scale: float, cols: list[str]) -> list:
    """The diagonal metric in the K leading principal directions of the training events' sentence
    vectors (whitened), per fold: fewer, broader directions than the 384 raw ones."""
    from sklearn.linear_model import LogisticRegression

    bench.USE[:] = cols
    base = [(bench.design(ev), sentence_vectors(ev, kind), ev.features.pairs) for ev in events]
    out = []
    for f, ev in enumerate(events):
        train = [b for j, b in enumerate(base) if j != f]
        S = np.vstack([b[1] for b in train])
        mu = S.mean(axis=0)
        _, sv, Vt = np.linalg.svd(S - mu, full_matrices=False)
        W = Vt[:k].T / (sv[:k] / np.sqrt(len(S)))

        def cols_of(b, W=W, mu=mu):
            (F, y), E, pairs = b
            Z = (E - mu) @ W
            Z /= np.maximum(1e-9, np.linalg.norm(Z, axis=1, keepdims=True))
            return np.column_stack([F, scale * Z[pairs[:, 0]] * Z[pairs[:, 1]]]), y

        X = np.vstack([cols_of(b)[0] for b in train])
        y = np.concatenate([b[0][1] for b in train])
        m = LogisticRegression(C=bench.FIT_C, max_iter=3000).fit(X, y)
        out.append(
            bench.Links(ev.features.pairs, m.predict_proba(cols_of(base[f])[0])[:, 1], ev.features.nodes)
        )
    return out


def bilinear_probabilities(events, kind: str, rank: int, lam: float, cols: list[str]) -> list:
    bench.USE[:] = cols
    data = []
    for ev in events:
        F, y = bench.design(ev)
        data.append(
            (F, sentence_vectors(ev, kind), ev.features.pairs[:, 0], ev.features.pairs[:, 1], y.astype(float))
        )
    out = []
    for k, ev in enumerate(events):
        m = Bilinear(rank, lam).fit(*stack([d for j, d in enumerate(data) if j != k]))
        p = m.predict(*data[k][:4])
        print(f"  fold {k} nit {m.nit}", file=sys.stderr, flush=True)
        out.append(bench.Links(ev.features.pairs, p, ev.features.nodes))
    return out


def pair_keys(ev) -> list[list[tuple[str, str]]]:
    """Per candidate pair, the cross pairs of content-word stems that only one side holds."""
    from compare.align.features import sentence_evidence
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"mr", "mrs", "ms"}
    stems = [sentence_evidence(s.text, stop).stems for d in ev.documents for s in d.sentences]
    out = []
    for i, j in ev.features.pairs.tolist():
        a, b = stems[i] - stems[j], stems[j] - stems[i]
        out.append(list({(x, y) if x < y else (y, x) for x in a for y in b}))
    return out


def wordpair_counts(events, keys) -> list[tuple[dict, dict]]:
    """Per event: word pair -> count in gold candidate pairs, and in all candidate pairs."""
    out = []
    for ev, ks in zip(events, keys, strict=True):
        pos: dict = {}
        tot: dict = {}
        for row, y in zip(ks, ev.labels.tolist(), strict=True):
            for key in row:
                tot[key] = tot.get(key, 0) + 1
                if y:
                    pos[key] = pos.get(key, 0) + 1
        out.append((pos, tot))
    return out


def wordpair_columns(keys_j, counts, exclude, min_events: int, prior: float, m: float = 5.0) -> np.ndarray:
    """Best and summed positive association (smoothed log-odds ratio over the base rate) of the
    pair's cross word pairs, counted over the events not in EXCLUDE that hold the word pair."""
    use = [c for k, c in enumerate(counts) if k not in exclude]
    cache: dict = {}

    def score(key):
        if key not in cache:
            pos = tot = nev = 0
            for p, t in use:
                n = t.get(key, 0)
                if n:
                    tot += n
                    pos += p.get(key, 0)
                    nev += 1
            cache[key] = float(np.log((pos + m * prior) / (tot + m) / prior)) if nev >= min_events else 0.0
        return cache[key]

    out = np.zeros((len(keys_j), 2))
    for r, row in enumerate(keys_j):
        s = [score(k) for k in row]
        if s:
            out[r, 0] = max(0.0, max(s))
            out[r, 1] = min(4.0, sum(x for x in s if x > 0)) / 4
    return out


def wordpair_probabilities(events, min_events: int = 2, cols=None) -> list:
    from sklearn.linear_model import LogisticRegression

    bench.USE[:] = cols or []
    keys = [pair_keys(ev) for ev in events]
    counts = wordpair_counts(events, keys)
    prior = float(np.mean(np.concatenate([ev.labels for ev in events])))
    out = []
    for k, ev in enumerate(events):
        Xs, ys = [], []
        for j, e in enumerate(events):
            if j != k:
                Xs.append(
                    np.column_stack(
                        [bench.design(e)[0], wordpair_columns(keys[j], counts, {j, k}, min_events, prior)]
                    )
                )
                ys.append(e.labels)
        m = LogisticRegression(C=bench.FIT_C, max_iter=5000).fit(np.vstack(Xs), np.concatenate(ys))
        X = np.column_stack([bench.design(ev)[0], wordpair_columns(keys[k], counts, {k}, min_events, prior)])
        print(ev.name, "coef", np.round(m.coef_[0][-2:], 3), file=sys.stderr)
        out.append(bench.Links(ev.features.pairs, m.predict_proba(X)[:, 1], ev.features.nodes))
    return out


PARSE = Path("/tmp/align4/parse.pkl")  # spaCy parses by sentence text (parse.py in a separate venv)


def svo_columns(ev) -> np.ndarray:
    """Who did what to whom, from a dependency parse: shared verb lemmas (light verbs left out),
    shared (subject, verb) or (verb, object) lemma pairs, shared subject or object heads."""
    parse = bench._CACHED.setdefault(PARSE, pickle.loads(PARSE.read_bytes()))
    rows = [parse[s.text] for d in ev.documents for s in d.sentences]
    out = np.zeros((len(ev.features.pairs), 4))
    for r, (i, j) in enumerate(ev.features.pairs.tolist()):
        a, b = rows[i], rows[j]
        if a["verbs"] and b["verbs"]:
            out[r, 0] = len(a["verbs"] & b["verbs"]) / min(len(a["verbs"]), len(b["verbs"]))
        out[r, 1] = min(2, len(a["sv"] & b["sv"]) + len(a["vo"] & b["vo"])) / 2
        out[r, 2] = float(bool(a["subj"] & b["subj"]))
        out[r, 3] = float(bool(a["obj"] & b["obj"]))
    return out


def svo_probabilities(events, cols, which=(0, 1, 2, 3)) -> list:
    import numpy as np

    for ev in events:
        if "svo_verbs" not in ev.names:
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, svo_columns(ev)]))
            ev.names += ["svo_verbs", "svo_pairs", "svo_subj", "svo_obj"]
    names = ["svo_verbs", "svo_pairs", "svo_subj", "svo_obj"]
    bench.USE[:] = cols + [names[k] for k in which]
    return bench.loeo_probabilities(events, "lr")


FIXED_SETTINGS = [
    (0.3, 0.05, 0.2, None, None),  # EMBEDDING_* as shipped
    (0.3, 0.05, 0.1, 4, None),
    (0.25, 0.05, 0.1, 3, None),
    (0.2, 0.05, 0.1, 3, 0.25),
    (0.35, 0.05, 0.2, 4, None),
]


def fixed_settings(events, scales=(2.0, 3.0)) -> None:
    """MiniLM baseline against the diagonal metric at fixed claim settings (LOEO, no nesting)."""
    bench.USE[:] = EMB_COLS["minilm"]
    res = {"lr": bench.loeo_probabilities(events, "lr")}
    for sc in scales:
        res[f"diag{sc}"] = diag_probabilities(events, "minilm", sc, EMB_COLS["minilm"])
    for s in FIXED_SETTINGS:
        row = {"setting": s}
        for name, probs in res.items():
            for folder in bench.GOLD_FOLDERS:
                keep = [k for k, ev in enumerate(events) if ev.folder == folder]
                pred = set().union(*(bench.claim_pairs(events[k], probs[k], s) for k in keep))
                gold = set().union(*({(events[k].name,) + g for g in events[k].gold} for k in keep))
                row[f"{name} {folder}"] = bench.prf(pred, gold)["f1"]
        print(json.dumps(row), flush=True)


def short_maybe(events) -> None:
    """The "only in one outlet" list with possible matches down to LOW when either sentence has SHORT
    words or fewer (POSSIBLE_THRESHOLD otherwise): listed sentences and the share in a gold claim."""
    from compare.align import claims as align_mod

    bench.USE[:] = []
    probs = bench.loeo_probabilities(events, "lr")
    built = []
    for ev, L in zip(events, probs, strict=True):
        claims = bench.claims_at(ev.documents, L, bench.shipped_setting())
        length = {(d.article.id, s.index): len(s.text.split()) for d in ev.documents for s in d.sentences}
        built.append((claims, align_mod.possible_matches(ev.documents, L, claims, 0.005), length))
    for short in (None, 8, 10, 12, 15):
        for low in (0.01, 0.02, 0.03) if short else (align_mod.POSSIBLE_THRESHOLD,):
            row = {"short": short, "low": low}
            for folder in bench.GOLD_FOLDERS:
                listed = hit = 0
                for ev, (claims, poss, length) in zip(events, built, strict=True):
                    if ev.folder != folder:
                        continue
                    keep = [
                        m
                        for m in poss
                        if m.score >= align_mod.POSSIBLE_THRESHOLD
                        or (short and m.score >= low and min(length[x] for x in m.members) <= short)
                    ]
                    n, h = bench.unique_in_gold(ev, claims, keep)
                    listed, hit = listed + n, hit + h
                row[folder] = (listed, round(hit / max(1, listed), 3))
            print(json.dumps(row), flush=True)


def report(config: str, events, probs) -> None:
    ap = bench.average_precision(events, probs)
    sw = bench.sweep(events, probs, GRID)
    print(
        json.dumps(
            {
                "config": config,
                "ap": ap,
                "nested_dev": sw["nested_loeo_gold-dev"]["f1"],
                "nested_train": sw["nested_loeo_gold-train"]["f1"],
                "best": sw["best_setting_all_events"],
            }
        ),
        flush=True,
    )


EMB_COLS = {
    "minilm": ["minilm_cos", "minilm_gap_low", "minilm_gap_high"],
    "e5": ["e5_cos", "e5_gap_low", "e5_gap_high"],
    "none": [],
}
EMB_COLS["both"] = EMB_COLS["minilm"] + EMB_COLS["e5"]  # both encoders' columns (an experiment)


def main() -> None:
    global GRID
    args = sys.argv[1:]
    if args and args[0] == "--full":
        GRID, args = bench.GRID, args[1:]
    t0 = time.perf_counter()
    events = load_events()
    print(f"loaded {len(events)} events in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    if args == ["fixed"]:
        fixed_settings(events)
        return
    if args == ["short-maybe"]:
        short_maybe(events)
        return
    for config in args:
        t0 = time.perf_counter()
        parts = config.split(":")
        if parts[0] == "lr":  # lr:minilm  — the shipped recipe with that vector's columns
            bench.USE[:] = EMB_COLS[parts[1]]
            probs = bench.loeo_probabilities(events, "lr")
        elif parts[0] == "bilinear":  # bilinear:KIND:RANK:LAM[:cols]
            kind, rank, lam = parts[1], int(parts[2]), float(parts[3])
            cols = EMB_COLS[kind] if len(parts) < 5 else [c for c in parts[4].split(",") if c]
            probs = bilinear_probabilities(events, kind, rank, lam, cols)
        elif parts[0] == "diag":  # diag:KIND:SCALE
            probs = diag_probabilities(events, parts[1], float(parts[2]), EMB_COLS[parts[1]])
        elif parts[0] == "pdiag":  # pdiag:KIND:K:SCALE
            probs = pca_diag_probabilities(
                events, parts[1], int(parts[2]), float(parts[3]), EMB_COLS[parts[1]]
            )
        elif parts[0] == "wordpairs":  # wordpairs:MIN_EVENTS[:KIND]
            probs = wordpair_probabilities(
                events, int(parts[1]), EMB_COLS[parts[2]] if len(parts) > 2 else []
            )
        elif parts[0] == "svo":  # svo[:KIND[:0,1,...]]
            kind = parts[1] if len(parts) > 1 else "none"
            which = tuple(int(x) for x in parts[2].split(",")) if len(parts) > 2 else (0, 1, 2, 3)
            probs = svo_probabilities(events, EMB_COLS[kind], which)
        else:
            raise SystemExit(f"unknown {config}")
        report(config, events, probs)
        print(f"  {time.perf_counter() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
