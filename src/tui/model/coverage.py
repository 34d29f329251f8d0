"""District coverage while drafting: which districts have not appeared yet this quarter.

Offices balance their bulletin across the districts over the year; the
editor drafting the next issue wants to know who has been left out lately.
A district appears when one of its articles or briefs is in an issue of the
quarter (this one included), attributed as ``jianbao stats`` does: the
title's 区名：, else the byline's unit, else a brief's first words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tui.model.house import House
from tui.model.issue import Issue
from tui.model.stats import district_of


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def same_quarter(a: dt.date, b: dt.date) -> bool:
    return a.year == b.year and quarter_of(a) == quarter_of(b)


@dataclass(frozen=True)
class Coverage:
    year: int
    quarter: int
    issues: int  # issues of the quarter counted, this one included
    missing: tuple[str, ...]  # the house's districts in none of them, in the house's order


def coverage(current: Issue, earlier: Iterable[Issue], house: House) -> Coverage:
    """The quarter of ``current``'s date: districts in none of its issues so far (``earlier`` and this one)."""
    issues = [current, *earlier]
    seen = {district_of(a, house) for issue in issues for a in issue.articles}
    date = current.masthead.date
    missing = tuple(d for d in house.districts if d not in seen)
    return Coverage(date.year, quarter_of(date), len(issues), missing)


class CoverageMemo:
    """The last coverage worked out, again only when what it depends on changed.

    That is how each article begins (its title, unit, first words: what a
    district is told by), the date, and the earlier issues read.  At 3,000
    articles a refresh after each re-check then costs the key, not the count.
    """

    def __init__(self) -> None:
        self._last: tuple[object, list[Issue], House, Coverage] | None = None

    def of(self, current: Issue, earlier: list[Issue], house: House) -> Coverage:
        n = max((len(d) for d in house.districts), default=0)  # a district is told by a text's start
        key = (
            current.masthead.date,
            tuple(
                (
                    a.title[:n],
                    a.byline.unit[:n] if a.byline else "",
                    a.paragraphs[0][:n] if a.paragraphs else "",
                )
                for a in current.articles
            ),
        )
        last = self._last  # the lists themselves are kept: an id could be reused by a new one
        if last is None or last[0] != key or last[1] is not earlier or last[2] is not house:
            last = self._last = (key, earlier, house, coverage(current, earlier, house))
        return last[3]
