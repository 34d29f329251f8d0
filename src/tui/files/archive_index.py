"""An index of the archive: what the checks need of each issue, without reading it again.

Numbering checks, ``jianbao new``, the editor and ``check`` need of each
archived issue only its masthead, its titles and its end block.  Reading
hundreds of issue files for that on every start (and once per file when
``check`` is given many) made the cost grow with the archive.  The index
keeps, per file, its size and modification time with that summary; a file
whose size, time or inode changed is read again (every save renames a new
file into place), a file gone is dropped.

The index is a cache, never the source of truth: it lives in the per-user
cache folder (files/user_dirs.py; ``$JIANBAO_CACHE_DIR`` overrides it), one file
per archive folder; a missing, unreadable or corrupt index is rebuilt, and
one that cannot be written is simply not kept.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tui.files.storage import load_issue
from tui.files.user_dirs import cache_dir
from tui.files.writing import atomic_write
from tui.model import EndBlock, Masthead
from tui.model.errors import JianbaoError, LoadError
from tui.model.past import PastIssue

# The index is read at every start of the editor, ``new`` and ``check``: marshal reads
# it twice as fast as JSON (1,000 issues: 2 ms, not 4).  Marshal's format belongs to
# one Python version, so the version is in the header; a checksum over the payload
# keeps a damaged file from ever reaching marshal (which is not made for bad input).
INDEX_MAGIC = b"jianbao-archive-index/2 py%d.%d\n" % sys.version_info[:2]


def index_path(archive: Path) -> Path:
    """One index file per archive folder, named by its absolute path.

    Two CRCs of the path (forwards and backwards) make a 64-bit key: enough
    to tell a user's archive folders apart, without importing hashlib (3 ms).
    """
    folder = str(archive.resolve()).encode("utf-8")
    key = f"{zlib.crc32(folder):08x}{zlib.crc32(folder[::-1]):08x}"
    return cache_dir() / "archive-index" / f"{key}.idx"


# One file as indexed: (size, mtime_ns, inode, masthead, end block, titles), the stat first
# (it says the file is unchanged: every save renames a new file into place, a new inode),
# then what the checks need, in marshal's plain types.  Rows, not objects: the index
# of 1,000 issues is read at every start, and only the summaries used are built.  The
# titles, most of the index's bytes, stay marshalled bytes inside the row (loading bytes
# is a copy; loading Chinese text decodes it) until a check asks for them.
Row = tuple[Any, ...]


def _to_row(st: os.stat_result, past: PastIssue) -> Row:
    m, e = past.masthead, past.endblock
    masthead = (m.name, m.edition, m.number, m.cumulative, m.unit, m.date.toordinal())
    endblock = (tuple(e.distribution), e.editor, e.phone)
    return (st.st_size, st.st_mtime_ns, st.st_ino, masthead, endblock, marshal.dumps(past.titles))


class Summary:
    """One archived issue as the index holds it: its masthead at once, the rest when first asked for.

    ``new``, the newest-issue lookup and ``stats`` read every masthead of the
    archive at each start and one end block at most: building each issue's
    end block and summary as well was 2 ms of ``new`` with 1,000 issues.
    """

    __slots__ = ("_endblock", "_past", "_titles", "masthead")

    def __init__(
        self,
        masthead: Masthead,
        endblock: tuple[Any, ...] = (),
        titles: tuple[str, ...] = (),
        past: PastIssue | None = None,
    ) -> None:
        self.masthead = masthead
        self._endblock = endblock  # as the row holds it, until ``past`` is asked for
        self._titles = titles
        self._past = past

    @property
    def past(self) -> PastIssue:
        if self._past is None:
            distribution, editor, phone = self._endblock
            self._past = PastIssue(self.masthead, self._titles, EndBlock(list(distribution), editor, phone))
        return self._past


def _from_row(row: Row, *, titles: bool) -> Summary | None:
    """The summary a row holds; None for a row of the wrong shape (the file is read again)."""
    try:
        _, _, _, (name, edition, number, cumulative, unit, day), endblock, blob = row
        masthead = Masthead(name, edition, number, cumulative, unit, dt.date.fromordinal(day))
        distribution, editor, phone = endblock
    except (ValueError, TypeError):
        return None
    if not (isinstance(distribution, tuple) and isinstance(editor, str) and isinstance(phone, str)):
        return None
    if not titles:
        return Summary(masthead, endblock)
    try:
        past_titles = marshal.loads(blob)
    except (ValueError, TypeError, EOFError):
        return None
    if not (isinstance(past_titles, tuple) and all(isinstance(t, str) for t in past_titles)):
        return None
    return Summary(masthead, endblock, past_titles)


def _unchanged(row: object, st: os.stat_result) -> bool:
    """The indexed row still describes the file: same size, modification time and inode."""
    return isinstance(row, tuple) and len(row) == 6 and row[:3] == (st.st_size, st.st_mtime_ns, st.st_ino)


def _read_index(path: Path) -> dict[str, Row]:
    try:
        data = path.read_bytes()
        if not data.startswith(INDEX_MAGIC):
            return {}
        end = data.index(b"\n", len(INDEX_MAGIC))
        payload = memoryview(data)[end + 1 :]  # no copy of the 100s of KB
        if int(data[len(INDEX_MAGIC) : end]) != zlib.crc32(payload):
            return {}
        rows = marshal.loads(payload)
        if not isinstance(rows, dict):
            return {}
        return rows
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # no index yet, or one that cannot be trusted: rebuild it


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """``value`` with equal strings made one object: marshal then writes each once and refers back.

    Every issue repeats the bulletin's name, unit and distribution list; shared,
    they are read once (a 1,000-issue index: 3 ms less at every start).
    """
    if isinstance(value, str):
        return seen.setdefault(value, value)
    if isinstance(value, tuple):
        return tuple(_shared(v, seen) for v in value)
    return value


def _write_index(path: Path, rows: dict[str, Row]) -> None:
    seen: dict[str, str] = {}
    payload = marshal.dumps({name: _shared(row, seen) for name, row in sorted(rows.items())})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, INDEX_MAGIC + b"%d\n" % zlib.crc32(payload) + payload)
    except (OSError, JianbaoError):
        pass  # a cache that cannot be written is not kept


# What this process has already read: ``check`` of many files scans once.
_SEEN: dict[Path, tuple[dict[str, Row], dict[str, Summary]]] = {}


def forget() -> None:
    """Drop what this process remembers (the index on disk stays)."""
    _SEEN.clear()


def summaries(
    archive: Path, names: Iterable[str], *, titles: bool = True
) -> tuple[dict[str, Summary], list[LoadError]]:
    """Each readable file's summary by name (from the index when unchanged), and the errors of the others.

    Files are named, not given as paths: a thousand ``Path`` objects cost
    4 ms, twice what stating the files does.  ``titles=False`` is for a
    caller that needs only mastheads and an end block (``new``, the newest
    issue): its summaries have no titles, and are not remembered.
    """
    folder = archive.resolve()
    known, built = _SEEN.get(folder) or (_read_index(index_path(archive)), {})
    rows: dict[str, Row] = {}
    found: dict[str, Summary] = {}
    errors: list[LoadError] = []
    changed = False
    prefix = os.path.join(archive, "")
    for name in names:
        try:
            st = os.stat(prefix + name)
        except OSError:
            continue  # gone since the folder was listed
        row = known.get(name)
        summary = None
        if row is not None and _unchanged(row, st):
            summary = built.get(name) or _from_row(row, titles=titles)
        if row is None or summary is None:  # not indexed, changed, or a row of the wrong shape: read the file
            try:
                read = PastIssue.of(load_issue(archive / name))
            except LoadError as exc:
                errors.append(exc)
                continue
            row = _to_row(st, read)
            summary = Summary(read.masthead, past=read)
            changed = True
        rows[name] = row
        found[name] = summary
    if changed or rows.keys() != known.keys():
        _write_index(index_path(archive), rows)
    _SEEN[folder] = (rows, found if titles else {})
    return found, errors
