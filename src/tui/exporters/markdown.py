"""The issue as Markdown: the bulletin name as #, columns as ##, article titles as ###."""

from __future__ import annotations

import re

from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.house import Style

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LEADING_SPACE = re.compile(r"^[ \t]+")
_LINE_START = re.compile(r"^([-+=])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written, never as markup.

    Escaped: the punctuation Markdown reads anywhere (including ~ and ` that
    open code fences), & (so &amp; stays &amp;), and at the start of each line
    what opens a block: spaces (a code block), - + = (lists, setext
    headings, rules) and 1. or 1) (ordered lists).
    """
    text = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    lines = []
    for line in text.split("\n"):
        line = _LEADING_SPACE.sub(
            lambda m: "".join("&#9;" if c == "\t" else "&#32;" for c in m.group()), line
        )
        line = _LIST_NUMBER.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))
        lines.append(line)
    return "\n".join(lines)


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
    for group, articles in issue.in_print_order():
        if group is not None:
            out += [f"## {md_escape(group.name)}", ""]
        for article in articles:
            out += _article(article, style)
    e = issue.endblock
    out += ["---", "", f"送：{md_escape(e.distribution[0]) if e.distribution else ''}", ""]
    out += [f"{md_escape(d)}" + "\n" for d in e.distribution[1:]]
    out += [f"本期责任编辑：{md_escape(e.editor)}", "", f"电话：{md_escape(e.phone)}", ""]
    return "\n".join(out)
