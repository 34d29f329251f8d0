"""Whether a process still runs: a lock, a recovery file or a temporary of a process that has ended is stale."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.files.locking import acquire, holder, lock_path
from tui.files.processes import alive


def test_this_process_is_alive_and_a_finished_one_is_not() -> None:
    assert alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not alive(child.pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="zombies are told apart through /proc")
def test_an_ended_process_not_yet_collected_is_not_alive(tmp_path: Path) -> None:
    """An editor killed with its terminal is a zombie for a moment: its lock must not keep the next one out."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        for _ in range(500):  # until it has ended; not collected: no wait() yet
            if stat.read_bytes().rsplit(b")", 1)[1][1:2] == b"Z":
                break
            time.sleep(0.01)
        issue = tmp_path / "2026-01.toml"
        issue.write_text("", encoding="utf-8")
        lock_path(issue).write_text(
            f'{{"pid": {child.pid}, "host": "{socket.gethostname()}", "user": "编辑", "since": "2026-01-01T09:00:00+08:00"}}',
            encoding="utf-8",
        )
        assert not alive(child.pid)
        assert holder(issue) is None  # stale: taken over
        assert acquire(issue) and holder(issue) is None  # now ours
    finally:
        child.wait()
