"""The per-user cache folder: indexes and results jianbao can always make again.

Nothing here is a source of truth: a file in it that is missing, damaged or
out of date is made again.  ``$JIANBAO_CACHE_DIR`` overrides the platform's
place (tests point it at a temporary folder, never at the user's home).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    override = os.environ.get("JIANBAO_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("jianbao", appauthor=False))
