"""The editor driven through Pilot: edits land in the model and in the file on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from apphelp import (
    SIZE,
    checked,
    focus,
    main,
    make_app,
    record_notifications,
    select,
    settle,
    type_text,
    until,
)
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.files.storage import load_issue


async def test_type_chinese_in_body_save_and_reload(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-body", end=True)
        await pilot.press("enter", "enter")
        await type_text(pilot, "四是强化保障，护航发展。")
        await settle(pilot)
        assert main(app).session.dirty
        assert "●未保存" in app.sub_title
        assert main(app).session.issue.articles[0].paragraphs[-1] == "四是强化保障，护航发展。"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not main(app).session.dirty
    assert load_issue(sample_toml).articles[0].paragraphs[-1] == "四是强化保障，护航发展。"
    async with make_app(sample_toml).run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        assert "四是强化保障，护航发展。" in main(pilot.app).query_one("#article-body").text  # type: ignore[attr-defined]


async def test_counts_follow_typing(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 6))
        counts = main(app).query_one("#article-counts")
        before = main(app).session.issue.articles[6].char_count
        assert f"字数 {before} · 段落 1" in str(counts.render())
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "补充一句")
        await pilot.pause()
        assert f"字数 {before + 4} · 段落 1" in str(counts.render())
        await pilot.press("ctrl+z")  # the text area's own undo reaches the model and the count too
        await until(pilot, lambda: main(app).session.issue.articles[6].char_count == before)
        assert f"字数 {before} · 段落 1" in str(counts.render())


async def test_live_revalidation_marks_the_new_error(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 8))  # 建德市: no findings yet
        screen = main(app)
        assert not [f for f in screen.session.findings() if f.location.article == 8]
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "好,好。")
        await settle(pilot)
        found = [f for f in screen.session.findings() if f.location.article == 8]
        assert [f.rule for f in found] == ["typography.halfwidth-comma"]
        assert "校验：169 错误" in str(screen.query_one("#checks").border_title)


async def test_edit_title_unit_and_authors(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 2))
        await focus(pilot, "#article-authors", end=True)
        await pilot.press("space")
        await type_text(pilot, "王小明")
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "（续）")
        await pilot.press("ctrl+s")
        await pilot.pause()
    a = load_issue(sample_toml).articles[2]
    assert a.byline.authors == ["石晗", "刘鹏", "王小明"]  # type: ignore[union-attr]
    assert a.title.endswith("（续）")


async def test_move_article_changes_toml_order(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await pilot.press("shift+down")
        await pilot.pause()
        assert main(app).node == NodeRef("article", 1)
        outline = main(app).query_one(OutlineTree)

        def on_moved(index: int) -> bool:  # the nodes are relabelled in place: the cursor follows the article
            node = outline.cursor_node
            return node is not None and node.data == NodeRef("article", index) and "拱墅区" in str(node.label)

        await until(pilot, lambda: on_moved(1))
        await pilot.press("shift+down")
        await until(pilot, lambda: on_moved(2))
        await pilot.press("shift+up")
        await until(pilot, lambda: on_moved(1))
        await pilot.press("ctrl+s")
        await pilot.pause()
    titles = [a.title[:3] for a in load_issue(sample_toml).articles[:3]]
    assert titles == ["西湖区", "拱墅区", "钱塘区"]


async def test_move_to_another_column(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")  # 监督纵横 is the first choice, 情况交流 the second
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    issue = load_issue(sample_toml)
    moved = next(a for a in issue.articles if a.title.startswith("拱墅区"))
    assert moved.column == "情况交流"
    assert [a.column for a in issue.articles].index("情况交流") < issue.articles.index(moved)


async def test_new_brief_with_chinese_text(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("column", column="信息摘登"))
        await pilot.press("b")
        await pilot.pause()
        screen = main(app)
        assert screen.query_one("#article-body").has_focus
        await type_text(pilot, "富阳区人大常委会开展专题调研。")
        await focus(pilot, "#article-unit")
        await type_text(pilot, "富阳区人大常委会办公室")
        await focus(pilot, "#article-authors")
        await type_text(pilot, "李明")
        await pilot.press("ctrl+s")
        await pilot.pause()
    briefs = load_issue(sample_toml).articles_in("信息摘登")
    assert len(briefs) == 4
    assert briefs[-1].title == "" and briefs[-1].paragraphs == ["富阳区人大常委会开展专题调研。"]
    assert briefs[-1].byline.unit == "富阳区人大常委会办公室" and briefs[-1].byline.authors == ["李明"]  # type: ignore[union-attr]


async def test_new_article_goes_to_the_current_column(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 3))  # 监督纵横
        await pilot.press("a")
        await pilot.pause()
        assert main(app).query_one("#article-title").has_focus
        await type_text(pilot, "临安区：新文章")
        await settle(pilot)
        issue = main(app).session.issue
        assert issue.articles[4].column == "监督纵横" and issue.articles[4].title == "临安区：新文章"


async def test_delete_confirm_and_undo(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 1))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # 是
        await pilot.pause()
        issue = main(app).session.issue
        assert len(issue.articles) == 8 and not any(a.title.startswith("西湖区") for a in issue.articles)
        assert main(app).node == NodeRef("article", 1)  # the cursor stays: on the next of the column, 钱塘区
        assert issue.articles[1].title.startswith("钱塘区")
        main(app).query_one(OutlineTree).focus()
        await pilot.press("u")
        await pilot.pause()
        issue = main(app).session.issue
        assert len(issue.articles) == 9 and issue.articles[1].title.startswith("西湖区")
        assert main(app).node == NodeRef("article", 1)  # undo brings it back under the cursor
        await pilot.press("down", "delete")  # 钱塘区, the last of its column
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: len(main(app).session.issue.articles) == 8)
        assert main(app).node == NodeRef("article", 1)  # no next one: the one before, 西湖区
        await select(pilot, NodeRef("article", 5))  # the first of 信息摘登's three briefs
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: len(main(app).session.issue.articles) == 7)
        assert main(app).node == NodeRef("article", 5)  # the next brief, not the column's last


async def test_undo_and_redo_keep_the_cursor_on_the_article_they_concern(sample_toml: Path) -> None:
    """Undoing a move takes the cursor back with the article, as the move did; undoing a delete shows
    the article brought back, wherever the cursor went; redoing the delete leaves it where a delete does."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        outline = screen.query_one(OutlineTree)

        def on(index: int, title: str) -> bool:
            node = outline.cursor_node
            return (
                screen.node == NodeRef("article", index)
                and node is not None
                and node.data == NodeRef("article", index)
                and title in str(node.label)
            )

        await select(pilot, NodeRef("article", 0))  # 拱墅区, the first of 助力攻坚
        await pilot.press("shift+down")
        await until(pilot, lambda: on(1, "拱墅区"))
        await pilot.press("u")  # back up: the cursor with it, not left on 西湖区
        await until(pilot, lambda: on(0, "拱墅区"))
        await pilot.press("U")  # and down again
        await until(pilot, lambda: on(1, "拱墅区"))
        await pilot.press("u")
        await until(pilot, lambda: on(0, "拱墅区"))
        await select(pilot, NodeRef("article", 1))  # 西湖区
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # 是
        await until(pilot, lambda: on(1, "钱塘区"))
        await select(pilot, NodeRef("article", 4))  # elsewhere, then undo
        await pilot.press("u")
        await until(pilot, lambda: on(1, "西湖区"))  # the article brought back is shown
        await pilot.press("U")  # deleted again: the next of its column takes the cursor
        await until(pilot, lambda: on(1, "钱塘区"))


async def test_delete_can_be_cancelled(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 1))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(main(app).session.issue.articles) == 9


async def test_add_rename_remove_column(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("masthead"))
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # the first catalogue column not in the issue: 专题报道
        await pilot.pause()
        names = [c.name for c in main(app).session.issue.columns]
        assert names[0] == "专题报道"
        await select(pilot, NodeRef("column", column="专题报道"))
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # 立法动态
        await pilot.pause()
        assert main(app).session.issue.columns[1].name == "立法动态" or "立法动态" in [
            c.name for c in main(app).session.issue.columns
        ]
        await select(pilot, NodeRef("column", column="立法动态"))
        await pilot.press("x")
        await pilot.pause()
        assert "立法动态" not in [c.name for c in main(app).session.issue.columns]
        await select(pilot, NodeRef("column", column="助力攻坚"))
        await pilot.press("x")  # refused: it has articles
        await pilot.pause()
        assert "助力攻坚" in [c.name for c in main(app).session.issue.columns]


async def _new_column(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await select(pilot, NodeRef("masthead"))
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("tab")
    await type_text(pilot, name)
    await pilot.press("enter")
    await until(pilot, lambda: name in [c.name for c in main(pilot.app).session.issue.columns])


async def test_a_new_column_joins_the_catalogue_only_at_a_save_when_the_user_agrees(
    sample_toml: Path,
) -> None:
    from tui.app.dialogs import ChoiceDialog

    house_file = sample_toml.parent.parent / "bulletin.toml"
    before = house_file.read_bytes()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _new_column(pilot, "街道风采")
        assert house_file.read_bytes() == before  # nothing written yet
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "“街道风采”" in app.screen.body  # type: ignore[attr-defined]
        await pilot.press("right", "enter")  # 加入目录并保存
        await until(pilot, lambda: not main(app).session.dirty)
    house = house_file.read_text(encoding="utf-8")
    assert 'name = "街道风采"' in house and "# House configuration" in house  # comments kept
    assert "街道风采" in [c.name for c in load_issue(sample_toml).columns]


async def test_a_new_column_removed_again_or_refused_leaves_the_house_file_alone(sample_toml: Path) -> None:
    from tui.app.dialogs import ChoiceDialog

    house_file = sample_toml.parent.parent / "bulletin.toml"
    before = house_file.read_bytes()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _new_column(pilot, "街道风采")
        await select(pilot, NodeRef("column", column="街道风采"))
        await pilot.press("x")
        await until(pilot, lambda: "街道风采" not in [c.name for c in main(app).session.issue.columns])
        await pilot.press("ctrl+s")  # nothing to ask: the column is gone
        await until(pilot, lambda: not main(app).session.dirty)
        assert not isinstance(app.screen, ChoiceDialog)
        await _new_column(pilot, "基层声音")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # 仅保存本期
        await until(pilot, lambda: not main(app).session.dirty)
    assert house_file.read_bytes() == before
    assert "基层声音" in [c.name for c in load_issue(sample_toml).columns]


async def test_rename_a_column_to_a_new_name_and_move_columns(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        names = [c.name for c in screen.session.issue.columns]
        await select(pilot, NodeRef("column", column=names[0]))
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "攻坚一线")
        await pilot.press("enter")
        await until(pilot, lambda: screen.session.issue.columns[0].name == "攻坚一线")
        assert {a.column for a in screen.session.issue.articles[:3]} == {"攻坚一线"}
        await select(pilot, NodeRef("column", column="攻坚一线"))
        await pilot.press("shift+down")
        await until(pilot, lambda: screen.session.issue.columns[1].name == "攻坚一线")
        issue = screen.session.issue
        order = [c.name for c in issue.columns]
        assert [a.column for a in issue.articles] == sorted(
            (a.column for a in issue.articles), key=order.index
        )
        await pilot.press("u")  # one undo step
        await until(pilot, lambda: screen.session.issue.columns[0].name == "攻坚一线")


async def test_next_finding_selects_the_span_and_fix_applies(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        screen = main(app)
        await until(
            pilot, lambda: bool(screen.query("#article-body")) and screen.query_one("#article-body").has_focus
        )
        f = screen.current_finding
        assert f is not None and f.rule == "typography.halfwidth-comma" and f.location.article == 0
        body = screen.query_one("#article-body")
        await until(pilot, lambda: body.selected_text == ",")  # type: ignore[attr-defined]
        await pilot.press("f4")
        await pilot.pause()
        text = screen.session.issue.articles[0].paragraphs[2]
        assert "穿透式监督，实现" in text
        assert len(screen.session.findings()) == 167
        await pilot.press("f8")  # the next one
        await pilot.pause()
        assert screen.current_finding.location.start > f.location.start  # type: ignore[union-attr]
        await pilot.press("shift+f8")  # from the first, round to the last
        await pilot.pause()
        assert screen.current_finding.rule == "typography.halfwidth-parenthesis"  # type: ignore[union-attr]
        main(app).query_one(OutlineTree).focus()
        await pilot.press("u")  # the fix is undoable
        await pilot.pause()
        assert "穿透式监督,实现" in screen.session.issue.articles[0].paragraphs[2]


async def test_title_finding_selects_in_the_input(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        target = next(f for f in screen.session.findings() if f.rule == "title.halfwidth-colon")
        screen.jump_to(target)
        await until(
            pilot,
            lambda: bool(screen.query("#article-title")) and screen.query_one("#article-title").has_focus,
        )
        title = screen.query_one("#article-title")
        await until(pilot, lambda: title.selected_text == ":")  # type: ignore[attr-defined]


async def test_waive_writes_the_waiver(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "f3")
        await pilot.pause()
        await type_text(pilot, "原文如此")
        await pilot.press("tab")
        await pilot.press("ctrl+a")  # ctrl+a: start of the field; then replace the default name
        await pilot.press("shift+end", "backspace")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await pilot.pause()
        screen = main(app)
        assert "1 已豁免" in str(screen.query_one("#checks").border_title)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (w,) = load_issue(sample_toml).waivers
    assert (w.rule, w.reason, w.by, w.text, w.article, w.paragraph) == (
        "typography.halfwidth-comma",
        "原文如此",
        "王校对",
        ",",
        0,
        2,
    )


async def test_sign_off_refused_with_errors(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        shown = record_notifications(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert main(app).session.issue.signoffs == []
        assert any("不能签发" in m for m in shown)


async def test_sign_off_on_a_clean_issue(tmp_path: Path, archive: Path) -> None:
    from rulekit import clean_issue
    from tui.files.storage import save_issue

    path = archive / "2025-13.toml"
    save_issue(clean_issue(), path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("tab")  # role select -> name (prefilled with the editor)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (s,) = load_issue(path).signoffs
    assert (s.role, s.name) == ("editor", "杨青青")


async def test_preview_toggle(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        editor = main(app).query_one("#editor")
        await until(pilot, lambda: editor.current == "preview")  # type: ignore[attr-defined]
        preview = main(app).query_one("#preview-text")
        await until(pilot, lambda: "第12期（总第718期）" in str(preview.render()))
        lines = str(preview.render()).split("\n")
        assert any("钱塘区人大常委会办公室" in line for line in lines)
        from rich.cells import cell_len

        width = preview.content_size.width
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[:1] in ("，", "。", "、", "；", "：") for line in lines)  # 禁则
        await pilot.press("f5")
        await pilot.pause()
        assert editor.current == "masthead-card"  # type: ignore[attr-defined]


async def test_masthead_edit_updates_numbering_findings(sample_toml: Path) -> None:
    (sample_toml.parent / "2025-11.toml").write_text(
        sample_toml.read_text(encoding="utf-8")
        .replace("number = 12", "number = 11")
        .replace("cumulative = 718", "cumulative = 717")
        .replace("date = 2025-11-14", "date = 2025-10-31"),
        encoding="utf-8",
    )
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        card = screen.query_one("#masthead-card")
        assert "第12期（总第718期）" in str(card.render())  # the archive's expectation shows on the card
        await select(pilot, NodeRef("masthead"))
        await pilot.press("enter")  # on the outline's 报头: the form opens on its first field
        await until(
            pilot,
            lambda: bool(screen.query("#masthead-name")) and screen.query_one("#masthead-name").has_focus,
        )
        assert "第12期（总第718期）" in str(screen.query_one("#masthead-hint").render())
        await focus(pilot, "#masthead-number", end=True)
        await pilot.press("backspace", "5")
        await settle(pilot)
        assert screen.session.issue.masthead.number == 15
        assert "numbering.number" in [f.rule for f in screen.session.findings()]
        assert "第15期" in app.sub_title


async def test_endblock_edit(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("endblock"))
        await focus(pilot, "#endblock-phone", end=True)
        await type_text(pilot, "、13800000000")
        await focus(pilot, "#endblock-distribution", end=True)
        await pilot.press("enter")
        await type_text(pilot, "各街道人大工委")
        await pilot.press("ctrl+s")
        await pilot.pause()
    e = load_issue(sample_toml).endblock
    assert e.phone == "(0571)85250657、13800000000"
    assert e.distribution[-1] == "各街道人大工委" and len(e.distribution) == 3


async def test_help_screen_lists_bindings(sample_toml: Path) -> None:
    from tui.app.help import HelpScreen

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("Static").render())
        for label in (
            "保存",
            "另存为",
            "下一个问题",
            "应用修正",
            "豁免",
            "签发",
            "新建文章",
            "删除稿件",
            "撤销",
            "查找",
            "替换",
            "切换窗格",
            "剪切/复制/粘贴",
            "Ctrl+Z / Ctrl+Y",
            "全选",
        ):
            assert label in text
        await pilot.press("escape")
        await pilot.pause()
        main(app)


async def test_toggle_checks_pane(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        checks = main(app).query_one("#checks")
        assert checks.display
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert main(app).has_class("checks-large")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not checks.display or main(app).has_class("checks-hidden")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert checks.display


async def test_command_palette_lists_actions(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("保存", "新建文章", "豁免", "签发", "预览", "退出"):
            assert title in titles


def test_authors_as_typed() -> None:
    from tui.app.forms import split_names

    assert split_names("李 明") == ["李明"]  # a padded two-character name
    assert split_names("石　晗　刘　鹏") == ["石晗", "刘鹏"]
    assert split_names("石晗、刘鹏") == ["石晗", "刘鹏"]
    assert split_names("宋玉凤 王小明") == ["宋玉凤", "王小明"]
    assert split_names("") == []


async def test_escape_returns_to_the_outline(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-title")
        await pilot.press("escape")
        await pilot.pause()
        assert main(app).query_one(OutlineTree).has_focus


@pytest.mark.parametrize(
    "text",
    ["甲。\n\n乙。", "  甲\n乙  \n\n\n\u3000丙", "\n\n甲\n \n乙\n", "", "   ", "甲 乙\n丙\n\n丁"],
)
def test_body_paragraphs_and_positions_agree(text: str) -> None:
    from tui.model.bodytext import _blocks, _kept, paragraphs_of

    slow = ["".join(raw[i] for i in _kept(raw)) for _, raw in _blocks(text)]
    assert paragraphs_of(text) == [p for p in slow if p]


def _outline_labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    tree = main(app).query_one(OutlineTree)
    out: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            out.append(str(child.label))
            walk(child)

    walk(tree.root)
    return out


async def test_the_outline_follows_typing_and_rechecks(sample_toml: Path) -> None:
    """Counts and labels change in place as the user types (the tree is not rebuilt for that)."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await select(pilot, NodeRef("article", 8))  # 建德市: no findings
        assert any(label.startswith("建德市") for label in _outline_labels(app))
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "好,好。")
        await until(pilot, lambda: any(label.startswith("●1 建德市") for label in _outline_labels(app)))
        await focus(pilot, "#article-title", end=True)  # a brief: a title makes it a titled article
        await type_text(pilot, "建德市：新标题")
        # The new title shows at once, with the comma's error and the titled brief's (信息摘登 has no titles).
        await until(pilot, lambda: "●2 建德市：新标题" in _outline_labels(app))


async def test_the_command_palette_speaks_chinese(sample_toml: Path) -> None:
    """Its placeholder, a search, and a search that matches nothing: no English in the Chinese UI."""
    from textual.command import CommandInput, CommandList, CommandPalette

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        assert palette.query_one(CommandInput).placeholder == "搜索命令…"
        await type_text(pilot, "保存")
        commands = palette.query_one(CommandList)
        await until(pilot, lambda: any("保存" in str(o.prompt) for o in commands.options))
        await pilot.press(*["backspace"] * 2)
        await type_text(pilot, "xyzzy不存在")
        await until(pilot, lambda: any("没有匹配的命令" in str(o.prompt) for o in commands.options))
        await pilot.pause(1.2)  # past Textual's own no-match countdown
        assert not any("No matches" in str(o.prompt) for o in commands.options)


async def test_a_new_titled_article_is_untitled_not_an_empty_brief(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))
        await pilot.press("a")
        await until(pilot, lambda: len(screen.session.issue.articles) == 10)
        outline = screen.query_one(OutlineTree)
        await until(
            pilot, lambda: outline.cursor_node is not None and "（无标题）" in str(outline.cursor_node.label)
        )
        labels = [str(n.label) for n in outline.root.children[1].children]
        assert not any("空摘登" in label for label in labels)


async def test_a_long_title_shows_whole_its_start_in_view(sample_toml: Path) -> None:
    """A title wider than its field wraps (区名： stays in view), also while one types at its end."""
    from rich.cells import cell_len

    app = make_app(sample_toml)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 1))
        title = screen.query_one("#article-title")
        full = screen.session.issue.articles[1].title
        assert title.size.width < cell_len(full)  # one line could not show it whole

        def shown() -> str:
            return "".join(title.render_line(y).text for y in range(title.size.height)).replace(" ", "")

        assert title.size.height >= 2 and shown() == full.replace(" ", "")
        assert (
            screen.query_one("#article-unit").region.y >= title.region.bottom
        )  # no line hidden under the next row
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "新进展")
        await until(pilot, lambda: shown().startswith("西湖区") and shown().endswith("新进展"))


async def test_ctrl_z_and_ctrl_y_in_a_one_line_field(sample_toml: Path) -> None:
    """A typed run is one step, a mark ends it; undo reaches the model; a loaded value is not a step."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))

        def unit() -> str:
            byline = screen.session.issue.articles[0].byline
            return byline.unit if byline is not None else ""

        original = unit()
        title = await focus(pilot, "#article-unit", end=True)
        await type_text(pilot, "续篇，补记")
        assert title.value == original + "续篇，补记"
        await until(pilot, lambda: unit() == original + "续篇，补记")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: title.value == original + "续篇，")
        await pilot.press("ctrl+z", "ctrl+z")
        await until(pilot, lambda: title.value == original)
        await pilot.press("ctrl+z")  # nothing older: the loaded title stays
        await pilot.pause()
        assert title.value == original
        await until(pilot, lambda: unit() == original)
        await pilot.press("ctrl+y")
        await until(pilot, lambda: title.value == original + "续篇")
        await until(pilot, lambda: unit() == original + "续篇")


def test_the_text_keys_the_help_lists_are_bound() -> None:
    """The help's editing keys are what the body (TextArea) and the fields (FieldInput) do."""
    from textual.binding import Binding
    from textual.widgets import Input, TextArea

    from tui.app.help import TEXT_KEYS
    from tui.app.text_fields import FieldInput, TitleArea

    def keys(cls: type) -> set[str]:
        found: set[str] = set()
        for klass in cls.__mro__:
            for b in getattr(klass, "BINDINGS", []):
                if isinstance(b, Binding):
                    found |= set(b.key.split(","))
        return found

    area, field = keys(TextArea), keys(FieldInput) | keys(Input)
    for key in ("ctrl+z", "ctrl+y", "ctrl+x", "ctrl+c", "ctrl+v", "ctrl+w", "ctrl+k", "ctrl+u", "f7"):
        assert key in area, key
    for key in (
        "ctrl+z",
        "ctrl+y",
        "ctrl+x",
        "ctrl+c",
        "ctrl+v",
        "ctrl+w",
        "ctrl+k",
        "ctrl+u",
        "ctrl+shift+a",
    ):
        assert key in field, key
    assert "ctrl+j" in keys(TitleArea)
    assert {k for k, _ in TEXT_KEYS} >= {"Ctrl+Z / Ctrl+Y", "F7", "Ctrl+W / Ctrl+K / Ctrl+U", "Ctrl+J"}


async def test_a_new_article_starts_from_its_column_template(sample_toml: Path) -> None:
    """助力攻坚's template (data/bulletin.toml): typing in the body replaces the first prompt; the rest are findings."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 0))
        await pilot.press("a")
        await until(pilot, lambda: len(screen.session.issue.articles) == 10)
        index = screen.node.index
        assert index is not None
        template = screen.session.house.catalogue_column("助力攻坚").template  # type: ignore[union-attr]
        assert screen.session.issue.articles[index].paragraphs == list(template) and len(template) == 4
        body = await focus(pilot, "#article-body")
        await until(pilot, lambda: body.selected_text.startswith("（开头："))
        await type_text(pilot, "区人大常委会开展专题调研。")
        await until(
            pilot, lambda: screen.session.issue.articles[index].paragraphs[0] == "区人大常委会开展专题调研。"
        )
        await settle(pilot)
        left = [f for f in screen.session.findings() if f.rule == "paragraph.template-left"]
        assert [f.location.paragraph for f in left if f.location.article == index] == [1, 2, 3]


def test_snapshot_new_article_from_template(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def new_article(pilot) -> None:  # type: ignore[no-untyped-def]
        await select(pilot, NodeRef("article", 0))
        await pilot.press("a")
        await until(pilot, lambda: len(main(pilot.app).session.issue.articles) == 10)
        await focus(pilot, "#article-body")
        await settle(pilot)

    assert snap_compare(make_app(sample_toml), terminal_size=(120, 40), run_before=new_article)


async def test_ctrl_j_breaks_a_long_title_by_hand_and_a_pasted_break_is_joined(sample_toml: Path) -> None:
    """Ctrl+J puts the editor's own break into the title (shown, saved as title_lines); a paste's break is not one."""
    from textual import events

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await select(pilot, NodeRef("article", 1))
        full = screen.session.issue.articles[1].title
        title = await focus(pilot, "#article-title")
        await pilot.press("home", "right", "right", "right", "right", "ctrl+j")
        await until(pilot, lambda: screen.session.issue.articles[1].title_breaks == (4,))
        assert screen.session.issue.articles[1].title == full  # no character added
        assert title.text == full[:4] + "\n" + full[4:]
        await until(pilot, lambda: title.region.height == 2)  # both lines shown, the unit row below them
        assert screen.query_one("#article-unit").region.y >= title.region.bottom
        await pilot.press("down", "end")
        app.post_message(events.Paste("续\n篇"))  # as a terminal's bracketed paste arrives
        await until(pilot, lambda: screen.session.issue.articles[1].title == full + "续篇")
        assert screen.session.issue.articles[1].title_breaks == (4,)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty)
    saved = load_issue(sample_toml).articles[1]
    assert (saved.title, saved.title_breaks) == (full + "续篇", (4,))
    assert f'"{full[:4]}",' in sample_toml.read_text(encoding="utf-8")


async def test_text_typed_then_moved_at_once_is_checked_where_it_went(sample_toml: Path) -> None:
    """A comma typed, then the article moved before its check ran: the finding comes, at the new place."""
    from tui.checks.rules import check_issue

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await select(pilot, NodeRef("article", 8))  # 建德市, the last brief of 信息摘登: no findings
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "好,好。")
        await pilot.press("escape", "shift+up")  # at once: the typed text's check has not run yet
        await until(pilot, lambda: screen.node == NodeRef("article", 7))
        await settle(pilot)
        issue = screen.session.issue
        assert issue.articles[7].paragraphs[-1].endswith("好,好。")
        commas = [f for f in screen.session.findings() if f.location.article == 7]
        assert [f.rule for f in commas] == ["typography.halfwidth-comma"]
        assert screen.session.findings() == check_issue(issue, screen.session.house, screen.session.archive)
