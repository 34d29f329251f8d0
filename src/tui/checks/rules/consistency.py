"""Consistency inside the text: totals and their parts, numbered summaries and
their items, dates after the issue's own.

Each is a likely error, never a sure one, so each is a warning, and each
speaks only when the text leaves little room for a right reading:

* a total (共/合计/累计 56条) followed by 其中 and parts in the same unit whose
  sum is larger than the total, or short of it by less than the smallest
  part (a slip of arithmetic, not a partial breakdown);
* a numbered summary (“两个坚持”：, 三大关键：) followed by an enumeration
  that starts at one and has another count;
* a complete date (2026年3月5日) after the issue's date, unless the clause
  speaks of the future (将于, 计划, 力争…前, 起).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tui.checks.patterns import lazy
from tui.checks.rules.base import Segment, span
from tui.checks.rules.numbering import cn_number, markers
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text

_UNIT = (
    r"(?:万元|亿元|元|人次|件次|场次|万人|个|条|件|项|家|人|次|名|场|篇|份|处|户|所|座|批|类|期|位|天|项次)"
)
_TOTAL = lazy(rf"(?:共|合计|总计|累计|共计)[^，。；！？\d（）()]{{0,12}}?(\d+)({_UNIT})")
_PART = lazy(rf"(?<![\d.])(\d+)({_UNIT})(?![\d%])")
_SENTENCE = lazy(r"[^。！？]+[。！？]?")


def _outside_brackets(text: str, pos: int) -> bool:
    return text.count("（", 0, pos) <= text.count("）", 0, pos) and text.count("(", 0, pos) <= text.count(
        ")", 0, pos
    )


def totals(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    for sentence in _SENTENCE.finditer(text):
        s = sentence.group()
        total = _TOTAL.search(s)
        if total is None:
            continue
        among = s.find("其中", total.end())
        if among < 0:
            continue
        value, unit = int(total.group(1)), total.group(2)
        parts = [
            int(p.group(1))
            for p in _PART.finditer(s, among)
            if p.group(2) == unit and _outside_brackets(s, p.start())
        ]
        if len(parts) < 2:
            continue
        added = sum(parts)
        if added == value or (added < value and value - added >= min(parts)):
            continue
        yield span(
            seg,
            "consistency.total",
            "warning",
            Text(
                f"分项之和为{added}{unit}，与总数{value}{unit}不符，请核对",
                f"the parts add up to {added}{unit}, not the total {value}{unit}",
            ),
            sentence.start() + total.start(),
            sentence.start() + total.end(),
        )


_SUMMARY = lazy(
    r"“?([两二三四五六七八九十])(?:个|项|大|条|种|类|方面|点|化|件事)([\u4e00-\u9fff]{0,6})”?(?=：|，即|，具体|，主要)"
)


def _items_in(text: str, start: int) -> tuple[str, int] | None:
    """The kind of enumeration starting at ``start`` (or right after) and how many items it counts."""
    seg = Segment("paragraph", text[start:])
    kind, count = "", 0
    for _, k, value, _ in markers(seg):
        if not kind:
            if value != 1:
                return None
            kind = k
        if k != kind:
            continue
        if value != count + 1:
            break
        count = value
    return (kind, count) if kind else None


def _items_after(paragraphs: list[str], k: int) -> int:
    """Items of an enumeration that starts at paragraph ``k`` (one item per paragraph start)."""
    kind, count = "", 0
    for text in paragraphs[k:]:
        found = next(iter(markers(Segment("paragraph", text))), None)
        if found is None or found[0] != 0:
            continue  # a paragraph that goes on with the item before
        _, k2, value, _ = found
        if not kind:
            if value != 1:
                return 0
            kind = k2
        elif k2 != kind:
            if k2 in ("heading",) and kind != "heading":
                break
            continue
        if value != count + 1:
            break
        count = value
    return count


def summaries(article: Article, index: int) -> Iterator[Finding]:
    paragraphs = article.paragraphs
    for k, text in enumerate(paragraphs):
        if "：" not in text and "，即" not in text and "，具体" not in text and "，主要" not in text:
            continue
        for m in _SUMMARY.finditer(text):
            stated = cn_number(m.group(1)) if m.group(1) != "两" else 2
            if stated is None or stated < 2:
                continue
            rest = text[m.end() :].lstrip("：，即具体主要是有")
            if rest.strip():
                found = _items_in(text, m.end() + (len(text[m.end() :]) - len(rest)))
                counted = found[1] if found else 0
            else:
                counted = _items_after(paragraphs, k + 1)
            if counted == 0 or counted == stated:
                continue
            seg = Segment("paragraph", text, index, article.title, k)
            yield span(
                seg,
                "consistency.count",
                "warning",
                Text(
                    f"“{m.group().strip('“”')}”说有{stated}项，后面列了{counted}项",
                    f"“{m.group().strip('“”')}” announces {stated} items but {counted} follow",
                ),
                m.start(),
                m.end(),
            )


# [0-9] alone first: a charset re skips to at C speed ([0-9]{4} is not one)
_DATE = lazy(r"([0-9][0-9][0-9][0-9])年([0-9][0-9]?)月([0-9][0-9]?)日")
_FUTURE_BEFORE = lazy(r"(?:将|拟|计划|预计|定于|力争|争取|届时|预定|安排|截至|截止|确保|预期|准备|下一步)")
_FUTURE_AFTER = lazy(r"(?:前|之前|以前|起|开始|之后|后|截止|到期|施行|实施|生效|为止)")


def may_date(text: str) -> bool:
    """A quick test (one scan from a digit) before :func:`future_dates`."""
    return _DATE.search(text) is not None


def future_dates(seg: Segment, issued: dt.date) -> Iterator[Finding]:
    text = seg.text
    for m in _DATE.finditer(text):
        try:
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if date <= issued:
            continue
        clause_start = max(text.rfind(c, 0, m.start()) for c in "，。；！？")
        before = text[clause_start + 1 : m.start()]
        if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(text, m.end()):
            continue
        yield span(
            seg,
            "consistency.future-date",
            "warning",
            Text(
                f"日期{m.group()}晚于本期出刊日期{issued.year}年{issued.month}月{issued.day}日，请核对",
                f"{m.group()} is after this issue's date {issued.isoformat()}",
            ),
            m.start(),
            m.end(),
        )


def consistency_findings(seg: Segment, issued: dt.date) -> Iterator[Finding]:
    text = seg.text
    if "其中" in text:
        yield from totals(seg)
    if "日" in text and "年" in text:
        yield from future_dates(seg, issued)
