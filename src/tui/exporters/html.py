"""The issue as one self-contained web page (no external assets) for the website and for print.

The contents link to their articles; a print stylesheet sets A4 with the
house margins, starts the body after the contents page, keeps titles and
bylines with their text and the end block whole.

Semantic markup: the masthead is the page's header with the bulletin name as
h1, the contents a nav, each column a section with an h2, each article an
article with an h3 title, and the end block the
page's footer.
"""

from __future__ import annotations

from html import escape

from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.house import Style
from tui.model.titlebreak import split_at

CSS = """
body { font-family: "FangSong", "STFangsong", "仿宋", serif; max-width: 42em; margin: 2em auto; padding: 0 1em;
       line-height: 1.8; color: #111; }
header.masthead { text-align: center; border-bottom: 3px solid #e60012; padding-bottom: .5em; }
header.masthead h1 { color: #e60012; font-family: "SimSun", "Songti SC", serif; font-size: 2.6em; margin: .2em 0; letter-spacing: .1em; }
header.masthead .edition, header.masthead .numbers { margin: 0; }
header.masthead .unit-date { display: flex; justify-content: space-between; margin-top: .5em; }
nav.contents h2, section.column > h2 { font-family: "SimHei", "Heiti SC", sans-serif; font-size: 1.1em; }
nav.contents ul { list-style: none; padding-left: 0; }
nav.contents ul ul { padding-left: 2em; }
article h3 { text-align: center; font-family: "SimSun", "Songti SC", serif; font-size: 1.4em; }
article p { text-indent: 2em; margin: 0; }
article p.byline { text-align: right; text-indent: 0; }
footer.endblock { border-top: 1px solid #111; border-bottom: 1px solid #111; margin-top: 2em; font-size: .9em; }
footer.endblock p { margin: .2em 0; }
nav.contents a { color: inherit; text-decoration: none; }
nav.contents a:hover { text-decoration: underline; }
/* On paper: A4 with the house margins, no link styling, a column starting a page where it reads well,
   titles kept with their text, the end block whole. */
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 16pt; line-height: 28.95pt; }
  nav.contents { break-after: page; }
  nav.contents a { text-decoration: none; }
  section.column > h2, article h3 { break-after: avoid; }
  article p { orphans: 2; widows: 2; }
  article p.byline { break-before: avoid; }
  footer.endblock { break-inside: avoid; }
}
""".strip()


def _article(article: Article, style: Style, anchor: str) -> list[str]:
    out = [f'<article id="{anchor}">']
    if article.title:
        lines = split_at(
            article.title, article.title_breaks
        )  # the editor's own breaks; a page reflows the rest
        out.append(f"<h3>{'<br>'.join(escape(line) for line in lines)}</h3>")
    out += [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    if article.byline is not None:
        out.append(f'<p class="byline">{escape(render_byline(article.byline, style))}</p>')
    out.append("</article>")
    return out


def render_html(issue: Issue, style: Style) -> str:
    m = issue.masthead
    title = f"{m.name} 第{m.number}期"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        '<header class="masthead">',
        f"<h1>{escape(m.name)}</h1>",
        f'<p class="edition">（{escape(m.edition)}）</p>',
        f'<p class="numbers">第{m.number}期（总第{m.cumulative}期）</p>',
        f'<p class="unit-date"><span>{escape(m.unit)}编</span>'
        f'<time datetime="{m.date.isoformat()}">{m.date.year}年{m.date.month}月{m.date.day}日</time></p>',
        "</header>",
        '<nav class="contents">',
        "<h2>目　录</h2>",
        "<ul>",
    ]
    anchors = {id(a): f"a{n}" for n, a in enumerate(issue.articles, 1)}
    for column in issue.columns:
        articles = issue.articles_in(column.name)
        if column.kind == "briefs":
            first = f'<a href="#{anchors[id(articles[0])]}">' if articles else ""
            close = "</a>" if articles else ""
            out.append(f"<li>{first}{escape(column.name)}　{len(articles)}则{close}</li>")
            continue
        out.append(f"<li>{escape(column.name)}<ul>")
        out += [f'<li><a href="#{anchors[id(a)]}">{escape(a.title)}</a></li>' for a in articles]
        out.append("</ul></li>")
    out += ["</ul>", "</nav>", "<main>"]
    for group, articles in issue.in_print_order():
        out.append('<section class="column">')
        if group is not None:
            out.append(f"<h2>{escape(group.name)}</h2>")
        for article in articles:
            out += _article(article, style, anchors[id(article)])
        out.append("</section>")
    e = issue.endblock
    out += ["</main>", '<footer class="endblock">']
    out.append(f"<p>送：{escape(e.distribution[0]) if e.distribution else ''}</p>")
    out += [f'<p class="distribution">{escape(d)}</p>' for d in e.distribution[1:]]
    out += [
        f"<p>本期责任编辑：{escape(e.editor)}</p>",
        f"<p>电话：{escape(e.phone)}</p>",
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
