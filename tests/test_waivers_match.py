"""A waiver stays on the finding it was given for, among many equal marks in one paragraph."""

from __future__ import annotations

import datetime as dt

from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.checks.rules import check_issue
from tui.checks.waivers import apply_waivers, waiver_for

AT = dt.datetime(2025, 11, 27, 9, 0, tzinfo=dt.UTC)


def test_the_second_of_two_equal_commas_keeps_its_own_waiver() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能,精准激活力,持续发力。"
    commas = [f for f in check_issue(issue, HOUSE, ARCHIVE) if f.rule == "typography.halfwidth-comma"]
    assert len(commas) == 2
    waived = apply_waivers(commas, [waiver_for(commas[1], "原文如此", "王校对", AT)])
    assert [f.waiver is not None for f in waived if f.rule == "typography.halfwidth-comma"] == [False, True]


def test_a_waiver_follows_its_text_when_the_paragraph_moves_on() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能,精准激活力。"
    (comma,) = [f for f in check_issue(issue, HOUSE, ARCHIVE) if f.rule == "typography.halfwidth-comma"]
    waiver = waiver_for(comma, "原文如此", "王校对", AT)
    issue.articles[0].paragraphs[3] = "第三，" + issue.articles[0].paragraphs[3]  # text typed before it
    (moved,) = [f for f in check_issue(issue, HOUSE, ARCHIVE) if f.rule == "typography.halfwidth-comma"]
    (result,) = [f for f in apply_waivers([moved], [waiver]) if f.rule == "typography.halfwidth-comma"]
    assert result.waiver == waiver
