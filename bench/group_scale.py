"""How `--group auto` scales: time and peak memory of grouping N generated, dated articles.

    python bench/group_scale.py                      # 1,000, 10,000 and 100,000 articles
    python bench/group_scale.py --sizes 10000

Each size runs in a fresh process: the articles are generated in memory (bench/make_corpus.py's
flat form: events resampled from the real ones, spread over a year), then ``group_articles``
runs on them. Peak memory is the process's maximum RSS (getrusage), with the articles alone
measured before grouping. Figures go to stdout as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [sys.argv[2], sys.argv[2] + "/bench"]
from make_corpus import flat_articles
from compare.batch.grouping import group_articles
from compare.load.formats import parse_markdown

n, days = int(sys.argv[1]), int(sys.argv[3])
arts = []
for name, published, text in flat_articles(n, days=days):
    arts.append(parse_markdown(text, name))
mem_articles = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
g = group_articles(arts)
secs, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({
    "articles": len(arts), "events": len(g.events), "copies": len(g.duplicates),
    "ungrouped": len(g.ungrouped), "seconds": secs, "cpu": cpu,
    "rss_articles": mem_articles / 1024,
    "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument(
        "--days",
        type=int,
        default=None,
        help="days the events are spread over (default 365); more days, fewer articles per week",
    )
    args = ap.parse_args(argv)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}, {stamp}\n"
    )
    print(
        "| articles | events found | copies | ungrouped | grouping s | CPU s | articles per CPU s "
        "| peak RSS MiB | of which articles |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in (int(x) for x in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(n), str(REPO), str(args.days or 365)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            print(f"| {n:,} | failed: {done.stderr.strip().splitlines()[-1]} |||||||")
            continue
        m = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"| {m['articles']:,} | {m['events']:,} | {m['copies']:,} | {m['ungrouped']:,} "
            f"| {m['seconds']:.1f} | {m['cpu']:.1f} "
            f"| {m['articles'] / m['cpu']:,.0f} | {m['rss_peak']:,.0f} | {m['rss_articles']:,.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
