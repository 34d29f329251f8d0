"""The masthead's numbers: the field that is wrong, said plainly; the pane and the checks agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rulekit import HOUSE, clean_issue
from tui.checks.rules import check_issue
from tui.model import Masthead
from tui.session import Session

NAME, UNIT = "杭州人大信息", "杭州市人大常委会研究室"


def issue(number: int, cumulative: int, date: dt.date) -> Masthead:
    return Masthead(NAME, "普刊", number, cumulative, UNIT, date)


def numbering(me: Masthead, archive: tuple[Masthead, ...]) -> list[tuple[str, str, str]]:
    checked = clean_issue()
    checked.masthead = me
    return [
        (f.rule, f.location.field, f.message.zh)
        for f in check_issue(checked, HOUSE, archive)
        if f.rule.startswith("numbering.")
    ]


def expected(me: Masthead, archive: tuple[Masthead, ...]) -> tuple[int, int] | None:
    session = Session(path=Path("issue.toml"), issue=clean_issue(), house=HOUSE, archive=archive)
    session.issue.masthead = me
    return session.expected_numbers()


SPRING = (issue(6, 702, dt.date(2026, 3, 6)), issue(7, 703, dt.date(2026, 3, 20)))


def test_a_repeated_cumulative_number_is_named_as_such() -> None:
    me = issue(8, 703, dt.date(2026, 4, 3))
    found = numbering(me, SPRING)
    assert len(found) == 1
    rule, field, message = found[0]
    assert (rule, field) == ("numbering.duplicate", "masthead.cumulative")
    assert message.startswith("总第703期与2026年第7期重复，按顺序应为总第704期")
    assert expected(me, SPRING) == (8, 704)  # what the masthead pane shows agrees


def test_a_january_issue_still_dated_last_year_is_a_wrong_year() -> None:
    december = (issue(22, 749, dt.date(2026, 12, 4)), issue(23, 750, dt.date(2026, 12, 18)))
    me = issue(1, 751, dt.date(2026, 1, 8))
    found = numbering(me, december)
    assert [(r, f) for r, f, _ in found] == [("numbering.date-year", "masthead.date")]
    assert "本期为第1期，年份应为2027年" in found[0][2]
    assert expected(me, december) == (1, 751)


def test_a_new_year_done_right_is_silent() -> None:
    december = (issue(23, 750, dt.date(2026, 12, 18)),)
    assert numbering(issue(1, 751, dt.date(2027, 1, 8)), december) == []


def test_the_earlier_issue_does_not_turn_red_for_a_later_ones_repeat() -> None:
    later_wrong = issue(8, 703, dt.date(2026, 4, 3))
    archive = (SPRING[0], later_wrong)
    assert numbering(SPRING[1], archive) == []


def test_a_mistyped_cumulative_and_number() -> None:
    found = numbering(issue(8, 705, dt.date(2026, 4, 3)), SPRING)
    assert [(r, f) for r, f, _ in found] == [("numbering.cumulative", "masthead.cumulative")]
    assert found[0][2].startswith("总期号应为总第704期")
    found = numbering(issue(9, 704, dt.date(2026, 4, 3)), SPRING)
    assert [(r, f) for r, f, _ in found] == [("numbering.number", "masthead.number")]
    assert found[0][2].startswith("期号应为第8期")


def test_a_date_before_the_previous_issue_with_the_numbers_right() -> None:
    found = numbering(issue(8, 704, dt.date(2026, 3, 10)), SPRING)
    assert [(r, f) for r, f, _ in found] == [("numbering.date-order", "masthead.date")]
    assert "应在2026-03-20之后" in found[0][2]
