"""Re-checking after structural edits reuses unchanged articles' findings: it must equal a fresh check."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import house_style_issues
from tui.checks.recheck import ArticleMemo
from tui.checks.rules import check_article
from tui.files.config import default_house
from tui.model import Article, Byline, Issue
from tui.session import Refused, Session

HOUSE = default_house()
OPS = ("move", "delete", "to_column", "insert", "undo", "redo", "edit", "comment")
edits = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=10
)


def apply_edit(session: Session, op: str, a: int, b: int) -> None:
    """One structural edit (or typed text, a comment) by name, its article and column chosen by ``a``, ``b``."""
    articles, columns = session.issue.articles, session.issue.columns
    n = len(articles)
    if op == "move" and n:
        session.move_article(a % n, 1 if b % 2 else -1)
    elif op == "delete" and n:
        session.delete_article(a % n)
    elif op == "to_column" and n:
        session.move_to_column(a % n, columns[b % len(columns)].name)
    elif op == "insert":
        byline = Byline("拱墅区人大常委会办公室", ["宋玉凤"]) if b % 2 else None
        session.insert_article(
            Article(columns[b % len(columns)].name, "新增:标题", ["一是加强,监督。"], byline)
        )
    elif op == "undo":
        session.undo()
    elif op == "redo":
        session.redo()
    elif op == "edit" and n:  # typed text: the editor re-checks the article, later a structural edit comes
        session.set_field("paragraphs", [*articles[a % n].paragraphs, f"补充内容{b},再补充。"], a % n)
        session.apply_recheck(session.run_recheck(session.take_recheck()))
    elif op == "comment" and n:
        session.add_comment(a % n, "杨青青", "请核实")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(house_style_issues(), edits)
def test_recheck_after_structural_edits_equals_a_fresh_check(
    issue: Issue, ops: list[tuple[str, int, int]]
) -> None:
    session = Session(path=Path("issue.toml"), issue=issue, house=HOUSE)
    session.revalidate()
    for op, a, b in ops:
        try:
            apply_edit(session, op, a, b)
        except Refused:
            continue
        session.revalidate()  # what a structural edit does; here after every step
        fresh = [check_article(session.issue, i, HOUSE) for i in range(len(session.issue.articles))]
        assert session.checker.article_findings == fresh


def test_memo_reuses_unchanged_articles_and_reindexes_moved_ones() -> None:
    issue = _three_articles()
    memo = ArticleMemo()
    first = memo.check(issue, HOUSE, ())
    assert all(first) and [f.location.article for f in first[2]] == [2] * len(first[2])
    issue.articles[1], issue.articles[2] = issue.articles[2], issue.articles[1]
    second = memo.check(issue, HOUSE, ())
    assert second[0] is first[0]  # unchanged at its index: the very same findings, not re-checked
    assert [f.rule for f in second[1]] == [f.rule for f in first[2]]  # moved: the same findings...
    assert {f.location.article for f in second[1]} == {1}  # ...at the new index
    issue.articles[0].paragraphs = ["一是加强监督。"]
    third = memo.check(issue, HOUSE, ())
    assert third[0] is not second[0] and third[0] == check_article(issue, 0, HOUSE)  # changed: re-checked


def _three_articles() -> Issue:
    from tui.files.storage import loads_issue

    text = (Path(__file__).parent / "data" / "good-minimal.toml").read_text(encoding="utf-8")
    issue = loads_issue(text, Path("good-minimal.toml"))
    base = issue.articles[0]
    issue.articles = [
        Article(base.column, "甲区：做法", ["一是加强,监督。"], base.byline),
        Article(base.column, "乙区：经验", ["二是补充;完善。"], base.byline),
        Article(base.column, "丙区：成效", ["一是加强,监督;二是补充。"], base.byline),
    ]
    return issue


def test_the_first_check_in_a_worker_primes_the_memo(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After the editor's first check (a worker), a move re-checks nothing; an article typed into meanwhile is."""
    from tui.checks import rules

    session = Session(path=Path("issue.toml"), issue=_three_articles(), house=HOUSE)
    request = session.first_check()
    result = session.run_recheck(request)
    session.set_field("paragraphs", ["一是加强,监督,再加强。"], 2)  # typed while the first check ran
    assert session.apply_recheck(result)
    checked: list[int] = []
    real = rules.check_article
    monkeypatch.setattr(rules, "check_article", lambda issue, i, *a: checked.append(i) or real(issue, i, *a))
    session.move_article(0, 1)
    assert checked == []  # a move re-checks no article: their findings change places
    assert session.recheck_pending  # the one typed into during the first check is still to check
    session.apply_recheck(session.run_recheck(session.take_recheck()))
    assert checked == [2]
    fresh = [check_article(session.issue, i, HOUSE) for i in range(3)]
    assert session.checker.article_findings == fresh


def _drain(session: Session) -> None:
    """Run the background checks until nothing is pending, as the editor does after typing pauses."""
    while (request := session.take_recheck()) is not None:
        session.apply_recheck(session.run_recheck(request))


def fresh_check(session: Session) -> tuple[list[list[object]], list[object]]:
    from tui.checks.rules import check_cross

    issue = session.issue
    return [check_article(issue, i, HOUSE) for i in range(len(issue.articles))], check_cross(
        issue, HOUSE, (), ()
    )


def assert_as_fresh(session: Session) -> None:
    """The session's findings are what a fresh check of its issue finds."""
    articles, cross = fresh_check(session)
    assert session.checker.article_findings == articles
    assert session.checker.cross_findings == cross


MOVES = ("type", "take", "land", "move", "to_column")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    house_style_issues(),
    st.lists(
        st.tuples(st.sampled_from(MOVES), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=14
    ),
)
def test_moves_with_checks_in_flight_end_as_a_fresh_check(
    issue: Issue, ops: list[tuple[str, int, int]]
) -> None:
    """Typed text whose check was taken, then a move, then the check's result: nothing typed goes unchecked.

    A move swaps two articles' findings and drops results taken before it (by
    the old indexes); what those results were for is checked again.
    """
    for i, article in enumerate(issue.articles):  # every article with findings of its own
        article.paragraphs.append(f"第{i}条,补充。")
    session = Session(path=Path("issue.toml"), issue=issue, house=HOUSE)
    session.revalidate()
    in_flight = []
    for op, a, b in ops:
        n = len(session.issue.articles)
        if not n:
            break
        if op == "type":
            text = [*session.issue.articles[a % n].paragraphs, f"补充{b},内容;再补充。"]
            session.set_field("paragraphs", text, a % n)
        elif op == "take" and (request := session.take_recheck()) is not None:
            in_flight.append(session.run_recheck(request))  # the worker read the issue as it was then
        elif op == "land" and in_flight:
            session.apply_recheck(in_flight.pop(0))
        elif op == "move":
            session.move_article(a % n, 1 if b % 2 else -1)
        elif op == "to_column":
            with contextlib.suppress(Refused):
                session.move_to_column(a % n, session.issue.columns[b % len(session.issue.columns)].name)
    for result in in_flight:
        session.apply_recheck(result)
    _drain(session)
    assert_as_fresh(session)


def test_text_typed_before_a_move_is_checked_when_its_check_was_in_flight() -> None:
    """The check of typed text is running when the article moves: its result is dropped, the article checked again."""
    session = Session(path=Path("issue.toml"), issue=_three_articles(), house=HOUSE)
    session.revalidate()
    session.set_field("paragraphs", ["改动后,的文字。"], 0)
    result = session.run_recheck(session.take_recheck())  # taken before the move, by the old indexes
    assert session.move_article(0, 1) == 1
    assert not session.apply_recheck(result)
    assert session.recheck_pending
    _drain(session)
    articles, cross = fresh_check(session)
    assert session.checker.article_findings == articles and session.checker.cross_findings == cross
    assert any(f.location.article == 1 and f.matched == "," for f in articles[1])


def test_undo_of_a_delete_takes_the_findings_back_unmade() -> None:
    """Deleting the first article moves every other one; undo puts them back with the very findings they had."""
    session = Session(path=Path("issue.toml"), issue=_three_articles(), house=HOUSE)
    session.revalidate()
    before = [list(found) for found in session.checker.article_findings]
    session.delete_article(0)
    assert [f.location.article for f in session.checker.article_findings[0]] == [0] * len(before[1])
    session.undo()
    after = session.checker.article_findings
    assert all(
        a is b for a, b in zip(after[1], before[1], strict=True)
    )  # not re-indexed again: the same objects
    articles, cross = fresh_check(session)
    assert after == articles and session.checker.cross_findings == cross


def test_a_finding_moved_to_another_index_keeps_every_other_field() -> None:
    """Finding.at_article builds positionally (for speed): it must equal dataclasses.replace, field by field."""
    import dataclasses
    import datetime as dt

    from tui.model import Waiver
    from tui.model.findings import Finding, Location, Severity
    from tui.model.i18n import Text

    at = dt.datetime(2025, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    waiver = Waiver("typography.halfwidth-comma", "paragraph", ",", "原文如此", "杨青青", at, 3, 1, 4, 5)
    location = Location("paragraph", 3, "拱墅区：标题", 1, 4, 5, 12)
    finding = Finding(
        "typography.halfwidth-comma", Severity.WARNING, location, Text("半角逗号", "comma"),
        "，", ",", waiver, "…前⟦,⟧后…", True,
    )  # fmt: skip
    assert {f.name for f in dataclasses.fields(Finding) if f.init} <= {
        "rule", "severity", "location", "message", "fix", "matched", "waiver", "context", "joins_next",
    }  # fmt: skip
    for changed in (location, Location("masthead.number", None, "", None, 1, 2, None)):
        source = dataclasses.replace(finding, location=changed)
        moved = source.at_article(7)
        expected = dataclasses.replace(source, location=dataclasses.replace(changed, article=7))
        assert moved == expected and moved.order == expected.order
        for f in dataclasses.fields(Finding):
            assert getattr(moved, f.name) == getattr(expected, f.name), f.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    house_style_issues(),
    st.lists(
        st.tuples(
            st.sampled_from(("move", "delete", "to_column", "insert")), st.integers(0, 50), st.integers(0, 50)
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_undo_all_the_way_back_and_redo_all_the_way_forward(
    issue: Issue, ops: list[tuple[str, int, int]]
) -> None:
    """Whatever the structural edits (moves kept as two places, the others as whole states), undo and redo retrace them."""
    from tui.model.snapshot import to_plain

    session = Session(path=Path("issue.toml"), issue=issue, house=HOUSE)
    session.revalidate()
    states = [to_plain(session.issue)]
    for op, a, b in ops:
        before = len(session.undo_stack)
        with contextlib.suppress(Refused):
            apply_edit(session, op, a, b)
        if len(session.undo_stack) > before:
            states.append(to_plain(session.issue))
    for state in reversed(states[:-1]):
        session.undo()
        assert to_plain(session.issue) == state
    assert session.undo() is None
    for state in states[1:]:
        session.redo()
        assert to_plain(session.issue) == state
    assert_as_fresh(session)
