"""One crafted failure per language rule (wording, standard wording, repetition,
的地得, numbers, punctuation beyond width, consistency, the archive).

Each case breaks the clean issue of rulekit in one place; test_rules runs
them with the structural cases (the rule fires, with its severity, span and fix).
"""

from __future__ import annotations

import datetime as dt

from rulekit import ARCHIVE, Case, clean_issue, para
from tui.model import Issue, Masthead
from tui.model.past import PastIssue


def _previous_issue(editor: str = "杨青青", title: str = "西湖区：以前刊发过的标题") -> PastIssue:
    earlier = clean_issue()
    earlier.masthead = Masthead(
        "杭州人大信息", "普刊", 12, 718, "杭州市人大常委会研究室", dt.date(2025, 11, 14)
    )
    earlier.articles[1].title = title
    earlier.endblock.editor = editor
    return PastIssue.of(earlier)


def _retitle(issue: Issue) -> None:
    issue.articles[0].title = "西湖区：以前刊发过的标题"


LANGUAGE_CASES = [
    # wording
    Case("wording.typo", "error", para(0, 3, "三是做好工作按排，精准激活力。"), "按排", "安排"),
    Case("wording.confusable", "warning", para(0, 3, "三是截止10月底，精准激活力。"), "截止", "截至"),
    Case("standard.term", "error", para(0, 3, "三是坚持以法治国，精准激活力。"), "以法治国", "依法治国"),
    Case(
        "standard.sensitive",
        "warning",
        para(0, 3, "三是关注台湾政府动向，精准激活力。"),
        "台湾政府",
        "台湾当局",
    ),
    Case("standard.quotes", "warning", para(0, 3, "三是对标十四五规划，精准激活力。"), "十四五", "“十四五”"),
    Case("standard.order", "warning", para(0, 3, "三是市政府、市委联合发文，精准激活力。"), "市政府、市委"),
    # repetition
    Case("repetition.char", "error", para(0, 3, "三是研究了了相关问题，精准激活力。"), "了了", "了"),
    Case("repetition.word", "error", para(0, 3, "三是加强加强监督，精准激活力。"), "加强加强", "加强"),
    # 的地得
    Case("particle.adverbial", "warning", para(0, 3, "三是积极的为代表履职服务，精准激活力。"), "的", "地"),
    Case("particle.complement", "warning", para(0, 3, "三是各项工作完成的很好，精准激活力。"), "的", "得"),
    Case("particle.attributive", "warning", para(0, 3, "三是营造良好地氛围，精准激活力。"), "地", "的"),
    # numbers
    Case("numbers.short-year", "error", para(0, 3, "三是自21年3月起赋能，精准激活力。"), "21", "2021"),
    Case("numbers.mixed-form", "error", para(0, 3, "三是二0二一年起赋能，精准激活力。"), "二0二一", "2021"),
    Case("numbers.range", "error", para(0, 3, "三是每月走访3-5天，精准激活力。"), "3-5", "3～5"),
    Case(
        "numbers.percent-range",
        "error",
        para(0, 3, "三是效率提高20～30%，精准激活力。"),
        "20～30%",
        "20%～30%",
    ),
    Case(
        "numbers.approximate", "error", para(0, 3, "三是走访约30家左右，精准激活力。"), "约30家左右", "约30家"
    ),
    Case("numbers.hundreds", "error", para(0, 3, "三是组织代表3百人，精准激活力。"), "3百", "300"),
    Case("numbers.date-form", "warning", para(0, 3, "三是于2025年03月7日赋能，精准激活力。"), "03", "3"),
    Case(
        "numbers.set-form",
        "warning",
        para(0, 3, "三是学习党的20大精神，精准激活力。"),
        "党的20大",
        "党的二十大",
    ),
    # punctuation beyond width
    Case("typography.doubled-mark", "error", para(0, 3, "三是“加油站”赋能，，精准激活力。"), "，，", "，"),
    Case(
        "typography.straight-quotes",
        "error",
        para(0, 3, '三是"加油站"赋能，精准激活力。'),
        '"加油站"',
        "“加油站”",
    ),
    Case(
        "typography.ellipsis-etc", "warning", para(0, 3, "三是走访企业、社区……等，精准激活力。"), "……等", "……"
    ),
    Case("typography.space-in-chinese", "warning", para(0, 3, "三是加油站 赋能，精准激活力。"), " ", ""),
    Case(
        "typography.paragraph-end",
        "warning",
        para(0, 3, "三是“加油站”赋能，精准激活力，推动各项政策措施在基层落地见效并形成长效机制"),
        "",
        "。",
    ),
    # consistency
    Case(
        "consistency.total",
        "warning",
        para(0, 3, "三是共收集意见56条，其中立法类20条、监督类30条。"),
        "共收集意见56条",
    ),
    Case(
        "consistency.count",
        "warning",
        para(0, 3, "三是坚持“两个结合”：一是结合调研成果。"),
        "“两个结合”",
    ),
    Case(
        "consistency.future-date",
        "warning",
        para(0, 3, "三是2025年12月3日召开推进会，精准激活力。"),
        "2025年12月3日",
    ),
    # the archive
    Case("archive.repeated-title", "warning", _retitle, past=(_previous_issue(),)),
    Case("archive.endblock-changed", "info", lambda issue: None, past=(_previous_issue(editor="张明明"),)),
]

__all__ = ["ARCHIVE", "LANGUAGE_CASES"]
