"""Recovery files: the unsaved issue, written a few seconds after the last change.

They live in the per-user state folder (files/user_dirs.py; ``$JIANBAO_STATE_DIR``
overrides it).  Each editing session writes its own file, named after the
issue's absolute path, the process and a random token, with a small JSON
beside it that says whose it is.  So a crash or a killed terminal never costs
more than a few seconds of typing, and nothing another session does can take
a recovery file away:

- a recovery file is removed only by its own session, when it saves or when
  the user explicitly discards the changes (``不保存，退出``, or 放弃 on the
  recovery question);
- a file left by a session whose process is gone is offered when the issue is
  opened again, whatever happened to the issue file meanwhile (a ``check
  --fix``, a colleague's save): the question shows what differs;
- a session that restores it adopts it: later autosaves go to it, and its
  save or explicit discard removes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tui.files.processes import alive
from tui.files.user_dirs import state_dir
from tui.files.writing import atomic_write, os_error_reason
from tui.model.errors import SaveError


def _folder() -> Path:
    return state_dir() / "recovery"


def _key(issue_path: Path) -> str:
    return hashlib.sha256(str(issue_path.resolve()).encode("utf-8")).hexdigest()[:24]


def _prefix(issue_path: Path) -> str:
    return f"{issue_path.stem[:40]}-{_key(issue_path)}"


def _meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _alive_here(pid: int, host: str) -> bool:
    if host != socket.gethostname():
        return True  # another machine's process: assume it is still at work
    return pid != os.getpid() and alive(pid)


class Found(NamedTuple):
    """A recovery file left by a session that is no longer running."""

    path: Path
    written: dt.datetime

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass
class Recovery:
    """The recovery file of one editing session for one issue file."""

    issue_path: Path
    path: Path
    token: str

    @classmethod
    def for_session(cls, issue_path: Path) -> Recovery:
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        return cls(issue_path, _folder() / f"{_prefix(issue_path)}-{token}.toml", token)

    def write(self, toml_text: str) -> Path:
        """Write the buffer; raises SaveError (disk full, folder unwritable, name too long)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(os_error_reason(exc), file=self.path.parent) from None
        meta = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "issue": str(self.issue_path.resolve()),
            "written": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        atomic_write(_meta_path(self.path), json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        atomic_write(self.path, toml_text.encode("utf-8"))
        return self.path

    def adopt(self, found: Found) -> None:
        """Take over a recovery file restored into this session: it is now ours to update or remove."""
        self.discard()
        self.path = found.path
        with contextlib.suppress(OSError):  # claim it, so no other session offers it while we run
            meta = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "issue": str(self.issue_path.resolve()),
                "written": found.written.isoformat(timespec="seconds"),
            }
            atomic_write(_meta_path(self.path), json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    def discard(self) -> None:
        """Remove this session's own recovery file (after a save, or when the user discards)."""
        for path in (self.path, _meta_path(self.path)):
            with contextlib.suppress(OSError):
                path.unlink()


def find_pending(issue_path: Path) -> list[Found]:
    """Recovery files for ``issue_path`` left by sessions that are gone, newest first.

    A file whose text equals the issue file as it is now holds nothing to
    recover and is removed.  A file whose session is still running (another
    editor on this file) is not offered.
    """
    folder = _folder()
    try:
        candidates = [p for p in folder.glob(f"{_prefix(issue_path)}*.toml") if p.is_file()]
    except OSError:
        return []
    try:
        current: bytes | None = issue_path.read_bytes()
    except OSError:
        current = None
    found = []
    for path in candidates:
        try:
            meta = json.loads(_meta_path(path).read_text(encoding="utf-8"))
            pid, host = int(meta["pid"]), str(meta["host"])
        except (OSError, ValueError, KeyError, TypeError):
            pid, host = -1, socket.gethostname()  # no owner recorded (an older jianbao): nobody holds it
        if pid != -1 and _alive_here(pid, host):
            continue
        try:
            data = path.read_bytes()
            written = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except OSError:
            continue
        if current is not None and data == current:
            for stale in (path, _meta_path(path)):
                with contextlib.suppress(OSError):
                    stale.unlink()
            continue
        found.append(Found(path, written))
    return sorted(found, key=lambda f: f.written, reverse=True)


def discard_found(found: Found) -> None:
    """The user chose to throw away a left-over recovery file."""
    for path in (found.path, _meta_path(found.path)):
        with contextlib.suppress(OSError):
            path.unlink()
