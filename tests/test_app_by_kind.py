"""Working by kind: fix or waive every finding of one rule at once; F8 goes on from where it was."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, checked, filter_checks, main, make_app, settle, type_text, until
from tui.app.dialogs import ChoiceDialog, FormDialog
from tui.app.finding_detail import FindingDetail
from tui.app.main_screen import MainScreen
from tui.app.outline import OutlineTree
from tui.app.validation import FindingTable
from tui.files.storage import load_issue

COMMA = "typography.halfwidth-comma"


def _commas(screen: MainScreen) -> int:
    return sum(1 for f in screen.session.findings() if f.rule == COMMA and f.active)


async def _on_a_comma(pilot, screen: MainScreen) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one(FindingTable)
    table.focus()
    table.move_to(next(f for f in table.shown if f.rule == COMMA))
    await pilot.pause()


async def test_fix_all_of_one_kind_is_one_step_and_one_undo(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        before = _commas(screen)
        assert before == 162
        await _on_a_comma(pilot, screen)
        await pilot.press("X")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "162" in app.screen.body  # type: ignore[attr-defined]
        await pilot.click("#choice-yes")
        await until(pilot, lambda: _commas(screen) == 0)
        assert len(screen.session.findings()) == 168 - 162
        screen.query_one(OutlineTree).focus()
        await pilot.press("u")
        await until(pilot, lambda: _commas(screen) == before)


async def test_waive_all_of_one_kind_stores_a_waiver_for_each(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await _on_a_comma(pilot, screen)
        await pilot.press("W")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        await type_text(pilot, "来稿原文如此")
        await pilot.press("tab")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await until(pilot, lambda: _commas(screen) == 0)
        await pilot.press("ctrl+s")
        await settle(pilot)
    waivers = load_issue(sample_toml).waivers
    assert len(waivers) == 162 and {w.reason for w in waivers} == {"来稿原文如此"}


async def test_f8_goes_on_after_a_waiver_and_passes_over_waived_findings(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await pilot.press("f8")
        await until(pilot, lambda: screen.current_finding is not None)
        first = screen.current_finding
        await pilot.press("f8")
        await until(pilot, lambda: screen.current_finding != first)
        second = screen.current_finding
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        await type_text(pilot, "原文如此")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, MainScreen)
                and not any(
                    f.active
                    for f in screen.session.findings()
                    if (f.location, f.rule) == (second.location, second.rule)
                )
            ),
        )
        await pilot.press("f8")
        await until(pilot, lambda: screen.current_finding not in (None, second))
        third = screen.current_finding
        assert third is not None and third != first  # on from the waived one, not back to the first
        assert third.location.sort_key() > second.location.sort_key()
        await pilot.press("shift+f8")
        await pilot.pause()
        assert main(app).current_finding == first  # back, passing over the waived one


async def test_a_waiver_can_be_taken_back_from_the_pane(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await _on_a_comma(pilot, screen)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        await type_text(pilot, "原文如此")
        await pilot.press("enter")
        table = screen.query_one(FindingTable)
        await until(pilot, lambda: _commas(screen) == 161 and len(table.shown) == 167)
        assert all(f.waiver is None for f in table.shown)  # waived findings are out of the way
        await filter_checks(pilot, waived="显示")
        table.move_to(next(f for f in table.shown if f.waiver is not None))
        await pilot.pause()
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "原文如此" in app.screen.body  # type: ignore[attr-defined]
        await pilot.click("#choice-yes")
        await until(pilot, lambda: _commas(screen) == 162)
        assert screen.session.issue.waivers == [] and screen.session.dirty


async def _grouped(pilot) -> tuple[MainScreen, FindingTable]:  # type: ignore[no-untyped-def]
    """The sample checked, the checks pane focused and grouped by rule (g)."""
    screen = await checked(pilot)
    table = screen.query_one(FindingTable)
    table.focus()
    await pilot.pause()
    assert table.grouped  # the sample's 168 findings open grouped by rule
    return screen, table


async def test_grouped_by_rule_with_counts_open_a_group_and_fix_it_all_from_its_header(
    sample_toml: Path,
) -> None:
    """g groups the list: one row per rule with its Chinese name and count; Enter opens a group; X on it fixes all."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await _grouped(pilot)
        headers = [table.row_cells(i) for i in range(table.row_count)]
        comma = next(i for i, cells in enumerate(headers) if cells[3] == COMMA)
        assert headers[comma][1] == "半角逗号" and headers[comma][2] == "未处理 162，共 162 条"
        assert headers[comma][0].startswith("▶")
        table.move_cursor(row=comma)
        detail = screen.query_one(FindingDetail)
        await until(pilot, lambda: detail.text.startswith("【半角逗号】共 162 条"))
        assert "可自动修正 162 条" in detail.text and "依据：GB/T 15834" in detail.text
        keys = "Enter 展开/收起，X 全部修正，W 全部豁免"  # in the line under the list, not in every row
        assert detail.text.endswith(keys)
        table.move_cursor(row=comma)
        await pilot.press("enter")  # opens the group: its 162 findings under the header
        await until(pilot, lambda: table.row_count == len(headers) + 162)
        assert table.row_cells(comma)[0].startswith("▼") and table.rows[comma + 1].rule == COMMA  # type: ignore[union-attr]
        await pilot.press("enter")  # and closes it
        await until(pilot, lambda: table.row_count == len(headers))
        await pilot.press("X")  # on the header: every fix of that kind
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "162" in app.screen.body  # type: ignore[attr-defined]
        await pilot.click("#choice-yes")
        await until(pilot, lambda: _commas(screen) == 0)
        assert all(table.row_cells(i)[3] != COMMA for i in range(table.row_count))
        await pilot.press("g")  # back to one row per finding
        await until(pilot, lambda: table.row_count == len(screen.session.findings()))


async def test_f8_opens_the_group_of_the_finding_it_goes_to(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await _grouped(pilot)
        await pilot.press("f8")
        await until(pilot, lambda: table.current() is not None)
        first = screen.session.findings()[0]
        assert table.current() == first and first.rule in table.expanded


async def test_arrow_keys_move_between_a_dialogs_buttons(sample_toml: Path) -> None:
    """→ then Enter chooses the button on the right (是), as Tab then Enter does."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await _on_a_comma(pilot, screen)
        await pilot.press("X")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("right", "enter")
        await until(pilot, lambda: _commas(screen) == 0)
