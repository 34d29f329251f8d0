"""Re-checking after structural edits reuses unchanged articles' findings: it must equal a fresh check."""

from __future__ import annotations

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
OPS = ("move", "delete", "to_column", "insert", "undo", "edit", "comment")
edits = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=10
)


def _apply(session: Session, op: str, a: int, b: int) -> None:
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
            _apply(session, op, a, b)
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
    assert checked == [2]  # only the article typed into during the first check
    fresh = [check_article(session.issue, i, HOUSE) for i in range(3)]
    assert session.checker.article_findings == fresh
