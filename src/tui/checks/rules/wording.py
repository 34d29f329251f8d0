"""Wording: wrong characters, confused words and standard wording, from curated lists.

The lists are data (``tui/defaults/wording.toml`` and ``standard.toml``, plus
a house's ``[language]`` in bulletin.toml); this module matches them against
titles and paragraphs with one compiled pattern (:mod:`tui.checks.lexicon`).
Two standard-wording rules are patterns rather than lists: numbered slogans
and five-year plans are quoted (“十四五”), and bodies are listed in their
standard order (党委、人大、政府、政协).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.lexicon import Lexicon
from tui.checks.patterns import LazyPattern, lazy
from tui.checks.rules.base import Segment, span
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import inside_quote_or_title
from tui.model.wordlist import WordEntry

LIST_SEVERITY = {
    "wording.typo": "error",
    "wording.confusable": "warning",
    "standard.term": "error",
    "standard.sensitive": "warning",
}


def _message(entry: WordEntry, wrong: str) -> Text:
    why = f"（{entry.note}）" if entry.note else ""
    source = f"依据：{entry.source}" if entry.source else ""
    if entry.rule == "wording.confusable":
        zh = f"“{wrong}”此处应为“{entry.right}”{why}"
        en = f"“{wrong}” should be “{entry.right}” here"
    elif entry.rule == "standard.sensitive":
        zh = f"“{wrong}”" + (f"应改为“{entry.right}”" if entry.right else "不宜使用") + why
        en = f"“{wrong}” is not used" + (f"; write “{entry.right}”" if entry.right else "")
    elif entry.rule == "standard.term":
        zh = f"规范表述为“{entry.right}”，不是“{wrong}”{why}"
        en = f"the standard wording is “{entry.right}”, not “{wrong}”"
    else:
        zh = f"错别字：“{wrong}”应为“{entry.right}”{why}"
        en = f"wrong characters: “{wrong}” should be “{entry.right}”"
    return Text(f"{zh}。{source}" if source else zh, en)


def list_finding(seg: Segment, start: int, end: int, entry: WordEntry) -> Finding:
    """The finding for a list entry matched at ``start:end`` of a segment."""
    return span(
        seg,
        entry.rule,
        LIST_SEVERITY[entry.rule],
        _message(entry, seg.text[start:end]),
        start,
        end,
        entry.right or None,
    )


def list_findings(seg: Segment, lexicon: Lexicon) -> Iterator[Finding]:
    for start, end, entry in lexicon.find(seg.text):
        yield list_finding(seg, start, end, entry)


# ------------------------------------------------------------ quoted slogans

# Numbered abbreviations of the Party's and the state's formulations, and the
# five-year plans, are written in quotation marks (“十四五”规划, “四个意识”).
_SLOGANS = (
    "两个确立|两个维护|四个意识|四个自信|四个全面|五位一体|三个代表(?=重要思想)|八八战略|两个一百年"
    "|三个务必|四下基层|千万工程|两个先行|最多跑一次"
)
_PLAN = r"十[一二三四五六七八九]五"
_SLOGAN_RE = lazy(_SLOGANS)
_PLANS = lazy(rf"{_PLAN}(?![岁年个万亿多余人])")
_NUMERAL_BEFORE = "一二三四五六七八九十零〇两第"  # 二十四五岁: a number, not a plan
_OPEN_QUOTES = '“‘"「'
_CLOSE_QUOTES = '”’"」'


def may_need_quotes(text: str) -> bool:
    """A quick test (one scan) before :func:`unquoted_slogans`."""
    return _PLANS.search(text) is not None or _SLOGAN_RE.search(text) is not None


_NAME_THEN_SEPARATOR = lazy("(?:委|人大|政府|国务院|政协|党中央)[、和及与]")


def may_misorder(text: str) -> bool:
    """A quick test before :func:`order_of_bodies`: a body's name followed by a separator."""
    return _NAME_THEN_SEPARATOR.search(text) is not None or "主席、" in text


def unquoted_slogans(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    if "五" in text:
        yield from _unquoted(seg, _PLANS)
    if "个" in text or "五位" in text or "八八" in text or "千万" in text or "四下" in text or "最多" in text:
        yield from _unquoted(seg, _SLOGAN_RE)


def _unquoted(seg: Segment, pattern: LazyPattern) -> Iterator[Finding]:
    text = seg.text
    for m in pattern.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before in _OPEN_QUOTES or after in _CLOSE_QUOTES or inside_quote_or_title(text, m.start()):
            continue
        if pattern is _PLANS and before != "" and before in _NUMERAL_BEFORE:
            continue
        yield span(
            seg,
            "standard.quotes",
            "warning",
            Text(
                f"“{m.group()}”是数字略语或规划简称，应加引号",
                f"“{m.group()}” is a numbered abbreviation: put it in quotation marks",
            ),
            m.start(),
            m.end(),
            f"“{m.group()}”",
        )


# ------------------------------------------------------------ order of bodies

# 党委、人大、政府、政协 (then 监委): the order in which the
# leading bodies are named.  An item is a body when it ends with one of these
# names, with or without its level (市委, 区人大常委会, 省政府).  Courts and
# procuratorates are left out: 法院、检察院 and 公安、检察院、法院 are both usual.
_RANK_OF = {
    "党中央": 0,
    "党委": 0,
    "委": 0,
    "人大常委会": 1,
    "人大": 1,
    "政府": 2,
    "国务院": 2,
    "政协": 3,
    "监委": 4,
}
# A literal-first scan for the names (re finds them at C speed); levels and
# separators are read around each hit in Python.
_NAME = lazy("人大常委会|人大|政府|国务院|政协|党中央|党委|监委|委")
_LEVELS = ("中共", "全国", "自治区", "自治州", "本级", "各级", "地方")
_LEVEL_CHARS = "省市区县乡镇"
_SEPARATORS = "、和及与"
# The list must end at the body's name: 市委办公厅、市政府办公厅 name offices, not bodies.
_OFFICE_NEXT = "办机部组宣统政直工会系领门秘书常党主副委研信督法班楼院网成"

_Item = tuple[int, int, int]  # start, end, rank


def _item(text: str, m: re.Match[str]) -> _Item | None:
    name, start = m.group(), m.start()
    if name == "委":  # 市委, 区委: not 常委, 纪委
        if start == 0 or text[start - 1] not in _LEVEL_CHARS:
            return None
        start -= 1
    elif start and text[start - 1] in _LEVEL_CHARS:
        start -= 1
    for level in _LEVELS:
        if text.startswith(level, start - len(level)):
            start -= len(level)
            break
    return start, m.end(), _RANK_OF[name]


def _out_of_order(text: str, run: list[_Item]) -> bool:
    if len(run) < 2 or (run[-1][1] < len(text) and text[run[-1][1]] in _OFFICE_NEXT):
        return False
    ranks = [r for _, _, r in run]
    return ranks != sorted(ranks) and len(set(ranks)) == len(ranks)


def _runs(text: str) -> Iterator[list[_Item]]:
    """Bodies named one after another with one separator between them (市政府、市委)."""
    run: list[_Item] = []
    for m in _NAME.finditer(text):
        item = _item(text, m)
        if item is None:
            continue
        if run and item[0] - run[-1][1] == 1 and text[run[-1][1]] in _SEPARATORS:
            run.append(item)
            continue
        yield run
        run = [item]
    yield run


# The titles of the head of the Party and the state, in the order official
# texts give them (新华社 usage: 中共中央总书记、国家主席、中央军委主席).
_TITLES = ("中共中央总书记", "国家主席", "中央军委主席")
_TITLE_RUN = lazy("(?:" + "|".join(_TITLES) + ")(?:、(?:" + "|".join(_TITLES) + "))+")


def _titles_out_of_order(seg: Segment) -> Iterator[Finding]:
    for m in _TITLE_RUN.finditer(seg.text):
        named = m.group().split("、")
        ordered = sorted(named, key=_TITLES.index)
        if named == ordered or len(set(named)) < len(named):
            continue
        yield span(
            seg,
            "standard.order",
            "warning",
            Text(
                f"职务排列应为：{'、'.join(ordered)}",
                "the titles are given in the order " + "、".join(ordered),
            ),
            m.start(),
            m.end(),
            "、".join(ordered),
        )


def order_of_bodies(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    if "主席" in text:
        yield from _titles_out_of_order(seg)
    for run in _runs(text):
        if not _out_of_order(text, run):
            continue
        start, end = run[0][0], run[-1][1]
        ordered = [text[s:e] for s, e, _ in sorted(run, key=lambda item: item[2])]
        yield span(
            seg,
            "standard.order",
            "warning",
            Text(
                f"机关排列应为党委、人大、政府、政协的顺序：{'、'.join(ordered)}",
                "bodies are named in the order party committee, people's congress, government, CPPCC: "
                + "、".join(ordered),
            ),
            start,
            end,
        )
