"""The main screen: outline, editor and validation panes over one editing session."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header

from tui.app.archive_actions import ArchiveActions
from tui.app.coverage_panel import CoveragePanel
from tui.app.editor_pane import EditorPane, Shown
from tui.app.filing import FileActions
from tui.app.finding_detail import FindingDetail
from tui.app.keybar import KeyBar
from tui.app.keys import steady_cursors
from tui.app.messages import (
    ChecksReady,
    ColumnChanged,
    FieldEdited,
    FieldRejected,
    FindingChosen,
    FindingHighlighted,
    FindingsFiltered,
    MastheadOpened,
    QuarterLoaded,
    StructureChecked,
)
from tui.app.navigator import FindingNavigator
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.proofreading import ProofActions
from tui.app.search_actions import SearchActions
from tui.app.status import StatusLine
from tui.app.strings import t
from tui.app.structure import STRUCTURE_ACTIONS, StructureEditor
from tui.app.validation import FindingTable
from tui.checks.report import signoff_status
from tui.exporters.text import render_text
from tui.model.errors import JianbaoError
from tui.model.findings import Finding
from tui.model.i18n import Lang
from tui.model.issue import Issue
from tui.session import STRUCTURE_STEP, Recheck, Session

if TYPE_CHECKING:
    from tui.files.search_index import SearchHit

R = TypeVar("R")
CHECK_DELAY = 0.3  # seconds of quiet typing before a re-check
STRUCTURE_PAUSE = 0.002  # seconds between two steps of a structural edit's re-check
PANE_LATER = 0.002  # seconds after the outline that a large issue's checks pane is refreshed
# The editor pane shows the outline's node once the cursor rests this long.  Showing an
# article repaints the whole pane (its text area, its fields): done at each step of a held
# ↓ in a long outline, the cursor lagged behind the key.  The selection itself moves at
# once (keys act on the node the outline highlights), and the pane catches up before
# anything in it can take focus (set_focus), so nothing is ever typed into a stale form.
SHOW_DELAY = 0.08
AUTOSAVE_DELAY = 3.0  # seconds after the last change before the recovery file is written
WIDE = 120  # columns from which the checks pane sits at the right


class MainScreen(Screen[None]):
    """Outline, editor and checks over one session; the keys' logic lives in three controllers."""

    BINDINGS = [
        Binding("ctrl+s", "save", "保存", id="save", priority=True),
        Binding("f12", "save_as", "另存为", id="save_as"),
        Binding("f1", "help", "帮助", id="help", priority=True),
        Binding("f5", "toggle_preview", "预览", id="preview", priority=True),
        Binding("f8", "next_finding", "下一个问题", id="next_finding", priority=True),
        Binding("shift+f8", "prev_finding", "上一个问题", id="prev_finding", priority=True),
        Binding("f4", "apply_fix", "应用修正", id="apply_fix", priority=True),
        # F3 steps through a search while one is on (Esc ends it), and waives otherwise.
        Binding("f3", "next_hit", "下一处", id="next_hit", priority=True),
        Binding("shift+f3", "prev_hit", "上一处", id="prev_hit", priority=True),
        Binding("f3", "waive", "豁免", id="waive", priority=True),
        Binding("ctrl+f", "search", "查找", id="search", priority=True),
        Binding("f9", "changes", "改动对照", id="changes", priority=True),
        Binding("f2", "archive_search", "档案检索", id="archive_search", priority=True),
        Binding("ctrl+h,ctrl+r", "replace", "替换", id="replace", priority=True),
        Binding("ctrl+g", "sign_off", "签发", id="sign_off", priority=True),
        Binding("ctrl+l", "toggle_checks", "校验栏", id="toggle_checks", priority=True),
        Binding("f6", "next_pane", "切换窗格", id="next_pane", priority=True),
        Binding("escape", "focus_outline", "目录结构", id="focus_outline", show=False),
    ]

    def __init__(
        self,
        session: Session,
        lang: Lang,
        *,
        allow_fixes: bool = True,
        goto: tuple[str, SearchHit] | None = None,
    ) -> None:
        super().__init__()
        self._goto = goto  # an archive search hit to show once the screen is up (opened from 档案检索)
        # The archive's earlier issues of the quarter, with the masthead date they were read for.
        self._quarter: tuple[dt.date, list[Issue]] | None = None
        self._quarter_asked: dt.date | None = None
        self._painted = False
        self.session = session
        self.lang = lang
        self._signoff_status = ""  # 已签发：… for the header, from the last findings shown
        self._pane_due: list[Finding] | None = None  # findings the checks pane shows a moment later
        self.allow_fixes = allow_fixes
        self.node: NodeRef = NodeRef("masthead")
        self.editing_masthead = False  # the masthead shows as a card until the user goes to edit it
        self.current_finding: Finding | None = None
        self.checks_size = 1  # 0 hidden, 1 normal, 2 large
        self._check_timer: Timer | None = None
        self._autosave_timer: Timer | None = None
        self._show_timer: Timer | None = None
        self._show_due: NodeRef | None = None  # highlighted in the outline, not yet in the pane
        self.navigator = FindingNavigator(self)
        self.structure = StructureEditor(self)
        self.proof = ProofActions(self)
        self.files = FileActions(self)
        self.search = SearchActions(self)
        self.archive_search = ArchiveActions(self)

    # ------------------------------------------------------------ the keys, by controller

    def action_next_finding(self) -> None:
        self.navigator.next_finding()

    def action_prev_finding(self) -> None:
        self.navigator.prev_finding()

    def jump_to(self, finding: Finding) -> None:
        self.navigator.jump_to(finding)

    @on(FindingChosen)
    def _finding_chosen(self, event: FindingChosen) -> None:
        if self.pane_stale:  # a row shown before a structural edit: show what is there now instead
            self.refresh_findings()
            return
        self.navigator.jump_to(event.finding)

    @on(FindingHighlighted)
    def _finding_highlighted(self, event: FindingHighlighted) -> None:
        detail = self.query_one(FindingDetail)
        if event.finding is None and event.group is not None:
            detail.show_group(event.group, event.members)
        else:
            detail.show(event.finding)

    @on(FindingsFiltered)
    def _findings_filtered(self) -> None:
        self._title_checks()

    def _title_checks(self) -> None:
        """The checks pane's frame: counts and the filter at the top, counts per family at the bottom."""
        table, pane = self.query_one(FindingTable), self.query_one("#checks")
        if not self.session.checked:
            title, subtitle = t("checking", self.lang), ""
        else:
            title, subtitle = table.summary(), table.family_summary()
        # Setting a border title repaints the whole pane, even to the same text: only on a change.
        if pane.border_title != title:
            pane.border_title = title
        if (pane.border_subtitle or "") != subtitle:
            pane.border_subtitle = subtitle

    def action_new_article(self) -> None:
        self.structure.new_article()

    def action_new_brief(self) -> None:
        self.structure.new_brief()

    def action_move_up(self) -> None:
        self.structure.move_up()

    def action_move_down(self) -> None:
        self.structure.move_down()

    def action_move_to_column(self) -> None:
        self.structure.move_to_column()

    def action_delete_article(self) -> None:
        self.structure.delete_article()

    def action_undo(self) -> None:
        self.structure.undo()

    def action_redo(self) -> None:
        self.structure.redo()

    def action_add_column(self) -> None:
        self.structure.add_column()

    def action_rename_column(self) -> None:
        self.structure.rename_column()

    def action_remove_column(self) -> None:
        self.structure.remove_column()

    def action_apply_fix(self) -> None:
        self.proof.apply_fix()

    def action_waive(self) -> None:
        self.proof.waive()

    def action_mark_done(self) -> None:
        self.proof.mark_done()

    def action_unwaive(self) -> None:
        self.proof.unwaive()

    def action_fix_all(self) -> None:
        self.proof.fix_all_of_kind()

    def action_waive_all(self) -> None:
        self.proof.waive_all_of_kind()

    def action_search(self) -> None:
        self.search.open()

    def action_replace(self) -> None:
        self.search.open(replacing=True)

    def action_next_hit(self) -> None:
        self.search.step(1)

    def action_prev_hit(self) -> None:
        self.search.step(-1)

    def action_filter_findings(self) -> None:
        self.proof.filter_findings()

    def action_sign_off(self) -> None:
        self.proof.sign_off()

    def action_comment(self) -> None:
        self.proof.comment()

    def action_resolve_comments(self) -> None:
        self.proof.resolve_comments()

    def action_save(self, then_quit: bool = False) -> None:
        self.files.save(then_quit)

    def action_save_as(self) -> None:
        self.files.save_as()

    def action_import_word(self) -> None:
        self.files.import_word()

    def action_export(self) -> None:
        self.files.export()

    def action_proof_report(self) -> None:
        self.files.proof_report()

    def action_archive_search(self) -> None:
        self.archive_search.open()

    def action_changes(self) -> None:
        from tui.app.changes_view import ChangesScreen

        self.app.push_screen(ChangesScreen(self.session, self.lang))

    def action_help(self) -> None:
        from tui.app.help import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_hit", "prev_hit"):
            return self.search.searching
        if action in (*STRUCTURE_ACTIONS, "replace") and self.read_only:
            return False
        return not (action in ("apply_fix", "fix_all") and self.session.review and not self.allow_fixes)

    # ------------------------------------------------------------ what the controllers ask

    def guard(self, func: Callable[..., R], *args: Any, **kwargs: Any) -> tuple[bool, R | None]:
        """Run a session call: (True, result), or (False, None) after telling the user why not."""
        try:
            return True, func(*args, **kwargs)
        except JianbaoError as exc:
            self.notify(exc.message.get(self.lang), severity="warning")
            return False, None

    def after_structure(self, select: NodeRef) -> None:
        if self.session.settling:
            # A large issue: its re-check goes on between keystrokes (_carry_on), once this edit
            # is on screen. The outline shows the new order now; the findings and counts follow
            # when they are known, and the pane shows the selected node as after a cursor move.
            self._pane_due = None  # rows of the order before this edit: never shown on it
            self.query_one(OutlineTree).rebuild(self.session.issue, None, select=select)
            self.refresh_header()
            self.show_soon(select)
            self.call_after_refresh(self._carry_on)
        else:
            self.node = select
            self.refresh_findings(pane_later=self.session.large)  # a move: no re-check, but 16,000 rows
            self.show_node(select)
        self.schedule_autosave()
        if self.session.recheck_pending:  # typed text a move left to check (session/checker.py)
            self.schedule_check()

    def selected_article(self) -> int | None:
        if self.node.kind == "article" and self.node.index is not None:
            return self.node.index
        self.notify(t("not_article", self.lang), severity="warning")
        return None

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        self.set_classes(self._layout_classes(self.app.size.width))  # before the children mount
        yield Header()
        with Container(id="panes"):
            with Vertical(id="outline-pane"):
                yield OutlineTree(self.lang, id="outline")
                yield CoveragePanel(self.lang, id="coverage")
            pane = EditorPane(self.lang, id="editor")
            pane.units = sorted(self.session.house.known_units)
            yield pane
            with Vertical(id="checks"):
                yield FindingTable(self.lang, id="findings")
                yield FindingDetail(self.lang, id="finding-detail")
        with Vertical(id="footer-lines"):  # the status line above the key bar, both at the bottom
            yield StatusLine(id="status")
            yield KeyBar(self.lang, first=("help", "save"))

    def on_mount(self) -> None:
        outline = self.query_one(OutlineTree)
        self.query_one("#outline-pane").border_title = t("outline", self.lang)
        self.query_one("#editor").border_title = t("masthead", self.lang)
        steady_cursors(self)
        self._apply_layout(self.app.size.width)
        self.refresh_all(select=NodeRef("masthead"))
        self.show_node(NodeRef("masthead"))
        outline.focus()
        if self._goto is not None:
            self.call_after_refresh(self.archive_search.go_to, *self._goto)
        self.call_after_refresh(self._first_painted)
        if not self.session.checked:
            # The first check runs off the UI thread once the screen is painted:
            # the editor opens at once, whatever the size of the issue.
            self.call_after_refresh(lambda: self._recheck(self.session.first_check()))

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)

    def _layout_classes(self, width: int) -> set[str]:
        classes = {"wide" if width >= WIDE else "narrow"}
        if self.checks_size == 0:
            classes.add("checks-hidden")
        elif self.checks_size == 2:
            classes.add("checks-large")
        return classes

    def _apply_layout(self, width: int) -> None:
        """One class change at most: each change restyles every widget of the screen."""
        wanted = self._layout_classes(width)
        current = set(self.classes) & {"wide", "narrow", "checks-hidden", "checks-large"}
        if wanted != current:
            self.set_classes((set(self.classes) - current) | wanted)

    def action_focus_outline(self) -> None:
        """Esc: back to the outline, and the end of a search that F3 was stepping through."""
        self.search.end()
        self.query_one(OutlineTree).focus()

    def action_next_pane(self) -> None:
        """F6: outline → editor → checks → outline, as office programs move between panes."""
        panes: list[Widget] = [
            self.query_one(OutlineTree),
            self.query_one("#editor"),
            self.query_one("#checks"),
        ]

        def pane_of(widget: Widget | None) -> int:
            for i, pane in enumerate(panes):
                if widget is not None and (widget is pane or pane in widget.ancestors):
                    return i
            return -1

        chain = self.focus_chain  # what can take focus now, in order (shown widgets only)
        at = pane_of(self.focused)
        for step in range(1, len(panes) + 1):
            wanted = (at + step) % len(panes)
            target = next((w for w in chain if pane_of(w) == wanted), None)
            if target is not None:
                target.focus()
                return

    def action_toggle_checks(self) -> None:
        self.checks_size = (self.checks_size + 1) % 3
        self._apply_layout(self.app.size.width)

    @property
    def read_only(self) -> bool:
        return self.session.review or self.session.read_only

    # ------------------------------------------------------------ showing

    def refresh_header(self) -> None:
        m = self.session.issue.masthead
        sub = (
            f"第{m.number}期（总第{m.cumulative}期）"
            if self.lang == "zh"
            else f"No. {m.number} (cumulative {m.cumulative})"
        )
        if self.session.review:
            sub += "  " + t("review", self.lang)
        if self.session.read_only:
            sub += "  " + t("readonly", self.lang)
        if self.session.dirty:
            sub += "  " + t("unsaved", self.lang)
        if self._signoff_status:
            sub += "  " + self._signoff_status
        self.app.title = self.session.path.name
        self.app.sub_title = sub

    def refresh_findings(self, *, pane_later: bool = False) -> None:
        """The outline's counts, the header and the checks pane, from the session's findings.

        ``pane_later``: the checks pane follows a moment later, so that a
        large issue's structural edit (a move) or its findings landing (after
        a delete, an insert, an undo) are two pieces of work between
        keystrokes rather than one: at 3,000 articles each is some 10 ms
        plus its repaint.  Until then the pane's rows are stale, and choosing
        one shows the pane anew instead (:attr:`pane_stale`).
        """
        findings = self.session.findings()
        self.query_one(OutlineTree).rebuild(self.session.issue, findings, select=self.node)
        self._signoff_status = signoff_status(self.session.issue.signoffs, findings, self.lang)
        self.refresh_header()
        self._show_coverage()
        if pane_later:
            # A timer, not call_after_refresh: that runs in the same turn of the loop as the
            # repaint before it, and a key waits for both.
            self._pane_due = findings
            self.set_timer(PANE_LATER, partial(self._show_pane, findings))
        else:
            self._show_pane(findings, at_once=True)

    def _show_pane(self, findings: list[Finding], *, at_once: bool = False) -> None:
        if not at_once and self._pane_due is not findings:
            return  # shown meanwhile, or a structural edit came first: its own refresh follows
        self._pane_due = None
        table = self.query_one(FindingTable)
        # Which findings are new is worked out only for a list that shows just those (16,000
        # findings at 3,000 articles: not on every re-check).
        new = self.session.new_since_save(findings) if table.filter.new_only else None
        table.show(findings, new)
        self._title_checks()

    @property
    def pane_stale(self) -> bool:
        """The checks pane shows findings from before the last structural edit (its rows' places are old)."""
        return self.session.settling or self._pane_due is not None

    # ------------------------------------------------------------ coverage under the outline

    @work(thread=True, group="quarter")
    def _load_quarter(self) -> None:
        """Off the UI thread: the quarter's earlier issues are read from the archive."""
        self.post_message(QuarterLoaded(*self.session.earlier_in_quarter()))

    @on(QuarterLoaded)
    def _quarter_loaded(self, message: QuarterLoaded) -> None:
        self._quarter = (message.date, message.issues)
        self._show_coverage()

    def _first_painted(self) -> None:
        self._painted = True  # the archive is read for the coverage only now: the first paint comes first
        self._show_coverage()

    def _show_coverage(self) -> None:
        """The districts not yet in this quarter; the quarter's issues read again when the date changed."""
        if not self._painted:
            return
        date = self.session.issue.masthead.date
        if self._quarter is None or self._quarter[0] != date:
            if self._quarter_asked != date:  # one read for each date, not one per refresh
                self._quarter_asked = date
                self._load_quarter()
            return
        self.query_one(CoveragePanel).show(self.session.coverage(self._quarter[1]))

    def refresh_all(self, select: NodeRef | None = None) -> None:
        if select is not None:
            self.node = select
        self.refresh_findings()

    @property
    def panes_ready(self) -> bool:
        """The editor pane shows the selected node: no update is due and no form is still being mounted."""
        return self._show_due is None and self.query_one(EditorPane).ready

    async def settle_panes(self) -> None:
        """Wait until every form being mounted is there (before focusing a field in it)."""
        await self.query_one(EditorPane).settle()

    def focus_later(self, selector: str) -> None:
        """Focus a field once its form is mounted and loaded."""

        async def go() -> None:
            await self.settle_panes()
            self.call_after_refresh(lambda: self.query_one(selector).focus())

        self.call_next(go)

    def _select(self, ref: NodeRef) -> None:
        """The node the keys act on (the masthead leaves its form for its card once another is chosen)."""
        if ref.kind != "masthead":
            self.editing_masthead = False
        self.node = ref

    def _drop_due_node(self) -> None:
        self._show_due = None
        if self._show_timer is not None:
            self._show_timer.stop()
            self._show_timer = None

    def show_node(self, ref: NodeRef) -> None:
        """Load the node into the editor pane (without moving focus); a pane update still due is dropped."""
        self._drop_due_node()
        self._select(ref)
        session = self.session
        shown = Shown(
            session.issue,
            session.house,
            session.expected_numbers() if ref.kind == "masthead" else None,
            self.read_only,
            self.editing_masthead,
        )
        waiting = self.query_one(EditorPane).show(ref, shown)
        if waiting is not None:
            self.call_next(self._show_when_mounted, waiting, ref)

    async def _show_when_mounted(self, pane_id: str, ref: NodeRef) -> None:
        if await self.query_one(EditorPane).when_mounted(pane_id) and self.node == ref:
            self.show_node(ref)

    def reload_form(self) -> None:
        self.show_node(self.node)

    @on(OutlineTree.NodeHighlighted)
    def _outline_moved(self, event: OutlineTree.NodeHighlighted[NodeRef]) -> None:
        if event.node is not self.query_one(OutlineTree).cursor_node:
            return  # a node highlighted on the way while the outline was rebuilt
        ref = event.node.data
        if ref is None or ref == self.node:  # placing the cursor on the selected node changes nothing
            return
        self.show_soon(ref)

    def show_soon(self, ref: NodeRef) -> None:
        """Select ``ref`` at once (what the keys act on); the pane shows it once the cursor rests.

        Held keys move the cursor faster than the pane can follow; focus
        entering the pane shows it first (:meth:`set_focus`).
        """
        self._select(ref)
        self._drop_due_node()
        self._show_due = ref
        self._show_timer = self.set_timer(SHOW_DELAY, self.show_due_node)

    def show_due_node(self) -> None:
        """The pane catches up with the outline's selection (at once, if it has not yet).

        Not once the screen is leaving (the app exiting moves focus too): the pane is being taken down.
        """
        if self._show_due is not None and self.is_attached:
            self.show_node(self._show_due)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        # Before focus can enter the editor pane (Tab, a click), it shows the selected node.
        self.show_due_node()
        super().set_focus(widget, scroll_visible, from_app_focus)

    @on(OutlineTree.NodeSelected)
    def _outline_chosen(self, event: OutlineTree.NodeSelected[NodeRef]) -> None:
        """Enter on a node moves into its form."""
        ref = event.node.data
        if ref is None or ref.kind == "column":
            return
        self.editing_masthead = ref.kind == "masthead"
        self.show_node(ref)
        first = {
            "article": "#article-title",
            "masthead": "#masthead-name",
            "endblock": "#endblock-distribution",
        }[ref.kind]
        self.focus_later(first)

    @on(MastheadOpened)
    def _edit_masthead(self) -> None:
        if not self.editing_masthead or self.node.kind != "masthead":  # a click also focuses: one Open each
            self.editing_masthead = True
            self.show_node(NodeRef("masthead"))
        self.focus_later("#masthead-name")

    async def _preview_when_mounted(self) -> None:
        if await self.query_one(EditorPane).when_mounted("preview"):
            self.action_toggle_preview()

    def action_toggle_preview(self) -> None:
        self._drop_due_node()  # the preview replaces the pane: a node still due must not replace it in turn
        pane = self.query_one(EditorPane)
        if pane.current == "preview":
            self.show_node(self.node)
            return
        if not pane.show_preview(render_text(self.session.issue, self.session.house.style)):
            self.call_next(self._preview_when_mounted)

    # ------------------------------------------------------------ editing and checking

    @on(FieldEdited)
    def _field_edited(self, event: FieldEdited) -> None:
        if self.guard(self.session.set_field, event.field, event.value, event.article)[1]:
            self.refresh_header()
            self.schedule_check()
            self.schedule_autosave()

    @on(FieldRejected)
    def _field_rejected(self, event: FieldRejected) -> None:
        self.session.reject_field(event.field, event.label, event.text)
        self.refresh_header()

    @on(ColumnChanged)
    def _column_changed(self, event: ColumnChanged) -> None:
        new_index = self.session.move_to_column(event.article, event.column)
        self.after_structure(NodeRef("article", new_index))

    def schedule_check(self) -> None:
        """Re-check what was typed once typing pauses."""
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._start_check)

    def _start_check(self) -> None:
        request = self.session.take_recheck()
        if request is not None:
            self._recheck(request)

    @work(thread=True, group="check")
    def _recheck(self, request: Recheck) -> None:
        """Off the UI thread: the rules read the issue; the result comes back as a message."""
        self.post_message(ChecksReady(self.session.run_recheck(request)))

    @work(group="restructure", exclusive=True)
    async def _carry_on(self) -> None:
        """On the UI's own loop, not a thread: a step, then whatever keys came meanwhile, then a step.

        A thread would compete with the UI for the interpreter (tried: the
        longest stall grew).  Another structural edit starts the re-check
        anew, and this worker with it.
        """
        while not self.session.step(STRUCTURE_STEP):
            await asyncio.sleep(STRUCTURE_PAUSE)  # a pause: the screen's own work comes first
        await asyncio.sleep(STRUCTURE_PAUSE)  # and before the findings are shown: a turn of their own
        self.post_message(StructureChecked())

    @on(StructureChecked)
    def _structure_checked(self) -> None:
        self.refresh_findings(pane_later=True)
        if self.session.recheck_pending:  # typed into an article the re-check had passed
            self.schedule_check()

    @on(ChecksReady)
    def _checks_ready(self, message: ChecksReady) -> None:
        if self.session.apply_recheck(message.result):
            self.refresh_findings()
        if self.session.recheck_pending:  # edits made while it ran (or while the first check ran)
            self.schedule_check()

    def schedule_autosave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self._autosave)

    def _autosave(self) -> None:
        self.run_worker(self._autosave_in_thread, thread=True, group="autosave", exclusive=True)

    def _autosave_in_thread(self) -> None:
        """Write the recovery file; a failure is reported, never fatal: the text stays in the editor."""
        was_failing = self.session.autosave_error is not None
        try:
            self.session.autosave()
            if not self.session.dirty:  # the edits were undone back to the saved file
                self.app.call_from_thread(self.refresh_header)
        except JianbaoError as exc:
            if not was_failing:  # say it once, not at every pause in typing
                self.app.call_from_thread(self._autosave_failed, exc)
            return
        if was_failing:
            self.app.call_from_thread(self.notify, t("autosave_back", self.lang))

    def _autosave_failed(self, exc: JianbaoError) -> None:
        self.notify(
            t("autosave_off", self.lang, reason=exc.render(self.lang)), severity="warning", timeout=15
        )
