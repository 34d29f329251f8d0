"""District coverage and statistics of the archive over a period.

Offices balance their bulletins across districts and topics over the year:
who has been in how often, with how much text, in which columns, and who has
not appeared for a while.  An article's district is read where the issue
names it: the title's 区名： first, then the byline's unit, then (for a brief)
the start of its text; an article naming no district of the house counts as
the city's own (市级).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from tui.model.house import House
from tui.model.issue import Article, Issue

CITY = "市级"  # an article of no district of the house


def district_of(article: Article, house: House) -> str:
    for text in (
        article.title,
        article.byline.unit if article.byline else "",
        article.paragraphs[0] if article.paragraphs else "",
    ):
        found = house.district_of(text) if text else None
        if found:
            return found
    return CITY


@dataclass
class DistrictRow:
    district: str
    articles: int = 0
    briefs: int = 0
    characters: int = 0
    columns: Counter[str] = field(default_factory=Counter)
    last: str = ""  # date of the last issue it appeared in
    issues_since: int | None = (
        None  # issues since it last appeared (0: in the newest); None: not in the period
    )


@dataclass
class Stats:
    start: dt.date | None
    end: dt.date | None
    issues: int
    articles: int
    briefs: int
    characters: int
    months: dict[str, int]  # YYYY-MM → issues
    districts: list[DistrictRow]  # the house's districts in its order, then 市级
    columns: dict[str, int]  # column → articles and briefs
    authors: Counter[str]

    def absent(self, issues: int) -> list[str]:
        """Districts not in the last ``issues`` issues of the period (or not at all)."""
        return [
            r.district
            for r in self.districts
            if r.district != CITY and (r.issues_since is None or r.issues_since >= issues)
        ]


def compute(
    issues: list[Issue], house: House, start: dt.date | None = None, end: dt.date | None = None
) -> Stats:
    """Statistics of the issues dated from ``start`` to ``end`` (both included; None: open)."""
    chosen = sorted(
        (
            i
            for i in issues
            if (start is None or i.masthead.date >= start) and (end is None or i.masthead.date <= end)
        ),
        key=lambda i: (i.masthead.date, i.masthead.cumulative),
    )
    rows = {d: DistrictRow(d) for d in (*house.districts, CITY)}
    columns: Counter[str] = Counter()
    authors: Counter[str] = Counter()
    months: Counter[str] = Counter()
    articles = briefs = characters = 0
    for position, issue in enumerate(chosen):
        months[issue.masthead.date.strftime("%Y-%m")] += 1
        for a in issue.articles:
            row = rows.setdefault(district_of(a, house), DistrictRow(district_of(a, house)))
            if a.is_brief:
                row.briefs += 1
                briefs += 1
            else:
                row.articles += 1
                articles += 1
            row.characters += a.char_count
            characters += a.char_count
            row.columns[a.column] += 1
            row.last = issue.masthead.date.isoformat()
            row.issues_since = len(chosen) - 1 - position
            columns[a.column] += 1
            if a.byline is not None:
                authors.update(
                    name.replace("\u3000", "").replace(" ", "") for name in a.byline.authors if name.strip()
                )
    return Stats(
        start=start or (chosen[0].masthead.date if chosen else None),
        end=end or (chosen[-1].masthead.date if chosen else None),
        issues=len(chosen),
        articles=articles,
        briefs=briefs,
        characters=characters,
        months=dict(sorted(months.items())),
        districts=list(rows.values()),
        columns=dict(columns.most_common()),
        authors=authors,
    )
