"""The findings of an open issue, and re-checking what the user changed, off the UI thread.

The one path of every check in the editor:

1. an edit marks its article (or None: masthead, end block) as pending;
2. :meth:`Checker.take` (UI thread) turns what is pending into a
   :class:`Recheck` — what to look at and a generation number;
3. :meth:`Checker.run` (any thread) runs the rules; it only reads the issue;
4. :meth:`Checker.apply` (UI thread) takes the :class:`Rechecked` result in,
   unless a structural edit re-checked everything meanwhile; a result never
   overwrites one from a later generation.

The first check of an opened issue is the same with ``everything`` set.
Structural edits re-check everything, reusing the findings of articles
whose content did not change (``ArticleMemo``).  In a large issue that is
still too long to block a keystroke for (every article after a deleted one
needs its findings re-indexed), so :meth:`Checker.restructure` starts it as
a job the editor carries out in steps between keystrokes (:meth:`step`);
until it is done the findings are not handed out: :meth:`findings` (and
everything that acts on a finding) finishes it first (:meth:`settle`), so
nothing ever reads findings by the old indexes.  Two articles changing
places (:meth:`Checker.swapped`, the commonest structural edit) only swap
their findings: nothing an article rule reads changed.  Either way the
requests taken before are by the old indexes, so their results are
dropped; after a swap, what they were to look at is pending again (a full
re-check looked at it already).
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from tui.checks.recheck import ArticleMemo, reindexed
from tui.checks.waivers import apply_waivers
from tui.model import Issue, Masthead
from tui.model.findings import Finding
from tui.model.house import House
from tui.model.past import PastIssue


@dataclass(frozen=True)
class Recheck:
    """What a background check is to look at; taken on the UI thread."""

    generation: int
    epoch: int  # structural edits since the issue was opened: findings are by article index
    issue: Issue
    count: int  # articles when it was taken
    articles: frozenset[int]
    everything: bool = False


class Rechecked(NamedTuple):
    """What a background check found."""

    request: Recheck
    articles: dict[int, list[Finding]]
    cross: list[Finding]


@dataclass
class Checker:
    house: House
    archive: tuple[Masthead, ...] = ()
    archive_problems: list[Finding] = field(default_factory=list)  # archive files that cannot be read
    past: tuple[PastIssue, ...] = ()  # the archived issues' titles and end blocks
    article_findings: list[list[Finding]] = field(default_factory=list)
    cross_findings: list[Finding] = field(default_factory=list)
    checked: bool = False  # until the first full check has landed
    pending: set[int | None] = field(default_factory=set)
    generation: int = 0
    epoch: int = 0
    applied: dict[int | None, int] = field(default_factory=dict)
    # Requests taken and not yet applied: generation -> the articles each is to look at.
    in_flight: dict[int, frozenset[int]] = field(default_factory=dict)
    memo: ArticleMemo = field(default_factory=ArticleMemo, repr=False, compare=False)
    # A structural edit's re-check under way (restructure): one article per step.
    job: Generator[bool | None, None, None] | None = field(default=None, repr=False, compare=False)

    # ------------------------------------------------------------ the background path

    def mark(self, article: int | None) -> None:
        self.pending.add(article)

    def first(self, issue: Issue) -> Recheck:
        self.generation += 1
        count = len(issue.articles)
        return Recheck(self.generation, self.epoch, issue, count, frozenset(range(count)), everything=True)

    def take(self, issue: Issue) -> Recheck | None:
        """What is pending, as a request; None while a check of everything runs or nothing is pending."""
        if not self.checked or not self.pending or self.job is not None:
            return None
        pending, self.pending = self.pending, set()
        self.generation += 1
        count = len(issue.articles)
        wanted = frozenset(i for i in pending if i is not None and i < count)
        self.in_flight[self.generation] = wanted
        return Recheck(self.generation, self.epoch, issue, count, wanted)

    def run(self, request: Recheck) -> Rechecked:
        """Run the rules the request asks for; reads the issue only, so it is safe in a worker thread."""
        from tui.checks.rules import check_article, check_cross  # the first check loads them, in its worker

        issue = request.issue
        found = {i: check_article(issue, i, self.house, self.archive) for i in sorted(request.articles)}
        return Rechecked(request, found, check_cross(issue, self.house, self.archive, self.past))

    def apply(self, result: Rechecked, issue: Issue) -> bool:
        """Take a result in; False when it no longer fits the issue (nothing to show then)."""
        request = result.request
        self.in_flight.pop(request.generation, None)
        if request.everything:
            if self.checked or self.job is not None:
                return False  # a structural edit checked everything meanwhile, or is checking it
            if request.epoch == self.epoch and request.issue is issue:
                self.set([result.articles[i] for i in range(request.count)], result.cross)
                self.memo.prime(issue, self.house, self.archive, self.article_findings, self.pending)
            else:
                self.revalidate(issue)
            return True
        if request.epoch != self.epoch or request.issue is not issue:
            return False  # a structural edit (or undo) re-checked everything meanwhile
        for i, found in result.articles.items():
            if request.generation >= self.applied.get(i, 0):
                self.article_findings[i] = found
                self.applied[i] = request.generation
        if request.generation >= self.applied.get(None, 0):
            self.cross_findings = result.cross
            self.applied[None] = request.generation
        return True

    # ------------------------------------------------------------ at once

    def set(self, article_findings: list[list[Finding]], cross_findings: list[Finding]) -> None:
        self.article_findings, self.cross_findings = article_findings, cross_findings
        self.checked = True

    def revalidate(self, issue: Issue, index: int | None = None) -> None:
        """Re-check one article (plus the cross-article rules), or everything (what changed of it), at once."""
        from tui.checks.rules import check_article, check_cross

        if index is None or not self.checked or len(self.article_findings) != len(issue.articles):
            self.restructure(issue)
            self.settle()
            return
        self.settle()
        self.article_findings[index] = check_article(issue, index, self.house, self.archive)
        self.cross_findings = check_cross(issue, self.house, self.archive, self.past)

    def restructure(self, issue: Issue) -> None:
        """Everything is to be checked again (a structural edit): started here, carried out by :meth:`step`.

        A job already under way is dropped (it read the issue before this
        edit).  Requests taken before are by the old indexes: their results
        are dropped, and nothing is pending, as the job reads every article
        when it comes to it; text typed into an article the job has passed is
        marked pending again by the edit, and checked once the job is done.
        """
        self.pending.clear()
        self.in_flight.clear()
        self.epoch += 1
        self.job = self._everything(issue)

    def _everything(self, issue: Issue) -> Generator[bool | None, None, None]:
        """The articles one at a time, then the rules across them: each yield a point to pause at."""
        from tui.checks.rules import check_cross

        found = yield from self.memo.steps(issue, self.house, self.archive)
        yield True  # the rules across articles get a step of their own: 10 ms at 3,000 articles
        self.set(found, check_cross(issue, self.house, self.archive, self.past))

    @property
    def settled(self) -> bool:
        """No structural re-check is under way: the findings fit the issue's articles."""
        return self.job is None

    def step(self, seconds: float) -> bool:
        """Carry the structural re-check on for about ``seconds`` (one article at least); True once it is done.

        The job may end a step early (it yields True) before a piece that is long on its own.
        """
        job = self.job
        if job is None:
            return True
        deadline = time.perf_counter() + seconds
        try:
            end_here = next(job)
            while not end_here and time.perf_counter() < deadline:
                end_here = next(job)
        except StopIteration:
            self.job = None
            return True
        return False

    def settle(self) -> None:
        """Finish the structural re-check under way, if any."""
        job = self.job
        if job is None:
            return
        for _ in job:
            pass
        self.job = None

    def holds(self, finding: Finding) -> bool:
        """``finding`` (waived or not) is one of the findings now: not one shown before a structural edit moved it."""
        self.settle()
        plain = finding if finding.waiver is None else replace(finding, waiver=None)
        index = plain.location.article
        if (
            index is not None
            and 0 <= index < len(self.article_findings)
            and plain in self.article_findings[index]
        ):
            return True
        return plain in self.cross_findings or plain in self.archive_problems

    def swapped(self, issue: Issue, first: int, second: int) -> None:
        """Two articles changed places (a move within a column): their findings change places with them.

        An article rule reads the article, its column, the house and the
        archive, never its neighbours (checks/recheck.py), so only the rules
        across articles run again.  A full re-check keyed all 3,000 articles
        of a large issue for each move: 15 ms of the 60 a move then took.
        """
        from tui.checks.rules import check_cross

        if self.job is not None:
            self.restructure(issue)  # the job under way read the old order: start it again
            return
        if not self.checked or len(self.article_findings) != len(issue.articles):
            self.revalidate(issue)
            return
        found = self.article_findings
        found[first], found[second] = reindexed(found[second], first), reindexed(found[first], second)
        self.cross_findings = check_cross(issue, self.house, self.archive, self.past)
        places = {first: second, second: first}
        waiting = set(self.pending).union(*self.in_flight.values())
        self.pending = {None if i is None else places.get(i, i) for i in waiting}
        self.in_flight.clear()
        self.applied = {None if i is None else places.get(i, i): g for i, g in self.applied.items()}
        # Results of checks taken before are by the old indexes: dropped, their articles pending again.
        self.epoch += 1

    def recheck_cross(self, issue: Issue) -> None:
        """The rules across articles (and the import notes) again, at once."""
        from tui.checks.rules import check_cross

        if self.job is not None:
            return  # the job under way runs them when it is done, on the issue as it is then
        if not self.checked:
            self.revalidate(issue)
            return
        self.cross_findings = check_cross(issue, self.house, self.archive, self.past)

    def findings(self, issue: Issue) -> list[Finding]:
        """All findings in reading order, waivers applied (a structural re-check under way is finished first)."""
        self.settle()
        found = list(self.archive_problems) + list(self.cross_findings)
        for group in self.article_findings:
            found += group
        return apply_waivers(found, issue.waivers)  # which returns them sorted
