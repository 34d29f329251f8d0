"""The issue as Markdown: the bulletin name as #, columns as ##, article titles as ###."""

from __future__ import annotations

import re

from tui.bylines import render_byline
from tui.house import Style
from tui.model import Article, Issue

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup; a leading "1." or "-" too."""
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)\.", r"\1\\.", re.sub(r"^([-+])", r"\\\1", text))


def _article(article: Article, style: Style) -> list[str]:
    out = [f"### {md_escape(article.title)}", ""] if article.title else []
    for p in article.paragraphs:
        out += [md_escape(p), ""]
    if article.byline is not None:
        out += [md_escape(render_byline(article.byline, style)), ""]
    return out


def render_markdown(issue: Issue, style: Style) -> str:
    m = issue.masthead
    out = [
        f"# {md_escape(m.name)}",
        "",
        f"（{m.edition}）　第{m.number}期（总第{m.cumulative}期）",
        "",
        f"{md_escape(m.unit)}编　{m.date.year}年{m.date.month}月{m.date.day}日",
        "",
        "## 目录",
        "",
    ]
    for column in issue.columns:
        articles = issue.articles_in(column.name)
        if column.kind == "briefs":
            out.append(f"- {md_escape(column.name)}　{len(articles)}则")
        else:
            out.append(f"- {md_escape(column.name)}")
            out += [f"  - {md_escape(a.title)}" for a in articles]
    out.append("")
    for column, articles in issue.in_print_order():
        if column is not None:
            out += [f"## {md_escape(column.name)}", ""]
        for article in articles:
            out += _article(article, style)
    e = issue.endblock
    out += ["---", "", f"送：{md_escape(e.distribution[0]) if e.distribution else ''}", ""]
    out += [f"{md_escape(d)}" + "\n" for d in e.distribution[1:]]
    out += [f"本期责任编辑：{md_escape(e.editor)}", "", f"电话：{md_escape(e.phone)}", ""]
    return "\n".join(out)
