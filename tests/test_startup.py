"""The program's start (cli/startup.py): the collector held back for a command, as usual for the editor."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Counts the collections made from the moment the program's entry runs (Python's own
# start makes a few before it) and prints the count and the report's last line.
COUNTING = """
import gc, io, contextlib, sys
made = []
from tui.cli import run
gc.callbacks.append(lambda phase, info: phase == "start" and made.append(info["generation"]))
out = io.StringIO()
sys.argv = ["jianbao", "check", "--no-cache", sys.argv[1]]
with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
    run()
print(len(made), out.getvalue().splitlines()[-1])
"""


def test_a_check_of_an_issue_runs_no_collection(sample_toml: Path) -> None:
    """The objects a check loads are not garbage: with the collector's own rule it walked them some 30 times."""
    r = subprocess.run([sys.executable, "-c", COUNTING, str(sample_toml)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    count, last = r.stdout.strip().split(" ", 1)
    assert last == "共 168 条：168 错误，0 警告，0 提示"  # the check itself ran
    assert count == "0"


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """The collector's rule, put back after the test (it belongs to the whole test process)."""
    kept = gc.get_threshold()
    yield kept
    gc.set_threshold(*kept)


def test_the_editor_runs_with_the_collectors_own_rule(
    sample_toml: Path, thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session of hours makes garbage in small steps: young collections as usual, not one in 100,000."""
    from tui.app.app import JianbaoApp
    from tui.cli import startup

    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(JianbaoApp, "run", lambda self, **kw: seen.append(gc.get_threshold()))
    monkeypatch.setattr(sys, "argv", ["jianbao", str(sample_toml)])
    with pytest.raises(SystemExit):
        startup.run()
    assert seen == [thresholds]


def test_a_headless_command_keeps_the_collector_held_back(
    sample_toml: Path, thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import startup

    monkeypatch.setattr(sys, "argv", ["jianbao", "check", "--no-cache", str(sample_toml)])
    with pytest.raises(SystemExit):
        startup.run()
    assert gc.get_threshold()[0] == startup.HEADLESS_YOUNG
