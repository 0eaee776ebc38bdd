"""How fast storydiff is beside the minimal pipeline, measured in one run, and where its time goes.

    python bench/speed.py                      # one event, the 110-event batch, the profile
    python bench/speed.py --only event,profile # a subset (event, batch, profile, sample)
    python bench/speed.py --repeat 5           # best of 5 for the one-event timings
    python bench/speed.py --before /tmp/main   # before and after in one run, taking turns
    python bench/speed.py minimal DIR... [-o OUT]  # the minimal pipeline itself, as its own process

The minimal pipeline (below, `minimal_event`) is what any tool of this kind must at least do: read
the files, split sentences with a regex, fit one TF-IDF per event, and find each sentence's best
match in every other article. Both sides are timed as whole processes (interpreter start-up and
imports included), since that is what a user or a cluster pays:

- one event: `storydiff compare EVENT/*.txt --format json` against `speed.py minimal EVENT`;
- the batch: `storydiff batch EVENTS -o OUT --jobs 1 --force` (HTML and JSON reports) against
  `speed.py minimal EVENTS/* -o OUT` (one JSON file per event).

The profile runs in process over every 5th event: load, each stage `compare.pipeline` calls
(timed by wrapping the functions it imports), and the JSON and HTML views; then the modules with
the most time of their own under cProfile. Figures go to stdout as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

# Run as a script, this folder comes first on sys.path; keep its other scripts from shadowing
# standard modules. (Imported by bench/batch.py, leave its path alone: it imports make_corpus.)
if __name__ == "__main__":
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

REPO = Path(__file__).resolve().parents[1]
CODE = REPO  # the storydiff checkout timed (--code): this one, or an older one for "before" figures
CODES: list[tuple[str, Path]] = []  # (label, checkout) of each storydiff timed: --before, then --code
EVENTS = REPO.parent / "shared" / "corpus" / "events"
ONE_EVENT = EVENTS / "newswcl50-0"
PROFILE_EVERY = 5

# ---------------------------------------------------------------- the minimal pipeline
# A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a capital,
# digit or opening mark: the split most quick scripts use.
_SENT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
# Two sentences whose best-match cosine is below this are not reported as a match.
MIN_COSINE = 0.3


def minimal_event(folder: Path) -> dict[str, object]:
    """Read the .txt files, split sentences with a regex, one TF-IDF per event, best match per
    sentence in each other article."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    arts = []
    for f in sorted(folder.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        arts.append((f.stem, [s for s in _SENT.split(text) if s.strip()]))
    sents = [s for _, ss in arts for s in ss]
    x = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)).fit_transform(sents)
    bounds, k = [], 0
    for _, ss in arts:
        bounds.append((k, k + len(ss)))
        k += len(ss)
    best = []
    for i, (a0, a1) in enumerate(bounds):
        for j, (b0, b1) in enumerate(bounds):
            if i == j or a0 == a1 or b0 == b1:
                continue
            sim = cosine_similarity(x[a0:a1], x[b0:b1])
            for r, c in enumerate(sim.argmax(axis=1).tolist()):
                if sim[r, c] >= MIN_COSINE:
                    best.append([arts[i][0], r, arts[j][0], c, round(float(sim[r, c]), 3)])
    return {"articles": [a for a, _ in arts], "matches": best}


def minimal_main(folders: list[str], out: str | None) -> None:
    for folder in folders:
        result = json.dumps(minimal_event(Path(folder)), indent=2)
        if out:
            Path(out, Path(folder).name + ".json").write_text(result, encoding="utf-8")
        else:
            sys.stdout.write(result + "\n")


# ---------------------------------------------------------------- whole-process timing
def wall(cmd: list[str], code: Path | None = None) -> tuple[float, float]:
    """Run ``cmd`` with storydiff from ``code`` (default CODE): its wall time and its CPU time (user
    + system), in seconds. On a shared machine the CPU time moves less with other people's load
    than the wall time does."""
    code = code or CODE
    # Bytecode caches on, as on an installed copy (this machine sets PYTHONDONTWRITEBYTECODE, which
    # would make every run recompile storydiff's source).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(code)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=code
    )
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} ...: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def storydiff(*args: str) -> list[str]:
    return [sys.executable, "-m", "compare", *args]


def minimal(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "minimal", *args]


def _interleaved(
    runs: dict[str, tuple[list[str], Path | None]], repeat: int
) -> dict[str, tuple[float, float]]:
    """Best wall and best CPU time of each run over ``repeat`` rounds, the runs taking turns within
    a round, so that a change in the machine's load falls on all of them alike."""
    got: dict[str, list[tuple[float, float]]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, (cmd, code) in runs.items():
            got[label].append(wall(cmd, code))
    return {label: (min(w for w, _ in v), min(c for _, c in v)) for label, v in got.items()}


def _table(rows: list[tuple[str, tuple[float, float]]], digits: int) -> None:
    print("| run | wall s | CPU s |\n|---|---:|---:|")
    for label, (w, c) in rows:
        print(f"| {label} | {w:.{digits}f} | {c:.{digits}f} |")


def section_event(repeat: int) -> None:
    files = [str(f) for f in sorted(ONE_EVENT.glob("*.txt"))]
    runs: dict[str, tuple[list[str], Path | None]] = {}
    for name, code in CODES:
        runs[f"`storydiff compare ... --format json` ({name})"] = (
            storydiff("compare", *files, "--format", "json"),
            code,
        )
    runs["minimal pipeline (`bench/speed.py minimal`)"] = (minimal(str(ONE_EVENT)), None)
    for name, code in CODES:
        runs[f"`storydiff --help` ({name})"] = (storydiff("--help"), code)
        runs[f"`storydiff compare` on a missing file, the error line ({name})"] = (
            storydiff("compare", str(ONE_EVENT / "no-such-file.txt")),
            code,
        )
    runs["`python -c pass` (the interpreter alone)"] = ([sys.executable, "-c", "pass"], None)
    # Warm the file cache and the bytecode of every side before timing.
    for cmd, code in runs.values():
        wall(cmd, code)
    got = _interleaved(runs, repeat)
    print(f"## One event: `{ONE_EVENT.name}` ({len(files)} articles), whole process, best of {repeat}\n")
    _table(list(got.items()), 3)
    mw, mc = got["minimal pipeline (`bench/speed.py minimal`)"]
    print()
    for name, _ in CODES:
        ow, oc = got[f"`storydiff compare ... --format json` ({name})"]
        print(
            f"Ratio storydiff ({name}) / minimal pipeline, one event: **{oc / mc:.2f}x** CPU, "
            f"{ow / mw:.2f}x wall"
        )
    print()


def section_batch(repeat: int) -> None:
    folders = sorted(str(p) for p in EVENTS.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        out_min = Path(tmp, "minimal")
        out_min.mkdir()
        runs: dict[str, tuple[list[str], Path | None]] = {
            "minimal pipeline over the same events, one process": (
                minimal(*folders, "-o", str(out_min)),
                None,
            )
        }
        for name, code in CODES:
            out = str(Path(tmp, name))
            runs[f"`storydiff batch EVENTS -o OUT --jobs 1 --force`, HTML + JSON ({name})"] = (
                storydiff("batch", str(EVENTS), "-o", out, "--jobs", "1", "--force"),
                code,
            )
        got = _interleaved(runs, repeat)
    print(f"## The {len(folders)}-event batch, whole process, best of {repeat}\n")
    _table(list(got.items()), 1)
    mw, mc = got["minimal pipeline over the same events, one process"]
    print()
    for name, _ in CODES:
        ow, oc = got[f"`storydiff batch EVENTS -o OUT --jobs 1 --force`, HTML + JSON ({name})"]
        print(
            f"Ratio storydiff ({name}) / minimal pipeline, batch: **{oc / mc:.1f}x** CPU, {ow / mw:.1f}x wall"
        )
    print()


# ---------------------------------------------------------------- in-process profile
def _wrap_stages(totals: dict[str, float]) -> None:
    """Time every function ``compare.pipeline`` imports from another storydiff module."""
    import compare.pipeline as pipeline

    for name, fn in list(vars(pipeline).items()):
        mod = getattr(fn, "__module__", "") or ""
        if not callable(fn) or not mod.startswith("compare.") or mod == pipeline.__name__:
            continue
        if isinstance(fn, type):
            continue

        def timed(*a, __fn=fn, __name=name, **kw):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return __fn(*a, **kw)
            finally:
                totals[__name] += time.process_time() - start

        setattr(pipeline, name, timed)


def section_profile() -> None:
    import cProfile
    import pstats

    from compare import compare, load_articles, render

    folders = sorted(p for p in EVENTS.iterdir() if p.is_dir())[::PROFILE_EVERY]
    compare(load_articles([str(f) for f in sorted(folders[0].glob("*.txt"))]))  # imports outside timing
    totals: dict[str, float] = defaultdict(float)
    _wrap_stages(totals)
    prof = cProfile.Profile()
    start = time.process_time()
    for folder in folders:
        t = time.process_time()
        arts = load_articles([str(f) for f in sorted(folder.glob("*.txt"))])
        totals["load_articles"] += time.process_time() - t
        t = time.process_time()
        result = compare(arts)
        totals["compare (all stages)"] += time.process_time() - t
        for fmt in ("json", "html"):
            t = time.process_time()
            render(result, fmt)
            totals[f"render {fmt}"] += time.process_time() - t
    elapsed = time.process_time() - start
    stage_times = dict(totals)
    # A second pass under cProfile for the modules with the most time of their own (cProfile slows
    # everything down, so the stage times above come from the plain pass).
    prof.enable()
    for folder in folders:
        result = compare(load_articles([str(f) for f in sorted(folder.glob("*.txt"))]))
        render(result, "json")
        render(result, "html")
    prof.disable()
    print(f"## Where the time goes: {len(folders)} events in process (every {PROFILE_EVERY}th)\n")
    print(f"Total {elapsed:.2f} s, {elapsed / len(folders) * 1000:.0f} ms per event.\n")
    print("| stage (function) | s | share |\n|---|---:|---:|")
    for name, s in sorted(stage_times.items(), key=lambda kv: -kv[1]):
        print(f"| `{name}` | {s:.2f} | {s / elapsed:.0%} |")
    by_module: dict[str, float] = defaultdict(float)
    stats = pstats.Stats(prof)
    for (filename, _line, _func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_module[_module_of(filename)] += tottime
    total_own = sum(by_module.values())
    print("\nTop modules by own time under cProfile:\n")
    print("| module | share of own time |\n|---|---:|")
    for mod, s in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"| `{mod}` | {s / total_own:.0%} |")
    print()


def section_sample(every: int = 2, interval: float = 0.001) -> None:
    """A sampling profile (SIGPROF every ``interval`` CPU seconds) of every ``every``th event in
    process, compare then the JSON and HTML views, after ``load_pipeline``: each function's share
    of the samples, inclusive and its own. Unlike cProfile it does not slow down Python calls more
    than C code, so the shares are those of the plain run."""
    import signal

    from compare import compare, load_articles, render
    from compare.preload import load_pipeline

    load_pipeline(("json", "html"))
    folders = sorted(p for p in EVENTS.iterdir() if p.is_dir())[::every]
    inclusive: dict[str, int] = defaultdict(int)
    own: dict[str, int] = defaultdict(int)
    count = [0]

    def name(frame) -> str:  # type: ignore[no-untyped-def]
        return f"{_module_of(frame.f_code.co_filename)}:{frame.f_code.co_name}"

    def on_sample(_sig, frame) -> None:  # type: ignore[no-untyped-def]
        count[0] += 1
        own[name(frame)] += 1
        seen = set()
        while frame is not None:
            seen.add(name(frame))
            frame = frame.f_back
        for k in seen:
            inclusive[k] += 1

    def one(folder: Path) -> None:
        result = compare(load_articles([str(f) for f in sorted(folder.glob("*.txt"))]))
        render(result, "json")
        render(result, "html")

    one(folders[0])  # first-call costs outside the samples
    signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    for folder in folders:
        one(folder)
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    n = max(1, count[0])
    print(f"## Sampling profile: {len(folders)} events in process, {count[0]} samples\n")
    for title, table in (("inclusive", inclusive), ("own", own)):
        print(f"| function ({title}) | share |\n|---|---:|")
        for k, c in sorted(table.items(), key=lambda kv: -kv[1])[:25]:
            print(f"| `{k}` | {c / n:.1%} |")
        print()


def _module_of(filename: str) -> str:
    """A readable module name for a profiled file: compare.x.y, a site-package's top name, or the
    standard-library module."""
    path = Path(filename)
    if filename.startswith("<") or filename == "~":
        return "builtins and C code"
    parts = path.with_suffix("").parts
    if "compare" in parts and str(CODE) in filename:
        i = len(parts) - 1 - parts[::-1].index("compare")
        return ".".join(parts[i:])
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return path.stem


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "minimal":
        p = argparse.ArgumentParser(prog="speed.py minimal")
        p.add_argument("folders", nargs="+")
        p.add_argument("-o", "--output")
        a = p.parse_args(sys.argv[2:])
        minimal_main(a.folders, a.output)
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", default="event,batch,profile")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument(
        "--code", default=str(REPO), help="time the storydiff in this checkout (default: this one)"
    )
    p.add_argument(
        "--before",
        help="also time the storydiff in this checkout (e.g. a `git archive` of main), taking turns "
        "with --code in the same run",
    )
    p.add_argument("--batch-repeat", type=int, default=1, help="rounds of the batch (best of)")
    a = p.parse_args()
    global CODE
    CODE = Path(a.code).resolve()
    if a.before:
        CODES.insert(0, ("before", Path(a.before).resolve()))
    CODES.append(("after" if a.before else "this", CODE))
    if not EVENTS.is_dir():
        raise SystemExit(f"{EVENTS}: corpus not found")
    only = set(a.only.split(","))
    sys.path.insert(0, str(CODE))
    os.chdir(CODE)
    load = os.getloadavg()[0]
    print("storydiff from " + ", ".join(f"{path} ({name})" for name, path in CODES))
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load average {load:.1f}\n"
    )
    if "event" in only:
        section_event(a.repeat)
    if "batch" in only:
        section_batch(a.batch_repeat)
    if "profile" in only:
        section_profile()
    if "sample" in only:
        section_sample()


if __name__ == "__main__":
    main()
