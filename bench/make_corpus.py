"""Generate a large batch corpus by resampling the real events (never checked in).

Each generated event takes one real event of ../shared/corpus/events (drawn with replacement) and
resamples every article's paragraphs: each body paragraph is kept with probability KEEP, in order,
and the title stays. Sizes and outlet counts follow the real distribution, while the contents
differ enough that no two generated events hash alike.

    python bench/make_corpus.py --events 10000 --out /tmp/storydiff-10k
    python bench/make_corpus.py --flat 100000 --out /tmp/storydiff-flat-100k   # for --group auto

The flat form writes N articles into one folder (Markdown with a ``published`` date): each
generated event gets a day of one year (``DAYS``) and its articles that day or the next, as a
year of a news crawl would spread them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVENTS = REPO.parent / "shared" / "corpus" / "events"

# Share of body paragraphs each generated article keeps: high enough that articles stay
# comparable (most claims survive), low enough that 10,000 resamples of 110 events all differ.
KEEP = 0.85

# Days the flat corpus's events are spread over (one year of a crawl).
DAYS = 365


def read_events(root: Path = EVENTS) -> list[list[tuple[str, str, list[str]]]]:
    """Each real event as [(file name, title line, body paragraphs)]."""
    events = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        articles = []
        for f in sorted(folder.glob("*.txt")):
            text = f.read_text(encoding="utf-8")
            head, _, body = text.partition("\n\n")
            paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
            articles.append((f.name, head, paragraphs))
        if articles:
            events.append(articles)
    return events


def generate(out: Path, n: int, seed: int = 7, root: Path = EVENTS) -> tuple[int, int]:
    """Write ``n`` events under ``out``; returns (events, articles) written."""
    rng = random.Random(seed)
    real = read_events(root)
    width = len(str(n - 1))
    articles = 0
    for i in range(n):
        base = rng.choice(real)
        folder = out / f"event-{i:0{width}d}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, title, paragraphs in base:
            kept = [p for p in paragraphs if rng.random() < KEEP] or paragraphs[:1]
            (folder / name).write_text(title + "\n\n" + "\n\n".join(kept) + "\n", encoding="utf-8")
            articles += 1
    return n, articles


def flat_articles(n: int, seed: int = 7, root: Path = EVENTS, days: int = DAYS) -> list[tuple[str, str, str]]:
    """``n`` articles as (file name, published date, Markdown text), events resampled as above."""
    import datetime

    rng = random.Random(seed)
    real = read_events(root)
    start = datetime.date(2025, 1, 1)
    out: list[tuple[str, str, str]] = []
    event = 0
    while len(out) < n:
        base = rng.choice(real)
        day = start + datetime.timedelta(days=rng.randrange(days))
        for name, title, paragraphs in base:
            if len(out) >= n:
                break
            kept = [p for p in paragraphs if rng.random() < KEEP] or paragraphs[:1]
            published = (day + datetime.timedelta(days=rng.randrange(2))).isoformat()
            body = "\n\n".join(kept)
            text = f"---\ntitle: {json.dumps(title)}\npublished: {published}\n---\n{body}\n"
            out.append((f"e{event:06d}-{Path(name).stem}.md", published, text))
        event += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=None, help="target folder (default: a new temp folder)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--flat", type=int, default=None, metavar="N", help="write N dated articles in one folder"
    )
    args = ap.parse_args(argv)
    if not EVENTS.is_dir():
        print(f"no corpus at {EVENTS}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="storydiff-corpus-"))
    if REPO in out.resolve().parents or out.resolve() == REPO:
        print("refusing to write a generated corpus inside the repository", file=sys.stderr)
        return 2
    if args.flat:
        out.mkdir(parents=True, exist_ok=True)
        for name, _, text in flat_articles(args.flat, args.seed):
            (out / name).write_text(text, encoding="utf-8")
        print(f"{args.flat} articles in {out}")
        return 0
    n, articles = generate(out, args.events, args.seed)
    print(f"{n} events, {articles} articles in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
