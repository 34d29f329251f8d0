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
    return True
