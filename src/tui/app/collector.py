"""When the garbage collector makes its full walks: only while the user pauses.

Even with the open issue frozen out of the collector (``App`` does that once
the first check has landed), a structural edit of a 3,000-article issue makes
tens of thousands of objects (findings with their new indexes, the undo
step's snapshot), and the collector's own rule then started a full
collection every few edits: 13-64 ms measured, in one piece, in the middle
of the next edit.  Young generations are still collected as they fill (a
millisecond or two); the full walk waits until no key or mouse event has
come for ``REST`` seconds (a key pressed just then waits for it, as it
would have anyway).  Only for the process's one app: tests run many.
"""

from __future__ import annotations

import gc

REST = 2.0  # seconds without a key or mouse event before a full garbage collection is made
FULL_NEVER = 1 << 30  # the collector's own trigger for full collections, switched off


class RestCollector:
    """The collector's full walks, taken over: :meth:`at_rest` is called after ``REST`` quiet seconds."""

    def __init__(self) -> None:
        self._thresholds = gc.get_threshold()
        young, middle, full = self._thresholds
        self._owed_after = full  # middle-generation collections that make a full one due, as gc counts them
        gc.set_threshold(young, middle, FULL_NEVER)

    def at_rest(self) -> None:
        if gc.get_count()[2] >= self._owed_after:
            gc.collect()

    def restore(self) -> None:
        """The collector's own rule again, as found (tests and the bench run apps one after another)."""
        gc.set_threshold(*self._thresholds)
