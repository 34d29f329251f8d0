"""Paragraphs split in the middle of a sentence (a page break in the source, an Enter too many)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.rules.base import Context, article_rule
from tui.model import Article
from tui.model.findings import Finding, Location, Severity, context_of
from tui.model.i18n import Text
from tui.model.templates import template_pieces
from tui.model.textutil import CLOSERS, TERMINAL, is_cjk

_CLAUSE_OPEN = "，、；：,;"  # a paragraph cannot end on these
# What may start a paragraph of its own: enumerations and headings, quotes, brackets.
_STARTS_ANEW = re.compile(
    r"^(?:[一二三四五六七八九十]+[是、]|第[一二三四五六七八九十]+[，、]|（[一二三四五六七八九十\d]+）|\d+[.、．]|[“‘（《【])"
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])")
MIN_LENGTH = 30  # shorter lines without an end mark are headings more often than broken sentences


def broken(text: str, following: str) -> bool:
    """Whether ``text`` stops mid-sentence and ``following`` goes on with it."""
    stripped = text.rstrip()
    if not stripped or not following or _STARTS_ANEW.match(following) or not is_cjk(following[0]):
        return False
    last = stripped[-1]
    if last in _CLAUSE_OPEN:
        return True
    if last in TERMINAL or last in CLOSERS or _HEADING.match(stripped):
        return False
    return is_cjk(last) and len(stripped) >= MIN_LENGTH


@article_rule("paragraph.split")
def split_mid_sentence(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    paragraphs = article.paragraphs
    for k in range(len(paragraphs) - 1):
        text = paragraphs[k]
        if not broken(text, paragraphs[k + 1]):
            continue
        tail = text[-10:]
        yield Finding(
            "paragraph.split",
            Severity.WARNING,
            Location(
                field="paragraph",
                article=index,
                title=article.title,
                paragraph=k,
                start=len(text),
                end=len(text),
            ),
            Text(
                f"第{k + 1}段在句中结束，下一段接着这句话：可能是分段有误",
                f"paragraph {k + 1} stops mid-sentence and the next one goes on with it: probably a wrong break",
            ),
            fix="",
            matched=tail,
            context=context_of(text + paragraphs[k + 1], len(text), len(text)),
            joins_next=True,
        )


@article_rule("paragraph.template-left")
def template_left(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    """A paragraph, or a （prompt）, still as the column's template has it: never written over."""
    column = ctx.house.catalogue_column(article.column)
    if column is None or not column.template:
        return
    pieces = template_pieces(column.template)
    for k, text in enumerate(article.paragraphs):
        piece = next((p for p in pieces if p in text), None)
        if piece is None:
            continue
        start = text.index(piece)
        yield Finding(
            "paragraph.template-left",
            Severity.ERROR,
            Location(
                field="paragraph",
                article=index,
                title=article.title,
                paragraph=k,
                start=start,
                end=start + len(piece),
            ),
            Text(
                f"第{k + 1}段仍有栏目模板的提示文字“{piece[:20]}”，尚未改写",
                f"paragraph {k + 1} still holds the column template's prompt “{piece[:20]}”",
            ),
            matched=piece,
            context=context_of(text, start, start + len(piece)),
        )
