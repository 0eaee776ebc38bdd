"""The batch's SQLite store, ``OUT/storydiff.db``: every event's articles, sentences, claims and
differences as tables that open in Datasette or any SQL client.

``event_records(event, data)`` is pure: one event's ``storydiff/1`` JSON dict in, rows per table
out (computed where the event is computed, so only plain rows travel back to the client).
``Store`` is the client's single writer: each event's rows are replaced in one transaction when
the event is recomputed, and removed when the event is no longer in the batch. Keys are text,
``event/article`` and ``event/article/sentence``, so a row names its event and stays stable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from .model import EventRow

DB_NAME = "storydiff.db"

# Child tables first: the order rows are deleted in (the foreign keys point up this list).
TABLES = (
    "provenance",
    "attributions",
    "differences",
    "claim_members",
    "claims",
    "sentences",
    "articles",
    "events",
)

Records = dict[str, list[dict[str, Any]]]

_SCHEMA: dict[str, tuple[dict[str, type], str, list[tuple[str, str, str]]]] = {
    # table: (columns, primary key, foreign keys (column, other table, other column))
    "events": (
        {
            "event": str,
            "label": str,
            "status": str,
            "reason": str,
            "hash": str,
            "articles": int,
            "outlets": str,
            "sentences": int,
            "claims": int,
            "claims_all_outlets": int,
            "conflicts": int,
            "unique_sentences": int,
            "relayed_sentences": int,
            "relayed_share": float,
            "report_html": str,
            "report_json": str,
        },
        "event",
        [],
    ),
    "articles": (
        {
            "id": str,
            "event": str,
            "article": str,
            "outlet": str,
            "title": str,
            "published": str,
            "url": str,
            "source": str,
            "relayed_share": float,
        },
        "id",
        [("event", "events", "event")],
    ),
    "sentences": (
        {
            "id": str,
            "event": str,
            "article": str,
            "idx": int,
            "start": int,
            "end": int,
            "paragraph": int,
            "quotation": int,
            "text": str,
        },
        "id",
        [("event", "events", "event"), ("article", "articles", "id")],
    ),
    "claims": (
        {
            "id": str,
            "event": str,
            "claim": str,
            "score": float,
            "outlets": int,
            "reference": str,
            "firsthand": str,
            "no_firsthand": int,
            "conflicts": int,
        },
        "id",
        [("event", "events", "event")],
    ),
    "claim_members": (
        {"id": str, "event": str, "claim": str, "article": str, "sentence": str},
        "id",
        [
            ("event", "events", "event"),
            ("claim", "claims", "id"),
            ("article", "articles", "id"),
            ("sentence", "sentences", "id"),
        ],
    ),
    "differences": (
        {
            "id": str,
            "event": str,
            "claim": str,
            "kind": str,
            "conflict": int,
            "note": str,
            "outlet_values": str,
        },
        "id",
        [("event", "events", "event"), ("claim", "claims", "id")],
    ),
    "attributions": (
        {
            "sentence": str,
            "event": str,
            "article": str,
            "type": str,
            "source": str,
            "source_kind": str,
            "cue": str,
            "quote": str,
            "via": str,
        },
        "sentence",
        [("event", "events", "event"), ("article", "articles", "id"), ("sentence", "sentences", "id")],
    ),
    "provenance": (
        {"id": str, "event": str, "article": str, "source": str, "source_kind": str, "sentences": int},
        "id",
        [("event", "events", "event"), ("article", "articles", "id")],
    ),
}

# Columns looked up often enough to index (the foreign keys are indexed as well).
_INDEXES = {
    "events": [["status"], ["conflicts"]],
    "articles": [["outlet"]],
    "differences": [["kind"], ["conflict"]],
    "attributions": [["type"], ["source"]],
    "provenance": [["source"]],
}


def event_records(event: str, data: dict[str, Any]) -> Records:
    """The rows of one compared event, from its ``storydiff/1`` JSON dict (pure)."""
    recs: Records = {t: [] for t in TABLES if t != "events"}
    art_key = {a["id"]: f"{event}/{a['id']}" for a in data["articles"]}
    outlet = {a["id"]: a["outlet"] for a in data["articles"]}
    _article_rows(event, data, art_key, recs)
    _claim_rows(event, data, art_key, outlet, recs)
    for k, e in enumerate(data.get("provenance", {}).get("edges", [])):
        recs["provenance"].append(
            {
                "id": f"{event}/{k}",
                "event": event,
                "article": art_key.get(e["article"], e["article"]),
                "source": e["source"],
                "source_kind": e.get("source_kind"),
                "sentences": e.get("sentences"),
            }
        )
    return recs


def _article_rows(event: str, data: dict[str, Any], art_key: dict[str, str], recs: Records) -> None:
    shares = dict(data.get("provenance", {}).get("relayed_share", {}))
    for a in data["articles"]:
        akey = art_key[a["id"]]
        recs["articles"].append(
            {
                "id": akey,
                "event": event,
                "article": a["id"],
                "outlet": a["outlet"],
                "title": a.get("title"),
                "published": a.get("published"),
                "url": a.get("url"),
                "source": a.get("source"),
                "relayed_share": shares.get(a["id"]),
            }
        )
        for s in a["sentences"]:
            skey = f"{akey}/{s['index']}"
            recs["sentences"].append(
                {
                    "id": skey,
                    "event": event,
                    "article": akey,
                    "idx": s["index"],
                    "start": s["start"],
                    "end": s["end"],
                    "paragraph": s.get("paragraph"),
                    "quotation": int(bool(s.get("quotation"))),
                    "text": s["text"],
                }
            )
            att = s.get("attribution")
            if att:
                recs["attributions"].append(
                    {
                        "sentence": skey,
                        "event": event,
                        "article": akey,
                        "type": att["type"],
                        "source": att.get("source"),
                        "source_kind": att.get("source_kind"),
                        "cue": att.get("cue"),
                        "quote": att.get("quote"),
                        "via": json.dumps(att.get("via", []), ensure_ascii=False),
                    }
                )


def _claim_rows(
    event: str, data: dict[str, Any], art_key: dict[str, str], outlet: dict[str, str], recs: Records
) -> None:
    for c in data["claims"]:
        ckey = f"{event}/{c['id']}"
        diffs = c.get("differences", [])
        recs["claims"].append(
            {
                "id": ckey,
                "event": event,
                "claim": c["id"],
                "score": c.get("score"),
                "outlets": len({m["article"] for m in c["members"]}),
                "reference": art_key.get(c.get("reference") or ""),
                "firsthand": json.dumps(
                    [outlet.get(a, a) for a in c.get("firsthand", [])], ensure_ascii=False
                ),
                "no_firsthand": int(bool(c.get("no_firsthand"))),
                "conflicts": sum(1 for d in diffs if d.get("conflict")),
            }
        )
        for m in c["members"]:
            for n in m["sentences"]:
                skey = f"{art_key[m['article']]}/{n}"
                recs["claim_members"].append(
                    {
                        "id": f"{ckey}/{m['article']}/{n}",
                        "event": event,
                        "claim": ckey,
                        "article": art_key[m["article"]],
                        "sentence": skey,
                    }
                )
        for k, d in enumerate(diffs):
            values = {outlet.get(a, a): v for a, v in d.get("values", {}).items()}
            recs["differences"].append(
                {
                    "id": f"{ckey}/{k}",
                    "event": event,
                    "claim": ckey,
                    "kind": d["kind"],
                    "conflict": int(bool(d.get("conflict"))),
                    "note": d.get("note"),
                    "outlet_values": json.dumps(values, ensure_ascii=False),
                }
            )


def _event_record(row: EventRow, digest: str) -> dict[str, Any]:
    reports = dict(row.reports)
    return {
        "event": row.event,
        "label": row.label,
        "status": row.status,
        "reason": row.reason,
        "hash": digest,
        "articles": row.articles,
        "outlets": "; ".join(row.outlets),
        "sentences": row.sentences,
        "claims": row.claims,
        "claims_all_outlets": row.claims_all_outlets,
        "conflicts": row.conflicts,
        "unique_sentences": row.unique_sentences,
        "relayed_sentences": row.relayed_sentences,
        "relayed_share": row.relayed_share,
        "report_html": reports.get("html"),
        "report_json": reports.get("json"),
    }


_CONTAINERS = (dict, list, tuple)


def _cell(value: Any) -> Any:
    """A value as sqlite-utils stores it: containers as JSON text, the rest as they are."""
    if isinstance(value, _CONTAINERS):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows with one prepared statement (``executemany``): the rows sqlite-utils'
    ``insert_all`` would write, without its per-call table introspection."""
    first = tuple(rows[0])
    if all(tuple(r) == first for r in rows):  # event_records gives a table's rows the same keys, in order
        cols = list(first)
        params = [tuple(r.values()) for r in rows]
    else:
        cols = list(dict.fromkeys(c for r in rows for c in r))
        params = [tuple(r.get(c) for c in cols) for r in rows]
    if any(issubclass(t, _CONTAINERS) for t in set(map(type, chain.from_iterable(params)))):
        params = [tuple(_cell(v) for v in p) for p in params]
    names = ", ".join(f"[{c}]" for c in cols)
    conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(cols))})", params)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL"}


def schema_sql(table: str) -> list[str]:
    """The statements that create ``table`` with its indexes (and, for ``sentences``, its FTS5
    index and the triggers that keep it in step), in the very text sqlite-utils writes for
    ``create(pk=..., foreign_keys=..., not_null={pk})``, ``create_index`` and
    ``enable_fts(create_triggers=True, tokenize="porter")``: the stored schema is the same
    whichever made the file (``tests/test_batch_store.py`` compares the two)."""
    columns, pk, fks = _SCHEMA[table]
    refs = {col: f" REFERENCES {_quote(other)}({_quote(other_col)})" for col, other, other_col in fks}
    lines = ",\n".join(
        f"   {_quote(col)} {_SQL_TYPES[kind]}"
        + (" PRIMARY KEY NOT NULL" if col == pk else "")
        + refs.get(col, "")
        for col, kind in columns.items()
    )
    sql = [f"CREATE TABLE {_quote(table)} (\n{lines}\n)"]
    for cols in [[col] for col, _, _ in fks] + _INDEXES.get(table, []):
        name = _quote(f"idx_{table}_{'_'.join(cols)}")
        sql.append(f"CREATE INDEX {name}\n    ON {_quote(table)} ({', '.join(map(_quote, cols))})")
    if table == "sentences":
        sql += _fts_sql(table, "text")
    return sql


def _fts_sql(table: str, col: str) -> list[str]:
    t, fts, c = _quote(table), _quote(f"{table}_fts"), _quote(col)
    delete = f"INSERT INTO {fts} ({fts}, rowid, {c}) VALUES('delete', old.rowid, old.{c});"
    insert = f"INSERT INTO {fts} (rowid, {c}) VALUES (new.rowid, new.{c});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 (\n    {c},\n    tokenize='porter',\n    content={t}\n)",
        f"CREATE TRIGGER {_quote(table + '_ai')} AFTER INSERT ON {t} BEGIN\n  {insert}\nEND",
        f"CREATE TRIGGER {_quote(table + '_ad')} AFTER DELETE ON {t} BEGIN\n  {delete}\nEND",
        f"CREATE TRIGGER {_quote(table + '_au')} AFTER UPDATE ON {t} BEGIN\n  {delete}\n  {insert}\nEND",
    ]


@dataclass(slots=True)
class Store:
    """The open database of one batch; ``Store.open(outdir)`` creates the tables on first use.

    Written through the standard library's ``sqlite3`` alone: the client process stays free of
    sqlite-utils, whose import pulls in NumPy (about 18 MiB of the client's memory, docs/batch.md).
    """

    conn: sqlite3.Connection

    @classmethod
    def open(cls, outdir: str | Path) -> Store:
        conn = sqlite3.connect(str(Path(outdir) / DB_NAME))
        conn.execute("PRAGMA foreign_keys = ON")
        # As sqlite-utils sets it (the store was first written through it): a trigger's own
        # statements may fire triggers, and REPLACE's deletes fire delete triggers.
        conn.execute("PRAGMA recursive_triggers = ON")
        # One writer, a transaction per event: WAL with NORMAL sync commits without an fsync per
        # event (a crash loses at most the last events, which the journal then recomputes as the
        # store's hash check fails), where the default rollback journal costs several fsyncs each.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        store = cls(conn)
        store._create()
        return store

    def _create(self) -> None:
        have = {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in reversed(TABLES) if t not in have]  # parents first
        if not missing:
            return
        with self.conn:  # all or nothing: an interrupted first run leaves no table without its indexes
            self.conn.execute("BEGIN")
            for table in missing:
                for sql in schema_sql(table):
                    self.conn.execute(sql)

    def has(self, event: str, digest: str) -> bool:
        """Whether the store holds this event as computed from inputs with this content hash."""
        cur = self.conn.execute("SELECT 1 FROM events WHERE event = ? AND hash = ?", [event, digest])
        return cur.fetchone() is not None

    def replace(self, row: EventRow, digest: str, records: Records | None) -> None:
        """Put one event's rows in place of whatever the store held for it, in one transaction."""
        conn = self.conn
        with conn:
            self._delete(row.event)
            _insert(conn, "events", [_event_record(row, digest)])
            for table in reversed(TABLES[:-1]):  # parents first
                rows = (records or {}).get(table)
                if rows:
                    _insert(conn, table, rows)

    def keep_only(self, events: Iterable[str]) -> int:
        """Remove every event not in ``events`` (it left the batch); returns how many went."""
        keep = set(events)
        gone = [e for (e,) in self.conn.execute("SELECT event FROM events").fetchall() if e not in keep]
        with self.conn:
            for event in gone:
                self._delete(event)
        return len(gone)

    def _delete(self, event: str) -> None:
        for table in TABLES:
            self.conn.execute(f"DELETE FROM [{table}] WHERE event = ?", [event])

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in TABLES}

    def close(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # fold the log back into the file
        self.conn.close()
