"""A structural edit of a large issue re-checks in steps, between keystrokes: never a finding by an old index.

Above ``CHECKED_AT_ONCE`` articles the session starts the re-check and the
editor carries it out a step at a time.  Whatever comes between the steps —
typing, background checks taken and landing, more structural edits, undo —
the findings must end equal to a fresh check, and nothing may act on a
finding shown before the edit moved what it points at.  The tests here make
every issue "large" (``CHECKED_AT_ONCE`` = 0) so small issues take the path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import house_style_issues
from test_recheck import apply_edit, assert_as_fresh, fresh_check
from tui.files.config import default_house
from tui.model import Article, Column, Issue, Masthead
from tui.session import Refused, Session
from tui.session import session as session_module

HOUSE = default_house()


@contextlib.contextmanager
def in_steps() -> Iterator[None]:
    with mock.patch.object(session_module, "CHECKED_AT_ONCE", 0):
        yield


def _finish(session: Session) -> None:
    """What the editor does: the steps to the end, then the background checks of what was typed."""
    while not session.step(0.0):
        pass
    while (request := session.take_recheck()) is not None:
        session.apply_recheck(session.run_recheck(request))


OPS = ("type", "take", "land", "step", "move", "to_column", "delete", "insert", "undo", "redo", "read")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    house_style_issues(),
    st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=16
    ),
)
def test_edits_between_the_steps_end_as_a_fresh_check(issue: Issue, ops: list[tuple[str, int, int]]) -> None:
    for i, article in enumerate(issue.articles):  # every article with findings of its own
        article.paragraphs.append(f"第{i}条,补充。")
    with in_steps():
        session = Session(path=Path("issue.toml"), issue=issue, house=HOUSE)
        session.revalidate()
        in_flight = []
        for op, a, b in ops:
            articles = session.issue.articles
            n = len(articles)
            with contextlib.suppress(Refused):
                if op == "type" and n:
                    session.set_field(
                        "paragraphs", [*articles[a % n].paragraphs, f"补充{b},内容;再补充。"], a % n
                    )
                elif op == "take" and (request := session.take_recheck()) is not None:
                    in_flight.append(session.run_recheck(request))  # a worker read the issue as it was then
                elif op == "land" and in_flight:
                    session.apply_recheck(in_flight.pop(0))
                elif op == "step":
                    session.step(0.0)  # one article
                elif op in ("move", "to_column", "delete", "insert", "undo", "redo"):
                    apply_edit(session, op, a, b)
                elif op == "read":  # anything that reads the findings finishes the re-check first
                    found = session.findings()
                    assert not session.settling
                    count = len(session.issue.articles)
                    assert all(f.location.article is None or f.location.article < count for f in found)
        for result in in_flight:
            session.apply_recheck(result)
        _finish(session)
    assert_as_fresh(session)


def _three(prefix: str = "") -> Issue:
    column = "工作动态"
    return Issue(
        masthead=Masthead("杭州人大信息", "普刊", 3, 700, "杭州市人大常委会研究室", dt.date(2025, 3, 1)),
        columns=[Column(column)],
        articles=[
            Article(column, f"上城区：{prefix}第一篇", ["上城区人大常委会召开会议,研究年度工作。"]),
            Article(column, f"拱墅区：{prefix}第二篇", ["拱墅区人大代表走访选民,听取意见建议。"]),
            # The same text as 拱墅区's: a finding by the wrong index would find its span here too.
            Article(column, f"西湖区：{prefix}第三篇", ["拱墅区人大代表走访选民,听取意见建议。"]),
        ],
    )


def test_the_steps_are_not_taken_until_asked_and_reading_finishes_them() -> None:
    with in_steps():
        session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
        session.revalidate()
        session.delete_article(0)
        assert session.settling  # the editor goes on between keystrokes
        assert session.take_recheck() is None  # nothing typed is checked against old indexes meanwhile
        found = session.findings()
    assert not session.settling
    articles, cross = fresh_check(session)
    assert session.checker.article_findings == articles and session.checker.cross_findings == cross
    assert {f.location.article for f in found if f.rule == "typography.halfwidth-comma"} == {0, 1}


def test_the_rules_across_articles_take_a_step_of_their_own() -> None:
    """However long a step may run, it ends before the rules across articles (10 ms at 3,000 articles)."""
    with in_steps():
        session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
        session.revalidate()
        session.delete_article(0)
        assert not session.step(60.0)  # every article, then a pause
        assert session.settling
        assert session.step(60.0)  # the rules across them, and done
    articles, cross = fresh_check(session)
    assert session.checker.article_findings == articles and session.checker.cross_findings == cross


def test_a_small_issue_is_checked_at_once() -> None:
    session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
    session.revalidate()
    session.delete_article(0)
    assert not session.settling


@pytest.mark.parametrize("steps", [True, False])
def test_a_finding_shown_before_a_delete_is_not_fixed_or_waived(steps: bool) -> None:
    """拱墅区's comma was in article 1; after deleting article 0, article 1 is 西湖区, with the same text.

    The fix's own guard (the span still holds what was found) would let it
    change 西湖区: the finding must be refused as one that no longer is.
    """
    with in_steps() if steps else contextlib.nullcontext():
        session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
        session.revalidate()
        shown = [f for f in session.findings() if f.fix is not None and f.location.article == 1]
        assert shown
        session.delete_article(0)
        before = [list(a.paragraphs) for a in session.issue.articles]
        with pytest.raises(Refused):
            session.apply_fix(shown[0])
        with pytest.raises(Refused):
            session.waive(shown[0], "原文如此", "杨青青")
        assert [list(a.paragraphs) for a in session.issue.articles] == before
        assert session.issue.waivers == []
        current = [f for f in session.findings() if f.fix is not None and f.location.article == 0]
        session.apply_fix(current[0])  # the same comma, as the findings now stand
    assert "，" in session.issue.articles[0].paragraphs[0]
    assert "，" not in session.issue.articles[1].paragraphs[0]


def test_the_first_check_landing_during_the_steps_is_dropped() -> None:
    """A structural edit before the opening check landed: the steps check everything; the late result is not taken."""
    with in_steps():
        session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
        first = session.run_recheck(session.first_check())
        session.delete_article(0)
        assert not session.apply_recheck(first)
        _finish(session)
    assert session.checked
    articles, cross = fresh_check(session)
    assert session.checker.article_findings == articles and session.checker.cross_findings == cross


def test_what_an_undo_left_is_kept_as_it_was() -> None:
    """The state an undo leaves is kept as an object until the findings land, then made plain: redo gets it back whole."""
    with in_steps():
        session = Session(path=Path("issue.toml"), issue=_three(), house=HOUSE)
        session.revalidate()
        session.delete_article(0)
        titles_after_delete = [a.title for a in session.issue.articles]
        session.undo()
        session.set_field("title", "上城区：改过的标题", 0)  # the issue the undo gave back, edited
        assert session.settling
        _finish(session)  # the steps end: the left state is made plain
        session.set_field("title", "上城区：又改过的标题", 0)
        assert session.redo() is not None
        _finish(session)
    assert [a.title for a in session.issue.articles] == titles_after_delete
    assert_as_fresh(session)
