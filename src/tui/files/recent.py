"""The folders a user last imported from and exported to, remembered between sessions.

Kept in the per-user state folder (``$JIANBAO_STATE_DIR``), never beside the
issues.  Losing it loses nothing but convenience: a file that cannot be read
or written is treated as empty and never stops an import or an export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from tui.files.user_dirs import state_dir
from tui.files.writing import atomic_write
from tui.model.errors import JianbaoError

Purpose = Literal["import", "export"]
KEEP = 8


def _file() -> Path:
    return state_dir() / "recent-folders.json"


def _load() -> dict[str, list[str]]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [str(p) for p in v if isinstance(p, str)] for k, v in data.items() if isinstance(v, list)}


def recent_folders(purpose: Purpose) -> list[Path]:
    """The folders used for ``purpose``, the last first, those that still exist."""
    return [p for p in map(Path, _load().get(purpose, [])) if p.is_dir()]


def remember_folder(purpose: Purpose, folder: Path) -> None:
    """Put ``folder`` first among the recent ones (quietly does nothing if it cannot be kept)."""
    data = _load()
    name = str(folder.resolve())
    data[purpose] = [name, *[p for p in data.get(purpose, []) if p != name]][:KEEP]
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except (OSError, JianbaoError):
        return
