"""The issue's structure edited as pure functions (model/structure.py), and the session's undo around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulekit import clean_issue
from tui.files.config import default_house
from tui.files.storage import save_issue
from tui.model import Article, Column, structure
from tui.model.errors import Refused
from tui.session import Session


def test_a_column_name_is_refused_empty_or_taken() -> None:
    issue = clean_issue()
    assert structure.new_column_name(issue, "\u3000专题调研 ") == "专题调研"  # full-width spaces too
    for bad, said in (("\u3000 ", "不能为空"), (" 监督纵横", "已有栏目“监督纵横”")):
        with pytest.raises(Refused) as caught:
            structure.new_column_name(issue, bad)
        assert said in caught.value.message.get("zh")


def test_a_column_with_articles_is_not_removed() -> None:
    issue = clean_issue()
    with pytest.raises(Refused, match="还有稿件"):
        structure.empty_column(issue, "监督纵横")
    with pytest.raises(Refused, match="没有栏目"):
        structure.empty_column(issue, "不存在的栏目")


def test_moving_within_a_column_stops_at_its_edges() -> None:
    issue = clean_issue()
    issue.articles.insert(2, Article(column="监督纵横", title="西湖区：第二篇", paragraphs=["正文。"]))
    first = next(i for i, a in enumerate(issue.articles) if a.column == "监督纵横")
    assert structure.neighbour_in_column(issue, first, -1) is None
    assert structure.neighbour_in_column(issue, first, 1) == first + 1
    structure.swap_articles(issue, first, first + 1)
    assert issue.articles[first].title == "西湖区：第二篇"


def test_moving_to_a_column_says_where_the_article_itself_went() -> None:
    """Not where an equal one is: two briefs of the same words (a brief pasted twice) are two articles."""
    issue = clean_issue()
    brief = next(a for a in issue.articles if a.is_brief)
    twin = Article(
        column="监督纵横", title=brief.title, paragraphs=list(brief.paragraphs), byline=brief.byline
    )
    issue.articles.insert(0, twin)
    moved = structure.move_to_column(issue, 0, brief.column)
    assert issue.articles[moved] is twin
    assert issue.articles.index(brief) < moved  # the equal brief came first: an index by equality found it


def test_a_catalogue_column_goes_to_its_catalogue_place() -> None:
    house = default_house()
    issue = clean_issue()
    order = [c.name for c in house.columns]
    missing = next(name for name in order if issue.column(name) is None)
    assert structure.add_column(issue, house, missing, "articles") is False
    names = [c.name for c in issue.columns]
    ranked = [n for n in names if n in order]
    assert ranked == sorted(ranked, key=order.index)  # catalogue columns stay in catalogue order
    assert structure.add_column(issue, house, "本刊新栏目", "briefs") is True
    assert issue.columns[-1] == Column("本刊新栏目", "briefs")


def test_renaming_a_column_takes_its_articles_along() -> None:
    house = default_house()
    issue = clean_issue()
    column = structure.existing_column(issue, "监督纵横")
    assert structure.rename_column(issue, house, column, "监督之窗") is True
    assert issue.column("监督纵横") is None
    assert [a.column for a in issue.articles].count("监督之窗") == 1


def test_moving_a_column_keeps_articles_in_print_order() -> None:
    issue = clean_issue()
    place = structure.column_place(issue, "信息摘登", -5)
    assert place == (2, 0)
    structure.move_column(issue, *place)
    assert issue.columns[0].name == "信息摘登"
    assert issue.articles[0].column == "信息摘登"
    assert structure.column_place(issue, "信息摘登", -1) is None


def test_a_refused_edit_leaves_no_undo_step(tmp_path: Path) -> None:
    path = tmp_path / "issue.toml"
    save_issue(clean_issue(), path)
    session = Session.open(path)
    before = len(session.undo_stack)
    for edit in (
        lambda: session.add_column("监督纵横"),
        lambda: session.rename_column("监督纵横", "  "),
        lambda: session.remove_column("监督纵横"),
        lambda: session.move_to_column(0, "不存在的栏目"),
        lambda: session.move_column("不存在的栏目", 1),
    ):
        with pytest.raises(Refused):
            edit()
    assert len(session.undo_stack) == before and not session.dirty
    session.close()


def test_place_after_says_where_each_article_went_for_every_list_edit() -> None:
    """The undo's cursor follows an article by place_after: checked against the objects themselves."""
    from tui.model.snapshot import article_to_plain
    from tui.session.history import PutBack, Swap, TakeOut, apply_edit, place_after

    issue = clean_issue()
    count = len(issue.articles)
    edits = [Swap(0, 1), Swap(1, 2), PutBack(1, article_to_plain(issue.articles[2])), TakeOut(1, ())]
    for edit in edits:
        trial = clean_issue()
        before = list(trial.articles)
        apply_edit(edit, trial)
        for i, article in enumerate(before):
            if isinstance(edit, TakeOut) and i == edit.index:
                continue  # taken out: the caller puts the cursor where a delete would
            assert trial.articles[place_after(edit, i)] is article, (edit, i)
    assert count >= 3


def test_undoing_back_to_the_saved_text_leaves_nothing_unsaved(tmp_path: Path) -> None:
    """A structural edit undone (an exchange, a whole state) is the file again: no ●未保存, no question on quitting."""
    path = tmp_path / "issue.toml"
    issue = clean_issue()
    issue.articles.insert(
        1, Article(column=issue.articles[0].column, title="西湖区：第二篇", paragraphs=["正文。"])
    )
    save_issue(issue, path)
    session = Session.open(path)
    session.revalidate()
    assert session.move_article(0, 1) == 1
    session.autosave()  # a recovery file of the unsaved move
    assert session.dirty and session.recovery.path.exists()
    session.undo()
    assert not session.dirty
    assert not session.recovery.path.exists()  # it would only repeat the file
    session.redo()
    assert session.dirty
    session.undo()
    assert not session.dirty
    session.add_column("专题调研")  # an undo step that holds the whole issue
    session.undo()
    assert not session.dirty
    session.move_article(0, 1)
    session.set_field("title", "拱墅区：改过的标题", 0)  # typed after the move: the undo keeps it
    session.undo()
    assert session.dirty
