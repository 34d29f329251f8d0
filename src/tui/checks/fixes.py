"""Applying the safe fixes findings offer, for ``check --fix`` and the editor."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tui.model import Issue
from tui.model.findings import Finding, Location


@dataclass(frozen=True)
class Change:
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
                return value[loc.paragraph]  # type: ignore[index]
            return value if isinstance(value, str) else None
        article = issue.articles[loc.article]  # type: ignore[index]
        if loc.field == "title":
            return article.title
        if loc.field == "paragraph":
            return article.paragraphs[loc.paragraph]  # type: ignore[index]
        if loc.field == "byline.unit" and article.byline:
            return article.byline.unit
        if loc.field == "byline.author" and article.byline:
            return article.byline.authors[loc.paragraph]  # type: ignore[index]
    except (IndexError, TypeError, AttributeError):
        return None
    return None


def _set(issue: Issue, loc: Location, text: str) -> None:
    if loc.field.startswith(("masthead.", "endblock.")):
        part, key = loc.field.split(".", 1)
        holder = getattr(issue, part)
        value = getattr(holder, key)
        if isinstance(value, list):
            value[loc.paragraph] = text
        else:
            setattr(holder, key, text)
        return
    article = issue.articles[loc.article]  # type: ignore[index]
    if loc.field == "title":
        article.title = text
    elif loc.field == "paragraph":
        article.paragraphs[loc.paragraph] = text  # type: ignore[index]
    elif loc.field == "byline.unit":
        article.byline.unit = text  # type: ignore[union-attr]
    elif loc.field == "byline.author":
        article.byline.authors[loc.paragraph] = text  # type: ignore[union-attr, index]


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
        if fixable(f):
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
            start, end = f.location.start, f.location.end
            assert start is not None and end is not None
            if end > lowest or (end == lowest and start == end) or text[start:end] != f.matched:
                continue
            text = text[:start] + f.fix + text[end:]  # type: ignore[operator]
            lowest = start
            changes.append(Change(f.location, f.rule, f.matched, f.fix))  # type: ignore[arg-type]
        _set(issue, loc0, text)
    changes.sort(key=lambda c: c.location.sort_key())
    return changes
