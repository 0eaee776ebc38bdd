"""Metadata sidecars: a meta.json beside plain files gives the outlet, title, date and URL that the
files do not give themselves; a broken one is ignored with one warning line, never an error."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.load import load_articles, load_file
from compare.load import sidecar as sidecar_module
from compare.load.sidecar import fields_for, parse_sidecar

# An invented event: two outlets date one resignation a week apart in words, a week apart in
# publication, so once both days are known the two relative dates name the same week.
GAZETTE = (
    "Portville mayor steps down\n\n"
    "Portville mayor Edna Marsh resigned last week after a dispute over the harbour budget.\n\n"
    "The city council will choose an interim mayor on Friday, the council clerk said.\n\n"
    "Marsh had led the city for six years.\n"
)
TIMES = (
    "Marsh quits as Portville mayor\n\n"
    "Portville mayor Edna Marsh resigned two weeks ago after a dispute over the harbour budget.\n\n"
    "The council will pick an interim mayor on Friday, according to the council clerk.\n\n"
    "She had been mayor for six years.\n"
)
CORPUS_FORM = {
    "event": "portville-mayor",
    "articles": {
        "harbour-gazette": {
            "outlet": "Harbour Gazette",
            "title": "Portville mayor steps down",
            "date": "2026-03-10",
            "url": "https://harbour.example/mayor",
            "file": "harbour-gazette.txt",
            "sentences": [[28, 114]],
        },
        "coastal-times": {
            "outlet": "The Coastal Times",
            "date": "2026-03-17",
            "url": "https://coastal.example/marsh",
            "file": "coastal-times.txt",
        },
    },
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def event(tmp_path: Path) -> Path:
    return write(
        tmp_path / "events" / "mayor",
        {"harbour-gazette.txt": GAZETTE, "coastal-times.txt": TIMES, "meta.json": json.dumps(CORPUS_FORM)},
    )


def by_id(folder: Path, *names: str):
    return {a.id: a for a in load_articles([str(folder / n) for n in names])}


# --- the loader ---------------------------------------------------------------------------------


def test_corpus_form_fills_date_url_and_outlet_of_plain_text(event: Path, capsys) -> None:
    arts = by_id(event, "harbour-gazette.txt", "coastal-times.txt")
    gazette, times = arts["harbour-gazette"], arts["coastal-times"]
    assert (gazette.published, gazette.url) == ("2026-03-10", "https://harbour.example/mayor")
    assert (times.published, times.outlet) == ("2026-03-17", "The Coastal Times")
    # The file's own title line wins; the id stays the file's.
    assert times.title == "Marsh quits as Portville mayor" and times.id == "coastal-times"
    assert capsys.readouterr().err == ""


def test_list_form_and_stem_keys(tmp_path: Path) -> None:
    listed = {
        "articles": [{"file": "a.txt", "date": "2026-01-02"}, {"file": "./b.txt", "url": "https://b.example"}]
    }
    folder = write(tmp_path / "l", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": json.dumps(listed)})
    assert fields_for(str(folder / "a.txt")) == {"published": "2026-01-02"}
    assert fields_for(str(folder / "b.txt")) == {"url": "https://b.example"}
    keyed = {"articles": {"a": {"date": "2026-01-05T10:00:00Z"}}}  # no "file": the key is the stem
    folder = write(tmp_path / "k", {"a.txt": GAZETTE, "meta.json": json.dumps(keyed)})
    assert load_file(str(folder / "a.txt"))[0].published == "2026-01-05T10:00:00Z"


def test_simple_form_keyed_by_file_name(tmp_path: Path) -> None:
    meta = {"a.txt": {"outlet": "Alpha News", "published": "2026-02-01"}, "notes": "kept by hand"}
    folder = write(tmp_path / "s", {"a.txt": GAZETTE, "meta.json": json.dumps(meta)})
    (art,) = load_file(str(folder / "a.txt"))
    assert (art.outlet, art.published, art.url) == ("Alpha News", "2026-02-01", None)


def test_what_the_file_gives_wins_over_the_sidecar(tmp_path: Path) -> None:
    md = "---\noutlet: Front Matter Post\npublished: 2026-04-01\n---\n# A heading\n\n" + GAZETTE
    record = {"outlet": "Json Daily", "title": "Json title", "url": "https://json.example", "text": TIMES}
    meta = {
        "m.md": {
            "outlet": "Side",
            "title": "Side title",
            "date": "2020-01-01",
            "url": "https://side.example",
        },
        "j.json": {
            "outlet": "Side",
            "title": "Side title",
            "date": "2020-01-01",
            "url": "https://side.example",
        },
    }
    folder = write(tmp_path / "p", {"m.md": md, "j.json": json.dumps(record), "meta.json": json.dumps(meta)})
    (m,) = load_file(str(folder / "m.md"))
    assert (m.outlet, m.title, m.published, m.url) == (
        "Front Matter Post",
        "A heading",
        "2026-04-01",
        "https://side.example",
    )
    (j,) = load_file(str(folder / "j.json"))
    assert (j.outlet, j.title, j.published, j.url) == (
        "Json Daily",
        "Json title",
        "2020-01-01",
        "https://json.example",
    )


def test_a_saved_page_gives_its_own_metadata_first(tmp_path: Path) -> None:
    from tests.test_load import DATE, PAGE, SITE

    meta = {
        name: {"outlet": "Side", "title": "Side title", "date": "2020-01-01", "url": "https://side.example"}
        for name in ("dated.html", "bare.html")
    }
    folder = write(
        tmp_path / "h",
        {
            "dated.html": PAGE.format(site=SITE, date=DATE),
            "bare.html": PAGE.format(site="", date=""),
            "meta.json": json.dumps(meta),
        },
    )
    (dated,) = load_file(str(folder / "dated.html"))
    assert (dated.outlet, dated.published) == ("The Valley Courier", "2024-03-14")
    assert dated.url == "https://valleycourier.example/news/tram-depot-fire"
    (bare,) = load_file(str(folder / "bare.html"))
    assert (bare.outlet, bare.published, bare.title) == (
        "Side",
        "2020-01-01",
        "Tram depot fire halts services",
    )


def test_several_articles_in_one_file_take_nothing(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"text": t}) for t in (GAZETTE, TIMES))
    meta = {"many.jsonl": {"outlet": "Side", "date": "2020-01-01"}}
    folder = write(tmp_path / "j", {"many.jsonl": lines, "meta.json": json.dumps(meta)})
    assert all(a.published is None for a in load_file(str(folder / "many.jsonl")))


def test_a_title_that_is_a_dateline_is_no_headline(tmp_path: Path) -> None:
    body = "WEST PALM BEACH, Fla. —\n\n" + GAZETTE.split("\n\n", 1)[1]
    meta = {"d.txt": {"title": "WEST PALM BEACH, Fla. —", "date": "2026-03-10"}}
    folder = write(tmp_path / "d", {"d.txt": body, "meta.json": json.dumps(meta)})
    (art,) = load_file(str(folder / "d.txt"))
    assert art.title is None and art.published == "2026-03-10"


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        ('{"articles": [', "ignored: invalid JSON (Expecting value, line 1)"),
        ("[1, 2]", "ignored: not a JSON object"),
        ('{"articles": "a.txt"}', '"articles" ignored: neither an object nor an array'),
        ("\ufffe\x00\x00", "ignored: invalid JSON"),
        ("[" * 100_000, "ignored: invalid JSON (nested too deeply or too large)"),
    ],
)
def test_a_malformed_sidecar_is_ignored_with_one_warning(
    tmp_path: Path, capsys, content: str, warning: str
) -> None:
    folder = write(tmp_path / "bad", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": content})
    arts = load_articles([str(folder / "a.txt"), str(folder / "b.txt")])
    assert [a.published for a in arts] == [None, None]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"Warning: {folder / 'meta.json'}: {warning}")


def test_a_bad_entry_loses_only_itself(tmp_path: Path, capsys) -> None:
    meta = {
        "articles": [
            {"file": "a.txt", "date": "last Tuesday", "url": "https://a.example"},
            {"file": "b.txt", "date": "2026-03-17", "outlet": 7},
            "c.txt",
            {"file": "../elsewhere/c.txt", "date": "2026-03-17"},
        ]
    }
    folder = write(tmp_path / "e", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": json.dumps(meta)})
    a, b = load_articles([str(folder / "a.txt"), str(folder / "b.txt")])
    assert (a.published, a.url) == (None, "https://a.example")
    assert (b.published, b.outlet) == ("2026-03-17", "B")
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"Warning: {folder / 'meta.json'}: part ignored: entry #1: date 'last Tuesday' is not an ISO date"
        " (YYYY-MM-DD) (and 3 more)"
    ]


def test_a_sidecar_over_the_limit_is_not_read(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", 100)
    folder = write(tmp_path / "big", {"a.txt": GAZETTE, "meta.json": json.dumps(CORPUS_FORM)})
    assert load_file(str(folder / "a.txt"))[0].published is None
    assert "ignored: too large" in capsys.readouterr().err


def test_an_unrelated_meta_json_is_passed_over_in_silence(tmp_path: Path, capsys) -> None:
    model_meta = {"lang": "en", "name": "core_web_sm", "version": "3.8.0", "sources": [{"name": "x"}]}
    folder = write(tmp_path / "u", {"a.txt": GAZETTE, "meta.json": json.dumps(model_meta)})
    assert load_articles([str(folder / "a.txt")])[0].published is None
    assert capsys.readouterr().err == ""
    assert parse_sidecar(model_meta) is None


def test_a_sidecar_naming_none_of_the_files_says_so(tmp_path: Path, capsys) -> None:
    meta = {"articles": {"x": {"file": "gazette.txt", "date": "2026-03-10"}}}
    folder = write(tmp_path / "n", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": json.dumps(meta)})
    arts = load_articles([str(folder / "a.txt"), str(folder / "b.txt")])
    assert [a.published for a in arts] == [None, None]
    err = capsys.readouterr().err.splitlines()
    where = folder / "meta.json"
    assert err == [f"Warning: {where}: names none of the files read from its folder (it names gazette.txt)"]


# --- the CLI ------------------------------------------------------------------------------------


def compare_json(*files: Path):
    result = CliRunner().invoke(main, ["compare", *map(str, files), "--format", "json"])
    return result, (json.loads(result.stdout) if result.exit_code == 0 else None)


def date_conflicts(data: dict) -> list[str]:
    return [
        d["note"] for c in data["claims"] for d in c["differences"] if d["kind"] == "date" and d["conflict"]
    ]


def test_compare_reads_the_sidecar_and_resolves_relative_dates(event: Path, tmp_path: Path) -> None:
    before = snapshot(event)
    result, data = compare_json(event / "harbour-gazette.txt", event / "coastal-times.txt")
    assert result.exit_code == 0 and result.stderr == ""
    arts = {a["id"]: a for a in data["articles"]}
    assert arts["harbour-gazette"]["published"] == "2026-03-10"
    assert arts["coastal-times"]["url"] == "https://coastal.example/marsh"
    assert arts["coastal-times"]["outlet"] == "The Coastal Times"
    # "last week" a week before "two weeks ago" was written: the same week, no conflict ...
    assert date_conflicts(data) == []
    assert snapshot(event) == before  # inputs are never modified
    # ... while without the dates the two read as a week apart.
    bare = write(tmp_path / "bare", {"harbour-gazette.txt": GAZETTE, "coastal-times.txt": TIMES})
    _, undated = compare_json(bare / "harbour-gazette.txt", bare / "coastal-times.txt")
    assert len(date_conflicts(undated)) == 1


def test_compare_with_a_malformed_sidecar_runs_and_warns(tmp_path: Path) -> None:
    folder = write(tmp_path / "m", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": '{"articles": {"a": '})
    result, data = compare_json(folder / "a.txt", folder / "b.txt")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Warning: {folder / 'meta.json'}: ignored: invalid JSON")
    assert len(result.stderr.splitlines()) == 1
    assert [a["published"] for a in data["articles"]] == [None, None]


def test_compare_with_a_sidecar_matching_no_file(tmp_path: Path) -> None:
    meta = {"other.txt": {"date": "2026-03-10"}}
    folder = write(tmp_path / "o", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": json.dumps(meta)})
    result, data = compare_json(folder / "a.txt", folder / "b.txt")
    assert result.exit_code == 0 and "names none of the files read" in result.stderr
    assert [a["published"] for a in data["articles"]] == [None, None]


def batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args, "-j", "1", "--formats", "json"])


def test_batch_event_folders_read_the_sidecar_and_rerun_when_it_changes(event: Path, tmp_path: Path) -> None:
    root, out = event.parent, tmp_path / "out"
    before = snapshot(root)
    assert batch(str(root), "-o", str(out)).exit_code == 0
    report = json.loads((out / "mayor" / "report.json").read_text())
    assert sorted(a["published"] for a in report["articles"]) == ["2026-03-10", "2026-03-17"]
    assert date_conflicts(report) == []
    assert "unchanged since" in batch(str(root), "-o", str(out)).stderr
    changed = {
        **CORPUS_FORM,
        "articles": {k: {**v, "date": None} for k, v in CORPUS_FORM["articles"].items()},
    }
    (event / "meta.json").write_text(json.dumps(changed))
    again = batch(str(root), "-o", str(out))
    assert "unchanged since" not in again.stderr
    report = json.loads((out / "mayor" / "report.json").read_text())
    assert [a["published"] for a in report["articles"]] == [None, None]
    (event / "meta.json").write_text(json.dumps(CORPUS_FORM))
    assert snapshot(root) == before


def test_batch_flat_folder_reads_the_sidecar(event: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = batch(str(event), "--group", "auto", "-o", str(out))
    assert result.exit_code == 0, result.output
    (group,) = json.loads((out / "groups.json").read_text())["events"]
    assert len(group["articles"]) == 2
    report = json.loads((out / group["event"] / "report.json").read_text())
    assert sorted(a["published"] for a in report["articles"]) == ["2026-03-10", "2026-03-17"]


def test_batch_with_a_malformed_sidecar_still_compares(tmp_path: Path) -> None:
    write(tmp_path / "ev" / "mayor", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": "not json"})
    result = batch(str(tmp_path / "ev"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (tmp_path / "out" / "mayor" / "report.json").is_file()


def test_compare_dir_star_takes_meta_json_for_the_sidecar(event: Path, tmp_path: Path) -> None:
    result, data = compare_json(*sorted(event.iterdir()))  # compare DIR/*
    assert result.exit_code == 0 and result.stderr == ""
    assert sorted(a["published"] for a in data["articles"]) == ["2026-03-10", "2026-03-17"]
    broken = write(tmp_path / "b", {"a.txt": GAZETTE, "b.txt": TIMES, "meta.json": "{"})
    result, data = compare_json(*sorted(broken.iterdir()))
    assert result.exit_code == 0 and "ignored: invalid JSON" in result.stderr
    assert len(data["articles"]) == 2
    alone = CliRunner().invoke(main, ["compare", str(event / "meta.json")])
    assert alone.exit_code == 1
    line = f"Error: {event / 'meta.json'}: is a metadata sidecar, not an article"
    assert alone.stderr.splitlines() == [line + " (pass the article files beside it)"]
