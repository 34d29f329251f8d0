"""Numbering: 第N期 and 总第M期 against the archive, and enumerations inside articles.

第N期 restarts each year and 总第M期 never does; supplements count apart
(see tui.model.numbering).  Inside an article, 一是/二是, 第一/第二, （一）（二） and
1. 2. count up from one without gaps or repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.rules.base import Context, Segment, article_rule, article_segments, at, issue_rule, span
from tui.model import Article, Masthead
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.numbering import next_numbers, previous_issue, sequence_of
from tui.model.textutil import chinese_numeral


def _name(m: Masthead) -> Text:
    return Text(
        f"{m.date.year}年第{m.number}期（总第{m.cumulative}期，{m.date}）",
        f"{m.date.year} no. {m.number} (cumulative {m.cumulative}, {m.date})",
    )


@issue_rule(
    "numbering.number",
    "numbering.cumulative",
    "numbering.date-order",
    "numbering.date-year",
    "numbering.duplicate",
)
def against_archive(ctx: Context) -> Iterator[Finding]:
    """At most one finding per masthead field, on the field the evidence says is wrong.

    The previous issue is found once (``previous_issue``): by date, unless
    the numbers show that the date is what is wrong.  A number that repeats an
    earlier issue's is reported on this, the later, issue only.
    """
    me = ctx.issue.masthead
    seq = sequence_of(me.edition, ctx.house.style)
    same = [m for m in ctx.archive if sequence_of(m.edition, ctx.house.style) == seq]
    prev, date_wrong = previous_issue(ctx.archive, me, ctx.house.style)
    if prev is None:
        return
    after = Text("上一期为", "the previous issue is ") + _name(prev)
    if date_wrong:
        if me.number == 1 and me.date.year <= prev.date.year:
            year = prev.date.year + 1
            yield at(
                "numbering.date-year",
                "error",
                Text(
                    f"日期{me.date}早于上一期；本期为第1期，年份应为{year}年（",
                    f"the date {me.date} is before the previous issue's; this is no. 1, so the year should be {year} (",
                )
                + after
                + Text("）", ")"),
                "masthead.date",
            )
        else:
            yield at(
                "numbering.date-order",
                "error",
                Text(
                    f"日期{me.date}不晚于上一期，应在{prev.date}之后（",
                    f"the date {me.date} should be after {prev.date} (",
                )
                + after
                + Text("）", ")"),
                "masthead.date",
            )
        return
    number, cumulative = next_numbers(prev, me.date)
    earlier = [m for m in same if m.date < me.date or (m.date == me.date and m.cumulative < me.cumulative)]
    if me.cumulative != cumulative:
        twin = next((m for m in earlier if m.cumulative == me.cumulative), None)
        if twin is not None:
            yield at(
                "numbering.duplicate",
                "error",
                Text(
                    f"总第{me.cumulative}期与{twin.date.year}年第{twin.number}期重复，按顺序应为总第{cumulative}期（",
                    f"cumulative {me.cumulative} repeats {twin.date.year} no. {twin.number}; next in order is {cumulative} (",
                )
                + after
                + Text("）", ")"),
                "masthead.cumulative",
            )
        else:
            yield at(
                "numbering.cumulative",
                "error",
                Text(f"总期号应为总第{cumulative}期（", f"the cumulative number should be {cumulative} (")
                + after
                + Text("）", ")"),
                "masthead.cumulative",
            )
    if me.number != number:
        twin = next((m for m in earlier if (m.date.year, m.number) == (me.date.year, me.number)), None)
        if me.number == prev.number + 1 and me.date.year != prev.date.year:
            yield at(
                "numbering.date-year",
                "error",
                Text(
                    f"第{me.number}期接续{prev.date.year}年的期号，日期却在{me.date.year}年（",
                    f"no. {me.number} continues {prev.date.year}'s numbers but is dated {me.date.year} (",
                )
                + after
                + Text("）", ")"),
                "masthead.date",
            )
        elif twin is not None:
            yield at(
                "numbering.duplicate",
                "error",
                Text(
                    f"第{me.number}期与{twin.date}出刊的一期重复，按顺序应为第{number}期（",
                    f"no. {me.number} repeats the issue of {twin.date}; next in order is no. {number} (",
                )
                + after
                + Text("）", ")"),
                "masthead.number",
            )
        else:
            yield at(
                "numbering.number",
                "error",
                Text(f"期号应为第{number}期（", f"the number should be no. {number} (")
                + after
                + Text("）", ")"),
                "masthead.number",
            )


# ---------------------------------------------------------------- enumerations

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"
# Markers start a paragraph or follow 。；：！？ (一是 may also follow ，).  Only
# those positions are tried, which keeps the rule linear and cheap.
_AT = re.compile(
    rf"(?P<heading>[{_CN}]+)、|（(?P<paren>[{_CN}]+)）|(?P<arabic>\d{{1,2}})[.．、](?!\d)"
    rf"|(?P<shi>[{_CN}]+)是|第(?P<di>[{_CN}]+)[，、,]"
)
_LABELS = {"heading": "{}、", "paren": "（{}）", "arabic": "{}.", "shi": "{}是", "di": "第{}，"}

# Heading levels 一、 > （一） > 1.: a new outer marker restarts the inner counts.
_NESTED = ["heading", "paren", "arabic"]


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (enough for enumerations)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        o = _CN_DIGITS.get(ones, 0) if ones else 0
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        return t * 10 + o
    return _CN_DIGITS.get(text) if len(text) == 1 else None


# Where a marker may start after the first character: a mark that ends a
# clause, followed by what a marker starts with.  One C-speed scan finds them.
_MARKER_AFTER = re.compile(rf"[。；：，！？](?=[{_CN}（第0-9])")


def markers(seg: Segment) -> Iterator[tuple[int, str, int, int]]:
    """(start, kind, value, end) of every enumeration marker in the segment, in order."""
    text = seg.text
    for pos in [0, *(m.end() for m in _MARKER_AFTER.finditer(text))]:
        m = _AT.match(text, pos)
        if m is None:
            continue
        kind = m.lastgroup
        assert kind is not None
        if (kind == "heading" and pos != 0) or (kind != "shi" and pos and text[pos - 1] == "，"):
            continue
        value = cn_number(m.group(kind))
        if value is not None:
            yield pos, kind, value, m.end()


@article_rule("numbering.enumeration")
def enumerations(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    last: dict[str, int] = {}
    fmt = _LABELS
    for seg in article_segments(article, index):
        if seg.field != "paragraph":
            continue
        for start, kind, value, end in markers(seg):
            if kind in _NESTED:
                for inner in _NESTED[_NESTED.index(kind) + 1 :]:
                    last.pop(inner, None)
            prev = last.get(kind)
            last[kind] = value
            if value == 1 or (prev is not None and value == prev + 1):
                continue
            label = fmt[kind].format(chinese_numeral(value) if kind not in ("arabic",) else value)
            if prev is None:
                problem = Text(
                    f"“{label}”前没有从一开始的序号",
                    f"“{label}” does not follow an enumeration that starts at one",
                )
            elif value == prev:
                problem = Text(f"序号“{label}”重复", f"the enumeration repeats “{label}”")
            elif value > prev + 1:
                missing = fmt[kind].format(chinese_numeral(prev + 1) if kind != "arabic" else prev + 1)
                problem = Text(f"序号跳过了“{missing}”", f"the enumeration skips “{missing}”")
            else:
                problem = Text(f"序号“{label}”顺序颠倒", f"the enumeration goes backwards at “{label}”")
            yield span(seg, "numbering.enumeration", "error", problem, start, end)
