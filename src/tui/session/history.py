"""Undo and redo of structural edits and fixes: whole-issue states, or the few places an edit changed.

Typed text is not an undo step here (the text fields have their own undo);
a structural step that would also take back text typed since it was made is
known, so the editor can ask first, and what undo takes back is kept for
redo, typed text included.  A move and a delete are kept as what they
changed (:class:`Swap`, :class:`PutBack`): undoing them keeps text typed
since, and costs nothing at 3,000 articles where a whole state cost a
blocking 2 ms to take and 7 ms to read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from tui.model import Issue, structure
from tui.model.i18n import Text
from tui.model.snapshot import Plain, article_from_plain, article_to_plain, from_plain, to_plain

DEPTH = 50


@dataclass(frozen=True)
class Swap:
    """A move within a column: two places to exchange again (its own inverse)."""

    first: int
    second: int


@dataclass(frozen=True)
class PutBack:
    """The undo of a delete: the article, as plain values, to put back at its place."""

    index: int
    article: Plain


@dataclass(frozen=True)
class TakeOut:
    """The redo of a delete: the article put back, to take out again (as it was put back)."""

    index: int
    article: Plain


ListEdit = Swap | PutBack | TakeOut  # an edit of the article list, small enough to keep as itself


def apply_edit(edit: ListEdit, issue: Issue) -> None:
    """Make ``edit`` on ``issue``, in place: every other article stays the object it was, typed text and all."""
    if isinstance(edit, Swap):
        structure.swap_articles(issue, edit.first, edit.second)
    elif isinstance(edit, PutBack):
        issue.articles.insert(edit.index, article_from_plain(edit.article))
    else:
        del issue.articles[edit.index]


def place_after(edit: ListEdit, index: int) -> int:
    """Where the article at ``index`` stands once ``edit`` is made (an article taken out: the place it left)."""
    if isinstance(edit, Swap):
        return edit.second if index == edit.first else edit.first if index == edit.second else index
    if isinstance(edit, PutBack):
        return index + 1 if index >= edit.index else index
    return index - 1 if index > edit.index else index


class Went(NamedTuple):
    """A step undone or redone: its label, and the edit of the article list it made (None: a whole state)."""

    label: Text
    edit: ListEdit | None = None

    def selection(self, index: int | None) -> int | None:
        """The article to show after the step, the cursor having been on article ``index`` (None: elsewhere).

        An article put back is shown: it is what the step is about.  Otherwise the
        cursor follows the article it was on, as a move does (the outline would
        else show another article on the same line); after a whole state it
        stays on its line.
        """
        if isinstance(self.edit, PutBack):
            return self.edit.index
        if index is None or self.edit is None:
            return index
        return place_after(self.edit, index)

    def took_out(self, index: int | None) -> bool:
        """The step deleted the article that stood at ``index`` (a redo of a delete)."""
        return isinstance(self.edit, TakeOut) and self.edit.index == index


def inverse(edit: ListEdit, issue: Issue) -> ListEdit:
    """What undoes ``edit``, made on ``issue`` as it stands before ``edit`` is applied."""
    if isinstance(edit, PutBack):
        return TakeOut(edit.index, edit.article)
    if isinstance(edit, TakeOut):  # the article as it is now, typed text and all
        return PutBack(edit.index, article_to_plain(issue.articles[edit.index]))
    return edit


@dataclass
class Step:
    """A whole-issue state to go back (undo) or forward (redo) to, or an ``edit`` of the article list.

    ``version`` is the session's version on which the step applies cleanly;
    if the issue changed since (text typed after a structural edit), going to
    a state would drop that text too (an edit drops nothing but, for a
    :class:`TakeOut`, that article).  ``base`` is the version whose content
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
    # A move or a delete: what undoes it, and no state at all.  Undone, it keeps text
    # typed since (nothing else is dropped); taking a whole state for a move was 4-5 ms
    # of its one blocking turn at 3,000 articles, reading it back for a delete's undo 7.
    edit: ListEdit | None = None

    @classmethod
    def of(cls, label: Text, issue: Issue, base: int) -> Step:
        return cls(label, to_plain(issue), base)

    @property
    def plain(self) -> Plain:
        assert self.edit is None, "an edit of the list keeps no state"
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

    def checkpoint_edit(self, label: Text, undo: ListEdit, version: int) -> None:
        """Record an edit by what undoes it: two articles exchanged again, a deleted one put back."""
        self._push(Step(label, None, base=version, edit=undo))

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

    def would_drop(self, *, redo: bool, version: int, issue: Issue) -> Issue | None:
        """The issue undo (redo) would return to, if that would also drop changes made since."""
        stack = self.redo_stack if redo else self.undo_stack
        if not stack:
            return None
        step = stack[-1]
        if isinstance(step.edit, TakeOut):  # only that article's changes would go
            k = step.edit.index
            if article_to_plain(issue.articles[k]) == step.edit.article:
                return None
            return replace(issue, articles=issue.articles[:k] + issue.articles[k + 1 :])
        if step.edit is not None or step.version == version:
            return None  # an exchange or a put-back drops nothing: typed text stays
        return step.issue

    def step(self, *, redo: bool, issue: Issue, version: int) -> Step | None:
        """Pop the step to go to and keep what undoes it (or ``issue``, the state left) on the other stack.

        The caller installs ``step.issue`` (or applies ``step.edit`` to the
        issue), bumps its version and calls :meth:`arrived` with it.
        """
        source, target = (self.redo_stack, self.undo_stack) if redo else (self.undo_stack, self.redo_stack)
        if not source:
            return None
        step = source.pop()
        if step.edit is not None:
            target.append(Step(step.label, None, base=version, edit=inverse(step.edit, issue)))
        else:
            target.append(
                Step(step.label, None, base=version, left=issue)
            )  # ``issue`` is no longer the session's
        return step

    def arrived(self, step: Step, *, redo: bool, version: int) -> int | None:
        """Note the version the issue is at now; return the earlier version whose content it holds again, if any."""
        source, target = (self.redo_stack, self.undo_stack) if redo else (self.undo_stack, self.redo_stack)
        left = target[-1]
        left.version = version
        # A state is the content as it was; an edit of the list keeps what was typed since it was
        # made, so only one undone (redone) as it was left brings the content back to that step's.
        back = step.edit is None or left.base == step.version
        if back and source and source[-1].version == step.base:  # the content is where that step applies
            source[-1].version = version
        return step.base if back else None

    def compact(self) -> None:
        """Make the states an undo or redo left plain (independent of the objects, untracked by the collector)."""
        for stack in (self.undo_stack, self.redo_stack):
            for step in stack:
                if step.state is None and step.edit is None:
                    _ = step.plain

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
