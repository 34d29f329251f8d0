"""How long an issue is: its 字数 and an estimate of its printed pages.

The estimate lays the text out on the house page the way the Word export
does (GB/T 9704: 22 lines of 28 characters): the masthead and the contents
on the first page, then column headings, titles (2号, 20 characters a line),
paragraphs indented two characters, bylines, and the end block.  A
half-width character takes half a place.  It is an estimate for planning an
issue (an editor aims at four or eight pages), not the typesetter's count.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from tui.model.issue import Issue
from tui.model.linebreak import print_places
from tui.model.titlebreak import title_lines

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) on the 156 mm line
MASTHEAD_LINES = 7  # name (two lines high), edition, numbers, unit and date, the red rule, a blank line


def lines_of(text: str, per_line: int, indent: int = 0) -> int:
    return max(1, math.ceil((print_places(text) + indent) / per_line))


class Extent(NamedTuple):
    articles: int  # titled articles
    briefs: int
    chars: int  # 字数: the characters of every article's body
    lines: int  # printed lines, the first page's included
    pages: int


def extent(issue: Issue) -> Extent:
    """字数 and the estimated printed pages of ``issue``."""
    chars = sum(a.char_count for a in issue.articles)
    briefs = sum(1 for a in issue.articles if a.is_brief)
    contents = 1 + sum(
        1 + (0 if c.kind == "briefs" else len(issue.articles_in(c.name))) for c in issue.columns
    )
    first = MASTHEAD_LINES + contents
    body = 0
    for column, articles in issue.in_print_order():
        body += 1 if column is not None else 0
        for a in articles:
            if a.title:
                body += len(title_lines(a, TITLE_CHARS_PER_LINE)) + 1  # and a blank line above
            body += sum(lines_of(p, CHARS_PER_LINE, indent=2) for p in a.paragraphs)
            body += 1 if a.byline is not None else 0
    body += len(issue.endblock.distribution) + 3  # 送 lines, 责任编辑, 电话, the rule above
    pages = math.ceil(first / LINES_PER_PAGE) + math.ceil(body / LINES_PER_PAGE)
    return Extent(len(issue.articles) - briefs, briefs, chars, first + body, pages)
