"""Benchmark `storydiff batch`: real events, a minimal-pipeline ratio, scale, and --group auto.

    python bench/batch.py                  # all sections, 1,000 generated events
    python bench/batch.py --scale 10000    # the full 10,000-event corpus
    python bench/batch.py --only real,group
    python bench/batch.py --only engines   # --engine dask beside --jobs N, client cost per event
    python bench/batch.py --calibrate      # the ECB+ sweep behind compare/grouping.py's thresholds

Figures go to stdout as Markdown; copy them into the README. Timings shift as the pipeline changes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
EVENTS = CORPUS / "events"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))


# ---------------------------------------------------------------- measuring a process tree
def _tree_rss(
    root: int, cpu: dict[int, float] | None = None, pss: list[int] | None = None
) -> tuple[int, dict[int, int]]:
    """Current RSS summed over ``root`` and its descendants, and each one's peak (VmHWM), in KiB;
    ``cpu`` gets each process's CPU seconds so far (utime + stime), by pid; ``pss`` gets the
    current PSS summed over the tree appended (each shared page divided among the processes that
    map it: the tree's memory in all, where summed RSS counts a shared page once per process)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == p and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total, peaks, pss_total = 0, {}, 0
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in tree:
        if pss is not None:
            try:
                with open(f"/proc/{pid}/smaps_rollup") as fh:
                    pss_total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
            except (OSError, StopIteration, ValueError):
                pass
        if cpu is not None:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    fields_ = fh.read().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields_[11]) + int(fields_[12])) / ticks
            except (OSError, IndexError, ValueError):
                pass
        try:
            with open(f"/proc/{pid}/status") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
            total += int(fields.get("VmRSS", "0 kB").split()[0])
            peaks[pid] = int(fields.get("VmHWM", "0 kB").split()[0])
        except (OSError, ValueError):
            continue
    if pss is not None:
        pss.append(pss_total)
    return total, peaks


def run_measured(cmd: list[str]) -> dict[str, float]:
    """Run ``cmd``; wall time, peak summed RSS of its process tree (sampled every 0.1 s), the
    largest single-process peak, and getrusage(RUSAGE_CHILDREN).ru_maxrss, all in MiB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_total, peak_one, peak_parent, peak_pss = 0, 0, 0, 0
    cpu: dict[int, float] = {}
    pss: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_total, peak_one, peak_parent, peak_pss
        while not stop.is_set():
            total, peaks = _tree_rss(proc.pid, cpu, pss)
            peak_total = max(peak_total, total)
            peak_pss = max(peak_pss, pss.pop())
            peak_one = max([peak_one, *peaks.values()])
            peak_parent = max(peak_parent, peaks.get(proc.pid, 0))
            stop.wait(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    t.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = usage.ru_maxrss
    return {
        # CPU seconds of the whole process tree, sampled every 0.1 s from /proc (forkserver workers
        # are never waited for by us, so getrusage misses them): the figure that holds on a loaded
        # machine, where wall time does not. The larger of the two, as sampling misses each
        # process's last tenth of a second.
        "cpu": max(sum(cpu.values()), usage.ru_utime + usage.ru_stime - cpu_before),
        "wall": wall,
        "rc": proc.returncode,
        "stderr": err.strip().splitlines()[-1] if err.strip() else "",
        "tree_mib": peak_total / 1024,
        "pss_mib": peak_pss / 1024,
        "one_mib": peak_one / 1024,
        "parent_mib": peak_parent / 1024,
        "rusage_mib": max(after, before) / 1024,
    }


def skip_reasons(out: Path) -> str:
    """The reasons events were skipped in a batch run, most common first."""
    from collections import Counter

    summary = out / "summary.jsonl"
    if not summary.is_file():
        return ""
    rows = [json.loads(line) for line in summary.read_text(encoding="utf-8").splitlines()]
    reasons = Counter(r["reason"][:80] for r in rows if r["status"] != "compared")
    return "; ".join(f"{n}x {why}" for why, n in reasons.most_common(3))


def storydiff_batch(src: Path, out: Path, jobs: int, *extra: str) -> dict[str, float]:
    cmd = [sys.executable, "-m", "compare", "batch", str(src), "-o", str(out), "--jobs", str(jobs), *extra]
    m = run_measured(cmd)
    said = str(m["stderr"]).split("; index")[0]
    skipped = skip_reasons(out)
    m["said"] = f"{said} (skipped: {skipped})" if skipped else said
    return m


def count_inputs(root: Path) -> tuple[int, int]:
    events = [p for p in root.iterdir() if p.is_dir()]
    return len(events), sum(1 for e in events for f in e.glob("*.txt"))


# ---------------------------------------------------------------- the minimal pipeline
# One definition, shared with bench/speed.py: regex split, one TF-IDF per event, best match per
# sentence in each other article.
from speed import minimal_event  # noqa: E402


def minimal_batch(src: Path, out: Path) -> float:
    start = time.perf_counter()
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        result = minimal_event(folder)
        (out / f"{folder.name}.json").write_text(json.dumps(result))
    return time.perf_counter() - start


def stage_split(src: Path, sample_every: int = 5) -> dict[str, float]:
    """Where storydiff's time goes, in process, on every ``sample_every``-th event."""
    from compare import compare, load_articles, render

    t = {"load": 0.0, "compare": 0.0, "render html": 0.0, "render json": 0.0}
    for folder in sorted(p for p in src.iterdir() if p.is_dir())[::sample_every]:
        s = time.perf_counter()
        arts = load_articles(sorted(str(f) for f in folder.glob("*.txt")))
        t["load"] += time.perf_counter() - s
        s = time.perf_counter()
        res = compare(arts)
        t["compare"] += time.perf_counter() - s
        s = time.perf_counter()
        render(res, "html")
        t["render html"] += time.perf_counter() - s
        s = time.perf_counter()
        render(res, "json")
        t["render json"] += time.perf_counter() - s
    return t


# ---------------------------------------------------------------- sections
def table(*header: str) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if k == 0 else "---:" for k in range(len(header))) + "|")


def row(*cells: object) -> None:
    print("| " + " | ".join(str(c) for c in cells) + " |")


def batch_row(label: str, m: dict[str, float], events: int, articles: int) -> None:
    row(
        label,
        f"{m['wall']:.1f}",
        f"{events / m['wall']:.2f}",
        f"{articles / m['wall']:.1f}",
        f"{m['tree_mib']:.0f}",
        f"{m['one_mib']:.0f}",
        f"{m['parent_mib']:.0f}",
        m["rc"],
        m["said"],
    )


BATCH_HEADER = (
    "run",
    "wall s",
    "events/s",
    "articles/s",
    "peak RSS tree MiB",
    "largest process MiB",
    "main process MiB",
    "exit",
    "said",
)


def rerun_in_process(jobs: int, out: Path, n_events: int, n_articles: int) -> None:
    """First run and unchanged rerun through the library, with the code fingerprint pinned: other
    people editing compare/ between two CLI runs would otherwise (rightly) force a recompute."""
    from compare.batch import BatchSettings, run_jobs
    from compare.batch.inputs import from_folders
    from compare.batch.outputs import Listing, write_summaries

    jobs_list = from_folders(EVENTS).jobs
    settings = BatchSettings(jobs=jobs)
    for label in ("library run_jobs, fingerprint pinned", "its rerun, nothing changed"):
        start = time.perf_counter()
        outcome = run_jobs(jobs_list, out, settings, fingerprint="bench")
        write_summaries(out, outcome.rows, Listing(), title="bench", source=str(EVENTS))
        wall = time.perf_counter() - start
        row(
            label,
            f"{wall:.1f}",
            f"{n_events / wall:.2f}",
            f"{n_articles / wall:.1f}",
            "",
            "",
            "",
            "",
            f"{outcome.computed} computed, {outcome.reused} unchanged",
        )


def section_real(jobs: int) -> None:
    n_events, n_articles = count_inputs(EVENTS)
    print(f"## Batch over the {n_events} real events ({n_articles} articles)\n")
    table(*BATCH_HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for j in dict.fromkeys((jobs, 1)):
            m = storydiff_batch(EVENTS, Path(tmp) / f"out-{j}", j, "--force")
            results[j] = m
            batch_row(f"storydiff batch --jobs {j}", m, n_events, n_articles)
        rerun = storydiff_batch(EVENTS, Path(tmp) / f"out-{jobs}", jobs)
        batch_row("rerun, nothing changed", rerun, n_events, n_articles)
        rerun_in_process(jobs, Path(tmp) / "pinned", n_events, n_articles)
        mout = Path(tmp) / "minimal"
        mout.mkdir()
        minimal_event(next(p for p in EVENTS.iterdir() if p.is_dir()))  # import sklearn outside the timing
        wall_min = minimal_batch(EVENTS, mout)
        row(
            "minimal pipeline, 1 process",
            f"{wall_min:.1f}",
            f"{n_events / wall_min:.1f}",
            f"{n_articles / wall_min:.1f}",
            "",
            "",
            "",
            "",
            "",
        )
        one = results[1]["wall"]
        print(
            f"\nRatio storydiff batch --jobs 1 / minimal pipeline: **{one / wall_min:.1f}x** "
            "(storydiff includes start-up, HTML + JSON reports, index and summaries)."
        )
        print(
            f"getrusage(RUSAGE_CHILDREN).ru_maxrss after the runs: {results[1]['rusage_mib']:.0f} MiB "
            "(the largest process the bench waited for; forkserver workers are not its children, "
            "hence the sampled tree figures)."
        )
        split = stage_split(EVENTS)
        total = sum(split.values())
        print(
            "\nIn-process split of storydiff's time (every 5th event): "
            + ", ".join(f"{k} {v / total:.0%}" for k, v in split.items())
            + f"; total {total:.1f} s for {len(list(EVENTS.iterdir())[::5])} events.\n"
        )


def client_overhead(out: Path) -> dict[str, float]:
    """Seconds per event the client spends on what it keeps when workers compute: hashing the
    inputs, writing the rendered reports atomically, the journal line and the store rows."""
    from compare.atomic import write_atomic
    from compare.batch import BatchSettings, EventRow, event_hash
    from compare.batch.inputs import from_folders
    from compare.batch.journal import Journal
    from compare.batch.store import Store, event_records

    jobs = from_folders(EVENTS).jobs
    rows = {r["event"]: r for r in map(json.loads, (out / "summary.jsonl").read_text().splitlines())}
    # What a worker sends back, prepared outside the timing: the rendered reports and store rows.
    texts = {j.name: (out / j.name / "report.json").read_text() for j in jobs}
    records = {j.name: event_records(j.name, json.loads(texts[j.name])) for j in jobs}
    pages = {j.name: (out / j.name / "report.html").read_text() for j in jobs}
    timing = dict.fromkeys(("hash", "write reports", "journal", "store"), 0.0)
    cpu_start = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp)
        journal, store = Journal.open(dest), Store.open(dest)
        settings = BatchSettings()
        for job in jobs:
            t0 = time.perf_counter()
            digest = event_hash(job, settings, "bench")
            t1 = time.perf_counter()
            write_atomic(dest / job.name / "report.json", texts[job.name])
            write_atomic(dest / job.name / "report.html", pages[job.name])
            t2 = time.perf_counter()
            row = EventRow(
                event=job.name, label=job.label, status="compared", articles=rows[job.name]["articles"]
            )
            journal.record(row, digest)
            t3 = time.perf_counter()
            store.replace(row, digest, records[job.name])
            t4 = time.perf_counter()
            for key, secs in zip(timing, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                timing[key] += secs
        journal.close()
        store.close()
    per = {k: v / len(jobs) for k, v in timing.items()}
    per["cpu"] = (time.process_time() - cpu_start) / len(jobs)
    return per


def section_client(jobs: int) -> None:
    """The client's CPU per event alone (a local run first, for reports to replay)."""
    with tempfile.TemporaryDirectory() as tmp:
        storydiff_batch(EVENTS, Path(tmp) / "local", jobs, "--force")
        per = client_overhead(Path(tmp) / "local")
        cpu = per.pop("cpu")
        print(
            f"Client work per event: **{cpu * 1000:.1f} ms of CPU**, "
            f"{sum(per.values()) * 1000:.1f} ms of wall time ("
            + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in per.items())
            + ")\n"
        )


def section_engines(jobs: int) -> None:
    """The Dask engine beside the local pool on the real events, and the client's share."""
    n_events, n_articles = count_inputs(EVENTS)
    print(f"## Engines on the {n_events} real events ({n_articles} articles), {jobs} workers\n")
    table(*BATCH_HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        local = storydiff_batch(EVENTS, Path(tmp) / "local", jobs, "--force")
        batch_row(f"storydiff batch --jobs {jobs}", local, n_events, n_articles)
        dask = storydiff_batch(EVENTS, Path(tmp) / "dask", jobs, "--force", "--engine", "dask")
        batch_row(f"storydiff batch --engine dask --jobs {jobs} (LocalCluster)", dask, n_events, n_articles)
        same = all(
            (Path(tmp) / "local" / p.relative_to(Path(tmp) / "dask")).read_bytes() == p.read_bytes()
            for p in (Path(tmp) / "dask").glob("*/report.json")
        )
        print(
            f"\nDask / local wall time: **{dask['wall'] / local['wall']:.2f}x**; CPU seconds, every "
            f"process: local {local['cpu']:.1f} ({local['cpu'] / n_events:.3f} per event), dask "
            f"{dask['cpu']:.1f} ({dask['cpu'] / n_events:.3f} per event), "
            f"**{dask['cpu'] / local['cpu']:.2f}x**; "
            f"per-event JSON identical: {same}; load average {os.getloadavg()[0]:.1f}."
        )
        per = client_overhead(Path(tmp) / "local")
        cpu = per.pop("cpu")
        total = sum(per.values())
        print(
            f"Client work per event (hash inputs, write reports, journal, store): **{cpu * 1000:.1f} ms "
            f"of CPU**, {total * 1000:.1f} ms of wall time ("
            + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in per.items())
            + f"), against {local['cpu'] / n_events:.2f} CPU seconds of compute per event.\n"
        )


def section_scale(n: int, jobs: int) -> None:
    from make_corpus import generate

    print(f"## Generated corpus (resampled real events), --jobs {jobs}\n")
    table(
        "events",
        "articles",
        "wall s",
        "events/s",
        "articles/s",
        "peak RSS tree MiB",
        "peak PSS tree MiB",
        "largest process MiB",
        "main process MiB",
        "output MiB",
        "said",
    )
    sizes = sorted({s for s in (100, n // 10, n) if 10 <= s <= n})
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "events"
            _, articles = generate(src, size)
            out = Path(tmp) / "out"
            m = storydiff_batch(src, out, jobs)
            mib = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 2**20
            row(
                size,
                articles,
                f"{m['wall']:.1f}",
                f"{size / m['wall']:.2f}",
                f"{articles / m['wall']:.1f}",
                f"{m['tree_mib']:.0f}",
                f"{m['pss_mib']:.0f}",
                f"{m['one_mib']:.0f}",
                f"{m['parent_mib']:.0f}",
                f"{mib:.0f}",
                m["said"],
            )
    print()


def mixed_folder(dest: Path, with_dates: bool = True) -> tuple[list[str], list[str]]:
    """Copy every real article into one flat folder (Markdown with its metadata); returns the
    file names and their true events."""
    names, gold = [], []
    for folder in sorted(p for p in EVENTS.iterdir() if p.is_dir()):
        meta = (
            json.loads((folder / "meta.json").read_text())["articles"]
            if (folder / "meta.json").is_file()
            else {}
        )
        for f in sorted(folder.glob("*.txt")):
            info = meta.get(f.stem, {})
            head, _, body = f.read_text(encoding="utf-8").partition("\n\n")
            front = {"outlet": info.get("outlet") or f.stem, "title": head}
            if with_dates and info.get("date"):
                front["published"] = info["date"]
            name = f"{folder.name}--{f.stem}.md"
            fm = "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items())
            (dest / name).write_text(f"---\n{fm}---\n{body}", encoding="utf-8")
            names.append(name)
            gold.append(folder.name)
    return names, gold


def section_group() -> None:
    from compare.batch.grouping import pair_scores
    from compare.batch.inputs import from_flat_folder
    from compare.model import Options

    print("## --group auto on the 110 real events mixed into one flat folder\n")
    table(
        "dates", "articles", "events found (true 110)", "ungrouped", "copies", "pair P", "pair R", "F1", "s"
    )
    for with_dates in (True, False):
        with tempfile.TemporaryDirectory() as tmp:
            flat = Path(tmp)
            names, gold = mixed_folder(flat, with_dates)
            index = {str(flat / n): k for k, n in enumerate(names)}
            start = time.perf_counter()
            found = from_flat_folder(flat, Options())
            secs = time.perf_counter() - start
            groups = [[index[s.path] for s in job.sources] for job in found.jobs]
            of = {index[c]: index[o] for c, o in found.duplicates}
            for g in groups:  # a copy belongs with the article it copies
                g.extend(c for c, o in of.items() if o in g)
            p, r, f = pair_scores(groups, gold)
            row(
                "from meta.json" if with_dates else "none",
                len(names),
                len(found.jobs),
                len(found.ungrouped),
                len(found.duplicates),
                f"{p:.3f}",
                f"{r:.3f}",
                f"{f:.3f}",
                f"{secs:.1f}",
            )
    print()


def section_calibrate() -> None:
    """The ECB+ sweep behind GROUP_SIMILARITY / LINK_SIMILARITY (train: topics 1-35; test: 36-45)."""
    import compare.batch.grouping as grouping
    from compare.model import Article

    docs = [json.loads(line) for line in open(CORPUS / "ecbplus" / "derived" / "ecbplus_docs.jsonl")]

    def article(d: dict) -> Article:
        sents = [
            s["text"] for s in d["sentences"] if not (d["subtopic"].endswith("plus") and s["sentence"] == 0)
        ]
        return Article(id=d["doc_id"], outlet=d["doc_id"], text="\n".join(sents))

    print("## ECB+ calibration of --group auto (pairwise same-event P/R/F1)\n")
    table("split", "link floor", "threshold", "P", "R", "F1", "events", "ungrouped")
    for split, keep in (("train 1-35", lambda t: t <= 35), ("test 36-45", lambda t: t > 35)):
        ds = [d for d in docs if keep(d["topic"])]
        arts, gold = [article(d) for d in ds], [d["subtopic"] for d in ds]
        grid = [(0.05, t) for t in (0.06, 0.08, 0.10)] + [(0.08, t) for t in (0.08, 0.10, 0.12, 0.14)]
        if split.startswith("test"):
            grid = [(grouping.LINK_SIMILARITY, grouping.GROUP_SIMILARITY)]
        for link, th in grid:
            saved = grouping.LINK_SIMILARITY
            grouping.LINK_SIMILARITY = link
            try:
                g = grouping.group_articles(arts, threshold=th)
            finally:
                grouping.LINK_SIMILARITY = saved
            groups = [list(e) + [c for c, o in g.duplicates if o in e] for e in g.events]
            p, r, f = grouping.pair_scores(groups, gold)
            row(
                f"{split} ({len(arts)} docs)",
                link,
                th,
                f"{p:.3f}",
                f"{r:.3f}",
                f"{f:.3f}",
                len(g.events),
                len(g.ungrouped),
            )
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark storydiff batch")
    ap.add_argument(
        "--only", default="real,scale,group", help="comma-separated: real, scale, group, engines, client"
    )
    ap.add_argument(
        "--scale", type=int, default=1000, help="generated events (default 1,000; 10,000 for the full run)"
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--calibrate", action="store_true", help="run only the ECB+ grouping calibration")
    args = ap.parse_args(argv)
    if not EVENTS.is_dir():
        print(f"no corpus at {EVENTS}; nothing to measure", file=sys.stderr)
        return 2
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = os.getloadavg()[0]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load:.1f}, {stamp}\n")
    if args.calibrate:
        section_calibrate()
        return 0
    only = set(args.only.split(","))
    if "real" in only:
        section_real(args.jobs)
    if "scale" in only:
        section_scale(args.scale, args.jobs)
    if "group" in only:
        section_group()
    if "engines" in only:
        section_engines(args.jobs)
    if "client" in only:
        section_client(args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
