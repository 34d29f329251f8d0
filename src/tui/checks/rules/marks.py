"""Punctuation beyond width (GB/T 15834—2011): doubled marks, straight quotes,
…… with 等, paragraphs without an end mark, spaces inside Chinese text.

These add to :mod:`typography` (which handles half-width marks, pairs,
ellipses and dashes) the mistakes that a full-width keyboard still makes.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.patterns import lazy
from tui.checks.rules.base import Segment, span
from tui.checks.rules.paragraph import broken
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import CLOSERS, TERMINAL, inside_quote_or_title, is_han

_CLAUSE = "，。；：、"
# 。。 ；； ，， and two different clause marks side by side (，。 、，).  Three
# or more 。 are an ellipsis typed wrong, which the ellipsis rule reports.
_DOUBLED = lazy(f"(?<!。)[{_CLAUSE}]{{2}}(?!。)")
_STRAIGHT = lazy(r'"([^"\n]*)"')
_ELLIPSIS_ETC = lazy(r"……(等等|等|之类)")
_SPACES = lazy("[ \u00a0]+")
# What may end a paragraph: end marks, closing quotes and brackets, a colon before a list.
_ENDINGS = TERMINAL + CLOSERS + "：:；;.!?—"
_HEADING = lazy(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.．、]|第[一二三四五六七八九十]+[章节部分条])"
)
MIN_SENTENCE = 30  # a shorter line without an end mark is more often a heading than a sentence


def doubled_marks(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    if not may_double(text):
        return
    for m in _DOUBLED.finditer(text):
        pair = m.group()
        same = pair[0] == pair[1]
        yield span(
            seg,
            "typography.doubled-mark",
            "error",
            Text(f"标点重复：“{pair}”", f"doubled punctuation: “{pair}”"),
            m.start(),
            m.end(),
            pair[0] if same else None,
        )


def straight_quotes(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    if '"' not in text:
        return
    for m in _STRAIGHT.finditer(text):
        inner = m.group(1)
        if not any(is_han(c) for c in inner):
            continue
        yield span(
            seg,
            "typography.straight-quotes",
            "error",
            Text(
                '中文引号应为“”，不是直引号""', "Chinese text takes “” quotation marks, not straight quotes"
            ),
            m.start(),
            m.end(),
            f"“{inner}”",
        )


def ellipsis_with_etc(seg: Segment) -> Iterator[Finding]:
    if "……" not in seg.text:
        return
    for m in _ELLIPSIS_ETC.finditer(seg.text):
        yield span(
            seg,
            "typography.ellipsis-etc",
            "warning",
            Text(
                f"省略号与“{m.group(1)}”意思重复，只用其一",
                f"an ellipsis and “{m.group(1)}” say the same: keep one",
            ),
            m.start(),
            m.end(),
            "……",
        )


def spaces_in_chinese(seg: Segment) -> Iterator[Finding]:
    """Paragraphs only: a title, a book title in 《》 or a slogan in “” may use a space for a pause."""
    text = seg.text
    if seg.field != "paragraph" or (" " not in text and "\u00a0" not in text):
        return
    for m in _SPACES.finditer(text):
        if not (m.start() and is_han(text[m.start() - 1]) and m.end() < len(text) and is_han(text[m.end()])):
            continue
        if inside_quote_or_title(text, m.start()):
            continue
        yield span(
            seg,
            "typography.space-in-chinese",
            "warning",
            Text("汉字之间有半角空格", "a half-width space between Chinese characters"),
            m.start(),
            m.end(),
            "",
        )


def _unfinished(text: str) -> bool:
    stripped = text.rstrip()
    if len(stripped) < MIN_SENTENCE or _HEADING.match(stripped):
        return False
    last = stripped[-1]
    return last not in _ENDINGS and last not in "，、,"  # a trailing comma is a split paragraph


def may_double(text: str) -> bool:
    """A quick test before the doubled-mark scan (plain ``in``, far cheaper than a regex pass)."""
    return (
        "，，" in text
        or "。。" in text
        or "；；" in text
        or "、、" in text
        or "，。" in text
        or "。，" in text
    )


def paragraph_ends(article: Article, index: int) -> Iterator[Finding]:
    """The last paragraph, or one whose successor starts anew, ends without an end mark.

    A paragraph followed by one that goes on with its sentence is
    ``paragraph.split``'s, not this rule's.
    """
    paragraphs = article.paragraphs
    for k, text in enumerate(paragraphs):
        if not _unfinished(text):
            continue
        if k + 1 < len(paragraphs) and broken(text, paragraphs[k + 1]):
            continue  # a sentence broken across paragraphs: paragraph.split reports it
        end = len(text.rstrip())
        seg = Segment("paragraph", text, index, article.title, k)
        yield span(
            seg,
            "typography.paragraph-end",
            "warning",
            Text("段末缺少标点", "the paragraph ends without punctuation"),
            end,
            end,
            "。",
        )
