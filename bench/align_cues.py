"""Round seven (issue 9): do false-positive pairs share attribution boilerplate rather than
content? The word-overlap evidence (containment, rare_shared, optionally fuzz and names) is
recomputed on each sentence with its attribution cue span ("said", "according to", "told
reporters") blanked out, optionally the source span too; the TF-IDF cosines stay as they are.
Nested leave-one-event-out over the 17 gold events, small grid, as bench/align_vectors.py.

    PYTHONPATH=$PWD .venv/bin/python bench/align_cues.py            # every variant below

Uses the event cache of align_vectors.py (/tmp/align2-events.pkl) when present (built otherwise;
the GloVe / wordfreq columns of that cache need its packages only when it is missing). Results are
kept in docs/alignment.md (round seven).
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
OWN = Path("/tmp/align3-events.pkl")
COLUMNS = ("fuzz", "containment", "names", "rare_shared")

# variant -> (blank the source span too, columns replaced)
VARIANTS = {
    "cue": (False, ("containment", "rare_shared")),
    "cue_fuzz": (False, ("fuzz", "containment", "rare_shared")),
    "cuesrc": (True, ("containment", "rare_shared")),
    "cuesrc_fuzz": (True, ("fuzz", "containment", "rare_shared")),
    "cuesrc_all": (True, ("fuzz", "containment", "names", "rare_shared")),
}


def blanked(doc, with_source: bool) -> list[str]:
    """The document's sentence texts with the attribution cue (and source) spans replaced by
    spaces, so offsets and the other words stay as they are."""
    out = []
    for k, s in enumerate(doc.sentences):
        text = s.text
        att = doc.attributions[k] if k < len(doc.attributions) else None
        if att is not None:
            spans = [(att.start, att.end)]
            if with_source and att.source_start is not None and att.source_end is not None:
                spans.append((att.source_start, att.source_end))
            for a, b in spans:
                a, b = max(a - s.start, 0), min(b - s.start, len(text))
                if a < b:
                    text = text[:a] + " " * (b - a) + text[b:]
        out.append(text)
    return out


def cue_columns(ev) -> dict:
    from compare.align.features import _overlap_columns
    from compare.align.vectorize import english_stop_words

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    out = {}
    for src in (False, True):
        texts = [t for d in ev.documents for t in blanked(d, src)]
        cols = _overlap_columns(texts, ev.features.pairs, stop)
        for name in COLUMNS:
            out[f"{name}_{'cuesrc' if src else 'cue'}"] = cols[name]
    return out


def load_all():
    if OWN.is_file():
        return pickle.loads(OWN.read_bytes())
    if CACHE.is_file():
        events = pickle.loads(CACHE.read_bytes())
    else:
        events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    for ev in events:
        for name, column in cue_columns(ev).items():
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, column]))
            ev.names.append(name)
    OWN.write_bytes(pickle.dumps(events))
    return events


def stats(events) -> None:
    """How often a cue is blanked, and how the replaced columns move on gold and other pairs."""
    for name in COLUMNS:
        for tag in ("cue", "cuesrc"):
            a = np.concatenate([ev.features.values[:, ev.names.index(name)] for ev in events])
            b = np.concatenate([ev.features.values[:, ev.names.index(f"{name}_{tag}")] for ev in events])
            y = np.concatenate([ev.labels for ev in events])
            print(
                f"{name}_{tag}: changed {np.mean(a != b):.3f}; mean gold {a[y].mean():.3f} -> "
                f"{b[y].mean():.3f}, other {a[~y].mean():.3f} -> {b[~y].mean():.3f}",
                file=sys.stderr,
            )


def main() -> None:
    events = load_all()
    stats(events)
    base = bench.FEATURE_NAMES
    for variant in sys.argv[1:] or ["base", *VARIANTS]:
        t0 = time.perf_counter()
        if variant == "base":
            bench.FEATURE_NAMES, config = base, "lr:"
        else:
            src, cols = VARIANTS[variant]
            tag = "cuesrc" if src else "cue"
            bench.FEATURE_NAMES = tuple(n for n in base if n not in cols)
            config = "lr:" + ",".join(f"{c}_{tag}" for c in cols)
        r = ax.run(events, config)
        r["variant"], r["s"] = variant, round(time.perf_counter() - t0)
        print(json.dumps(r), flush=True)
    bench.FEATURE_NAMES = base


if __name__ == "__main__":
    main()
