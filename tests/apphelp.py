"""Driving the editor in tests: a copy of the sample, steady cursors, quiet waits."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from tui.app.app import JianbaoApp
from tui.app.main_screen import MainScreen
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.validation import FindingTable

SIZE = (140, 40)


def make_app(path: Path | None, **kwargs: object) -> JianbaoApp:
    kwargs.setdefault("blink", False)
    return JianbaoApp(path, **kwargs)  # type: ignore[arg-type]


def main(app: JianbaoApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


async def settle(pilot: Pilot) -> None:
    """Let debounced re-checks and workers finish, however slow the machine is.

    No fixed wait: an edit marks its article pending at once, and the loop
    below waits until the debounced re-check has taken it and finished.
    """
    await pilot.pause()
    screen = pilot.app.screen
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pending = isinstance(screen, MainScreen) and (screen.session.recheck_pending or screen.pane_stale)
        if not pending and not any(w.is_running for w in pilot.app.workers):
            break
        await pilot.pause(0.05)


async def checked(pilot: Pilot) -> MainScreen:
    """Wait for the first check, which the editor runs after its first paint."""
    screen = main(pilot.app)  # type: ignore[arg-type]
    await until(
        pilot, lambda: screen.session.checked and not screen.query_one("#checks").border_title.endswith("…")
    )
    return screen


async def select(pilot: Pilot, ref: NodeRef) -> None:
    await pilot.pause()  # let a pending outline rebuild place its cursor first
    screen = main(pilot.app)  # type: ignore[arg-type]
    outline = screen.query_one(OutlineTree)
    outline.focus()
    assert outline.select_ref(ref)
    # a form is mounted the first time it is needed, then loaded
    await until(pilot, lambda: screen.node == ref and screen.panes_ready)
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type as a terminal delivers a keyboard's or an input method's text: one key event a character.

    Pilot.press knows key names and drops full-width marks such as ，。 (their
    key names map to no character); a real terminal delivers them as
    characters, so they are posted here the same way, as the app's own events.
    """
    app = pilot.app
    for ch in text:
        key = ch if ch.isalnum() else ("space" if ch == " " else f"char_{ord(ch):x}")
        app.post_message(events.Key(key, ch))
        await pilot.pause()


async def focus(pilot: Pilot, selector: str, *, end: bool = False):  # type: ignore[no-untyped-def]
    """Focus a widget of the main screen (optionally with the cursor at the end of its text)."""
    widget = main(pilot.app).query_one(selector)  # type: ignore[arg-type]
    widget.focus()
    await pilot.pause()
    if end:
        if hasattr(widget, "document"):
            widget.move_cursor(widget.document.end)
        else:
            widget.cursor_position = len(widget.value)
        await pilot.pause()
    return widget


async def until(pilot: Pilot, condition, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until ``condition()`` holds: forms mount and spans are selected a few refreshes later.

    Up to ``seconds`` of the clock, not a count of pauses: on a loaded machine (CI, four
    workers on two cores, or more beside a heavy test) a start-up took over eight seconds,
    and waiting longer costs nothing when the condition comes true early.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


def dead_pid() -> int:
    """The pid of a process that has ended (for files left by a killed editor)."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(proc.stdout)


def leave_recovery(issue: Path, text: str, *, pid: int | None = None) -> Path:
    """A recovery file as an editing session leaves it (by default one whose process is gone)."""
    import json

    from tui.files import recovery

    rec = recovery.Recovery.for_session(issue)
    rec.write(text)
    meta = rec.path.with_suffix(".json")
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["pid"] = dead_pid() if pid is None else pid
    meta.write_text(json.dumps(data), encoding="utf-8")
    return rec.path


def record_notifications(app: JianbaoApp) -> list[str]:
    """Every message the app shows from now on, in order (the app's public notify, wrapped)."""
    shown: list[str] = []
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        shown.append(str(message))
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return shown


async def flat_checks(pilot: Pilot) -> FindingTable:
    """The checks pane focused and showing one row per finding (g, if it opened grouped by rule)."""
    table = pilot.app.screen.query_one(FindingTable)
    table.focus()
    await pilot.pause()
    if table.grouped:
        await pilot.press("g")
        await until(pilot, lambda: not table.grouped)
    return table


async def pick(pilot: Pilot, selector: str, label: str) -> None:
    """Choose the option whose label holds ``label`` in a dialog's Select, with the keys a user presses."""
    from textual.widgets import OptionList, Select

    widget = pilot.app.screen.query_one(selector, Select)
    widget.focus()
    await pilot.pause()
    await pilot.press("enter")
    overlay = widget.query_one(OptionList)
    await until(pilot, lambda: overlay.display and overlay.highlighted is not None)
    target = next(
        i for i in range(overlay.option_count) if label in str(overlay.get_option_at_index(i).prompt)
    )
    step = target - (overlay.highlighted or 0)
    await pilot.press(*(["down"] * step if step > 0 else ["up"] * -step))
    await pilot.press("enter")
    await until(pilot, lambda: not overlay.display)


async def filter_checks(pilot: Pilot, **choices: str) -> FindingTable:
    """Open the filter (f on the checks pane), choose an option per field by its label, press OK."""
    from tui.app.dialogs import FormDialog

    table = pilot.app.screen.query_one(FindingTable)
    table.focus()
    await pilot.pause()
    before = table.filter
    await pilot.press("f")
    await until(pilot, lambda: isinstance(pilot.app.screen, FormDialog))
    for key, label in choices.items():
        await pick(pilot, f"#field-{key}", label)
    await pilot.click("#ok")
    # The dialog's answer is applied a turn after it closes; a pause alone can end first
    # on a starved machine (Pilot's idle test reads the process's CPU time).
    await until(pilot, lambda: table.filter is not before)
    await pilot.pause()
    return table
