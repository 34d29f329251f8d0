"""Correct official prose, written for these tests, on which every check stays silent.

tests/data/clean_prose.txt holds about three thousand characters in the
register of a 简报: connector dashes (调研—交办—督办—反馈, 北京—杭州,
2024—2026年), a real dash (——), ranges (5～7个, 9:30至11:30), 《》 and “”
in every legal position (nested 〈〉 and ‘’, book titles side by side
without 、), 一、二等奖, reduplications (研究研究, 走走看看), numbers and
dates in their legal forms (2025年1月至10月, 6.8%, 126.5万人, 二〇二五年,
第三季度, “十五五”, “八五”普法), …… and a paragraph-long …………, questions and
exclamations.  A check that speaks here raises a false alarm.
"""

from __future__ import annotations

from pathlib import Path

from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.checks.rules import check_issue
from tui.model import Article, Byline

PROSE = [
    line
    for line in (Path(__file__).parent / "data" / "clean_prose.txt").read_text(encoding="utf-8").splitlines()
    if line
]


def test_the_corpus_is_long_enough_to_mean_something() -> None:
    assert sum(len(p) for p in PROSE) > 2500 and len(PROSE) > 60


def test_no_check_speaks_on_correct_prose_in_an_article() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs = list(PROSE)
    assert [(f.rule, f.matched, f.location.paragraph) for f in check_issue(issue, HOUSE, ARCHIVE)] == []


def test_no_check_speaks_on_correct_prose_as_briefs() -> None:
    issue = clean_issue()
    briefs = issue.columns[-1].name
    for text in PROSE[::7]:
        issue.articles.append(Article(briefs, "", [text], Byline("上城区人大常委会办公室", [])))
    assert [(f.rule, f.matched) for f in check_issue(issue, HOUSE, ARCHIVE)] == []


def test_the_corpus_is_not_silent_by_accident() -> None:
    """The same prose with one half-width comma per paragraph: every one is found."""
    issue = clean_issue()
    issue.articles[0].paragraphs = [p.replace("，", ",", 1) for p in PROSE]
    commas = [f for f in check_issue(issue, HOUSE, ARCHIVE) if f.rule == "typography.halfwidth-comma"]
    assert len(commas) == sum("，" in p for p in PROSE)
