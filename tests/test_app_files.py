"""The editor never loses work: conflicts, failed saves, recovery, locks, bad files, quitting."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
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
)
from tui.app.app import ErrorScreen
from tui.app.dialogs import ChoiceDialog
from tui.app.outline_nodes import NodeRef
from tui.files import locking, recovery
from tui.files.storage import load_issue


async def _edit_title(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await select(pilot, NodeRef("article", 0))
    await focus(pilot, "#article-title", end=True)
    await type_text(pilot, text)
    await pilot.pause()


async def test_conflict_on_save_offers_choices(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "甲")
        other = sample_toml.read_text(encoding="utf-8").replace("杨青青", "李四")
        sample_toml.write_text(other, encoding="utf-8")  # someone else saved meanwhile
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert sample_toml.read_text(encoding="utf-8") == other  # nothing written yet
        await pilot.click("#choice-overwrite")
        await pilot.pause()
        assert not main(app).session.dirty
    assert load_issue(sample_toml).articles[0].title.endswith("甲")


async def test_conflict_reload_takes_the_disk_version(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "甲")
        sample_toml.write_text(
            sample_toml.read_text(encoding="utf-8").replace("杨青青", "李四"), encoding="utf-8"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#choice-reload")
        await pilot.pause()
        session = main(app).session
        assert session.issue.endblock.editor == "李四" and not session.issue.articles[0].title.endswith("甲")


async def test_save_as_writes_a_new_file(sample_toml: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.toml"
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "乙")
        await pilot.press("f12")
        await pilot.pause()
        field = app.screen.query_one("#field-path")
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).session.path == target and not main(app).session.dirty
    assert load_issue(target).articles[0].title.endswith("乙")
    assert not load_issue(sample_toml).articles[0].title.endswith("乙")


async def test_failed_save_keeps_the_buffer_dirty(sample_toml: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sample_toml.read_bytes()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        shown = record_notifications(app)
        await _edit_title(pilot, "丙")

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("os.replace", full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.undo()
        assert main(app).session.dirty
        messages = shown
        assert any("保存失败" in m and "磁盘空间不足" in m and "2025-12.toml" in m for m in messages)
    assert sample_toml.read_bytes() == before


async def test_quit_with_unsaved_changes_asks(sample_toml: Path) -> None:
    before = sample_toml.read_bytes()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "丁")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        main(app)  # still editing
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert sample_toml.read_bytes() == before


async def test_quit_save_and_quit(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "戊")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-save")
        await pilot.pause()
    assert load_issue(sample_toml).articles[0].title.endswith("戊")


async def test_autosave_writes_recovery_and_a_clean_save_removes_it(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.app.main_screen.AUTOSAVE_DELAY", 0.05)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(pilot, "己")
        await settle(pilot)
        rec = main(app).session.recovery.path
        assert rec.exists() and "己" in rec.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not rec.exists()


CRASH = """
import asyncio, sys, os
sys.path.insert(0, {tests!r})
from pathlib import Path
from apphelp import make_app, main, select, focus, type_text, settle
import tui.app.main_screen as ms
from tui.app.outline_nodes import NodeRef
ms.AUTOSAVE_DELAY = 0.05

async def go():
    app = make_app(Path({path!r}))
    async with app.run_test(size=(140, 40)) as pilot:
        await select(pilot, NodeRef("article", 6))
        await focus(pilot, "#article-body", end=True)
        await type_text(pilot, "崩溃前输入的文字")
        await settle(pilot)
        os._exit(9)  # killed: no save, no clean shutdown

asyncio.run(go())
"""


async def test_recovery_after_a_crash_is_offered_and_restores(sample_toml: Path, state_dir: Path) -> None:
    tests = str(Path(__file__).parent)
    env = {**os.environ, "JIANBAO_STATE_DIR": str(state_dir)}
    r = subprocess.run(
        [sys.executable, "-c", CRASH.format(tests=tests, path=str(sample_toml))],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 9, r.stderr
    assert "崩溃前输入的文字" not in sample_toml.read_text(encoding="utf-8")
    assert recovery.find_pending(sample_toml)
    # The killed process left its lock behind; its pid is gone, so the lock is stale.
    assert locking.holder(sample_toml) is None
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and "未保存" in app.screen.title_text
        await pilot.click("#choice-restore")
        await pilot.pause()
        session = main(app).session
        assert session.issue.articles[6].paragraphs[-1].endswith("崩溃前输入的文字")
        assert session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_issue(sample_toml).articles[6].paragraphs[-1].endswith("崩溃前输入的文字")
    assert not recovery.find_pending(sample_toml)
    assert not list(
        (state_dir / "recovery").iterdir()
    )  # the restored file was adopted, then removed by the save


async def test_recovery_can_be_discarded(sample_toml: Path) -> None:
    issue_text = sample_toml.read_text(encoding="utf-8").replace("杨青青", "恢复版")
    left = leave_recovery(sample_toml, issue_text)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert main(app).session.issue.endblock.editor == "杨青青"
    assert not left.exists()


def _foreign_lock(issue: Path) -> None:
    data = {"pid": 1, "host": socket.gethostname(), "user": "someone", "since": "2025-11-20T09:00:00+08:00"}
    locking.lock_path(issue).write_text(json.dumps(data), encoding="utf-8")


async def test_second_open_is_read_only_unless_insisted(sample_toml: Path) -> None:
    _foreign_lock(sample_toml)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and "someone@" in app.screen.body
        await pilot.click("#choice-read_only")
        await pilot.pause()
        screen = main(app)
        assert screen.session.read_only and "只读" in app.sub_title
        await select(pilot, NodeRef("article", 0))
        assert screen.query_one("#article-body").read_only  # type: ignore[attr-defined]
        shown = record_notifications(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("只读" in m for m in shown)
    assert (
        json.loads(locking.lock_path(sample_toml).read_text(encoding="utf-8"))["pid"] == 1
    )  # theirs, untouched


async def test_insisting_edits_but_leaves_the_lock_to_its_owner(sample_toml: Path) -> None:
    _foreign_lock(sample_toml)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choice-edit")
        await pilot.pause()
        assert not main(app).session.read_only
        assert json.loads(locking.lock_path(sample_toml).read_text(encoding="utf-8"))["pid"] == 1
    # only its owner removes a lock: the first editor still holds the file
    assert json.loads(locking.lock_path(sample_toml).read_text(encoding="utf-8"))["pid"] == 1


def test_stale_lock_of_a_dead_process_is_ignored(sample_toml: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout
    data = {"pid": int(dead), "host": socket.gethostname(), "user": "x", "since": "then"}
    locking.lock_path(sample_toml).write_text(json.dumps(data), encoding="utf-8")
    assert locking.holder(sample_toml) is None


async def test_malformed_file_shows_an_error_screen(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes((Path(__file__).parent / "data" / "bad" / "wrong-type-number.toml").read_bytes())
    before = bad.read_bytes()
    app = make_app(bad)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        text = str(app.screen.query_one("#error-message").render())
        assert "bad.toml" in text and "第6行" in text and "masthead.number" in text
        await pilot.press("q")
        await pilot.pause()
    assert bad.read_bytes() == before


async def test_empty_archive_offers_a_first_issue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "issues"
    monkeypatch.setenv("JIANBAO_ARCHIVE", str(archive))
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-create")
        await pilot.pause()
        screen = main(app)
        assert screen.session.issue.masthead.number == 1
    assert len(list(archive.glob("*.toml"))) == 1


def test_cli_opens_the_newest_issue(archive: Path) -> None:
    from tui.app.app import newest_issue

    (archive / "2024-20.toml").write_text(
        (archive / "2025-12.toml")
        .read_text(encoding="utf-8")
        .replace("date = 2025-11-14", "date = 2024-12-20"),
        encoding="utf-8",
    )
    assert newest_issue(archive) == archive / "2025-12.toml"
