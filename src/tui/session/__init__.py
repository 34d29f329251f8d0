"""The open issue's one owner: edits, undo and redo, re-checks, saving.  Textual-free.

- ``session``: :class:`Session`, what the editor asks;
- ``checker``: the findings and the background re-check path;
- ``history``: undo and redo of structural edits.
"""

from tui.session.checker import Checker, Recheck, Rechecked
from tui.session.errors import Conflict, Refused
from tui.session.history import History, Step, Went
from tui.session.session import STRUCTURE_STEP, Session

__all__ = [
    "STRUCTURE_STEP",
    "Checker",
    "Conflict",
    "History",
    "Recheck",
    "Rechecked",
    "Refused",
    "Session",
    "Step",
    "Went",
]
