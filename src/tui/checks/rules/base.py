"""What every rule needs: the context it checks in, and how it reports.

A rule is a small function with a stable ID.  Article rules look at one
article (so the editor can re-check only the article being typed in);
issue rules look across articles or at the masthead and end block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypedDict

from tui.model import Article, Issue, Masthead
from tui.model.findings import Finding, Location, Severity, context_of
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.past import PastIssue


# A named tuple, not a frozen dataclass: defining the class costs a tenth as much at import
# (every `check` and every start of the editor), and its instances are never changed.
class Context(NamedTuple):
    """The issue under check, the house configuration, and the rest of the archive.

    ``archive`` is every archived masthead (the numbering rules); ``past``
    the same issues with their titles and end blocks, for the rules that
    compare content with earlier issues (empty where nobody loaded them).
    """

    issue: Issue
    house: House
    archive: tuple[Masthead, ...] = ()
    past: tuple[PastIssue, ...] = ()


ArticleRule = Callable[[Article, int, Context], Iterable[Finding]]
IssueRule = Callable[[Context], Iterable[Finding]]


class RuleInfo(NamedTuple):
    """A registered rule: its IDs and the documentation examples for docs/checks.md."""

    ids: tuple[str, ...]
    func: Callable[..., Iterable[Finding]]
    scope: str  # "article" or "issue"


ARTICLE_RULES: list[RuleInfo] = []
ISSUE_RULES: list[RuleInfo] = []


def article_rule(*ids: str) -> Callable[[ArticleRule], ArticleRule]:
    def register(func: ArticleRule) -> ArticleRule:
        ARTICLE_RULES.append(RuleInfo(ids, func, "article"))
        return func

    return register


def issue_rule(*ids: str) -> Callable[[IssueRule], IssueRule]:
    def register(func: IssueRule) -> IssueRule:
        ISSUE_RULES.append(RuleInfo(ids, func, "issue"))
        return func

    return register


def all_rule_ids() -> list[str]:
    return [rule_id for info in ARTICLE_RULES + ISSUE_RULES for rule_id in info.ids]


def at(
    rule: str,
    severity: str,
    message: Text,
    field: str,
    *,
    article: int | None = None,
    title: str = "",
    paragraph: int | None = None,
    start: int | None = None,
    end: int | None = None,
    fix: str | None = None,
    matched: str = "",
    context: str = "",
) -> Finding:
    """Build a finding; the one place rules construct them."""
    return Finding(
        rule,
        Severity(severity),
        Location(field=field, article=article, title=title, paragraph=paragraph, start=start, end=end),
        message,
        fix=fix,
        matched=matched,
        context=context,
    )


class Spot(TypedDict, total=False):
    """Location keywords of :func:`at`, gathered once and passed to several findings."""

    article: int
    title: str
    paragraph: int
    start: int
    end: int
    matched: str


class InArticle(TypedDict):
    """The location keywords of a finding inside an article."""

    article: int
    title: str


def in_article(article: Article, index: int) -> InArticle:
    """Location keywords for a finding inside ``article``."""
    return {"article": index, "title": article.title}


class Segment(NamedTuple):
    """A piece of running text a text rule looks at: a title, a paragraph, a distribution line.

    A named tuple, not a dataclass: the full check builds one per paragraph per
    rule family (tens of thousands in a 300-article issue), and a tuple is
    made in a third of the time.
    """

    field: str
    text: str
    article: int | None = None
    title: str = ""
    paragraph: int | None = None


def article_segments(article: Article, index: int) -> Iterator[Segment]:
    """The running text of an article: title and paragraphs, never the byline."""
    if article.title:
        yield Segment("title", article.title, index, article.title)
    for k, text in enumerate(article.paragraphs):
        yield Segment("paragraph", text, index, article.title, k)


def span(
    seg: Segment, rule: str, severity: str, message: Text, start: int, end: int, fix: str | None = None
) -> Finding:
    """A finding on characters ``start:end`` of a segment."""
    return at(
        rule,
        severity,
        message,
        seg.field,
        article=seg.article,
        title=seg.title,
        paragraph=seg.paragraph,
        start=start,
        end=end,
        fix=fix,
        matched=seg.text[start:end],
        context=context_of(seg.text, start, end),
    )
