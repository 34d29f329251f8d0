"""The text an issue had when it was signed off, so "what changed since the sign-off" can be shown.

A sign-off records who approved the issue and a digest of its content, not
the content itself (the issue file holds one version: the current one).  At
each sign-off the signed text is also kept in the per-user state folder,
``signed/<digest>.toml``; the editor's changes view compares the issue with
it.  It is a convenience copy: one that cannot be written costs nothing but
that comparison (the sign-off stands), and one missing (signed on another
machine, or before jianbao kept them) is said so.
"""

from __future__ import annotations

import re

from tui.files import codec
from tui.files.user_dirs import state_dir
from tui.files.writing import atomic_write
from tui.model.errors import JianbaoError
from tui.model.issue import Issue

_DIGEST = re.compile(r"[0-9a-f]{16,64}")  # a digest from a file names a file here: nothing else passes


def _path(digest: str) -> str | None:
    if not _DIGEST.fullmatch(digest):
        return None
    return str(state_dir() / "signed" / f"{digest}.toml")


def keep_signed(issue: Issue, digest: str) -> bool:
    """Keep the signed text; False when it could not be kept (the sign-off is not affected)."""
    path = _path(digest)
    if path is None:
        return False
    try:
        (state_dir() / "signed").mkdir(parents=True, exist_ok=True)
        atomic_write(path, codec.dumps(issue).encode("utf-8"), overwrite=True)
    except (OSError, JianbaoError):
        return False
    return True


def signed_version(digest: str) -> Issue | None:
    """The issue as it was signed with ``digest``; None when this machine did not keep it."""
    path = _path(digest)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return codec.loads(f.read())
    except (OSError, ValueError, JianbaoError):
        return None
