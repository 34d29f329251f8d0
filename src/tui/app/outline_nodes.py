"""What the outline shows, apart from the widget: its nodes, their counts, and matching a column's nodes.

The tree widget (``outline.py``) draws these; kept apart because they are
plain data and functions (the counts are tallied over 16,000 findings at
3,000 articles, the matching decides which nodes a structural edit keeps).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from rich.text import Text as RichText

from tui.model import Issue
from tui.model.fields import field_info
from tui.model.findings import Finding, Location, Severity


class NodeRef(NamedTuple):
    """An outline node: the masthead, a column by its name, an article by its index, the end block.

    A named tuple, not a dataclass: the outline hashes one for every node and
    finding it tallies (35,000 times for an undo at 3,000 articles), and a
    tuple's hash is the interpreter's own, not a Python method.
    """

    kind: str  # masthead | column | article | endblock
    index: int | None = None  # type: ignore[assignment]  # the article index (a field, shadowing tuple.index)
    column: str = ""


@cache
def article_ref(index: int) -> NodeRef:
    """The node of article ``index``: one object per index (the outline tallies 16,000 findings by it)."""
    return NodeRef("article", index)


def node_key(f: Finding) -> NodeRef:
    """The outline node a finding belongs to."""
    return node_of(f.location)


def node_of(loc: Location) -> NodeRef:
    """The outline node a location (a finding's, a search hit's) belongs to."""
    if loc.article is not None:
        return article_ref(loc.article)
    info = field_info(loc.field)
    if info is not None and info.part == "endblock":
        return NodeRef("endblock")
    return NodeRef("masthead")


Badge = tuple[int, int, int]  # errors, warnings, open comments (批注) of a node
NO_BADGE: Badge = (0, 0, 0)


def marker(badge: Badge) -> RichText:
    errors, warnings, comments = badge
    text = RichText()
    if errors:
        text.append(f"●{errors} ", style="bold red")
    if warnings:
        text.append(f"▲{warnings} ", style="yellow")
    if comments:
        text.append(f"✎{comments} ", style="bold magenta")
    return text


def badges(issue: Issue, findings: list[Finding]) -> dict[NodeRef, Badge]:
    """Per outline node: its open findings by severity, and an article's open comments.

    Tallied by article index first (plain ints, one dict lookup a finding):
    at 3,000 articles there are some 16,000 findings, and a NodeRef and a
    Counter made for each cost 90 ms on every re-check.
    """
    error, warning = Severity.ERROR, Severity.WARNING
    by_article: dict[int, list[int]] = {}
    others: list[Finding] = []
    for f in findings:
        if f.waiver is not None:
            continue
        severity = f.severity
        if severity is error:
            slot = 0
        elif severity is warning:
            slot = 1
        else:
            continue
        index = f.location.article
        if index is None:
            others.append(f)
            continue
        tally = by_article.get(index)
        if tally is None:
            tally = by_article[index] = [0, 0]
        tally[slot] += 1
    out: dict[NodeRef, Badge] = {article_ref(i): (e, w, 0) for i, (e, w) in by_article.items()}
    for f in others:
        ref = node_key(f)
        errors, warnings, comments = out.get(ref, NO_BADGE)
        out[ref] = (errors + (f.severity is error), warnings + (f.severity is warning), comments)
    for i, article in enumerate(issue.articles):
        if not article.comments:
            continue
        open_comments = sum(1 for c in article.comments if not c.resolved)
        if open_comments:
            ref = article_ref(i)
            errors, warnings, _ = out.get(ref, NO_BADGE)
            out[ref] = (errors, warnings, open_comments)
    return out


MATCHED_AT_MOST = 200  # differing nodes of a column matched one by one; more are replaced whole


def column_edits(old: list[object], new: list[object]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes turning ``old`` into ``new``, in time linear in what they share at either end.

    A structural edit changes a column in one place: the common start and
    end are cut off first, and only what is left is matched (difflib is
    quadratic on equal items: a column of 3,000 equal empty briefs took a
    second).  What is left beyond MATCHED_AT_MOST on both sides is one
    replacement.
    """
    from difflib import SequenceMatcher

    start = 0
    while start < len(old) and start < len(new) and old[start] == new[start]:
        start += 1
    end = 0
    while end < len(old) - start and end < len(new) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    o2, n2 = len(old) - end, len(new) - end
    middle: list[tuple[str, int, int, int, int]]
    if o2 - start > MATCHED_AT_MOST and n2 - start > MATCHED_AT_MOST:
        middle = [("replace", start, o2, start, n2)]
    else:
        matcher = SequenceMatcher(None, old[start:o2], new[start:n2], autojunk=False)
        middle = [
            (tag, i1 + start, i2 + start, j1 + start, j2 + start)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        ]
    edges = [("equal", 0, start, 0, start)] if start else []
    tail = [("equal", o2, len(old), n2, len(new))] if end else []
    return edges + [m for m in middle if m[1] != m[2] or m[3] != m[4]] + tail
