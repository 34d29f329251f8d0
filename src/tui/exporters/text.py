"""The issue as plain text in the printed layout.

Masthead, contents (目录, derived from the body), the body with column
headings, and the end block, in house style.  The text importer reads this
layout back: ``import_text(render_text(issue)) == issue`` for issues written
in house style.
"""

from __future__ import annotations

from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.house import Style

INDENT = "\u3000\u3000"


def masthead_lines(issue: Issue) -> list[str]:
    m = issue.masthead
    return [
        m.name,
        f"（{m.edition}）",
        f"第{m.number}期（总第{m.cumulative}期）",
        f"{m.unit}编",
        f"{m.date.year}年{m.date.month}月{m.date.day}日",
    ]


def contents_lines(issue: Issue) -> list[str]:
    lines = []
    for column in issue.columns:
        articles = issue.articles_in(column.name)
        if column.kind == "briefs":
            lines.append(f"【{column.name}】{len(articles)}则")
        else:
            lines.append(f"【{column.name}】")
            lines += [a.title for a in articles]
    return lines


def render_text(issue: Issue, style: Style) -> str:
    blocks: list[str] = [*masthead_lines(issue), "目　录", "\n".join(contents_lines(issue))]
    for column, articles in issue.in_print_order():
        if column is not None:
            blocks.append(f"【{column.name}】")
        for article in articles:
            blocks += _article_blocks(article, style)
    e = issue.endblock
    end = [f"送：{e.distribution[0] if e.distribution else ''}"]
    end += [INDENT + line for line in e.distribution[1:]]
    end += [f"本期责任编辑：{e.editor}", f"电话：{e.phone}"]
    blocks.append("\n".join(end))
    return "\n\n".join(blocks) + "\n"


def _article_blocks(article: Article, style: Style) -> list[str]:
    blocks = [article.title] if article.title else []
    blocks += [INDENT + p for p in article.paragraphs]
    if article.byline is not None:
        blocks.append(render_byline(article.byline, style))
    return blocks
