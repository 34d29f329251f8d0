"""An issue as one immutable value of plain types, for undo's history.

Undo keeps the whole issue before each structural edit (up to 50 of them).
Kept as objects, a 3,000-article issue is some 12,000 of them per step, all
tracked by the garbage collector: its full collections then came every other
edit and took 110 ms each.  Kept as nested tuples of strings and numbers, a
step takes 2 ms to make, and the collector stops tracking such tuples after
its first look (marshalling them to bytes was measured too: 30 ms, the
encoding of the text).  ``from_plain(to_plain(issue)) == issue`` for every
field of every record: a test builds an issue with all of them set.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tui.model.issue import (
    Article,
    Byline,
    Column,
    Comment,
    EndBlock,
    Issue,
    Masthead,
    Note,
    Signoff,
    Waiver,
)

Plain = tuple[Any, ...]


def copy_issue(issue: Issue) -> Issue:
    """An independent copy: no list or record shared with ``issue`` (strings are, they cannot change)."""
    return from_plain(to_plain(issue))


def _when(value: dt.datetime) -> str:
    return value.isoformat()


def article_to_plain(a: Article) -> Plain:
    """One article as plain values (undo keeps a deleted article so, to put it back)."""
    return (
        a.column,
        a.title,
        tuple(a.paragraphs),
        None if a.byline is None else (a.byline.unit, tuple(a.byline.authors)),
        tuple((c.author, c.text, _when(c.at), c.resolved) for c in a.comments) if a.comments else (),
        a.title_breaks,
    )


def article_from_plain(plain: Plain) -> Article:
    column, title, paragraphs, byline, comments, breaks = plain
    when = dt.datetime.fromisoformat
    return Article(
        column,
        title,
        list(paragraphs),
        None if byline is None else Byline(byline[0], list(byline[1])),
        [Comment(a, t, when(at), r) for a, t, at, r in comments],
        tuple(breaks),
    )


def to_plain(issue: Issue) -> Plain:
    m, e = issue.masthead, issue.endblock
    return (
        (m.name, m.edition, m.number, m.cumulative, m.unit, m.date.toordinal()),
        tuple((c.name, c.kind) for c in issue.columns),
        tuple(article_to_plain(a) for a in issue.articles),
        (tuple(e.distribution), e.editor, e.phone),
        tuple(
            (w.rule, w.field, w.text, w.reason, w.by, _when(w.at), w.article, w.paragraph, w.start, w.end)
            for w in issue.waivers
        ),
        tuple((s.role, s.name, _when(s.at), s.digest) for s in issue.signoffs),
        tuple(
            (n.rule, n.severity, n.message, n.message_en, n.line, n.source, n.field, n.title, n.done)
            for n in issue.notes
        ),
    )


def from_plain(plain: Plain) -> Issue:
    masthead, columns, articles, endblock, waivers, signoffs, notes = plain
    name, edition, number, cumulative, unit, day = masthead
    distribution, editor, phone = endblock
    when = dt.datetime.fromisoformat
    return Issue(
        Masthead(name, edition, number, cumulative, unit, dt.date.fromordinal(day)),
        [Column(n, k) for n, k in columns],
        [article_from_plain(a) for a in articles],
        EndBlock(list(distribution), editor, phone),
        [Waiver(r, f, t, why, by, when(at), a, p, s, e) for r, f, t, why, by, at, a, p, s, e in waivers],
        [Signoff(role, n, when(at), digest) for role, n, at, digest in signoffs],
        [Note(*fields) for fields in notes],
    )
