"""Repeated characters and words that are not reduplication (了了, 的的, 加强加强).

Chinese doubles words on purpose (常常, 看看, 讨论讨论, 一步一步, 踏踏实实),
and two right words can meet on the same character (为了|了解, 目的|的,
现在|在, 代表|代表 as noun then verb).  So the rule is narrow by design:

* a doubled character is reported only for a few function characters that
  do not double (的 了 是 也 们 在 这), unless the characters around it make
  the seam of two words (为了了解, 不了了之, 实实在在);
* a doubled word of two or more characters is reported unless it is a
  reduplicable verb or adjective, a 一X一X pattern, or a word that is both a
  noun and a verb (要求要求各单位: the requirement requires).
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.patterns import lazy
from tui.checks.rules.base import Segment, span
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import is_han

# A doubled function character, and the neighbours that make it two words:
# (characters before it that end a word with it, characters after it that start one).
_DOUBLES: dict[str, tuple[str, str]] = {
    "的": ("目标", "确士哥"),
    "了": ("不明", "解结然却如断"),
    "是": ("", "否非"),
    "也": ("", ""),
    "们": ("", ""),
    "在": ("现存实所自潜内外旨志意重贵难好健", ""),
    "这": ("", ""),
}
_DOUBLED = lazy("(" + "|".join(_DOUBLES) + ")\\1")

# Two-character words that are doubled on purpose (verbs tried briefly, adjectives intensified).
REDUPLICABLE = frozenset(
    [
        "讨论",
        "研究",
        "商量",
        "学习",
        "交流",
        "休息",
        "考虑",
        "检查",
        "活动",
        "锻炼",
        "打扫",
        "整理",
        "了解",
        "关心",
        "介绍",
        "分析",
        "比较",
        "总结",
        "熟悉",
        "准备",
        "琢磨",
        "调查",
        "溜达",
        "收拾",
        "打听",
        "体验",
        "尝试",
        "感受",
        "思考",
        "议论",
        "批评",
        "帮助",
        "指导",
        "沟通",
        "协调",
        "放松",
        "清理",
        "梳理",
        "雪白",
        "通红",
        "笔直",
        "冰凉",
        "火热",
        "碧绿",
        "漆黑",
        "蜡黄",
        "雪亮",
        "滚烫",
        "喷香",
        "透亮",
        "谢谢",
        "哈哈",
        "嘻嘻",
    ]
)
# Words that are both a noun and a verb: 代表代表人民, 要求要求各单位.
NOUN_VERB = frozenset(
    [
        "代表",
        "要求",
        "规定",
        "通知",
        "决定",
        "建议",
        "报告",
        "计划",
        "安排",
        "部署",
        "指示",
        "批示",
        "领导",
        "组织",
        "管理",
        "服务",
        "监督",
        "意见",
        "反映",
        "需要",
        "希望",
        "要点",
        "提议",
        "倡议",
        "号召",
        "动员",
        "总结",
        "结论",
        "回答",
        "答复",
        "调查",
        "统计",
        "记录",
        "说明",
        "证明",
        "保证",
        "承诺",
        "许诺",
        "发现",
        "创造",
        "发明",
        "设计",
        "规划",
        "决议",
        "纪念",
        "奖励",
        "补助",
        "补贴",
        "支持",
        "帮助",
        "依据",
        "根据",
        "影响",
        "变化",
        "发展",
        "改革",
        "的确",
        "渐渐",
        "往往",
        "常常",
        "统统",
        "刚刚",
        "仅仅",
        "恰恰",
        "偏偏",
        "明明",
        "白白",
    ]
)
# AB AB; the Chinese-only test is made on the few hits.  (Longer repeats such as
# 常委会常委会 are left out: each length would be one more pass over every text.)
_WORD_REPEAT = lazy(r"(..)\1")
_ONE_X = lazy(r"一[\u4e00-\u9fff]")


def _seam(text: str, start: int, ch: str) -> bool:
    before, after = text[start - 1] if start else "", text[start + 2] if start + 2 < len(text) else ""
    ends, starts = _DOUBLES[ch]
    return (before != "" and before in ends) or (after != "" and after in starts)


def doubled_characters(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    for m in _DOUBLED.finditer(text):
        ch = m.group(1)
        if _seam(text, m.start(), ch):
            continue
        # 的的确确, 是是非非: the doubled pair is half of an AABB word.
        if m.end() + 1 < len(text) and text[m.end()] == text[m.end() + 1]:
            continue
        yield span(
            seg,
            "repetition.char",
            "error",
            Text(f"“{ch}”字重复", f"“{ch}” is written twice"),
            m.start(),
            m.end(),
            ch,
        )


def _intended(word: str) -> bool:
    if len(set(word)) == 1 or word in REDUPLICABLE or word in NOUN_VERB:
        return True
    return len(word) == 2 and _ONE_X.fullmatch(word) is not None


def doubled_words(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    for m in _WORD_REPEAT.finditer(text):
        word = m.group()[: len(m.group()) // 2]
        if not all(is_han(c) for c in word) or _intended(word):
            continue
        yield span(
            seg,
            "repetition.word",
            "error",
            Text(f"词语“{word}”重复", f"the word “{word}” is written twice"),
            m.start(),
            m.end(),
            word,
        )


def may_repeat(text: str) -> bool:
    """A quick test (two scans) before :func:`repetitions`.

    Two scans, not one: ``(.)(?:\\1|(.)\\1\\2)`` stops at every reduplication
    (常常, ……) and costs twice as much on official prose.
    """
    return _DOUBLED.search(text) is not None or _WORD_REPEAT.search(text) is not None


def repetitions(seg: Segment) -> Iterator[Finding]:
    yield from doubled_characters(seg)
    yield from doubled_words(seg)
