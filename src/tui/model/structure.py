"""The issue's structure edited: articles moved between places and columns, columns added, renamed, moved, removed.

Pure functions on the model.  Each edit comes in two halves: a check that
refuses what cannot be done (raising :class:`Refused` with the reason,
before anything changed) and the change itself, which assumes the check
passed.  The session puts its undo step between the two: a refused edit
leaves no step behind, and an edit made is always one step.
"""

from __future__ import annotations

from tui.model.errors import Refused
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.issue import Column, ColumnKind, Issue

# ------------------------------------------------------------ checks


def new_column_name(issue: Issue, name: str) -> str:
    """``name`` as a column's name (surrounding spaces dropped); refused when empty or already in the issue."""
    name = name.strip()
    if not name:
        raise Refused(Text("栏目名称不能为空", "a column needs a name"))
    if issue.column(name) is not None:
        raise Refused(Text(f"本期已有栏目“{name}”", f"this issue already has “{name}”"))
    return name


def existing_column(issue: Issue, name: str) -> Column:
    column = issue.column(name)
    if column is None:
        raise Refused(Text(f"本期没有栏目“{name}”", f"this issue has no column “{name}”"))
    return column


def empty_column(issue: Issue, name: str) -> Column:
    """The column ``name``, refused while it still holds articles (removing it must not lose them)."""
    column = existing_column(issue, name)
    if issue.articles_in(name):
        raise Refused(
            Text(
                f"栏目“{name}”中还有稿件，请先移走或删除",
                f"“{name}” still holds articles; move or delete them first",
            )
        )
    return column


def neighbour_in_column(issue: Issue, index: int, delta: int) -> int | None:
    """The index of the article ``delta`` places from ``index`` in its column; None past the column's edge."""
    column = issue.articles[index].column
    same = [i for i, a in enumerate(issue.articles) if a.column == column]
    pos = same.index(index) + delta
    return same[pos] if 0 <= pos < len(same) else None


def column_place(issue: Issue, name: str, delta: int) -> tuple[int, int] | None:
    """(from, to) for a column moved ``delta`` places, kept within the list; None when it would not move."""
    names = [c.name for c in issue.columns]
    if name not in names:
        raise Refused(Text(f"本期没有栏目“{name}”", f"this issue has no column “{name}”"))
    at = names.index(name)
    to = max(0, min(len(names) - 1, at + delta))
    return None if to == at else (at, to)


# ------------------------------------------------------------ changes


def swap_articles(issue: Issue, i: int, j: int) -> None:
    issue.articles[i], issue.articles[j] = issue.articles[j], issue.articles[i]


def move_to_column(issue: Issue, index: int, column: str) -> int:
    """The article at ``index`` to the end of ``column``; its new index.

    A title stays: the checks report a titled brief rather than lose it.
    """
    article = issue.articles.pop(index)
    article.column = column
    at = issue.end_of_column(column)  # not ``index(article)``: an equal article may come first
    issue.articles.insert(at, article)
    return at


def add_column(issue: Issue, house: House, name: str, kind: ColumnKind) -> bool:
    """A catalogue column at its catalogue place, or a new one after the others; True when it is new to the house."""
    cat = house.catalogue_column(name)
    if cat is None:
        issue.columns.append(Column(name, kind))
        return True
    order = [c.name for c in house.columns]
    rank = order.index(name)
    at = next(
        (i for i, c in enumerate(issue.columns) if c.name in order and order.index(c.name) > rank),
        len(issue.columns),
    )
    issue.columns.insert(at, Column(cat.name, cat.kind))
    return False


def rename_column(issue: Issue, house: House, column: Column, new: str) -> bool:
    """``column`` called ``new``, its articles following; True when ``new`` is not in the catalogue.

    A catalogue name brings the catalogue's kind with it.
    """
    old = column.name
    cat = house.catalogue_column(new)
    column.name = new
    if cat is not None:
        column.kind = cat.kind
    for article in issue.articles:
        if article.column == old:
            article.column = new
    return cat is None


def move_column(issue: Issue, at: int, to: int) -> None:
    """The column at ``at`` to ``to``, its articles with it (articles in print order afterwards)."""
    column = issue.columns.pop(at)
    issue.columns.insert(to, column)
    order = [c.name for c in issue.columns]
    listed = set(order)
    issue.articles = [a for n in order for a in issue.articles if a.column == n] + [
        a for a in issue.articles if a.column not in listed
    ]


def remove_column(issue: Issue, name: str) -> None:
    issue.columns = [c for c in issue.columns if c.name != name]
