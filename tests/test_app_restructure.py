"""The editor after a structural edit of a large issue: the re-check between keystrokes, and the collector.

A large issue's re-check after a delete runs in steps on the UI's loop
(session/checker.py); until it is done the checks pane still lists the
findings from before the edit, by their old indexes.  Nothing may act on
those: choosing one shows the findings as they now are instead of jumping,
and a fix of one is refused.  Here every issue is "large"
(``CHECKED_AT_ONCE`` = 0) and the steps are one article each with a pause
between them, so the re-check of the sample lasts seconds (or, where only
reading the findings may finish it, an hour).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from apphelp import SIZE, checked, main, make_app, record_notifications, select, settle, until
from tui.app import collector, main_screen
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NO_BADGE, NodeRef, badges, marker
from tui.app.validation import FindingTable
from tui.model.findings import Finding
from tui.session import session as session_module


@pytest.fixture
def slow_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "CHECKED_AT_ONCE", 0)
    monkeypatch.setattr(main_screen, "STRUCTURE_STEP", 0.0)  # one article a step
    monkeypatch.setattr(main_screen, "STRUCTURE_PAUSE", 0.15)


@pytest.fixture
def stalled_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The re-check takes its first step and waits an hour for the next: only reading the findings finishes it."""
    monkeypatch.setattr(session_module, "CHECKED_AT_ONCE", 0)
    monkeypatch.setattr(main_screen, "STRUCTURE_STEP", 0.0)
    monkeypatch.setattr(main_screen, "STRUCTURE_PAUSE", 3600.0)


async def test_a_finding_shown_before_a_delete_is_not_jumped_to_nor_fixed(
    sample_toml: Path, stalled_steps: None
) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        session = screen.session
        stale: Finding = next(
            f for f in session.findings() if f.fix is not None and (f.location.article or 0) >= 3
        )
        texts = [list(a.paragraphs) for a in session.issue.articles]
        await select(pilot, NodeRef("article", 0))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # 是
        await until(pilot, lambda: len(session.issue.articles) == len(texts) - 1)
        assert session.settling  # the findings shown are from before the delete
        # The outline shows the new order at once.
        labels = [str(n.label) for n in screen.query_one(OutlineTree).root.children[1].children]
        assert not any("拱墅区" in label for label in labels)

        table = screen.query_one(FindingTable)
        table.focus()
        table.move_to(stale)
        await pilot.pause()
        said = record_notifications(app)
        await pilot.press("x")  # apply the fix of a finding by an index that is now another article's
        await pilot.pause()
        assert [list(a.paragraphs) for a in session.issue.articles] == texts[1:]
        assert said  # told why not
        assert not session.settling  # and the findings are now the current ones

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        session = screen.session
        stale = next(f for f in session.findings() if (f.location.article or 0) >= 3)
        await select(pilot, NodeRef("article", 0))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: session.settling)
        table = screen.query_one(FindingTable)
        table.focus()
        table.move_to(stale)
        await pilot.pause()
        await pilot.press("enter")  # 定位: by the old index it would land in the next article
        await pilot.pause()
        assert screen.node != NodeRef("article", stale.location.article)
        assert not session.settling
        assert table.shown == session.findings()  # the pane lists the findings as they are now


@pytest.fixture
def pane_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large issue whose checks pane, after a move, follows the outline only an hour later."""
    monkeypatch.setattr(session_module, "CHECKED_AT_ONCE", 0)
    monkeypatch.setattr(main_screen, "PANE_LATER", 3600.0)


async def test_a_row_shown_before_a_move_is_not_jumped_to(sample_toml: Path, pane_waits: None) -> None:
    """After a move the outline and its counts are current at once; the pane's rows are not yet.

    A row chosen then (its finding by the index the article had) shows the
    pane anew instead of jumping: by the old index it would land on the
    neighbour the article changed places with.
    """
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        session = screen.session
        stale = next(f for f in session.findings() if f.location.article == 0)
        await select(pilot, NodeRef("article", 0))
        title = session.issue.articles[0].title
        await pilot.press("shift+down")
        await until(pilot, lambda: session.issue.articles[1].title == title)
        assert screen.pane_stale  # the rows are from before the move
        tree = screen.query_one(OutlineTree)
        moved = tree.root.children[1].children[1]
        assert str(moved.label).endswith(title)
        counts = badges(session.issue, session.findings()).get(NodeRef("article", 1), NO_BADGE)
        assert counts != NO_BADGE
        assert str(moved.label) == str(marker(counts)) + title  # its counts came with it
        table = screen.query_one(FindingTable)
        table.focus()
        table.move_to(stale)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.node == NodeRef("article", 1)  # not the neighbour now at index 0
        assert not screen.pane_stale
        assert table.shown == session.findings()


async def test_the_findings_land_between_keystrokes(sample_toml: Path, slow_steps: None) -> None:
    """While the re-check goes on, the outline moves; when it is done the pane and counts are a fresh check's."""
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        session = screen.session
        await select(pilot, NodeRef("article", 1))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: session.settling)
        await until(pilot, lambda: screen.node == NodeRef("article", 1))  # the next of its column
        await pilot.press("up")  # keys go on being handled meanwhile
        await until(pilot, lambda: screen.node == NodeRef("article", 0))
        await until(pilot, lambda: not session.settling, seconds=30)
        await settle(pilot)
        table = screen.query_one(FindingTable)
        assert table.shown == session.findings()
        assert main(app).node == NodeRef("article", 0)


async def test_full_collections_wait_for_a_pause(sample_toml: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the one app of its process, the editor makes full garbage collections only when input pauses.

    Keys come every 0.25 s or so for nearly two seconds, longer than the
    pause a collection waits for: each key starts the wait again, so none
    comes until the keys stop.
    """
    monkeypatch.setattr(collector, "REST", 1.0)
    before = gc.get_threshold()
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    app = make_app(sample_toml)
    app.owns_process = True  # as run() sets it
    gc.callbacks.append(count)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await checked(pilot)
            await until(pilot, lambda: gc.get_threshold()[2] == collector.FULL_NEVER)
            full.clear()
            for _ in range(7):  # keys keep coming, and garbage with cycles is made
                junk: list[list[object]] = [[] for _ in range(20_000)]
                for item in junk:
                    item.append(item)
                del junk
                await pilot.press("down")
                await pilot.pause(0.25)
            assert full == []  # owed, but the user is busy
            assert gc.get_count()[2] >= before[2]
            await until(pilot, lambda: bool(full))  # a pause: the collection comes
        assert gc.get_threshold() == before  # as found, once the app is gone
    finally:
        gc.callbacks.remove(count)
        gc.unfreeze()
