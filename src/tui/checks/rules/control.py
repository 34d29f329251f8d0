"""Control characters: invisible bytes pasted in from other programs.

U+0000–U+001F (but tab and newline), U+007F and the non-characters U+FFFE
and U+FFFF cannot be printed and are not allowed in Word's XML; they come
from copying out of PDFs, web pages and old systems.  Each is an error with
a fix that removes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.rules.base import Context, Segment, article_rule, in_article, issue_rule, span
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import CONTROL

RULE = "text.control-character"


def _findings(seg: Segment) -> Iterator[Finding]:
    for m in CONTROL.finditer(seg.text):
        code = f"U+{ord(m.group()):04X}"
        yield span(
            seg,
            RULE,
            "error",
            Text(
                f"含有不可见的控制字符 {code}（多从其他程序粘贴而来），应删除",
                f"an invisible control character {code} (usually pasted in); remove it",
            ),
            m.start(),
            m.end(),
            fix="",
        )


def _article_segments(article: Article, index: int) -> Iterator[Segment]:
    where = in_article(article, index)
    yield Segment("title", article.title, **where)
    for k, text in enumerate(article.paragraphs):
        yield Segment("paragraph", text, paragraph=k, **where)
    if article.byline is not None:
        yield Segment("byline.unit", article.byline.unit, **where)
        for k, name in enumerate(article.byline.authors):
            yield Segment("byline.author", name, paragraph=k, **where)


def _any_control(article: Article) -> bool:
    """One cheap look over the article's strings; segments are built only when something is there."""
    texts = [article.title, *article.paragraphs]
    if article.byline is not None:
        texts += [article.byline.unit, *article.byline.authors]
    return CONTROL.search("\n".join(texts)) is not None  # newline is not a control character here


@article_rule(RULE)
def in_an_article(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    if not _any_control(article):
        return
    for seg in _article_segments(article, index):
        yield from _findings(seg)


@issue_rule(RULE)
def in_masthead_and_endblock(ctx: Context) -> Iterator[Finding]:
    m, e = ctx.issue.masthead, ctx.issue.endblock
    for key in ("name", "unit"):
        yield from _findings(Segment(f"masthead.{key}", getattr(m, key)))
    for k, line in enumerate(e.distribution):
        yield from _findings(Segment("endblock.distribution", line, paragraph=k))
    for key in ("editor", "phone"):
        yield from _findings(Segment(f"endblock.{key}", getattr(e, key)))
