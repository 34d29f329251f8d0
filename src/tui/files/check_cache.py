"""What ``jianbao check`` printed for inputs it has seen, so an unchanged archive is not checked again.

A check is a pure function of its inputs: the issue files' bytes, the
archive folder each is checked against (the issues in it, as the archive
index sees them: name, size, modification time, inode), the house file
beside that folder, jianbao's own code and data, and the options that
shape the report.  A run keyed on all of them prints what the same run
printed before and exits as it did, without loading the rules (the rules,
their patterns and autocorrect's tables are most of a check's time).  That
is the second of two identical runs: a hook run again on an archive in
which nothing changed, a proofreader re-running ``check`` after a look at
the report.  A run in which any input changed is a full check: a file's
findings depend on the whole archive beside it (its numbering, the titles
of earlier issues), so results are kept per run, not per file.

Like the archive index, the cache is never the source of truth: it lives in
the per-user cache folder, anything unreadable in it is ignored, and
``--no-cache`` skips it.  ``--fix`` never uses it (it writes files).  A
result is kept only if the inputs were the same after the run as before it:
a file saved while it was being checked leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tui.files.user_dirs import cache_dir
from tui.model.house import HOUSE_FILE

# Marshal's format belongs to one Python version; the checksum keeps a damaged file from marshal.
MAGIC = b"jianbao-check-cache/1 py%d.%d\n" % sys.version_info[:2]
KEEP = 256  # results kept; the oldest half goes when there are more


class _Sink(Protocol):
    def update(self, data: bytes, /) -> None: ...


@dataclass(frozen=True)
class Cached:
    exit_code: int
    text: str


def _package_root() -> Path:
    return Path(__file__).resolve().parent.parent


def _stamp_tree(h: _Sink, folder: str, skip: frozenset[str]) -> None:
    """Each file under ``folder`` by path, size and modification time (its bytes decide the rules)."""
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name in skip:
                continue
            if entry.is_dir(follow_symlinks=False):
                _stamp_tree(h, entry.path, skip)
            else:
                st = entry.stat()
                h.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def _code_stamp(h: _Sink) -> None:
    """jianbao's code and shipped data, and autocorrect's: a new version or an edited rule is a new key."""
    _stamp_tree(h, str(_package_root()), frozenset({"__pycache__", "app"}))
    from importlib.util import find_spec

    spec = find_spec("autocorrect_py")
    for location in (spec.submodule_search_locations or []) if spec else []:
        _stamp_tree(h, location, frozenset({"__pycache__"}))
    h.update(f"{sys.version}\n".encode())


def _folder_stamp(h: _Sink, folder: Path) -> None:
    """The archive as the index sees it (every issue's stat), and the house file's bytes."""
    h.update(f"folder\0{folder.resolve()}\n".encode())
    if folder.is_dir():
        with os.scandir(folder) as entries:
            rows = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".toml") and e.is_file())
        for name, st in rows:
            h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
    house = folder.parent / HOUSE_FILE
    try:
        data = house.read_bytes()
        h.update(b"house\0%d\0" % len(data) + data)
    except FileNotFoundError:
        h.update(b"no house\0")


def key_for(files: Sequence[str], archive: str | None, options: Sequence[object]) -> str | None:
    """The key of a check of ``files`` (as given) with ``options``; None if an input cannot be read.

    An input that cannot be read is the check's to report (file, line, field):
    the cache steps aside.
    """
    h = hashlib.blake2b(MAGIC, digest_size=20)
    try:
        _code_stamp(h)
        h.update(repr(tuple(options)).encode())
        folders: dict[Path, None] = {}
        for name in files:
            path = Path(name)
            data = path.read_bytes()  # its length first: no file's bytes can pass for the next file's name
            h.update(f"file\0{name}\0{path.resolve()}\0{len(data)}\0".encode())
            h.update(data)
            folders[Path(archive) if archive else path.parent] = None
        for folder in folders:
            _folder_stamp(h, folder)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "check-results" / key


def read(key: str) -> Cached | None:
    """The result kept under ``key``; None if there is none or it cannot be trusted."""
    try:
        data = _path(key).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 4
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    payload = data[head:]
    if zlib.crc32(payload).to_bytes(4, "big") != data[len(MAGIC) : head]:
        return None
    try:
        code, text = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(code, int) or not isinstance(text, str):
        return None
    return Cached(code, text)


def store(key: str, result: Cached) -> None:
    """Keep ``result`` under ``key`` (atomically); a cache that cannot be written is simply not kept."""
    payload = marshal.dumps((result.exit_code, result.text))
    target = _path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{key}.{os.getpid()}.tmp")
        tmp.write_bytes(MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp, target)
        _prune(target.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """At most KEEP results: the least recently written half goes when there are more."""
    with os.scandir(folder) as entries:
        kept = [(e.stat().st_mtime_ns, e.path) for e in entries if e.is_file()]
    if len(kept) <= KEEP:
        return
    kept.sort()
    for _, path in kept[: len(kept) - KEEP // 2]:
        with contextlib.suppress(OSError):  # another run pruned it first
            os.unlink(path)
