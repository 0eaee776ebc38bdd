"""Scan the details stage over every corpus event and flag extracted values that look like junk.

Usage (from the repo root):
    .venv/bin/python bench/details_scan.py                 # counts and flags per detail type
    .venv/bin/python bench/details_scan.py --top 30        # more values per list
    .venv/bin/python bench/details_scan.py --sample 40     # a random sample of names and of
                                                           # numbers/dates, to read and judge
    .venv/bin/python bench/details_scan.py --json          # the counts only, as JSON

The articles are segmented as the product does (``compare.segment.segment`` with default options;
the segmentation is cached under /tmp/names11-scan-*.pkl, the details are always recomputed) and
every sentence goes through ``compare.details.extract_details``. Only short extracted values,
their neighbouring words and counts are printed; nothing is written into the repository.

The flags are heuristics for reading, not a score: each names a way an extractor goes wrong (a
name that ends with a title, a number that is part of a date, a duration read as a date). A
flagged value may be right; the counts before and after a change say whether a general cause
was fixed, and the samples (``--sample``) are what a reader judges.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from compare.details import extract_details  # noqa: E402
from compare.lexicon import MONTHS, ORGANISATION_WORDS, PLACE_NAMES, TITLE_WORDS, WEEKDAYS  # noqa: E402
from compare.load import load_file  # noqa: E402
from compare.segment import segment  # noqa: E402

EVENTS = ROOT.parent / "shared" / "corpus" / "events"
CACHE = Path("/tmp/names11-scan-segments.pkl")

FUNCTION_WORDS = frozenset(
    "the a an and but or nor if in on at for from to with as by of it its he she they we i you his "
    "her their our my your this that these those when while after before since also even only just "
    "not no all some many most much more other each every both such there here what who how where "
    "which then so yet still now".split()
)
ORG_TAILS = frozenset("inc inc. corp corp. co co. ltd ltd. llc".split())
LABEL_WORDS = frozenset(
    "update updated breaking exclusive watch video photos photo read more related advertisement "
    "editor note correction live analysis opinion".split()
)
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|ic|i)s?$")
MONTH_WORDS = frozenset(MONTHS)
ADDRESS_AFTER = frozenset(
    "street st st. avenue ave ave. road rd rd. boulevard blvd blvd. block lane drive way place".split()
)
TIME_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|ET|EST|EDT|PST|PDT|BST)\b|^:\d")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$|^(?:first|second|third|fourth|fifth|sixth|tenth)$", re.I)


def _segments() -> dict[str, list]:
    """Every event's segmented documents, cached (the segmenter is the slow part)."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    out: dict[str, list] = {}
    for folder in sorted(p for p in EVENTS.iterdir() if p.is_dir()):
        docs = []
        for path in sorted(folder.glob("*.txt")):
            for article in load_file(str(path)):
                docs.append(segment(article))
        out[folder.name] = docs
    CACHE.write_bytes(pickle.dumps(out))
    return out


def _words_around(text: str, start: int, end: int) -> tuple[str, str]:
    before = re.findall(r"[\w.'’-]+|[^\w\s]", text[max(0, start - 40) : start])
    after = re.findall(r"[\w.'’-]+|[^\w\s]", text[end : end + 40])
    return (before[-1] if before else ""), (after[0] if after else "")


def collect() -> list[dict]:
    """One record per extracted detail: kind, label, text, key and the words either side."""
    records = []
    for event, docs in _segments().items():
        for doc in docs:
            text = doc.article.text
            for s in doc.sentences:
                for d in extract_details(text, s, doc.quotations):
                    if d.kind == "quote":
                        continue
                    prev, nxt = _words_around(text, d.start, d.end)
                    records.append(
                        {
                            "event": event,
                            "kind": d.kind,
                            "label": d.label,
                            "text": d.text,
                            "key": d.key,
                            "prev": prev,
                            "next": nxt,
                            "initial": not text[s.start : d.start].strip(' "“‘(—-'),
                            "gap_next": text[d.end : d.end + 1],
                            "gap_prev": text[d.start - 1 : d.start] if d.start else "",
                        }
                    )
    return records


def _cap(word: str) -> bool:
    return word[:1].isupper()


def name_flags(r: dict) -> list[str]:
    words = r["text"].replace("’s", "").replace("'s", "").split()
    low = [w.lower().strip(".,") for w in words]
    flags = []
    if low[-1] in TITLE_WORDS or low[-1] in FUNCTION_WORDS:
        flags.append("ends with a title or function word")
    if low[0] in FUNCTION_WORDS:
        flags.append("starts with a function word")
    if (
        len(words) >= 2
        and low[0] in TITLE_WORDS
        and all(w in TITLE_WORDS for w in low[:-1])
        and (r["gap_next"] == " " and _cap(r["next"]))
    ):
        flags.append("title + first name, surname left out")
    if len(words) == 1 and r["initial"] and r["label"] != "place":
        flags.append("one capitalised word opening the sentence")
    nxt = r["next"].lower().strip(".")
    if r["gap_next"] == " " and _cap(r["next"]) and nxt not in FUNCTION_WORDS and nxt not in TITLE_WORDS:
        flags.append("fragment: a capitalised word follows")  # not "FBI | Director James Comey"
    if (
        r["gap_prev"] == " "
        and _cap(r["prev"])
        and not r["prev"].endswith((".", ":"))
        and r["prev"].lower() not in FUNCTION_WORDS
        and low[0] not in TITLE_WORDS
    ):
        flags.append("fragment: a capitalised word precedes")
    if " and " in r["text"] and not any(w in ORGANISATION_WORDS for w in low):
        flags.append("two names joined by 'and'")
    if r["label"] == "person" and (r["key"] in TITLE_WORDS or r["key"] in FUNCTION_WORDS or r["key"] == "i"):
        flags.append("a person keyed by a title or function word")
    if r["text"].isupper() and (low[0] in LABEL_WORDS or len(r["text"]) >= 6):
        flags.append("all-caps label")
    if any(w in ORG_TAILS for w in low) and len(words) == 1:
        flags.append("company suffix alone")
    key = " ".join(low)
    if r["label"] != "place" and (key in PLACE_NAMES or low[-1] in PLACE_NAMES):
        flags.append("a place not labelled place")
    if any(w in MONTH_WORDS or w in WEEKDAYS for w in low):
        flags.append("holds a month or weekday")
    if len(words) == 1 and DEMONYM.match(words[0]) and r["label"] is None:
        flags.append("nationality adjective")
    if r["label"] is None:
        flags.append("no label")
    return flags


def number_flags(r: dict) -> list[str]:
    t, prev, nxt = r["text"], r["prev"].lower(), r["next"]
    flags = []
    if prev.rstrip(".") in MONTH_WORDS or nxt.lower().rstrip(".,") in MONTH_WORDS or r["gap_next"] == "/":
        flags.append("part of a date")
    if TIME_AFTER.match(r["text_after"]) or r["gap_next"] == ":":
        flags.append("a clock time")
    if prev == "," and nxt == "," and re.fullmatch(r"\d{1,3}", t):
        flags.append("an age after a name (', 45,')")
    if nxt.lower() in ADDRESS_AFTER or prev in ("no.", "number", "route", "interstate", "highway"):
        flags.append("an address, route or number label")
    if ORDINAL.match(t):
        flags.append("an ordinal")
    if re.fullmatch(r"(?:1[89]|20)\d\d", t):
        flags.append("looks like a year")
    if re.search(r"\d-\d{3,}|\(\d{3}\)", t) or re.fullmatch(r"\d{5}", t):
        flags.append("a phone number, zip or code")
    if _cap(r["prev"]) and r["gap_prev"] == " " and r["prev"].lower() not in FUNCTION_WORDS:
        flags.append("follows a capitalised word (part of a name?)")
    if t.lower() == "one" and nxt.lower() in ("of", "another", "who", "that"):
        flags.append("'one' as a pronoun")
    return flags


def date_flags(r: dict) -> list[str]:
    t, key = r["text"], r["key"]
    flags = []
    if re.match(r"(?i)(?:for|within|over|in)\s+(?:the\s+(?:next|past|last)\s+)?\S+\s+\w+s?$", t) and (
        r["label"] == "relative"
    ):
        flags.append("a duration or span")
    if t == "May" and nxt_is_verb(r["next"]):
        flags.append("'May' as a verb")
    if r["label"] == "year" and re.match(r"[a-z]", r["next"]):
        flags.append("a year before a lower-case word")
    if key.startswith("month:") and t in ("March", "May", "June") and not r["prev"]:
        flags.append("a month word opening a sentence")
    return flags


def nxt_is_verb(word: str) -> bool:
    return bool(re.fullmatch(r"[a-z]+", word))


def scan(records: list[dict]) -> dict:
    out: dict = {}
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_kind[r["kind"]].append(r)
    finders = {"name": name_flags, "number": number_flags, "date": date_flags}
    for kind, rows in sorted(by_kind.items()):
        labels = Counter(r["label"] for r in rows)
        values = Counter(r["text"] for r in rows)
        flags: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            for f in finders.get(kind, lambda _r: [])(r):
                flags[f][r["text"]] += 1
        out[kind] = {"count": len(rows), "labels": labels, "values": values, "flags": flags}
    return out


def short(v: str) -> str:
    return v if len(v) <= 40 else v[:37] + "..."


def report(result: dict, top: int) -> None:
    for kind, info in result.items():
        print(f"== {kind}: {info['count']} extracted; labels {dict(info['labels'].most_common())}")
        common = ", ".join(f"{short(v)} ({n})" for v, n in info["values"].most_common(top))
        print(f"   most frequent: {common}")
        for flag, values in sorted(info["flags"].items(), key=lambda x: -sum(x[1].values())):
            listed = ", ".join(f"{short(v)} ({n})" for v, n in values.most_common(top))
            print(f"   [{sum(values.values()):5d} / {len(values):4d} distinct] {flag}: {listed}")


READING_ONLY = {"no label", "one capitalised word opening the sentence", "holds a month or weekday"}


def compared(r: dict) -> bool:
    """Whether the differences use the value: people and organisations among names (places and
    unlabelled names are never compared as names), counts among numbers (ordinals, ages and
    durations carry their own label), every date."""
    if r["kind"] == "name":
        return r["label"] in ("person", "organization")
    if r["kind"] == "number":
        return r["label"] not in ("ordinal", "age")
    return r["kind"] == "date"


def junk_counts(records: list[dict]) -> dict[str, int]:
    """Flag totals over the values the differences use (the reading-only lists left out), and
    the number of those values with any flag."""
    finders = {"name": name_flags, "number": number_flags, "date": date_flags}
    out: Counter[str] = Counter()
    for r in records:
        if not compared(r):
            continue
        flags = [f for f in finders.get(r["kind"], lambda _r: [])(r) if f not in READING_ONLY]
        out[f"{r['kind']}s used"] += 1
        for f in flags:
            out[f"{r['kind']}: {f}"] += 1
        out[f"{r['kind']}s used with a flag"] += bool(flags)
    return dict(sorted(out.items()))


def sample(records: list[dict], n: int, seed: int) -> None:
    rng = random.Random(seed)
    names = [r for r in records if r["kind"] == "name"]
    figures = [r for r in records if r["kind"] in ("number", "date")]
    for title, rows in (("names", names), ("numbers and dates", figures)):
        print(f"== a random sample of {n} {title} (seed {seed}): value [label] | word before ... after")
        for r in rng.sample(rows, min(n, len(rows))):
            print(f"   {short(r['text'])!r:44} [{r['label']}] | {r['prev'][:15]} ... {r['next'][:15]}")


def show(records: list[dict], flag: str, top: int) -> None:
    """The word before and after each value flagged with ``flag`` (most frequent contexts first)."""
    finders = {"name": name_flags, "number": number_flags, "date": date_flags}
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for r in records:
        if any(flag in f for f in finders.get(r["kind"], lambda _r: [])(r)):
            seen[(r["prev"][:15], r["text"][:40], r["next"][:15], str(r["label"]))] += 1
    for (prev, text, nxt, label), n in seen.most_common(top):
        print(f"   {n:4d}  {prev:>15} [{text}] {nxt:15} {label}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=15, help="values shown per list")
    ap.add_argument("--sample", type=int, default=0, help="print a random sample of names and figures")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", action="store_true", help="the junk counts only, as JSON")
    ap.add_argument("--show", help="print the neighbouring words of values whose flag holds this text")
    args = ap.parse_args()
    if not EVENTS.is_dir():
        sys.exit(f"no corpus events at {EVENTS}")
    records = collect()
    for r in records:  # the characters after the value, for clock times ("5 p.m.")
        r["text_after"] = r["gap_next"] + r["next"]
    result = scan(records)
    if args.json:
        print(json.dumps(junk_counts(records), indent=1, sort_keys=True))
        return
    if args.sample:
        sample(records, args.sample, args.seed)
        return
    if args.show:
        show(records, args.show, args.top)
        return
    report(result, args.top)
    print("== likely junk among the values the differences use (flag totals):")
    for flag, n in junk_counts(records).items():
        print(f"   {n:5d}  {flag}")


if __name__ == "__main__":
    main()
