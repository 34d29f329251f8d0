"""Section assignment: every article in a known column of the right kind, in catalogue order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from tui.checks.rules.base import Context, Spot, article_rule, at, in_article, issue_rule
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text


@article_rule(
    "section.no-column", "section.undeclared-column", "section.titled-brief", "section.untitled-article"
)
def article_column(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    where = in_article(article, index)
    if not article.column:
        yield at(
            "section.no-column",
            "error",
            Text("文章没有指定栏目", "the article has no column"),
            "column",
            **where,
        )
        return
    column = ctx.issue.column(article.column)
    if column is None:
        yield at(
            "section.undeclared-column",
            "error",
            Text(
                f"栏目“{article.column}”不在本期的栏目列表中",
                f"the column “{article.column}” is not among this issue's columns",
            ),
            "column",
            matched=article.column,
            **where,
        )
        return
    if column.kind == "briefs" and article.title:
        yield at(
            "section.titled-brief",
            "error",
            Text(
                f"“{column.name}”是信息摘登类栏目，稿件不应有标题",
                f"“{column.name}” holds untitled briefs, but this item has a title",
            ),
            "title",
            matched=article.title,
            **where,
        )
    if column.kind == "articles" and not article.title:
        yield at(
            "section.untitled-article",
            "error",
            Text(f"栏目“{column.name}”中的文章缺少标题", f"an article in “{column.name}” has no title"),
            "title",
            **where,
        )


@issue_rule(
    "section.unknown-column", "section.empty-column", "section.column-order", "section.duplicate-column"
)
def columns(ctx: Context) -> Iterator[Finding]:
    catalogue = [c.name for c in ctx.house.columns]
    used = {a.column for a in ctx.issue.articles}
    seen: set[str] = set()
    last_rank = -1
    for k, column in enumerate(ctx.issue.columns):
        where: Spot = {"paragraph": k, "matched": column.name}
        if column.name in seen:
            yield at(
                "section.duplicate-column",
                "error",
                Text(f"栏目“{column.name}”重复", f"the column “{column.name}” appears twice"),
                "columns",
                **where,
            )
        seen.add(column.name)
        if column.name not in catalogue:
            yield at(
                "section.unknown-column",
                "error",
                Text(
                    f"栏目“{column.name}”不在本刊栏目目录中",
                    f"the column “{column.name}” is not in the house catalogue",
                ),
                "columns",
                **where,
            )
        else:
            rank = catalogue.index(column.name)
            if rank < last_rank and ctx.house.style.check_column_order:
                yield at(
                    "section.column-order",
                    "warning",
                    Text(
                        f"栏目“{column.name}”的顺序与本刊栏目目录不一致",
                        f"the column “{column.name}” is out of catalogue order",
                    ),
                    "columns",
                    **where,
                )
            last_rank = max(last_rank, rank)
        if column.name not in used:
            yield at(
                "section.empty-column",
                "warning",
                Text(f"栏目“{column.name}”没有文章", f"the column “{column.name}” has no articles"),
                "columns",
                **where,
            )


@issue_rule("section.duplicate-title")
def duplicate_titles(ctx: Context) -> Iterator[Finding]:
    by_title: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(ctx.issue.articles):
        if article.title:
            by_title[article.title].append(i)
    for title, indexes in by_title.items():
        for i in indexes[1:]:
            yield at(
                "section.duplicate-title",
                "error",
                Text(f"标题与第{indexes[0] + 1}篇重复", f"the same title as article {indexes[0] + 1}"),
                "title",
                article=i,
                title=title,
                start=0,
                end=len(title),
                matched=title,
            )
