"""Recovery files: the unsaved issue, written a few seconds after the last change.

They live in the per-user state folder (platformdirs; ``$JIANBAO_STATE_DIR``
overrides it), one per issue file, keyed by the file's absolute path, so a
crash or a killed terminal never costs more than a few seconds of typing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from tui.storage import atomic_write


def state_dir() -> Path:
    override = os.environ.get("JIANBAO_STATE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_state_dir("jianbao", appauthor=False))


def recovery_path(issue_path: Path) -> Path:
    key = hashlib.sha256(str(issue_path.resolve()).encode("utf-8")).hexdigest()[:24]
    return state_dir() / "recovery" / f"{issue_path.stem}-{key}.toml"


def write(issue_path: Path, toml_text: str) -> Path:
    path = recovery_path(issue_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, toml_text.encode("utf-8"))
    return path


def pending(issue_path: Path) -> Path | None:
    """A recovery file newer than the issue file and different from it."""
    path = recovery_path(issue_path)
    try:
        newer = path.stat().st_mtime_ns > issue_path.stat().st_mtime_ns
        differs = path.read_bytes() != issue_path.read_bytes()
    except OSError:
        return None
    return path if newer and differs else None


def discard(issue_path: Path) -> None:
    with contextlib.suppress(OSError):
        recovery_path(issue_path).unlink()
