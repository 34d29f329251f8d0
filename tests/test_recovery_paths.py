"""Every way unsaved work used to be lost through the recovery file, each kept closed by a test."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from apphelp import (
    SIZE,
    focus,
    leave_recovery,
    main,
    make_app,
    record_notifications,
    select,
    settle,
    type_text,
    until,
)
from conftest import run_cli
from tui.app.dialogs import ChoiceDialog
from tui.app.main_screen import MainScreen
from tui.app.outline_nodes import NodeRef
from tui.files import locking, recovery


def _with_editor(sample_toml: Path, name: str) -> str:
    return sample_toml.read_text(encoding="utf-8").replace("杨青青", name)


async def test_a_read_only_second_editor_leaves_the_first_editors_recovery_alone(sample_toml: Path) -> None:
    # The first editor is at work (its process, pid 1 here, is alive) and has autosaved.
    first = leave_recovery(sample_toml, _with_editor(sample_toml, "第一位"), pid=1)
    data = {"pid": 1, "host": socket.gethostname(), "user": "first", "since": "2025-11-20T09:00:00+08:00"}
    locking.lock_path(sample_toml).write_text(json.dumps(data), encoding="utf-8")
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-read_only")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert first.exists() and "第一位" in first.read_text(encoding="utf-8")


async def test_check_fix_after_a_crash_does_not_hide_the_recovery(sample_toml: Path) -> None:
    left = leave_recovery(sample_toml, _with_editor(sample_toml, "崩溃前"))
    r = run_cli("check", "--fix", str(sample_toml))
    assert r.returncode in (0, 1), r.stderr
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "杨青青" in body or "报尾" in body  # it says what differs
        assert "文件本身在此之后也被修改过" in body
        await pilot.press("escape")  # not now
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert left.exists()
    assert recovery.find_pending(sample_toml)


async def test_escape_on_the_recovery_question_keeps_it_for_next_time(sample_toml: Path) -> None:
    left = leave_recovery(sample_toml, _with_editor(sample_toml, "待恢复"))
    for _ in range(2):
        app = make_app(sample_toml)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))  # noqa: B023
            assert "改动" in app.screen.body or "报尾" in app.screen.body  # type: ignore[attr-defined]
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen))  # noqa: B023
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert left.exists()


async def test_discarding_restored_edits_on_quit_means_they_are_not_offered_again(sample_toml: Path) -> None:
    leave_recovery(sample_toml, _with_editor(sample_toml, "恢复后放弃"))
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-restore")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert main(app).session.issue.endblock.editor == "恢复后放弃"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert not recovery.find_pending(sample_toml)
    assert "恢复后放弃" not in sample_toml.read_text(encoding="utf-8")


async def test_an_unwritable_state_folder_turns_autosave_off_with_one_message(
    sample_toml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JIANBAO_STATE_DIR", str(blocker))  # the recovery folder cannot be made inside a file
    monkeypatch.setattr("tui.app.main_screen.AUTOSAVE_DELAY", 0.05)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        shown = record_notifications(app)
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "第一句。")
        await settle(pilot)
        await type_text(pilot, "第二句。")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # still running
        assert app.is_running
        off = [m for m in shown if "自动保存已停止" in m]
        assert len(off) == 1 and str(blocker) in off[0]
        assert main(app).session.issue.articles[0].paragraphs[-1].endswith("第一句。第二句。")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "第一句。第二句。" in sample_toml.read_text(encoding="utf-8")


async def test_a_recovery_name_too_long_for_the_disk_is_reported_not_fatal(
    tmp_path: Path, sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIANBAO_STATE_DIR", str(tmp_path / ("状态" * 50)))  # 300 bytes: too long a name
    monkeypatch.setattr("tui.app.main_screen.AUTOSAVE_DELAY", 0.05)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        shown = record_notifications(app)
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "甲")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert sum("自动保存已停止" in m for m in shown) == 1


async def test_the_conflict_question_shows_what_differs(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "（修订）")
        sample_toml.write_text(_with_editor(sample_toml, "同事改的"), encoding="utf-8")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "报尾有改动" in body and "（修订）" in body


async def test_a_file_deleted_on_disk_is_saved_again_not_a_crash(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("article", 0))
        await focus(pilot, "#article-title", end=True)
        await type_text(pilot, "甲")
        sample_toml.unlink()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "删除" in app.screen.title_text  # type: ignore[attr-defined]
        assert not app.screen.query("#choice-reload")  # nothing to reload from
        await pilot.click("#choice-recreate")
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and not main(app).session.dirty)
    assert sample_toml.exists() and "甲" in sample_toml.read_text(encoding="utf-8")


def test_edits_undone_back_to_the_saved_file_are_not_unsaved(sample_toml: Path, state_dir: Path) -> None:
    """●未保存 goes when the buffer is the file again; no recovery file repeats the file."""
    from tui.session import Session

    session = Session.open(sample_toml)
    session.save()
    title = session.issue.articles[0].title
    session.set_field("title", title + "（修订）", 0)
    assert session.dirty and session.autosave() is not None
    assert list(state_dir.rglob("*.toml"))  # the change is in this session's recovery file
    session.set_field("title", title, 0)  # typed back
    assert session.dirty  # until the next autosave looks
    assert session.autosave() is None
    assert not session.dirty and list(state_dir.rglob("*.toml")) == []
