"""An index of the archive: what the checks need of each issue, without reading it again.

Numbering checks, ``jianbao new``, the editor and ``check`` need of each
archived issue only its masthead, its titles and its end block.  Reading
hundreds of issue files for that on every start (and once per file when
``check`` is given many) made the cost grow with the archive.  The index
keeps, per file, its size and modification time with that summary; a file
whose size, time or inode changed is read again (every save renames a new
file into place), a file gone is dropped.

The index is a cache, never the source of truth: it lives in the per-user
cache folder (platformdirs; ``$JIANBAO_CACHE_DIR`` overrides it), one file
per archive folder; a missing, unreadable or corrupt index is rebuilt, and
one that cannot be written is simply not kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.files.storage import load_issue
from tui.files.writing import atomic_write
from tui.model import EndBlock, Masthead
from tui.model.errors import JianbaoError, LoadError
from tui.model.past import PastIssue

INDEX_FORMAT = "jianbao-archive-index/1"


def cache_dir() -> Path:
    override = os.environ.get("JIANBAO_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("jianbao", appauthor=False))


def index_path(archive: Path) -> Path:
    key = hashlib.sha256(str(archive.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / "archive-index" / f"{key}.json"


@dataclass(frozen=True)
class Summary:
    """One archived file as indexed: the stat that says it is unchanged, and what the checks need."""

    size: int
    mtime_ns: int
    inode: int  # every save renames a new file into place: a new inode
    past: PastIssue


def _to_json(s: Summary) -> dict[str, Any]:
    m, e = s.past.masthead, s.past.endblock
    return {
        "size": s.size,
        "mtime_ns": s.mtime_ns,
        "inode": s.inode,
        "masthead": [m.name, m.edition, m.number, m.cumulative, m.unit, m.date.isoformat()],
        "titles": list(s.past.titles),
        "endblock": [list(e.distribution), e.editor, e.phone],
    }


def _from_json(d: dict[str, Any]) -> Summary:
    name, edition, number, cumulative, unit, date = d["masthead"]
    distribution, editor, phone = d["endblock"]
    masthead = Masthead(name, edition, int(number), int(cumulative), unit, dt.date.fromisoformat(date))
    past = PastIssue(masthead, tuple(d["titles"]), EndBlock(list(distribution), editor, phone))
    return Summary(int(d["size"]), int(d["mtime_ns"]), int(d["inode"]), past)


def _read_index(path: Path) -> dict[str, Summary]:
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != INDEX_FORMAT:
            return {}
        return {name: _from_json(entry) for name, entry in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no index yet, or one that cannot be trusted: rebuild it


def _write_index(path: Path, entries: dict[str, Summary]) -> None:
    data = {"format": INDEX_FORMAT, "files": {name: _to_json(s) for name, s in sorted(entries.items())}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (OSError, JianbaoError):
        pass  # a cache that cannot be written is not kept


# What this process has already read: ``check`` of many files scans once.
_SEEN: dict[Path, dict[str, Summary]] = {}


def forget() -> None:
    """Drop what this process remembers (the index on disk stays)."""
    _SEEN.clear()


def summaries(archive: Path, files: Iterable[Path]) -> tuple[dict[Path, PastIssue], list[LoadError]]:
    """Each readable file's summary (from the index when unchanged), and the errors of the others."""
    folder = archive.resolve()
    known = _SEEN.get(folder)
    if known is None:
        known = _read_index(index_path(archive))
    fresh: dict[str, Summary] = {}
    found: dict[Path, PastIssue] = {}
    errors: list[LoadError] = []
    changed = False
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue  # gone since the folder was listed
        cached = known.get(path.name)
        if cached is not None and (cached.size, cached.mtime_ns, cached.inode) == (
            st.st_size,
            st.st_mtime_ns,
            st.st_ino,
        ):
            summary = cached
        else:
            try:
                summary = Summary(st.st_size, st.st_mtime_ns, st.st_ino, PastIssue.of(load_issue(path)))
            except LoadError as exc:
                errors.append(exc)
                continue
            changed = True
        fresh[path.name] = summary
        found[path] = summary.past
    if changed or set(fresh) != set(known):
        _write_index(index_path(archive), fresh)
    _SEEN[folder] = fresh
    return found, errors
