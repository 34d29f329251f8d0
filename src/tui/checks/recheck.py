"""Re-checking a whole issue after a structural edit: only what could have changed.

An article rule reads the article, its column's declaration, the house and
the archive; the article's index appears only in its findings' locations.
So after a move, a delete, an insert or an undo, an article whose content
and column are unchanged keeps its findings, re-indexed.  (A test compares
this with a fresh check after random edits.)
"""

from __future__ import annotations

from collections.abc import Generator

from tui.model import Issue, Masthead
from tui.model.findings import Finding
from tui.model.house import House


def reindexed(found: list[Finding], index: int) -> list[Finding]:
    return [f.at_article(index) for f in found]


class ArticleMemo:
    """The last full check's findings per article, keyed by everything an article rule reads."""

    def __init__(self) -> None:
        self._entries: dict[object, tuple[int, list[Finding]]] = {}
        # The check before the last: undo puts articles back where they were then, and their
        # findings at those indexes are here, not made again (16,000 at 3,000 articles: 50 ms).
        self._before: dict[object, tuple[int, list[Finding]]] = {}
        self._context: tuple[House, tuple[Masthead, ...]] | None = None

    def prime(
        self,
        issue: Issue,
        house: House,
        archive: tuple[Masthead, ...],
        found: list[list[Finding]],
        skip: set[int | None],
    ) -> None:
        """Remember a full check made elsewhere (the editor's first check, in a worker).

        Without it the first structural edit checked every article again on
        the UI thread: 3 s at 3,000 articles.  Articles in ``skip`` were edited
        while that check ran: their findings may not fit their text, so they
        are left to the next check.
        """
        columns = {c.name: (c.name, c.kind) for c in issue.columns}
        self._entries = {
            (article.content_key(), columns.get(article.column)): (i, found[i])
            for i, article in enumerate(issue.articles)
            if i not in skip and i < len(found)
        }
        self._before = {}
        self._context = (house, archive)

    def check(self, issue: Issue, house: House, archive: tuple[Masthead, ...]) -> list[list[Finding]]:
        """Every article's findings, at once."""
        steps = self.steps(issue, house, archive)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                result: list[list[Finding]] = done.value
                return result

    def steps(
        self, issue: Issue, house: House, archive: tuple[Masthead, ...]
    ) -> Generator[None, None, list[list[Finding]]]:
        """The same check one article at a time: it pauses after each (its value is the findings).

        The editor carries it out between keystrokes (session/checker.py): at
        3,000 articles the findings of every article after a deleted one need
        new indexes, 16,000 findings made again, about 75 ms. Each article is
        read when it is reached, so text typed before then is what is
        checked.  The memo changes only when the last article is done: a
        check dropped halfway leaves it as it was.
        """
        # The rules load with the editor's first check, after its first paint.
        from tui.checks.rules import check_article

        if self._context is None or self._context[0] is not house or self._context[1] is not archive:
            self._entries = self._before = {}  # another house or archive: nothing carries over
        entries: dict[object, tuple[int, list[Finding]]] = {}
        out: list[list[Finding]] = []
        columns = {c.name: (c.name, c.kind) for c in issue.columns}
        for i, article in enumerate(issue.articles):
            key = (article.content_key(), columns.get(article.column))
            hit = self._entries.get(key)
            if hit is not None and hit[0] != i:
                back = self._before.get(key)
                if back is not None and back[0] == i:
                    hit = back
            if hit is None:
                found = check_article(issue, i, house, archive)
            else:
                found = hit[1] if hit[0] == i else reindexed(hit[1], i)
            entries[key] = (i, found)
            out.append(found)
            yield
        self._before, self._entries, self._context = self._entries, entries, (house, archive)
        return out
