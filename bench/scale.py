"""How time and memory grow with the size of a comparison, on generated text.

    python bench/scale.py                    # both series, 120 CPU s and 6 GB per run at most
    python bench/scale.py --only length      # 2 articles of 100 ... 6,400 sentences
    python bench/scale.py --only count       # 2, 5, 20, 50, 200 articles of 30 sentences
    python bench/scale.py --cpu 600 --memory-gb 12

Each run is `storydiff compare ... --format json` as its own process with every size limit lifted
(`--max-* 0`), so the figures show what the pipeline itself costs. Wall time, CPU time and the peak
resident memory of the process (getrusage ru_maxrss) are printed as Markdown. A run that passes the
CPU-time or memory cap (an address-space limit) is stopped and shown as such, and the series stops
there. The text is our own: sentences generated from a small vocabulary with names and numbers,
about half of each article told again (reworded) in the others, so the aligner has matches to find.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CODE = REPO  # the storydiff checkout measured (--code)
HAS_LIMITS = True
LENGTHS = (100, 200, 400, 800, 1600, 3200, 6400)
COUNTS = (2, 5, 20, 50, 200)
# A run is also stopped after this many times its CPU cap in wall time (a stalled process).
WALL_FACTOR = 10
SENTENCES_PER_ARTICLE = 30  # for the article-count series: a typical news report's length

_SUBJECTS = (
    "The council",
    "Mayor Ana Ruiz",
    "The harbour authority",
    "Fire chief Tom Okafor",
    "A spokesman for the ferry line",
    "Residents of Portville",
    "The regional water board",
    "Police",
    "Senator Ida Brandt",
    "The union",
)
_VERBS = ("said", "announced", "confirmed", "reported", "denied", "warned", "estimated", "voted")
_OBJECTS = (
    "that {n} people were evacuated from the old mill",
    "a budget of ${n} million for the new bridge",
    "that the river rose {n} centimetres overnight",
    "{n} new jobs at the container terminal",
    "that the inquiry will report in {month}",
    "a fine of {n} euros for the shipping company",
    "that {n} homes lost power during the storm",
    "plans to close the northern ferry route by {month}",
)
_TAILS = (
    "",
    " on Tuesday",
    " after a long meeting",
    " in a statement",
    ", according to local media",
    " late on Friday",
)
_MONTHS = ("March", "April", "June", "September", "November")


def _sentence(rng: random.Random) -> str:
    obj = rng.choice(_OBJECTS).format(n=rng.randint(2, 9_000), month=rng.choice(_MONTHS))
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {obj}{rng.choice(_TAILS)}."


def _reword(sentence: str, rng: random.Random) -> str:
    """The same fact told a little differently: another verb and tail."""
    words = sentence.rstrip(".").split(" ")
    for i, w in enumerate(words):
        if w in _VERBS:
            words[i] = rng.choice(_VERBS)
            break
    return " ".join(words) + "."


def make_event(n_articles: int, n_sentences: int, seed: int = 0) -> list[str]:
    """Texts of ``n_articles`` articles of ``n_sentences`` sentences, in paragraphs of four; each
    article retells about half of a shared pool of facts and adds its own."""
    rng = random.Random(seed)
    shared = [_sentence(rng) for _ in range(n_sentences)]
    texts = []
    for _ in range(n_articles):
        own = [_reword(s, rng) if rng.random() < 0.5 else _sentence(rng) for s in shared]
        paragraphs = [" ".join(own[i : i + 4]) for i in range(0, len(own), 4)]
        texts.append("Harbour news\n\n" + "\n\n".join(paragraphs) + "\n")
    return texts


def run(files: list[str], cpu_limit: float, memory_gb: float) -> dict[str, object]:
    cmd = [sys.executable, "-m", "compare", "compare", *files, "--format", "json"]
    if HAS_LIMITS:
        limits = ("--max-chars", "--max-sentences", "--max-total-chars", "--max-total-sentences")
        cmd += [arg for flag in limits for arg in (flag, "0")]
    cap = int(memory_gb * 2**30)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        # CPU seconds, not wall time: on a shared machine the wall clock says more about the others.
        resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_limit), int(cpu_limit) + 5))

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(CODE)
    with tempfile.TemporaryFile(mode="w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, text=True, env=env, preexec_fn=limit, cwd=CODE
        )
        timer = threading.Timer(WALL_FACTOR * cpu_limit, proc.kill)
        timer.start()
        # wait4 gives this child's own resource use (its peak memory among it).
        _, wait_status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - start
        timed_out = not timer.is_alive()
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        err.seek(0)
        message = err.read().strip()
    if timed_out:
        status = f"stopped after {WALL_FACTOR * cpu_limit:g} s of wall time"
    elif (
        proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL) or usage.ru_utime + usage.ru_stime >= cpu_limit
    ):
        status = f"over {cpu_limit:g} CPU s"
    elif "MemoryError" in message:
        status = f"over {memory_gb:g} GB"
    elif proc.returncode:
        status = f"exit {proc.returncode}: {message[-120:]}"
    else:
        status = "ok"
    return {
        "wall": took,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
        "status": status,
    }


def series(label: str, cases: list[tuple[int, int]], args: argparse.Namespace) -> None:
    print(f"## {label}\n")
    print("| articles | sentences each | characters in all | wall s | CPU s | peak MiB | result |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for n_articles, n_sentences in cases:
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for i, text in enumerate(
                make_event(n_articles, n_sentences, seed=n_articles * 10_000 + n_sentences)
            ):
                path = Path(tmp, f"outlet-{i:03d}.txt")
                path.write_text(text, encoding="utf-8")
                files.append(str(path))
            chars = sum(Path(f).stat().st_size for f in files)
            m = run(files, args.cpu, args.memory_gb)
        print(
            f"| {n_articles} | {n_sentences:,} | {chars:,} | {m['wall']:.1f} | {m['cpu']:.1f} | "
            f"{m['peak_mib']:.0f} | {m['status']} |",
            flush=True,
        )
        if m["status"] != "ok":
            break
    print()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", default="length,count")
    p.add_argument("--cpu", type=float, default=120.0, help="CPU seconds per run")
    p.add_argument("--memory-gb", type=float, default=6.0, help="address-space cap per run")
    p.add_argument("--code", default=str(REPO), help="measure the storydiff in this checkout")
    args = p.parse_args()
    global CODE, HAS_LIMITS
    CODE = Path(args.code).resolve()
    # An older checkout may have no size limits to lift.
    helptext = subprocess.run(
        [sys.executable, "-m", "compare", "compare", "--help"],
        capture_output=True,
        text=True,
        cwd=CODE,
        env={**os.environ, "PYTHONPATH": str(CODE)},
    ).stdout
    HAS_LIMITS = "--max-chars" in helptext
    only = set(args.only.split(","))
    print(f"storydiff from {CODE}")
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}; caps {args.cpu:g} CPU s and {args.memory_gb:g} GB per run\n"
    )
    if "length" in only:
        series("Two articles, growing length", [(2, n) for n in LENGTHS], args)
    if "count" in only:
        series(
            f"Growing number of articles of {SENTENCES_PER_ARTICLE} sentences",
            [(n, SENTENCES_PER_ARTICLE) for n in COUNTS],
            args,
        )


if __name__ == "__main__":
    main()
