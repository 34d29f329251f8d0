"""The language checks on prose: every planted mistake found, correct prose left alone.

tests/data/clean_language.txt holds correct official prose written for these
tests with the legal look-alikes of every language rule (按排名先后, 截止到12月底,
为了了解, 讨论讨论, 进行了认真的研究, 3～5天, 3-201室, 约30家, “十四五”…).
The planted paragraphs below carry one mistake each, of every kind the
rules know; each must be found with the rule and correction given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.checks.rules import check_issue
from tui.model import Article, Byline

LANGUAGE = [
    line
    for line in (Path(__file__).parent / "data" / "clean_language.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line
]

# (paragraph with one mistake, rule, the text it reports, the correction)
PLANTED = [
    ("会议对下一步工作作了具体按排。", "wording.typo", "按排", "安排"),
    ("几项措施同时发力，很快凑效。", "wording.typo", "凑效", "奏效"),
    ("个别干部纪律松驰，要严肃整改。", "wording.typo", "松驰", "松弛"),
    ("既使困难再多，也要按期完成。", "wording.typo", "既使", "即使"),
    ("代表们一股作气完成了全部视察任务。", "wording.typo", "一股作气", "一鼓作气"),
    ("各街道建立了工作台帐，逐项销号。", "wording.typo", "台帐", "台账"),
    ("对群众来信逐件答覆，做到件件有回音。", "wording.typo", "答覆", "答复"),
    ("截止10月底，已办结建议86件。", "wording.confusable", "截止", "截至"),
    ("代表们积极反应问题，推动解决难题。", "wording.confusable", "反应问题", "反映问题"),
    ("坚持以法治国，建设法治中国。", "standard.term", "以法治国", "依法治国"),
    ("加快建设法制政府，提升行政效能。", "standard.term", "法制政府", "法治政府"),
    ("发展全过程民主，保障人民当家作主。", "standard.term", "全过程民主", "全过程人民民主"),
    ("区人大主任带队开展执法检查。", "standard.term", "人大主任", "人大常委会主任"),
    ("报道中不得出现台湾政府的说法。", "standard.sensitive", "台湾政府", "台湾当局"),
    ("对标十四五规划目标任务查漏补缺。", "standard.quotes", "十四五", "“十四五”"),
    ("市政府、市委联合印发实施意见。", "standard.order", "市政府、市委", None),
    ("调研组研究了了相关情况。", "repetition.char", "了了", "了"),
    ("要进一步加强加强代表工作。", "repetition.word", "加强加强", "加强"),
    ("常委会积极的为代表履职提供服务。", "particle.adverbial", "的", "地"),
    ("今年的各项工作完成的很好。", "particle.complement", "的", "得"),
    ("全区形成了良好地氛围。", "particle.attributive", "地", "的"),
    ("自21年3月起，全区推行这项制度。", "numbers.short-year", "21", "2021"),
    ("二0二一年，全区启动这项工程。", "numbers.mixed-form", "二0二一", "2021"),
    ("每季度开展视察3-5天。", "numbers.range", "3-5", "3～5"),
    ("能耗下降了10%-15%。", "numbers.range", "10%-15%", "10%～15%"),
    ("综合成本下降20～30%。", "numbers.percent-range", "20～30%", "20%～30%"),
    ("参加活动的企业约30家左右。", "numbers.approximate", "约30家左右", "约30家"),
    ("全区约30余家企业参与。", "numbers.approximate", "约30余", "30余"),
    ("共培训基层干部3百人次。", "numbers.hundreds", "3百", "300"),
    ("会议于2025年03月7日召开。", "numbers.date-form", "03", "3"),
    ("会议于2025.3.7召开。", "numbers.date-form", "2025.3.7", "2025年3月7日"),
    ("会议定在3月8号上午。", "numbers.date-form", "号", "日"),
    ("深入学习党的20大精神。", "numbers.set-form", "党的20大", "党的二十大"),
    ("会议听取了汇报。。随后进行了审议。", "typography.doubled-mark", "。。", "。"),
    ('建成"人大代表之家"12个。', "typography.straight-quotes", '"人大代表之家"', "“人大代表之家”"),
    ("走访了企业、社区、学校……等单位。", "typography.ellipsis-etc", "……等", "……"),
    ("各级人大 代表积极参与。", "typography.space-in-chinese", " ", ""),
    ("共收集意见56条，其中立法类20条、监督类30条。", "consistency.total", "共收集意见56条", None),
    ("坚持“两个结合”：一是结合调研成果。", "consistency.count", "“两个结合”", None),
    ("2025年12月3日召开了推进会。", "consistency.future-date", "2025年12月3日", None),
]


def _findings_for(paragraphs: list[str]) -> list[tuple[str, str, str | None]]:
    issue = clean_issue()
    issue.articles[0].paragraphs = paragraphs
    return [
        (f.rule, f.matched, f.fix)
        for f in check_issue(issue, HOUSE, ARCHIVE)
        if f.location.article == 0 and f.location.field == "paragraph"
    ]


@pytest.mark.parametrize("text,rule,matched,fix", PLANTED, ids=[f"{p[1]}:{p[2]}" for p in PLANTED])
def test_a_planted_mistake_is_found(text: str, rule: str, matched: str, fix: str | None) -> None:
    found = _findings_for([text])
    assert (rule, matched, fix) in found, found


def test_each_planted_paragraph_gives_exactly_its_finding() -> None:
    """No rule piles on another's mistake: one planted mistake, one finding."""
    extra = [(text, found) for text, *_ in PLANTED if len(found := _findings_for([text])) != 1]
    assert extra == []


def test_correct_prose_with_every_look_alike_is_silent() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs = list(LANGUAGE)
    assert [(f.rule, f.matched, f.context) for f in check_issue(issue, HOUSE, ARCHIVE)] == []


def test_correct_prose_is_silent_as_titles_and_briefs() -> None:
    issue = clean_issue()
    briefs = issue.columns[-1].name
    for text in LANGUAGE[::5]:
        issue.articles.append(Article(briefs, "", [text], Byline("上城区人大常委会办公室", [])))
    assert [(f.rule, f.matched) for f in check_issue(issue, HOUSE, ARCHIVE)] == []


def test_the_language_corpus_is_long_enough_to_mean_something() -> None:
    assert sum(len(p) for p in LANGUAGE) > 2400 and len(LANGUAGE) > 50


def test_the_titles_of_the_head_of_party_and_state_keep_their_order() -> None:
    wrong = "国家主席、中共中央总书记、中央军委主席出席会议。"
    assert (
        "standard.order",
        "国家主席、中共中央总书记、中央军委主席",
        "中共中央总书记、国家主席、中央军委主席",
    ) in _findings_for([wrong])
    assert _findings_for(["中共中央总书记、国家主席、中央军委主席出席会议。"]) == []
