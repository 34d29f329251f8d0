"""No key pressed after a jump deletes the flagged text; a Chinese keyboard's full-width space is typed."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, checked, flat_checks, focus, main, make_app, select, settle, type_text, until
from tui.app.outline_nodes import NodeRef
from tui.app.text_fields import is_navigation


async def _jump_to_first_comma(pilot):  # type: ignore[no-untyped-def]
    screen = await checked(pilot)
    await flat_checks(pilot)
    await pilot.press("enter")  # jump from the checks pane
    body = screen.query_one("#article-body")
    await until(pilot, lambda: body.has_focus and body.selected_text == ",")
    return screen, body


async def test_enter_after_a_jump_keeps_the_flagged_text_and_its_finding(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await _jump_to_first_comma(pilot)
        finding = screen.current_finding
        before = screen.session.issue.articles[0].paragraphs[2]
        assert "穿透式监督,实现" in before
        await pilot.press("enter")
        await settle(pilot)
        after = screen.session.issue.articles[0].paragraphs[2]
        assert "穿透式监督,实现" in after.replace("\n", "")
        assert any(
            f.rule == finding.rule and f.location == finding.location for f in screen.session.findings()
        )


async def test_typing_after_a_jump_inserts_before_the_span(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await _jump_to_first_comma(pilot)
        await type_text(pilot, "甲")
        await pilot.pause()
        assert "穿透式监督甲,实现" in screen.session.issue.articles[0].paragraphs[2]


async def test_shift_arrow_after_a_jump_selects_and_a_chosen_selection_is_replaced(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen, body = await _jump_to_first_comma(pilot)
        await pilot.press("left")  # navigation: the selection collapses to its start, no text changes
        await pilot.pause()
        assert (
            body.selected_text == "" and "穿透式监督,实现" in screen.session.issue.articles[0].paragraphs[2]
        )
        await pilot.press("shift+right")  # the user's own selection from here on
        await pilot.pause()
        assert body.selected_text == ","
        await type_text(pilot, "，")
        await pilot.pause()
        assert "穿透式监督，实现" in screen.session.issue.articles[0].paragraphs[2]


async def test_a_jump_into_a_title_does_not_let_enter_or_typing_eat_the_span(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        target = next(f for f in screen.session.findings() if f.rule == "title.halfwidth-colon")
        index = target.location.article
        screen.jump_to(target)
        await until(pilot, lambda: bool(screen.query("#article-title")))
        title = screen.query_one("#article-title")
        await until(pilot, lambda: title.has_focus and title.selected_text == ":")
        before = screen.session.issue.articles[index].title
        await type_text(pilot, "乙")
        await pilot.pause()
        after = screen.session.issue.articles[index].title
        assert ":" in after and len(after) == len(before) + 1


async def test_ideographic_space_is_typed_in_fields_and_body(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))
        authors = await focus(pilot, "#article-authors")
        authors.value = ""
        await pilot.pause()
        await type_text(pilot, "石　晗　刘　鹏")
        await pilot.pause()
        assert authors.value == "石　晗　刘　鹏"
        assert screen.session.issue.articles[0].byline.authors == [
            "石晗",
            "刘鹏",
        ]  # two names, padding is print's
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "一　二")
        await pilot.pause()
        assert screen.session.issue.articles[0].paragraphs[-1].endswith("一　二")


def test_which_keys_only_navigate() -> None:
    for key in ("left", "shift+right", "ctrl+home", "pagedown", "tab", "escape", "f8", "shift+f8", "ctrl+c"):
        assert is_navigation(key), key
    for key in ("enter", "backspace", "delete", "a", "ctrl+v", "ctrl+x", "space", "ctrl+k"):
        assert not is_navigation(key), key


async def test_an_invalid_masthead_date_blocks_the_save_until_corrected(sample_toml: Path) -> None:
    from apphelp import record_notifications
    from tui.app.masthead import MastheadCard
    from tui.files.storage import load_issue

    before = sample_toml.read_bytes()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        shown = record_notifications(app)
        screen = main(app)
        await pilot.click(MastheadCard)
        await until(pilot, lambda: bool(screen.query("#masthead-date")))
        date = await focus(pilot, "#masthead-date")
        date.value = ""
        await type_text(pilot, "2025-13-45")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sample_toml.read_bytes() == before
        assert any("2025-13-45" in m and "未保存" in m for m in shown), shown
        assert not any(m.startswith("已保存") for m in shown)
        date.value = ""
        await type_text(pilot, "2025-11-21")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(m.startswith("已保存") for m in shown)
    assert str(load_issue(sample_toml).masthead.date) == "2025-11-21"


async def test_the_column_dropdown_has_no_blank_entry(sample_toml: Path) -> None:
    from textual.widgets import Select

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))
        column = await focus(pilot, "#article-column")
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("home", "up", "up", "enter")  # as far up as the list goes
        await settle(pilot)
        names = {c.name for c in screen.session.issue.columns}
        assert column.value in names and column.value is not Select.NULL
        assert all(
            a.column in {c.name for c in screen.session.issue.columns} for a in screen.session.issue.articles
        )


async def test_undo_of_a_new_article_with_text_asks_and_redo_brings_it_back(sample_toml: Path) -> None:
    from tui.app.dialogs import ChoiceDialog
    from tui.app.main_screen import MainScreen
    from tui.app.outline import OutlineTree

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        count = len(screen.session.issue.articles)
        await select(pilot, NodeRef("article", 0))
        await pilot.press("a")  # a new article in this column
        await until(pilot, lambda: len(screen.session.issue.articles) == count + 1)
        await until(
            pilot,
            lambda: bool(screen.query("#article-title")) and screen.query_one("#article-title").has_focus,
        )
        index = screen.node.index
        await type_text(pilot, "西湖区：新稿件")
        await focus(pilot, "#article-body")
        await type_text(pilot, "新写的一段正文。")
        await pilot.pause()
        screen.query_one(OutlineTree).focus()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "新稿件" in app.screen.body  # type: ignore[attr-defined]
        await pilot.click("#choice-no")  # keep it
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert len(screen.session.issue.articles) == count + 1
        screen.query_one(OutlineTree).focus()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-yes")
        await until(pilot, lambda: len(screen.session.issue.articles) == count)
        screen.query_one(OutlineTree).focus()
        await pilot.press("U")  # redo: the article and everything typed into it
        await until(pilot, lambda: len(screen.session.issue.articles) == count + 1)
        article = screen.session.issue.articles[index]
        # the body started from the column's template: the text typed replaced its first prompt
        assert article.title == "西湖区：新稿件" and article.paragraphs[0] == "新写的一段正文。"


def test_undoing_a_move_after_typing_leaves_the_next_undo_asking(sample_toml: Path) -> None:
    """Undoing a move keeps text typed since; the new article under it (a whole state) would drop that text, so it asks."""
    from tui.session import Session

    s = Session.open(sample_toml)
    s.revalidate()
    s.add_article(s.issue.articles[0].column)
    s.move_article(1, -1)
    s.issue.articles[0].paragraphs.append("移动后输入的文字。")
    s.touch()
    assert s.undo_would_drop() is None  # the move: undone, the typed text stays
    s.undo()
    assert any(p == "移动后输入的文字。" for a in s.issue.articles for p in a.paragraphs)
    dropped = s.undo_would_drop()  # the new article: undone, the issue goes back to before the typing
    assert dropped is not None
    assert not any(p == "移动后输入的文字。" for a in dropped.articles for p in a.paragraphs)
    s.redo()  # the move again; redoing it drops nothing either
    assert any(p == "移动后输入的文字。" for a in s.issue.articles for p in a.paragraphs)


def test_undoing_a_delete_keeps_text_typed_since_and_its_redo_asks_only_for_the_article(
    sample_toml: Path,
) -> None:
    """A delete is undone by putting the article back: nothing typed since is dropped, and no question asked.

    Its redo takes that article out again: it asks only when the article
    was changed after it came back, and what it would drop is that article.
    """
    from tui.session import Session

    s = Session.open(sample_toml)
    s.revalidate()
    before = [a.title for a in s.issue.articles]
    gone = s.delete_article(0)
    s.issue.articles[0].paragraphs.append("删除后输入的文字。")
    s.touch()
    assert s.undo_would_drop() is None
    s.undo()
    assert [a.title for a in s.issue.articles] == before and s.issue.articles[0] == gone
    assert s.issue.articles[1].paragraphs[-1] == "删除后输入的文字。"
    assert s.redo_would_drop() is None  # the article came back as it was: taking it out drops nothing typed
    s.redo()
    assert [a.title for a in s.issue.articles] == before[1:]
    assert s.issue.articles[0].paragraphs[-1] == "删除后输入的文字。"
    s.undo()
    s.issue.articles[0].paragraphs.append("放回后补写的一句。")
    s.touch()
    dropped = s.redo_would_drop()  # now taking it out would drop what was written into it
    assert dropped is not None and [a.title for a in dropped.articles] == before[1:]
    s.redo()
    s.undo()  # and back once more: with what was written into it
    assert s.issue.articles[0].paragraphs[-1] == "放回后补写的一句。"


def test_structural_undo_and_redo_in_the_session(sample_toml: Path) -> None:
    from tui.session import Session

    s = Session.open(sample_toml)
    s.revalidate()
    titles = [a.title for a in s.issue.articles]
    s.move_article(1, -1)
    s.delete_article(0)
    assert s.undo_would_drop() is None  # nothing typed since: no question
    s.undo()
    assert s.undo_would_drop() is None  # back to right after the move: the move undoes cleanly
    s.undo()
    assert [a.title for a in s.issue.articles] == titles
    s.redo()
    assert s.redo_would_drop() is None
    s.redo()
    assert len(s.issue.articles) == len(titles) - 1
    s.undo()
    s.issue.articles[0].paragraphs.append("撤销后输入的文字。")
    s.touch()
    assert s.redo_would_drop() is not None  # redoing the delete would take the typed text away
    # Undoing the move would not: the two articles change places again, typed text and all.
    assert s.undo_would_drop() is None
    typed = s.issue.articles[0]
    s.undo()
    assert [a.title for a in s.issue.articles] == titles
    assert s.issue.articles[1] is typed and typed.paragraphs[-1] == "撤销后输入的文字。"
    s.redo()
    assert s.issue.articles[0] is typed
    s.move_article(1, -1)  # a new edit ends what could be redone
    assert not s.redo_stack
