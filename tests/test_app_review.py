"""Proofreader mode, English UI, and the main screens as SVG snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from apphelp import SIZE, checked, flat_checks, main, make_app, select, type_text, until
from tui.app.keybar import KeyBar
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.validation import FindingTable
from tui.files.storage import load_issue


async def test_review_mode_text_is_read_only(sample_toml: Path) -> None:
    before = load_issue(sample_toml).articles[0]
    app = make_app(sample_toml, review=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        assert "校对模式" in app.sub_title
        await select(pilot, NodeRef("article", 0))
        assert screen.query_one("#article-body").read_only  # type: ignore[attr-defined]
        assert screen.query_one("#article-title").disabled
        for action in ("new_article", "delete_article", "move_up", "add_column"):
            assert screen.check_action(action, ()) is False
        await pilot.press("d", "a", "shift+down")  # structure keys do nothing
        await pilot.pause()
        assert load_issue(sample_toml).articles[0] == before == screen.session.issue.articles[0]
        await pilot.press("f8", "f4")  # fixes are not allowed without the switch
        await pilot.pause()
        assert screen.session.issue.articles[0] == before


async def test_review_waive_comment_and_save(sample_toml: Path) -> None:
    app = make_app(sample_toml, review=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "f3")
        await pilot.pause()
        await type_text(pilot, "保留原文")
        await pilot.press("tab")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await pilot.pause()
        await select(pilot, NodeRef("article", 2))
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "请核实“31条”的数字。")
        await pilot.press("tab")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await pilot.pause()
        assert "请核实" in str(main(app).query_one("#article-comments").render())
        await pilot.press("ctrl+g")  # refused: errors remain
        await pilot.pause()
        assert main(app).session.issue.signoffs == []
        await pilot.press("ctrl+s")
        await pilot.pause()
    issue = load_issue(sample_toml)
    assert [(w.reason, w.by) for w in issue.waivers] == [("保留原文", "王校对")]
    (c,) = issue.articles[2].comments
    assert (c.author, c.text) == ("王校对", "请核实“31条”的数字。")


async def test_review_with_fixes_allowed(sample_toml: Path) -> None:
    app = make_app(sample_toml, review=True, allow_fixes=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "f4")
        await pilot.pause()
        assert "穿透式监督，实现" in main(app).session.issue.articles[0].paragraphs[2]


async def test_english_interface(sample_toml: Path) -> None:
    app = make_app(sample_toml, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        assert "No. 12 (cumulative 718)" in app.sub_title
        assert str(screen.query_one("#checks").border_title).startswith("Checks: 168 errors")
        await pilot.press("f8")
        await pilot.pause()
        await flat_checks(pilot)
        row = screen.query_one(FindingTable).row_cells(0)
        assert "article 1" in str(row[1]) and "half-width comma" in str(row[2])
        descriptions = {description for _key, _shown, description, _on in screen.query_one(KeyBar).collect()}
        assert {"Save", "Next finding", "Waive", "Sign off"} <= descriptions


# ------------------------------------------------------------ snapshots


def test_snapshot_main_zh(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_toml), terminal_size=SIZE, run_before=checked)


def test_snapshot_main_en(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_toml, lang="en"), terminal_size=SIZE, run_before=checked)


def test_snapshot_article_80x24(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_article(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        await select(pilot, NodeRef("article", 2))

    assert snap_compare(make_app(sample_toml), terminal_size=(80, 24), run_before=open_article)


def test_snapshot_preview(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def preview(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        await pilot.press("f5")
        await until(pilot, lambda: main(pilot.app).query_one("#editor").current == "preview")

    assert snap_compare(make_app(sample_toml), terminal_size=SIZE, run_before=preview)


def test_snapshot_review_mode(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_article(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        await select(pilot, NodeRef("article", 0))

    assert snap_compare(make_app(sample_toml, review=True), terminal_size=SIZE, run_before=open_article)


def test_snapshot_waive_dialog(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def waive(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        pilot.app.screen.query_one("#findings").focus()  # the proofreader works down the checks pane
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause(0.3)  # the screen behind restyles after the dialog takes focus
        await pilot.pause()

    assert snap_compare(make_app(sample_toml), terminal_size=SIZE, run_before=waive)


def test_snapshot_malformed_file(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # a relative name keeps the picture free of the temporary folder
    Path("bad.toml").write_bytes(
        (Path(__file__).parent / "data" / "bad" / "unknown-edition.toml").read_bytes()
    )
    assert snap_compare(make_app(Path("bad.toml")), terminal_size=(100, 24))


def _label_of(app, ref: NodeRef) -> str:  # type: ignore[no-untyped-def]
    tree = main(app).query_one(OutlineTree)
    stack = list(tree.root.children)
    while stack:
        node = stack.pop()
        if node.data == ref:
            return str(node.label)
        stack += list(node.children)
    raise AssertionError(f"no node {ref}")


async def test_comments_show_in_the_outline_name_their_article_and_can_be_resolved(sample_toml: Path) -> None:
    from tui.app.dialogs import FormDialog

    app = make_app(sample_toml, review=True)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 2))
        assert "✎" not in _label_of(app, NodeRef("article", 2))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert "第3篇「钱塘区：“三聚三助”助推新质生产力高质量发展」" in app.screen.title_text  # type: ignore[attr-defined]
        await type_text(pilot, "请核实数字。")
        await pilot.press("tab")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await until(pilot, lambda: "✎1 " in _label_of(app, NodeRef("article", 2)))
        await pilot.press("ctrl+s")
        await pilot.pause()
    app = make_app(sample_toml)  # the editor deals with it
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "✎1 " in _label_of(app, NodeRef("article", 2)))
        await select(pilot, NodeRef("article", 2))
        await pilot.press("N")
        await until(pilot, lambda: "✎" not in _label_of(app, NodeRef("article", 2)))
        assert "（已处理）" in str(main(app).query_one("#article-comments").render())
        await pilot.press("u")  # one undo step takes it back
        await until(pilot, lambda: "✎1 " in _label_of(app, NodeRef("article", 2)))
        await pilot.press("N")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (c,) = load_issue(sample_toml).articles[2].comments
    assert (c.text, c.resolved) == ("请核实数字。", True)
    assert "resolved = true" in sample_toml.read_text(encoding="utf-8")


async def test_messages_go_to_the_status_line_whole(sample_toml: Path) -> None:
    """Not a toast over the panes, where wide characters at a pane's edge were lost (“，” showed as two spaces)."""
    from tui.app.status import StatusLine

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("f8", "f4")
        line = main(app).query_one(StatusLine)
        await until(pilot, lambda: line.message.startswith("已修正"))
        assert line.message == "已修正：“,” → “，”"
        assert "已修正：“,” → “，”" in str(line.render())


@pytest.mark.parametrize(
    ("lang", "size"), [("zh", (120, 40)), ("en", (120, 40)), ("zh", (80, 24)), ("en", (80, 24))]
)
def test_snapshot_grouped_checks(snap_compare, sample_toml: Path, lang: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The checks pane grouped by rule (g), the half-width commas' group opened."""

    async def grouped(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        table = main(pilot.app).query_one(FindingTable)
        table.focus()
        await pilot.pause()
        await until(pilot, lambda: bool(table.grouped))  # many findings: it opens grouped
        row = next(i for i in range(table.row_count) if table.row_cells(i)[3] == "typography.halfwidth-comma")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await until(pilot, lambda: "typography.halfwidth-comma" in table.expanded)

    assert snap_compare(make_app(sample_toml, lang=lang), terminal_size=size, run_before=grouped)
