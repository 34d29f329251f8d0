"""档案检索 (F2): search every issue of the archive from the editor; Enter opens the hit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import OptionList

from apphelp import checked, focus, main, make_app, record_notifications, type_text, until
from tui.app.archive_search import ArchiveSearchScreen
from tui.app.main_screen import MainScreen
from tui.app.outline_nodes import NodeRef
from tui.files import locking
from tui.files.storage import load_issue, save_issue

SIZE = (120, 36)


def _earlier_issue(sample: Path) -> Path:
    """第11期 in the same archive, its first article opening with a sentence only it has."""
    issue = load_issue(sample)
    issue.masthead.number, issue.masthead.cumulative = 11, 717
    issue.masthead.date = dt.date(2025, 10, 31)
    issue.articles[0].paragraphs[0] = (
        "上期写到：共享调解室在基层治理中发挥作用。" + issue.articles[0].paragraphs[0]
    )
    path = sample.with_name("2025-11.toml")
    save_issue(issue, path)
    return path


async def _search(pilot, text: str) -> OptionList:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("f2")
    await until(pilot, lambda: isinstance(app.screen, ArchiveSearchScreen))
    await type_text(pilot, text)
    await pilot.press("enter")
    hits = app.screen.query_one("#archive-hits", OptionList)
    await until(pilot, lambda: hits.option_count > 0)
    return hits


async def test_a_hit_in_this_issue_is_selected_in_its_paragraph(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        hits = await _search(pilot, "共享法庭")
        assert "第12期（总第718期）" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("enter")
        screen = main(app)
        await until(pilot, lambda: screen.node.kind == "article" and bool(screen.query("#article-body")))
        body = screen.query_one("#article-body")
        await until(pilot, lambda: body.selected_text == "共享法庭")  # type: ignore[attr-defined]


async def test_a_hit_in_another_issue_opens_it_once_this_one_is_saved(sample_toml: Path) -> None:
    other = _earlier_issue(sample_toml)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        screen = await checked(pilot)
        await pilot.press("down", "down", "enter")  # into the first article's title
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "（续）")
        await until(pilot, lambda: screen.session.dirty)
        await _search(pilot, "共享调解室")
        await pilot.press("enter")
        await until(pilot, lambda: any("请先保存本期" in s for s in said))
        assert main(app) is screen and screen.session.path == sample_toml  # nothing typed is left behind
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty)
        await _search(pilot, "共享调解室")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.session.path == other)
        opened = main(app)
        await until(
            pilot, lambda: opened.node == NodeRef("article", 0) and bool(opened.query("#article-body"))
        )
        body = opened.query_one("#article-body")
        await until(pilot, lambda: body.selected_text == "共享调解室")  # type: ignore[attr-defined]
        assert locking.holder(sample_toml) is None  # the first issue's lock went with it
        assert load_issue(sample_toml).articles[0].title.endswith("（续）")


async def test_nothing_found_is_said(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ArchiveSearchScreen))
        await type_text(pilot, "不存在的文字组合")
        await pilot.press("enter")
        status = app.screen.query_one("#archive-status")
        await until(pilot, lambda: "档案中没有“不存在的文字组合”" in str(status.render()))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_a_search_that_finishes_after_a_later_one_was_asked_is_not_shown(sample_toml: Path) -> None:
    from tui.app.messages import ArchiveSearched
    from tui.files.search_index import SearchHit

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        hits = await _search(pilot, "共享法庭")
        shown = hits.option_count
        stale = SearchHit(
            "2025-12.toml", 12, 718, "2025-11-14", 0, "旧", "助力攻坚", "paragraph", 0, "旧的结果", 0, 2
        )
        app.screen.post_message(ArchiveSearched("早先的查询", [stale] * 7, 7, 0))
        await pilot.pause()
        await pilot.pause()
        assert hits.option_count == shown and "早先的查询" not in str(
            app.screen.query_one("#archive-status").render()
        )
