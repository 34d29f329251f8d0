"""Filtering the checks pane: by severity, family or rule, article, waived, new since the save."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, checked, filter_checks, focus, main, make_app, select, settle, type_text, until
from tui.app.outline_nodes import NodeRef
from tui.model.findings import Severity

COMMA = "typography.halfwidth-comma"


async def test_filter_by_severity_names_it_in_the_title(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = await filter_checks(pilot, severity="警告")  # the sample's findings are all errors
        assert table.shown == [] and not any(
            f.severity is Severity.WARNING for f in screen.session.findings()
        )
        title = str(screen.query_one("#checks").border_title)
        assert "仅警告" in title and "显示 0/168" in title
        await filter_checks(pilot, severity="错误")
        assert len(table.shown) == 168 and "显示 168/168" in str(screen.query_one("#checks").border_title)
        await filter_checks(pilot, severity="全部")
        assert len(table.shown) == 168 and str(screen.query_one("#checks").border_title) == "校验：168 错误"


async def test_filter_by_family_and_by_rule(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = await filter_checks(pilot, kind="标点与排版")
        assert table.shown and all(f.rule.startswith("typography.") for f in table.shown)
        assert len(table.shown) < 168
        await filter_checks(pilot, kind="半角逗号")
        assert len(table.shown) == 162 and {f.rule for f in table.shown} == {COMMA}
        assert "半角逗号" in str(screen.query_one("#checks").border_title)


async def test_filter_by_article(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = await filter_checks(pilot, article="第3篇")
        assert table.shown and {f.location.article for f in table.shown} == {2}
        assert "第3篇" in str(screen.query_one("#checks").border_title)


async def test_the_bottom_line_counts_open_findings_per_family(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        line = str(screen.query_one("#checks").border_subtitle)
        typography = sum(1 for f in screen.session.findings() if f.rule.startswith("typography."))
        assert line.startswith(f"标点与排版 {typography}")


async def test_new_since_the_last_save(sample_toml: Path) -> None:
    """Only what the edits since the save brought in; after a save nothing is new."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "我们的的工作。")
        await settle(pilot)
        table = await filter_checks(pilot, scope="新增")
        assert [f.rule for f in table.shown] == ["repetition.char"]
        assert "保存后新增" in str(screen.query_one("#checks").border_title)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty)
        await settle(pilot)
        assert table.shown == []
        main(app).query_one("#findings").focus()


async def test_waived_findings_are_hidden_until_asked_for(sample_toml: Path) -> None:
    from tui.app.dialogs import FormDialog

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = screen.query_one("#findings")
        table.focus()
        table.move_to(next(f for f in table.shown if f.rule == COMMA))
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        await type_text(pilot, "原文如此")
        await pilot.press("enter")
        await until(pilot, lambda: len(table.shown) == 167)
        assert all(f.waiver is None for f in table.shown)
        assert "1 已豁免" in str(screen.query_one("#checks").border_title)
        await filter_checks(pilot, waived="显示")
        assert len(table.shown) == 168 and sum(f.waiver is not None for f in table.shown) == 1


async def test_f6_moves_between_the_panes(sample_toml: Path) -> None:
    from tui.app.outline import OutlineTree
    from tui.app.validation import FindingTable

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await select(pilot, NodeRef("article", 0))
        assert isinstance(screen.focused, OutlineTree)
        await pilot.press("f6")
        await until(
            pilot,
            lambda: screen.focused is not None and screen.query_one("#editor") in screen.focused.ancestors,
        )
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(screen.focused, FindingTable))
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(screen.focused, OutlineTree))


async def test_bulk_actions_act_on_what_the_filter_shows(sample_toml: Path) -> None:
    """Filtered to one article, X fixes that article's commas only (no question: one article)."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = await filter_checks(pilot, article="第3篇")
        in_third = sum(1 for f in table.shown if f.rule == COMMA)
        elsewhere = sum(1 for f in screen.session.findings() if f.rule == COMMA) - in_third
        assert in_third and elsewhere
        table.move_to(next(f for f in table.shown if f.rule == COMMA))
        await pilot.press("X")
        await until(pilot, lambda: not any(f.rule == COMMA for f in table.shown))
        left = [f for f in screen.session.findings() if f.rule == COMMA]
        assert len(left) == elsewhere and all(f.location.article != 2 for f in left)
