"""Finding and replacing text anywhere in an issue: titles, bodies, bylines, masthead, end block.

A hit is a :class:`~tui.model.findings.Location` like a finding's, so the
editor lands on it the same way.  "Width-insensitive" matching treats a
half-width mark and its full-width form as the same character (a search for
``,`` finds ``，``, ``(`` finds ``（``, ``A`` finds ``Ａ``): one character for
one, so the offsets of a hit are the offsets in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from tui.model.findings import Location, context_of
from tui.model.issue import Issue
from tui.model.titlebreak import retitle

# Full-width ASCII (U+FF01–FF5E) and U+3000 as their half-width forms, and the Chinese marks
# whose half-width twin a typist uses instead.
_LOOSE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_LOOSE.update(
    {
        "\u3000": " ",
        "。": ".",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "【": "[",
        "】": "]",
        "《": "<",
        "》": ">",
        "—": "-",
        "…": ".",
    }
)
_LOOSE_TABLE = str.maketrans(_LOOSE)


def loosen(text: str) -> str:
    """``text`` with each full-width mark as its half-width form (same length, same offsets)."""
    return text.translate(_LOOSE_TABLE)


class Hit(NamedTuple):
    location: Location
    context: str  # the hit marked ⟦…⟧ with some text either side


class Query(NamedTuple):
    text: str
    loose: bool = False  # width-insensitive

    def spans(self, value: str) -> Iterator[tuple[int, int]]:
        """Where the query occurs in ``value``, left to right, not overlapping."""
        if not self.text:
            return
        needle, hay = (loosen(self.text), loosen(value)) if self.loose else (self.text, value)
        at = hay.find(needle)
        while at >= 0:
            yield at, at + len(needle)
            at = hay.find(needle, at + len(needle))


def _fields(issue: Issue) -> Iterator[tuple[Location, str]]:
    """Every searchable text of the issue, in reading order, with where it is."""
    m = issue.masthead
    yield Location("masthead.name"), m.name
    yield Location("masthead.unit"), m.unit
    for i, a in enumerate(issue.articles):
        title = a.title
        if a.title:
            yield Location("title", article=i, title=title), a.title
        for p, text in enumerate(a.paragraphs):
            yield Location("paragraph", article=i, title=title, paragraph=p), text
        if a.byline is not None:
            yield Location("byline.unit", article=i, title=title), a.byline.unit
            for n, author in enumerate(a.byline.authors):
                yield Location("byline.author", article=i, title=title, paragraph=n), author
    e = issue.endblock
    for n, line in enumerate(e.distribution):
        yield Location("endblock.distribution", paragraph=n), line
    yield Location("endblock.editor"), e.editor
    yield Location("endblock.phone"), e.phone


def find_all(issue: Issue, query: Query) -> list[Hit]:
    """Every occurrence of the query in the issue, in reading order."""
    hits = []
    for where, value in _fields(issue):
        for start, end in query.spans(value):
            hits.append(Hit(replace(where, start=start, end=end), context_of(value, start, end)))
    return hits


def text_at(issue: Issue, loc: Location) -> str:
    """The whole text of the field a location points at ("" if there is none)."""
    field, i, n = loc.field, loc.article, loc.paragraph
    e, m = issue.endblock, issue.masthead
    simple = {
        "masthead.name": m.name,
        "masthead.unit": m.unit,
        "endblock.editor": e.editor,
        "endblock.phone": e.phone,
    }
    if field in simple:
        return simple[field]
    if field == "endblock.distribution" and n is not None and n < len(e.distribution):
        return e.distribution[n]
    if i is None or i >= len(issue.articles):
        return ""
    article = issue.articles[i]
    if field == "title":
        return article.title
    if field == "paragraph" and n is not None and n < len(article.paragraphs):
        return article.paragraphs[n]
    if article.byline is not None and field == "byline.unit":
        return article.byline.unit
    if (
        article.byline is not None
        and field == "byline.author"
        and n is not None
        and n < len(article.byline.authors)
    ):
        return article.byline.authors[n]
    return ""


def _set(issue: Issue, loc: Location, value: str) -> None:
    field, i, n = loc.field, loc.article, loc.paragraph
    if field == "masthead.name":
        issue.masthead.name = value
    elif field == "masthead.unit":
        issue.masthead.unit = value
    elif field == "endblock.editor":
        issue.endblock.editor = value
    elif field == "endblock.phone":
        issue.endblock.phone = value
    elif field == "endblock.distribution" and n is not None:
        issue.endblock.distribution[n] = value
    elif i is not None:
        article = issue.articles[i]
        if field == "title":
            retitle(article, value)
        elif field == "paragraph" and n is not None:
            article.paragraphs[n] = value
        elif field == "byline.unit" and article.byline is not None:
            article.byline.unit = value
        elif field == "byline.author" and article.byline is not None and n is not None:
            article.byline.authors[n] = value


def replace_hits(issue: Issue, hits: list[Hit], replacement: str) -> int:
    """Put ``replacement`` at each hit (found in this issue as it is); how many were replaced.

    Hits of one field are replaced from the right, so the offsets of the
    others stay right.
    """
    by_field: dict[Location, list[Hit]] = {}
    for hit in hits:
        by_field.setdefault(replace(hit.location, start=None, end=None), []).append(hit)
    count = 0
    for where, group in by_field.items():
        value = text_at(issue, where)
        for hit in sorted(group, key=lambda h: h.location.start or 0, reverse=True):
            start, end = hit.location.start or 0, hit.location.end or 0
            value = value[:start] + replacement + value[end:]
            count += 1
        _set(issue, where, value)
    return count
