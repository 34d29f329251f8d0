"""The contents page (目录) of an imported bulletin, and how it matches the body.

jianbao stores no contents: it is derived from the body when printing.  On
import, though, the source's contents is evidence: a title that differs from
the body, a missing article or a wrong brief count is something the
proofreader should see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tui.model import Issue
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text
from tui.model.textutil import WHITESPACE, differences, fold

_BRACKETED = re.compile(r"^(?:[-•·■◆●]\s*)?【(?P<name>[^】]+)】\s*(?P<rest>.*)$")
_STARRED = re.compile(r"^(?:[-•·■◆●]\s*)?(?:\*\*)?(?P<name>[^\s*]+?)\*\*\s*(?P<rest>.*)$")
_COUNT = re.compile(r"^(\d+)\s*则$")
FUZZY = 0.6


@dataclass
class ContentsEntry:
    column: str
    line: int
    count: int | None = None  # "N 则" for a briefs column
    titles: list[tuple[str, int]] = field(default_factory=list)  # (title, source line)


def parse_contents_line(text: str, known_columns: tuple[str, ...]) -> tuple[str, int | None, str] | None:
    """(column, brief count, first title) when the line opens a column, else None."""
    m = _BRACKETED.match(text) or _STARRED.match(text)
    if m:
        name, rest = m.group("name"), m.group("rest")
    else:
        name = next(
            (
                c
                for c in known_columns
                if text.startswith(c) and (len(text) == len(c) or text[len(c)] in WHITESPACE)
            ),
            None,
        )
        if name is None:
            return None
        rest = text[len(name) :].strip(WHITESPACE)
    count = _COUNT.match(rest)
    if count:
        return name, int(count.group(1)), ""
    return name, None, rest


@dataclass
class Match:
    """A contents title and the body article it was matched to."""

    title: str
    line: int
    article: int


def closest(key: str, candidates: Mapping[str, object]) -> str | None:
    """The candidate most like ``key`` (both folded), if it is alike enough."""
    scored = [(SequenceMatcher(None, key, c).ratio(), c) for c in candidates]
    best = max(scored, default=None)
    return best[1] if best and best[0] >= FUZZY else None


def compare_contents(
    entries: list[ContentsEntry], issue: Issue, starts: list[int], matches: list[Match]
) -> list[Finding]:
    findings: list[Finding] = []

    def add(rule: str, severity: str, message: Text, line: int, article: int | None = None) -> None:
        title = issue.articles[article].title if article is not None else ""
        findings.append(
            Finding(
                rule,
                Severity(severity),
                Location(
                    field="title" if article is not None else "source",
                    article=article,
                    title=title,
                    line=line,
                ),
                message,
            )
        )

    for m in matches:
        body = issue.articles[m.article].title
        if body == m.title:
            continue
        if fold(body) == fold(m.title):
            add(
                "contents.title-mismatch",
                "info",
                Text(
                    f"目录标题“{m.title}”与正文标题写法不同（标点或空格），以正文为准",
                    f"the contents title “{m.title}” is written differently from the body's (punctuation or spaces); the body wins",
                ),
                m.line,
                m.article,
            )
        else:
            was, becomes = differences(m.title, body)
            if was and becomes:
                zh, en = f"目录作“{was}”，正文作“{becomes}”", f"contents “{was}”, body “{becomes}”"
            elif was:
                zh, en = f"目录多出“{was}”", f"“{was}” only in the contents"
            else:
                zh, en = f"正文多出“{becomes}”", f"“{becomes}” only in the body"
            add(
                "contents.title-mismatch",
                "warning",
                Text(
                    f"目录标题与正文标题不一致（{zh}），以正文为准",
                    f"the contents title differs from the body's ({en}); the body wins",
                ),
                m.line,
                m.article,
            )
    matched_lines = {m.line for m in matches}
    matched_articles = {m.article for m in matches}
    for entry in entries:
        for title, line in entry.titles:
            if line not in matched_lines:
                add(
                    "contents.missing-article",
                    "error",  # lost content: the article may have been dropped
                    Text(
                        f"目录列出的“{title}”在正文中找不到（文章可能遗漏）",
                        f"“{title}” is in the contents but not in the body (an article may be missing)",
                    ),
                    line,
                )
    if entries:
        for i, article in enumerate(issue.articles):
            if article.title and i not in matched_articles:
                add(
                    "contents.missing-article",
                    "warning",
                    Text("这篇文章未列入目录", "this article is not in the contents"),
                    starts[i],
                    i,
                )
    for entry in entries:
        in_body = issue.articles_in(entry.column)
        if not in_body:
            add(
                "contents.empty-column",
                "warning",
                Text(
                    f"目录中的栏目“{entry.column}”在正文中没有文章",
                    f"the contents' column “{entry.column}” has no articles in the body",
                ),
                entry.line,
            )
        elif entry.count is not None:
            briefs = sum(1 for a in in_body if not a.title)
            if briefs != entry.count:
                add(
                    "contents.brief-count",
                    "warning",
                    Text(
                        f"目录写“{entry.count}则”，正文有{briefs}则",
                        f"the contents says {entry.count} briefs, the body has {briefs}",
                    ),
                    entry.line,
                )
    return findings
