"""Undo and redo of structural edits and fixes, as whole-issue states.

Typed text is not an undo step here (the text fields have their own undo);
a structural step that would also take back text typed since it was made is
known, so the editor can ask first, and what undo takes back is kept for
redo, typed text included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.model import Issue
from tui.model.i18n import Text
from tui.model.snapshot import Plain, from_plain, to_plain

DEPTH = 50


@dataclass
class Step:
    """A whole-issue state to go back (undo) or forward (redo) to.

    ``version`` is the session's version on which the step applies cleanly;
    if the issue changed since (text typed after a structural edit), going to
    the step would drop that text too.  ``base`` is the version whose content
    ``issue`` holds.  The state is kept as nested tuples of strings and
    numbers (``tui.model.snapshot``): 2 ms to take at 3,000 articles, a new,
    independent issue each time it is read, and nothing the garbage collector
    keeps walking (it stops tracking a tuple that holds only such values).
    """

    label: Text
    state: Plain | None
    base: int
    version: int = -1
    # The issue an undo or redo left, kept as it is until first read: the session no
    # longer holds it, so nothing changes it, and making it plain at once cost the
    # undo of a delete 7 ms at 3,000 articles, in the one turn of the loop that
    # blocks the keys (docs/performance.md).  The editor makes it plain soon after
    # (:meth:`History.compact`, once the findings have landed).
    left: Issue | None = field(default=None, repr=False, compare=False)
    # A move within a column: the two places to exchange again, and no state at all.  Its
    # own inverse, it keeps text typed since (nothing is dropped), and taking a whole
    # state for it was 4-5 ms of the move's one blocking turn at 3,000 articles.
    swap: tuple[int, int] | None = None

    @classmethod
    def of(cls, label: Text, issue: Issue, base: int) -> Step:
        return cls(label, to_plain(issue), base)

    @property
    def plain(self) -> Plain:
        assert self.swap is None, "a swap keeps no state"
        if self.state is None:
            assert self.left is not None
            self.state, self.left = to_plain(self.left), None
        return self.state

    @property
    def issue(self) -> Issue:
        return from_plain(self.plain)


@dataclass
class History:
    undo_stack: list[Step] = field(default_factory=list)
    redo_stack: list[Step] = field(default_factory=list)

    def checkpoint(self, label: Text, issue: Issue, version: int) -> None:
        """Record the issue before a structural edit or fix; a new edit ends what could be redone."""
        self._push(Step.of(label, issue, base=version))

    def checkpoint_swap(self, label: Text, places: tuple[int, int], version: int) -> None:
        """Record a move of two articles changing places: undo exchanges them again."""
        self._push(Step(label, None, base=version, swap=places))

    def _push(self, step: Step) -> None:
        self.undo_stack.append(step)
        del self.undo_stack[:-DEPTH]
        self.redo_stack.clear()

    def recorded(self, version: int) -> None:
        """The edit is done: its step remembers the version it left behind."""
        if self.undo_stack:
            self.undo_stack[-1].version = version

    def cancel(self) -> None:
        """The edit changed nothing after all: forget its step."""
        self.undo_stack.pop()

    def would_drop(self, *, redo: bool, version: int) -> Issue | None:
        """The issue undo (redo) would return to, if that would also drop changes made since."""
        stack = self.redo_stack if redo else self.undo_stack
        if not stack or stack[-1].version == version or stack[-1].swap is not None:
            return None  # a swap drops nothing: the articles change places again, typed text and all
        return stack[-1].issue

    def step(self, *, redo: bool, issue: Issue, version: int) -> Step | None:
        """Pop the step to go to and keep ``issue`` (the state left) on the other stack.

        The caller installs ``step.issue`` (or, for a swap, exchanges the two
        articles again), bumps its version and calls :meth:`arrived` with it.
        """
        source, target = (self.redo_stack, self.undo_stack) if redo else (self.undo_stack, self.redo_stack)
        if not source:
            return None
        step = source.pop()
        if step.swap is not None:  # its own inverse
            target.append(Step(step.label, None, base=version, swap=step.swap))
        else:
            target.append(
                Step(step.label, None, base=version, left=issue)
            )  # ``issue`` is no longer the session's
        return step

    def arrived(self, step: Step, *, redo: bool, version: int) -> None:
        source, target = (self.redo_stack, self.undo_stack) if redo else (self.undo_stack, self.redo_stack)
        left = target[-1]
        left.version = version
        # A state is the content as it was; a swap keeps what was typed since it was made, so
        # only a swap undone (redone) as it was left brings the content back to that step's.
        back = step.swap is None or left.base == step.version
        if back and source and source[-1].version == step.base:  # the content is where that step applies
            source[-1].version = version

    def compact(self) -> None:
        """Make the states an undo or redo left plain (independent of the objects, untracked by the collector)."""
        for stack in (self.undo_stack, self.redo_stack):
            for step in stack:
                if step.state is None and step.swap is None:
                    _ = step.plain

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
