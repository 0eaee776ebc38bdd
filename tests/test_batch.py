"""storydiff batch: folders, manifests, flat folders; failures, exit codes, incremental reruns."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.batch import BatchSettings, EventRow, exit_code, run_jobs
from compare.batch.inputs import from_folders
from compare.batch.outputs import Listing, render_index
from compare.cli import main

FERRY = {
    "harbour-gazette.txt": (
        "Ferry fire forces evacuation at Portville\n\n"
        "A fire broke out in the engine room of the ferry Castor on Tuesday morning, "
        "shortly after it left Portville.\n\n"
        "All 212 passengers were taken off by lifeboat, the harbour master said.\n\n"
        "Two crew members were treated for smoke inhalation at Portville General Hospital."
    ),
    "coastal-times.md": (
        "---\noutlet: Coastal Times\npublished: 2026-03-03\n---\n"
        "# Castor ferry evacuated after engine fire\n\n"
        "Fire swept through the engine room of the Castor ferry on Tuesday as it sailed out of Portville.\n\n"
        "About 200 passengers were evacuated by lifeboat, according to the harbour master.\n\n"
        "Three crew members were treated for smoke inhalation."
    ),
    "northern-wire.json": json.dumps(
        {
            "outlet": "Northern Wire",
            "title": "Engine fire on Portville ferry",
            "text": "An engine room fire hit the ferry Castor near Portville on Tuesday. "
            "The harbour master said all 212 passengers left the ferry by lifeboat.",
        }
    ),
}
LIBRARY = {
    "daily-ledger.txt": (
        "Millbrook library flooded\n\n"
        "Heavy rain flooded the basement of the Millbrook public library on Sunday night.\n\n"
        "Volunteers moved 4,000 books to the upper floor, the head librarian said.\n\n"
        "The library will stay closed until the end of the month."
    ),
    "valley-post.txt": (
        "Flood closes Millbrook library\n\n"
        "The Millbrook public library was flooded on Sunday after a night of heavy rain.\n\n"
        "Volunteers carried some 4,000 books upstairs, according to the head librarian.\n\n"
        "It is expected to reopen next month."
    ),
}


def write_event(root: Path, name: str, files: dict[str, str | bytes]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for fname, content in files.items():
        path = folder / fname
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


@pytest.fixture
def events(tmp_path: Path) -> Path:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    write_event(root, "library-flood", {**LIBRARY, "meta.json": json.dumps({"articles": {}})})
    return root


def test_batch_writes_a_report_per_event_an_index_and_summaries(events: Path, tmp_path: Path) -> None:
    before = snapshot(events)
    out = tmp_path / "out"
    result = run(str(events), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    for event in ("ferry-fire", "library-flood"):
        data = json.loads((out / event / "report.json").read_text())
        assert data["schema"] == "storydiff/1"
        assert (out / event / "report.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert [
        a["outlet"] for a in json.loads((out / "ferry-fire" / "report.json").read_text())["articles"]
    ] == [
        "Coastal Times",
        "Harbour Gazette",
        "Northern Wire",
    ]
    rows = list(csv.DictReader((out / "summary.csv").read_text().splitlines()))
    assert [(r["event"], r["status"], r["articles"]) for r in rows] == [
        ("ferry-fire", "compared", "3"),
        ("library-flood", "compared", "2"),
    ]
    assert rows[1]["outlets"] == "Daily Ledger; Valley Post"
    jsonl = [json.loads(line) for line in (out / "summary.jsonl").read_text().splitlines()]
    assert [r["event"] for r in jsonl] == ["ferry-fire", "library-flood"]
    assert all(int(r["claims"]) >= 1 for r in rows)  # the reworded sentences align
    assert jsonl[0]["report_html"] == "ferry-fire/report.html"
    index = (out / "index.html").read_text()
    assert 'href="ferry-fire/report.html"' in index and 'href="library-flood/report.json"' in index
    assert "http://" not in index and "https://" not in index
    assert not list(out.rglob("*.tmp"))
    assert snapshot(events) == before  # inputs never modified
    assert "2 of 2 events compared" in result.stderr


def test_bad_files_drop_the_article_and_empty_events_are_skipped(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(
        root, "library-flood", {**LIBRARY, "scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "notes.md": ""}
    )
    write_event(root, "broken", {"only.txt": b"\x00\x01\x02\x03" * 50, "empty.json": "   "})
    write_event(root, "no-articles", {"meta.json": "{}", "photo.jpg": b"\xff\xd8\xff"})
    before = snapshot(root)
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1, result.output
    err = result.stderr
    assert f"bad file: {root / 'library-flood' / 'scan.txt'}: looks like a binary file, not text" in err
    assert f"bad file: {root / 'library-flood' / 'notes.md'}: is empty" in err
    assert "skipped: broken: no readable articles" in err
    assert "skipped: no-articles: no article files" in err
    data = json.loads((out / "library-flood" / "report.json").read_text())
    assert len(data["articles"]) == 2
    rows = {json.loads(x)["event"]: json.loads(x) for x in (out / "summary.jsonl").read_text().splitlines()}
    assert rows["broken"]["status"] == "skipped" and len(rows["broken"]["bad_files"]) == 2
    assert rows["library-flood"]["status"] == "compared" and len(rows["library-flood"]["bad_files"]) == 2
    index = (out / "index.html").read_text()
    assert "Skipped events" in index and "no readable articles" in index and "scan.txt" in index
    assert "photo.jpg" in index and "not an article file type" in index  # listed, not bad
    assert "meta.json" not in index  # a sidecar is passed over in silence
    assert not (out / "broken").exists()
    assert snapshot(root) == before


def test_no_event_compared_exits_2(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(root, "broken", {"a.txt": "", "b.html": b"\x00\x00"})
    result = run(str(root), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 2
    assert "skipped: broken: no readable articles" in result.stderr


def test_flat_folder_without_group_auto_says_how(tmp_path: Path) -> None:
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "a.txt").write_text(LIBRARY["daily-ledger.txt"])
    result = run(str(flat), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"Error: {flat}: no events found (for a flat folder of articles, use --group auto)"
    )


def test_single_article_event_is_compared(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(root, "solo", {"daily-ledger.txt": LIBRARY["daily-ledger.txt"]})
    result = run(str(root), "-o", str(tmp_path / "out"), "-j", "1", "--formats", "json")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "solo" / "report.json").read_text())["claims"] == []


def test_rerun_skips_unchanged_events_and_force_recomputes(events: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(str(events), "-o", str(out), "-j", "1", "--formats", "json").exit_code == 0
    report = out / "library-flood" / "report.json"
    first = report.stat().st_mtime_ns
    again = run(str(events), "-o", str(out), "-j", "1", "--formats", "json")
    assert again.exit_code == 0
    assert "2 unchanged since the last run" in again.stderr
    assert report.stat().st_mtime_ns == first
    summary = (out / "summary.csv").read_text()
    # A changed input recomputes that event only.
    (events / "ferry-fire" / "harbour-gazette.txt").write_text(
        FERRY["harbour-gazette.txt"] + "\n\nA late paragraph.\n"
    )
    changed = run(str(events), "-o", str(out), "-j", "1", "--formats", "json")
    assert "1 unchanged since the last run" in changed.stderr
    assert report.stat().st_mtime_ns == first
    assert (out / "summary.csv").read_text() != summary
    forced = run(str(events), "-o", str(out), "-j", "1", "--formats", "json", "--force")
    assert forced.exit_code == 0 and "unchanged since" not in forced.stderr
    assert report.stat().st_mtime_ns != first
    # Other options are other outputs: no reuse across them.
    other = run(str(events), "-o", str(out), "-j", "1", "--formats", "json", "--min-score", "0.9")
    assert "unchanged since" not in other.stderr


def test_interrupted_run_resumes_with_what_is_missing(events: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = from_folders(events).jobs
    settings = BatchSettings(formats=("json",), jobs=1)

    def stop(row: EventRow, reused: bool) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_jobs(jobs, out, settings, on_event=stop)
    assert (out / "ferry-fire" / "report.json").is_file() and not (out / "library-flood").exists()
    outcome = run_jobs(jobs, out, settings)
    assert (outcome.computed, outcome.reused) == (1, 1)
    assert [r.event for r in outcome.rows] == ["ferry-fire", "library-flood"]
    assert not list(out.rglob("*.tmp"))


def test_deleted_report_is_rewritten(events: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    settings = BatchSettings(formats=("json",), jobs=1)
    jobs = from_folders(events).jobs
    run_jobs(jobs, out, settings)
    (out / "ferry-fire" / "report.json").unlink()
    outcome = run_jobs(jobs, out, settings)
    assert (outcome.computed, outcome.reused) == (1, 1)
    assert (out / "ferry-fire" / "report.json").is_file()


def test_worker_processes_give_the_same_summary(events: Path, tmp_path: Path) -> None:
    one = run(str(events), "-o", str(tmp_path / "one"), "-j", "1", "--formats", "json")
    two = run(str(events), "-o", str(tmp_path / "two"), "-j", "2", "--formats", "json")
    assert one.exit_code == two.exit_code == 0, two.output
    assert (tmp_path / "one" / "summary.csv").read_text() == (tmp_path / "two" / "summary.csv").read_text()


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_manifest_names_events_paths_and_outlets(tmp_path: Path, kind: str) -> None:
    files = tmp_path / "articles"
    files.mkdir()
    (files / "one.txt").write_text(LIBRARY["daily-ledger.txt"])
    (files / "two.txt").write_text(LIBRARY["valley-post.txt"])
    (files / "three.txt").write_text(FERRY["harbour-gazette.txt"])
    rows = [
        {"event": "Library flood", "path": "articles/one.txt", "outlet": "Daily Ledger"},
        {"event": "Library flood", "path": "articles/two.txt", "outlet": "Valley Post"},
        {"event": "Ferry fire", "path": "articles/three.txt", "outlet": "Harbour Gazette"},
        {"event": "Ferry fire", "path": "articles/missing.txt", "outlet": "Nobody"},
    ]
    manifest = tmp_path / f"manifest.{kind}"
    if kind == "csv":
        manifest.write_text(
            "event,path,outlet\n" + "".join(f"{r['event']},{r['path']},{r['outlet']}\n" for r in rows)
        )
    else:
        manifest.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    result = run("--manifest", str(manifest), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1, result.output  # the missing file is a bad file
    assert f"bad file: {files / 'missing.txt'}: no such file" in result.stderr
    data = json.loads((out / "Library-flood" / "report.json").read_text())
    assert [a["outlet"] for a in data["articles"]] == ["Daily Ledger", "Valley Post"]
    ferry = json.loads((out / "Ferry-fire" / "report.json").read_text())
    assert [a["outlet"] for a in ferry["articles"]] == ["Harbour Gazette"]


def test_manifest_without_header_is_a_usage_error(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("flood,a.txt\n")
    result = run("--manifest", str(manifest), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {manifest}: the manifest needs a header row")


def test_group_auto_finds_events_copies_and_strays(tmp_path: Path) -> None:
    flat = tmp_path / "flat"
    flat.mkdir()
    for name, text in {**FERRY, **LIBRARY}.items():
        (flat / name).write_text(text)
    (flat / "ledger-copy.txt").write_text(LIBRARY["daily-ledger.txt"])
    (flat / "recipe.txt").write_text(
        "Plum cake\n\nCream the butter with the sugar, fold in the flour "
        "and bake the plums on top for forty minutes."
    )
    before = snapshot(flat)
    out = tmp_path / "out"
    result = run(str(flat), "--group", "auto", "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 0, result.output
    groups = json.loads((out / "groups.json").read_text())
    found = sorted(sorted(Path(p).name for p in e["articles"]) for e in groups["events"])
    assert found == [
        ["coastal-times.md", "harbour-gazette.txt", "northern-wire.json"],
        ["daily-ledger.txt", "valley-post.txt"],
    ]
    assert [(Path(d["path"]).name, Path(d["same_as"]).name) for d in groups["duplicates"]] == [
        ("ledger-copy.txt", "daily-ledger.txt"),
    ]
    assert [Path(p).name for p in groups["ungrouped"]] == ["recipe.txt"]
    index = (out / "index.html").read_text()
    assert "Articles that fit no event" in index and "recipe.txt" in index and "Copies counted once" in index
    assert "1 articles fit no event" in result.stderr
    assert snapshot(flat) == before


def test_index_escapes_what_the_inputs_say(tmp_path: Path) -> None:
    root = tmp_path / "events"
    hostile = (
        "---\noutlet: <script>alert(1)</script>\n---\nThe council met on Monday and approved the budget."
    )
    write_event(root, "<b>event", {"x.md": hostile, "y.txt": "The council approved the budget on Monday."})
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text()
    assert "<script>alert(1)" not in index and "&lt;script&gt;alert(1)" in index
    assert "<b>event" not in index and "&lt;b&gt;event" in index
    assert (out / "b-event" / "report.json").is_file()


def test_output_inside_input_is_refused(events: Path) -> None:
    result = run(str(events), "-o", str(events / "out"))
    assert result.exit_code == 1
    assert "must lie outside the input folder" in result.stderr


def test_source_or_manifest_is_needed(tmp_path: Path) -> None:
    result = run("-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: give a folder of events (SOURCE) or --manifest FILE"


def test_exit_code_rules() -> None:
    ok = EventRow(event="a", label="a", status="compared")
    bad = EventRow(event="b", label="b", status="compared", bad_files=(("x.txt", "is empty"),))
    skipped = EventRow(event="c", label="c", status="skipped", reason="no readable articles")
    assert exit_code([ok]) == 0
    assert exit_code([ok, bad]) == 1
    assert exit_code([ok, skipped]) == 1
    assert exit_code([ok], problems=1) == 1
    assert exit_code([skipped]) == 2
    assert exit_code([]) == 2


def test_index_renders_without_events() -> None:
    page = render_index([], Listing(ungrouped=("a.txt",)), title="t", source="s")
    assert "0 of 0 events" in page.replace("<strong>", "").replace("</strong>", "")


def test_an_event_that_breaks_loses_its_old_report(tmp_path: Path) -> None:
    root = tmp_path / "events"
    folder = write_event(root, "library-flood", LIBRARY)
    write_event(root, "ferry-fire", FERRY)
    out = tmp_path / "out"
    assert run(str(root), "-o", str(out), "-j", "1", "--formats", "json").exit_code == 0
    for f in folder.iterdir():
        f.write_bytes(b"")
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1
    assert not (out / "library-flood" / "report.json").exists()
    assert "skipped: library-flood: no readable articles" in result.stderr


def test_manifest_csv_fields_may_be_quoted(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(LIBRARY["daily-ledger.txt"])
    manifest = tmp_path / "m.csv"
    manifest.write_text('event,path,title\n"Flood, Millbrook",one.txt,"Water in the stacks,\nagain"\n')
    out = tmp_path / "out"
    result = run("--manifest", str(manifest), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 0, result.output
    (article,) = json.loads((out / "Flood-Millbrook" / "report.json").read_text())["articles"]
    assert article["title"] == "Water in the stacks,\nagain"


def test_summary_csv_neutralises_formulas() -> None:
    from compare.batch.outputs import csv_cell, render_summary_csv

    assert [csv_cell(v) for v in ("=1+1", "+x", "-x", "@SUM(A1)", "\tx", "\rx", "plain", -0.5, 3)] == [
        "'=1+1",
        "'+x",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "plain",
        -0.5,
        3,
    ]
    row = EventRow(
        event="e",
        label='=HYPERLINK("http://x","y")',
        status="compared",
        outlets=("@evil", "Good"),
        headline="-2+3",
    )
    (rec,) = list(csv.DictReader(render_summary_csv([row]).splitlines()))
    assert rec["label"] == '\'=HYPERLINK("http://x","y")'
    assert rec["outlets"] == "'@evil; Good" and rec["headline"] == "'-2+3"
    assert rec["relayed_share"] == "0.0"


def test_index_has_a_hash_csp_and_isolates_names() -> None:
    row = EventRow(
        event="e",
        label="Event \u202eeman",
        status="compared",
        articles=2,
        outlets=("\u202eEvil", "Good"),
        headline="Storm closes the coastal road",
        first_published="2025-03-01",
        last_published="2025-03-03",
    )
    page = render_index([row], Listing(), title="t", source="s")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "unsafe-inline" not in csp and "style=" not in page
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"sha256-{digest}" in csp
    assert "<bdi>\u202eEvil</bdi>" in page and "<bdi>Event \u202eeman</bdi>" in page
    assert "Storm closes the coastal road" in page and "2025-03-01</bdi> to <bdi>2025-03-03" in page


def test_summaries_written_piece_by_piece_equal_the_rendered_text(tmp_path: Path) -> None:
    """write_summaries encodes the files a piece at a time (memory); the bytes are the texts'."""
    from compare.batch.journal import STATE_DIR, Journal
    from compare.batch.outputs import render_summary_csv, render_summary_jsonl, utf8, write_summaries

    rows = [
        EventRow(
            event=f"e{i}",
            label=f"é{i}",
            status="compared",
            headline="Überschrift “quoted” 東京",
            outlets=("A", "=B"),
            reports=(("html", f"e{i}/report.html"),),
        )
        for i in range(3)
    ] + [
        EventRow(event="z", label="z", status="skipped", reason="no article files", bad_files=(("p", "bad"),))
    ]
    listing = Listing(ungrouped=("x.txt",))
    write_summaries(tmp_path, rows, listing, title="t ü", source="s")
    assert (tmp_path / "summary.csv").read_bytes() == render_summary_csv(rows).encode("utf-8")
    assert (tmp_path / "summary.jsonl").read_bytes() == render_summary_jsonl(rows).encode("utf-8")
    index = render_index(rows, listing, title="t ü", source="s")
    assert (tmp_path / "index.html").read_bytes() == index.encode("utf-8")
    assert "Überschrift" in index and utf8(["a", "é", "東"]) == "aé東".encode()
    # The journal keeps this run's rows as rows, and writes them as the dicts it used to keep.
    journal = Journal.open(tmp_path)
    for r in rows:
        journal.record(r, "h" + r.event)
    journal.close()
    appended = (tmp_path / STATE_DIR / "state.jsonl").read_text(encoding="utf-8")
    assert journal.lookup("e1", "he1") is rows[1] and journal.lookup("e1", "other") is None
    journal.compact(tmp_path, rows)
    assert (tmp_path / STATE_DIR / "state.jsonl").read_text(encoding="utf-8") == appended
    assert Journal.open(tmp_path).lookup("e2", "he2") == rows[2]
