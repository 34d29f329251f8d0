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
from typing import NamedTuple

from tui.model.house import House
from tui.model.issue import Issue
from tui.model.stats import district_of


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def same_quarter(a: dt.date, b: dt.date) -> bool:
    return a.year == b.year and quarter_of(a) == quarter_of(b)


class Coverage(NamedTuple):
    year: int
    quarter: int
    issues: int  # issues of the quarter counted, this one included
    missing: tuple[str, ...]  # the house's districts in none of them, in the house's order


def coverage(current: Issue, earlier: Iterable[Issue], house: House) -> Coverage:
    """The quarter of ``current``'s date: districts in none of its issues so far (``earlier`` and this one).

    The articles are read only until every district has appeared: the panel is
    refreshed after each re-check, and a large issue names them all within its
    first few dozen articles (3,000 attributions took 3 ms of every refresh).
    """
    issues = [current, *earlier]
    unseen = set(house.districts)
    articles = (a for issue in issues for a in issue.articles)
    while unseen:
        article = next(articles, None)
        if article is None:
            break
        unseen.discard(district_of(article, house))
    date = current.masthead.date
    missing = tuple(d for d in house.districts if d in unseen)
    return Coverage(date.year, quarter_of(date), len(issues), missing)
