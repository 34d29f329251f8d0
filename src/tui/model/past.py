"""What the checks need of an earlier issue in the archive beyond its masthead."""

from __future__ import annotations

from typing import NamedTuple

from tui.model.issue import EndBlock, Issue, Masthead


class PastIssue(NamedTuple):
    """An archived issue as the checks see it: masthead, article titles, end block."""

    masthead: Masthead
    titles: tuple[str, ...]
    endblock: EndBlock

    @classmethod
    def of(cls, issue: Issue) -> PastIssue:
        return cls(issue.masthead, tuple(a.title for a in issue.articles if a.title), issue.endblock)
