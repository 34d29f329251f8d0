"""Whether a process still runs: locks, recovery files and temporaries belong to live processes only."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """True if a process with this pid runs on this machine (or cannot be asked: assume it does)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return not _exited(pid)


def _exited(pid: int) -> bool:
    """A zombie: the process has ended and only waits for its parent to collect it (Linux says so in /proc).

    It answers signals like a live one, yet it holds no file: an editor killed
    with its terminal lingers so for a moment, and its lock must not keep the
    next editor out.  Where there is no /proc, a process that answers is alive.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            data = stat.read()
    except OSError:
        return False
    end = data.rfind(b")")  # the state follows the command's name, which may hold spaces and parentheses
    return data[end + 2 : end + 3] in (b"Z", b"X")
