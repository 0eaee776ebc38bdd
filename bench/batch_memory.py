"""What the batch (main) process holds per event: RSS and tracemalloc, with the events replayed.

    python bench/batch_memory.py --events 500,1500          # RSS growth per event, one process each
    python bench/batch_memory.py --events 1500 --trace      # plus tracemalloc's top growth by line
    python bench/batch_memory.py --tree 100 [--code DIR]    # a real batch: each process's peak

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
from typing import Any

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


_LIBS = ("numpy", "scipy", "sklearn", "sqlite_utils")


def _proc_sample(pid: int) -> dict[str, int] | None:
    """RSS, its peak (VmHWM) and PSS (each shared page divided among its sharers) of one process, KiB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            status = dict(line.split(":", 1) for line in fh if ":" in line)
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            rollup = dict(line.split(":", 1) for line in fh if ":" in line and not line[0].isdigit())
    except (OSError, ValueError):
        return None
    kib = {k: int(v.split()[0]) for k, v in {**status, **rollup}.items() if v.strip().endswith("kB")}
    return {"rss": kib.get("VmRSS", 0), "hwm": kib.get("VmHWM", 0), "pss": kib.get("Pss", 0)}


def _libs(pid: int) -> set[str]:
    """Which of the heavy packages ``pid`` has loaded, read from its mapped files."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return set()
    return {lib for lib in _LIBS if f"/site-packages/{lib}/" in maps}


def _role(pid: int, root: int, parents: dict[int, int]) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = ""
    if pid == root:
        return "batch (client)"
    if parents.get(pid) != root:
        return "worker"  # forked by the forkserver (whose command line it shows)
    for name in ("forkserver", "resource_tracker"):
        if name in cmd:
            return name.replace("_", " ")
    return "child"


def tree(n: int, code: Path, jobs: int) -> None:
    """Run ``storydiff batch`` of ``code`` on n generated events; each process's peak RSS and PSS."""
    import threading

    sys.path.insert(0, str(REPO / "bench"))
    from batch import _tree_rss
    from make_corpus import generate

    seen: dict[int, dict[str, Any]] = {}
    peak_rss = peak_pss = 0
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="mem-tree-") as tmp:
        generate(Path(tmp) / "src", n)
        cmd = [
            sys.executable,
            "-m",
            "compare",
            "batch",
            f"{tmp}/src",
            "-o",
            f"{tmp}/out",
            "--jobs",
            str(jobs),
        ]
        env = {**os.environ, "PYTHONPATH": str(code)}
        proc = subprocess.Popen(cmd, env=env, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak_rss, peak_pss
            ticks = 0
            while not stop.is_set():
                _, peaks = _tree_rss(proc.pid)
                parents = {}
                for pid in peaks:
                    try:
                        parents[pid] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
                    except (OSError, IndexError, ValueError):
                        continue
                got = {pid: s for pid in peaks if (s := _proc_sample(pid))}
                peak_rss = max(peak_rss, sum(s["rss"] for s in got.values()))
                peak_pss = max(peak_pss, sum(s["pss"] for s in got.values()))
                for pid, s in got.items():
                    rec = seen.setdefault(pid, {"role": _role(pid, proc.pid, parents), "libs": set()})
                    for k, v in s.items():
                        rec[k] = max(rec.get(k, 0), v)
                    if ticks % 10 == 0:
                        rec["libs"] |= _libs(pid)
                ticks += 1
                stop.wait(0.1)

        t = threading.Thread(target=sample, daemon=True)
        t.start()
        proc.wait()
        stop.set()
        t.join()
    print(
        f"{n} events, --jobs {jobs}, code {code}: peak summed RSS {peak_rss / 1024:.0f} MiB, "
        f"summed PSS {peak_pss / 1024:.0f} MiB"
    )
    for rec in (seen[pid] for pid in sorted(seen)):
        print(
            f"  {rec['role']:18} peak RSS {rec['hwm'] / 1024:6.1f}  peak PSS {rec['pss'] / 1024:6.1f} MiB"
            f"  loaded: {', '.join(sorted(rec['libs'])) or '-'}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", default="500,1500", help="comma-separated event counts, one process each")
    ap.add_argument("--trace", action="store_true", help="tracemalloc's top growth by line")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single count, in this process
    ap.add_argument("--tree", type=int, help="run a real batch of N generated events; each process's peak")
    ap.add_argument("--code", type=Path, default=REPO, help="the storydiff checkout --tree runs")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs for --tree")
    args = ap.parse_args(argv)
    if args.tree:
        tree(args.tree, args.code.resolve(), args.jobs)
        return 0
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
