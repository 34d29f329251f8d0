"""The Textual application: opens a file (or the archive's newest issue) and hosts the screens.

The App stays small: it decides what to show first (an error, a recovery
offer, a lock warning, the editor) and asks before quitting with unsaved
changes.  The editing itself lives in MainScreen over a Session.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text as RichText
from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Vertical
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from tui.app import collector
from tui.app.collector import RestCollector
from tui.app.dialogs import ChoiceDialog
from tui.app.keybar import KeyBar
from tui.app.main_screen import MainScreen
from tui.app.messages import ChecksReady, OpenArchiveHit
from tui.app.palette import JianbaoCommands
from tui.app.status import StatusLine
from tui.app.strings import t
from tui.files import locking, recovery
from tui.model.errors import JianbaoError
from tui.model.i18n import Lang
from tui.session import Session

if TYPE_CHECKING:
    from tui.files.search_index import SearchHit


class ErrorScreen(Screen[None]):
    """A file that cannot be opened: the message, and a way out; never a traceback."""

    BINDINGS = [Binding("q,escape", "app.exit_now", "退出", id="quit")]

    def __init__(self, message: str, lang: Lang) -> None:
        super().__init__()
        self.message = message
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="error-box") as box:
            box.border_title = t("error_title", self.lang)
            yield Static(self.message, id="error-message", markup=False)
            yield Static(t("error_hint", self.lang), classes="hint")
        yield KeyBar(self.lang)


class JianbaoApp(App[None]):
    CSS_PATH = Path(__file__).with_name("jianbao.tcss")  # absolute: subclasses elsewhere find it too
    TITLE = "jianbao"
    BINDINGS = [Binding("ctrl+q", "quit", "退出", id="quit", priority=True)]
    COMMANDS = {JianbaoCommands}

    def __init__(
        self,
        path: Path | None,
        *,
        lang: Lang = "zh",
        review: bool = False,
        allow_fixes: bool = False,
        archive: Path | None = None,
        blink: bool = True,
    ) -> None:
        super().__init__()
        self.blink = blink
        self.path = path
        self.lang = lang
        self.review = review
        self.allow_fixes = allow_fixes
        self.archive = archive
        self.session: Session | None = None
        self.locked = False
        self._open_error: JianbaoError | None = None
        self.crash_message = ""
        self._goto: tuple[str, SearchHit] | None = None  # a search hit for the next editor to show
        # Set by ``run``: this app is the process's only one, so what lives as long as it may be
        # taken out of the garbage collector's reach (``gc.freeze``).  Tests run many apps in one
        # process and leave it off.
        self.owns_process = False
        self._frozen_after_check = False
        self._collector: RestCollector | None = None  # full collections at rest, once the issue is frozen
        self._rest_timer: Timer | None = None

    def run(self, **kwargs: Any) -> None:
        """Run as the process's one app.

        Everything imported so far lives as long as the app: freezing it takes it
        out of the collector's generations, so a full collection (about 17 ms at
        start-up) no longer walks every module, class and function of Textual
        and jianbao.  Only here: tests run many apps in one process.
        """
        self.owns_process = True
        gc.freeze()
        return super().run(**kwargs)

    @on(ChecksReady)
    def _freeze_after_first_check(self) -> None:
        """Once the issue is open and checked, freeze it too (the screen has taken the findings in).

        A 3,000-article issue with its 16,000 findings is some 200,000 objects
        that live as long as the session; left in the collector's care, a full
        collection walked them all (110 ms) every two or three structural
        edits.  Frozen, a collection walks only what was made since.  What is
        frozen and later dropped is still freed (by reference counting); only
        a cycle among frozen objects would stay, and the model has none.
        """
        if self.owns_process and not self._frozen_after_check:
            self._frozen_after_check = True
            gc.freeze()
            self._collect_at_rest()

    def _collect_at_rest(self) -> None:
        """Full collections only when the user pauses (app/collector.py): input restarts the wait."""
        self._collector = RestCollector()
        self._rest_timer = self.set_interval(collector.REST, self._collector.at_rest)

    async def on_event(self, event: events.Event) -> None:
        """Input restarts the wait before a full collection (see _collect_at_rest)."""
        if isinstance(event, events.InputEvent) and self._rest_timer is not None:
            self._rest_timer.reset()
        await super().on_event(event)

    # ------------------------------------------------------------ unexpected errors

    def action_command_palette(self) -> None:
        """The palette, with its placeholder in the UI's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=t("palette_placeholder", self.lang), id="--command-palette")
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Messages of the editor go to its status line; elsewhere (before it opens) a toast.

        A toast floats over the panes and loses the wide characters that meet a
        pane's edge under it (see ``app/status.py``); the status line has no pane under it.
        """
        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                line = screen.query(StatusLine)
                if line:
                    text = f"{title}：{message}" if title else message
                    line.first().show(
                        text, severity, self.NOTIFICATION_TIMEOUT if timeout is None else timeout
                    )
                    return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _handle_exception(
        self, error: Exception
    ) -> None:  # Textual offers no public hook for an unhandled error
        """Keep the text, log the details, and leave through the public ``exit`` with one plain message.

        Textual has no public hook for an unhandled exception; this override
        is the only private name jianbao uses, and a test pins what it does.
        If the report itself fails, Textual's own handling (its traceback)
        takes over, so the error is never hidden.
        """
        from tui.app.crash import crash_report

        try:
            self.crash_message = crash_report(self.session, error, self.lang)
        except Exception:
            self.crash_message = ""
        if not self.crash_message:
            super()._handle_exception(error)
            return
        self.bell()
        self.exit(return_code=1, message=RichText(self.crash_message))

    def get_default_screen(self) -> Screen[None]:
        """The editor itself when the file opens without questions: no second screen to build.

        Otherwise a blank screen, and ``on_mount`` shows the error or asks
        about the lock or the recovery file first.
        """
        if self.path is not None:
            try:
                self.session = Session.open(self.path, archive=self.archive, review=self.review)
            except JianbaoError as exc:
                self._open_error = exc
            else:
                if locking.holder(self.path) is None and self._recovery_file() is None:
                    self._take_lock()
                    return self._editor_screen()
        return Screen()

    def on_mount(self) -> None:
        if isinstance(self.screen, MainScreen):
            return
        if self._open_error is not None:
            self.push_screen(ErrorScreen(self._open_error.render(self.lang), self.lang))
        elif self.path is None:
            self._offer_new()
        elif self.session is not None:
            self._check_lock()

    def _open(self) -> None:
        assert self.path is not None
        try:
            self.session = Session.open(self.path, archive=self.archive, review=self.review)
        except JianbaoError as exc:
            self.push_screen(ErrorScreen(exc.render(self.lang), self.lang))
            return
        self._check_lock()

    def _offer_new(self) -> None:
        """An empty archive: offer to make its first issue (today's date)."""
        from tui.files.config import archive_dir

        archive = archive_dir(self.archive)

        def done(choice: str | None) -> None:
            if choice != "create":
                self.exit()
                return
            from tui.files.archive import make_next_issue, scan_lenient, write_new_issue
            from tui.files.config import load_house
            from tui.model.numbering import issue_filename

            try:
                house = load_house(archive)
                issue = make_next_issue(scan_lenient(archive, titles=False)[0], house, dt.date.today())
                self.path = write_new_issue(archive, issue, issue_filename(issue.masthead, house.style))
            except JianbaoError as exc:
                self.push_screen(ErrorScreen(exc.render(self.lang), self.lang))
                return
            self.archive = archive
            self._open()

        self.push_screen(
            ChoiceDialog(
                t("no_issue_title", self.lang),
                t("no_issue_body", self.lang, archive=archive),
                [("create", t("create", self.lang)), ("quit", t("quit", self.lang))],
            ),
            done,
        )

    # ------------------------------------------------------------ opening steps

    def _check_lock(self) -> None:
        assert self.path is not None
        holder = locking.holder(self.path)
        if holder is None:
            self._take_lock()
            self._check_recovery()
            return

        def done(choice: str | None) -> None:
            if choice == "edit":
                pass  # the lock stays the other editor's: only its owner removes it
            elif choice == "read_only":
                assert self.session is not None  # the lock question is asked only about an opened file
                self.session.read_only = True
            else:
                self.exit()
                return
            self._check_recovery()

        self.push_screen(
            ChoiceDialog(
                t("lock_title", self.lang),
                t("lock_body", self.lang, who=holder.describe()),
                [
                    ("read_only", t("lock_read_only", self.lang)),
                    ("edit", t("lock_edit_anyway", self.lang)),
                    ("quit", t("quit", self.lang)),
                ],
            ),
            done,
        )

    def _take_lock(self) -> None:
        assert self.path is not None
        self.locked = locking.acquire(self.path)

    def _recovery_file(self) -> recovery.Found | None:
        """A recovery file worth offering: left by a session that is gone, and the issue is editable."""
        assert self.path is not None
        if self.session is None or self.session.read_only:
            return None
        found = recovery.find_pending(self.path)
        return found[0] if found else None

    def _check_recovery(self) -> None:
        assert self.path is not None and self.session is not None
        found = self._recovery_file()
        if found is None:
            self._open_editor()
            return
        session = self.session
        when = found.written.strftime("%Y-%m-%d %H:%M:%S")
        body = t("recovery_body", self.lang, file=self.path.name, time=when)
        try:
            from tui.files.storage import loads_issue
            from tui.model.issuediff import describe

            body += "\n" + "\n".join(
                describe(session.issue, loads_issue(found.text(), found.path), self.lang)
            )
        except (JianbaoError, OSError) as exc:
            body += "\n" + (exc.render(self.lang) if isinstance(exc, JianbaoError) else str(exc))
        if session.changed_on_disk() or found.written.timestamp() < self.path.stat().st_mtime:
            body += "\n" + t("recovery_file_newer", self.lang)

        def done(choice: str | None) -> None:
            if choice == "restore":
                try:
                    session.restore_from(found)
                except JianbaoError as exc:
                    self.notify(exc.render(self.lang), severity="error")
            elif choice == "discard":
                recovery.discard_found(found)
            # Esc or 以后再说: the file stays, to be offered again next time
            self._open_editor()

        self.push_screen(
            ChoiceDialog(
                t("recovery_title", self.lang),
                body,
                [
                    ("restore", t("recovery_restore", self.lang)),
                    ("later", t("recovery_later", self.lang)),
                    ("discard", t("recovery_discard", self.lang)),
                ],
            ),
            done,
        )

    def _editor_screen(self) -> MainScreen:
        assert self.session is not None
        goto, self._goto = self._goto, None
        return MainScreen(self.session, self.lang, allow_fixes=self.allow_fixes or not self.review, goto=goto)

    @on(OpenArchiveHit)
    def _open_archive_hit(self, message: OpenArchiveHit) -> None:
        """Leave the open (saved) issue for another of the archive, at a search hit.

        The editor only asks with nothing unsaved.  The old session closes and
        its lock goes; the other file then opens as any file does: its lock and
        its recovery file are asked about first.
        """
        if self.session is not None:
            if self.session.dirty:
                return
            self.session.close()
        if self.locked and self.path is not None:
            locking.release(self.path)
            self.locked = False
        self.path, self.session = message.path, None
        self._goto = (message.query, message.hit)
        if len(self.screen_stack) > 1:
            self.switch_screen(Screen())  # the old editor goes, its timers with it
        else:
            # The first editor is the app's default screen, which Textual does not switch
            # away: it stays below, idle (its session closed and clean, its lock released).
            self.push_screen(Screen())
        self._open()

    def _open_editor(self) -> None:
        self.push_screen(self._editor_screen())

    # ------------------------------------------------------------ leaving

    async def action_quit(self) -> None:
        session = self.session
        if isinstance(self.screen, MainScreen):
            # A form still being mounted (the cursor has just moved to an article) is let finish first:
            # torn down half-way, Textual's Select failed in its own mount, and leaving read as a crash.
            await self.screen.settle_panes()
        if session is None or not session.dirty or not isinstance(self.screen, MainScreen):
            self.action_exit_now()
            return
        screen = self.screen

        def done(choice: str | None) -> None:
            if choice == "save":
                screen.action_save(then_quit=True)
            elif choice == "discard":
                session.discard_changes()  # the user's explicit choice: not offered again
                self.action_exit_now()

        self.push_screen(
            ChoiceDialog(
                t("b.quit", self.lang),
                t("confirm_quit", self.lang),
                [
                    ("save", t("save_and_quit", self.lang)),
                    ("discard", t("quit_discard", self.lang)),
                    ("cancel", t("cancel", self.lang)),
                ],
            ),
            done,
        )

    def action_exit_now(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        if self._collector is not None:
            self._collector.restore()
        if self.session is not None:
            self.session.close()
        if self.locked and self.path is not None:
            locking.release(self.path)

    # ------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        if isinstance(screen, MainScreen):
            from tui.app.outline import OutlineTree
            from tui.app.validation import FindingTable

            seen: set[str] = set()
            for b in [*MainScreen.BINDINGS, *OutlineTree.BINDINGS, *FindingTable.BINDINGS]:
                if not isinstance(b, Binding):
                    continue
                action = b.action.removeprefix("screen.")
                if not b.id or b.id in seen or not hasattr(screen, f"action_{action}"):
                    continue
                seen.add(b.id)
                if screen.check_action(action, ()) is False:
                    continue
                yield SystemCommand(t(f"b.{b.id}", self.lang), b.key, partial(screen.run_action, action))
        yield SystemCommand(t("b.quit", self.lang), "ctrl+q", self.action_quit)


def newest_issue(archive: Path) -> Path | None:
    """The archive's latest issue by date and number (unreadable files are skipped)."""
    from tui.files.archive import scan_lenient

    found, _ = scan_lenient(archive, titles=False)
    latest = max(found, key=lambda a: (a.masthead.date, a.masthead.cumulative), default=None)
    return latest.path if latest else None
