"""The proofreader's checks: pure functions from an Issue to Findings.

One module per rule family; each rule is a small registered function with a
stable ID (``family.name``).  :func:`check_issue` runs everything;
:func:`check_article` and :func:`check_cross` let the editor re-check only
the article being edited plus the rules that look across articles.
"""

from __future__ import annotations

from tui.checks.notes import notes_findings
from tui.checks.rules import (  # noqa: F401  (registration)
    byline,
    control,
    history,
    language,
    numbering,
    paragraph,
    required,
    section,
    signoff,
    title,
    typography,
)
from tui.checks.rules.base import ARTICLE_RULES, ISSUE_RULES, Context, all_rule_ids
from tui.model import Issue, Masthead
from tui.model.findings import Finding, sort_findings
from tui.model.house import House
from tui.model.past import PastIssue

# When two rules report the same span with the same fix, the more specific
# family wins (a title's half-width colon is a title finding, not typography).
_FAMILY_PRIORITY = {
    "text": -1,
    "title": 0,
    "byline": 1,
    "section": 2,
    "numbering": 3,
    "required": 4,
    "typography": 9,
}


def check_article(
    issue: Issue, index: int, house: House, archive: tuple[Masthead, ...] = ()
) -> list[Finding]:
    """Findings of the article rules for one article."""
    ctx = Context(issue, house, archive)
    article = issue.articles[index]
    return _dedupe([f for info in ARTICLE_RULES for f in info.func(article, index, ctx)], house)


def check_cross(
    issue: Issue, house: House, archive: tuple[Masthead, ...] = (), past: tuple[PastIssue, ...] = ()
) -> list[Finding]:
    """Findings of the rules that look across articles, the masthead, the end block and earlier issues."""
    ctx = Context(issue, house, archive, past)
    return _dedupe([f for info in ISSUE_RULES for f in info.func(ctx)], house) + notes_findings(issue)


def check_issue(
    issue: Issue, house: House, archive: tuple[Masthead, ...] = (), past: tuple[PastIssue, ...] = ()
) -> list[Finding]:
    """Every finding for the issue, in reading order (waivers not yet applied)."""
    found = check_cross(issue, house, archive, past)
    for i in range(len(issue.articles)):
        found += check_article(issue, i, house, archive)
    return sort_findings(found)


def unknown_switches(house: House) -> list[str]:
    """Entries of bulletin.toml's ``[checks] off`` that name no rule and no family."""
    ids = set(all_rule_ids())
    families = {rule_id.split(".", 1)[0] for rule_id in ids}
    return [name for name in house.checks_off if name not in ids and name not in families]


def _dedupe(findings: list[Finding], house: House) -> list[Finding]:
    """One finding per span and fix (the more specific family wins); rules the house switched off dropped."""
    best: dict[tuple[object, ...], Finding] = {}
    out: list[Finding] = []
    for f in findings:
        if house.checks_off and not house.rule_is_on(f.rule):
            continue
        loc = f.location
        if loc.start is None:
            out.append(f)
            continue
        key = (loc.article, loc.field, loc.paragraph, loc.start, loc.end, f.fix)
        kept = best.get(key)
        if kept is None or _FAMILY_PRIORITY.get(f.rule.split(".")[0], 5) < _FAMILY_PRIORITY.get(
            kept.rule.split(".")[0], 5
        ):
            best[key] = f
    return out + list(best.values())


__all__ = ["all_rule_ids", "check_article", "check_cross", "check_issue", "unknown_switches"]
