"""The changes view (F9): since the last save, since the sign-off, against another file."""

from __future__ import annotations

from pathlib import Path

from apphelp import checked, focus, main, make_app, record_notifications, select, type_text, until
from tui.app.changes_view import ChangesScreen
from tui.app.outline_nodes import NodeRef
from tui.files.storage import load_issue, save_issue

SIZE = (120, 36)


def _report(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#changes-report").render())


async def test_changes_since_the_last_save_follow_the_typing_and_go_with_a_save(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        assert "两个版本内容相同" in _report(app)
        await pilot.press("escape")
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "（续）")
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        report = _report(app)
        assert "比较 上次保存 →" in report and "{+（续）+}" in report and "改标题 1 篇" in report
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not main(app).session.dirty)
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        assert "两个版本内容相同" in _report(app)


async def test_changes_against_another_file_and_a_bad_file_named(sample_toml: Path, tmp_path: Path) -> None:
    other = load_issue(sample_toml)
    other.articles[0].paragraphs[0] = other.articles[0].paragraphs[0].replace("常委会", "常务委员会", 1)
    older = tmp_path / "送审稿.toml"
    save_issue(other, older)
    broken = tmp_path / "坏文件.toml"
    broken.write_text("[masthead\n", encoding="utf-8")
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await checked(pilot)
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        await pilot.press("3")
        await until(pilot, lambda: bool(app.screen.query("#field-path")))
        await type_text(pilot, str(older))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen) and "送审稿.toml" in _report(app))
        assert "[-务委员-]" in _report(app)  # the file's 常务委员会 is the open issue's 常委会
        await pilot.press("3")
        await until(pilot, lambda: bool(app.screen.query("#field-path")))
        await type_text(pilot, str(broken))
        await pilot.press("enter")
        await until(pilot, lambda: any("坏文件.toml" in s and "第1行" in s for s in said))


async def test_changes_since_the_sign_off(sample_toml: Path) -> None:
    """Signed in the editor; a later edit is what changed since the sign-off."""
    issue = load_issue(sample_toml)
    app = make_app(sample_toml, review=False)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        screen = await checked(pilot)
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        await pilot.press("2")
        await until(pilot, lambda: any("还没有签发" in s for s in said))
        await pilot.press("escape")
        for finding in screen.session.active_errors():  # a clean issue to sign: waive what is open
            screen.session.waive(finding, "测试用", "校对员")
        screen.session.sign_off("proofreader", "李校对")
        await select(pilot, NodeRef("article", 1))
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "（修改）")
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        await pilot.press("2")
        await until(pilot, lambda: "签发（李校对" in _report(app))
        assert "{+（修改）+}" in _report(app) and issue.articles[1].title[:3] in _report(app)
