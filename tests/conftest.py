"""Shared fixtures: copies of the shipped data in tmp_path, never the originals."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SAMPLE_TOML = DATA / "issues" / "2025-12.toml"
SAMPLE_TEXT = Path(__file__).parent / "data" / "sample-2025-12.txt"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A copy of data/ (house configuration and archive) in tmp_path; returns the archive folder."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data" / "issues"


@pytest.fixture
def sample_toml(archive: Path) -> Path:
    return archive / "2025-12.toml"


@pytest.fixture
def house():
    from tui.files.config import default_house

    return default_house()


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_TEXT.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """No test leaves objects frozen out of the garbage collector for the next one.

    An app run with ``run()`` (the snapshot tests' apps) is its process's
    own and freezes what it holds (app/app.py); in this shared process that
    would change what the next test finds (a frozen object freed later
    lowers the freeze count another test reads).
    """
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the user's language, archive, home, recovery files or archive index."""
    for name in (
        "JIANBAO_LANG",
        "JIANBAO_ARCHIVE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("JIANBAO_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    work = tmp_path / "cwd"  # where an export goes by default: never the repository
    work.mkdir(exist_ok=True)
    monkeypatch.chdir(work)


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    """Where this test's recovery files and crash logs go."""
    return tmp_path / "state"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``jianbao`` in a subprocess, as a user would."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("JIANBAO_", "LC_"))}
    full_env.pop("LANG", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
