"""What the session says when it will not do something."""

from __future__ import annotations

from tui.model.errors import JianbaoError, Refused

__all__ = ["Conflict", "Refused"]


class Conflict(JianbaoError):
    """The file changed on disk since it was loaded or saved."""
