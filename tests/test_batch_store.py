"""The SQLite store of a batch (OUT/storydiff.db): tables, counts that agree with summary.jsonl,
incremental updates that touch only the event that changed, removal of events that left."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_batch import FERRY, LIBRARY, run, write_event

from compare.batch.store import _INDEXES, _SCHEMA, TABLES, Store, event_records


def _db(out: Path) -> sqlite3.Connection:
    return sqlite3.connect(out / "storydiff.db")


def _rows_by_event(out: Path) -> dict[str, dict[str, list[tuple]]]:
    """Every row of every table, with its rowid, grouped by event."""
    conn = _db(out)
    found: dict[str, dict[str, list[tuple]]] = {}
    for table in TABLES:
        for row in conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid"):
            cols = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
            event = row[1 + cols.index("event")]
            found.setdefault(event, {}).setdefault(table, []).append(row)
    conn.close()
    return found


def _events(tmp_path: Path) -> Path:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    write_event(root, "library-flood", LIBRARY)
    write_event(root, "empty", {"a.txt": ""})
    return root


def test_store_counts_agree_with_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(str(_events(tmp_path)), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1, result.output  # the empty event is skipped
    summary = [json.loads(line) for line in (out / "summary.jsonl").read_text().splitlines()]
    conn = _db(out)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) <= tables and "sentences_fts" in tables
    for rec in summary:
        got = conn.execute(
            "SELECT status, articles, sentences, claims, conflicts FROM events WHERE event = ?",
            [rec["event"]],
        ).fetchone()
        assert got == (rec["status"], rec["articles"], rec["sentences"], rec["claims"], rec["conflicts"])
        n_art, n_sent, n_claims = (
            conn.execute(f"SELECT COUNT(*) FROM {t} WHERE event = ?", [rec["event"]]).fetchone()[0]
            for t in ("articles", "sentences", "claims")
        )
        assert (n_art, n_sent, n_claims) == (rec["articles"], rec["sentences"], rec["claims"])
    conflicts = conn.execute("SELECT COUNT(DISTINCT claim) FROM differences WHERE conflict").fetchone()[0]
    assert conflicts == sum(r["conflicts"] for r in summary)
    # Full-text search over sentences works as SQLite ships it.
    hits = conn.execute(
        "SELECT s.event FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid "
        "WHERE sentences_fts MATCH 'lifeboat'"
    ).fetchall()
    assert hits and {h[0] for h in hits} == {"ferry-fire"}


def test_rerun_after_one_change_touches_only_that_event(tmp_path: Path) -> None:
    root = _events(tmp_path)
    out = tmp_path / "out"
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    before = _rows_by_event(out)
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert _rows_by_event(out) == before  # nothing changed, nothing touched
    (root / "ferry-fire" / "harbour-gazette.txt").write_text(
        FERRY["harbour-gazette.txt"] + "\n\nFour tugs stood by until noon.\n"
    )
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    after = _rows_by_event(out)
    assert after["library-flood"] == before["library-flood"]
    assert after["empty"] == before["empty"]
    assert after["ferry-fire"] != before["ferry-fire"]
    texts = [r for r in after["ferry-fire"]["sentences"] if "Four tugs" in str(r)]
    assert len(texts) == 1


def test_an_event_that_leaves_the_batch_leaves_the_store(tmp_path: Path) -> None:
    root = _events(tmp_path)
    out = tmp_path / "out"
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    for f in (root / "library-flood").iterdir():
        f.unlink()
    (root / "library-flood").rmdir()
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    rows = _rows_by_event(out)
    assert "library-flood" not in rows and "ferry-fire" in rows


def test_a_deleted_store_is_rebuilt(tmp_path: Path) -> None:
    root = _events(tmp_path)
    out = tmp_path / "out"
    run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    before = {e: {t: len(r) for t, r in tables.items()} for e, tables in _rows_by_event(out).items()}
    (out / "storydiff.db").unlink()
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert "unchanged since" not in result.stderr
    after = {e: {t: len(r) for t, r in tables.items()} for e, tables in _rows_by_event(out).items()}
    assert after == before


def test_event_records_keys_name_their_event() -> None:
    data = {
        "articles": [
            {
                "id": "a",
                "outlet": "A",
                "sentences": [
                    {"index": 0, "start": 0, "end": 5, "text": "Hello", "attribution": None},
                    {
                        "index": 1,
                        "start": 6,
                        "end": 20,
                        "text": "It may rain, B said",
                        "attribution": {"type": "hedged", "source": "B", "cue": "said", "via": []},
                    },
                ],
            },
            {"id": "b", "outlet": "B", "sentences": [{"index": 0, "start": 0, "end": 5, "text": "Hi"}]},
        ],
        "claims": [
            {
                "id": "c1",
                "members": [{"article": "a", "sentences": [0]}, {"article": "b", "sentences": [0]}],
                "score": 0.9,
                "differences": [{"kind": "number", "values": {"a": "2", "b": "3"}, "conflict": True}],
                "firsthand": ["a"],
            }
        ],
        "provenance": {"edges": [{"article": "a", "source": "B", "source_kind": "outlet", "sentences": 1}]},
    }
    recs = event_records("ev", data)
    assert [r["id"] for r in recs["sentences"]] == ["ev/a/0", "ev/a/1", "ev/b/0"]
    assert recs["attributions"][0]["sentence"] == "ev/a/1"
    assert [m["sentence"] for m in recs["claim_members"]] == ["ev/a/0", "ev/b/0"]
    assert json.loads(recs["differences"][0]["outlet_values"]) == {"A": "2", "B": "3"}
    assert recs["claims"][0]["conflicts"] == 1 and recs["claims"][0]["outlets"] == 2
    assert recs["provenance"][0]["article"] == "ev/a"


def test_rows_go_in_as_sqlite_utils_would_write_them() -> None:
    """``_insert`` (one executemany) writes what sqlite-utils' insert_all wrote before it: rows
    with their keys in any order, missing keys as NULL, containers as JSON text."""
    sqlite_utils = pytest.importorskip(
        "sqlite_utils", reason="sqlite-utils (the test extra) is not installed"
    )

    from compare.batch.store import _insert

    rows = [
        {"id": "a", "n": 1, "x": 0.5, "t": "é“q”"},
        {"n": 2, "id": "b", "t": None, "x": 1.0},
        {"id": "c", "t": ["v", {"k": 1}], "n": 3},
        {"id": "d", "n": 4, "x": 2.0, "t": ("u",)},
    ]
    dumped = []
    for write in (
        lambda db: db["t"].insert_all([dict(r) for r in rows]),
        lambda db: _insert(db.conn, "t", [dict(r) for r in rows]),
    ):
        db = sqlite_utils.Database(sqlite3.connect(":memory:"))
        db["t"].create({"id": str, "n": int, "x": float, "t": str}, pk="id")
        write(db)
        dumped.append(list(db.conn.execute("SELECT rowid, * FROM t ORDER BY rowid")))
    assert dumped[0] == dumped[1]
    assert dumped[1][2][4] == '["v", {"k": 1}]'
    # every row with the same keys in the same order: the quick path
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    db["t"].create({"id": str, "n": int}, pk="id")
    _insert(db.conn, "t", [{"id": "a", "n": 1}, {"id": "b", "n": 2}])
    assert list(db.conn.execute("SELECT * FROM t")) == [("a", 1), ("b", 2)]


def _made_by_sqlite_utils(path: Path) -> None:
    """The store's tables as the store made them through sqlite-utils until 2026-12-02."""
    sqlite_utils = pytest.importorskip(
        "sqlite_utils", reason="sqlite-utils (the test extra) is not installed"
    )

    db = sqlite_utils.Database(sqlite3.connect(path))
    for table in reversed(TABLES):
        columns, pk, fks = _SCHEMA[table]
        db[table].create(columns, pk=pk, foreign_keys=fks, not_null={pk})
        for col, _, _ in fks:
            db[table].create_index([col], if_not_exists=True)
        for cols in _INDEXES.get(table, []):
            db[table].create_index(cols, if_not_exists=True)
        if table == "sentences":
            db[table].enable_fts(["text"], create_triggers=True, tokenize="porter")
    db.conn.close()


def _schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_the_schema_is_the_one_sqlite_utils_wrote(tmp_path: Path) -> None:
    """The store creates its tables with the standard library alone (keeping NumPy, which
    sqlite-utils imports, out of the batch process); the schema, word for word and in the same
    order, is what sqlite-utils wrote, so Datasette and sqlite-utils read the file as before."""
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    Store.open(ours).close()
    _made_by_sqlite_utils(theirs / "storydiff.db")
    assert _schema(ours / "storydiff.db") == _schema(theirs / "storydiff.db")
    assert len(_schema(ours / "storydiff.db")) == 47
    # sqlite-utils reads it as its own: the FTS index and its triggers are found
    import sqlite_utils

    db = sqlite_utils.Database(ours / "storydiff.db")
    assert db["sentences"].detect_fts() == "sentences_fts"
    assert {t.name for t in db["sentences"].triggers} == {"sentences_ai", "sentences_ad", "sentences_au"}
    assert db["attributions"].pks == ["sentence"]
    assert {(fk.column, fk.other_table) for fk in db["claim_members"].foreign_keys} == {
        ("event", "events"),
        ("claim", "claims"),
        ("article", "articles"),
        ("sentence", "sentences"),
    }


def test_a_batch_store_matches_one_written_on_sqlite_utils_tables(tmp_path: Path) -> None:
    """The same batch written into tables sqlite-utils made gives the same rows, full-text index
    included (``iterdump`` of both files), and full-text search finds stemmed words."""
    events = _events(tmp_path)
    out_ours, out_theirs = tmp_path / "ours", tmp_path / "theirs"
    for out in (out_ours, out_theirs):
        run(str(events), "-o", str(out), "-j", "1", "--formats", "json")
    # theirs again, into tables sqlite-utils made: a deleted store is rebuilt by the next run
    (out_theirs / "storydiff.db").unlink()
    _made_by_sqlite_utils(out_theirs / "storydiff.db")
    assert _schema(out_theirs / "storydiff.db") != []
    run(str(events), "-o", str(out_theirs), "-j", "1", "--formats", "json")
    dumps = []
    for out in (out_ours, out_theirs):
        conn = _db(out)
        # the content hashes cover the code, which is the same here; reports name no folder
        dumps.append(list(conn.iterdump()))
        hits = conn.execute(
            "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'passengers'"
        ).fetchone()[0]
        conn.close()
        assert hits > 0, out
    assert dumps[0] == dumps[1]


@pytest.mark.slow
def test_the_batch_process_imports_no_numpy(tmp_path: Path) -> None:
    """With ``--jobs 2`` the workers compare and the batch process only writes: it imports neither
    NumPy nor sqlite-utils (18 MiB of its memory when the store was written through sqlite-utils),
    nor the module that loads the pipeline into the forkserver."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; from compare.cli import run\n"
        f"sys.argv = ['storydiff', 'batch', {str(_events(tmp_path))!r}, '-o', {str(tmp_path / 'out')!r},"
        " '-j', '2', '--formats', 'json,html']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'sqlite_utils', 'compare.batch.warm') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
    assert (tmp_path / "out" / "ferry-fire" / "report.json").is_file()
