"""Numbers in running text (GB/T 15835—2011《出版物上数字用法》).

Each rule matches a form the standard rules out and proposes the form it
gives; a form the standard allows (3～5天, 3至5天, 20%～30%, 2025-03-07,
二〇二五年, 8号楼, 约30家) is never touched.  Sure errors are errors; forms
that are only unusual in running text (2026.1.5, 3月8号) are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.patterns import lazy
from tui.checks.rules.base import Segment, span
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import around, chinese_numeral, is_han

_NUM = r"[0-9]+(?:\.[0-9]+)?"

# At each digit the scan tries the forms below; the context (what comes
# before a number) is checked in Python on the few hits.
_SCAN = lazy(
    # 3-5天, 10%-15%, 2021-2025年: a hyphen for a range
    rf"(?P<range>{_NUM}%?[-－–]{_NUM}%?)"
    # 20～30%: the percent sign on the end value only
    rf"|(?P<prange>{_NUM}[～~至到]{_NUM}%)"
    # 2026.1.5 in running text
    r"|(?P<dotted>(?:19|20)[0-9]{2}\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12][0-9]|3[01]))(?![0-9.])"
    # 21年3月, 21年底: a year in two digits
    r"|(?P<year>[0-9]{2})年(?=[0-9]{1,2}月|度|底|初|末|上半年|下半年|[一二三四]季度|第[一二三四]季度)"
    # 3百, 5千: 百 and 千 after digits
    r"|(?P<hundreds>[0-9]+[百千])(?![米克瓦帕焦卡赫伏升兆分字])"
    # 03月, 07日: a padded month or day
    r"|(?P<padded>0[1-9])(?=[月日])"
    # 8号 after a month: 号 for 日
    r"|(?P<hao>[0-9]{1,2}号)(?![楼院线房室路街巷门库馆])"
    # a digit next to 〇 or ○, 2O21: numerals mixed in one number
    r"|(?P<zero>[0-9]+[〇○OoＯ][0-9〇○OoＯ]*)"
    r"|(?P<number>[0-9]+(?:\.[0-9]+)?)"
)
_DIGIT_RUN = lazy("[0-9][0-9]*")  # starts with a charset, which re skips to at C speed ([0-9]+ does not)
# What may follow a digit run that one of the forms below needs; most numbers
# (48家, 6.8%) are followed by none of these and cost one set lookup.
_FOLLOWERS = frozenset("-－–～~至到.年百千号〇○OoＯ余多大%月日")


def _suspect(text: str, start: int, end: int) -> bool:
    following = text[end] if end < len(text) else ""
    return (following != "" and following in _FOLLOWERS) or text[start] == "0"


_CN_DIGITS = "〇○零一二三四五六七八九"
_HAN_AFTER_RANGE_BLOCK = "室号栋幢楼单弄"
# 二0二一年, 二○二一年: a year run with a digit or a circle in it.
_YEAR_CHARS = frozenset("〇○零一二三四五六七八九0123456789OoＯ")
_CN_DIGIT_VALUE = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_CN_DIGIT_VALUE |= {"O": "0", "o": "0", "Ｏ": "0"} | {str(i): str(i) for i in range(10)}
# 约30家左右, 近20人上下: two words for the same approximation.
_APPROX_BLOCK = "节制预条签合违履邀赴特公简隐婉相集契守誓盟租聘缔背践失爽如最附接临靠邻亲就贴"
_APPROX_BOTH = lazy(
    rf"(?:大约|大概|约|近)(?:{_NUM}|[一二三四五六七八九十百千万两]+)[^\s，。；、！？0-9]{{0,3}}?(?:左右|上下)"
)
# 党的20大, 二十届3中全会: set expressions written in Chinese numerals.
_PLENUM = lazy(r"([0-9]{1,2}|[一二三四五六七八九十]+)届([0-9]|[一二三四五六七八九])中全会")


def _is_year(value: str) -> bool:
    return len(value) == 4 and value[:2] in ("19", "20")


def _range(seg: Segment, m: re.Match[str]) -> Finding | None:
    text, start, end = seg.text, m.start(), m.end()
    before, following = around(text, start, end)
    if before in ("-", "－", ".", "—", "/", ":", " ") or (before.isascii() and before.isalnum()):
        return None
    parts = re.match(r"([0-9.]+)(%?)[-－–]([0-9.]+)(%?)", m.group())
    assert parts is not None
    low, low_pct, high, high_pct = parts.groups()
    if len(low) > 4 or len(high) > 4 or (low_pct and not high_pct):
        return None  # a phone number or a code, not a range
    if not high_pct and (not is_han(following) or following in _HAN_AFTER_RANGE_BLOCK):
        return None  # 3-201室 (building and room), GB/T 9704-2012 (a standard's number)
    timeish = (_is_year(low) and _is_year(high)) or following in "年月日"
    dash = "—" if timeish and not high_pct else "～"
    pct = "%" if high_pct else ""
    fixed = f"{low}{pct}{dash}{high}{pct}"
    what = (
        Text("时间起止用“—”", "a span of time takes “—”")
        if dash == "—"
        else Text("数值范围用“～”", "a range of values takes “～”")
    )
    return span(
        seg,
        "numbers.range",
        "error",
        Text(f"范围不用连字符：{fixed}（", "ranges take no hyphen: ") + what + Text("）", f" ({fixed})"),
        start,
        end,
        fixed,
    )


def _at_digits(seg: Segment, m: re.Match[str], year: int) -> Finding | None:
    """The finding for one hit of the digit scan, if its context makes it one."""
    text, kind, start, end = seg.text, m.lastgroup, m.start(), m.end()
    before, after = around(text, start, end)
    if before.isascii() and before.isdigit():
        return None
    if kind == "range":
        return _range(seg, m)
    if kind == "prange":
        if before in ("%", ".") or (before.isascii() and before.isalpha()):
            return None
        low, sep, high = re.match(r"([0-9.]+)([～~至到])([0-9.]+)%", m.group()).groups()  # type: ignore[union-attr]  # the scan matched this shape
        fixed = f"{low}%{sep}{high}%"
        return span(
            seg,
            "numbers.percent-range",
            "error",
            Text(
                f"百分数范围的前一个数也要带“%”：{fixed}", f"both ends of a percentage range take %: {fixed}"
            ),
            start,
            end,
            fixed,
        )
    if kind == "dotted":
        if before == ".":
            return None
        y, mo, d = m.group("dotted").split(".")
        fixed = f"{y}年{int(mo)}月{int(d)}日"
        return span(
            seg,
            "numbers.date-form",
            "warning",
            Text(f"行文中日期写作“{fixed}”", f"in running text write the date {fixed}"),
            start,
            end,
            fixed,
        )
    if kind == "year":
        if before in ".-—～~/:：续近去这每多几余第":
            return None
        yy = int(m.group("year"))
        century = year // 100 * 100 if yy <= year % 100 + 1 else year // 100 * 100 - 100
        full = f"{century + yy}"
        return span(
            seg,
            "numbers.short-year",
            "error",
            Text(f"年份不应简写：“{yy:02d}年”应为“{full}年”", f"write the year in full: {full}年"),
            start,
            start + 2,
            full,
        )
    if kind == "hundreds":
        if before == ".":
            return None
        digits, unit = m.group()[:-1], m.group()[-1]
        fixed = str(int(digits) * (100 if unit == "百" else 1000))
        return span(
            seg,
            "numbers.hundreds",
            "error",
            Text(
                f"阿拉伯数字后不用“{unit}”：“{m.group()}”应为“{fixed}”",
                f"no “{unit}” after Arabic digits: {fixed}",
            ),
            start,
            end,
            fixed,
        )
    if kind == "padded":
        if before not in ("年", "月") or (before == "月" and after != "日"):
            return None
        return span(
            seg,
            "numbers.date-form",
            "warning",
            Text("年月日写法中的月、日不补“0”", "no leading zero in a 年月日 date"),
            start,
            end,
            m.group()[1],
        )
    if kind == "hao":
        if before != "月" or not (start >= 2 and text[start - 2].isdigit()):
            return None
        return span(
            seg,
            "numbers.date-form",
            "warning",
            Text("日期用“日”，不用“号”", "a date takes 日, not 号"),
            end - 1,
            end,
            "日",
        )
    if kind == "zero":
        fixed = "".join(_CN_DIGIT_VALUE.get(c, c) for c in m.group())
        return span(
            seg,
            "numbers.mixed-form",
            "error",
            Text(
                f"阿拉伯数字中混入了“〇”或字母“O”：应为“{fixed}”",
                f"a 〇 or letter O among Arabic digits: {fixed}",
            ),
            start,
            end,
            fixed,
        )
    return _number_in_context(seg, m)


def _number_in_context(seg: Segment, m: re.Match[str]) -> Finding | None:
    """A plain number: 约30余家, 党的20大, or a digit run inside Chinese numerals (二0二一)."""
    text, start, end = seg.text, m.start(), m.end()
    before, after = around(text, start, end)
    if before in _CN_DIGITS or after in _CN_DIGITS:
        return None  # the year-run pass reports it whole
    if after in "余多" and start > 0:
        word = next((w for w in ("大约", "大概", "约", "近") if text.endswith(w, 0, start)), "")
        if word and around(text, start - len(word), start)[0] not in _APPROX_BLOCK:
            return span(
                seg,
                "numbers.approximate",
                "error",
                Text(
                    f"“{word}”与“{after}”都表示约数，只用其一",
                    f"“{word}…{after}” says “about” twice: keep one",
                ),
                start - len(word),
                end + 1,
                text[start : end + 1],
            )
    if text.endswith("党的", 0, start) and after == "大" and "." not in m.group():
        fixed = f"党的{chinese_numeral(int(m.group()))}大"
        return _set_form(seg, start - 2, end + 1, fixed)
    return None


def _set_form(seg: Segment, start: int, end: int, fixed: str) -> Finding:
    return span(
        seg,
        "numbers.set-form",
        "warning",
        Text(f"约定俗成的表述用汉字数字：“{fixed}”", f"a set expression takes Chinese numerals: {fixed}"),
        start,
        end,
        fixed,
    )


def year_runs(seg: Segment) -> Iterator[Finding]:
    """二0二一年 and 二○二一年: a four-character year mixing numerals, or with a circle for 〇."""
    text = seg.text
    pos = text.find("年", 4)
    while pos >= 0:
        start = pos - 4
        run = text[start:pos]
        pos = text.find("年", pos + 1)
        if not all(c in _YEAR_CHARS for c in run):
            continue
        arabic = any(c.isascii() and c.isdigit() for c in run)
        chinese = any(c in "〇一二三四五六七八九零" for c in run)
        odd = any(c in "○OoＯ" for c in run)
        if not ((arabic and (chinese or odd)) or (chinese and odd)):
            continue
        fixed = "".join(_CN_DIGIT_VALUE[c] for c in run) if arabic else run.replace("○", "〇")
        yield span(
            seg,
            "numbers.mixed-form",
            "error",
            Text(
                f"“{run}”混用了阿拉伯数字与汉字数字（或以“○”代“〇”），应为“{fixed}”",
                f"“{run}” mixes Arabic and Chinese numerals: {fixed}",
            ),
            start,
            start + 4,
            fixed,
        )


def approximations(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    for m in _APPROX_BOTH.finditer(text):
        if around(text, m.start(), m.end())[0] in _APPROX_BLOCK:
            continue
        phrase = m.group()
        word = next(w for w in ("大约", "大概", "约", "近") if phrase.startswith(w))
        yield span(
            seg,
            "numbers.approximate",
            "error",
            Text(
                f"“{word}”与“{phrase[-2:]}”都表示约数，只用其一", f"“{phrase}” says “about” twice: keep one"
            ),
            m.start(),
            m.end(),
            phrase[:-2],
        )


def plenums(seg: Segment) -> Iterator[Finding]:
    for m in _PLENUM.finditer(seg.text):
        session, plenum = m.groups()
        if not (session.isdigit() or plenum.isdigit()):
            continue
        s = chinese_numeral(int(session)) if session.isdigit() else session
        p = chinese_numeral(int(plenum)) if plenum.isdigit() else plenum
        yield _set_form(seg, m.start(), m.end(), f"{s}届{p}中全会")


def number_findings(seg: Segment, year: int) -> Iterator[Finding]:
    """Every number rule on one segment; each extra pass only runs where its mark is present."""
    text = seg.text
    if "左右" in text or "上下" in text:
        yield from approximations(seg)
    if "年" in text:
        yield from year_runs(seg)
    if "中全会" in text:
        yield from plenums(seg)
    taken = 0
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.start(), run.end()
        if start < taken or not _suspect(text, start, end):
            continue
        m = _SCAN.match(text, start)
        assert m is not None  # the last branch matches any digit run
        found = _at_digits(seg, m, year)
        if found is not None:
            yield found
        taken = m.end()


NUMBER_IDS = (
    "numbers.short-year",
    "numbers.mixed-form",
    "numbers.range",
    "numbers.percent-range",
    "numbers.approximate",
    "numbers.hundreds",
    "numbers.date-form",
    "numbers.set-form",
)
