"""Writing the search index in a second process while the first reads the issues.

A first build of the index is two jobs of about the same size: parsing every
issue file (Python) and SQLite building the trigram index of their text (C).
In one process they take turns; here the reading process sends each issue's
rows down a pipe to this one, which writes them, so on two cores the two
overlap.  The records are marshalled tuples: ("drop", name), ("file", row),
("entries", rows).  Everything is written in one transaction, committed only
when the pipe closes cleanly: a writer that dies leaves the index as it was,
and the reader then writes it itself.

Run as ``python -m tui.files.search_writer INDEX``; it imports nothing of
jianbao's, so it starts in the time of a bare interpreter.
"""

from __future__ import annotations

import marshal
import sqlite3
import sys
from typing import Any, BinaryIO

END = "end"  # the last record: without it the transaction is not committed


def apply(db: sqlite3.Connection, record: tuple[Any, ...]) -> None:
    kind, payload = record
    if kind == "drop":
        db.execute("DELETE FROM files WHERE name = ?", (payload,))
        db.execute("DELETE FROM entries WHERE name = ?", (payload,))
    elif kind == "file":
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", payload)
    elif kind == "entries":
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", payload)
    else:
        raise ValueError(f"unknown record {kind!r}")


def write(path: str, stream: BinaryIO) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("BEGIN IMMEDIATE")
    while True:
        record = marshal.load(stream)
        if record == (END, None):
            break
        apply(db, record)
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    write(sys.argv[1], sys.stdin.buffer)
