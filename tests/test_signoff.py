"""A sign-off approves the text as it was: a later change is reported until the issue is signed again."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, checked, focus, make_app, type_text, until
from conftest import run_cli
from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.files.storage import load_issue, save_issue
from tui.session import Session


def _session() -> Session:
    session = Session(path=Path("issue.toml"), issue=clean_issue(), house=HOUSE, archive=ARCHIVE)
    session.revalidate()
    return session


def _changed(session: Session) -> list[str]:
    session.revalidate()
    return [f.message.zh for f in session.findings() if f.rule == "signoff.changed"]


def test_a_change_after_signing_is_reported_until_signed_again() -> None:
    session = _session()
    session.sign_off("editor", "杨青青")
    assert session.issue.signoffs[-1].digest and _changed(session) == []
    session.add_comment(0, "李四", "请核实数据")  # a comment is not content
    assert _changed(session) == []
    session.set_field("title", "拱墅区：多措并举护航新质生产力“加速跑”（修订）", 0)
    (message,) = _changed(session)
    assert message.startswith("签发后已修改：杨青青于")
    session.sign_off("proofreader", "王五")
    assert _changed(session) == []


def test_check_strict_fails_on_a_changed_signed_issue(tmp_path: Path) -> None:
    session = _session()
    session.sign_off("editor", "杨青青")
    session.issue.articles[0].paragraphs.append("签发之后又加了一段。")
    path = tmp_path / "issue.toml"
    save_issue(session.issue, path)
    assert run_cli("check", str(path)).returncode == 0  # a warning
    r = run_cli("check", "--strict", str(path))
    assert r.returncode == 1 and "签发后已修改" in r.stdout


def test_check_output_names_the_latest_sign_off_and_whether_it_still_holds(tmp_path: Path) -> None:
    import json

    session = _session()
    session.sign_off("proofreader", "王校对")
    path = tmp_path / "issue.toml"
    save_issue(session.issue, path)
    at = f"{session.issue.signoffs[-1].at:%Y-%m-%d %H:%M}"
    r = run_cli("check", str(path))
    assert f"{path}: 已签发：王校对（校对）{at}" in r.stdout.splitlines()
    session.issue.articles[0].paragraphs.append("签发之后又加了一段。")
    save_issue(session.issue, path)
    r = run_cli("check", str(path))
    assert f"{path}: 已签发：王校对（校对）{at}，签发后已修改" in r.stdout.splitlines()
    data = json.loads(run_cli("check", str(path), "--format", "json").stdout)["files"][0]
    assert data["signoffs"][0]["name"] == "王校对" and data["changed_since_signoff"] is True
    en = run_cli("check", str(path), "--lang", "en").stdout
    assert f"signed off: 王校对 (proofreader) {at}, changed since" in en


async def test_the_editor_header_shows_the_sign_off(tmp_path: Path) -> None:
    session = _session()
    session.sign_off("proofreader", "王校对")
    path = tmp_path / "data" / "issues" / "issue.toml"
    path.parent.mkdir(parents=True)
    save_issue(session.issue, path)
    at = f"{session.issue.signoffs[-1].at:%Y-%m-%d %H:%M}"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        assert f"已签发：王校对（校对）{at}" in app.sub_title and "签发后已修改" not in app.sub_title
        from apphelp import select
        from tui.app.outline_nodes import NodeRef

        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "又改了一句。")
        await until(pilot, lambda: "签发后已修改" in app.sub_title)


async def test_signing_off_in_the_editor_shows_at_once_in_the_header(sample_toml: Path) -> None:
    """Fix every error from the grouped pane, sign off, save: keys only, as docs/checks.md writes them."""
    from tui.app.dialogs import ChoiceDialog, FormDialog
    from tui.app.validation import FindingTable

    app = make_app(sample_toml, review=True, allow_fixes=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = screen.query_one(FindingTable)
        await pilot.press("f6", "f6")  # outline → editor → checks
        await until(pilot, lambda: table.has_focus)
        while table.row_count:  # one X per kind, confirmed (→ Enter) when it touches several articles
            before = table.row_count
            await pilot.press("X")
            await pilot.pause()
            if isinstance(app.screen, ChoiceDialog):
                await pilot.press("right", "enter")
            await until(pilot, lambda before=before: table.row_count < before)  # type: ignore[misc]
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("tab")
        await type_text(pilot, "王校对")
        await pilot.press("enter")
        await until(pilot, lambda: "已签发：王校对（校对）" in app.sub_title)
        assert "签发后已修改" not in app.sub_title
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty)
    saved = load_issue(sample_toml)
    assert [s.name for s in saved.signoffs] == ["王校对"]
