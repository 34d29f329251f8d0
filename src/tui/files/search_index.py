"""Full-text search over every issue of the archive: titles, paragraphs and bylines.

Chinese has no spaces to cut words at, so the index is SQLite's FTS5 with
the ``trigram`` tokenizer (in the standard library's sqlite3): it finds any
substring of three characters or more without a word segmenter; a query of
one or two characters (西湖, 人大), or one with Latin letters (matched
whatever their case: DeepSeek, deepseek), is a LIKE over the same table.

The index is a cache, never the source of truth: a SQLite file in the
per-user cache folder (``$JIANBAO_CACHE_DIR`` overrides it; not beside the
archive, so an archive kept in git gains no stray file), one per archive
folder.  Each search first brings it up to date: a file whose size, time or
inode changed is read again, a file gone is dropped; a missing, unreadable
or corrupt index is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.files.search_writer import END, apply
from tui.files.storage import load_issue
from tui.files.user_dirs import cache_dir
from tui.model.errors import LoadError
from tui.model.issue import Issue

FORMAT = "jianbao-search/2"
SNIPPET = 18  # characters of context on each side of a hit
BULK = 48  # files to read at least, for the index to be written by a second process meanwhile
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # where ``tui`` is, for that process


def index_file(archive: Path) -> Path:
    key = hashlib.sha256(str(archive.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / "archive-search" / f"{key}.sqlite"


@dataclass(frozen=True)
class Filters:
    """What narrows a search: the year, a column, a district or unit, an author (any may be empty)."""

    year: int | None = None
    column: str = ""
    unit: str = ""  # a district (西湖区) or a unit: matched in the byline's unit and the title's start
    author: str = ""


@dataclass(frozen=True)
class SearchHit:
    file: str  # the issue's file name in the archive
    number: int
    cumulative: int
    date: str
    article: int  # 0-based in the issue
    title: str  # the article's title ("" for a brief)
    column: str
    field: str  # title | paragraph | byline
    paragraph: int | None  # 0-based, for a paragraph
    snippet: str
    start: int  # the match within the snippet
    end: int


@dataclass(frozen=True)
class Update:
    read: int
    unchanged: int
    dropped: int
    errors: list[LoadError]


_SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE files(name TEXT PRIMARY KEY, size INT, mtime_ns INT, inode INT, "
    "year INT, number INT, cumulative INT, date TEXT)",
    "CREATE VIRTUAL TABLE entries USING fts5(text, name UNINDEXED, article UNINDEXED, field UNINDEXED, "
    "paragraph UNINDEXED, title UNINDEXED, column_name UNINDEXED, unit UNINDEXED, authors UNINDEXED, "
    # Case-sensitive trigrams: folding case costs a quarter of the time of writing the index and
    # means nothing in Chinese; a query with Latin letters is a LIKE scan instead (ASCII case
    # folded).  No per-column sizes: nothing here ranks by bm25.
    "tokenize='trigram case_sensitive 1', columnsize=0)",
)


def _rows(name: str, issue: Issue) -> Iterator[tuple[object, ...]]:
    for i, a in enumerate(issue.articles):
        unit = a.byline.unit if a.byline is not None else ""
        authors = "\u3000".join(a.byline.authors) if a.byline is not None else ""
        common = (a.title, a.column, unit, authors)
        if a.title:
            yield (a.title, name, i, "title", None, *common)
        for p, text in enumerate(a.paragraphs):
            yield (text, name, i, "paragraph", p, *common)
        if a.byline is not None:
            yield ("\u3000".join([unit, *a.byline.authors]), name, i, "byline", None, *common)


def _file_row(name: str, st: os.stat_result, issue: Issue) -> tuple[str, int, int, int, int, int, int, str]:
    m = issue.masthead
    return (
        name,
        st.st_size,
        st.st_mtime_ns,
        st.st_ino,
        m.date.year,
        m.number,
        m.cumulative,
        m.date.isoformat(),
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class SearchIndex:
    """The archive's search index, opened (and created or rebuilt) on first use."""

    def __init__(self, archive: Path, path: Path | None = None) -> None:
        self.archive = archive
        self.path = path or index_file(archive)
        self._db: sqlite3.Connection | None = None

    def _open(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
        except sqlite3.DatabaseError:  # not a database, or damaged: it is only a cache
            with contextlib.suppress(OSError):
                self.path.unlink()
            db = self._connect()
        self._db = db
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        # A cache: a crash mid-update at worst damages it, and a damaged index is rebuilt.
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA journal_mode = MEMORY")
        try:
            version = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            db.execute("SELECT count(*) FROM entries").fetchone()
            if version == (FORMAT,):
                return db
        except sqlite3.OperationalError:  # a fresh file, or another format
            pass
        db.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA journal_mode = MEMORY")
        with db:
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        return db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def update(self) -> Update:
        """Read what changed since the last time, drop what is gone."""
        db = self._open()
        known = {row[0]: row[1:] for row in db.execute("SELECT name, size, mtime_ns, inode FROM files")}
        present: dict[str, os.stat_result] = {}
        if self.archive.is_dir():
            with os.scandir(self.archive) as entries:
                for e in entries:
                    if e.name.endswith(".toml") and e.is_file():
                        present[e.name] = e.stat()
        gone = sorted(set(known) - set(present))
        stale = [
            (name, st)
            for name, st in sorted(present.items())
            if known.get(name) != (st.st_size, st.st_mtime_ns, st.st_ino)
        ]
        if len(stale) >= BULK:
            done = self._write_beside(gone, stale, known)
            if done is not None:
                return Update(done[0], len(present) - len(stale), len(gone), done[1])
            db = self._open()  # the writer failed: its work is not committed, and this connection was closed
        read = 0
        errors: list[LoadError] = []
        with db:
            for name in gone:
                apply(db, ("drop", name))
            for name, st in stale:
                if name in known:
                    apply(db, ("drop", name))
                try:
                    issue = load_issue(self.archive / name)
                except LoadError as exc:
                    errors.append(exc)
                    continue
                apply(db, ("file", _file_row(name, st, issue)))
                apply(db, ("entries", list(_rows(name, issue))))
                read += 1
        return Update(read, len(present) - len(stale), len(gone), errors)

    def _write_beside(
        self, gone: list[str], stale: list[tuple[str, os.stat_result]], known: dict[str, object]
    ) -> tuple[int, list[LoadError]] | None:
        """Many files to read: a second process writes the index meanwhile (``search_writer``).

        None when that process could not do it (it could not start, or it
        failed): nothing of its work is committed then, and ``update`` writes
        the index itself.
        """
        self.close()  # the writer takes the database; this connection is opened again after
        try:
            writer = subprocess.Popen(
                [sys.executable, "-m", "tui.files.search_writer", str(self.path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={
                    **os.environ,
                    "PYTHONPATH": os.pathsep.join(
                        filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])
                    ),
                },
            )
        except OSError:
            return None
        assert writer.stdin is not None
        read, errors = 0, []
        try:
            for name in gone:
                marshal.dump(("drop", name), writer.stdin)
            for name, st in stale:
                if name in known:
                    marshal.dump(("drop", name), writer.stdin)
                try:
                    issue = load_issue(self.archive / name)
                except LoadError as exc:
                    errors.append(exc)
                    continue
                marshal.dump(("file", _file_row(name, st, issue)), writer.stdin)
                marshal.dump(("entries", list(_rows(name, issue))), writer.stdin)
                read += 1
            marshal.dump((END, None), writer.stdin)
            writer.stdin.close()
        except OSError:  # the writer is gone (a broken pipe): its transaction with it
            writer.kill()
        finally:
            ok = writer.wait() == 0
        return (read, errors) if ok else None

    def search(
        self, query: str, filters: Filters = Filters(), limit: int = 50
    ) -> tuple[list[SearchHit], int]:
        """Hits for ``query`` (newest issue first) and how many there are in all."""
        query = query.strip()
        if not query:
            return [], 0
        db = self._open()
        where: list[str] = []
        params: list[str | int] = []
        indexed = len(query) >= 3 and not any(ch.lower() != ch.upper() for ch in query)
        if indexed:
            where.append("entries MATCH ?")
            params.append('"' + query.replace('"', '""') + '"')
        else:
            where.append("entries.text LIKE ? ESCAPE '\\'")
            params.append(_like(query))
        if filters.year is not None:
            where.append("files.year = ?")
            params.append(filters.year)
        if filters.column:
            where.append("entries.column_name = ?")
            params.append(filters.column)
        if filters.unit:
            where.append("(entries.unit LIKE ? ESCAPE '\\' OR entries.title LIKE ? ESCAPE '\\')")
            params += [_like(filters.unit), filters.unit.replace("%", "\\%").replace("_", "\\_") + "%"]
        if filters.author:
            where.append("entries.authors LIKE ? ESCAPE '\\'")
            params.append(_like(filters.author))
        sql_from = " FROM entries JOIN files ON files.name = entries.name WHERE " + " AND ".join(where)
        order = " ORDER BY files.date DESC, files.cumulative DESC, entries.article, entries.paragraph"
        columns = (
            "SELECT entries.text, entries.name, files.number, files.cumulative, files.date, entries.article, "
            "entries.title, entries.column_name, entries.field, entries.paragraph"
        )
        if indexed:  # the index finds the rows: counting them again is cheap
            total = db.execute("SELECT count(*)" + sql_from, params).fetchone()[0]
            rows = db.execute(columns + sql_from + order + " LIMIT ?", [*params, limit]).fetchall()
        else:  # a scan of every text: once, the keys of every hit, then the texts of those shown
            keys = db.execute("SELECT entries.rowid" + sql_from + order, params).fetchall()
            total = len(keys)
            shown = [k for (k,) in keys[:limit]]
            marks = ",".join("?" * len(shown))
            found = db.execute(
                columns.replace("SELECT ", "SELECT entries.rowid, ")
                + f" FROM entries JOIN files ON files.name = entries.name WHERE entries.rowid IN ({marks})",
                shown,
            ).fetchall()
            by_id = {row[0]: row[1:] for row in found}
            rows = [by_id[k] for k in shown if k in by_id]
        return [self._hit(query, *row) for row in rows], total

    @staticmethod
    def _hit(query: str, text: str, *row: object) -> SearchHit:
        at = text.find(query)
        if at < 0:
            at = text.lower().find(query.lower())
        at = max(at, 0)
        start = max(0, at - SNIPPET)
        end = min(len(text), at + len(query) + SNIPPET)
        snippet = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        offset = at - start + (1 if start else 0)
        name, number, cumulative, date, article, title, column, field, paragraph = row
        return SearchHit(
            str(name),
            int(str(number)),
            int(str(cumulative)),
            str(date),
            int(str(article)),
            str(title),
            str(column),
            str(field),
            None if paragraph is None else int(str(paragraph)),
            snippet,
            offset,
            offset + len(query),
        )
