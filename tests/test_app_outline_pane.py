"""The outline's cursor and the editor pane: the selection moves at once, the pane follows when the cursor rests.

Showing an article repaints the whole editor pane; at each step of a held ↓
in a long outline that made the cursor lag behind the key.  The pane now
catches up once the cursor rests, and always before focus can enter it, so
the keys act on the highlighted node and nothing is typed into a stale form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from apphelp import SIZE, main, make_app, select, settle, type_text, until
from tui.app import main_screen
from tui.app.editor_pane import EditorPane
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.text_fields import TitleArea


def _title(app) -> str:  # type: ignore[no-untyped-def]
    return main(app).query_one("#article-title", TitleArea).text


async def test_held_down_keys_move_the_selection_and_the_pane_catches_up(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        articles = main(app).session.issue.articles
        assert _title(app) == articles[0].title
        await pilot.press("down", "down", "down")
        outline = main(app).query_one(OutlineTree)
        assert main(app).node == outline.cursor_node.data  # the keys act on what the outline highlights
        await until(pilot, lambda: main(app).panes_ready)
        node = main(app).node
        if node.kind == "article":  # the pane shows it once the cursor rests
            assert _title(app) == articles[node.index].title
        else:
            assert node.kind == "column" and node.column in str(main(app).query_one("#column-info").render())


async def test_focus_entering_the_pane_shows_the_selected_article_first(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        monkeypatch.setattr(main_screen, "SHOW_DELAY", 30.0)  # from here the cursor never rests long enough
        articles = main(app).session.issue.articles
        second = articles[1].title
        await pilot.press("down")
        assert main(app).node == NodeRef("article", 1)
        assert _title(app) == articles[0].title and not main(app).panes_ready  # the pane has not followed yet
        main(app).query_one("#article-title").focus()  # Tab or a click: focus goes through set_focus
        await until(pilot, lambda: main(app).focused is main(app).query_one("#article-title"))
        assert _title(app) == second  # shown before the field took focus, with no wait for the cursor to rest
        await pilot.press("end")
        await type_text(pilot, "（续）")
        await settle(pilot)
        assert articles[1].title == second + "（续）" and articles[0].title != articles[1].title


async def test_enter_in_the_outline_shows_the_article_at_once(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        monkeypatch.setattr(main_screen, "SHOW_DELAY", 30.0)
        await pilot.press("down", "enter")
        await until(pilot, lambda: main(app).panes_ready)
        assert _title(app) == main(app).session.issue.articles[1].title


async def test_leaving_right_after_a_move_is_clean(sample_toml: Path, state_dir: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: main(app).session.checked)
        main(app).query_one(OutlineTree).focus()
        await pilot.press("down", "down")  # to the first article: its form is not mounted yet
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)
    assert not (state_dir / "logs").exists() or not list((state_dir / "logs").iterdir())


async def test_the_preview_asked_for_right_after_a_move_stays(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        monkeypatch.setattr(main_screen, "SHOW_DELAY", 0.3)
        await pilot.press("down", "f5")
        await until(pilot, lambda: main(app).query_one(EditorPane).current == "preview")
        await pilot.pause(0.6)  # past the moment the moved-to node was due
        assert main(app).query_one(EditorPane).current == "preview"
