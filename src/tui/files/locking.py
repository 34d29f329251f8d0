"""A lock file beside an issue, so a second jianbao on the same file knows.

The lock is advisory: it records who holds the file (process, host, user,
time).  A lock whose process is gone on this host is stale and taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
from pathlib import Path
from typing import NamedTuple

from tui.files.processes import alive


class Holder(NamedTuple):
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user}@{self.host} (pid {self.pid}, {self.since})"


def lock_path(issue_path: Path) -> Path:
    return issue_path.with_name(f".{issue_path.name}.lock")


def holder(issue_path: Path) -> Holder | None:
    """Who holds the lock, if a live process does."""
    path = lock_path(issue_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        h = Holder(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if h.host == socket.gethostname() and (h.pid == os.getpid() or not alive(h.pid)):
        return None
    return h


def acquire(issue_path: Path) -> bool:
    """Take the lock; False if the folder is not writable (the lock is then only advisory)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    data = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": user,
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    try:
        lock_path(issue_path).write_text(json.dumps(data), encoding="utf-8")
    except OSError:
        return False
    return True


def release(issue_path: Path) -> None:
    path = lock_path(issue_path)
    with contextlib.suppress(OSError, ValueError, KeyError):
        if json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid():
            path.unlink()
