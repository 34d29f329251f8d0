"""A clean issue in house style, and helpers to break it one rule at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tui.checks.rules import check_issue
from tui.files.config import default_house
from tui.model import Article, Byline, Column, EndBlock, Issue, Masthead
from tui.model.findings import Finding
from tui.model.house import House
from tui.model.past import PastIssue

HOUSE = default_house()
# The previous issue in the archive: the shipped sample's masthead.
ARCHIVE = (Masthead("杭州人大信息", "普刊", 12, 718, "杭州市人大常委会研究室", dt.date(2025, 11, 14)),)


def clean_issue() -> Issue:
    return Issue(
        masthead=Masthead("杭州人大信息", "普刊", 13, 719, "杭州市人大常委会研究室", dt.date(2025, 11, 28)),
        columns=[
            Column("助力攻坚", "articles"),
            Column("监督纵横", "articles"),
            Column("信息摘登", "briefs"),
        ],
        articles=[
            Article(
                column="助力攻坚",
                title="拱墅区：多措并举护航新质生产力“加速跑”",
                paragraphs=[
                    "拱墅区人大常委会出台《关于充分发挥人大职能作用 助力加快建设创新拱墅的工作举措》，护航新质生产力“加速跑”。",
                    "一是“智囊团”献策，精准定方向。调研人工智能产业48家，组织代表走访deepseek等公司。",
                    "二是“监督员”亮剑，精准破堵点。开展“靶向式+持续式”监督；审议《条例》《办法》的实施情况……",
                    "三是“加油站”赋能，精准激活力。",
                ],
                byline=Byline("拱墅区人大常委会办公室", ["宋玉凤"]),
            ),
            Article(
                column="监督纵横",
                title="萧山区：紧扣“三大关键”强化监督助力共同富裕",
                paragraphs=[
                    "萧山区人大常委会紧扣产业、路径、民生三大关键——立足法定职责，积极助力共同富裕。",
                    "（一）紧扣产业引领。第一，以发展轴建设为牵引；第二，以产业共富为支撑。",
                    "（二）紧扣路径创新。1.组织人大代表调研；2.推动形成联动格局。",
                ],
                byline=Byline("萧山区人大常委会办公室", ["石晗", "刘鹏"]),
            ),
            Article(
                column="信息摘登",
                title="",
                paragraphs=["余杭区人大常委会将民族宗教工作纳入年度监督重点，形成8类15项问题清单。"],
                byline=Byline("余杭区人大常委会办公室", ["英颖"]),
            ),
        ],
        endblock=EndBlock(
            ["省人大常委会办公厅、研究室", "市人大常委会组成人员，各区、县（市）人大常委会"],
            "杨青青",
            "(0571)85250657",
        ),
    )


def findings(
    issue: Issue,
    archive: tuple[Masthead, ...] = ARCHIVE,
    house: House = HOUSE,
    past: tuple[PastIssue, ...] = (),
) -> list[Finding]:
    return check_issue(issue, house, archive, past)


def rules(
    issue: Issue,
    archive: tuple[Masthead, ...] = ARCHIVE,
    house: House = HOUSE,
    past: tuple[PastIssue, ...] = (),
) -> list[str]:
    return [f.rule for f in findings(issue, archive, house, past)]


@dataclass
class Case:
    """A rule broken on purpose: the clean issue, changed by ``break_it``, must give this finding."""

    rule: str
    severity: str
    break_it: Callable[[Issue], object]
    matched: str | None = None
    fix: str | None = None
    archive: tuple[Masthead, ...] = ARCHIVE
    house: House = HOUSE
    past: tuple[PastIssue, ...] = ()


def para(i: int, k: int, text: str) -> Callable[[Issue], object]:
    return lambda issue: issue.articles[i].paragraphs.__setitem__(k, text)
