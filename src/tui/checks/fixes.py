"""Applying the safe fixes findings offer, for ``check --fix`` and the editor."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from tui.model import Issue
from tui.model.findings import Finding, Location
from tui.model.titlebreak import retitle


class Change(NamedTuple):
    """One fix applied: where, by which rule, and the text before and after (what --fix reports)."""

    location: Location
    rule: str
    old: str
    new: str


def _get(issue: Issue, loc: Location) -> str | None:
    """The text a location points into, or None if it no longer exists."""
    try:
        if loc.field.startswith(("masthead.", "endblock.")):
            part, key = loc.field.split(".", 1)
            value = getattr(getattr(issue, part), key)
            if isinstance(value, list):
                item = value[loc.paragraph] if loc.paragraph is not None else None
                return item if isinstance(item, str) else None
            return value if isinstance(value, str) else None
        if loc.article is None:
            return None
        article = issue.articles[loc.article]
        if loc.field == "title":
            return article.title
        if loc.field == "paragraph" and loc.paragraph is not None:
            return article.paragraphs[loc.paragraph]
        if loc.field == "byline.unit" and article.byline:
            return article.byline.unit
        if loc.field == "byline.author" and article.byline and loc.paragraph is not None:
            return article.byline.authors[loc.paragraph]
    except (IndexError, TypeError, AttributeError):
        return None
    return None


def _set(issue: Issue, loc: Location, text: str) -> None:
    if loc.field.startswith(("masthead.", "endblock.")):
        part, key = loc.field.split(".", 1)
        holder = getattr(issue, part)
        value = getattr(holder, key)
        if isinstance(value, list):
            if loc.paragraph is not None:
                value[loc.paragraph] = text
        else:
            setattr(holder, key, text)
        return
    if loc.article is None:
        return
    article = issue.articles[loc.article]
    if loc.field == "title":
        retitle(article, text)
    elif loc.field == "paragraph" and loc.paragraph is not None:
        article.paragraphs[loc.paragraph] = text
    elif loc.field == "byline.unit" and article.byline is not None:
        article.byline.unit = text
    elif loc.field == "byline.author" and article.byline is not None and loc.paragraph is not None:
        article.byline.authors[loc.paragraph] = text


def fixable(finding: Finding) -> bool:
    loc = finding.location
    return finding.fix is not None and finding.active and loc.start is not None and loc.end is not None


def apply_fixes(issue: Issue, findings: list[Finding]) -> list[Change]:
    """Apply every active finding's fix in place; overlapping or outdated ones are skipped.

    Spans are applied from the end of each text backwards so earlier spans
    stay valid; a fix whose text no longer matches what was found is left out.
    """
    groups: dict[tuple[object, ...], list[Finding]] = defaultdict(list)
    for f in findings:
        if fixable(f) and not f.joins_next:
            loc = f.location
            groups[(loc.article, loc.field, loc.paragraph)].append(f)
    changes: list[Change] = []
    for group in groups.values():
        loc0 = group[0].location
        text = _get(issue, loc0)
        if text is None:
            continue
        lowest = len(text) + 1
        for f in sorted(group, key=lambda f: (f.location.start, f.location.end), reverse=True):
            start, end, fix = f.location.start, f.location.end, f.fix
            assert start is not None and end is not None and fix is not None  # fixable() said so
            if end > lowest or (end == lowest and start == end) or text[start:end] != f.matched:
                continue
            text = text[:start] + fix + text[end:]
            lowest = start
            changes.append(Change(f.location, f.rule, f.matched, fix))
        _set(issue, loc0, text)
    changes += _join_paragraphs(issue, [f for f in findings if f.joins_next and f.active])
    changes.sort(key=lambda c: c.location.sort_key())
    return changes


def _join_paragraphs(issue: Issue, findings: list[Finding]) -> list[Change]:
    """Join each flagged paragraph with the next, last first, if the text is still as it was found."""
    changes = []
    for f in sorted(
        findings, key=lambda f: (f.location.article or 0, f.location.paragraph or 0), reverse=True
    ):
        loc = f.location
        if loc.article is None or loc.paragraph is None or not 0 <= loc.article < len(issue.articles):
            continue
        paragraphs = issue.articles[loc.article].paragraphs
        k = loc.paragraph
        if k + 1 >= len(paragraphs) or not paragraphs[k].endswith(f.matched):
            continue
        paragraphs[k : k + 2] = [paragraphs[k] + paragraphs[k + 1]]
        changes.append(Change(loc, f.rule, f.matched + "¶", f.matched))
    return changes
