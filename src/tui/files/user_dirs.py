"""The per-user folders: the cache (indexes and results jianbao can always make
again) and the state (recovery files, logs, signed versions, recent folders).

Nothing in the cache is a source of truth: a file in it that is missing,
damaged or out of date is made again.  ``$JIANBAO_CACHE_DIR`` and
``$JIANBAO_STATE_DIR`` override the platform's places (tests point them at
temporary folders, never at the user's home).

Where the XDG Base Directory specification applies (Linux and the BSDs), the
places are worked out here by its two rules — the variable if it holds an
absolute path, else the default under the home folder — exactly as
platformdirs does (tests/test_user_dirs.py holds the two to the same
answers).  Importing platformdirs costs about 6 ms (it loads tempfile and
shutil), and every ``jianbao check`` and every start of the editor asks for
these folders; elsewhere (macOS, Windows, Android) platformdirs answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "jianbao"


def _follows_xdg() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not hasattr(
        sys, "getandroidapilevel"
    )


def _xdg(variable: str, default: str) -> Path:
    """The XDG folder named by ``variable``: its value if absolute, else ``default`` under the home folder."""
    value = os.environ.get(variable, "")
    base = value if os.path.isabs(value) else os.path.expanduser(default)
    return Path(base) / APP


def _folder(override: str, xdg: str, default: str, kind: str) -> Path:
    """``$override`` if set; the XDG place where XDG applies; else platformdirs' ``user_<kind>_dir``."""
    given = os.environ.get(override)
    if given:
        return Path(given)
    if _follows_xdg():
        return _xdg(xdg, default)
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))


def cache_dir() -> Path:
    return _folder("JIANBAO_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache", "cache")


def state_dir() -> Path:
    return _folder("JIANBAO_STATE_DIR", "XDG_STATE_HOME", "~/.local/state", "state")
