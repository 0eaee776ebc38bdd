"""What the batch (main) process holds per event: RSS and tracemalloc, with the events replayed.

    python bench/batch_memory.py --events 500,1500          # RSS growth per event, one process each
    python bench/batch_memory.py --events 1500 --trace      # plus tracemalloc's top growth by line

The events are not computed here: a few real events are compared once (cached under
/tmp/mem-replay-*.pkl), and ``run_jobs`` then runs with an engine that hands back, for each job,
that event's summary row and store rows under the job's own name, pickled and unpickled as a
worker's result would be. So the client's share of a batch (hashing the inputs, the journal, the
store, the rows kept for the summaries) is measured alone, at the client's pace.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVENTS = REPO.parent / "shared" / "corpus" / "events"
sys.path.insert(0, str(REPO))
CACHE = Path("/tmp/mem-replay-v1.pkl")


def rss_kib() -> tuple[int, int]:
    """Current and peak RSS of this process, in KiB."""
    with open("/proc/self/status") as fh:
        f = dict(line.split(":", 1) for line in fh if ":" in line)
    return int(f["VmRSS"].split()[0]), int(f["VmHWM"].split()[0])


def cached_results(n: int = 12) -> list[tuple[object, dict]]:
    """(row, storydiff/1 dict) of every ~10th real event, computed once in a child process."""
    if not CACHE.is_file():
        code = (
            "import pickle,sys;from pathlib import Path;"
            "from compare.batch.inputs import from_folders;from compare.batch.engine import run_event;"
            "from compare.batch.model import BatchSettings;"
            f"jobs=from_folders({str(EVENTS)!r}).jobs[::max(1, 110 // {n})];s=BatchSettings();"
            "rs=[run_event(j,s) for j in jobs];"
            f"pickle.dump([(r.row,r.data) for r in rs if r.data],open({str(CACHE)!r},'wb'))"
        )
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    with open(CACHE, "rb") as fh:
        return pickle.load(fh)


def replay_engine(results):
    """An engine for ``run_jobs`` that yields each job a cached event's row and store rows."""
    from compare.batch.store import event_records

    def execute(jobs, settings, outdir):
        for k, job in enumerate(jobs):
            row, data = results[k % len(results)]
            reports = tuple((fmt, f"{job.name}/{Path(p).name}") for fmt, p in row.reports)
            mine = replace(row, event=job.name, label=job.label, reports=reports)
            for _, rel in reports:  # the reports a worker would have written (the reuse test looks)
                (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
                (outdir / rel).write_bytes(b"")
            yield job, pickle.loads(pickle.dumps((mine, event_records(job.name, data)), protocol=5))

    return execute


def sqlite_kib() -> tuple[int, int]:
    """SQLite's own heap (sqlite3_memory_used and its high-water mark), in KiB; (-1, -1) if unknown."""
    import ctypes
    import ctypes.util
    import sqlite3  # noqa: F401  (loads the library this reads)

    try:
        lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    except OSError:
        return -1, -1
    lib.sqlite3_memory_used.restype = lib.sqlite3_memory_highwater.restype = ctypes.c_int64
    return lib.sqlite3_memory_used() // 1024, lib.sqlite3_memory_highwater(0) // 1024


def measure(n: int, trace: bool, top: int) -> None:
    import compare.batch.runner as runner
    from compare.batch.model import BatchRequest, BatchSettings

    sys.path.insert(0, str(REPO / "bench"))
    from make_corpus import generate

    results = cached_results()
    runner.execute_local = replay_engine(results)
    marks: dict[str, int] = {}

    def on_start(events, bad):
        marks["discovered"] = rss_kib()[0]

    def on_event(row, reused):
        marks["events"] = rss_kib()[0]

    with tempfile.TemporaryDirectory(dir="/tmp", prefix="mem-out-") as tmp:
        generate(Path(tmp) / "src", n)
        gc.collect()
        start_rss, _ = rss_kib()
        if trace:
            import tracemalloc

            tracemalloc.start(8)
            snap0 = tracemalloc.take_snapshot()
        t = time.perf_counter()
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        request = BatchRequest(str(out), source=str(src), settings=BatchSettings())
        report = runner.run_batch(request, on_start=on_start, on_event=on_event, fingerprint="x")
        wall = time.perf_counter() - t
        cur, peak = rss_kib()
        lite, lite_peak = sqlite_kib()
        if trace:
            snap1 = tracemalloc.take_snapshot()
            held = tracemalloc.get_traced_memory()
        db = sum(p.stat().st_size for p in (Path(tmp) / "out").glob("storydiff.db*"))
    print(
        f"{n} events, {report.outcome.computed} computed, {wall:.1f} s: RSS (MiB) at start "
        f"{start_rss / 1024:.1f}, after discovery {marks['discovered'] / 1024:.1f}, "
        f"after the last event {marks['events'] / 1024:.1f}, "
        f"at end {cur / 1024:.1f}, peak {peak / 1024:.1f}; SQLite heap {lite / 1024:.1f} MiB "
        f"(peak {lite_peak / 1024:.1f}); storydiff.db {db / 2**20:.1f} MiB"
    )
    if trace:
        print(f"tracemalloc: now {held[0] / 2**20:.1f} MiB, peak {held[1] / 2**20:.1f} MiB; growth by line:")
        for stat in snap1.compare_to(snap0, "lineno")[:top]:
            print(f"  {stat.size_diff / 1024:9.1f} KiB {stat.count_diff:8d} blocks  {stat.traceback[0]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", default="500,1500", help="comma-separated event counts, one process each")
    ap.add_argument("--trace", action="store_true", help="tracemalloc's top growth by line")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single count, in this process
    args = ap.parse_args(argv)
    if args.one:
        measure(args.one, args.trace, args.top)
        return 0
    cached_results()
    for n in (int(x) for x in args.events.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n), "--top", str(args.top)]
        subprocess.run(cmd + (["--trace"] if args.trace else []), check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
