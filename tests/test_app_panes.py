"""The panes' own behaviour: the checks list, the key bar, the masthead card, the first check."""

from __future__ import annotations

from pathlib import Path

import pytest

from apphelp import SIZE, checked, flat_checks, focus, main, make_app, select, until
from tui.app.help import HelpScreen
from tui.app.keybar import KeyBar
from tui.app.masthead import MastheadCard
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.validation import FindingTable
from tui.session import Session

# ------------------------------------------------------------ the checks list


async def test_checks_list_moves_with_keys_and_scrolls(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        table = await flat_checks(pilot)
        assert isinstance(table, FindingTable) and table.row_count == 168
        assert table.row_cells(0)[0] == "错误"  # severities in the UI language
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 167 and table.scroll_y > 0  # the last row is scrolled into view
        visible = table.scrollable_content_region.height - 1  # less the header
        assert table.scroll_y + visible > 167
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.press("pagedown")
        assert table.cursor_row == visible


async def test_checks_list_click_selects_and_second_click_jumps(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = await flat_checks(pilot)
        target = table.shown[3]
        await pilot.click(FindingTable, offset=(10, 4))  # line 0 is the header
        await pilot.pause()
        assert table.cursor_row == 3
        await pilot.click(FindingTable, offset=(10, 4))
        await until(pilot, lambda: screen.current_finding == target)
        assert screen.node == NodeRef("article", target.location.article)


async def test_checks_list_renders_only_rows_on_screen(sample_toml: Path) -> None:
    """The virtual list builds a row's cells when the row is drawn, not when the findings arrive."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        table = await flat_checks(pilot)
        await pilot.pause()
        drawn = table.rows_built
        # rows on screen only (the list was taller for a frame, before the detail line took its place)
        assert 0 < drawn <= SIZE[1] < table.row_count


# ------------------------------------------------------------ the key bar


async def test_key_bar_follows_focus_and_clicks_press_keys(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        bar = main(app).query_one(KeyBar)
        await until(pilot, lambda: bool(bar.items))
        descriptions = [d for _, _, d, _ in bar.items]
        assert descriptions[:2] == ["帮助", "保存"]  # always first, whatever has focus
        assert "新建文章" in descriptions  # the outline has focus
        assert descriptions[-1] == "命令"  # the command palette, in Chinese
        await focus(pilot, "#findings")
        await pilot.pause()
        descriptions = [d for _, _, d, _ in bar.items]
        assert "筛选" in descriptions and "新建文章" not in descriptions
        x = next(start for start, _, item in bar._spans if item[2] == "帮助")
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))


# ------------------------------------------------------------ the masthead card


async def test_masthead_shows_as_card_until_entered(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        editor = screen.query_one("#editor")
        assert editor.current == "masthead-card"  # type: ignore[attr-defined]
        assert not screen.query("#masthead-name")  # no form is mounted at start-up
        text = str(screen.query_one(MastheadCard).render())
        assert "杭州人大信息" in text and "2025-11-14" in text and "按 Enter" in text
        await pilot.click(MastheadCard)
        await until(
            pilot,
            lambda: bool(screen.query("#masthead-name")) and screen.query_one("#masthead-name").has_focus,
        )
        assert editor.current == "masthead-form"  # type: ignore[attr-defined]
        await select(pilot, NodeRef("article", 0))
        await select(pilot, NodeRef("masthead"))
        assert editor.current == "masthead-card"  # type: ignore[attr-defined]
        screen.query_one(OutlineTree).focus()
        await pilot.press("tab")  # Tab into the card opens the form too
        await until(pilot, lambda: screen.query_one("#masthead-name").has_focus)


async def test_masthead_finding_opens_the_form_on_the_field(sample_toml: Path) -> None:
    (sample_toml.parent / "2025-11.toml").write_text(
        sample_toml.read_text(encoding="utf-8").replace("date = 2025-11-14", "date = 2025-10-31"),
        encoding="utf-8",
    )  # the same numbers a fortnight earlier: this issue's number is taken
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        target = next(f for f in screen.session.findings() if f.location.field == "masthead.number")
        screen.jump_to(target)
        await until(
            pilot,
            lambda: bool(screen.query("#masthead-number")) and screen.query_one("#masthead-number").has_focus,
        )
        assert screen.query_one("#masthead-number").selected_text == "12"  # type: ignore[attr-defined]


# ------------------------------------------------------------ the first check


async def test_first_check_lands_after_the_first_paint(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        assert str(screen.query_one("#checks").border_title).endswith("…")  # painted before any check
        await checked(pilot)
        assert str(screen.query_one("#checks").border_title).startswith("校验：168 错误")


def test_edits_made_while_the_first_check_runs_are_checked_after_it(sample_toml: Path) -> None:
    session = Session.open(sample_toml)
    first = session.first_check()
    stale = session.run_recheck(first)  # computed on the text before the edit below
    fixed = [p.replace(",", "，") for p in session.issue.articles[0].paragraphs]
    assert session.set_field("paragraphs", fixed, 0)
    assert session.apply_recheck(stale)
    assert session.recheck_pending  # the edit still waits for its check
    session.apply_recheck(session.run_recheck(session.take_recheck()))
    assert not [f for f in session.findings() if f.location.article == 0 and "comma" in f.rule]


def test_a_check_taken_before_a_structural_edit_is_not_applied(sample_toml: Path) -> None:
    session = Session.open(sample_toml)
    session.revalidate()
    session.set_field("title", "拱墅区：改过的标题", 0)
    request = session.take_recheck()
    assert request is not None
    result = session.run_recheck(request)
    session.move_article(1, -1)  # article 0 is now another article
    assert not session.apply_recheck(result)
    assert session.recheck_pending  # the typed title is checked again, at its new index
    while (again := session.take_recheck()) is not None:
        session.apply_recheck(session.run_recheck(again))
    fresh = Session.open(sample_toml)
    fresh.issue = session.issue
    fresh.revalidate()
    assert session.findings() == fresh.findings()


def test_sign_off_never_decides_on_an_unchecked_issue(sample_toml: Path) -> None:
    session = Session.open(sample_toml)
    assert not session.checked and session.findings() == []
    assert len(session.active_errors()) == 168  # checked on demand
    assert session.checked


# ------------------------------------------------------------ an unexpected error


CRASH = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from textual import events
from apphelp import make_app, main, until
from tui.app.main_screen import MainScreen
from tui.app.outline_nodes import NodeRef

def broken(self):
    raise ValueError("模拟的故障")

MainScreen.action_toggle_preview = broken
app = make_app(Path({path!r}))

async def user(pilot):
    screen = main(app)
    await until(pilot, lambda: screen.session.checked)
    screen.query_one("#outline").focus()
    await pilot.press("enter")  # 报头: into the form
    await until(pilot, lambda: bool(screen.query("#masthead-name")) and screen.query_one("#masthead-name").has_focus)
    await pilot.press("end", "x")
    await until(pilot, lambda: screen.session.dirty)
    app.post_message(events.Key("f5", None))  # the key that breaks; the app leaves on its own

app.run(headless=True, size=(140, 40), auto_pilot=user)
sys.exit(70 if app.return_code else 0)
"""


def test_unexpected_error_keeps_the_text_and_says_where_the_details_are(
    sample_toml: Path, state_dir: Path
) -> None:
    """Run as a user would (a real, headless run): one plain message, the text in the recovery file."""
    import os
    import subprocess
    import sys

    from tui.files import recovery

    tests = str(Path(__file__).parent)
    r = subprocess.run(
        [sys.executable, "-c", CRASH.format(tests=tests, path=str(sample_toml))],
        env={**os.environ, "JIANBAO_STATE_DIR": str(state_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 70, r.stderr
    printed = r.stdout + r.stderr
    assert "jianbao 遇到内部错误，已退出：ValueError: 模拟的故障" in printed
    assert "恢复文件" in printed and "Traceback" not in printed and "action_toggle_preview" not in printed
    found = recovery.find_pending(sample_toml)
    assert found and "杭州人大信息x" in found[0].text()
    (log,) = (state_dir / "logs").glob("crash-*.log")
    assert log.name in printed.replace("\n", "")
    assert "in broken" in log.read_text(encoding="utf-8")  # the details (the traceback) are in the log


async def test_key_bar_shows_whole_keys_only(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = main(app).query_one(KeyBar)
        await until(pilot, lambda: bool(bar.shown))
        shown = [item for _, _, item in bar.shown]
        assert len(shown) < len(bar.items)  # the outline's keys do not all fit in 80 columns
        assert bar.shown[-1][1] <= 80
        last = shown[-1][2]
        assert str(bar.render()).rstrip().endswith(last)  # the last key shown is whole


async def test_the_detail_under_the_checks_list_shows_the_whole_finding(sample_toml: Path) -> None:
    from tui.app.finding_detail import FindingDetail

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        detail = screen.query_one(FindingDetail)
        await pilot.press("f8")
        await until(pilot, lambda: "半角逗号" in str(detail.render()))
        text = str(detail.render())
        assert "⟦,⟧" in text and "依据：GB/T 15834—2011" in text
        assert "位置：第1篇「拱墅区：…」 第3段 第" in text  # whole, where the list's column cuts it
        assert detail.size.height > 1


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_no_form_label_wraps(sample_toml: Path, lang: str) -> None:
    """Every label of the article, end block and masthead forms fits on its line (送（每行一项）, Byline unit)."""
    from rich.cells import cell_len
    from textual.widgets import Label

    def check(screen) -> int:  # type: ignore[no-untyped-def]
        shown = [w for w in screen.query(Label) if w.region.width]  # the form on screen
        for label in shown:
            text = str(label.render())
            assert cell_len(text) <= label.content_size.width, (text, label.content_size.width)
        return len(shown)

    app = make_app(sample_toml, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))
        assert check(screen) >= 4
        await select(pilot, NodeRef("endblock"))
        assert check(screen) >= 3
        screen.editing_masthead = True
        screen.show_node(NodeRef("masthead"))
        await until(pilot, lambda: screen.panes_ready and bool(screen.query("#masthead-form")))
        await pilot.pause()
        assert check(screen) >= 6


def test_a_cell_too_narrow_for_its_text_ends_in_an_ellipsis_never_in_a_cut_number() -> None:
    """A count cut to the column's width read as another number (共 162 条，未处理 1): the cut is marked."""
    from rich.cells import cell_len

    from tui.app.cells import fit_cell

    assert fit_cell("未处理 162，共 162 条", 30) == "未处理 162，共 162 条" + " " * 9  # 21 cells: padded
    for width in range(1, 21):
        cell = fit_cell("共 162 条，未处理 162 条", width)
        assert cell_len(cell) == width
        assert cell.rstrip().endswith("…")  # never "未处理 1" as if that were the count
    assert fit_cell("西湖区：高效履职", 6) == "西湖… "  # a wide character is never halved


@pytest.mark.parametrize("size", [(150, 45), (120, 30)])
async def test_a_narrow_checks_pane_shows_a_group_count_whole_or_marked_cut(
    sample_toml: Path, size: tuple[int, int]
) -> None:
    """Grouped, three panes side by side: each header's count is whole or its cut is marked with ….

    At 150 columns the message cell is too narrow; at 120 the row runs past the pane's edge.
    """
    app = make_app(sample_toml)
    async with app.run_test(size=size) as pilot:
        screen = await checked(pilot)
        table = screen.query_one(FindingTable)
        await until(pilot, lambda: table.grouped and table.row_count > 0)
        for row in range(min(table.row_count, table.size.height - 1)):
            whole = table.row_cells(row)[2]
            shown = "".join(segment.text for segment in table.render_line(row + 1))
            assert whole in shown or "…" in shown, (whole, shown)
